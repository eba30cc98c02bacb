package io.jenkins.plugins.nexor;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.EnvVars;
import hudson.Extension;
import hudson.model.Item;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.util.FormValidation;
import java.io.IOException;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * Freestyle build step "Send Nexor message": the same fields as {@code nexorSend}, with {@code ${VAR}} build
 * variables expanded. After a successful send, later steps see {@code NEXOR_MESSAGE_ID} and its siblings
 * ({@link NexorSendAction}). Needs no workspace.
 */
public class NexorSendBuilder extends MessageBuilder {

    @DataBoundConstructor
    public NexorSendBuilder(String leadId, String workflowId, String channel) {
        super(workflowId, channel);
        fields.setLeadId(leadId);
    }

    public String getLeadId() {
        return fields.getLeadId();
    }

    @Override
    public void perform(@NonNull Run<?, ?> run, @NonNull EnvVars env, @NonNull TaskListener listener)
            throws InterruptedException, IOException {
        new NexorSender(run, listener).send(fields, env::expand, send -> {});
    }

    @Override
    public boolean requiresWorkspace() {
        return false;
    }

    @Extension
    public static final class DescriptorImpl extends MessageBuilderDescriptor {
        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.NexorSendBuilder_displayName();
        }

        @POST
        public FormValidation doCheckLeadId(@AncestorInPath Item item, @QueryParameter String value) {
            MessageForm.checkReadable(item);
            return MessageForm.checkLeadId(value);
        }
    }
}
