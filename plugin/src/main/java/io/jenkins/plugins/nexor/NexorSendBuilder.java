package io.jenkins.plugins.nexor;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.EnvVars;
import hudson.Extension;
import hudson.model.AbstractProject;
import hudson.model.Item;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.tasks.BuildStepDescriptor;
import hudson.tasks.BuildStepMonitor;
import hudson.tasks.Builder;
import hudson.util.ComboBoxModel;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import jenkins.tasks.SimpleBuildStep;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * Freestyle build step "Send Nexor message": the same fields as {@code nexorSend}, with {@code ${VAR}} build
 * variables expanded. After a successful send, later steps see {@code NEXOR_MESSAGE_ID} and its siblings
 * ({@link NexorSendAction}). Needs no workspace.
 */
public class NexorSendBuilder extends Builder implements SimpleBuildStep {
    private final MessageFields fields = new MessageFields();

    @DataBoundConstructor
    public NexorSendBuilder(String leadId, String workflowId, String channel) {
        fields.setLeadId(leadId);
        fields.setWorkflowId(workflowId);
        fields.setChannel(channel);
    }

    public String getLeadId() {
        return fields.getLeadId();
    }

    public String getWorkflowId() {
        return fields.getWorkflowId();
    }

    public String getChannel() {
        return fields.getChannel();
    }

    public String getCredentialsId() {
        return fields.getCredentialsId();
    }

    @DataBoundSetter
    public void setCredentialsId(String credentialsId) {
        fields.setCredentialsId(credentialsId);
    }

    public String getContent() {
        return fields.getContent();
    }

    @DataBoundSetter
    public void setContent(String content) {
        fields.setContent(content);
    }

    public String getHtml() {
        return fields.getHtml();
    }

    @DataBoundSetter
    public void setHtml(String html) {
        fields.setHtml(html);
    }

    public String getSubject() {
        return fields.getSubject();
    }

    @DataBoundSetter
    public void setSubject(String subject) {
        fields.setSubject(subject);
    }

    public String getTemplateId() {
        return fields.getTemplateId();
    }

    @DataBoundSetter
    public void setTemplateId(String templateId) {
        fields.setTemplateId(templateId);
    }

    public String getComponents() {
        Object c = fields.getComponents();
        return c == null ? null : c.toString();
    }

    /** Template parameters as a JSON array (Meta's format). */
    @DataBoundSetter
    public void setComponents(String components) {
        fields.setComponents(components);
    }

    public String getBeginMessage() {
        return fields.getBeginMessage();
    }

    @DataBoundSetter
    public void setBeginMessage(String beginMessage) {
        fields.setBeginMessage(beginMessage);
    }

    public String getOnFailure() {
        return fields.getOnFailure() == null ? null : fields.getOnFailure().name();
    }

    @DataBoundSetter
    public void setOnFailure(String onFailure) {
        fields.setOnFailure(FailurePolicy.parse(onFailure));
    }

    @Override
    public void perform(@NonNull Run<?, ?> run, @NonNull EnvVars env, @NonNull TaskListener listener)
            throws InterruptedException, java.io.IOException {
        new NexorSender(run, listener).send(fields, env::expand, send -> {});
    }

    @Override
    public boolean requiresWorkspace() {
        return false;
    }

    @Override
    public BuildStepMonitor getRequiredMonitorService() {
        return BuildStepMonitor.NONE;
    }

    @Extension
    public static final class DescriptorImpl extends BuildStepDescriptor<Builder> {
        @Override
        public boolean isApplicable(Class<? extends AbstractProject> jobType) {
            return true;
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.NexorSendBuilder_displayName();
        }

        @POST
        public ListBoxModel doFillCredentialsIdItems(@AncestorInPath Item item, @QueryParameter String credentialsId) {
            return MessageForm.credentialsItems(item, credentialsId);
        }

        @POST
        public ComboBoxModel doFillWorkflowIdItems(@AncestorInPath Item item, @QueryParameter String credentialsId) {
            MessageForm.checkConfigurable(item);
            return NexorCatalog.workflowIds(item, credentialsId);
        }

        @POST
        public ComboBoxModel doFillTemplateIdItems(@AncestorInPath Item item, @QueryParameter String credentialsId) {
            MessageForm.checkConfigurable(item);
            return NexorCatalog.templateIds(item, credentialsId);
        }

        @POST
        public ListBoxModel doFillChannelItems(@AncestorInPath Item item) {
            MessageForm.checkReadable(item);
            return MessageForm.channelItems();
        }

        @POST
        public ListBoxModel doFillOnFailureItems(@AncestorInPath Item item) {
            MessageForm.checkReadable(item);
            return MessageForm.failurePolicyItems(true);
        }

        @POST
        public FormValidation doCheckLeadId(@AncestorInPath Item item, @QueryParameter String value) {
            MessageForm.checkReadable(item);
            return MessageForm.checkLeadId(value);
        }

        @POST
        public FormValidation doCheckWorkflowId(
                @AncestorInPath Item item, @QueryParameter String value, @QueryParameter String credentialsId) {
            return MessageForm.checkWorkflowId(item, value, credentialsId);
        }

        @POST
        public FormValidation doCheckChannel(@AncestorInPath Item item, @QueryParameter String value) {
            MessageForm.checkReadable(item);
            return MessageForm.checkChannel(value);
        }

        @POST
        public FormValidation doCheckContent(
                @AncestorInPath Item item,
                @QueryParameter String value,
                @QueryParameter String channel,
                @QueryParameter String html,
                @QueryParameter String templateId) {
            MessageForm.checkReadable(item);
            return MessageForm.checkContent(value, channel, html, templateId);
        }

        @POST
        public FormValidation doCheckSubject(
                @AncestorInPath Item item, @QueryParameter String value, @QueryParameter String channel) {
            MessageForm.checkReadable(item);
            return MessageForm.checkSubject(value, channel);
        }

        @POST
        public FormValidation doCheckTemplateId(
                @AncestorInPath Item item,
                @QueryParameter String value,
                @QueryParameter String channel,
                @QueryParameter String credentialsId) {
            return MessageForm.checkTemplateId(item, value, channel, credentialsId);
        }

        @POST
        public FormValidation doCheckComponents(
                @AncestorInPath Item item,
                @QueryParameter String value,
                @QueryParameter String channel,
                @QueryParameter String templateId) {
            MessageForm.checkReadable(item);
            return MessageForm.checkComponents(value, channel, templateId);
        }

        @POST
        public FormValidation doCheckBeginMessage(
                @AncestorInPath Item item, @QueryParameter String value, @QueryParameter String channel) {
            MessageForm.checkReadable(item);
            return MessageForm.checkBeginMessage(value, channel);
        }
    }
}
