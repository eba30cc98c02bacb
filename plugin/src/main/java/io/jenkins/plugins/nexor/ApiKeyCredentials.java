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
     * The key for a run, looked up in the run's context (folder stores honoured, {@code ${PARAM}} expanded, usage
     * tracked by the credentials plugin).
     *
     * @throws AbortException naming the id when it is missing, unknown or not a Secret text credential
     */
    static String resolve(Run<?, ?> run, String credentialsId) throws AbortException {
        if (credentialsId == null || credentialsId.isBlank()) {
            throw new AbortException(Messages.Credentials_missing());
        }
        StringCredentials found = CredentialsProvider.findCredentialById(credentialsId, StringCredentials.class, run);
        if (found != null) {
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

    /** The key of a credential visible at Jenkins' root (global configuration, "Test connection"). */
    static String resolveGlobal(String credentialsId) {
        StringCredentials found = CredentialsMatchers.firstOrNull(
                CredentialsProvider.lookupCredentialsInItemGroup(
                        StringCredentials.class, Jenkins.get(), ACL.SYSTEM2, List.of()),
                CredentialsMatchers.withId(credentialsId));
        return found == null ? null : found.getSecret().getPlainText();
    }

    /**
     * Secret text credentials for a drop-down. The caller has checked permissions: {@code Jenkins.ADMINISTER} at
     * the root, {@code Item.EXTENDED_READ} or {@code CredentialsProvider.USE_ITEM} on an item.
     */
    static ListBoxModel listBox(Item item, String current) {
        StandardListBoxModel model = new StandardListBoxModel();
        model.includeEmptyValue();
        Authentication auth = item instanceof Queue.Task task ? task.getDefaultAuthentication2() : ACL.SYSTEM2;
        if (item == null) {
            model.includeMatchingAs(
                    ACL.SYSTEM2, Jenkins.get(), StringCredentials.class, List.of(), CredentialsMatchers.always());
        } else {
            model.includeMatchingAs(auth, item, StringCredentials.class, List.of(), CredentialsMatchers.always());
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
