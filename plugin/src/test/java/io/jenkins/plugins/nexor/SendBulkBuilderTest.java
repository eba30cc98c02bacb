package io.jenkins.plugins.nexor;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.Launcher;
import hudson.model.AbstractBuild;
import hudson.model.BuildListener;
import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import hudson.model.ParametersAction;
import hudson.model.ParametersDefinitionProperty;
import hudson.model.Result;
import hudson.model.StringParameterDefinition;
import hudson.model.StringParameterValue;
import hudson.tasks.Shell;
import io.jenkins.plugins.nexor.client.Csv;
import io.jenkins.plugins.nexor.sandbox.SandboxDirectory;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.TestBuilder;

/** The freestyle "Send Nexor message to many leads": a CSV in the workspace, counts out to the next step. */
class SendBulkBuilderTest extends SandboxedJenkinsTest {

    /** Writes a file into the build's workspace, as an earlier build step would. */
    static TestBuilder writes(String name, String text) {
        return new TestBuilder() {
            @Override
            public boolean perform(AbstractBuild<?, ?> build, Launcher launcher, BuildListener listener)
                    throws java.io.IOException, InterruptedException {
                build.getWorkspace().child(name).write(text, "UTF-8");
                return true;
            }
        };
    }

    @Test
    void aCsvFileInTheWorkspaceIsSentAndTheCountsReachTheNextStep() throws Exception {
        FreeStyleProject p = j.createFreeStyleProject();
        p.addProperty(new ParametersDefinitionProperty(new StringParameterDefinition("LEADS", "")));
        p.getBuildersList()
                .add(writes(
                        "leads.csv",
                        "lead_id,content\n" + nexor.lead() + ",Hola Ana\nnot-a-lead,x\n"
                                + SandboxDirectory.DEMO_LEAD_DIEGO + ",\n"));
        NexorSendBulkBuilder bulk = new NexorSendBulkBuilder("${LEADS}", nexor.workflow(), "whatsapp");
        bulk.setContent("Hola");
        bulk.setOnFailure("continue");
        p.getBuildersList().add(bulk);
        p.getBuildersList()
                .add(new Shell("echo \"bulk=$NEXOR_BULK_SENT/$NEXOR_BULK_TOTAL notSent=$NEXOR_BULK_NOT_SENT"
                        + " file=$NEXOR_BULK_RESULTS\""));

        FreeStyleBuild b = j.assertBuildStatusSuccess(
                p.scheduleBuild2(0, new ParametersAction(new StringParameterValue("LEADS", "leads.csv"))));

        j.assertLogContains("[Nexor] row 2 skipped (not sent)", b);
        j.assertLogContains("bulk=2/3 notSent=1 file=nexor-bulk-1.csv", b);
        List<List<String>> rows;
        try (InputStream in =
                b.getArtifactManager().root().child("nexor-bulk-1.csv").open()) {
            rows = Csv.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        assertThat(rows).hasSize(4);
        assertThat(rows.get(2).subList(0, 3)).containsExactly("2", "not-a-lead", "SKIPPED");
        assertThat(rows.get(3).get(2)).isEqualTo("SENT");
        assertThat(nexor.sandbox().sentCount(nexor.lead())).isEqualTo(1);
        assertThat(nexor.sandbox().messages())
                .anySatisfy(m -> assertThat(m.content()).isEqualTo("Hola Ana"));
    }

    @Test
    void aMissingLeadsFileFailsBeforeAnythingIsSent() throws Exception {
        FreeStyleProject p = j.createFreeStyleProject();
        p.getBuildersList().add(new NexorSendBulkBuilder("nope.csv", nexor.workflow(), "call"));
        FreeStyleBuild b = j.assertBuildStatus(Result.FAILURE, p.scheduleBuild2(0));
        j.assertLogContains("leadsFile \"nope.csv\" does not exist in the workspace", b);
        assertThat(nexor.sandbox().requests()).isEmpty();
    }

    @Test
    void configurationSurvivesTheForm() throws Exception {
        FreeStyleProject p = j.createFreeStyleProject();
        NexorSendBulkBuilder before = new NexorSendBulkBuilder("leads/${CAMPAIGN}.csv", nexor.workflow(), "whatsapp");
        before.setTemplateId(nexor.template());
        before.setComponents("[{\"type\":\"body\",\"parameters\":[{\"type\":\"text\",\"text\":\"Ana\"}]}]");
        before.setConcurrency(8);
        before.setMaxPerSecond(20);
        before.setOnFailure("unstable");
        before.setResumeFrom("#${EARLIER_BUILD}");
        before.setResendUncertain(true);
        p.getBuildersList().add(before);

        j.configRoundtrip(p);

        j.assertEqualDataBoundBeans(before, p.getBuildersList().get(NexorSendBulkBuilder.class));
    }
}
