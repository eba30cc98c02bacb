package io.jenkins.plugins.nexor.cli;

import static io.jenkins.plugins.nexor.cli.CliProcess.await;
import static io.jenkins.plugins.nexor.sandbox.SandboxDirectory.DEMO_LEAD_ANA;
import static io.jenkins.plugins.nexor.sandbox.SandboxDirectory.DEMO_WORKFLOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.jenkins.plugins.nexor.client.RecordedLeads;
import io.jenkins.plugins.nexor.sandbox.Fault;
import io.jenkins.plugins.nexor.sandbox.NexorSandbox;
import io.jenkins.plugins.nexor.sandbox.NexorSandboxExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Real signals to a real {@code nexor} process mid-run (SIGINT as Ctrl-C, SIGTERM, SIGKILL), checked against the
 * sandbox's own count of what it received, then a {@code --resume} that must send exactly the rest. Linux: kill(1)
 * and signal semantics; no timing assertions (conditions are awaited with deadlines).
 */
@EnabledOnOs(OS.LINUX)
class InterruptedRunTest {
    private static final int LEADS = 240;

    @RegisterExtension
    static final NexorSandboxExtension nexor = new NexorSandboxExtension(BulkRun.sandbox(Duration.ofMillis(100)));

    @TempDir
    Path dir;

    @ParameterizedTest(name = "SIG{0} once {1} leads reached Nexor, --json {2}")
    @CsvSource({"INT, 1, false", "INT, 60, false", "TERM, 1, false", "TERM, 60, true", "KILL, 1, false",
            "KILL, 60, false"})
    void anInterruptedRunAccountsForEveryLeadAndItsResumeSendsExactlyTheRest(String signal, int reached, boolean json)
            throws Exception {
        if (signal.equals("INT")) {
            assumeFalse(CliProcess.sigintIgnored(), "this JVM ignores SIGINT (background job), so would nexor");
        }
        NexorSandbox sandbox = nexor.sandbox();
        BulkRun run = new BulkRun(sandbox, dir, LEADS);
        CliProcess cli = CliProcess.nexor(json ? run.args(8, "--json") : run.args(8)).against(sandbox).start();
        await(reached + " leads received", () -> sandbox.sentCounts().size() >= reached);
        cli.signal(signal); // kill(1), not Process.destroy(): that also closes our ends of its stdout and stderr
        int code = cli.exitCode();
        Map<String, Integer> received = run.settled();
        assertThat(received.size()).as("interrupted before the end").isLessThan(LEADS);
        Set<String> uncertain = run.assertRecordCovers(received);
        assertThat(cli.out() + cli.err()).doesNotContain(BulkRun.KEY);

        if (signal.equals("KILL")) {
            assertThat(code).isEqualTo(128 + 9);
        } else {
            assertThat(code).as(cli.err()).isEqualTo(signal.equals("INT") ? 130 : 143);
            Map<String, String[]> rows = run.results(cli.out(), json);
            long sent = rows.values().stream().filter(r -> r[0].equals("SENT")).count();
            rows.forEach((lead, row) -> {
                if (row[0].equals("SENT")) {
                    assertThat(received).as("reported sent: " + lead).containsKey(lead);
                }
                if (received.containsKey(lead)) {
                    assertThat(row[0].equals("SENT") || row[1].equals("true")).as("received, so reported sent or "
                            + "possibly sent: " + lead).isTrue();
                }
            });
            assertThat(cli.err()).contains("interrupted: no new sends after the signal; the sends in flight were let"
                            + " finish.")
                    .containsPattern("\n" + sent + " of " + LEADS + " sent, \\d+ may have been sent, \\d+ surely not "
                            + "sent \\(")
                    .contains("without messaging anyone twice: the same command with --resume " + run.record);
        }
        run.resumeSendsExactlyTheRest(received, uncertain);
    }

    @Test
    void aSecondCtrlCCancelsTheSendsInFlightAndReportsThemAsPossiblySent() throws Exception {
        assumeFalse(CliProcess.sigintIgnored(), "this JVM ignores SIGINT (background job), so would nexor");
        try (NexorSandbox slow = BulkRun.sandbox(Duration.ofSeconds(60)).start()) { // closing it ends its waits
            BulkRun run = new BulkRun(slow, dir, 20);
            CliProcess cli = CliProcess.nexor(run.args(4)).against(slow).start();
            await("4 requests in flight", () -> slow.activeRequests() == 4);
            cli.signal("INT");
            await("the first signal seen", () -> cli.err().contains("interrupted: no new sends"));
            cli.signal("INT");
            assertThat(cli.exitCode()).isEqualTo(130);
            assertThat(cli.err()).contains("interrupted again: cancelling the sends in flight")
                    .contains("interrupted twice: the sends in flight were cancelled (they may have been sent).")
                    .contains("0 of 20 sent, 4 may have been sent, 16 surely not sent (4 failed, 0 skipped, 16 not "
                            + "attempted).")
                    .contains("4 may have been sent (the request left but no answer came, or it failed after being "
                            + "written): row 1 " + run.leads.get(0) + ", row 2 ")
                    .contains("--resend-uncertain (with --resume) sends all of them again");
            Map<String, String[]> rows = run.results(cli.out(), false);
            assertThat(rows.values()).filteredOn(r -> r[0].equals("FAILED") && r[1].equals("true")).hasSize(4);
            assertThat(rows.values()).filteredOn(r -> r[0].equals("NOT_ATTEMPTED")).hasSize(16);
            try (RecordedLeads recorded = RecordedLeads.read(run.record)) {
                assertThat(recorded.count(RecordedLeads.State.UNCERTAIN)).isEqualTo(4);
                assertThat(recorded.count(RecordedLeads.State.NOT_SENT)).isEqualTo(16);
            }
        }
    }

    @Test
    void aSendInterruptedWhileWaitingForTheAnswerSaysTheMessageMayHaveBeenSent() throws Exception {
        try (NexorSandbox slow = BulkRun.sandbox(Duration.ofSeconds(60)).start()) {
            CliProcess cli = CliProcess.nexor("send", "--lead", DEMO_LEAD_ANA, "--workflow", DEMO_WORKFLOW,
                    "--channel", "whatsapp", "--content", "Hola").against(slow).start();
            await("the request at the sandbox", () -> slow.activeRequests() == 1);
            cli.signal("TERM");
            assertThat(cli.exitCode()).isEqualTo(143);
            assertThat(cli.err()).contains("interrupted while waiting for Nexor's answer: the request had been sent, "
                    + "so the message MAY HAVE BEEN SENT to lead " + DEMO_LEAD_ANA + "; check the lead's history");
            assertThat(cli.out()).isEmpty();
        }
    }

    @Test
    void aSendInterruptedBeforeItsRequestLeftSaysNothingWasSent() throws Exception {
        assumeFalse(CliProcess.sigintIgnored(), "this JVM ignores SIGINT (background job), so would nexor");
        NexorSandbox sandbox = nexor.sandbox();
        sandbox.failNext(1, Fault.rateLimited(25)); // the client waits 25 s before its second attempt
        CliProcess cli = CliProcess.nexor("send", "--lead", DEMO_LEAD_ANA, "--workflow", DEMO_WORKFLOW,
                "--channel", "whatsapp", "--content", "Hola").against(sandbox).start();
        await("the 429 answered", () -> sandbox.requests().size() == 1 && sandbox.activeRequests() == 0);
        // the sandbox notes a request just before it answers: give the client a moment to read the 429 and start
        // waiting (until it has, it does not know that the request was refused, and rightly says "may have been sent")
        Thread.sleep(1000);
        cli.signal("INT");
        assertThat(cli.exitCode()).isEqualTo(130);
        assertThat(cli.err()).contains("interrupted before the message was sent: nothing was sent to lead "
                + DEMO_LEAD_ANA + ".");
        assertThat(sandbox.sentCount(DEMO_LEAD_ANA)).isZero();
        assertThat(cli.out() + cli.err()).doesNotContain(BulkRun.KEY);
    }
}
