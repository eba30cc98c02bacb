package io.jenkins.plugins.nexor;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.AbortException;
import hudson.EnvVars;
import hudson.Extension;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.Item;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.util.FormValidation;
import io.jenkins.plugins.nexor.client.BulkSender;
import java.io.IOException;
import java.util.UUID;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * Freestyle build step "Send Nexor message to many leads": the message fields plus a CSV file of leads in the
 * workspace (column {@code lead_id}, optional per-lead columns), sent as {@code nexorSendBulk} sends it
 * ({@link BulkRun}). Later steps see {@code NEXOR_BULK_TOTAL}, {@code NEXOR_BULK_SENT}, {@code NEXOR_BULK_NOT_SENT}
 * and {@code NEXOR_BULK_RESULTS} ({@link NexorSendAction}). {@code resumeFrom} skips what an earlier build sent. A
 * freestyle build does not resume after a controller restart; the send record in its build directory still tells,
 * on the build page, who was messaged.
 */
public class NexorSendBulkBuilder extends MessageBuilder {
    private final String leadsFile;
    private int concurrency = BulkSender.DEFAULT_CONCURRENCY;
    private double maxPerSecond;
    private String resumeFrom;
    private boolean resendUncertain;

    @DataBoundConstructor
    public NexorSendBulkBuilder(String leadsFile, String workflowId, String channel) {
        super(workflowId, channel);
        this.leadsFile = MessageFields.blankToNull(leadsFile);
    }

    public String getLeadsFile() {
        return leadsFile;
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

    @DataBoundSetter
    public void setMaxPerSecond(double maxPerSecond) {
        this.maxPerSecond = BulkRun.checkMaxPerSecond(maxPerSecond);
    }

    public String getResumeFrom() {
        return resumeFrom;
    }

    /** {@code #N}, {@code #N/K} or a results file in the workspace; {@code ${VAR}} build variables are expanded. */
    @DataBoundSetter
    public void setResumeFrom(String resumeFrom) {
        this.resumeFrom = MessageFields.blankToNull(resumeFrom);
    }

    public boolean isResendUncertain() {
        return resendUncertain;
    }

    @DataBoundSetter
    public void setResendUncertain(boolean resendUncertain) {
        this.resendUncertain = resendUncertain;
    }

    @Override
    public void perform(
            @NonNull Run<?, ?> run,
            @NonNull FilePath workspace,
            @NonNull EnvVars env,
            @NonNull Launcher launcher,
            @NonNull TaskListener listener)
            throws InterruptedException, IOException {
        String path = leadsFile == null ? null : env.expand(leadsFile);
        if (path == null || path.isBlank()) {
            throw new AbortException(Messages.Bulk_leadsFileRequired());
        }
        String from = resumeFrom == null ? null : env.expand(resumeFrom);
        BulkOrder order = new BulkOrder(fields, null, path, concurrency, maxPerSecond, from, resendUncertain);
        // a freestyle build does not resume after a restart: its send record still tells who was messaged
        new BulkRun(run, listener, () -> workspace, UUID.randomUUID().toString(), false)
                .send(order, env::expand, false);
    }

    @Extension
    public static final class DescriptorImpl extends MessageBuilderDescriptor {
        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.NexorSendBulkBuilder_displayName();
        }

        @POST
        public FormValidation doCheckLeadsFile(@AncestorInPath Item item, @QueryParameter String value) {
            MessageForm.checkReadable(item);
            return value == null || value.isBlank()
                    ? FormValidation.error(Messages.Bulk_leadsFileRequired())
                    : FormValidation.ok();
        }
    }
}
