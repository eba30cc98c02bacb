package io.jenkins.plugins.nexor;

import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.nexor.client.PendingSend;
import java.util.function.UnaryOperator;
import org.jenkinsci.plugins.workflow.flow.FlowExecution;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution;

/**
 * Runs {@code nexorSend} off the CPS thread. An abort ({@link #stop}) cancels the send in flight at once instead of
 * waiting for Nexor's answer. After a restart during the send, Jenkins fails the step (a synchronous step does not
 * resume) and the send log tells the build page that the message may have been sent.
 */
final class NexorSendExecution extends SynchronousNonBlockingStepExecution<NexorSendResult> {
    private static final long serialVersionUID = 1L;

    private final transient NexorSendStep step;
    private transient volatile PendingSend inFlight;

    NexorSendExecution(NexorSendStep step, StepContext context) {
        super(context);
        this.step = step;
    }

    @Override
    protected NexorSendResult run() throws Exception {
        Run<?, ?> run = getContext().get(Run.class);
        TaskListener listener = getContext().get(TaskListener.class);
        return new NexorSender(run, listener, syncsToDisk(getContext().get(FlowExecution.class)))
                .send(step.fields(), UnaryOperator.identity(), send -> inFlight = send);
    }

    /**
     * Whether the send log's {@code SENDING} line is fsynced before the request leaves: when the Pipeline's durability
     * setting is the one in which Jenkins itself writes its records atomically, with an fsync (maximum survivability,
     * the default: {@code WorkflowRun.save} and each flow node). With the faster settings Jenkins does not fsync, and
     * neither does the log: the line still survives a crashed JVM, not a power cut.
     */
    static boolean syncsToDisk(FlowExecution execution) {
        return execution == null || execution.getDurabilityHint().isAtomicWrite();
    }

    @Override
    public void stop(Throwable cause) throws Exception {
        PendingSend send = inFlight;
        if (send != null) {
            send.cancel();
        }
        super.stop(cause);
    }
}
