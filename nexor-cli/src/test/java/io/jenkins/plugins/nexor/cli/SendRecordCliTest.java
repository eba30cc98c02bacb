package io.jenkins.plugins.nexor.cli;

import static io.jenkins.plugins.nexor.sandbox.SandboxDirectory.DEMO_WORKFLOW;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.nexor.client.Csv;
import io.jenkins.plugins.nexor.client.RecordedLeads;
import io.jenkins.plugins.nexor.sandbox.NexorSandboxExtension;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The send record from the command line, in-process: where it goes, refusals, resuming, results that fail. */
class SendRecordCliTest {
    @RegisterExtension
    static final NexorSandboxExtension nexor = new NexorSandboxExtension(BulkRun.sandbox(Duration.ofMillis(50)));

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(PrintWriter stdout, String... args) {
        return NexorCli.run(Map.of("NEXOR_API_KEY", BulkRun.KEY, "NEXOR_BASE_URL", nexor.sandbox().baseUrl()),
                stdout, new PrintWriter(err, true), args);
    }

    private int run(String... args) {
        return run(new PrintWriter(out, true), args);
    }

    private static String lead(int i) {
        return new UUID(0x5555, i).toString();
    }

    @Test
    void theRecordIsBesideTheLeadsAndAnExistingOneIsNeverOverwritten() throws Exception {
        BulkRun run = new BulkRun(nexor.sandbox(), dir, 3);
        assertThat(run(run.args(2))).isZero();
        assertThat(err.toString()).contains("send record: " + run.record + " (each send is written there before it "
                + "leaves; if this run stops, the same command with --resume " + run.record + ")");
        try (RecordedLeads recorded = RecordedLeads.read(run.record)) {
            assertThat(recorded.count(RecordedLeads.State.SENT)).isEqualTo(3);
        }

        err.getBuffer().setLength(0);
        assertThat(run(run.args(2))).isEqualTo(ExitCodes.INVALID);
        assertThat(err.toString().replace(System.lineSeparator(), "\n")).isEqualTo("error: " + run.record
                + " already exists: it records an earlier run of "
                + "these leads (3 sent, 0 may have been sent, 0 not sent); nothing was sent.\n"
                + "  To finish that run without messaging anyone twice: the same command with --resume " + run.record
                + "\n  To start over and message every lead again: --record NEW_FILE, or delete " + run.record + "\n");
        assertThat(nexor.sandbox().sentCounts().values()).containsOnly(1).hasSize(3);

        err.getBuffer().setLength(0);
        Path other = dir.resolve("again.csv");
        assertThat(run(run.args(2, "--record", other.toString()))).isZero(); // starting over, knowingly
        assertThat(err.toString()).contains("--resume " + other.toAbsolutePath() + " in place of --record " + other);
        assertThat(nexor.sandbox().sentCounts().values()).containsOnly(2);
    }

    @Test
    void aResumeSendsOnlyWhatSurelyReachedNoOneAndResendsTheUncertainOnlyWhenAsked() throws Exception {
        Path leads = dir.resolve("leads.csv");
        Files.writeString(leads, "lead_id\n" + lead(0) + "\n" + lead(1) + "\n" + lead(2) + "\n" + lead(3) + "\n"
                + lead(4) + "\n" + lead(5) + "\n");
        Path record = dir.resolve("earlier.csv");
        Files.writeString(record, Csv.RESULTS_HEADER + "\n"
                + "1," + lead(0) + ",SENDING,,,,,,true,1,\n"
                + "1," + lead(0) + ",SENT,m-0,wamid.0,,,,false,1,\n"
                + "2," + lead(1) + ",SENDING,,,,,,true,1,\n" // in flight when that run was killed
                + "3," + lead(2) + ",FAILED,,,,,,true,1,connection reset after sending\n"
                + "4," + lead(3) + ",FAILED,,,,,,false,5,Nexor kept answering 429\n"
                + "5," + lead(4) + ",NOT_ATTEMPTED,,,,,,false,0,not attempted: the run was stopped\n",
                StandardCharsets.UTF_8);
        String[] args = {"send-bulk", "--leads", leads.toString(), "--workflow", DEMO_WORKFLOW, "--channel",
                "whatsapp", "--content", "Hola", "--resume", record.toString()};
        assertThat(run(args)).isEqualTo(ExitCodes.SOME_FAILED);
        assertThat(nexor.sandbox().sentCounts().keySet()).containsExactlyInAnyOrder(lead(3), lead(4), lead(5));
        List<String> lines = out.toString().lines().toList();
        assertThat(lines).hasSize(7);
        assertThat(lines.get(1)).startsWith("1," + lead(0) + ",SENT,m-0,wamid.0,");
        assertThat(lines.get(2)).startsWith("2," + lead(1) + ",FAILED,").contains(",true,");
        assertThat(lines.get(3)).startsWith("3," + lead(2) + ",FAILED,").contains(",true,");
        assertThat(err.toString())
                .contains("(resumed: 1 sent by earlier runs, not sent again; 2 that may have been sent, not sent "
                        + "again either)")
                .contains("4 of 6 sent, 2 may have been sent, 0 surely not sent (2 failed, 0 skipped, 0 not "
                        + "attempted); 3 results are from earlier runs, not sent again.")
                .contains("2 may have been sent (the request left but no answer came, or it failed after being "
                        + "written): row 2 " + lead(1) + ", row 3 " + lead(2) + ".")
                .doesNotContain("To send the");

        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        String[] resend = List.of(args).toArray(new String[args.length + 1]);
        resend[args.length] = "--resend-uncertain";
        assertThat(run(resend)).isZero();
        assertThat(err.toString()).contains("; 2 that may have been sent, SENT AGAIN: --resend-uncertain)");
        assertThat(nexor.sandbox().sentCounts()).containsOnlyKeys(lead(1), lead(2), lead(3), lead(4), lead(5))
                .allSatisfy((lead, n) -> assertThat(n).isEqualTo(1));
    }

    @Test
    void resumeAndRecordOptionsThatCannotWorkAreRefusedBeforeSending() throws Exception {
        BulkRun run = new BulkRun(nexor.sandbox(), dir, 2);
        assertThat(run(run.args(2, "--resume", run.file.toString()))).isEqualTo(ExitCodes.INVALID);
        assertThat(err.toString()).contains("error: --resume " + run.file.toAbsolutePath() + ": " + run.file
                + " is not a record or results file of a bulk send: its first line should be " + Csv.RESULTS_HEADER
                + "; nothing was sent. --resume takes the send record of an earlier run, or the CSV results it "
                + "printed (not --json output).");
        assertThat(run(run.args(2, "--resume", dir.resolve("typo.csv").toString()))).isEqualTo(ExitCodes.INVALID);
        assertThat(err.toString()).contains("typo.csv: no such file; nothing was sent.");
        assertThat(run(run.args(2, "--resume", run.record.toString(), "--record", "x.csv")))
                .isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("--record and --resume cannot be used together");
        assertThat(run(run.args(2, "--resend-uncertain"))).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("--resend-uncertain applies only with --resume FILE");
        assertThat(run(run.args(2, "--record-sync", "sometimes"))).isEqualTo(ExitCodes.USAGE);
        assertThat(nexor.sandbox().requests()).isEmpty();
        assertThat(run.record).doesNotExist();
        assertThat(run(run.args(2, "--record-sync", "os"))).isZero();
    }

    @Test
    void resultsThatCannotBeWrittenStopTheRunBeforeMoreIsSentAndTheRecordHasEveryLead() throws Exception {
        int concurrency = 4;
        BulkRun run = new BulkRun(nexor.sandbox(), dir, 120);
        AtomicInteger receivedWhenItFailed = new AtomicInteger(-1);
        Writer failsAtRow10 = new Writer() {
            private int lines;

            @Override
            public void write(char[] cbuf, int off, int len) throws IOException {
                for (int i = off; i < off + len; i++) {
                    if (cbuf[i] == '\n' && ++lines > 10) {
                        receivedWhenItFailed.compareAndSet(-1, nexor.sandbox().sentCounts().size());
                        throw new IOException("disk full");
                    }
                }
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        assertThat(run(new PrintWriter(failsAtRow10, true), run.args(concurrency))).isEqualTo(ExitCodes.WRITE_FAILED);
        Map<String, Integer> received = run.settled();
        assertThat(received.size()).as("only the sends in flight when the results failed were let finish")
                .isLessThanOrEqualTo(receivedWhenItFailed.get() + concurrency);
        assertThat(err.toString()).contains("error: standard output could not be written: stopping (no new sends")
                .contains("error: the results could not be written: standard output could not be written. The run "
                        + "stopped: no new sends after that; the ones in flight finished. The send record "
                        + run.record + " has every lead.");
        Set<String> uncertain = run.assertRecordCovers(received);
        try (RecordedLeads recorded = RecordedLeads.read(run.record)) {
            assertThat(recorded.size()).isEqualTo(120);
            assertThat(recorded.count(RecordedLeads.State.SENT)).isEqualTo(received.size());
        }
        assertThat(uncertain).isEmpty();
    }

    @Test
    void helpTellsTheBulkExitCodesAndTheRecordOptions() {
        assertThat(run("send-bulk", "--help")).isZero();
        assertThat(out.toString()).contains("--record=FILE", "--resume=FILE", "--resend-uncertain",
                        "--record-sync=disk|os", "4    Nexor refused the key part-way",
                        "11   the results or the send record", "130  Ctrl-C: no new sends", "143  SIGTERM")
                .doesNotContain("4 key refused (nothing sent)");
    }
}
