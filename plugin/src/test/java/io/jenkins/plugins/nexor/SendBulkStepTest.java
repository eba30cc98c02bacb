package io.jenkins.plugins.nexor;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.Result;
import io.jenkins.plugins.nexor.sandbox.Fault;
import io.jenkins.plugins.nexor.sandbox.SandboxDirectory;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.Test;

/** {@code nexorSendBulk}: lists and CSV files, per-lead fields, skipped rows, policies, exactly once per lead. */
class SendBulkStepTest extends SandboxedJenkinsTest {

    @Test
    void aListOfLeadsWithPerLeadTemplateParameters() throws Exception {
        WorkflowRun b = j.assertBuildStatusSuccess(nexor.pipeline(
                """
                def r = nexorSendBulk workflowId: '%s', channel: 'whatsapp', templateId: '%s', concurrency: 4,
                    leads: [[leadId: '%s', components: [[type: 'body', parameters: [[type: 'text', text: 'Ana']]]]],
                            [leadId: '%s', components: [[type: 'body', parameters: [[type: 'text', text: 'Bruno']]]]]]
                echo "sent=${r.sent} total=${r.total} first=${r.entries[0].outcome} wamid=${r.entries[1].providerMessageId != null}"
                """.formatted(nexor.workflow(), nexor.template(), nexor.lead(), SandboxDirectory.DEMO_LEAD_BRUNO)));
        j.assertLogContains("sent=2 total=2 first=sent wamid=true", b);
        j.assertLogContains("[Nexor] bulk: 2 of 2 sent", b);
        assertThat(nexor.sandbox().messages())
                .extracting(m -> m.components())
                .anySatisfy(c -> assertThat(c).contains("Bruno"))
                .anySatisfy(c -> assertThat(c).contains("Ana"));
    }

    @Test
    void aCsvFileInTheWorkspaceWithABadRowUnderTheUnstablePolicy() throws Exception {
        WorkflowRun b = j.assertBuildStatus(Result.UNSTABLE, nexor.pipeline("""
            node {
              writeFile file: 'leads.csv', text: 'lead_id,content\\n%s,Hola Ana\\nnot-a-lead,x\\n%s,Hola Diego\\n%s,\\n'
              def r = nexorSendBulk workflowId: '%s', channel: 'whatsapp', content: 'Hola', leadsFile: 'leads.csv',
                                    onFailure: 'unstable'
              echo "sent=${r.sent} skipped=${r.skipped} failed=${r.failed} row2=${r.entries[1].error}"
            }
            """.formatted(
                nexor.lead(), SandboxDirectory.DEMO_LEAD_DIEGO, SandboxDirectory.DEMO_LEAD_CARLA, nexor.workflow())));
        j.assertLogContains("[Nexor] row 2 skipped (not sent): leadId must be a UUID", b);
        j.assertLogContains("sent=2 skipped=1 failed=1 row2=leadId must be a UUID", b);
        j.assertLogContains("[Nexor] bulk: 4 of 4 leads done (2 sent, 2 not sent)", b);
        assertThat(nexor.sandbox().sentCount(nexor.lead())).isEqualTo(1);
        assertThat(b.getAction(NexorSendAction.class).getBulkSends())
                .singleElement()
                .satisfies(s -> assertThat(s.getNotSentCount()).isEqualTo(2));
    }

    @Test
    void aJsonFileInTheWorkspace() throws Exception {
        WorkflowRun b = j.assertBuildStatusSuccess(
                nexor.pipeline("""
                    node {
                      writeFile file: 'leads.json', text: '["%s", {"lead_id": "%s", "content": "Hola Diego"}]'
                      def r = nexorSendBulk workflowId: '%s', channel: 'whatsapp', content: 'Hola', leadsFile: 'leads.json'
                      echo "sent=${r.sent} of ${r.total}"
                    }
                    """.formatted(nexor.lead(), SandboxDirectory.DEMO_LEAD_DIEGO, nexor.workflow())));
        j.assertLogContains("sent=2 of 2", b);
        assertThat(nexor.sandbox().messages()).extracting(m -> m.content()).contains("Hola Diego");
    }

    @Test
    void rateLimitStormsDoNotSendAnyLeadTwice() throws Exception {
        nexor.sandbox().failNext(5, Fault.rateLimited(0));
        j.assertBuildStatusSuccess(
                nexor.pipeline("""
                    def r = nexorSendBulk workflowId: '%s', channel: 'call', leads: ['%s', '%s'], concurrency: 2
                    echo "sent=${r.sent}"
                    """.formatted(nexor.workflow(), nexor.lead(), SandboxDirectory.DEMO_LEAD_DIEGO)));
        assertThat(nexor.sandbox().sentCount(nexor.lead())).isEqualTo(1);
        assertThat(nexor.sandbox().sentCount(SandboxDirectory.DEMO_LEAD_DIEGO)).isEqualTo(1);
    }

    @Test
    void failedLeadsFailTheBuildByDefault() throws Exception {
        WorkflowRun b = j.assertBuildStatus(
                Result.FAILURE,
                nexor.pipeline("nexorSendBulk workflowId: '%s', channel: 'email', content: 'x', leads: ['%s']"
                        .formatted(nexor.workflow(), SandboxDirectory.DEMO_LEAD_DIEGO)));
        j.assertLogContains("1 of 1 leads were not sent", b);
    }

    @Test
    void leadsMustComeFromExactlyOneSource() throws Exception {
        WorkflowRun b = j.assertBuildStatus(
                Result.FAILURE,
                nexor.pipeline("nexorSendBulk workflowId: '%s', channel: 'call'".formatted(nexor.workflow())));
        j.assertLogContains("Give the leads either as leads", b);
        assertThat(nexor.sandbox().requests()).isEmpty();
    }

    @Test
    void aSharedFieldWrongForEveryLeadFailsOnceAndSendsNothing() throws Exception {
        WorkflowRun b = j.assertBuildStatus(
                Result.FAILURE, nexor.pipeline("""
                    node {
                      writeFile file: 'leads.csv', text: 'lead_id\\n%s\\n%s\\n'
                      nexorSendBulk workflowId: 'not-a-workflow', channel: 'whatsapp', content: 'Hola', leadsFile: 'leads.csv'
                    }
                    """.formatted(nexor.lead(), SandboxDirectory.DEMO_LEAD_DIEGO)));
        j.assertLogContains("The message every lead shares breaks a rule, so no lead could be sent: workflowId", b);
        j.assertLogNotContains("skipped (not sent)", b);
        assertThat(nexor.sandbox().requests()).isEmpty();
    }
}
