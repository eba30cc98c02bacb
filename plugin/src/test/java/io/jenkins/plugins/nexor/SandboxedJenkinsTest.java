package io.jenkins.plugins.nexor;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** A Jenkins per test with Nexor pointed at a fresh nexor-sandbox ({@link SandboxFixture}): the tests' common start. */
@WithJenkins
abstract class SandboxedJenkinsTest {
    JenkinsRule j;
    SandboxFixture nexor;

    @BeforeEach
    void startSandbox(JenkinsRule rule) throws Exception {
        j = rule;
        nexor = SandboxFixture.start(j);
    }

    @AfterEach
    void stopSandbox() {
        nexor.close();
    }
}
