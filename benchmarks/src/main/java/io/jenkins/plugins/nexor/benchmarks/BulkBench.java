package io.jenkins.plugins.nexor.benchmarks;

import io.jenkins.plugins.nexor.client.BulkResult;
import io.jenkins.plugins.nexor.client.BulkSender;
import io.jenkins.plugins.nexor.client.Channel;
import io.jenkins.plugins.nexor.client.MessageRequest;
import io.jenkins.plugins.nexor.client.NexorClient;
import io.jenkins.plugins.nexor.client.Recipient;
import io.jenkins.plugins.nexor.sandbox.NexorSandbox;
import io.jenkins.plugins.nexor.sandbox.RecordedRequest;
import io.jenkins.plugins.nexor.sandbox.SandboxDirectory;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Bulk sending figures (issue 7), each against a baseline measured in the same run, all against nexor-sandbox:
 * <ol>
 *   <li>N leads, sandbox latency 50 ms: bulk (concurrency 16) versus a sequential loop of single sends;</li>
 *   <li>a 20 requests/s cap: the largest number of requests the sandbox saw in any one-second window;</li>
 *   <li>heap retained with the result, 1,000 versus 10,000 leads (zero latency, a sandbox that keeps one message):
 *       what grows is the per-lead result entries only.</li>
 * </ol>
 * {@code java -cp benchmarks/target/benchmarks.jar io.jenkins.plugins.nexor.benchmarks.BulkBench [leads=1000]}
 */
public final class BulkBench {
    private BulkBench() {}

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("memory")) {
            memory(1_000);
            memory(10_000);
            return;
        }
        int leads = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        speed(leads);
        rateCap(200, 20);
        memory(1_000);
        memory(10_000);
    }

    private static List<Recipient> recipients(int n) {
        List<Recipient> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(Recipient.of(new UUID(0x4e58L, i).toString()));
        }
        return out;
    }

    private static MessageRequest.Builder message() {
        return MessageRequest.builder().workflowId(SandboxDirectory.DEMO_WORKFLOW).channel(Channel.WHATSAPP)
                .content("Tu pedido salió hoy");
    }

    private static NexorSandbox sandbox(Duration latency) throws Exception {
        SandboxDirectory directory = SandboxDirectory.seeded().acceptAnyLead(true);
        return NexorSandbox.builder().latency(latency).directory(directory).maxMessages(20_000).threads(64).start();
    }

    private static NexorClient client(NexorSandbox s) {
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

    static void memory(int n) throws Exception {
        // a sandbox that keeps one message: its journal would otherwise be counted as the bulk run's memory
        SandboxDirectory directory = SandboxDirectory.seeded().acceptAnyLead(true);
        try (NexorSandbox s = NexorSandbox.builder().directory(directory).maxMessages(1).threads(64).start()) {
            List<Recipient> leads = recipients(n);
            System.gc();
            ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
            long before = used();
            BulkResult result = BulkSender.builder(client(s)).concurrency(16).build().prepare(message(), leads)
                    .execute(null);
            long peak = ManagementFactory.getMemoryPoolMXBeans().stream()
                    .filter(p -> p.getType() == java.lang.management.MemoryType.HEAP)
                    .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
            System.gc();
            long after = used();
            System.out.printf("memory: %d leads: sent %d, heap before %d MiB, peak %d MiB, retained after (with the "
                    + "result) %d MiB, threads %d%n", n, result.sent(), before >> 20, peak >> 20, after >> 20,
                    Thread.activeCount());
        }
    }

    private static long used() {
        Runtime r = Runtime.getRuntime();
        return r.totalMemory() - r.freeMemory();
    }
}
