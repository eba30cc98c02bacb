package io.jenkins.plugins.nexor;

import hudson.Extension;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.nexor.client.NexorClient;
import io.jenkins.plugins.nexor.client.NexorException;
import io.jenkins.plugins.nexor.client.Validation;
import jenkins.model.GlobalConfiguration;
import jenkins.model.Jenkins;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * Manage Jenkins → System → Nexor; in Configuration as Code {@code unclassified: nexor:}. Only administers see and
 * change it (the page needs {@code Jenkins.ADMINISTER}), which keeps the API base URL, where the key is sent, theirs.
 */
@Extension
@Symbol("nexor")
public class NexorGlobalConfiguration extends GlobalConfiguration {
    static final int DEFAULT_CONNECT_TIMEOUT = (int) NexorClient.DEFAULT_CONNECT_TIMEOUT.toSeconds();
    static final int DEFAULT_READ_TIMEOUT = (int) NexorClient.DEFAULT_READ_TIMEOUT.toSeconds();
    static final int MAX_TIMEOUT = 300;

    private String baseUrl = NexorClient.DEFAULT_BASE_URL;
    private String credentialsId;
    private int connectTimeoutSeconds = DEFAULT_CONNECT_TIMEOUT;
    private int readTimeoutSeconds = DEFAULT_READ_TIMEOUT;
    private FailurePolicy defaultOnFailure = FailurePolicy.FAIL;

    public NexorGlobalConfiguration() {
        load();
    }

    public static NexorGlobalConfiguration get() {
        return GlobalConfiguration.all().getInstance(NexorGlobalConfiguration.class);
    }

    public String getBaseUrl() {
        return baseUrl;
    }

    /** Nexor's API, or a sandbox on loopback; https required except for loopback hosts. */
    @DataBoundSetter
    public void setBaseUrl(String baseUrl) {
        String url = orDefault(baseUrl);
        Validation v = Validation.ofBaseUrl(url);
        if (v.hasErrors()) {
            throw new IllegalArgumentException(v.errors().get(0).message());
        }
        this.baseUrl = url;
        changed();
    }

    public String getCredentialsId() {
        return credentialsId;
    }

    /** The Secret text credential used when a step names none. */
    @DataBoundSetter
    public void setCredentialsId(String credentialsId) {
        this.credentialsId = MessageFields.blankToNull(credentialsId);
        changed();
    }

    public int getConnectTimeoutSeconds() {
        return connectTimeoutSeconds;
    }

    @DataBoundSetter
    public void setConnectTimeoutSeconds(int seconds) {
        this.connectTimeoutSeconds = checkTimeout(seconds);
        changed();
    }

    public int getReadTimeoutSeconds() {
        return readTimeoutSeconds;
    }

    @DataBoundSetter
    public void setReadTimeoutSeconds(int seconds) {
        this.readTimeoutSeconds = checkTimeout(seconds);
        changed();
    }

    public FailurePolicy getDefaultOnFailure() {
        return defaultOnFailure;
    }

    /** What a failed send does when the step does not say: fail (default), unstable or continue. */
    @DataBoundSetter
    public void setDefaultOnFailure(FailurePolicy policy) {
        this.defaultOnFailure = policy == null ? FailurePolicy.FAIL : policy;
        changed();
    }

    /** A base URL as typed, or Nexor's when blank. */
    private static String orDefault(String baseUrl) {
        String url = MessageFields.blankToNull(baseUrl);
        return url == null ? NexorClient.DEFAULT_BASE_URL : url.strip();
    }

    private void changed() {
        save();
        NexorClients.get().invalidate();
    }

    private static int checkTimeout(int seconds) {
        if (seconds < 1 || seconds > MAX_TIMEOUT) {
            throw new IllegalArgumentException(Messages.Config_timeoutRange(seconds, MAX_TIMEOUT));
        }
        return seconds;
    }

    @POST
    public FormValidation doCheckBaseUrl(@QueryParameter String value) {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        String url = MessageFields.blankToNull(value);
        return url == null
                ? FormValidation.ok()
                : MessageForm.toFormValidation(Validation.ofBaseUrl(url).problems());
    }

    @POST
    public FormValidation doCheckConnectTimeoutSeconds(@QueryParameter String value) {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        return timeoutCheck(value);
    }

    @POST
    public FormValidation doCheckReadTimeoutSeconds(@QueryParameter String value) {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        return timeoutCheck(value);
    }

    private static FormValidation timeoutCheck(String value) {
        try {
            checkTimeout(Integer.parseInt(value.strip()));
            return FormValidation.ok();
        } catch (NumberFormatException e) {
            return FormValidation.error(Messages.Config_timeoutRange(value, MAX_TIMEOUT));
        } catch (IllegalArgumentException e) {
            return FormValidation.error(e.getMessage());
        }
    }

    @POST
    public ListBoxModel doFillCredentialsIdItems(@QueryParameter String credentialsId) {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        return ApiKeyCredentials.listBox(null, credentialsId);
    }

    @POST
    public ListBoxModel doFillDefaultOnFailureItems() {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        return MessageForm.failurePolicyItems(false);
    }

    /** Checks the key against Nexor without sending a message: lists the account's workflows. */
    @POST
    public FormValidation doTestConnection(@QueryParameter String baseUrl, @QueryParameter String credentialsId) {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        String url = orDefault(baseUrl);
        Validation urlCheck = Validation.ofBaseUrl(url);
        if (urlCheck.hasErrors()) {
            return MessageForm.toFormValidation(urlCheck.problems());
        }
        if (MessageFields.blankToNull(credentialsId) == null) {
            return FormValidation.error(Messages.Credentials_missing());
        }
        String key = ApiKeyCredentials.keyFor(null, credentialsId);
        if (key == null) {
            return FormValidation.error(Messages.Credentials_unknown(credentialsId));
        }
        Validation keyCheck = Validation.ofApiKey(key);
        if (keyCheck.hasErrors()) {
            return MessageForm.toFormValidation(keyCheck.problems());
        }
        try {
            NexorClient client = NexorClients.get().newClient(key, url, connectTimeoutSeconds, readTimeoutSeconds);
            int workflows = client.workflows().size();
            return FormValidation.ok(Messages.Config_connected(url, workflows));
        } catch (NexorException e) {
            return FormValidation.error(Messages.Config_connectionFailed(e.getMessage(MessageForm.currentLocale())));
        }
    }
}
