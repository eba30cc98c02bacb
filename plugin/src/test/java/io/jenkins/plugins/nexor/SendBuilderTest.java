package io.jenkins.plugins.nexor;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import hudson.model.ParametersAction;
import hudson.model.ParametersDefinitionProperty;
import hudson.model.Result;
import hudson.model.StringParameterDefinition;
import hudson.model.StringParameterValue;
import hudson.tasks.Shell;
import org.junit.jupiter.api.Test;

/** The freestyle "Send Nexor message" step: variables in, ids out to the next step, form round trip. */
class SendBuilderTest extends SandboxedJenkinsTest {

    @Test
    void expandsBuildVariablesAndExportsTheIdsToTheNextStep() throws Exception {
        FreeStyleProject p = j.createFreeStyleProject();
        p.addProperty(new ParametersDefinitionProperty(new StringParameterDefinition("LEAD", "")));
        NexorSendBuilder send = new NexorSendBuilder("${LEAD}", nexor.workflow(), "whatsapp");
        send.setContent("Hola ${LEAD}");
        p.getBuildersList().add(send);
        p.getBuildersList()
                .add(new Shell(
                        "echo \"id=$NEXOR_MESSAGE_ID wamid=$NEXOR_PROVIDER_MESSAGE_ID channel=$NEXOR_CHANNEL\""));

        FreeStyleBuild b = j.assertBuildStatusSuccess(
                p.scheduleBuild2(0, new ParametersAction(new StringParameterValue("LEAD", nexor.lead()))));

        String id = b.getAction(NexorSendAction.class)
                .getMessages()
                .get(0)
                .getResult()
                .getMessageId();
        j.assertLogContains("id=" + id + " wamid=wamid.", b);
        j.assertLogContains("channel=whatsapp", b);
        assertThat(nexor.lastRequestBody()).contains("\"content\":\"Hola " + nexor.lead() + "\"");
    }

    @Test
    void aCallExportsItsStatus() throws Exception {
        FreeStyleProject p = j.createFreeStyleProject();
        p.getBuildersList().add(new NexorSendBuilder(nexor.lead(), nexor.workflow(), "call"));
        p.getBuildersList().add(new Shell("echo \"call=$NEXOR_CALL_ID status=$NEXOR_CALL_STATUS\""));
        FreeStyleBuild b = j.buildAndAssertSuccess(p);
        j.assertLogContains("status=registered", b);
    }

    @Test
    void configurationSurvivesTheForm() throws Exception {
        FreeStyleProject p = j.createFreeStyleProject();
        NexorSendBuilder before = new NexorSendBuilder(nexor.lead(), nexor.workflow(), "email");
        before.setCredentialsId(SandboxFixture.CREDENTIALS_ID);
        before.setSubject("Factura ${NUMBER}");
        before.setContent("Adjunta");
        before.setHtml("<p>Hola</p>");
        before.setOnFailure("unstable");
        p.getBuildersList().add(before);

        j.configRoundtrip(p);

        NexorSendBuilder after = p.getBuildersList().get(NexorSendBuilder.class);
        j.assertEqualDataBoundBeans(before, after);
        assertThat(after.getOnFailure()).isEqualTo("UNSTABLE");
    }

    @Test
    void invalidFieldsFailTheBuildBeforeSending() throws Exception {
        FreeStyleProject p = j.createFreeStyleProject();
        p.getBuildersList().add(new NexorSendBuilder(nexor.lead(), nexor.workflow(), "email"));
        FreeStyleBuild b = j.assertBuildStatus(Result.FAILURE, p.scheduleBuild2(0));
        j.assertLogContains("An e-mail needs content (plain text) or html.", b);
        assertThat(nexor.sandbox().requests()).isEmpty();
    }

    @Test
    void theKeyIsNeverInTheLogNorInTheBuildOrJobFiles() throws Exception {
        FreeStyleProject p = j.createFreeStyleProject();
        NexorSendBuilder send = new NexorSendBuilder(nexor.lead(), nexor.workflow(), "whatsapp");
        send.setContent("Hola");
        p.getBuildersList().add(send);
        FreeStyleBuild b = j.buildAndAssertSuccess(p);

        j.assertLogNotContains(nexor.key(), b);
        assertThat(new java.io.File(b.getRootDir(), "build.xml")).content().doesNotContain(nexor.key());
        assertThat(p.getConfigFile().asString()).doesNotContain(nexor.key());
    }

    @Test
    void theBuildPageSummarySurvivesARestart() throws Exception {
        FreeStyleProject p = j.createFreeStyleProject("reloaded");
        NexorSendBuilder send = new NexorSendBuilder(nexor.lead(), nexor.workflow(), "whatsapp");
        send.setContent("Hola");
        send.setSubject("ignored for whatsapp");
        p.getBuildersList().add(send);
        j.buildAndAssertSuccess(p);

        j.jenkins.reload();

        FreeStyleBuild again =
                j.jenkins.getItemByFullName("reloaded", FreeStyleProject.class).getBuildByNumber(1);
        NexorSendAction action = again.getAction(NexorSendAction.class);
        assertThat(action.getMessages()).singleElement().satisfies(m -> {
            assertThat(m.getResult().getProviderMessageId()).startsWith("wamid.");
            assertThat(m.getResult().getWarnings()).singleElement().asString().startsWith("subject:");
        });
    }
}
