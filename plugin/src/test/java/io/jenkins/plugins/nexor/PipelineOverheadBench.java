package io.jenkins.plugins.nexor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * Bench harness (issues 5 and 14), not part of the normal test run: a pipeline of 100 {@code nexorSend} to
 * nexor-sandbox against two baselines in the same Jenkins, 100 {@code echo} (runs on the Pipeline's thread) and 100
 * {@code sleep(time: 1, unit: 'MILLISECONDS')} (the floor of any step that leaves the Pipeline's thread), alternating,
 * 5 rounds after a warm-up; prints the medians and the ratios (targets: ≤ 1.5× echo, ≤ 1.2× sleep). Run where
 * Jenkins' repository is reachable:
 * {@code mvn -pl plugin -am verify -Dtest=PipelineOverheadBench -DexcludedGroups= -Dgroups=benchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@Tag("benchmark")
@WithJenkins
class PipelineOverheadBench {
    private static final int STEPS = 100;
    private static final int ROUNDS = 5;

    @Test
    void hundredSendsAgainstHundredEchoesAndSleeps(JenkinsRule j) throws Exception {
        try (SandboxFixture nexor = SandboxFixture.start(j)) {
            WorkflowJob echoes = job(j, "echoes", "for (int i = 0; i < %d; i++) { echo 'x' }".formatted(STEPS));
            WorkflowJob sleeps = job(
                    j,
                    "sleeps",
                    "for (int i = 0; i < %d; i++) { sleep(time: 1, unit: 'MILLISECONDS') }".formatted(STEPS));
            WorkflowJob sends = job(
                    j,
                    "sends",
                    "for (int i = 0; i < %d; i++) { nexorSend leadId: '%s', workflowId: '%s', channel: 'call' }"
                            .formatted(STEPS, nexor.lead(), nexor.workflow()));
            time(j, echoes);
            time(j, sleeps);
            time(j, sends); // warm-up: class loading, client and connection pool
            List<Long> echo = new ArrayList<>();
            List<Long> sleep = new ArrayList<>();
            List<Long> send = new ArrayList<>();
            for (int r = 0; r < ROUNDS; r++) {
                echo.add(time(j, echoes));
                sleep.add(time(j, sleeps));
                send.add(time(j, sends));
            }
            long e = median(echo);
            long z = median(sleep);
            long s = median(send);
            System.out.printf(
                    "100 echo: %d ms, 100 sleep(1 ms): %d ms, 100 nexorSend: %d ms; nexorSend/echo %.2f (target <="
                            + " 1.5), nexorSend/sleep %.2f (target <= 1.2)%n",
                    e, z, s, (double) s / e, (double) s / z);
            assertThat(nexor.sandbox().sentCount(nexor.lead())).isEqualTo(STEPS * (ROUNDS + 1));
        }
    }

    private static WorkflowJob job(JenkinsRule j, String name, String script) throws Exception {
        WorkflowJob p = j.createProject(WorkflowJob.class, name);
        p.setDefinition(new CpsFlowDefinition(script, true));
        return p;
    }

    private static long time(JenkinsRule j, WorkflowJob p) throws Exception {
        long start = System.nanoTime();
        WorkflowRun b = j.buildAndAssertSuccess(p);
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertThat(b.getNumber()).isPositive();
        return ms;
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        sorted.sort(null);
        return sorted.get(sorted.size() / 2);
    }
}
