package io.jenkins.plugins.nexor;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.FreeStyleProject;
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
 * Form methods that touch credentials or the network need POST and the right permission, on every form: the two
 * steps, the two builders and the post-build action.
 */
@WithJenkins
class FormSecurityTest {
    private JenkinsRule j;
    private SandboxFixture nexor;
    private FreeStyleProject job;

    @BeforeEach
    void setUp(JenkinsRule rule) throws Exception {
        j = rule;
        nexor = SandboxFixture.start(j);
        job = j.createFreeStyleProject("job");
        j.jenkins.setSecurityRealm(j.createDummySecurityRealm());
        j.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.ADMINISTER)
                .everywhere()
                .to("admin")
                .grant(Jenkins.READ, Item.READ)
                .everywhere()
                .to("reader")
                .grant(Jenkins.READ, Item.READ, Item.CONFIGURE, Item.EXTENDED_READ)
                .everywhere()
                .to("dev"));
    }

    @AfterEach
    void tearDown() {
        nexor.close();
    }

    /**
     * The status of Jenkins' first answer to a POST. Not the page a browser ends on: for an anonymous user Jenkins
     * answers 403 with a page that refreshes to the login page (200), which HtmlUnit would follow.
     */
    private int post(String user, String path) throws Exception {
        return status(user, path, HttpMethod.POST);
    }

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

    private static String global(String method) {
        return "descriptorByName/io.jenkins.plugins.nexor.NexorGlobalConfiguration/" + method;
    }

    @Test
    void testConnectionIsForAdministratorsOnly() throws Exception {
        String path = global("testConnection?baseUrl=" + nexor.sandbox().baseUrl() + "&credentialsId=nexor-key");
        assertThat(post(null, path)).isEqualTo(403);
        assertThat(post("reader", path)).isEqualTo(403);
        assertThat(post("dev", path)).isEqualTo(403);
        assertThat(post("admin", path)).isEqualTo(200);
        assertThat(nexor.sandbox().requests()).hasSize(1); // only the administrator's test reached Nexor
    }

    @Test
    void globalCredentialsListIsForAdministratorsOnly() throws Exception {
        assertThat(post("reader", global("fillCredentialsIdItems"))).isEqualTo(403);
        assertThat(post("admin", global("fillCredentialsIdItems"))).isEqualTo(200);
    }

    /**
     * A GET of a {@code @POST} form method is not dispatched: Stapler's {@code HttpVerbInterceptor} cancels it and
     * Jenkins answers 404, as for its own {@code @POST} methods (not 405, which {@code @RequirePOST} would give).
     */
    @Test
    void testConnectionRefusesGet() throws Exception {
        assertThat(status("admin", global("testConnection?credentialsId=nexor-key"), HttpMethod.GET))
                .isEqualTo(404);
        assertThat(nexor.sandbox().requests()).isEmpty();
    }

    @Test
    void everySharedFormMethodOfEveryFormIsPostOnly() throws Exception {
        // the methods come from MessageFormMethods' default methods: this proves Stapler serves them with @POST
        for (Class<?> type : List.of(
                NexorSendStep.class,
                NexorSendBulkStep.class,
                NexorSendBuilder.class,
                NexorSendBulkBuilder.class,
                NexorNotifier.class)) {
            for (String method : List.of(
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
                String path = "job/job/descriptorByName/" + type.getName() + "/" + method;
                assertThat(status("admin", path, HttpMethod.GET))
                        .as("GET %s", path)
                        .isEqualTo(404);
                assertThat(post("admin", path)).as("POST %s", path).isEqualTo(200);
            }
        }
    }

    @Test
    void jobCredentialsListShowsNothingToReaders() throws Exception {
        String path = "job/job/descriptorByName/io.jenkins.plugins.nexor.NexorSendBuilder/fillCredentialsIdItems";
        JenkinsRule.WebClient wc = j.createWebClient();
        wc.login("reader");
        String asReader = wc.getPage(
                        wc.addCrumb(new WebRequest(URI.create(j.getURL() + path).toURL(), HttpMethod.POST)))
                .getWebResponse()
                .getContentAsString();
        assertThat(asReader).doesNotContain("nexor-key");
        JenkinsRule.WebClient dev = j.createWebClient();
        dev.login("dev");
        String asDev = dev.getPage(dev.addCrumb(
                        new WebRequest(URI.create(j.getURL() + path).toURL(), HttpMethod.POST)))
                .getWebResponse()
                .getContentAsString();
        assertThat(asDev).contains("nexor-key");
    }

    @Test
    void anonymousUsersCannotRunFormChecks() throws Exception {
        for (Class<?> type : List.of(NexorSendBuilder.class, NexorNotifier.class)) {
            String path = "job/job/descriptorByName/" + type.getName() + "/checkLeadId?value=x";
            assertThat(post(null, path)).as(path).isEqualTo(403);
            assertThat(post("reader", path)).as(path).isEqualTo(200);
            assertThat(status("admin", path, HttpMethod.GET)).as("GET " + path).isEqualTo(404);
        }
    }

    @Test
    void workflowsAndTemplatesComeFromNexorForThoseWhoConfigure() throws Exception {
        String base = "job/job/descriptorByName/io.jenkins.plugins.nexor.NexorSendBuilder/";
        assertThat(post("reader", base + "fillWorkflowIdItems?credentialsId=nexor-key"))
                .isEqualTo(403);
        assertThat(post(
                        "reader",
                        "job/job/descriptorByName/io.jenkins.plugins.nexor.NexorNotifier/"
                                + "fillWorkflowIdItems?credentialsId=nexor-key"))
                .isEqualTo(403);
        JenkinsRule.WebClient dev = j.createWebClient();
        dev.login("dev");
        String workflows = dev.getPage(dev.addCrumb(new WebRequest(
                        URI.create(j.getURL() + base + "fillWorkflowIdItems?credentialsId=nexor-key")
                                .toURL(),
                        HttpMethod.POST)))
                .getWebResponse()
                .getContentAsString();
        assertThat(workflows).contains(nexor.workflow());
        String check = dev.getPage(dev.addCrumb(new WebRequest(
                        URI.create(j.getURL() + base + "checkWorkflowId?credentialsId=nexor-key&value="
                                        + nexor.workflow())
                                .toURL(),
                        HttpMethod.POST)))
                .getWebResponse()
                .getContentAsString();
        assertThat(check).contains("Seguimiento de pedidos");
        assertThat(nexor.sandbox().messages()).isEmpty(); // listing sends nothing
    }

    @Test
    void withoutNexorTheFieldsStayFreeText() throws Exception {
        int closedPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        NexorGlobalConfiguration.get().setBaseUrl("http://127.0.0.1:" + closedPort + "/api/public"); // unreachable
        JenkinsRule.WebClient dev = j.createWebClient();
        dev.login("dev");
        String body = dev.getPage(dev.addCrumb(new WebRequest(
                        URI.create(
                                        j.getURL()
                                                + "job/job/descriptorByName/io.jenkins.plugins.nexor.NexorSendBuilder/fillWorkflowIdItems")
                                .toURL(),
                        HttpMethod.POST)))
                .getWebResponse()
                .getContentAsString();
        assertThat(body).isEqualTo("[]");
    }
}
