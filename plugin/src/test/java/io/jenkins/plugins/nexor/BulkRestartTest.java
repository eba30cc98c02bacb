package io.jenkins.plugins.nexor;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.nexor.client.Csv;
import io.jenkins.plugins.nexor.client.RecordedLeads;
import io.jenkins.plugins.nexor.sandbox.NexorSandbox;
import io.jenkins.plugins.nexor.sandbox.NexorSandboxExtension;
import io.jenkins.plugins.nexor.sandbox.SandboxDirectory;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.junit.jupiter.JenkinsSessionExtension;

/**
 * A controller restart in the middle of {@code nexorSendBulk}: the shutdown stops the bulk send gently, Jenkins saves
 * the Pipeline, and after the restart the step goes on with the same bulk send: the build succeeds, every lead is
 * messaged exactly once, and the record, the results and the step's result are complete. The sandbox (in the test
 * JVM, 100 ms a request) outlives both Jenkins sessions.
 */
class BulkRestartTest {
    private static final int LEADS = 100;

    @RegisterExtension
    final JenkinsSessionExtension sessions = new JenkinsSessionExtension();

    @RegisterExtension
    static final NexorSandboxExtension nexor = new NexorSandboxExtension(NexorSandbox.builder()
            .latency(Duration.ofMillis(100))
            .directory(SandboxDirectory.seeded().acceptAnyLead(true)));

    @Test
    void aRestartDuringABulkSendResumesItAndNoLeadIsMessagedTwice() throws Throwable {
        List<String> leads = new ArrayList<>();
        for (int i = 0; i < LEADS; i++) {
            leads.add(new UUID(0x7e57, i).toString());
        }
        String csv = "lead_id\\n" + String.join("\\n", leads) + "\\n";
        sessions.then(j -> {
            SandboxFixture sandbox = SandboxFixture.use(j, nexor.sandbox());
            WorkflowJob p = j.createProject(WorkflowJob.class, "bulk");
            p.setDefinition(new CpsFlowDefinition("""
                node {
                  writeFile file: 'leads.csv', text: '%s'
                  def r = nexorSendBulk workflowId: '%s', channel: 'call', leadsFile: 'leads.csv',
                                        concurrency: 2, maxPerSecond: 10
                  echo "sent=${r.sent} total=${r.total} failed=${r.failed} notAttempted=${r.notAttempted} entries=${r.entries.size()}"
                }
                """.formatted(csv, sandbox.workflow()), true));
            WorkflowRun b = p.scheduleBuild2(0).waitForStart();
            sandbox.awaitLeadsMessaged(20);
            assertThat(b.isBuilding()).isTrue();
            BulkSummary running =
                    b.getAction(NexorSendAction.class).getBulkSends().get(0);
            assertThat(running.isRunning()).isTrue();
            assertThat(running.getRecord()).isEqualTo("nexor-bulk-1.record.csv");
            assertThat(Files.isRegularFile(BulkFiles.record(b, 1))).isTrue();
        }); // Jenkins stops here, mid-send
        int messagedBeforeTheRestart = nexor.sandbox().sentCounts().size();
        assertThat(messagedBeforeTheRestart).isLessThan(LEADS);

        sessions.then(j -> {
            WorkflowRun b =
                    j.jenkins.getItemByFullName("bulk", WorkflowJob.class).getBuildByNumber(1);
            j.waitForCompletion(b);
            j.assertBuildStatusSuccess(b);
            j.assertLogContains("Jenkins is shutting down: paused with", b);
            j.assertLogContains("[Nexor] bulk 1: resuming after a restart", b);
            j.assertLogContains("sent=100 total=100 failed=0 notAttempted=0 entries=100", b);

            assertThat(nexor.sandbox().sentCounts())
                    .hasSize(LEADS)
                    .allSatisfy((lead, count) ->
                            assertThat(count).as("messages to %s", lead).isEqualTo(1));
            try (RecordedLeads record = RecordedLeads.read(BulkFiles.record(b, 1))) {
                assertThat(record.size()).isEqualTo(LEADS);
                assertThat(record.count(RecordedLeads.State.SENT)).isEqualTo(LEADS);
            }
            List<List<String>> results;
            try (InputStream in =
                    b.getArtifactManager().root().child("nexor-bulk-1.csv").open()) {
                results = Csv.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
            assertThat(results).hasSize(1 + LEADS);
            assertThat(results.subList(1, results.size()))
                    .allSatisfy(row -> assertThat(row.get(2)).isEqualTo("SENT"));
            assertThat(results.subList(1, results.size()))
                    .extracting(row -> row.get(1))
                    .containsExactlyElementsOf(leads);
            assertThat(j.jenkins
                            .getWorkspaceFor(b.getParent())
                            .child("nexor-bulk-1.csv")
                            .exists())
                    .isTrue();
            BulkSummary summary =
                    b.getAction(NexorSendAction.class).getBulkSends().get(0);
            assertThat(summary.isRunning()).isFalse();
            assertThat(summary.getSent()).isEqualTo(LEADS);
            assertThat(summary.getNotSentCount()).isZero();
            assertThat(summary.getFromEarlierRun()).isGreaterThanOrEqualTo(messagedBeforeTheRestart);
        });
    }
}
