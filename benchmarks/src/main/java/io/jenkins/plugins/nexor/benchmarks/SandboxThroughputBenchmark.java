package io.jenkins.plugins.nexor.benchmarks;

import io.jenkins.plugins.nexor.client.Channel;
import io.jenkins.plugins.nexor.client.MessageRequest;
import io.jenkins.plugins.nexor.client.MessageResult;
import io.jenkins.plugins.nexor.client.NexorClient;
import io.jenkins.plugins.nexor.sandbox.NexorSandbox;
import io.jenkins.plugins.nexor.sandbox.SandboxDirectory;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Sends per second through the real client to nexor-sandbox, 4 client threads, against the same client sending to
 * the bare loopback server ({@link LoopbackNexor}) in the same run: the difference is what the sandbox adds
 * (validation, Nexor's rules, journal, ids). Run in throughput mode for sends/s and sample mode for percentiles.
 */
@State(Scope.Benchmark)
@BenchmarkMode({Mode.Throughput, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
@Threads(4)
public class SandboxThroughputBenchmark {
    private NexorSandbox sandbox;
    private LoopbackNexor bare;
    private NexorClient toSandbox;
    private NexorClient toBare;
    private MessageRequest request;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        sandbox = NexorSandbox.builder().maxMessages(1000).start();
        bare = new LoopbackNexor();
        toSandbox = NexorClient.builder().apiKey(sandbox.apiKey()).baseUrl(sandbox.baseUrl()).build();
        toBare = NexorClient.builder().apiKey(sandbox.apiKey()).baseUrl(bare.baseUrl()).build();
        request = MessageRequest.builder().leadId(SandboxDirectory.DEMO_LEAD_ANA)
                .workflowId(SandboxDirectory.DEMO_WORKFLOW).channel(Channel.WHATSAPP).content("Hola Ana").build();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        sandbox.close();
        bare.close();
    }

    @Benchmark
    public MessageResult sendToSandbox() throws Exception {
        return toSandbox.send(request);
    }

    @Benchmark
    public MessageResult sendToBareServer() throws Exception {
        return toBare.send(request);
    }
}
