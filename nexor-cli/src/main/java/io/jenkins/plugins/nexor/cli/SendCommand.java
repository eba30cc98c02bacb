package io.jenkins.plugins.nexor.cli;

import io.jenkins.plugins.nexor.client.InvalidRequestException;
import io.jenkins.plugins.nexor.client.MessageRequest;
import io.jenkins.plugins.nexor.client.MessageResult;
import io.jenkins.plugins.nexor.client.NexorClient;
import io.jenkins.plugins.nexor.client.NexorException;
import io.jenkins.plugins.nexor.client.PendingSend;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code nexor send}: one message, the ids on stdout, a non-zero exit code on any failure. Ctrl-C or SIGTERM while
 * waiting for Nexor cancels the send and says whether the request had left (the message may have been sent) or not
 * (nothing was sent); a result that cannot be written is an error that still gives the message's ids (exit 11).
 */
@Command(name = "send", mixinStandardHelpOptions = true, description = "Send one message and print Nexor's ids.",
        customSynopsis = "nexor send --lead UUID --workflow UUID --channel whatsapp|email|call [OPTIONS]",
        footer = {"", "Examples:",
                "  export NEXOR_API_KEY=nxr_live_...",
                "  nexor send --lead 3c90c3cc-0d44-4b50-8888-8dd25736052a \\",
                "             --workflow 5f0e8a1e-2b7c-4d1a-9c3e-7a6b5d4c3b2a \\",
                "             --channel whatsapp --content 'Hola Ana, tu pedido salió hoy.'",
                "  nexor send --lead $LEAD --workflow $WF --channel email \\",
                "             --subject Factura --html @mail.html --json",
                "  nexor send --lead $LEAD --workflow $WF --channel whatsapp \\",
                "             --template $TPL --components @params.json",
                "  nexor send --lead $LEAD --workflow $WF --channel whatsapp --content @@ana",
                "             # sends \"@ana\": @@ is a literal @, @FILE reads a file",
                "", "Ctrl-C while waiting for Nexor's answer: stderr says whether the message",
                "may have been sent.",
                "", ExitCodes.HELP})
final class SendCommand implements Callable<Integer> {
    @ParentCommand
    NexorCli cli;

    @Spec
    CommandSpec spec;

    @Option(names = {"-l", "--lead"}, paramLabel = "UUID", description = "the lead to contact")
    String lead;

    @Mixin
    MessageOptions message;

    @Mixin
    ConnectionOptions connection;

    @Option(names = "--json", description = "print the result as JSON")
    boolean json;

    @Option(names = {"-v", "--verbose"}, description = "say what is sent where (never the key)")
    boolean verbose;

    @Override
    public Integer call() throws IOException {
        connection.check(spec);
        connection.readKey(cli);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        MessageRequest request;
        try {
            request = message.toBuilder().leadId(lead).build();
        } catch (InvalidRequestException e) {
            Output.problems(err, e.validation().problems());
            return ExitCodes.INVALID;
        }
        Output.problems(err, request.warnings());
        NexorClient client;
        try {
            client = connection.client(cli);
        } catch (ConnectionOptions.UsageProblem e) {
            err.println("error: " + e.getMessage());
            return ExitCodes.INVALID;
        }
        if (verbose) {
            err.println("sending " + request + " to " + client.baseUrl());
        }
        try (Interruption interruption = Interruption.install(err)) {
            return send(client.newSend(request), interruption, out, err);
        }
    }

    private int send(PendingSend send, Interruption interruption, PrintWriter out, PrintWriter err) {
        Thread waiting = Thread.currentThread();
        interruption.onSignal(() -> {
            send.cancel();
            waiting.interrupt(); // also ends a wait between attempts (429)
        }, () -> {}, "Whether the message was sent is unknown: check the lead's history in Nexor before sending it"
                + " again.");
        MessageResult result;
        try {
            result = send.execute();
        } catch (NexorException e) {
            Thread.interrupted(); // clears our own interrupt: the output below must not be disturbed
            if (interruption.signalled()) {
                err.println(e.mayHaveBeenSent()
                        ? "interrupted while waiting for Nexor's answer: the request had been sent, so the message "
                        + "MAY HAVE BEEN SENT to lead " + lead + "; check the lead's history in Nexor before sending "
                        + "it again."
                        : "interrupted before the message was sent: nothing was sent to lead " + lead + ".");
                return ExitCodes.INTERRUPTED;
            }
            err.println("error: " + CliWords.forFailure(e.getMessage()));
            return ExitCodes.of(e);
        }
        Thread.interrupted();
        Output.result(out, result, json);
        if (out.checkError()) {
            err.println("error: the result could not be written: " + cli.outProblem() + ". The message WAS sent"
                    + " to lead " + lead + ": " + Output.ids(result) + ". Do not send it again.");
            return ExitCodes.WRITE_FAILED;
        }
        if (interruption.signalled()) {
            err.println("interrupted, but Nexor had already answered: the message was sent (ids above).");
            return ExitCodes.INTERRUPTED;
        }
        return ExitCodes.OK;
    }
}
