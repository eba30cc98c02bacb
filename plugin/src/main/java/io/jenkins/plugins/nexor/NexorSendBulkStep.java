package io.jenkins.plugins.nexor;

import hudson.Extension;
import hudson.model.Item;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.util.ComboBoxModel;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.nexor.client.BulkSender;
import java.util.List;
import java.util.Set;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * {@code nexorSendBulk}: one message to many leads, validated up front, sent concurrently, each lead at most once.
 * <pre>
 * def r = nexorSendBulk workflowId: wf, channel: 'whatsapp', templateId: tpl, leadsFile: 'leads.csv', concurrency: 8
 * echo "${r.sent} of ${r.total} sent"
 * </pre>
 * Leads come from {@code leads} (ids, or maps with {@code leadId} and per-lead fields) or a CSV file in the
 * workspace ({@code leadsFile}, column {@code lead_id}). The message fields are {@link MessageFields}, as for
 * {@code nexorSend}.
 */
public class NexorSendBulkStep extends Step {
    private final MessageFields fields = new MessageFields();
    private List<Object> leads;
    private String leadsFile;
    private int concurrency = BulkSender.DEFAULT_CONCURRENCY;
    private double maxPerSecond;

    @DataBoundConstructor
    public NexorSendBulkStep(String workflowId, String channel) {
        fields.setWorkflowId(workflowId);
        fields.setChannel(channel);
    }

    MessageFields fields() {
        return fields;
    }

    public List<Object> getLeads() {
        return leads;
    }

    /** Lead ids, or maps: {@code [[leadId: '…', components: […]], '…']}. */
    @DataBoundSetter
    public void setLeads(List<Object> leads) {
        this.leads = leads == null || leads.isEmpty() ? null : leads;
    }

    public String getLeadsFile() {
        return leadsFile;
    }

    /** A CSV file in the workspace with a {@code lead_id} column (and optional per-lead columns). */
    @DataBoundSetter
    public void setLeadsFile(String leadsFile) {
        this.leadsFile = MessageFields.blankToNull(leadsFile);
    }

    public int getConcurrency() {
        return concurrency;
    }

    @DataBoundSetter
    public void setConcurrency(int concurrency) {
        if (concurrency < 1 || concurrency > BulkSender.MAX_CONCURRENCY) {
            throw new IllegalArgumentException(Messages.Bulk_concurrency(concurrency, BulkSender.MAX_CONCURRENCY));
        }
        this.concurrency = concurrency;
    }

    public double getMaxPerSecond() {
        return maxPerSecond;
    }

    /** Requests per second at most; 0 means no cap. */
    @DataBoundSetter
    public void setMaxPerSecond(double maxPerSecond) {
        if (maxPerSecond < 0) {
            throw new IllegalArgumentException(Messages.Bulk_rate(maxPerSecond));
        }
        this.maxPerSecond = maxPerSecond;
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

    /** Template parameters shared by every lead (a lead's own {@code components} replace them). */
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

    /** What leads that were not sent do to the build: fail, unstable or continue; unset: the global default. */
    @DataBoundSetter
    public void setOnFailure(String onFailure) {
        fields.setOnFailure(FailurePolicy.parse(onFailure));
    }

    @Override
    public StepExecution start(StepContext context) {
        return new NexorSendBulkExecution(this, context);
    }

    @Extension
    public static final class DescriptorImpl extends StepDescriptor {
        @Override
        public String getFunctionName() {
            return "nexorSendBulk";
        }

        @Override
        public String getDisplayName() {
            return Messages.NexorSendBulkStep_displayName();
        }

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
    }
}
