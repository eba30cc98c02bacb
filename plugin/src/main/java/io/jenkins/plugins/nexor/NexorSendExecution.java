package io.jenkins.plugins.nexor;

import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.nexor.client.PendingSend;
import java.util.function.UnaryOperator;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution;

/**
 * Runs {@code nexorSend} off the CPS thread. An abort ({@link #stop}) cancels the send in flight at once instead of
 * waiting for Nexor's answer.
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
        return new NexorSender(run, listener).send(step.fields(), UnaryOperator.identity(), send -> inFlight = send);
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
