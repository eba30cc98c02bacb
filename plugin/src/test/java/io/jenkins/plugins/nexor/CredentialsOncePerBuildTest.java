package io.jenkins.plugins.nexor;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudbees.plugins.credentials.Credentials;
import com.cloudbees.plugins.credentials.CredentialsParameterDefinition;
import com.cloudbees.plugins.credentials.CredentialsParameterValue;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.CredentialsStore;
import com.cloudbees.plugins.credentials.CredentialsUseListener;
import com.cloudbees.plugins.credentials.common.IdCredentials;
import com.cloudbees.plugins.credentials.domains.Domain;
import com.cloudbees.plugins.credentials.domains.DomainRequirement;
import hudson.ExtensionList;
import hudson.model.Fingerprint;
import hudson.model.Item;
import hudson.model.ItemGroup;
import hudson.model.Node;
import hudson.model.ParametersAction;
import hudson.model.ParametersDefinitionProperty;
import hudson.model.Result;
import hudson.model.Run;
import hudson.util.Secret;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;
import org.jenkinsci.plugins.plaincredentials.impl.StringCredentialsImpl;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.TestExtension;
import org.springframework.security.core.Authentication;

/**
 * The API key is looked up, and its use tracked, once per build and credentials id, not once per send; the lookup
 * still honours the build's parameters; a key Nexor refused is looked up again at the next send.
 */
class CredentialsOncePerBuildTest extends SandboxedJenkinsTest {
    private static final String COUNTED = "counted-key";

    @Test
    void fiftySendsLookTheirCredentialUpAndTrackItsUseOncePerBuild() throws Exception {
        CountingProvider provider = ExtensionList.lookupSingleton(CountingProvider.class);
        provider.credential =
                new StringCredentialsImpl(CredentialsScope.GLOBAL, COUNTED, "counted", Secret.fromString(nexor.key()));
        CountingUses uses = ExtensionList.lookupSingleton(CountingUses.class);
        WorkflowJob p = j.createProject(WorkflowJob.class, "fifty");
        p.setDefinition(new CpsFlowDefinition(
                "for (int i = 0; i < 50; i++) { nexorSend leadId: '%s', workflowId: '%s', channel: 'call', credentialsId: '%s' }"
                        .formatted(nexor.lead(), nexor.workflow(), COUNTED),
                true));

        WorkflowRun first = j.buildAndAssertSuccess(p);

        assertThat(nexor.sandbox().sentCount(nexor.lead())).isEqualTo(50);
        assertThat(first.getAction(NexorSendAction.class).getMessages()).hasSize(50);
        assertThat(provider.lookups.get()).as("credential lookups").isEqualTo(1);
        assertThat(uses.uses.get()).as("uses tracked").isEqualTo(1);
        Fingerprint usage = CredentialsProvider.getFingerprintOf(provider.credential);
        assertThat(usage).isNotNull();
        assertThat(usage.getRangeSet(p).includes(first.getNumber()))
                .as("the credential's usage lists the build")
                .isTrue();

        WorkflowRun second = j.buildAndAssertSuccess(p); // a new build looks it up again
        assertThat(provider.lookups.get()).isEqualTo(2);
        assertThat(uses.uses.get()).isEqualTo(2);
        assertThat(CredentialsProvider.getFingerprintOf(provider.credential)
                        .getRangeSet(p)
                        .includes(second.getNumber()))
                .isTrue();

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (RunCredentials.holds(second) && System.nanoTime() < deadline) {
            Thread.sleep(20); // the keys are dropped when the build is finalized, just after it completes
        }
        assertThat(RunCredentials.holds(first)).isFalse();
        assertThat(RunCredentials.holds(second)).isFalse();
    }

    @Test
    void aCredentialsParameterIsResolvedForEachBuild() throws Exception {
        SandboxFixture.addSecretText(j.jenkins, "wrong-key", "nxr_live_not_the_sandbox_key");
        WorkflowJob p = j.createProject(WorkflowJob.class, "param");
        p.addProperty(new ParametersDefinitionProperty(new CredentialsParameterDefinition(
                "KEY", "", SandboxFixture.CREDENTIALS_ID, StringCredentialsImpl.class.getName(), false)));
        p.setDefinition(new CpsFlowDefinition(
                "nexorSend leadId: '%s', workflowId: '%s', channel: 'call', credentialsId: '${KEY}'"
                        .formatted(nexor.lead(), nexor.workflow()),
                true));

        j.assertBuildStatusSuccess(p.scheduleBuild2(
                0, new ParametersAction(new CredentialsParameterValue("KEY", SandboxFixture.CREDENTIALS_ID, ""))));
        WorkflowRun wrong = j.assertBuildStatus(
                Result.FAILURE,
                p.scheduleBuild2(0, new ParametersAction(new CredentialsParameterValue("KEY", "wrong-key", ""))));

        assertThat(nexor.sandbox().sentCount(nexor.lead())).isEqualTo(1);
        j.assertLogNotContains("nxr_live_not_the_sandbox_key", wrong);
    }

    @Test
    void aKeyNexorRefusedIsLookedUpAgainAtTheNextSend() throws Exception {
        SandboxFixture.addSecretText(j.jenkins, "rotating", "nxr_live_revoked_key");
        WorkflowJob p = j.createProject(WorkflowJob.class, "rotating");
        p.setDefinition(new CpsFlowDefinition("""
            waitUntil {
              nexorSend(leadId: '%s', workflowId: '%s', channel: 'call', credentialsId: 'rotating',
                        onFailure: 'continue').success
            }
            echo 'sent at last'
            """.formatted(nexor.lead(), nexor.workflow()), true));
        WorkflowRun b = p.scheduleBuild2(0).waitForStart();
        j.waitForMessage("failed: ", b); // Nexor refused the key

        CredentialsStore store = null;
        for (CredentialsStore s : CredentialsProvider.lookupStores(j.jenkins)) {
            if (s.getContext() == j.jenkins) {
                store = s;
            }
        }
        assertThat(store).isNotNull();
        Credentials revoked = store.getCredentials(Domain.global()).stream()
                .filter(c -> c instanceof IdCredentials id && "rotating".equals(id.getId()))
                .findFirst()
                .orElseThrow();
        store.updateCredentials(
                Domain.global(),
                revoked,
                new StringCredentialsImpl(
                        CredentialsScope.GLOBAL, "rotating", "Nexor API key", Secret.fromString(nexor.key())));

        j.assertBuildStatusSuccess(j.waitForCompletion(b));
        j.assertLogContains("sent at last", b);
        assertThat(nexor.sandbox().sentCount(nexor.lead())).isEqualTo(1);
    }

    /** Provides {@value #COUNTED} and counts how often it is looked up by id. */
    @TestExtension("fiftySendsLookTheirCredentialUpAndTrackItsUseOncePerBuild")
    public static final class CountingProvider extends CredentialsProvider {
        volatile StringCredentials credential;
        final AtomicInteger lookups = new AtomicInteger();

        @Override
        public String getDisplayName() {
            return "ZZZ Counting provider (test)";
        }

        @Override
        public <C extends IdCredentials> C getCredentialByIdInItem(
                String id,
                Class<C> type,
                Item item,
                Authentication authentication,
                List<DomainRequirement> domainRequirements) {
            return find(id, type);
        }

        @Override
        public <C extends IdCredentials> C getCredentialByIdInItemGroup(
                String id,
                Class<C> type,
                ItemGroup<?> itemGroup,
                Authentication authentication,
                List<DomainRequirement> domainRequirements) {
            return find(id, type);
        }

        private <C extends IdCredentials> C find(String id, Class<C> type) {
            StringCredentials c = credential;
            if (c == null || !COUNTED.equals(id)) {
                return null;
            }
            lookups.incrementAndGet();
            return type.isInstance(c) ? type.cast(c) : null;
        }

        @Override
        public <C extends Credentials> List<C> getCredentialsInItemGroup(
                Class<C> type,
                ItemGroup itemGroup,
                Authentication authentication,
                List<DomainRequirement> domainRequirements) {
            StringCredentials c = credential;
            return c != null && type.isInstance(c) ? List.of(type.cast(c)) : List.of();
        }
    }

    /** Counts the uses of {@value #COUNTED} tracked on builds ({@code CredentialsProvider.track}). */
    @TestExtension("fiftySendsLookTheirCredentialUpAndTrackItsUseOncePerBuild")
    public static final class CountingUses implements CredentialsUseListener {
        final AtomicInteger uses = new AtomicInteger();

        @Override
        public void onUse(Credentials c, Run run) {
            if (c instanceof IdCredentials id && COUNTED.equals(id.getId())) {
                uses.incrementAndGet();
            }
        }

        @Override
        public void onUse(Credentials c, Node node) {}

        @Override
        public void onUse(Credentials c, Item item) {}
    }
}
