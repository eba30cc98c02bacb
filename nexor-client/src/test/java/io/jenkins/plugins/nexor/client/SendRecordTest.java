package io.jenkins.plugins.nexor.client;

import static io.jenkins.plugins.nexor.client.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The write-ahead record of a bulk send: written before each request leaves, read back to resume without duplicates. */
class SendRecordTest {
    private final MockWebServer server = new MockWebServer();
    private final LeadCountingDispatcher nexor = new LeadCountingDispatcher();
    private NexorClient client;
    @TempDir
    Path dir;

    @BeforeEach
    void start() throws Exception {
        server.setDispatcher(nexor);
        server.start();
        client = clientFor(server).build();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static String lead(int i) {
        return Fixtures.lead(0x3333, i);
    }

    private static List<Recipient> leads(int n) {
        return Fixtures.leads(0x3333, n);
    }

    private static MessageRequest.Builder shared() {
        return MessageRequest.builder().workflowId(WORKFLOW).channel(Channel.WHATSAPP).content("Hola");
    }

    private BulkSend prepare(int n) {
        return BulkSender.builder(client).concurrency(4).build().prepare(shared(), leads(n));
    }

    @Test
    void everyRequestIsOnRecordBeforeItReachesNexorAndItsOutcomeAfter() throws Exception {
        Path file = dir.resolve("run.csv");
        List<String> missing = new CopyOnWriteArrayList<>();
        nexor.answer = lead -> {
            try { // what Nexor receives must already be on record as SENDING
                String text = Files.readString(file);
                if (!text.contains("," + lead + ",SENDING,")) {
                    missing.add(lead);
                }
            } catch (java.io.IOException e) {
                missing.add(lead + " " + e);
            }
            return sentWhatsapp();
        };
        BulkTotals totals;
        try (SendRecord record = SendRecord.create(file, SendRecord.Sync.DISK)) {
            totals = prepare(50).record(record).stream(null);
        }

        assertThat(totals.sent()).isEqualTo(50);
        assertThat(missing).isEmpty();
        try (RecordedLeads recorded = RecordedLeads.read(file)) {
            assertThat(recorded.size()).isEqualTo(50);
            assertThat(recorded.count(RecordedLeads.State.SENT)).isEqualTo(50);
            BulkEntry e = recorded.entry(lead(7), 7);
            assertThat(e.outcome()).isEqualTo(BulkEntry.Outcome.SENT);
            assertThat(e.earlierRun()).isTrue();
            assertThat(e.result().messageId()).isEqualTo("m-1");
            assertThat(e.result().providerMessageId()).isEqualTo("wamid.HBgL");
        }
        List<String> lines = Files.readAllLines(file);
        assertThat(lines.get(0)).isEqualTo(Csv.RESULTS_HEADER);
        assertThat(lines).hasSize(1 + 2 * 50);
    }

    @Test
    void aResumedRunSendsOnlyLeadsThatSurelyDidNotReachAnyone() throws Exception {
        Path file = dir.resolve("earlier.csv");
        Files.writeString(file, Csv.RESULTS_HEADER + "\n"
                + "1," + lead(0) + ",SENDING,,,,,,true,1,\n"
                + "1," + lead(0) + ",SENT,m-0,wamid.0,,,,false,1,\n"
                + "2," + lead(1) + ",SENDING,,,,,,true,1,\n" // in flight when it stopped
                + "3," + lead(2) + ",FAILED,,,,,,true,1,connection reset after sending\n"
                + "4," + lead(3) + ",FAILED,,,,,,false,5,Nexor kept answering 429\n"
                + "5," + lead(4) + ",NOT_ATTEMPTED,,,,,,false,0,not attempted: the run was cancelled\n"
                + "6," + lead(5) + ",SEND", StandardCharsets.UTF_8); // cut short by a crash: ignored

        List<BulkEntry> entries = new ArrayList<>();
        BulkTotals totals;
        try (SendRecord record = SendRecord.resume(file, SendRecord.Sync.DISK)) {
            assertThat(record.earlier().state(lead(0))).isEqualTo(RecordedLeads.State.SENT);
            assertThat(record.earlier().state(lead(1))).isEqualTo(RecordedLeads.State.UNCERTAIN);
            assertThat(record.earlier().state(lead(2))).isEqualTo(RecordedLeads.State.UNCERTAIN);
            assertThat(record.earlier().state(lead(3))).isEqualTo(RecordedLeads.State.NOT_SENT);
            assertThat(record.earlier().state(lead(5))).isNull();
            totals = prepare(8).record(record).stream((e, done, total) -> entries.add(e));
        }

        assertThat(nexor.requestsPerLead).containsOnlyKeys(lead(3), lead(4), lead(5), lead(6), lead(7));
        assertThat(entries.get(0)).satisfies(e -> {
            assertThat(e.outcome()).isEqualTo(BulkEntry.Outcome.SENT);
            assertThat(e.earlierRun()).isTrue();
            assertThat(e.result().messageId()).isEqualTo("m-0");
        });
        assertThat(entries.subList(1, 3)).allSatisfy(e -> {
            assertThat(e.outcome()).isEqualTo(BulkEntry.Outcome.FAILED);
            assertThat(e.mayHaveBeenSent()).isTrue();
            assertThat(e.earlierRun()).isTrue();
            assertThat(e.error()).contains("may have reached it");
        });
        assertThat(totals.sent()).isEqualTo(6);
        assertThat(totals.fromEarlierRun()).isEqualTo(3);
        assertThat(totals.mayHaveBeenSent()).isEqualTo(2);
        assertThat(totals.surelyNotSent()).isZero();
        assertThat(Files.readString(file)).doesNotContain(",SEND\n").doesNotContain("SEND6");

        // only an explicit request sends the uncertain ones, and nothing else
        nexor.requestsPerLead.clear();
        try (SendRecord record = SendRecord.resume(file, SendRecord.Sync.OS)) {
            totals = prepare(8).record(record).resendUncertain(true).stream(null);
        }
        assertThat(nexor.requestsPerLead).containsOnlyKeys(lead(1), lead(2));
        assertThat(totals.sent()).isEqualTo(8);
        try (RecordedLeads recorded = RecordedLeads.read(file)) {
            assertThat(recorded.count(RecordedLeads.State.SENT)).isEqualTo(8);
        }
    }

    @Test
    void aRequestInFlightWhenARunStoppedStaysMayHaveBeenSentWhateverALaterAttemptGets() throws Exception {
        Path file = dir.resolve("crashed.csv");
        Files.writeString(file, Csv.RESULTS_HEADER + "\n2," + lead(1) + ",SENDING,,,,,,true,1,\n");
        try (SendRecord record = SendRecord.resume(file, SendRecord.Sync.DISK)) {
            assertThat(record.earlier().state(lead(1))).isEqualTo(RecordedLeads.State.UNCERTAIN);
        }
        assertThat(Files.readAllLines(file)).last().asString().startsWith("2," + lead(1) + ",FAILED,")
                .contains(",true,1,").contains(RecordedLeads.IN_FLIGHT);

        nexor.answer = lead -> json(422, "{\"error\":\"Lead not reachable\",\"message\":\"no phone\"}");
        try (SendRecord record = SendRecord.resume(file, SendRecord.Sync.DISK)) {
            prepare(2).record(record).resendUncertain(true).stream(null);
        }
        assertThat(nexor.requestsPerLead).containsOnlyKeys(lead(0), lead(1));
        try (RecordedLeads recorded = RecordedLeads.read(file)) {
            assertThat(recorded.state(lead(0))).isEqualTo(RecordedLeads.State.NOT_SENT);
            assertThat(recorded.state(lead(1))).as("the first request may still have reached the lead")
                    .isEqualTo(RecordedLeads.State.UNCERTAIN);
        }
    }

    @Test
    void aStoppedRunLetsSendsInFlightFinishStartsNoMoreAndRecordsEveryLead() throws Exception {
        Path file = dir.resolve("stopped.csv");
        nexor.answer = lead -> sentWhatsapp().newBuilder().headersDelay(300, TimeUnit.MILLISECONDS).build();
        BulkSend send = prepare(100);
        AtomicReference<BulkTotals> totals = new AtomicReference<>();
        try (SendRecord record = SendRecord.create(file, SendRecord.Sync.DISK)) {
            Thread runner = new Thread(() -> totals.set(send.record(record).stream(null)));
            runner.start();
            Thread.sleep(700);
            send.stop(Duration.ofSeconds(10));
            int requestsWhenStopped = server.getRequestCount();
            runner.join(10_000);
            assertThat(runner.isAlive()).isFalse();
            assertThat(server.getRequestCount()).isEqualTo(requestsWhenStopped);
        }
        BulkTotals t = totals.get();
        assertThat(t.cancelled()).isTrue();
        assertThat(t.sent()).as("the sends in flight were let finish").isEqualTo(nexor.requestsPerLead.size());
        assertThat(t.failed()).isZero();
        assertThat(t.notAttempted()).isEqualTo(100 - t.sent());
        try (RecordedLeads recorded = RecordedLeads.read(file)) {
            assertThat(recorded.size()).isEqualTo(100);
            assertThat(recorded.count(RecordedLeads.State.SENT)).isEqualTo(t.sent());
        }
        assertThat(Files.readString(file)).contains("not attempted: the run was stopped");
    }

    @Test
    void aNewRecordNeverOverwritesAnEarlierRunsRecord() throws Exception {
        Path file = dir.resolve("r.csv");
        Files.writeString(file, Csv.RESULTS_HEADER + "\n1," + lead(0) + ",SENT,m,,,,,false,1,\n");
        assertThatThrownBy(() -> SendRecord.create(file, SendRecord.Sync.DISK))
                .isInstanceOf(FileAlreadyExistsException.class);
        assertThat(Files.readString(file)).contains(",SENT,m,");
    }

    @Test
    void filesThatAreNotRecordsAreRefusedWithTheReason() throws Exception {
        Path leadsFile = dir.resolve("leads.csv");
        Files.writeString(leadsFile, "lead_id,content\n" + lead(0) + ",Hola\n");
        assertThatThrownBy(() -> SendRecord.resume(leadsFile, SendRecord.Sync.DISK))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not a record or results file").hasMessageContaining(Csv.RESULTS_HEADER);
        Path damaged = dir.resolve("damaged.csv");
        Files.writeString(damaged, Csv.RESULTS_HEADER + "\n1," + lead(0) + ",MAYBE,,,,,,false,1,\n");
        assertThatThrownBy(() -> RecordedLeads.read(damaged)).hasMessageContaining("line 2")
                .hasMessageContaining("unknown outcome \"MAYBE\"");
        assertThatThrownBy(() -> RecordedLeads.read(Path.of("/dev/zero")))
                .hasMessageContaining("not a regular file");
        assertThatThrownBy(() -> RecordedLeads.read(dir.resolve("absent.csv")))
                .hasMessageContaining("not a regular file");
    }

    @Test
    void recordLinesAreOneLineWhateverTheErrorText() throws Exception {
        Path file = dir.resolve("lines.csv");
        nexor.answer = lead -> json(422, "{\"error\":\"Bad\\r\\nthing\",\"message\":\"two\\nlines \\u001b[2J\"}");
        try (SendRecord record = SendRecord.create(file, SendRecord.Sync.OS)) {
            prepare(3).record(record).stream(null);
        }
        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(1 + 2 * 3);
        assertThat(lines).noneMatch(l -> l.chars().anyMatch(c -> c < 0x20));
        assertThat(String.join("\n", lines)).contains("\\u001b[2J");
        try (RecordedLeads recorded = RecordedLeads.read(file)) {
            assertThat(recorded.count(RecordedLeads.State.NOT_SENT)).isEqualTo(3);
        }
    }
}
