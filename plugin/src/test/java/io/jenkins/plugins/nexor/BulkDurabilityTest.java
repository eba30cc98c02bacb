package io.jenkins.plugins.nexor;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import hudson.model.ParametersAction;
import hudson.model.ParametersDefinitionProperty;
import hudson.model.Result;
import hudson.model.StringParameterDefinition;
import hudson.model.StringParameterValue;
import io.jenkins.plugins.nexor.client.Csv;
import io.jenkins.plugins.nexor.client.RecordedLeads;
import io.jenkins.plugins.nexor.sandbox.NexorSandbox;
import io.jenkins.plugins.nexor.sandbox.SandboxDirectory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.htmlunit.html.HtmlPage;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * Bulk sends never lose who was messaged: an abort records every lead at once; a job run again by hand with
 * {@code resumeFrom} skips what an earlier build (or a results file) sent or may have sent; the page of a bulk send
 * that did not finish shows what its send record says. The sandbox accepts any lead id, 300 ms a request.
 */
@WithJenkins
class BulkDurabilityTest {
    private JenkinsRule j;
    private SandboxFixture nexor;

    @BeforeEach
    void start(JenkinsRule rule) throws Exception {
        j = rule;
        nexor = SandboxFixture.start(
                j,
                NexorSandbox.builder()
                        .latency(Duration.ofMillis(300))
                        .directory(SandboxDirectory.seeded().acceptAnyLead(true)));
    }

    @AfterEach
    void stop() {
        nexor.close();
    }

    private static List<String> leads(int seed, int n) {
        List<String> leads = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            leads.add(new UUID(seed, i).toString());
        }
        return leads;
    }

    private static String groovyList(List<String> leads) {
        return leads.stream().map(l -> "'" + l + "'").collect(Collectors.joining(", ", "[", "]"));
    }

    private WorkflowJob job(String script) throws Exception {
        WorkflowJob p = j.createProject(WorkflowJob.class);
        p.setDefinition(new CpsFlowDefinition(script, true));
        return p;
    }

    private String bulk(List<String> leads, String extra) {
        return """
            def r = nexorSendBulk workflowId: '%s', channel: 'call', concurrency: 4, leads: %s%s
            echo "sent=${r.sent} total=${r.total} earlier=${r.fromEarlierRun} maybe=${r.mayHaveBeenSent}"
            echo "first=${r.entries[0].outcome}/${r.entries[0].earlierRun} last=${r.entries[-1].outcome}/${r.entries[-1].earlierRun}"
            """.formatted(nexor.workflow(), groovyList(leads), extra);
    }

    @Test
    void anAbortStopsTheBulkSendAtOnceAndEveryLeadIsRecorded() throws Exception {
        List<String> leads = leads(0xab07, 60);
        WorkflowRun b = job(bulk(leads, "")).scheduleBuild2(0).waitForStart();
        nexor.awaitLeadsMessaged(8);
        long stopped = System.nanoTime();
        b.doStop();
        j.assertBuildStatus(Result.ABORTED, j.waitForCompletion(b));
        assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - stopped))
                .as("seconds from the abort to the end of the build")
                .isLessThan(NexorSendBulkExecution.STOP_WAIT_SECONDS);
        int requests = nexor.sandbox().requests().size();
        Thread.sleep(1000); // requests cancelled by the abort may still reach the sandbox's handler: nothing new starts
        assertThat(nexor.sandbox().requests()).hasSize(requests);

        Map<String, Integer> received = nexor.sandbox().sentCounts();
        assertThat(received)
                .hasSizeLessThan(leads.size())
                .allSatisfy((lead, n) -> assertThat(n).isEqualTo(1));
        Set<String> sentOrMaybe = new HashSet<>();
        try (RecordedLeads record = RecordedLeads.read(BulkFiles.record(b, 1))) {
            assertThat(record.size()).as("every lead has a line").isEqualTo(leads.size());
            for (String lead : leads) {
                RecordedLeads.State state = record.state(lead);
                if (state == RecordedLeads.State.SENT) {
                    assertThat(received).containsKey(lead);
                }
                if (state != RecordedLeads.State.NOT_SENT) {
                    sentOrMaybe.add(lead);
                }
            }
        }
        assertThat(sentOrMaybe).containsAll(received.keySet());
        List<String> lines = Files.readAllLines(BulkFiles.record(b, 1), StandardCharsets.UTF_8);
        assertThat(lines).anySatisfy(l -> assertThat(l).contains("NOT_ATTEMPTED"));
        assertThat(Csv.parse(Files.readString(BulkFiles.results(b, 1), StandardCharsets.UTF_8)))
                .hasSize(1 + leads.size());
        BulkSummary summary = b.getAction(NexorSendAction.class).getBulkSends().get(0);
        assertThat(summary.isRunning()).isFalse();
        assertThat(summary.getTotal()).isEqualTo(leads.size());
        assertThat(summary.getSent()).isLessThan(leads.size());
        j.assertLogContains("[Nexor] bulk: ", b);
    }

    @Test
    void aJobRunAgainWithResumeFromSkipsWhatTheEarlierBuildSent() throws Exception {
        List<String> leads = leads(0x2e5, 6);
        WorkflowJob p = job(bulk(leads.subList(0, 4), ""));
        j.buildAndAssertSuccess(p);
        p.setDefinition(new CpsFlowDefinition(bulk(leads, ", resumeFrom: '#1'"), true));

        WorkflowRun second = j.buildAndAssertSuccess(p);

        j.assertLogContains("[Nexor] bulk: resuming from #1: 4 leads were sent there (not sent again)", second);
        j.assertLogContains("sent=6 total=6 earlier=4 maybe=0", second);
        j.assertLogContains("first=sent/true last=sent/false", second);
        assertThat(nexor.sandbox().sentCounts())
                .hasSize(6)
                .allSatisfy((lead, n) -> assertThat(n).isEqualTo(1));
        BulkSummary summary =
                second.getAction(NexorSendAction.class).getBulkSends().get(0);
        assertThat(summary.getFromEarlierRun()).isEqualTo(4);
        assertThat(summary.getResumedFrom()).isEqualTo("#1");
        try (RecordedLeads record = RecordedLeads.read(BulkFiles.record(second, 1))) {
            assertThat(record.count(RecordedLeads.State.SENT)).isEqualTo(6);
        }
    }

    @Test
    void aResultsFileSkipsSentAndPossiblySentLeadsAndResendUncertainSendsOnlyThePossiblySent() throws Exception {
        List<String> leads = leads(0xf11e, 4);
        String earlier = Csv.RESULTS_HEADER + "\\n1," + leads.get(0) + ",SENT,m-1,,,,,false,1,\\n2," + leads.get(1)
                + ",FAILED,,,,,,true,1,timeout after sending\\n3," + leads.get(2)
                + ",FAILED,,,,,,false,1,rejected\\n";
        WorkflowJob p = job("node {\n  writeFile file: 'earlier.csv', text: '" + earlier + "'\n"
                + bulk(leads, ", resumeFrom: 'earlier.csv', onFailure: 'continue'") + "}\n");

        WorkflowRun first = j.buildAndAssertSuccess(p);

        j.assertLogContains("resuming from earlier.csv: 1 lead was sent there (not sent again), 1 may have", first);
        j.assertLogContains("the lead that may have been sent is not sent again", first);
        j.assertLogContains("sent=3 total=4 earlier=2 maybe=1", first);
        assertThat(nexor.sandbox().sentCounts()).containsOnlyKeys(leads.get(2), leads.get(3));

        p.setDefinition(new CpsFlowDefinition(bulk(leads, ", resumeFrom: '#1', resendUncertain: true"), true));
        WorkflowRun second = j.buildAndAssertSuccess(p);

        j.assertLogContains("resendUncertain: the lead that may have been sent is sent again", second);
        j.assertLogContains("sent=4 total=4 earlier=3 maybe=0", second);
        assertThat(nexor.sandbox().sentCounts())
                .containsOnlyKeys(leads.get(1), leads.get(2), leads.get(3))
                .allSatisfy((lead, n) -> assertThat(n).isEqualTo(1));
    }

    @Test
    void resumeFromThatNamesNothingUsableFailsBeforeAnythingIsSent() throws Exception {
        List<String> leads = leads(0xbad, 2);
        WorkflowRun noBuild = j.assertBuildStatus(
                Result.FAILURE, job(bulk(leads, ", resumeFrom: '#7'")).scheduleBuild2(0));
        j.assertLogContains("resumeFrom \"#7\": this job has no such earlier build. Nothing was sent.", noBuild);
        WorkflowRun notResults = j.assertBuildStatus(
                Result.FAILURE,
                job("node {\n  writeFile file: 'leads.csv', text: 'lead_id\\n" + leads.get(0) + "\\n'\n"
                                + bulk(leads, ", resumeFrom: 'leads.csv'") + "}\n")
                        .scheduleBuild2(0));
        j.assertLogContains("resumeFrom \"leads.csv\" cannot be read as an earlier bulk send", notResults);
        assertThat(nexor.sandbox().requests()).isEmpty();
        assertThat(notResults.getAction(NexorSendAction.class))
                .as("nothing on the build page")
                .isNull();
    }

    @Test
    void anAbortedFreestyleBuildIsFinishedByBuildingAgainWithResumeFrom() throws Exception {
        List<String> leads = leads(0xf5, 40);
        FreeStyleProject p = j.createFreeStyleProject();
        p.addProperty(new ParametersDefinitionProperty(new StringParameterDefinition("RESUME", "")));
        p.getBuildersList().add(SendBulkBuilderTest.writes("leads.csv", "lead_id\n" + String.join("\n", leads) + "\n"));
        NexorSendBulkBuilder bulk = new NexorSendBulkBuilder("leads.csv", nexor.workflow(), "call");
        bulk.setResumeFrom("${RESUME}");
        bulk.setOnFailure("continue");
        p.getBuildersList().add(bulk);

        FreeStyleBuild first = p.scheduleBuild2(0).waitForStart();
        nexor.awaitLeadsMessaged(6);
        first.getExecutor().interrupt();
        j.assertBuildStatus(Result.ABORTED, j.waitForCompletion(first));
        int uncertain; // requests the abort cancelled in flight: they may have reached the lead
        try (RecordedLeads record = RecordedLeads.read(BulkFiles.record(first, 1))) {
            assertThat(record.size()).isEqualTo(leads.size());
            uncertain = record.count(RecordedLeads.State.UNCERTAIN);
        }
        Thread.sleep(1000); // the sandbox answers the cancelled requests after its latency

        FreeStyleBuild second = j.assertBuildStatusSuccess(
                p.scheduleBuild2(0, new ParametersAction(new StringParameterValue("RESUME", "#1"))));

        j.assertLogContains("[Nexor] bulk: resuming from #1", second);
        BulkSummary summary =
                second.getAction(NexorSendAction.class).getBulkSends().get(0);
        assertThat(summary.getSent()).isEqualTo(leads.size() - uncertain);
        assertThat(summary.getMayHaveBeenSent()).isEqualTo(uncertain);
        assertThat(nexor.sandbox().sentCounts())
                .allSatisfy(
                        (lead, n) -> assertThat(n).as("messages to %s", lead).isEqualTo(1));
        assertThat(nexor.sandbox().sentCounts()).hasSizeGreaterThanOrEqualTo(leads.size() - uncertain);
    }

    /**
     * What Jenkins shows for a bulk send that never finished (a freestyle build, or a Pipeline that could not resume,
     * when the controller crashed): the build record still says "running", the record ends mid-send. That state is
     * written here as a crash leaves it, on a finished build.
     */
    @Test
    void thePageOfABulkSendThatDidNotFinishShowsWhatItsRecordSays() throws Exception {
        List<String> leads = leads(0xc4a5, 4);
        WorkflowRun b = j.buildAndAssertSuccess(job(bulk(leads, "")));
        NexorSendAction action = b.getAction(NexorSendAction.class);
        action.update(BulkSummary.running(1, null, "call", 4, BulkFiles.recordName(1), null));
        b.save();
        Files.writeString(
                BulkFiles.record(b, 1),
                Csv.RESULTS_HEADER + "\n1," + leads.get(0) + ",SENDING,,,,,,true,1,\n1," + leads.get(0)
                        + ",SENT,m-1,,,,,false,1,\n2," + leads.get(1) + ",SENDING,,,,,,true,1,\n3," + leads.get(2)
                        + ",SENDING,,,,,,true,1,\n3," + leads.get(2) + ",FAILED,,,,,,false,1,rejected by Nexor\n",
                StandardCharsets.UTF_8);

        JenkinsRule.WebClient wc = j.createWebClient();
        String page = wc.goTo(b.getUrl() + "nexor/bulk/1/").asNormalizedText();
        assertThat(page)
                .contains("This bulk send did not finish")
                .contains("nexor-bulk-1.record.csv")
                .contains(leads.get(0))
                .contains("m-1")
                .contains(leads.get(1))
                .contains("SENDING (may have been sent")
                .contains("rejected by Nexor")
                .doesNotContain(leads.get(3));
        HtmlPage notSent = wc.goTo(b.getUrl() + "nexor/bulk/1/?notSentOnly=true");
        assertThat(notSent.asNormalizedText()).doesNotContain(leads.get(0)).contains(leads.get(1));
        assertThat(wc.goTo(b.getUrl()).asNormalizedText()).contains("did not finish");
    }
}
