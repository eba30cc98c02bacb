package io.jenkins.plugins.nexor;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.CredentialsStore;
import com.cloudbees.plugins.credentials.domains.Domain;
import hudson.model.ItemGroup;
import hudson.util.Secret;
import io.jenkins.plugins.nexor.sandbox.NexorSandbox;
import io.jenkins.plugins.nexor.sandbox.RecordedRequest;
import io.jenkins.plugins.nexor.sandbox.SandboxDirectory;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jenkinsci.plugins.plaincredentials.impl.StringCredentialsImpl;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.jvnet.hudson.test.JenkinsRule;

/**
 * A nexor-sandbox on loopback, the Jenkins under test pointed at it, and its key stored as the Secret text
 * credential {@code nexor-key} (also the global default). One per test, or one that outlives a Jenkins
 * ({@link #use}).
 */
final class SandboxFixture implements AutoCloseable {
    static final String CREDENTIALS_ID = "nexor-key";

    private final NexorSandbox sandbox;
    private final JenkinsRule j;
    private final boolean owned;

    private SandboxFixture(NexorSandbox sandbox, JenkinsRule j, boolean owned) {
        this.sandbox = sandbox;
        this.j = j;
        this.owned = owned;
    }

    static SandboxFixture start(JenkinsRule j) throws Exception {
        return start(j, NexorSandbox.builder());
    }

    /** A sandbox with these options (latency, a directory that accepts any lead, ...) on a free port. */
    static SandboxFixture start(JenkinsRule j, NexorSandbox.Builder options) throws Exception {
        NexorSandbox sandbox = options.port(0).start();
        configure(j, sandbox);
        return new SandboxFixture(sandbox, j, true);
    }

    /**
     * Points this Jenkins at a sandbox that outlives it (e.g. a {@code NexorSandboxExtension}'s, across restarts):
     * closing the fixture leaves the sandbox running.
     */
    static SandboxFixture use(JenkinsRule j, NexorSandbox sandbox) throws Exception {
        configure(j, sandbox);
        return new SandboxFixture(sandbox, j, false);
    }

    private static void configure(JenkinsRule j, NexorSandbox sandbox) throws Exception {
        NexorGlobalConfiguration config = NexorGlobalConfiguration.get();
        config.setBaseUrl(sandbox.baseUrl());
        addSecretText(j.jenkins, CREDENTIALS_ID, sandbox.apiKey());
        config.setCredentialsId(CREDENTIALS_ID);
    }

    /** Adds a Secret text credential to the store of a context: Jenkins itself, or a folder. */
    static void addSecretText(ItemGroup<?> context, String id, String secret) throws Exception {
        CredentialsStore store = null;
        for (CredentialsStore s : CredentialsProvider.lookupStores(context)) {
            if (s.getContext() == context) {
                store = s;
                break;
            }
        }
        if (store == null) {
            throw new IllegalStateException("no credentials store for " + context);
        }
        store.addCredentials(
                Domain.global(),
                new StringCredentialsImpl(CredentialsScope.GLOBAL, id, "Nexor API key", Secret.fromString(secret)));
    }

    /** Runs a sandboxed Pipeline script in a new job and returns the finished build, whatever its result. */
    WorkflowRun pipeline(String script) throws Exception {
        WorkflowJob p = j.createProject(WorkflowJob.class);
        p.setDefinition(new CpsFlowDefinition(script, true));
        return p.scheduleBuild2(0).get();
    }

    NexorSandbox sandbox() {
        return sandbox;
    }

    String key() {
        return sandbox.apiKey();
    }

    /** A seeded lead with a phone and an e-mail, inside WhatsApp's 24-hour window. */
    String lead() {
        return SandboxDirectory.DEMO_LEAD_ANA;
    }

    String workflow() {
        return SandboxDirectory.DEMO_WORKFLOW;
    }

    String template() {
        return SandboxDirectory.DEMO_TEMPLATE;
    }

    /** Waits until the sandbox has messaged at least this many distinct leads (a minute at most). */
    void awaitLeadsMessaged(int leads) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        while (sandbox.sentCounts().size() < leads) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(
                        "the sandbox messaged only " + sandbox.sentCounts().size() + " leads");
            }
            Thread.sleep(20);
        }
    }

    String lastRequestBody() {
        List<RecordedRequest> requests = sandbox.requests();
        return requests.get(requests.size() - 1).body();
    }

    @Override
    public void close() {
        if (owned) {
            sandbox.close();
        }
    }
}
