package io.jenkins.plugins.nexor;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import io.jenkins.plugins.casc.ConfigurationAsCode;
import io.jenkins.plugins.nexor.sandbox.NexorSandbox;
import io.jenkins.plugins.nexor.sandbox.SandboxDirectory;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * The demo Jenkins of {@code mvn -Pdemo hpi:run} (demo/): its JCasC file applies, and its two seeded jobs load from
 * their config.xml and run green against a sandbox (on a free port here, where the demo uses 8787).
 */
@WithJenkins
class DemoJenkinsTest {
    private static final Path DEMO = Path.of(System.getProperty("basedir", "."))
            .toAbsolutePath()
            .getParent()
            .resolve("demo");

    private JenkinsRule j;
    private NexorSandbox sandbox;

    @BeforeEach
    void setUp(JenkinsRule rule) throws Exception {
        j = rule;
        sandbox = NexorSandbox.builder().port(0).start();
        ConfigurationAsCode.get().configure(DEMO.resolve("casc.yaml").toString());
        assertThat(NexorGlobalConfiguration.get().getCredentialsId()).isEqualTo("nexor-demo-key");
        assertThat(ApiKeyCredentials.keyFor(null, "nexor-demo-key")).isEqualTo(sandbox.apiKey());
        NexorGlobalConfiguration.get().setBaseUrl(sandbox.baseUrl()); // the demo's is 127.0.0.1:8787
    }

    @AfterEach
    void tearDown() {
        sandbox.close();
    }

    private <T extends hudson.model.TopLevelItem> T load(String name, Class<T> type) throws Exception {
        try (InputStream xml = Files.newInputStream(DEMO.resolve("jenkins-home/jobs/" + name + "/config.xml"))) {
            return type.cast(j.jenkins.createProjectFromXML(name, xml));
        }
    }

    @Test
    void thePipelineJobSendsOneMessageOfEachKindAndABulk() throws Exception {
        WorkflowRun b = j.buildAndAssertSuccess(load("nexor-demo-pipeline", WorkflowJob.class));
        j.assertLogContains("call ", b);
        j.assertLogContains("bulk: 2 of 3 sent", b);
        assertThat(sandbox.messages()).extracting(m -> m.channel()).contains("whatsapp", "email", "call");
        assertThat(sandbox.sentCount(SandboxDirectory.DEMO_LEAD_DIEGO)).isEqualTo(1);
    }

    @Test
    void theFreestyleJobExportsTheIdsToItsShellStep() throws Exception {
        FreeStyleBuild b = j.buildAndAssertSuccess(load("nexor-demo-freestyle", FreeStyleProject.class));
        String id = sandbox.messages().get(0).result().messageId();
        j.assertLogContains("Nexor message " + id + " (WhatsApp wamid.", b);
    }
}
