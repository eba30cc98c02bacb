package io.jenkins.plugins.nexor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.jenkinsci.plugins.workflow.steps.StepConfigTester;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** The steps survive the snippet generator's form (what users copy into Jenkinsfiles). */
@WithJenkins
class StepConfigTest {
    private static final String LEAD = "3c90c3cc-0d44-4b50-8888-8dd25736052a";
    private static final String WORKFLOW = "5f0e8a1e-2b7c-4d1a-9c3e-7a6b5d4c3b2a";

    @Test
    void nexorSendRoundTrip(JenkinsRule j) throws Exception {
        NexorSendStep before = new NexorSendStep(LEAD, WORKFLOW, "whatsapp");
        before.setCredentialsId("nexor-key");
        before.setTemplateId("9d5a2f3e-1c4b-4e7a-8b6c-2d1e0f9a8b7c");
        before.setComponents("[{\"type\":\"body\",\"parameters\":[{\"type\":\"text\",\"text\":\"Ana\"}]}]");
        before.setOnFailure("continue");
        NexorSendStep after = new StepConfigTester(j).configRoundTrip(before);
        j.assertEqualDataBoundBeans(before, after);
        assertThat(after.getOnFailure()).isEqualTo("CONTINUE");
    }

    @Test
    void emailAndCallFieldsRoundTrip(JenkinsRule j) throws Exception {
        NexorSendStep email = new NexorSendStep(LEAD, WORKFLOW, "email");
        email.setSubject("Factura");
        email.setHtml("<p>Hola</p>");
        j.assertEqualDataBoundBeans(email, new StepConfigTester(j).configRoundTrip(email));
        NexorSendStep call = new NexorSendStep(LEAD, WORKFLOW, "call");
        call.setBeginMessage("Hola, te llamo de Acme");
        j.assertEqualDataBoundBeans(call, new StepConfigTester(j).configRoundTrip(call));
    }

    @Test
    void nexorSendBulkRoundTrip(JenkinsRule j) throws Exception {
        NexorSendBulkStep before = new NexorSendBulkStep(WORKFLOW, "whatsapp");
        before.setLeadsFile("leads.csv");
        before.setContent("Hola");
        before.setConcurrency(8);
        before.setMaxPerSecond(20);
        before.setResumeFrom("#12");
        before.setResendUncertain(true);
        j.assertEqualDataBoundBeans(before, new StepConfigTester(j).configRoundTrip(before));
    }

    @Test
    void anUnknownPolicyIsExplained() {
        assertThatThrownBy(() -> new NexorSendStep(LEAD, WORKFLOW, "call").setOnFailure("ignore"))
                .hasMessageContaining("\"ignore\"");
    }
}
