package io.jenkins.plugins.nexor;

import hudson.AbortException;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.nexor.client.RecipientSource;
import io.jenkins.plugins.nexor.client.Recipients;
import java.util.function.UnaryOperator;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution;

/** Runs {@code nexorSendBulk} off the CPS thread through {@link BulkRun}; an abort stops new sends at once. */
final class NexorSendBulkExecution extends SynchronousNonBlockingStepExecution<NexorBulkResult> {
    private static final long serialVersionUID = 1L;

    private final transient NexorSendBulkStep step;
    private transient volatile BulkRun bulk;

    NexorSendBulkExecution(NexorSendBulkStep step, StepContext context) {
        super(context);
        this.step = step;
    }

    @Override
    protected NexorBulkResult run() throws Exception {
        FilePath workspace = getContext().get(FilePath.class);
        bulk = new BulkRun(
                getContext().get(Run.class),
                getContext().get(TaskListener.class),
                workspace,
                getContext().get(Launcher.class));
        return bulk.send(
                step.fields(),
                UnaryOperator.identity(),
                leads(workspace),
                step.getConcurrency(),
                step.getMaxPerSecond(),
                true);
    }

    private RecipientSource leads(FilePath workspace) throws Exception {
        if ((step.getLeads() == null) == (step.getLeadsFile() == null)) {
            throw new AbortException(Messages.Bulk_leadsSource());
        }
        if (step.getLeads() == null) {
            return BulkRun.file(workspace, step.getLeadsFile());
        }
        try {
            return RecipientSource.of(Recipients.fromList(step.getLeads()));
        } catch (IllegalArgumentException e) {
            throw new AbortException(Messages.Bulk_badLeads(e.getMessage()));
        }
    }

    @Override
    public void stop(Throwable cause) throws Exception {
        BulkRun running = bulk;
        if (running != null) {
            running.cancel();
        }
        super.stop(cause);
    }
}
