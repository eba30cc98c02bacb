package io.jenkins.plugins.nexor;

import hudson.model.Run;
import hudson.model.TaskListener;
import java.util.Set;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.kohsuke.stapler.DataBoundSetter;

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
    public abstract static class MessageStepDescriptor extends StepDescriptor implements MessageFormMethods {
        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return Set.of(Run.class, TaskListener.class);
        }
    }
}
