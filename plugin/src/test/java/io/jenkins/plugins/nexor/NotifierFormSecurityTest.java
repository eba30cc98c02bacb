package io.jenkins.plugins.nexor;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.Item;
import java.net.URI;
import java.util.List;
import jenkins.model.Jenkins;
import org.htmlunit.HttpMethod;
import org.htmlunit.WebRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * The post-build action's form methods: the shared ones of {@link MessageFormMethods} and its own lead check are
 * served for POST only (a GET is cancelled by Stapler's HttpVerbInterceptor: 404, as FormSecurityTest shows for the
 * other forms), and need the caller's permission on the job.
 */
@WithJenkins
class NotifierFormSecurityTest {
    private static final String BASE = "job/job/descriptorByName/io.jenkins.plugins.nexor.NexorNotifier/";

    private JenkinsRule j;
    private SandboxFixture nexor;

    @BeforeEach
    void setUp(JenkinsRule rule) throws Exception {
        j = rule;
        nexor = SandboxFixture.start(j);
        j.createFreeStyleProject("job");
        j.jenkins.setSecurityRealm(j.createDummySecurityRealm());
        j.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.ADMINISTER)
                .everywhere()
                .to("admin")
                .grant(Jenkins.READ, Item.READ)
                .everywhere()
                .to("reader"));
    }

    @AfterEach
    void tearDown() {
        nexor.close();
    }

    /** The status of Jenkins' first answer (no redirect followed: an anonymous POST reads 403, not the login page). */
    private int status(String user, String path, HttpMethod method) throws Exception {
        JenkinsRule.WebClient wc = j.createWebClient().withThrowExceptionOnFailingStatusCode(false);
        wc.getOptions().setRedirectEnabled(false);
        if (user != null) {
            wc.login(user);
        }
        WebRequest request = new WebRequest(URI.create(j.getURL() + path).toURL(), method);
        return wc.loadWebResponse(method == HttpMethod.POST ? wc.addCrumb(request) : request)
                .getStatusCode();
    }

    @Test
    void everyFormMethodIsPostOnly() throws Exception {
        for (String method : List.of(
                "checkLeadId",
                "fillCredentialsIdItems",
                "fillWorkflowIdItems",
                "fillTemplateIdItems",
                "fillChannelItems",
                "fillOnFailureItems",
                "checkWorkflowId",
                "checkChannel",
                "checkContent",
                "checkSubject",
                "checkTemplateId",
                "checkComponents",
                "checkBeginMessage")) {
            assertThat(status("admin", BASE + method, HttpMethod.GET))
                    .as("GET %s", method)
                    .isEqualTo(404);
            assertThat(status("admin", BASE + method, HttpMethod.POST))
                    .as("POST %s", method)
                    .isEqualTo(200);
        }
        assertThat(nexor.sandbox().messages()).isEmpty();
    }

    @Test
    void checksNeedReadAccessAndTheAccountsListsNeedConfigure() throws Exception {
        assertThat(status(null, BASE + "checkLeadId?value=x", HttpMethod.POST)).isEqualTo(403);
        assertThat(status("reader", BASE + "checkLeadId?value=x", HttpMethod.POST))
                .isEqualTo(200);
        assertThat(status("reader", BASE + "fillWorkflowIdItems?credentialsId=nexor-key", HttpMethod.POST))
                .isEqualTo(403);
    }
}
