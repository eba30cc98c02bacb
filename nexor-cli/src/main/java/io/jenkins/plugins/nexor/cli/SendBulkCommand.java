package io.jenkins.plugins.nexor.cli;

import io.jenkins.plugins.nexor.client.BulkEntry;
import io.jenkins.plugins.nexor.client.BulkSend;
import io.jenkins.plugins.nexor.client.BulkSender;
import io.jenkins.plugins.nexor.client.BulkTotals;
import io.jenkins.plugins.nexor.client.Recipients;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code nexor send-bulk}: one message to every lead of a CSV file (or a {@code .json} array; column {@code lead_id}; optional per-lead
 * {@code content}, {@code html}, {@code subject}, {@code components}, {@code begin_message}). Progress on stderr,
 * one result per lead on stdout (CSV, or JSON with {@code --json}: {@link BulkResults}); results that cannot be
 * written stop the run (exit 11).
 */
@Command(name = "send-bulk", mixinStandardHelpOptions = true,
        description = "Send one message to every lead of a CSV file; per-lead results on stdout.",
        footer = {"", "leads.csv:", "  lead_id,components", "  3c90c3cc-...,\"[{\"\"type\"\":\"\"body\"\",...}]\"", "",
                "Example:", "  nexor send-bulk --leads leads.csv --workflow $WF --channel whatsapp --template $TPL \\",
                "                  --concurrency 8 --max-per-second 20 > results.csv", "", ExitCodes.HELP})
final class SendBulkCommand implements Callable<Integer> {
    @ParentCommand
    NexorCli cli;

    @Spec
    CommandSpec spec;

    @Option(names = "--leads", paramLabel = "FILE", required = true,
            description = "CSV file with a lead_id column, or a .json array of lead ids / objects with lead_id")
    Path leads;

    @Mixin
    MessageOptions message;

    @Mixin
    ConnectionOptions connection;

    @Option(names = "--concurrency", defaultValue = "4", description = "sends in flight at once (default: ${DEFAULT-VALUE})")
    int concurrency;

    @Option(names = "--max-per-second", defaultValue = "0", description = "cap on requests per second (default: none)")
    double maxPerSecond;

    @Option(names = "--json", description = "print the results as JSON")
    boolean json;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!Files.isReadable(leads)) {
            err.println("error: " + leads + ": no such file, or it cannot be read");
            return ExitCodes.INVALID;
        }
        BulkSend send;
        try {
            send = BulkSender.builder(connection.client(cli.env)).concurrency(concurrency).maxPerSecond(maxPerSecond)
                    .build().prepare(message.toBuilder(),
                            Recipients.file(leads.toString(),
                            () -> Files.newBufferedReader(leads, StandardCharsets.UTF_8)));
        } catch (ConnectionOptions.UsageProblem e) {
            err.println("error: " + e.getMessage());
            return ExitCodes.INVALID;
        } catch (IllegalArgumentException | IOException | UncheckedIOException e) {
            err.println("error: " + leads + ": " + e.getMessage());
            return ExitCodes.INVALID;
        }
        for (BulkEntry bad : send.invalid()) {
            err.println("row " + (bad.index() + 1) + " skipped: " + bad.error());
        }
        if (send.invalidCount() > send.invalid().size()) {
            err.println("... and " + (send.invalidCount() - send.invalid().size()) + " more rows skipped");
        }
        BulkResults results = new BulkResults(out, json, cli::outProblem);
        if (!results.start()) {
            err.println("error: the results could not be written: " + results.problem() + "; nothing was sent.");
            return ExitCodes.WRITE_FAILED;
        }
        int step = Math.max(1, send.total() / 10);
        BulkTotals totals = send.stream((entry, done, total) -> {
            boolean writing = results.problem() == null;
            if (!results.write(entry) && writing) { // the first failure: no new sends, the ones in flight finish
                err.println("error: " + results.problem() + ": stopping (no new sends; the ones in flight finish)");
                send.stop(Duration.ofSeconds(10));
            }
            if (done % step == 0 || done == total) {
                err.println("progress: " + done + "/" + total);
            }
        });
        if (!results.finish()) {
            err.println("error: the results could not be written: " + results.problem() + ". The run stopped: no new"
                    + " sends after that; the ones in flight finished.");
        }
        err.println(totals.sent() + " of " + totals.total() + " sent (" + totals.failed() + " failed, " + totals.skipped()
                + " skipped, " + totals.notAttempted() + " not attempted)" + (totals.allSent() ? "."
                : totals.stoppedOnAuthentication() ? "; stopped: Nexor refused the API key."
                : "; resend only the rows whose may_have_been_sent is false."));
        if (results.problem() != null) {
            return ExitCodes.WRITE_FAILED;
        } else if (totals.allSent()) {
            return ExitCodes.OK;
        }
        return totals.stoppedOnAuthentication() ? ExitCodes.AUTHENTICATION : ExitCodes.SOME_FAILED;
    }
}
