package io.jenkins.plugins.nexor;

import static io.jenkins.plugins.casc.misc.Util.getUnclassifiedRoot;
import static io.jenkins.plugins.casc.misc.Util.toStringFromYamlFile;
import static io.jenkins.plugins.casc.misc.Util.toYamlString;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hudson.util.FormValidation;
import io.jenkins.plugins.casc.ConfigurationContext;
import io.jenkins.plugins.casc.ConfiguratorRegistry;
import io.jenkins.plugins.casc.misc.ConfiguredWithCode;
import io.jenkins.plugins.casc.misc.JenkinsConfiguredWithCodeRule;
import io.jenkins.plugins.casc.misc.junit.jupiter.WithJenkinsConfiguredWithCode;
import io.jenkins.plugins.casc.model.CNode;
import io.jenkins.plugins.nexor.client.NexorClient;
import org.junit.jupiter.api.Test;

/** Manage Jenkins → System → Nexor, as code: import, export, rules. */
@WithJenkinsConfiguredWithCode
class GlobalConfigurationTest {

    @Test
    @ConfiguredWithCode("configuration-as-code.yml")
    void importsAndExportsTheYamlOfTheDocs(JenkinsConfiguredWithCodeRule j) throws Exception {
        NexorGlobalConfiguration config = NexorGlobalConfiguration.get();
        assertThat(config.getBaseUrl()).isEqualTo("http://127.0.0.1:8787/api/public");
        assertThat(config.getCredentialsId()).isEqualTo("nexor-key");
        assertThat(config.getConnectTimeoutSeconds()).isEqualTo(5);
        assertThat(config.getReadTimeoutSeconds()).isEqualTo(20);
        assertThat(config.getDefaultOnFailure()).isEqualTo(FailurePolicy.UNSTABLE);
        assertThat(ApiKeyCredentials.keyFor(null, "nexor-key")).isEqualTo("nxr_live_sandbox_demo_key");

        ConfiguratorRegistry registry = ConfiguratorRegistry.get();
        ConfigurationContext context = new ConfigurationContext(registry);
        CNode exported = getUnclassifiedRoot(context).get("nexor");
        assertThat(toYamlString(exported)).isEqualTo(toStringFromYamlFile(this, "configuration-as-code-expected.yml"));
    }

    @Test
    void defaultsAreNexorsApiAndFailingTheBuild(JenkinsConfiguredWithCodeRule j) {
        NexorGlobalConfiguration config = NexorGlobalConfiguration.get();
        assertThat(config.getBaseUrl()).isEqualTo(NexorClient.DEFAULT_BASE_URL);
        assertThat(config.getDefaultOnFailure()).isEqualTo(FailurePolicy.FAIL);
        assertThat(config.getConnectTimeoutSeconds()).isEqualTo(10);
        assertThat(config.getReadTimeoutSeconds()).isEqualTo(30);
    }

    @Test
    void plainHttpIsRefusedExceptOnLoopback(JenkinsConfiguredWithCodeRule j) {
        NexorGlobalConfiguration config = NexorGlobalConfiguration.get();
        assertThatThrownBy(() -> config.setBaseUrl("http://api.getnexor.ai/api/public"))
                .hasMessageContaining("must use https");
        assertThat(config.doCheckBaseUrl("http://nexor.example").kind).isEqualTo(FormValidation.Kind.ERROR);
        assertThat(config.doCheckBaseUrl("http://127.0.0.1:9000/api/public").kind)
                .isEqualTo(FormValidation.Kind.OK);
        assertThatThrownBy(() -> config.setReadTimeoutSeconds(0)).hasMessageContaining("from 1 to 300");
    }
}
