package io.jenkins.plugins.nexor;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import hudson.model.Result;
import hudson.tasks.Builder;
import io.jenkins.plugins.nexor.sandbox.Fault;
import java.io.File;
import java.nio.file.Files;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.FailureBuilder;
import org.jvnet.hudson.test.MockBuilder;
import org.jvnet.hudson.test.SleepBuilder;
import org.jvnet.hudson.test.TestBuilder;
import org.jvnet.hudson.test.UnstableBuilder;

/**
 * The post-build action "Send Nexor message": which results send (freestyle builds that succeed, are unstable, fail,
 * are not built or aborted; back to normal across builds), what the message says ({@code BUILD_RESULT}), the failure
 * policy (never a better result), the build record, the form, and Pipeline's {@code nexorNotify} / {@code step}.
 * Every message is asserted on what nexor-sandbox received.
 */
class NotifierTest extends SandboxedJenkinsTest {

    /** A WhatsApp notifier to the sandbox's lead with only the given conditions (none by default). */
    private NexorNotifier notifier(String content, Consumer<NexorNotifier> conditions) {
        NexorNotifier n = new NexorNotifier(nexor.lead(), nexor.workflow(), "whatsapp");
        n.setContent(content);
        n.setWhenFailure(false);
        n.setWhenFixed(false);
        conditions.accept(n);
        return n;
    }

    private FreeStyleProject project(Builder builder, NexorNotifier notifier) throws Exception {
        FreeStyleProject p = j.createFreeStyleProject();
        if (builder != null) {
            p.getBuildersList().add(builder);
        }
        p.getPublishersList().add(notifier);
        return p;
    }

    /** What the sandbox was sent, oldest first: the content of each message. */
    private List<String> sent() {
        return nexor.sandbox().messages().stream()
                .map(io.jenkins.plugins.nexor.sandbox.SentMessage::content)
                .toList();
    }

    /** A build step that ends the build as aborted, as Build.doRun does when a step is interrupted. */
    private static Builder aborting() {
        return TestBuilder.of((build, launcher, listener) -> {
            throw new InterruptedException("stopped by the test");
        });
    }

    private FreeStyleBuild build(FreeStyleProject p, Result expected) throws Exception {
        return j.assertBuildStatus(expected, p.scheduleBuild2(0));
    }

    @Test
    void eachResultConditionSendsForItsResultOnly() throws Exception {
        record Case(String name, Consumer<NexorNotifier> condition) {}
        List<Case> conditions = List.of(
                new Case("success", n -> n.setWhenSuccess(true)),
                new Case("unstable", n -> n.setWhenUnstable(true)),
                new Case("failure", n -> n.setWhenFailure(true)),
                new Case("notBuilt", n -> n.setWhenNotBuilt(true)));
        record Outcome(Result result, String condition, Supplier<Builder> builder) {}
        List<Outcome> outcomes = List.of(
                new Outcome(Result.SUCCESS, "success", () -> null),
                new Outcome(Result.UNSTABLE, "unstable", UnstableBuilder::new),
                new Outcome(Result.FAILURE, "failure", FailureBuilder::new),
                new Outcome(Result.NOT_BUILT, "notBuilt", () -> new MockBuilder(Result.NOT_BUILT)));
        for (Case c : conditions) {
            for (Outcome o : outcomes) {
                FreeStyleProject p = project(o.builder().get(), notifier(c.name() + " ${BUILD_RESULT}", c.condition()));
                FreeStyleBuild b = build(p, o.result());
                if (c.name().equals(o.condition())) {
                    j.assertLogContains("[Nexor] build result " + o.result() + ", condition met: ", b);
                } else {
                    j.assertLogContains("[Nexor] build result " + o.result() + ", no condition met (sent on: ", b);
                    j.assertLogContains("nothing sent", b);
                }
            }
        }
        assertThat(sent())
                .containsExactly("success SUCCESS", "unstable UNSTABLE", "failure FAILURE", "notBuilt NOT_BUILT");
    }

    @Test
    void alwaysSendsWhateverTheResult() throws Exception {
        build(project(new FailureBuilder(), notifier("${BUILD_RESULT}", n -> n.setWhenAlways(true))), Result.FAILURE);
        build(project(null, notifier("${BUILD_RESULT}", n -> n.setWhenAlways(true))), Result.SUCCESS);
        build(project(aborting(), notifier("${BUILD_RESULT}", n -> n.setWhenAlways(true))), Result.ABORTED);
        assertThat(sent()).containsExactly("FAILURE", "SUCCESS", "ABORTED");
    }

    @Test
    void byDefaultFailuresAndTheReturnToNormalAreSent() throws Exception {
        NexorNotifier n = new NexorNotifier(nexor.lead(), nexor.workflow(), "whatsapp");
        n.setContent("#${BUILD_NUMBER} ${BUILD_RESULT} after ${BUILD_RESULT_PREVIOUS}.");
        assertThat(n.conditions()).containsExactly(NotifyCondition.FAILURE, NotifyCondition.FIXED);
        FreeStyleProject p = project(null, n);

        FreeStyleBuild first = build(p, Result.SUCCESS); // no earlier build: not back to normal
        j.assertLogContains(
                "[Nexor] build result SUCCESS, no condition met (sent on: failure, back to normal); nothing sent",
                first);
        p.getBuildersList().replaceBy(List.of(new FailureBuilder()));
        build(p, Result.FAILURE);
        build(p, Result.FAILURE); // every failure, not only the first
        p.getBuildersList().clear();
        FreeStyleBuild fixed = build(p, Result.SUCCESS);
        j.assertLogContains("[Nexor] build result SUCCESS, condition met: back to normal; sending", fixed);
        build(p, Result.SUCCESS); // still normal: nothing

        assertThat(sent())
                .containsExactly("#2 FAILURE after SUCCESS.", "#3 FAILURE after FAILURE.", "#4 SUCCESS after FAILURE.");
        assertThat(fixed.getAction(NexorSendAction.class).getMessages())
                .singleElement()
                .satisfies(m -> assertThat(m.getResult().isSuccess()).isTrue());
    }

    /**
     * Back to normal compares with the last earlier build that ran to an end, skipping aborted and not-built builds
     * as core's ResultTrend does; BUILD_RESULT_PREVIOUS is the previous finished build's result, whatever it was.
     */
    @Test
    void abortedAndNotBuiltBuildsDoNotCountForBackToNormal() throws Exception {
        FreeStyleProject p = project(
                new FailureBuilder(),
                notifier("${BUILD_RESULT} after ${BUILD_RESULT_PREVIOUS}", n -> n.setWhenFixed(true)));
        build(p, Result.FAILURE);
        p.getBuildersList().replaceBy(List.of(aborting()));
        build(p, Result.ABORTED);
        p.getBuildersList().replaceBy(List.of(new MockBuilder(Result.NOT_BUILT)));
        build(p, Result.NOT_BUILT);
        p.getBuildersList().clear();
        build(p, Result.SUCCESS); // #4: back to normal after #1's failure
        p.getBuildersList().replaceBy(List.of(aborting()));
        build(p, Result.ABORTED);
        p.getBuildersList().clear();
        FreeStyleBuild last = build(p, Result.SUCCESS); // #6: the last build that ran to an end (#4) succeeded
        j.assertLogContains("no condition met (sent on: back to normal)", last);

        assertThat(sent()).containsExactly("SUCCESS after NOT_BUILT");
    }

    /**
     * Jenkins runs post-build actions after an abort: Run.execute catches the InterruptedException, sets ABORTED and
     * still calls the execution's post(), whose post2 runs the publishers (Build.BuildExecution).
     */
    @Test
    void anAbortedBuildStillSendsWithResultAborted() throws Exception {
        FreeStyleProject p =
                project(new SleepBuilder(60_000), notifier("${JOB_NAME} ${BUILD_RESULT}", n -> n.setWhenAborted(true)));
        FreeStyleBuild b = p.scheduleBuild2(0).waitForStart();
        j.waitForMessage("Sleeping", b);
        b.doStop(); // the build page's stop button
        j.assertBuildStatus(Result.ABORTED, j.waitForCompletion(b));
        j.assertLogContains("Build was aborted", b);
        j.assertLogContains("[Nexor] build result ABORTED, condition met: aborted; sending", b);
        assertThat(sent()).containsExactly(p.getName() + " ABORTED");
        j.assertLogNotContains(nexor.key(), b);
    }

    @Test
    void aFailedSendMakesASuccessfulBuildUnstableUnderTheUnstablePolicy() throws Exception {
        nexor.sandbox().failNext(1, Fault.status(500));
        NexorNotifier n = notifier("Hola", c -> c.setWhenSuccess(true));
        n.setOnFailure("unstable");
        FreeStyleBuild b = build(project(null, n), Result.UNSTABLE);
        j.assertLogContains(
                "[Nexor] whatsapp to lead " + nexor.lead()
                        + " failed: Nexor failed while handling the message (HTTP 500",
                b);
        assertThat(nexor.sandbox().requests()).hasSize(1); // never resent
        assertThat(b.getAction(NexorSendAction.class).getMessages())
                .singleElement()
                .satisfies(m -> assertThat(m.getResult().isSuccess()).isFalse());
    }

    @Test
    void aFailedSendFailsTheBuildUnderTheDefaultPolicy() throws Exception {
        nexor.sandbox().failNext(1, Fault.status(500));
        FreeStyleBuild b = build(project(null, notifier("Hola", c -> c.setWhenSuccess(true))), Result.FAILURE);
        j.assertLogContains("[Nexor] whatsapp to lead " + nexor.lead() + " failed:", b);
        assertThat(nexor.sandbox().requests()).hasSize(1);
    }

    @Test
    void theContinuePolicyLeavesTheResultAlone() throws Exception {
        nexor.sandbox().fault(Fault.status(500));
        NexorNotifier n = notifier("Hola", c -> c.setWhenSuccess(true));
        n.setOnFailure("continue");
        FreeStyleBuild b = build(project(null, n), Result.SUCCESS);
        j.assertLogContains("[Nexor] whatsapp to lead " + nexor.lead() + " failed:", b);
    }

    /** Run.setResult only makes a result worse: no failure policy turns a failed or aborted build into a better one. */
    @Test
    void aFailedSendNeverImprovesTheResult() throws Exception {
        nexor.sandbox().fault(Fault.status(500));
        NexorNotifier unstable = notifier("Hola", c -> c.setWhenFailure(true));
        unstable.setOnFailure("unstable");
        build(project(new FailureBuilder(), unstable), Result.FAILURE);

        NexorNotifier fail = notifier("Hola", c -> c.setWhenAborted(true));
        fail.setOnFailure("fail");
        FreeStyleBuild aborted = build(project(aborting(), fail), Result.ABORTED);
        j.assertLogContains("[Nexor] whatsapp to lead " + nexor.lead() + " failed:", aborted);
        assertThat(nexor.sandbox().requests()).hasSize(2);
    }

    @Test
    void invalidFieldsFailTheBuildOnlyWhenTheMessageIsDue() throws Exception {
        // an e-mail without content nor html is invalid
        NexorNotifier onFailure = new NexorNotifier(nexor.lead(), nexor.workflow(), "email");
        FreeStyleBuild notDue = build(project(null, onFailure), Result.SUCCESS);
        j.assertLogContains("no condition met", notDue);

        NexorNotifier onSuccess = new NexorNotifier(nexor.lead(), nexor.workflow(), "email");
        onSuccess.setWhenSuccess(true);
        onSuccess.setOnFailure("continue"); // invalid input fails whatever the policy
        FreeStyleBuild due = build(project(null, onSuccess), Result.FAILURE);
        j.assertLogContains("An e-mail needs content (plain text) or html.", due);
        assertThat(nexor.sandbox().requests()).isEmpty();
    }

    @Test
    void theSendIsOnTheBuildPage() throws Exception {
        FreeStyleBuild b = build(project(null, notifier("Hola", c -> c.setWhenSuccess(true))), Result.SUCCESS);
        NexorSendAction action = b.getAction(NexorSendAction.class);
        assertThat(action.getMessages()).singleElement().satisfies(m -> {
            assertThat(m.getLeadId()).isEqualTo(nexor.lead());
            assertThat(m.getResult().getProviderMessageId()).startsWith("wamid.");
        });
        String page = j.createWebClient().goTo(b.getUrl()).asNormalizedText();
        assertThat(page)
                .contains(nexor.lead())
                .contains(action.getMessages().get(0).getResult().getMessageId());
    }

    @Test
    void theKeyIsNeverInTheLogNorInTheBuildOrJobFiles() throws Exception {
        FreeStyleProject p = project(null, notifier("Hola", c -> c.setWhenAlways(true)));
        FreeStyleBuild ok = build(p, Result.SUCCESS);
        nexor.sandbox().failNext(1, Fault.status(401));
        FreeStyleBuild failed = build(p, Result.FAILURE);
        for (FreeStyleBuild b : List.of(ok, failed)) {
            j.assertLogNotContains(nexor.key(), b);
            assertThat(Files.readString(new File(b.getRootDir(), "build.xml").toPath()))
                    .doesNotContain(nexor.key());
        }
        assertThat(p.getConfigFile().asString()).doesNotContain(nexor.key());
    }

    @Test
    void configurationSurvivesTheForm() throws Exception {
        NexorNotifier before = new NexorNotifier(nexor.lead(), nexor.workflow(), "email");
        before.setCredentialsId(SandboxFixture.CREDENTIALS_ID);
        before.setSubject("Build ${BUILD_NUMBER}: ${BUILD_RESULT}");
        before.setContent("Before: ${BUILD_RESULT_PREVIOUS}");
        before.setOnFailure("unstable");
        before.setWhenFailure(false); // checked for a new action: unchecked must stay unchecked
        before.setWhenUnstable(true);
        before.setWhenAborted(true);
        FreeStyleProject p = project(null, before);

        j.configRoundtrip(p);

        NexorNotifier after = p.getPublishersList().get(NexorNotifier.class);
        j.assertEqualDataBoundBeans(before, after);
        assertThat(after.conditions())
                .containsExactly(NotifyCondition.FIXED, NotifyCondition.UNSTABLE, NotifyCondition.ABORTED);
        assertThat(after.getOnFailure()).isEqualTo("UNSTABLE");
        assertThat(p.getConfigFile().asString())
                .contains("<whenFailure>false</whenFailure>")
                .contains("<whenAborted>true</whenAborted>");
    }

    @Test
    void theDefaultsSurviveTheForm() throws Exception {
        NexorNotifier before = new NexorNotifier(nexor.lead(), nexor.workflow(), "call");
        NexorNotifier after = j.configRoundtrip(before);
        j.assertEqualDataBoundBeans(before, after);
        assertThat(after.conditions()).containsExactly(NotifyCondition.FAILURE, NotifyCondition.FIXED);
    }

    /**
     * Declarative sets the build result when a stage fails (ModelInterpreter) before it runs the post conditions, so
     * nexorNotify there sees FAILURE.
     */
    @Test
    void nexorNotifyInADeclarativePostBlockSeesTheFailure() throws Exception {
        WorkflowRun b =
                j.assertBuildStatus(Result.FAILURE, nexor.pipeline("""
                    pipeline {
                      agent none
                      stages {
                        stage('build') { steps { error 'the build broke' } }
                      }
                      post {
                        always {
                          nexorNotify leadId: '%s', workflowId: '%s', channel: 'whatsapp', content: 'Build ${BUILD_RESULT}'
                        }
                      }
                    }
                    """.formatted(nexor.lead(), nexor.workflow())));
        j.assertLogContains("[Nexor] build result FAILURE, condition met: failure; sending", b);
        assertThat(sent()).containsExactly("Build FAILURE");
        assertThat(b.getAction(NexorSendAction.class).getMessages()).hasSize(1);
    }

    @Test
    void inAScriptedPipelineTheResultIsTheOneSoFar() throws Exception {
        WorkflowRun b =
                j.assertBuildStatus(Result.UNSTABLE, nexor.pipeline("""
                    nexorNotify leadId: '%1$s', workflowId: '%2$s', channel: 'whatsapp', content: 'first ${BUILD_RESULT}'
                    currentBuild.result = 'UNSTABLE'
                    nexorNotify leadId: '%1$s', workflowId: '%2$s', channel: 'whatsapp', content: 'then ${BUILD_RESULT}',
                                whenUnstable: true
                    """.formatted(nexor.lead(), nexor.workflow())));
        // the first: no result yet means successful so far, and the defaults (failure, back to normal) are not met
        j.assertLogContains("[Nexor] build result SUCCESS, no condition met", b);
        assertThat(sent()).containsExactly("then UNSTABLE");
    }

    /** catchError sets the build result when it catches (CatchErrorStep's callback), so a later nexorNotify sees it. */
    @Test
    void afterCatchErrorTheFailureIsSeen() throws Exception {
        WorkflowRun b =
                j.assertBuildStatus(Result.FAILURE, nexor.pipeline("""
                    catchError { error 'the tests broke' }
                    nexorNotify leadId: '%s', workflowId: '%s', channel: 'whatsapp', content: '${BUILD_RESULT}'
                    """.formatted(nexor.lead(), nexor.workflow())));
        j.assertLogContains("[Nexor] build result FAILURE, condition met: failure; sending", b);
        assertThat(sent()).containsExactly("FAILURE");
    }

    @Test
    void theGenericStepWorksToo() throws Exception {
        WorkflowRun b = j.assertBuildStatusSuccess(nexor.pipeline("""
            step([$class: 'NexorNotifier', leadId: '%s', workflowId: '%s', channel: 'call', whenAlways: true])
            """.formatted(nexor.lead(), nexor.workflow())));
        j.assertLogContains("[Nexor] build result SUCCESS, condition met: always; sending", b);
        assertThat(nexor.sandbox().messages())
                .singleElement()
                .satisfies(m -> assertThat(m.channel()).isEqualTo("call"));
        j.assertLogNotContains(nexor.key(), b);
    }
}
