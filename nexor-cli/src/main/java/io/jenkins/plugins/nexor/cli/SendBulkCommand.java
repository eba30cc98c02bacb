package io.jenkins.plugins.nexor.cli;

import io.jenkins.plugins.nexor.client.BulkEntry;
import io.jenkins.plugins.nexor.client.BulkSend;
import io.jenkins.plugins.nexor.client.BulkSender;
import io.jenkins.plugins.nexor.client.BulkTotals;
import io.jenkins.plugins.nexor.client.LeadsFile;
import io.jenkins.plugins.nexor.client.SharedMessage;
import io.jenkins.plugins.nexor.client.MessageRequest;
import io.jenkins.plugins.nexor.client.Problem;
import io.jenkins.plugins.nexor.client.SendRecord;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code nexor send-bulk}: one message to every lead of a CSV file (or a {@code .json} array; column {@code lead_id}; optional per-lead
 * {@code content}, {@code html}, {@code subject}, {@code components}, {@code begin_message}). Progress on stderr,
 * one result per lead on stdout (CSV, or JSON with {@code --json}). Every send is written ahead to a send record
 * ({@link RecordOptions}); a signal or a results sink that fails stops the run the same gentle way: no new sends,
 * the ones in flight finish, every lead gets its result ({@link Interruption}, {@link BulkResults},
 * {@link BulkSummary}).
 */
@Command(name = "send-bulk", mixinStandardHelpOptions = true,
        description = "Send one message to every lead of a CSV file; per-lead results on stdout.",
        customSynopsis = "nexor send-bulk --leads FILE --workflow UUID --channel whatsapp|email|call [OPTIONS]",
        footer = {"", "leads.csv (columns separated by , ; or tab; UTF-8, UTF-16 or Windows-1252):",
                "  lead_id,components", "  3c90c3cc-...,\"[{\"\"type\"\":\"\"body\"\",...}]\"", "",
                "Results on stdout, one CSV line per lead (--json: one object per lead, the",
                "same keys and values): row, lead_id, outcome (SENT, FAILED, SKIPPED,",
                "NOT_ATTEMPTED), message_id, provider_message_id, activity_id, call_id,",
                "call_status, may_have_been_sent, attempts, error. Progress and the summary",
                "are on stderr.", "",
                "Examples:",
                "  nexor send-bulk --leads leads.csv --workflow $WF --channel whatsapp \\",
                "                  --template $TPL --concurrency 8 --max-per-second 20 \\",
                "                  > results.csv",
                "  # interrupted, or some leads failed? finish it; nobody is messaged twice:",
                "  nexor send-bulk --leads leads.csv --workflow $WF --channel whatsapp \\",
                "                  --template $TPL --resume leads.record.csv > results-2.csv",
                "",
                "Every send is written to the send record (leads.csv -> leads.record.csv)",
                "before it leaves. Ctrl-C or SIGTERM: no new sends, the ones in flight finish",
                "(10 s at most; a second Ctrl-C cancels them), every lead's result is",
                "written, and the summary says how to --resume.",
                "", ExitCodes.BULK_HELP})
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

    @Mixin
    RecordOptions records;

    @Option(names = "--concurrency", paramLabel = "N", defaultValue = "4",
            description = "sends in flight at once, 1 to " + BulkSender.MAX_CONCURRENCY
                    + " (default: ${DEFAULT-VALUE})")
    int concurrency;

    @Option(names = "--max-per-second", paramLabel = "RATE", defaultValue = "0",
            description = "cap on requests per second (default: 0, no cap)")
    double maxPerSecond;

    @Option(names = "--json", description = "print the results as JSON")
    boolean json;

    @Override
    public Integer call() {
        checkOptions();
        connection.readKey(cli);
        try (Interruption interruption = Interruption.install(spec.commandLine().getErr())) {
            return run(interruption);
        }
    }

    /** Values out of range and options that do not go together: a wrong command line (exit 2). */
    private void checkOptions() {
        connection.check(spec);
        if (concurrency < 1 || concurrency > BulkSender.MAX_CONCURRENCY) {
            throw UsageErrors.wrong(spec, "--concurrency must be 1 to " + BulkSender.MAX_CONCURRENCY + ", not "
                    + concurrency);
        }
        if (!(maxPerSecond >= 0) || Double.isInfinite(maxPerSecond)) {
            throw UsageErrors.wrong(spec, "--max-per-second must be 0 (no cap) or more, not "
                    + (maxPerSecond == Math.rint(maxPerSecond) ? Long.toString((long) maxPerSecond) : maxPerSecond));
        }
        records.check(spec);
    }

    private int run(Interruption interruption) {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (Files.isDirectory(leads) || !Files.isReadable(leads)) {
            err.println("error: --leads " + leads + ": " + (Files.isDirectory(leads) ? "a directory, not a file"
                    : Files.exists(leads) ? "cannot be read" : "no such file") + "; nothing was sent");
            return ExitCodes.INVALID;
        }
        BulkSend send;
        SendRecord record;
        try {
            MessageRequest.Builder shared = message.toBuilder();
            LeadsFile file = LeadsFile.of(leads.toString(), () -> Files.newInputStream(leads));
            if (!sharedMessageIsSendable(shared, file, err)) {
                return ExitCodes.INVALID;
            }
            send = BulkSender.builder(connection.client(cli)).concurrency(concurrency).maxPerSecond(maxPerSecond)
                    .build().prepare(shared, file);
            file.notes().forEach(note -> err.println("note: " + note));
            for (BulkEntry bad : send.invalid()) {
                err.println("row " + (bad.index() + 1) + " skipped: " + CliWords.forRows(bad.error()));
            }
            if (send.invalidCount() > send.invalid().size()) {
                err.println("... and " + (send.invalidCount() - send.invalid().size()) + " more rows skipped");
            }
            record = records.open(leads);
        } catch (RecordOptions.Refused e) {
            err.println("error: " + e.getMessage());
            return e.exitCode;
        } catch (ConnectionOptions.UsageProblem | UserInput.Unreadable e) {
            err.println("error: " + e.getMessage());
            return ExitCodes.INVALID;
        } catch (IllegalArgumentException | IOException | UncheckedIOException e) {
            String why = String.valueOf(e.getMessage());
            err.println("error: " + (why.startsWith(leads.toString()) ? why : leads + ": " + why));
            return ExitCodes.INVALID;
        }
        return send(send, record, interruption, out, err);
    }

    /**
     * What every lead shares, checked before the leads are read: its problems (one line each, not one per lead);
     * false when a lead could not be sent whatever its row holds.
     */
    private boolean sharedMessageIsSendable(MessageRequest.Builder shared, LeadsFile file, PrintWriter err)
            throws IOException {
        List<Problem> common = SharedMessage.commonProblems(shared, file.perLeadColumns());
        Output.problems(err, common);
        if (common.stream().noneMatch(Problem::isError)) {
            return true;
        }
        boolean columnsCouldHelp = common.stream().anyMatch(p -> p.isError() && SharedMessage.perLead(p));
        err.println("error: nothing was sent: every lead of " + leads + " shares the options above, so no lead could "
                + "be sent" + (columnsCouldHelp ? " (a column of the file can also give each lead its own content, "
                + "html, subject, components or begin_message)" : "") + ".");
        return false;
    }

    private int send(BulkSend send, SendRecord record, Interruption interruption, PrintWriter out, PrintWriter err) {
        String file = RecordOptions.shell(record.file());
        String resume = records.resumeCommand(record.file());
        BulkResults results = new BulkResults(out, json, cli::outProblem);
        if (!results.start()) {
            close(record);
            records.discardNew(record);
            err.println("error: the results could not be written: " + results.problem() + "; nothing was sent.");
            return ExitCodes.WRITE_FAILED;
        }
        err.println(records.started(record));
        AtomicBoolean atOnce = new AtomicBoolean();
        AtomicBoolean stopped = new AtomicBoolean();
        interruption.onSignal(() -> {
            stopped.set(true);
            err.println("interrupted: no new sends; the sends in flight may finish (" + Interruption.GRACE.toSeconds()
                    + " s at most; a second Ctrl-C or SIGTERM cancels them: they would count as \"may have been "
                    + "sent\")");
            send.stop(Interruption.GRACE);
        }, () -> {
            if (!atOnce.getAndSet(true)) {
                err.println("interrupted again: cancelling the sends in flight (they may have been sent)");
            }
            send.cancel();
        }, "The send record " + file + " has every send that started: " + resume);
        BulkSummary summary = new BulkSummary();
        int step = Math.max(1, send.total() / 10);
        BulkTotals totals;
        try {
            totals = send.record(record).resendUncertain(records.resendUncertain).stream((entry, done, total) -> {
                boolean writing = results.problem() == null;
                if (!results.write(entry) && writing) { // the first failure: stop as on a signal
                    err.println("error: " + results.problem() + ": stopping (no new sends; the ones in flight "
                            + "finish; every lead still goes to the send record " + file + ")");
                    stopped.set(true);
                    send.stop(Interruption.GRACE);
                }
                summary.add(entry);
                if ((done % step == 0 || done == total) && !stopped.get()
                        && entry.outcome() != BulkEntry.Outcome.NOT_ATTEMPTED) { // the run stopped: no progress
                    err.println("progress: " + done + "/" + total);
                }
            });
        } catch (UncheckedIOException e) { // the leads could not be opened a second time: nothing was sent
            close(record);
            err.println("error: " + leads + ": cannot be read again (" + e.getCause().getMessage() + "); nothing was "
                    + "sent.");
            return ExitCodes.INVALID;
        }
        results.finish();
        String closeProblem = close(record);
        String recordProblem = totals.recordProblem() != null ? totals.recordProblem() : closeProblem;
        return summary.report(err, totals, new BulkSummary.Ending(interruption.signalled(), atOnce.get(),
                results.problem(), recordProblem, file, resume));
    }

    /** Closes the record (its last lines reach the disk); what went wrong, or null. */
    private static String close(SendRecord record) {
        try {
            record.earlier().close();
            record.close();
            return null;
        } catch (IOException e) {
            return record.file() + ": " + RecordOptions.reason(e);
        }
    }
}
