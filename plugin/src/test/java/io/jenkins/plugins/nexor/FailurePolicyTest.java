package io.jenkins.plugins.nexor;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudbees.hudson.plugins.folder.Folder;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.SystemCredentialsProvider;
import com.cloudbees.plugins.credentials.impl.UsernamePasswordCredentialsImpl;
import hudson.model.Result;
import io.jenkins.plugins.nexor.sandbox.Fault;
import java.io.File;
import java.nio.file.Files;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.Test;

/**
 * Failures: each policy with Nexor's failures (the sandbox received exactly one request, never a resend),
 * credentials problems (nothing sent), abort during a slow send, and the key never written anywhere.
 */
class FailurePolicyTest extends SandboxedJenkinsTest {

    private String send(String extra) {
        return "def r = nexorSend leadId: '%s', workflowId: '%s', channel: 'call'%s\necho \"success=${r.success} error=${r.error}\""
                .formatted(nexor.lead(), nexor.workflow(), extra);
    }

    @Test
    void serverErrorFailsTheBuildByDefaultAndIsNotResent() throws Exception {
        nexor.sandbox().failNext(1, Fault.status(500));
        WorkflowRun b = j.assertBuildStatus(Result.FAILURE, nexor.pipeline(send("")));
        j.assertLogContains(
                "[Nexor] call to lead " + nexor.lead() + " failed: Nexor failed while handling the message (HTTP 500",
                b);
        j.assertLogContains("may have been sent", b);
        assertThat(nexor.sandbox().requests()).hasSize(1);
    }

    @Test
    void unstablePolicyMarksTheBuildAndReturnsTheError() throws Exception {
        nexor.sandbox().failNext(1, Fault.status(401));
        WorkflowRun b = j.assertBuildStatus(Result.UNSTABLE, nexor.pipeline(send(", onFailure: 'unstable'")));
        j.assertLogContains("success=false error=Nexor refused the API key", b);
        assertThat(nexor.sandbox().requests()).hasSize(1);
    }

    @Test
    void continuePolicyKeepsTheBuildGreen() throws Exception {
        nexor.sandbox().fault(Fault.rateLimited(0));
        WorkflowRun b = j.assertBuildStatusSuccess(nexor.pipeline(send(", onFailure: 'continue'")));
        j.assertLogContains("success=false error=Nexor is limiting the request rate", b);
        assertThat(nexor.sandbox().requests()).hasSize(3); // 429 is retried: nothing was delivered
        assertThat(nexor.sandbox().sentCount(nexor.lead())).isZero();
    }

    @Test
    void theGlobalDefaultPolicyApplies() throws Exception {
        NexorGlobalConfiguration.get().setDefaultOnFailure(FailurePolicy.UNSTABLE);
        nexor.sandbox().failNext(1, Fault.of(Fault.Kind.DROP_AFTER_READ));
        WorkflowRun b = j.assertBuildStatus(Result.UNSTABLE, nexor.pipeline(send("")));
        j.assertLogContains("failed after the request was sent", b);
        assertThat(nexor.sandbox().sentCount(nexor.lead())).isEqualTo(1);
        assertThat(nexor.sandbox().requests()).hasSize(1);
    }

    @Test
    void validationFailsEvenWithTheContinuePolicy() throws Exception {
        WorkflowRun b = j.assertBuildStatus(
                Result.FAILURE,
                nexor.pipeline("nexorSend leadId: 'x', workflowId: '%s', channel: 'call', onFailure: 'continue'"
                        .formatted(nexor.workflow())));
        j.assertLogContains("leadId must be a UUID", b);
        assertThat(nexor.sandbox().requests()).isEmpty();
    }

    @Test
    void unknownCredentialsAreNamedAndNothingIsSent() throws Exception {
        WorkflowRun b = j.assertBuildStatus(Result.FAILURE, nexor.pipeline(send(", credentialsId: 'nope'")));
        j.assertLogContains("Nexor credentials \"nope\" were not found", b);
        assertThat(nexor.sandbox().requests()).isEmpty();
    }

    @Test
    void missingCredentialsAreExplained() throws Exception {
        NexorGlobalConfiguration.get().setCredentialsId(null);
        WorkflowRun b = j.assertBuildStatus(Result.FAILURE, nexor.pipeline(send("")));
        j.assertLogContains("No Nexor credentials", b);
        assertThat(nexor.sandbox().requests()).isEmpty();
    }

    @Test
    void credentialsOfTheWrongTypeAreNamed() throws Exception {
        SystemCredentialsProvider.getInstance()
                .getCredentials()
                .add(new UsernamePasswordCredentialsImpl(
                        CredentialsScope.GLOBAL, "user-pass", "", "user", "nxr_live_password_not_key"));
        SystemCredentialsProvider.getInstance().save();
        WorkflowRun b = j.assertBuildStatus(Result.FAILURE, nexor.pipeline(send(", credentialsId: 'user-pass'")));
        j.assertLogContains("Nexor credentials \"user-pass\" are of type", b);
        j.assertLogContains("must be a \"Secret text\" credential", b);
        assertThat(nexor.sandbox().requests()).isEmpty();
    }

    @Test
    void folderCredentialsAreFoundFromJobsInTheFolder() throws Exception {
        Folder team = j.jenkins.createProject(Folder.class, "team");
        SandboxFixture.addSecretText(team, "team-key", nexor.key());
        WorkflowJob inside = team.createProject(WorkflowJob.class, "inside");
        inside.setDefinition(new CpsFlowDefinition(send(", credentialsId: 'team-key'"), true));
        j.assertBuildStatusSuccess(inside.scheduleBuild2(0));
        WorkflowJob outside = j.createProject(WorkflowJob.class, "outside");
        outside.setDefinition(new CpsFlowDefinition(send(", credentialsId: 'team-key'"), true));
        j.assertBuildStatus(Result.FAILURE, outside.scheduleBuild2(0));
        assertThat(nexor.sandbox().sentCount(nexor.lead())).isEqualTo(1);
    }

    @Test
    void abortDuringASlowSendStopsPromptly() throws Exception {
        nexor.sandbox().fault(Fault.latency(20_000));
        WorkflowJob p = j.createProject(WorkflowJob.class);
        p.setDefinition(new CpsFlowDefinition(send(""), true));
        WorkflowRun b = p.scheduleBuild2(0).waitForStart();
        long deadline = System.currentTimeMillis() + 10_000;
        while (nexor.sandbox().activeRequests() == 0 && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
        long start = System.nanoTime();
        b.doStop();
        j.assertBuildStatus(Result.ABORTED, j.waitForCompletion(b));
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(5_000);
    }

    @Test
    void theKeyIsNeverInTheLogOrTheBuildRecord() throws Exception {
        nexor.sandbox().failNext(1, Fault.status(401));
        WorkflowRun failed = nexor.pipeline(send(", onFailure: 'continue'"));
        WorkflowRun ok = nexor.pipeline(send(""));
        for (WorkflowRun b : new WorkflowRun[] {failed, ok}) {
            j.assertLogNotContains(nexor.key(), b);
            assertThat(Files.readString(new File(b.getRootDir(), "build.xml").toPath()))
                    .doesNotContain(nexor.key());
            assertThat(b.getParent().getConfigFile().asString()).doesNotContain(nexor.key());
        }
    }
}
