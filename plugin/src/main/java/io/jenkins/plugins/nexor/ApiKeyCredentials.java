package io.jenkins.plugins.nexor;

import com.cloudbees.plugins.credentials.CredentialsMatchers;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import com.cloudbees.plugins.credentials.common.StandardListBoxModel;
import hudson.AbortException;
import hudson.model.Item;
import hudson.model.Queue;
import hudson.model.Run;
import hudson.security.ACL;
import hudson.util.ListBoxModel;
import java.util.List;
import jenkins.model.Jenkins;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;
import org.springframework.security.core.Authentication;

/** The Nexor API key as a Jenkins Secret text credential: lookup at run time and the forms' drop-down. */
final class ApiKeyCredentials {
    private ApiKeyCredentials() {}

    /**
     * The key for a run, looked up in the run's context (folder stores honoured, {@code ${PARAM}} credentials
     * parameters bound as the credentials plugin does) and its use tracked on the run: the credential's usage lists
     * the build. {@code findCredentialById} tracks only a credentials parameter's non-default value, so the use is
     * tracked here (as the credentials binding plugin does); a parameter's credential is then tracked twice, which
     * changes nothing but one more write of its fingerprint. Called once per build and id ({@link RunCredentials}).
     *
     * @throws AbortException naming the id when it is missing, unknown or not a Secret text credential
     */
    static String resolve(Run<?, ?> run, String credentialsId) throws AbortException {
        if (credentialsId == null || credentialsId.isBlank()) {
            throw new AbortException(Messages.Credentials_missing());
        }
        StringCredentials found = CredentialsProvider.findCredentialById(credentialsId, StringCredentials.class, run);
        if (found != null) {
            CredentialsProvider.track(run, found);
            return found.getSecret().getPlainText();
        }
        StandardCredentials other =
                CredentialsProvider.findCredentialById(credentialsId, StandardCredentials.class, run);
        if (other != null) {
            throw new AbortException(Messages.Credentials_wrongType(
                    credentialsId, other.getDescriptor().getDisplayName()));
        }
        throw new AbortException(Messages.Credentials_unknown(credentialsId));
    }

    /** The credentials id to use: the given one, or (blank) the default of the global configuration. */
    static String orDefault(String credentialsId) {
        return MessageFields.blankToNull(credentialsId) != null
                ? credentialsId
                : NexorGlobalConfiguration.get().getCredentialsId();
    }

    /**
     * The key of a Secret text credential visible to an item as it would be to its builds (at Jenkins' root for a null
     * item: global configuration, "Test connection"); null when there is none.
     */
    static String keyFor(Item item, String credentialsId) {
        StringCredentials found = CredentialsMatchers.firstOrNull(
                CredentialsProvider.lookupCredentialsInItem(StringCredentials.class, item, authFor(item), List.of()),
                CredentialsMatchers.withId(credentialsId));
        return found == null ? null : found.getSecret().getPlainText();
    }

    /** The authentication credentials are looked up with: a job's own, else the system's. */
    private static Authentication authFor(Item item) {
        return item instanceof Queue.Task task ? task.getDefaultAuthentication2() : ACL.SYSTEM2;
    }

    /**
     * Secret text credentials for a drop-down. The caller has checked permissions: {@code Jenkins.ADMINISTER} at
     * the root, {@code Item.EXTENDED_READ} or {@code CredentialsProvider.USE_ITEM} on an item.
     */
    static ListBoxModel listBox(Item item, String current) {
        StandardListBoxModel model = new StandardListBoxModel();
        model.includeEmptyValue();
        if (item == null) {
            model.includeMatchingAs(
                    ACL.SYSTEM2, Jenkins.get(), StringCredentials.class, List.of(), CredentialsMatchers.always());
        } else {
            model.includeMatchingAs(
                    authFor(item), item, StringCredentials.class, List.of(), CredentialsMatchers.always());
        }
        return model.includeCurrentValue(current);
    }

    /** Whether the current user may list credentials for this context. */
    static boolean mayList(Item item) {
        if (item == null) {
            return Jenkins.get().hasPermission(Jenkins.ADMINISTER);
        }
        return item.hasPermission(Item.EXTENDED_READ) || item.hasPermission(CredentialsProvider.USE_ITEM);
    }
}
