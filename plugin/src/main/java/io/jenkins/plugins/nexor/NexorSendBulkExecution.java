package io.jenkins.plugins.nexor;

import hudson.AbortException;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.nexor.client.BulkEntry;
import io.jenkins.plugins.nexor.client.BulkResult;
import io.jenkins.plugins.nexor.client.BulkSend;
import io.jenkins.plugins.nexor.client.BulkSender;
import io.jenkins.plugins.nexor.client.Csv;
import io.jenkins.plugins.nexor.client.NexorClient;
import io.jenkins.plugins.nexor.client.Recipient;
import io.jenkins.plugins.nexor.client.Recipients;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import jenkins.util.BuildListenerAdapter;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution;

/**
 * Runs {@code nexorSendBulk} off the CPS thread: progress lines at every tenth of the leads (not one per lead), the
 * rows that are skipped, the failure policy over the leads not sent; an abort stops new sends at once.
 */
final class NexorSendBulkExecution extends SynchronousNonBlockingStepExecution<NexorBulkResult> {
    private static final long serialVersionUID = 1L;
    /** Skipped rows listed in the console; the rest are in the result. */
    private static final int LISTED_SKIPS = 20;

    private final transient NexorSendBulkStep step;
    private transient volatile BulkSend inFlight;

    NexorSendBulkExecution(NexorSendBulkStep step, StepContext context) {
        super(context);
        this.step = step;
    }

    @Override
    protected NexorBulkResult run() throws Exception {
        Run<?, ?> run = getContext().get(Run.class);
        TaskListener listener = getContext().get(TaskListener.class);
        PrintStream log = listener.getLogger();
        List<Recipient> recipients = recipients();
        MessageFields fields = step.fields();
        NexorClient client =
                NexorSender.client(run, listener, NexorSender.credentialsId(fields, UnaryOperator.identity()));
        BulkSend send = BulkSender.builder(client)
                .concurrency(step.getConcurrency())
                .maxPerSecond(step.getMaxPerSecond())
                .build()
                .prepare(fields.toRequest(UnaryOperator.identity()), recipients);
        List<BulkEntry> invalid = send.invalid();
        invalid.stream().limit(LISTED_SKIPS).forEach(e -> log.println(Messages.Bulk_skipped(e.index() + 1, e.error())));
        if (invalid.size() > LISTED_SKIPS) {
            log.println(Messages.Bulk_moreSkipped(invalid.size() - LISTED_SKIPS));
        }
        int step10 = Math.max(1, send.total() / 10);
        inFlight = send;
        BulkResult result;
        try {
            result = send.execute((entry, done, total) -> {
                if (done % step10 == 0 || done == total) {
                    log.println(Messages.Bulk_progress(done, total));
                }
            });
        } finally {
            inFlight = null;
        }
        archive(run, listener, result);
        NexorBulkResult answer = new NexorBulkResult(result);
        NexorSendAction.of(run).add(new BulkSummary(System.currentTimeMillis(), fields.getChannel(), answer));
        log.println(Messages.Bulk_done(
                answer.getSent(),
                answer.getTotal(),
                answer.getFailed(),
                answer.getSkipped(),
                answer.getNotAttempted()));
        if (result.cancelled()) {
            throw new InterruptedException(answer.toString());
        }
        if (answer.isSuccess()) {
            return answer;
        }
        String line = Messages.Bulk_notAllSent(answer.getTotal() - answer.getSent(), answer.getTotal());
        switch (NexorSender.policy(fields)) {
            case UNSTABLE -> run.setResult(Result.UNSTABLE);
            case CONTINUE -> log.println(line);
            default -> throw new AbortException(line);
        }
        return answer;
    }

    private List<Recipient> recipients() throws Exception {
        if ((step.getLeads() == null) == (step.getLeadsFile() == null)) {
            throw new AbortException(Messages.Bulk_leadsSource());
        }
        try {
            if (step.getLeads() != null) {
                return Recipients.fromList(step.getLeads());
            }
            FilePath workspace = getContext().get(FilePath.class);
            if (workspace == null) {
                throw new AbortException(Messages.Bulk_noWorkspace(step.getLeadsFile()));
            }
            FilePath file = workspace.child(step.getLeadsFile());
            if (!file.exists()) {
                throw new AbortException(Messages.Bulk_noFile(step.getLeadsFile()));
            }
            return Recipients.fromCsv(file.readToString());
        } catch (IllegalArgumentException e) {
            throw new AbortException(Messages.Bulk_badLeads(e.getMessage()));
        }
    }

    /** Archives the per-lead results as {@code nexor-bulk-N.csv} when the step runs in a workspace. */
    private void archive(Run<?, ?> run, TaskListener listener, BulkResult result) throws Exception {
        FilePath workspace = getContext().get(FilePath.class);
        Launcher launcher = getContext().get(Launcher.class);
        if (workspace == null || launcher == null) {
            listener.getLogger().println(Messages.Bulk_notArchived());
            return;
        }
        String name = "nexor-bulk-" + (NexorSendAction.of(run).getBulkSends().size() + 1) + ".csv";
        workspace.child(name).write(Csv.results(result), "UTF-8");
        run.pickArtifactManager().archive(workspace, launcher, new BuildListenerAdapter(listener), Map.of(name, name));
        listener.getLogger().println(Messages.Bulk_archived(name));
    }

    @Override
    public void stop(Throwable cause) throws Exception {
        BulkSend send = inFlight;
        if (send != null) {
            send.cancel();
        }
        super.stop(cause);
    }
}
