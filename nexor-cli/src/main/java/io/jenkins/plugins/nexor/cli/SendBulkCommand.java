package io.jenkins.plugins.nexor.cli;

import io.jenkins.plugins.nexor.client.BulkEntry;
import io.jenkins.plugins.nexor.client.BulkResult;
import io.jenkins.plugins.nexor.client.BulkSend;
import io.jenkins.plugins.nexor.client.BulkSender;
import io.jenkins.plugins.nexor.client.Csv;
import io.jenkins.plugins.nexor.client.Recipient;
import io.jenkins.plugins.nexor.client.Recipients;
import io.jenkins.plugins.nexor.client.WireFormat;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code nexor send-bulk}: one message to every lead of a CSV file (column {@code lead_id}; optional per-lead
 * {@code content}, {@code html}, {@code subject}, {@code components}, {@code begin_message}). Progress on stderr,
 * one result per lead on stdout (CSV, or JSON with {@code --json}).
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

    @Option(names = "--leads", paramLabel = "FILE", required = true, description = "CSV file with a lead_id column")
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
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<Recipient> recipients;
        try {
            recipients = read(leads);
        } catch (IllegalArgumentException | IOException e) {
            err.println("error: " + leads + ": " + e.getMessage());
            return ExitCodes.INVALID;
        }
        BulkSend send;
        try {
            send = BulkSender.builder(connection.client(cli.env)).concurrency(concurrency).maxPerSecond(maxPerSecond)
                    .build().prepare(message.toBuilder(), recipients);
        } catch (ConnectionOptions.UsageProblem | IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return ExitCodes.INVALID;
        }
        for (BulkEntry bad : send.invalid()) {
            err.println("row " + (bad.index() + 1) + " skipped: " + bad.error());
        }
        int step = Math.max(1, send.total() / 10);
        BulkResult result;
        try {
            result = send.execute((entry, done, total) -> {
                if (done % step == 0 || done == total) {
                    synchronized (err) {
                        err.println("progress: " + done + "/" + total);
                    }
                }
            });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ExitCodes.SOME_FAILED;
        }
        print(out, result);
        err.println(result);
        if (result.allSent()) {
            return ExitCodes.OK;
        }
        return result.stoppedOnAuthentication() ? ExitCodes.AUTHENTICATION : ExitCodes.SOME_FAILED;
    }

    private void print(PrintWriter out, BulkResult result) {
        if (json) {
            var array = new ArrayList<Object>();
            for (BulkEntry e : result.entries()) {
                var row = new java.util.LinkedHashMap<String, Object>();
                row.put("index", e.index() + 1);
                row.put("lead_id", e.leadId());
                row.put("outcome", e.outcome().name().toLowerCase(Locale.ROOT));
                row.put("message_id", e.result() == null ? null : e.result().messageId());
                row.put("provider_message_id", e.result() == null ? null : e.result().providerMessageId());
                row.put("activity_id", e.result() == null ? null : e.result().activityId());
                row.put("call_id", e.result() == null ? null : e.result().callId());
                row.put("may_have_been_sent", e.mayHaveBeenSent());
                row.put("error", e.error());
                array.add(row);
            }
            out.println(new String(WireFormat.bytes(array), StandardCharsets.UTF_8));
        } else {
            out.print(Csv.results(result));
        }
        out.flush();
    }

    /** The recipients of a CSV file with a header row. */
    static List<Recipient> read(Path file) throws IOException {
        return Recipients.fromCsv(Files.readString(file, StandardCharsets.UTF_8));
    }
}
