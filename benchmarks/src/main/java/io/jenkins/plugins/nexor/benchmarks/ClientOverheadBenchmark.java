package io.jenkins.plugins.nexor.benchmarks;

import io.jenkins.plugins.nexor.client.Channel;
import io.jenkins.plugins.nexor.client.MessageRequest;
import io.jenkins.plugins.nexor.client.MessageResult;
import io.jenkins.plugins.nexor.client.NexorClient;
import io.jenkins.plugins.nexor.client.WireFormat;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * What {@link NexorClient#send} costs over a bare OkHttp POST of the same bytes to the same loopback server, in one
 * run. {@code bareOkHttpPost} is the baseline; the ratio {@code clientSend / bareOkHttpPost} is the client's overhead
 * (JSON writing, header set-up, response parsing and error mapping). {@code clientBuildAndSend} adds building and
 * validating the request from raw input, as the Jenkins step does.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 10, time = 2)
@Fork(value = 2, jvmArgsAppend = "-Xmx512m")
public class ClientOverheadBenchmark {
    static final String LEAD = "3c90c3cc-0d44-4b50-8888-8dd25736052a";
    static final String WORKFLOW = "5f0e8a1e-2b7c-4d1a-9c3e-7a6b5d4c3b2a";
    static final String KEY = "nxr_live_benchmark_key";
    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

    private LoopbackNexor server;
    private OkHttpClient okhttp;
    private NexorClient client;
    private MessageRequest request;
    private byte[] body;
    private String url;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        server = new LoopbackNexor();
        okhttp = new OkHttpClient.Builder().followRedirects(false).build();
        client = NexorClient.builder().apiKey(KEY).baseUrl(server.baseUrl()).httpClient(okhttp).build();
        request = raw().build();
        body = WireFormat.writeRequest(request);
        url = server.baseUrl() + "/messages";
    }

    private static MessageRequest.Builder raw() {
        return MessageRequest.builder().leadId(LEAD).workflowId(WORKFLOW).channel(Channel.WHATSAPP)
                .content("Hola Ana, tu pedido #1234 salió hoy y llega el jueves.");
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        server.close();
        okhttp.connectionPool().evictAll();
    }

    @Benchmark
    public String bareOkHttpPost() throws IOException {
        Request r = new Request.Builder().url(url).header("X-API-Key", KEY).header("Accept", "application/json")
                .header("User-Agent", "bench").post(RequestBody.create(body, JSON)).build();
        try (Response response = okhttp.newCall(r).execute()) {
            return response.body().string();
        }
    }

    @Benchmark
    public MessageResult clientSend() throws Exception {
        return client.send(request);
    }

    @Benchmark
    public MessageResult clientBuildAndSend() throws Exception {
        return client.send(raw().build());
    }
}
