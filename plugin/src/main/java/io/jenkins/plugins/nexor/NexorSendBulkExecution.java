package io.jenkins.plugins.nexor;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.FilePath;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.security.ACL;
import hudson.security.ACLContext;
import hudson.util.ClassLoaderSanityThreadFactory;
import hudson.util.DaemonThreadFactory;
import hudson.util.NamingThreadFactory;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import jenkins.model.Jenkins;
import jenkins.util.Timer;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.springframework.security.core.Authentication;

/**
 * Runs {@code nexorSendBulk} on a background thread (never the CPS VM thread) through {@link BulkRun}, and goes on
 * with the same bulk send when the build resumes after a controller restart ({@link #onResume}): the leads come from
 * the controller's copy, the send record says which leads were sent or may have been (those are not sent again),
 * the others are sent, and the step returns as if it had not been interrupted. What it keeps across the restart is
 * serializable: the order ({@link BulkOrder}) and the id that names the bulk send in the build record.
 *
 * <p>{@link #stop} (an abort) stops new sends at once and cancels those in flight; the step ends once every lead is
 * recorded (or after {@value #STOP_WAIT_SECONDS} s, or at a second abort). The step does not block a safe restart
 * ({@link #blocksRestart()} is false): a shutdown stops it gently ({@link RunningBulks}) and the restart resumes it.
 */
final class NexorSendBulkExecution extends StepExecution {
    private static final long serialVersionUID = 2L;

    /** How long an abort waits for the bulk send to record its leads before the step ends anyway. */
    static final long STOP_WAIT_SECONDS = 15;

    private static ExecutorService threads;

    private final BulkOrder order;
    /**
     * Names the bulk send in the build record, so that a resumed execution continues it instead of starting anew:
     * the step's flow node and what the step was asked ({@link #idOf}). Set by {@link #start}, kept across restarts.
     */
    private String id;

    private transient volatile BulkRun bulk;
    private transient volatile Thread thread;
    private transient volatile Throwable stopCause;
    private transient boolean reported;

    NexorSendBulkExecution(BulkOrder order, StepContext context) {
        super(context);
        this.order = order;
    }

    @Override
    public boolean start() throws Exception {
        id = idOf(getContext().get(FlowNode.class), order);
        launch();
        return false;
    }

    /**
     * The same for the same step of the same build: if a controller crash loses the Pipeline's note that this step
     * had started, Jenkins runs the step again from its last saved state, and the step then finds its bulk send in
     * the build record (begun, or even finished) and continues it instead of sending to everyone again. The order's
     * digest guards against another step that gets the same flow node id in a replay that went another way.
     */
    static String idOf(FlowNode node, BulkOrder order) {
        String nodeId = node == null ? UUID.randomUUID().toString() : node.getId();
        return nodeId + "/" + order.digest();
    }

    /** After a restart: the same bulk send goes on (or starts, if it had not started). */
    @Override
    public void onResume() {
        launch();
    }

    private void launch() {
        Authentication auth = Jenkins.getAuthentication2();
        threads().submit(() -> {
            thread = Thread.currentThread();
            try (ACLContext acl = ACL.as2(auth)) {
                StepContext context = getContext();
                BulkRun b = new BulkRun(
                        context.get(Run.class),
                        context.get(TaskListener.class),
                        () -> context.get(FilePath.class),
                        id,
                        true);
                bulk = b;
                if (stopCause != null) {
                    b.cancel(); // stopped before it started
                }
                NexorBulkResult result = b.send(order, UnaryOperator.identity(), true);
                if (result != null) { // null: Jenkins is shutting down; the send goes on when the build resumes
                    report(result, null);
                }
            } catch (Throwable x) {
                report(null, x);
            } finally {
                thread = null;
            }
        });
    }

    /** Ends the step once, with its result, or with the abort's cause (rather than what the abort caused). */
    private void report(NexorBulkResult result, Throwable failure) {
        synchronized (this) {
            if (reported) {
                return;
            }
            reported = true;
        }
        Throwable cause = stopCause;
        if (cause != null) {
            if (failure != null && failure != cause) {
                cause.addSuppressed(failure);
            }
            getContext().onFailure(cause);
        } else if (failure != null) {
            getContext().onFailure(failure);
        } else {
            getContext().onSuccess(result);
        }
    }

    @Override
    public void stop(@NonNull Throwable cause) {
        if (stopCause != null) { // asked again: end now, the send goes on recording
            report(null, null);
            return;
        }
        stopCause = cause;
        BulkRun b = bulk;
        if (b != null) {
            b.cancel();
        }
        Thread t = thread;
        if (t != null) {
            t.interrupt(); // e.g. while the leads are copied from the agent
        }
        Timer.get().schedule(() -> report(null, null), STOP_WAIT_SECONDS, TimeUnit.SECONDS);
    }

    @Override
    public String getStatus() {
        Thread t = thread;
        return t == null ? "not running (starting, or waiting to resume)" : "sending in thread: " + t.getName();
    }

    private static synchronized ExecutorService threads() {
        if (threads == null) {
            threads = Executors.newCachedThreadPool(new NamingThreadFactory(
                    new ClassLoaderSanityThreadFactory(new DaemonThreadFactory()), "nexorSendBulk"));
        }
        return threads;
    }
}
