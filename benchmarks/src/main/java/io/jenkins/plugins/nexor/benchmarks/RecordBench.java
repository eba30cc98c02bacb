package io.jenkins.plugins.nexor.benchmarks;

import io.jenkins.plugins.nexor.client.BulkEntry;
import io.jenkins.plugins.nexor.client.BulkSend;
import io.jenkins.plugins.nexor.client.BulkSender;
import io.jenkins.plugins.nexor.client.BulkTotals;
import io.jenkins.plugins.nexor.client.Csv;
import io.jenkins.plugins.nexor.client.MessageResult;
import io.jenkins.plugins.nexor.client.NexorClient;
import io.jenkins.plugins.nexor.client.Recipient;
import io.jenkins.plugins.nexor.client.SendRecord;
import io.jenkins.plugins.nexor.sandbox.NexorSandbox;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * What the write-ahead send record costs (issue 12), each figure beside its baseline from the same run, the three
 * variants alternating round by round (medians): no record, a record synced to the OS only, a record whose
 * {@code SENDING} lines are fsynced before each request (the default). The record lives in the temp directory.
 */
final class RecordBench {
    private RecordBench() {}

    private enum Mode {
        NONE,
        OS,
        DISK
    }

    /** N leads against the sandbox with 50 ms latency, concurrency 16 (the bulk speed figure of docs/performance.md). */
    static void latency(int n, int rounds) throws Exception {
        try (NexorSandbox s = BulkBench.sandbox(Duration.ofMillis(50))) {
            compare("sandbox 50 ms latency", BulkBench.client(s), n, rounds, s::reset);
        }
    }

    /** N leads against a bare loopback server that answers at once: the record's cost per lead, undiluted. */
    static void overhead(int n, int rounds) throws Exception {
        try (LoopbackNexor server = new LoopbackNexor()) {
            NexorClient client = NexorClient.builder().apiKey(ClientOverheadBenchmark.KEY).baseUrl(server.baseUrl())
                    .build();
            compare("bare loopback server", client, n, rounds, () -> {});
        }
    }

    private static void compare(String what, NexorClient client, int n, int rounds, Runnable reset)
            throws Exception {
        List<Recipient> leads = BulkBench.recipients(n);
        BulkSender sender = BulkSender.builder(client).concurrency(16).build();
        run(sender, leads, Mode.DISK); // warm-up: classes, JIT, connections
        double[][] seconds = new double[Mode.values().length][rounds];
        for (int r = 0; r < rounds; r++) {
            for (Mode mode : Mode.values()) {
                reset.run();
                seconds[mode.ordinal()][r] = run(sender, leads, mode);
            }
        }
        double base = median(seconds[Mode.NONE.ordinal()]);
        for (Mode mode : Mode.values()) {
            double m = median(seconds[mode.ordinal()]);
            System.out.printf("record %s, %,d leads, %s: median %.3f s (rounds %s), ratio %.3f, %+.1f µs/lead%n",
                    mode, n, what, m, round(seconds[mode.ordinal()]), m / base,
                    (m - base) * 1e6 / n);
        }
    }

    private static double run(BulkSender sender, List<Recipient> leads, Mode mode) throws Exception {
        Path file = Files.createTempFile("nexor-record-bench", ".csv");
        Files.delete(file);
        try {
            BulkSend send = sender.prepare(BulkBench.message(), leads);
            long t0 = System.nanoTime();
            BulkTotals totals;
            if (mode == Mode.NONE) {
                totals = send.stream(null);
            } else {
                try (SendRecord record = SendRecord.create(file,
                        mode == Mode.DISK ? SendRecord.Sync.DISK : SendRecord.Sync.OS)) {
                    totals = send.record(record).stream(null);
                }
            }
            double s = (System.nanoTime() - t0) / 1e9;
            if (totals.sent() != leads.size()) {
                throw new IllegalStateException("not every lead was sent: " + totals);
            }
            return s;
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** Bytes on disk of the record of N leads, each sent once with a WhatsApp answer's ids. */
    static void size(int n) throws Exception {
        Path file = Files.createTempFile("nexor-record-size", ".csv");
        Files.delete(file);
        MessageResult result = new MessageResult(true, "whatsapp", "text", UUID.randomUUID().toString(),
                "wamid.HBgLNTQ5MTEyMzQ1Njc4FQIAERgSQzVGMkI1RkE2QjA5NzBCQUE3AA==", null, null, null);
        List<String> lines = new ArrayList<>();
        lines.add(Csv.RESULTS_HEADER);
        for (int i = 0; i < n; i++) {
            String lead = new UUID(0x4e58L, i).toString();
            lines.add(Csv.resultLine(new BulkEntry(i, lead, BulkEntry.Outcome.SENDING, null, null, true, 1)));
            lines.add(Csv.resultLine(new BulkEntry(i, lead, BulkEntry.Outcome.SENT, result, null, false, 1)));
        }
        Files.write(file, lines);
        long bytes = Files.size(file);
        System.out.printf("record size: %,d leads sent once: %,d bytes (%.0f B/lead)%n", n, bytes, (double) bytes / n);
        Files.delete(file);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    private static List<String> round(double[] values) {
        return Arrays.stream(values).mapToObj(v -> String.format("%.3f", v)).toList();
    }
}
