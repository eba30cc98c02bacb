package io.jenkins.plugins.nexor.cli;

import static io.jenkins.plugins.nexor.cli.CliProcess.await;
import static io.jenkins.plugins.nexor.sandbox.SandboxDirectory.DEMO_LEAD_ANA;
import static io.jenkins.plugins.nexor.sandbox.SandboxDirectory.DEMO_WORKFLOW;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.nexor.client.RecordedLeads;
import io.jenkins.plugins.nexor.sandbox.NexorSandbox;
import io.jenkins.plugins.nexor.sandbox.NexorSandboxExtension;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Results or a record that cannot be written, for real: stdout to /dev/full, a pipe closed by its reader, a record
 * under {@code ulimit -f}. Each stops the run (exit 11) with what was sent on record. Linux.
 */
@EnabledOnOs(OS.LINUX)
class WriteFailureTest {
    private static final int LEADS = 240;

    @RegisterExtension
    static final NexorSandboxExtension nexor = new NexorSandboxExtension(BulkRun.sandbox(Duration.ofMillis(100)));

    @TempDir
    Path dir;

    @Test
    void bulkResultsToAFullDiskSendNothing() throws Exception {
        BulkRun run = new BulkRun(nexor.sandbox(), dir, 20);
        CliProcess cli = CliProcess.nexor(run.args(4)).against(nexor.sandbox()).stdoutTo(new File("/dev/full"))
                .start();
        assertThat(cli.exitCode()).as(cli.err()).isEqualTo(ExitCodes.WRITE_FAILED);
        assertThat(cli.err()).contains("error: the results could not be written: standard output could not be "
                + "written (No space left on device); nothing was sent.");
        assertThat(nexor.sandbox().requests()).isEmpty();
        assertThat(run.record).as("no record of a run that sent nothing is left in the way").doesNotExist();
    }

    @Test
    void aSendWhoseResultCannotBeWrittenSaysItWasSentAndGivesItsIds() throws Exception {
        CliProcess cli = CliProcess.nexor("send", "--lead", DEMO_LEAD_ANA, "--workflow", DEMO_WORKFLOW, "--channel",
                "whatsapp", "--content", "Hola", "--json").against(nexor.sandbox()).stdoutTo(new File("/dev/full"))
                .start();
        assertThat(cli.exitCode()).isEqualTo(ExitCodes.WRITE_FAILED);
        var sent = nexor.sandbox().messages().get(0).result();
        assertThat(cli.err()).contains("error: the result could not be written: standard output could not be "
                        + "written (No space left on device). The message WAS sent to lead " + DEMO_LEAD_ANA
                        + ": message_id=" + sent.messageId() + ", provider_message_id=" + sent.providerMessageId()
                        + ". Do not send it again.")
                .doesNotContain(BulkRun.KEY);
        assertThat(nexor.sandbox().sentCount(DEMO_LEAD_ANA)).isEqualTo(1);
    }

    @Test
    void aBrokenPipeStopsTheRunWithEveryLeadOnRecord() throws Exception {
        NexorSandbox sandbox = nexor.sandbox();
        BulkRun run = new BulkRun(sandbox, dir, LEADS);
        CliProcess cli = CliProcess.nexor(run.args(8)).against(sandbox).stdoutToTest().start();
        BufferedReader results = new BufferedReader(new InputStreamReader(cli.stdout(), StandardCharsets.UTF_8));
        for (int i = 0; i < 30; i++) { // as `nexor send-bulk ... | head -30` would
            assertThat(results.readLine()).isNotNull();
        }
        results.close();
        assertThat(cli.exitCode()).as(cli.err()).isEqualTo(ExitCodes.WRITE_FAILED);
        assertThat(cli.err()).contains("error: standard output could not be written (Broken pipe): stopping (no new "
                        + "sends; the ones in flight finish; every lead still goes to the send record " + run.record)
                .contains("error: the results could not be written: standard output could not be written (Broken "
                        + "pipe). The run stopped")
                .contains("the same command with --resume " + run.record);
        Map<String, Integer> received = run.settled();
        assertThat(received.size()).as("stopped before the end").isLessThan(LEADS);
        Set<String> uncertain = run.assertRecordCovers(received);
        try (RecordedLeads recorded = RecordedLeads.read(run.record)) {
            assertThat(recorded.size()).as("every lead is in the record").isEqualTo(LEADS);
        }
        run.resumeSendsExactlyTheRest(received, uncertain);
    }

    @Test
    void aRecordThatCannotBeWrittenStopsTheRunAndNoLeadWasSentWithoutItsLine() throws Exception {
        NexorSandbox sandbox = nexor.sandbox();
        BulkRun run = new BulkRun(sandbox, dir, LEADS);
        CliProcess cli = CliProcess.nexor(run.args(4)).against(sandbox).fileSizeLimitKiB(4).start();
        assertThat(cli.exitCode()).as(cli.err()).isEqualTo(ExitCodes.WRITE_FAILED);
        assertThat(cli.err()).contains("error: the send record could not be written (" + run.record
                + ": File too large). The run stopped at once: no request left without its line in the record");
        assertThat(Files.size(run.record)).isLessThanOrEqualTo(4096);
        Map<String, Integer> received = run.settled();
        assertThat(received).as("some were sent before the record filled up").isNotEmpty();
        assertThat(received.size()).as("stopped before the end").isLessThan(LEADS);
        Set<String> uncertain = run.assertRecordCovers(received); // each one that reached Nexor has its SENDING line
        Map<String, String[]> rows = run.results(cli.out(), false); // stdout is a pipe: not limited, complete
        assertThat(rows.values()).filteredOn(r -> r[0].equals("SENT")).hasSize(received.size());
        await("nothing more arrives", () -> sandbox.activeRequests() == 0);
        run.resumeSendsExactlyTheRest(received, uncertain);
    }
}
