package io.jenkins.plugins.nexor;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.nexor.sandbox.SandboxDirectory;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import jenkins.model.Jenkins;
import org.htmlunit.html.HtmlPage;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;

/** The per-lead page of a bulk send: every lead, 100 a page, from the archived results; the build record stays small. */
class BulkReportTest extends SandboxedJenkinsTest {

    @Test
    void everyLeadIsListedPageByPageAndTheNotSentCanBeFiltered() throws Exception {
        List<String> leads = new ArrayList<>(List.of(nexor.lead(), SandboxDirectory.DEMO_LEAD_DIEGO));
        for (int i = 0; i < 248; i++) {
            leads.add(new UUID(0x7777, i).toString()); // unknown to the sandbox: 404, failed
        }
        String list = leads.stream().map(l -> "'" + l + "'").collect(Collectors.joining(", "));
        WorkflowRun b = nexor.pipeline("""
            node {
              def r = nexorSendBulk workflowId: '%s', channel: 'whatsapp', content: 'Hola', concurrency: 8,
                                    onFailure: 'continue', leads: [%s]
              echo "sent=${r.sent} failed=${r.failed}"
            }
            """.formatted(nexor.workflow(), list));
        j.assertBuildStatusSuccess(b);
        j.assertLogContains("sent=2 failed=248", b);
        BulkSummary summary = b.getAction(NexorSendAction.class).getBulkSends().get(0);
        assertThat(summary.getNotSent()).hasSize(BulkSummary.MAX_LISTED);
        assertThat(summary.getArtifact()).isEqualTo("nexor-bulk-1.csv");

        JenkinsRule.WebClient wc = j.createWebClient();
        HtmlPage last = wc.goTo(b.getUrl() + "nexor/bulk/1/?page=3");
        assertThat(last.asNormalizedText())
                .contains("Page 3 of 3")
                .contains(leads.get(200))
                .contains(leads.get(249))
                .doesNotContain(leads.get(199));
        HtmlPage notSent = wc.goTo(b.getUrl() + "nexor/bulk/1/?notSentOnly=true");
        assertThat(notSent.asNormalizedText())
                .contains("Page 1 of 3")
                .contains(leads.get(2))
                .doesNotContain(nexor.lead());
        HtmlPage buildPage = wc.goTo(b.getUrl());
        assertThat(buildPage.getAnchorByHref("nexor/bulk/1/")).isNotNull();
        wc.assertFails(b.getUrl() + "nexor/bulk/2/", 404);
    }

    @Test
    void theLeadsAreHiddenFromUsersWhoCannotSeeTheJob() throws Exception {
        WorkflowRun b = nexor.pipeline("""
            node { nexorSendBulk workflowId: '%s', channel: 'call', leads: ['%s'] }
            """.formatted(nexor.workflow(), nexor.lead()));
        j.assertBuildStatusSuccess(b);
        j.jenkins.setSecurityRealm(j.createDummySecurityRealm());
        j.jenkins.setAuthorizationStrategy(
                new MockAuthorizationStrategy().grant(Jenkins.READ).everywhere().to("outsider"));
        JenkinsRule.WebClient wc = j.createWebClient().login("outsider");
        wc.assertFails(b.getUrl() + "nexor/bulk/1/", 404);
    }
}
