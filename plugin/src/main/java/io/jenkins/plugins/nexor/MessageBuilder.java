package io.jenkins.plugins.nexor;

import hudson.model.AbstractProject;
import hudson.tasks.BuildStepDescriptor;
import hudson.tasks.BuildStepMonitor;
import hudson.tasks.Builder;
import jenkins.tasks.SimpleBuildStep;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * What the freestyle builders "Send Nexor message" and "Send Nexor message to many leads" share: the message fields
 * ({@link MessageFields}) with their data-bound setters, and the form's drop-downs and checks in
 * {@link MessageBuilderDescriptor}. Text fields accept {@code ${VAR}} build variables.
 */
public abstract class MessageBuilder extends Builder implements SimpleBuildStep {
    final MessageFields fields = new MessageFields();

    MessageBuilder(String workflowId, String channel) {
        fields.setWorkflowId(workflowId);
        fields.setChannel(channel);
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
    public BuildStepMonitor getRequiredMonitorService() {
        return BuildStepMonitor.NONE;
    }

    /** The drop-downs and field checks of both builders' forms (the lead's check is the single send's). */
    public abstract static class MessageBuilderDescriptor extends BuildStepDescriptor<Builder>
            implements MessageFormMethods {
        @Override
        public boolean isApplicable(Class<? extends AbstractProject> jobType) {
            return true;
        }
    }
}
