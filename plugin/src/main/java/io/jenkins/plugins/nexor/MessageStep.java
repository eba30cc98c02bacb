package io.jenkins.plugins.nexor;

import hudson.model.Item;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.util.ComboBoxModel;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import java.util.Set;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * What {@code nexorSend} and {@code nexorSendBulk} share: the message fields (held in {@link MessageFields}) with
 * their data-bound setters, and the drop-downs of their forms. Workflow and channel are required by both
 * constructors; the lead (one, or many) is the subclass's.
 */
public abstract class MessageStep extends Step {
    private final MessageFields fields = new MessageFields();

    protected MessageStep(String workflowId, String channel) {
        fields.setWorkflowId(workflowId);
        fields.setChannel(channel);
    }

    MessageFields fields() {
        return fields;
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

    public Object getComponents() {
        return fields.getComponents();
    }

    /** A JSON string or a list of maps: {@code components: [[type: 'body', parameters: [[type: 'text', text: 'Ana']]]]}. */
    @DataBoundSetter
    public void setComponents(Object components) {
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

    /** {@code fail}, {@code unstable} or {@code continue} (any case); unset means the global default. */
    @DataBoundSetter
    public void setOnFailure(String onFailure) {
        fields.setOnFailure(FailurePolicy.parse(onFailure));
    }

    /** The drop-downs and field checks of both steps' forms (the lead's check is {@code nexorSend}'s). */
    public abstract static class MessageStepDescriptor extends StepDescriptor {
        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return Set.of(Run.class, TaskListener.class);
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
