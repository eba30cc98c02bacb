package io.jenkins.plugins.nexor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.nexor.client.Csv;
import io.jenkins.plugins.nexor.client.RecordedLeads;
import io.jenkins.plugins.nexor.sandbox.NexorSandbox;
import io.jenkins.plugins.nexor.sandbox.SandboxDirectory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A leads file of generated leads for a bulk run against a sandbox, and the checks every interrupted run must pass:
 * what the sandbox received is on record, the printed results have every lead, and a resume sends exactly the rest.
 */
final class BulkRun {
    /** A key no output may contain. */
    static final String KEY = "nxr_live_cli_durability_" + UUID.randomUUID().toString().replace("-", "");

    /** Options of the sandboxes these tests use: slow enough to interrupt mid-run, any lead accepted. */
    static NexorSandbox.Builder sandbox(Duration latency) {
        return NexorSandbox.builder().apiKey(KEY).latency(latency).maxMessages(5000)
                .directory(SandboxDirectory.seeded().acceptAnyLead(true));
    }

    final List<String> leads = new ArrayList<>();
    final Path file;
    final Path record;
    private final NexorSandbox sandbox;

    BulkRun(NexorSandbox sandbox, Path dir, int count) throws IOException {
        this.sandbox = sandbox;
        for (int i = 0; i < count; i++) {
            leads.add(UUID.randomUUID().toString());
        }
        file = dir.resolve("leads.csv");
        Files.writeString(file, "lead_id\n" + String.join("\n", leads) + "\n", StandardCharsets.UTF_8);
        record = dir.resolve("leads.record.csv").toAbsolutePath();
    }

    /** {@code send-bulk} of these leads, one WhatsApp text each. */
    String[] args(int concurrency, String... extra) {
        List<String> args = new ArrayList<>(List.of("send-bulk", "--leads", file.toString(), "--workflow",
                SandboxDirectory.DEMO_WORKFLOW, "--channel", "whatsapp", "--content", "Hola", "--concurrency",
                Integer.toString(concurrency)));
        args.addAll(List.of(extra));
        return args.toArray(String[]::new);
    }

    /** Waits until the sandbox has no request in flight and its counts stop moving (a killed client's last ones). */
    Map<String, Integer> settled() throws InterruptedException {
        Map<String, Integer> before;
        Map<String, Integer> now = sandbox.sentCounts();
        do {
            before = now;
            CliProcess.await("no request in flight at the sandbox", () -> sandbox.activeRequests() == 0);
            Thread.sleep(300);
            now = sandbox.sentCounts();
        } while (!now.equals(before) || sandbox.activeRequests() > 0);
        return now;
    }

    /** The printed results, lead → {outcome, may_have_been_sent}; asserts one row per lead, in input order. */
    Map<String, String[]> results(String stdout, boolean json) throws IOException {
        Map<String, String[]> rows = new LinkedHashMap<>();
        if (json) {
            JsonNode array = new ObjectMapper().readTree(stdout); // throws when the output is not valid JSON
            for (JsonNode row : array) {
                rows.put(row.get("lead_id").asText(), new String[] {row.get("outcome").asText().toUpperCase(Locale.ROOT),
                        row.get("may_have_been_sent").asText()});
            }
            assertThat(array.size()).as("one JSON object per lead").isEqualTo(leads.size());
        } else {
            List<List<String>> lines = Csv.parse(stdout);
            assertThat(String.join(",", lines.get(0))).isEqualTo(Csv.RESULTS_HEADER);
            for (List<String> row : lines.subList(1, lines.size())) {
                rows.put(row.get(1), new String[] {row.get(2), row.get(8)});
            }
            assertThat(lines).as("a header and one row per lead").hasSize(1 + leads.size());
        }
        assertThat(List.copyOf(rows.keySet())).as("every lead once, in input order").isEqualTo(leads);
        return rows;
    }

    /** Every lead the sandbox received is in the record as sent or possibly sent; the leads possibly sent. */
    Set<String> assertRecordCovers(Map<String, Integer> received) throws IOException {
        assertThat(received.values()).as("no lead received twice").allMatch(n -> n == 1);
        Set<String> uncertain = new HashSet<>();
        try (RecordedLeads recorded = RecordedLeads.read(record)) {
            for (String lead : received.keySet()) {
                assertThat(recorded.state(lead)).as(lead + " reached Nexor, so the record must say it may have")
                        .isIn(RecordedLeads.State.SENT, RecordedLeads.State.UNCERTAIN);
            }
            for (String lead : leads) {
                if (recorded.state(lead) == RecordedLeads.State.UNCERTAIN) {
                    uncertain.add(lead);
                }
            }
        }
        assertThat(Files.readString(record)).doesNotContain(KEY);
        return uncertain;
    }

    /**
     * Runs {@code --resume RECORD} to its end and checks it sent exactly the leads that surely had not been sent
     * (not the possibly sent ones), no lead twice across both runs, every lead accounted for.
     */
    void resumeSendsExactlyTheRest(Map<String, Integer> before, Set<String> uncertain)
            throws IOException, InterruptedException {
        CliProcess resume = CliProcess.nexor(args(16, "--resume", record.toString())).against(sandbox).start();
        int code = resume.exitCode();
        assertThat(code).as(resume.err()).isEqualTo(uncertain.isEmpty() ? ExitCodes.OK : ExitCodes.SOME_FAILED);
        Map<String, Integer> after = settled();
        assertThat(after.values()).as("no lead received twice across both runs").allMatch(n -> n == 1);
        Set<String> sentNow = new HashSet<>(after.keySet());
        sentNow.removeAll(before.keySet());
        Set<String> expected = new HashSet<>(leads);
        expected.removeAll(before.keySet());
        expected.removeAll(uncertain);
        assertThat(sentNow).as("the resume sends exactly the leads that surely had not been sent").isEqualTo(expected);
        assertThat(leads).as("every lead received once, or on record as possibly sent")
                .allMatch(l -> after.containsKey(l) || uncertain.contains(l));
        Map<String, String[]> rows = results(resume.out(), false);
        for (String lead : uncertain) {
            assertThat(rows.get(lead)).as("possibly sent: reported, not resent").containsExactly("FAILED", "true");
        }
        assertThat(resume.err()).contains("send record: " + record + " (resumed: ");
        assertThat(resume.out() + resume.err()).doesNotContain(KEY);
    }
}
