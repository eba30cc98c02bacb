package io.jenkins.plugins.nexor;

import hudson.AbortException;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.nexor.client.AuthenticationException;
import io.jenkins.plugins.nexor.client.InvalidRequestException;
import io.jenkins.plugins.nexor.client.MessageRequest;
import io.jenkins.plugins.nexor.client.MessageResult;
import io.jenkins.plugins.nexor.client.NexorClient;
import io.jenkins.plugins.nexor.client.NexorException;
import io.jenkins.plugins.nexor.client.PendingSend;
import io.jenkins.plugins.nexor.client.Problem;
import io.jenkins.plugins.nexor.client.SendCancelledException;
import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * One send from a build, for the Pipeline step and the freestyle builder alike: validate, resolve the key (once per
 * build and credentials id: {@link RunCredentials}), write the send's {@code SENDING} line to the build's send log
 * ({@link SendLog}), send through the shared client, record the outcome (build page and send log; the build record is
 * not saved), write one console line, apply the failure policy. Validation, credential and send log errors fail before
 * anything is sent, whatever the policy. The key is never logged.
 */
final class NexorSender {
    private final Run<?, ?> run;
    private final TaskListener listener;
    private final boolean sync;

    /** A sender whose {@code SENDING} lines reach the disk before the request leaves (freestyle builds). */
    NexorSender(Run<?, ?> run, TaskListener listener) {
        this(run, listener, true);
    }

    /**
     * @param sync whether each {@code SENDING} line is fsynced before the request leaves (else it is handed to the
     *             operating system only: it survives a crashed JVM, not a power cut)
     */
    NexorSender(Run<?, ?> run, TaskListener listener, boolean sync) {
        this.run = run;
        this.listener = listener;
        this.sync = sync;
    }

    /**
     * Sends the message the fields describe.
     *
     * @param expand   applied to every text field first (freestyle: {@code ${VAR}} build variables)
     * @param inFlight receives the pending send, so that an abort can cancel it
     * @throws AbortException       when the request or the credentials are wrong, or the send failed under
     *                              {@link FailurePolicy#FAIL}
     * @throws InterruptedException when the build was aborted during the send
     */
    NexorSendResult send(MessageFields fields, UnaryOperator<String> expand, Consumer<PendingSend> inFlight)
            throws AbortException, InterruptedException {
        MessageRequest request = validate(fields.toRequest(expand));
        List<String> warnings =
                request.warnings().stream().map(Problem::toString).toList();
        PrintStream log = listener.getLogger();
        warnings.forEach(w -> log.println(Messages.Console_warning(w)));

        String credentialsId = credentialsId(fields, expand);
        NexorClient client = client(run, listener, credentialsId);
        NexorSendAction action = NexorSendAction.forSends(run, listener);
        PendingSend send = client.newSend(request);
        inFlight.accept(send);
        String channel = request.channel().wireName();
        try {
            int seq;
            try {
                seq = action.sending(channel, request.leadId(), request.workflowId(), sync);
            } catch (IOException e) {
                throw new AbortException(Messages.Send_logUnwritable(SendLog.FILE, e.toString()));
            }
            try {
                MessageResult result = send.execute();
                NexorSendResult sent = NexorSendResult.sent(channel, result, warnings);
                log.println(Messages.Console_sent(
                        channel,
                        request.leadId(),
                        record(action, seq, request, sent).getIds()));
                return sent;
            } catch (SendCancelledException e) {
                String why = e.getMessage(Locale.getDefault());
                record(action, seq, request, NexorSendResult.failed(channel, warnings, why, e.mayHaveBeenSent()));
                log.println(Messages.Console_failed(channel, request.leadId(), why));
                throw new InterruptedException(why);
            } catch (NexorException e) {
                if (e instanceof AuthenticationException) {
                    RunCredentials.forget(run, credentialsId); // a key fixed during the build is used at the next send
                }
                NexorSendResult failed = NexorSendResult.failed(
                        channel, warnings, e.getMessage(Locale.getDefault()), e.mayHaveBeenSent());
                record(action, seq, request, failed);
                return onFailure(fields, request, failed);
            } catch (RuntimeException e) { // not expected from the client; the send is accounted for all the same
                record(action, seq, request, NexorSendResult.failed(channel, warnings, e.toString(), true));
                throw e;
            }
        } finally {
            inFlight.accept(null);
        }
    }

    /** The credentials id of the fields (expanded), else the global default. */
    static String credentialsId(MessageFields fields, UnaryOperator<String> expand) {
        return fields.getCredentialsId() != null
                ? expand.apply(fields.getCredentialsId())
                : ApiKeyCredentials.orDefault(null);
    }

    /**
     * The shared client for a credential (resolved in the run's context once per build and id) and the global
     * configuration.
     *
     * @throws AbortException naming the credentials id when it is missing, unknown, of the wrong type or unusable
     */
    static NexorClient client(Run<?, ?> run, TaskListener listener, String credentialsId) throws AbortException {
        RunCredentials.Key key = RunCredentials.get(run, credentialsId);
        key.warnings().forEach(w -> listener.getLogger().println(Messages.Console_warning(w)));
        return key.client();
    }

    /** The failure policy of the fields, else the global default. */
    static FailurePolicy policy(MessageFields fields) {
        return fields.getOnFailure() != null
                ? fields.getOnFailure()
                : NexorGlobalConfiguration.get().getDefaultOnFailure();
    }

    private static MessageRequest validate(MessageRequest.Builder builder) throws AbortException {
        try {
            return builder.build();
        } catch (InvalidRequestException e) {
            throw new AbortException(e.getMessage(Locale.getDefault()));
        }
    }

    private NexorSendResult onFailure(MessageFields fields, MessageRequest request, NexorSendResult failed)
            throws AbortException {
        FailurePolicy policy = policy(fields);
        String line = Messages.Console_failed(failed.getChannel(), request.leadId(), failed.getError());
        switch (policy) {
            case UNSTABLE -> {
                listener.getLogger().println(line);
                run.setResult(Result.UNSTABLE);
                return failed;
            }
            case CONTINUE -> {
                listener.getLogger().println(line);
                return failed;
            }
            default -> throw new AbortException(line);
        }
    }

    /** The outcome on the build page and in the send log (after a restart, the log lists it). */
    private SentMessage record(NexorSendAction action, int seq, MessageRequest request, NexorSendResult result) {
        SentMessage message = new SentMessage(
                seq,
                System.currentTimeMillis(),
                request.channel().wireName(),
                request.leadId(),
                request.workflowId(),
                result);
        return action.record(message, listener);
    }
}
