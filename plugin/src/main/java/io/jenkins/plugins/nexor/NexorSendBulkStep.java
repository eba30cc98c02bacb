package io.jenkins.plugins.nexor;

import hudson.Extension;
import io.jenkins.plugins.nexor.client.BulkSender;
import java.util.List;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * {@code nexorSendBulk}: one message to many leads, validated up front, sent concurrently, each lead at most once.
 * <pre>
 * def r = nexorSendBulk workflowId: wf, channel: 'whatsapp', templateId: tpl, leadsFile: 'leads.csv', concurrency: 8
 * echo "${r.sent} of ${r.total} sent"
 * </pre>
 * Leads come from {@code leads} (ids, or maps with {@code leadId} and per-lead fields) or a CSV file in the
 * workspace ({@code leadsFile}, column {@code lead_id}). The message fields are {@link MessageFields}, as for
 * {@code nexorSend}. {@code resumeFrom} ({@code '#12'}, or a results file) skips the leads an earlier run sent or may
 * have sent. A controller restart during the send does not lose it: the build resumes it
 * ({@link NexorSendBulkExecution}).
 */
public class NexorSendBulkStep extends MessageStep {
    private List<Object> leads;
    private String leadsFile;
    private int concurrency = BulkSender.DEFAULT_CONCURRENCY;
    private double maxPerSecond;
    private String resumeFrom;
    private boolean resendUncertain;

    @DataBoundConstructor
    public NexorSendBulkStep(String workflowId, String channel) {
        super(workflowId, channel);
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
        this.concurrency = BulkRun.checkConcurrency(concurrency);
    }

    public double getMaxPerSecond() {
        return maxPerSecond;
    }

    /** Requests per second at most; 0 means no cap. */
    @DataBoundSetter
    public void setMaxPerSecond(double maxPerSecond) {
        this.maxPerSecond = BulkRun.checkMaxPerSecond(maxPerSecond);
    }

    public String getResumeFrom() {
        return resumeFrom;
    }

    /**
     * {@code '#N'} (build N of this job; {@code '#N/K'} its K-th bulk send) or a results or record file in the
     * workspace: leads it shows as sent, or as possibly sent, are not sent again.
     */
    @DataBoundSetter
    public void setResumeFrom(String resumeFrom) {
        this.resumeFrom = MessageFields.blankToNull(resumeFrom);
    }

    public boolean isResendUncertain() {
        return resendUncertain;
    }

    /** Also send the leads the earlier record shows as possibly sent (a duplicate reaches a real person). */
    @DataBoundSetter
    public void setResendUncertain(boolean resendUncertain) {
        this.resendUncertain = resendUncertain;
    }

    @Override
    public StepExecution start(StepContext context) {
        return new NexorSendBulkExecution(
                new BulkOrder(fields(), leads, leadsFile, concurrency, maxPerSecond, resumeFrom, resendUncertain),
                context);
    }

    @Extension
    public static final class DescriptorImpl extends MessageStepDescriptor {
        @Override
        public String getFunctionName() {
            return "nexorSendBulk";
        }

        @Override
        public String getDisplayName() {
            return Messages.NexorSendBulkStep_displayName();
        }
    }
}
