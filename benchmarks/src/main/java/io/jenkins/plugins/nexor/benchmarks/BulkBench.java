package io.jenkins.plugins.nexor.benchmarks;

import io.jenkins.plugins.nexor.client.BulkResult;
import io.jenkins.plugins.nexor.client.BulkSend;
import io.jenkins.plugins.nexor.client.BulkSender;
import io.jenkins.plugins.nexor.client.BulkTotals;
import io.jenkins.plugins.nexor.client.Channel;
import io.jenkins.plugins.nexor.client.MessageRequest;
import io.jenkins.plugins.nexor.client.NexorClient;
import io.jenkins.plugins.nexor.client.Recipient;
import io.jenkins.plugins.nexor.client.Recipients;
import io.jenkins.plugins.nexor.sandbox.NexorSandbox;
import io.jenkins.plugins.nexor.sandbox.RecordedRequest;
import io.jenkins.plugins.nexor.sandbox.SandboxDirectory;
import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Bulk sending figures (issue 7), each against a baseline measured in the same run, all against nexor-sandbox:
 * <ol>
 *   <li>N leads, sandbox latency 50 ms: bulk (concurrency 16) versus a sequential loop of single sends;</li>
 *   <li>a 20 requests/s cap: the largest number of requests the sandbox saw in any one-second window;</li>
 *   <li>heap in use half-way through 1,000, 10,000 and 100,000 leads (against a bare loopback server that keeps
 *       nothing): streamed from a file versus a list with collected results (the baseline).</li>
 * </ol>
 * {@code java -cp benchmarks/target/benchmarks.jar io.jenkins.plugins.nexor.benchmarks.BulkBench [leads=1000]};
 * {@code … BulkBench record [leads=1000]} for what the send record costs ({@link RecordBench}).
 */
public final class BulkBench {
    private BulkBench() {}

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("record")) {
            int leads = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
            RecordBench.latency(leads, 5);
            RecordBench.overhead(10_000, 5);
            RecordBench.size(100_000);
            return;
        }
        if (args.length > 0 && args[0].equals("memory")) {
            memory(1_000, false); // warm-up: classes, connection pool, JIT
            memory(1_000, true);
            memory(10_000, true);
            memory(100_000, true);
            return;
        }
        int leads = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        speed(leads);
        rateCap(200, 20);
        memory(1_000, false);
        memory(1_000, true);
        memory(10_000, true);
    }

    static List<Recipient> recipients(int n) {
        List<Recipient> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(Recipient.of(new UUID(0x4e58L, i).toString()));
        }
        return out;
    }

    static MessageRequest.Builder message() {
        return MessageRequest.builder().workflowId(SandboxDirectory.DEMO_WORKFLOW).channel(Channel.WHATSAPP)
                .content("Tu pedido salió hoy");
    }

    static NexorSandbox sandbox(Duration latency) throws Exception {
        SandboxDirectory directory = SandboxDirectory.seeded().acceptAnyLead(true);
        return NexorSandbox.builder().latency(latency).directory(directory).maxMessages(20_000).threads(64).start();
    }

    static NexorClient client(NexorSandbox s) {
        return NexorClient.builder().apiKey(s.apiKey()).baseUrl(s.baseUrl()).build();
    }

    static void speed(int n) throws Exception {
        try (NexorSandbox s = sandbox(Duration.ofMillis(50))) {
            NexorClient client = client(s);
            List<Recipient> leads = recipients(n);
            long t0 = System.nanoTime();
            for (Recipient r : leads) {
                client.send(message().leadId(r.leadId()).build());
            }
            double sequential = (System.nanoTime() - t0) / 1e9;
            s.reset();
            long t1 = System.nanoTime();
            BulkResult result = BulkSender.builder(client).concurrency(16).build().prepare(message(), leads).execute(null);
            double bulk = (System.nanoTime() - t1) / 1e9;
            System.out.printf("speed: %d leads, 50 ms latency: sequential %.2f s, bulk (16) %.2f s, ratio %.1fx; "
                    + "sent %d, max sends to one lead %d%n", n, sequential, bulk, sequential / bulk, result.sent(),
                    s.sentCounts().values().stream().mapToInt(Integer::intValue).max().orElse(0));
        }
    }

    static void rateCap(int n, double perSecond) throws Exception {
        try (NexorSandbox s = sandbox(Duration.ZERO)) {
            long t0 = System.nanoTime();
            BulkResult result = BulkSender.builder(client(s)).concurrency(8).maxPerSecond(perSecond).build()
                    .prepare(message(), recipients(n)).execute(null);
            double seconds = (System.nanoTime() - t0) / 1e9;
            List<Long> times = s.requests().stream().map(RecordedRequest::time)
                    .map(t -> t.getEpochSecond() * 1_000_000_000L + t.getNano()).sorted().toList();
            int worst = 0;
            for (int i = 0, j = 0; i < times.size(); i++) {
                while (j < times.size() && times.get(j) - times.get(i) < 1_000_000_000L) {
                    j++;
                }
                worst = Math.max(worst, j - i);
            }
            System.out.printf("rate cap: %d leads at %.0f/s: %.2f s (%.1f/s), sent %d, most requests the sandbox saw "
                    + "in any 1 s window: %d%n", n, perSecond, seconds, n / seconds, result.sent(), worst);
        }
    }

    /**
     * Heap in use half-way through a run of n leads (after a full GC, from the progress callback), above the heap in
     * use before: a file streamed twice with {@code stream} (nothing per lead kept but one bit and 16 bytes), against
     * the same leads read into a list and collected with {@code execute} (the baseline).
     */
    static void memory(int n, boolean print) throws Exception {
        // a bare server that keeps nothing: the sandbox's per-lead counts would be counted as the bulk run's memory
        Path file = Files.createTempFile("nexor-bulk-bench", ".csv");
        try (LoopbackNexor server = new LoopbackNexor()) {
            try (BufferedWriter w = Files.newBufferedWriter(file)) {
                w.write("lead_id\n");
                for (int i = 0; i < n; i++) {
                    w.write(new UUID(0x4e58L, i) + "\n");
                }
            }
            BulkSender sender = BulkSender.builder(NexorClient.builder().apiKey(ClientOverheadBenchmark.KEY)
                    .baseUrl(server.baseUrl()).build()).concurrency(16).build();
            AtomicLong midRun = new AtomicLong();
            BulkSend.Progress halfWay = (entry, done, total) -> {
                if (done == total / 2) {
                    midRun.set(usedAfterGc());
                }
            };
            long before = usedAfterGc();
            BulkTotals streamed = sender.prepare(message(), Recipients.csv(() -> Files.newBufferedReader(file)))
                    .stream(halfWay);
            long streamedMid = midRun.get() - before;
            before = usedAfterGc();
            List<Recipient> list = Recipients.fromCsv(Files.readString(file));
            BulkResult collected = sender.prepare(message(), list).execute(halfWay);
            long collectedMid = midRun.get() - before;
            if (print) {
                System.out.printf("memory: %,d leads: streamed from the file %,d KiB (%.1f B/lead), list + collected "
                    + "result %,d KiB (%.1f B/lead); sent %d and %d; threads %d%n", n, streamedMid >> 10,
                    (double) streamedMid / n, collectedMid >> 10, (double) collectedMid / n, streamed.sent(),
                    collected.sent(), Thread.activeCount());
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static long usedAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return used();
    }

    private static long used() {
        Runtime r = Runtime.getRuntime();
        return r.totalMemory() - r.freeMemory();
    }
}
