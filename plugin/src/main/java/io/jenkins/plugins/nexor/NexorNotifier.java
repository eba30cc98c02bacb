package io.jenkins.plugins.nexor;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.EnvVars;
import hudson.Extension;
import hudson.model.AbstractProject;
import hudson.model.Item;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.tasks.BuildStepDescriptor;
import hudson.tasks.BuildStepMonitor;
import hudson.tasks.Notifier;
import hudson.tasks.Publisher;
import hudson.util.FormValidation;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import jenkins.tasks.SimpleBuildStep;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * Post-build action "Send Nexor message": the fields of the build step {@link NexorSendBuilder}, sent only when the
 * build's result meets one of the chosen conditions ({@link NotifyCondition}; by default failure and back to
 * normal). Post-build actions run after a failed or aborted build step too, so "the build failed" can be sent.
 * Text fields expand {@code ${VAR}} build variables plus {@code BUILD_RESULT} (the result so far) and
 * {@code BUILD_RESULT_PREVIOUS} (the previous finished build's, empty for none). Sending itself — validation,
 * credentials, console line, failure policy, build record — is {@link NexorSender}'s, as for the build step; a
 * failure policy can only make the result worse ({@link Run#setResult} never improves it).
 *
 * <p>Also a Pipeline step through {@code step}: {@code nexorNotify leadId: …, whenAlways: true}, typically in a
 * Declarative {@code post} block, where the failed stage's result has already been set.
 */
public class NexorNotifier extends Notifier implements SimpleBuildStep {
    /** The result of this build so far, as {@code SUCCESS}, {@code UNSTABLE}, {@code FAILURE}, … */
    static final String BUILD_RESULT = "BUILD_RESULT";
    /** The result of the previous finished build; empty when there is none. */
    static final String BUILD_RESULT_PREVIOUS = "BUILD_RESULT_PREVIOUS";

    private final MessageFields fields = new MessageFields();
    private boolean whenSuccess;
    private boolean whenUnstable;
    private boolean whenFailure = true;
    private boolean whenNotBuilt;
    private boolean whenAborted;
    private boolean whenFixed = true;
    private boolean whenAlways;

    @DataBoundConstructor
    public NexorNotifier(String leadId, String workflowId, String channel) {
        fields.setLeadId(leadId);
        fields.setWorkflowId(workflowId);
        fields.setChannel(channel);
    }

    /** The conditions that are checked, in the form's order. */
    List<NotifyCondition> conditions() {
        List<NotifyCondition> on = new ArrayList<>();
        add(on, whenFailure, NotifyCondition.FAILURE);
        add(on, whenFixed, NotifyCondition.FIXED);
        add(on, whenUnstable, NotifyCondition.UNSTABLE);
        add(on, whenSuccess, NotifyCondition.SUCCESS);
        add(on, whenAborted, NotifyCondition.ABORTED);
        add(on, whenNotBuilt, NotifyCondition.NOT_BUILT);
        add(on, whenAlways, NotifyCondition.ALWAYS);
        return on;
    }

    private static void add(List<NotifyCondition> on, boolean checked, NotifyCondition condition) {
        if (checked) {
            on.add(condition);
        }
    }

    @Override
    public void perform(@NonNull Run<?, ?> run, @NonNull EnvVars env, @NonNull TaskListener listener)
            throws InterruptedException, IOException {
        Result result = NotifyCondition.resultSoFar(run);
        Result previous = NotifyCondition.previousResult(run);
        List<NotifyCondition> conditions = conditions();
        List<NotifyCondition> met =
                conditions.stream().filter(c -> c.isMet(result, previous)).toList();
        if (met.isEmpty()) {
            listener.getLogger().println(Messages.Notifier_notSent(result, names(conditions)));
            return;
        }
        listener.getLogger().println(Messages.Notifier_sending(result, names(met)));
        EnvVars vars = new EnvVars(env);
        vars.put(BUILD_RESULT, result.toString());
        Run<?, ?> before = run.getPreviousCompletedBuild();
        Result beforeResult = before == null ? null : before.getResult();
        vars.put(BUILD_RESULT_PREVIOUS, beforeResult == null ? "" : beforeResult.toString());
        new NexorSender(run, listener).send(fields, vars::expand, send -> {});
    }

    private static String names(List<NotifyCondition> conditions) {
        return conditions.isEmpty()
                ? Messages.NotifyCondition_none()
                : conditions.stream().map(NotifyCondition::displayName).collect(Collectors.joining(", "));
    }

    /** Typed, also sparing callers Notifier's raw {@code BuildStepDescriptor}. */
    @Override
    public DescriptorImpl getDescriptor() {
        return (DescriptorImpl) super.getDescriptor();
    }

    @Override
    public boolean requiresWorkspace() {
        return false;
    }

    @Override
    public BuildStepMonitor getRequiredMonitorService() {
        return BuildStepMonitor.NONE;
    }

    /**
     * Runs while the build is still building: the failure policy may then still mark it unstable or failed
     * ({@link Run#setResult} refuses changes once the build is finalized).
     */
    @Override
    public boolean needsToRunAfterFinalized() {
        return false;
    }

    // the conditions

    public boolean isWhenSuccess() {
        return whenSuccess;
    }

    @DataBoundSetter
    public void setWhenSuccess(boolean whenSuccess) {
        this.whenSuccess = whenSuccess;
    }

    public boolean isWhenUnstable() {
        return whenUnstable;
    }

    @DataBoundSetter
    public void setWhenUnstable(boolean whenUnstable) {
        this.whenUnstable = whenUnstable;
    }

    public boolean isWhenFailure() {
        return whenFailure;
    }

    @DataBoundSetter
    public void setWhenFailure(boolean whenFailure) {
        this.whenFailure = whenFailure;
    }

    public boolean isWhenNotBuilt() {
        return whenNotBuilt;
    }

    @DataBoundSetter
    public void setWhenNotBuilt(boolean whenNotBuilt) {
        this.whenNotBuilt = whenNotBuilt;
    }

    public boolean isWhenAborted() {
        return whenAborted;
    }

    @DataBoundSetter
    public void setWhenAborted(boolean whenAborted) {
        this.whenAborted = whenAborted;
    }

    public boolean isWhenFixed() {
        return whenFixed;
    }

    @DataBoundSetter
    public void setWhenFixed(boolean whenFixed) {
        this.whenFixed = whenFixed;
    }

    public boolean isWhenAlways() {
        return whenAlways;
    }

    @DataBoundSetter
    public void setWhenAlways(boolean whenAlways) {
        this.whenAlways = whenAlways;
    }

    // the message: the same fields and setters as the build step (MessageBuilder), forwarded to MessageFields

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

    @CheckForNull
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

    /** {@code nexorNotify} in Pipeline (through {@code step}); not {@code nexorSend}, which is the step's name. */
    @Extension
    @Symbol("nexorNotify")
    public static final class DescriptorImpl extends BuildStepDescriptor<Publisher> implements MessageFormMethods {
        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.NexorNotifier_displayName();
        }

        @Override
        public boolean isApplicable(Class<? extends AbstractProject> jobType) {
            return true;
        }

        @POST
        public FormValidation doCheckLeadId(@AncestorInPath Item item, @QueryParameter String value) {
            MessageForm.checkReadable(item);
            return MessageForm.checkLeadId(value);
        }
    }
}
