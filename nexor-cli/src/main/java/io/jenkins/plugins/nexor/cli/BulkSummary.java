package io.jenkins.plugins.nexor.cli;

import io.jenkins.plugins.nexor.client.BulkEntry;
import io.jenkins.plugins.nexor.client.BulkTotals;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * The end of a {@code send-bulk} run on stderr: why it stopped (if it did), how many leads were sent, may have been
 * sent or surely were not, which ones may have been sent, and the one safe way to finish; and its exit code.
 */
final class BulkSummary {
    /** Leads that may have been sent, named one by one on stderr (all of them are in the results). */
    static final int LISTED = 10;

    /** How the run ended, besides its totals. */
    record Ending(boolean interrupted, boolean cancelledAtOnce, String outProblem, String recordProblem,
            String recordFile, String resumeCommand) {}

    private final List<String> uncertain = new ArrayList<>();

    /** Notes each lead's entry as it is written. */
    void add(BulkEntry e) {
        if (e.outcome() != BulkEntry.Outcome.SENT && e.mayHaveBeenSent() && uncertain.size() < LISTED) {
            uncertain.add("row " + (e.index() + 1) + " " + e.leadId());
        }
    }

    /** Prints the end of the run and returns the exit code. */
    int report(PrintWriter err, BulkTotals t, Ending end) {
        if (end.outProblem() != null) {
            err.println("error: the results could not be written: " + end.outProblem() + ". The run stopped: no new "
                    + "sends after that; the ones in flight finished. The send record " + end.recordFile()
                    + " has every lead.");
        }
        if (end.recordProblem() != null) {
            err.println("error: the send record could not be written (" + end.recordProblem() + "). The run stopped"
                    + " at once: no request left without its line in the record (a lead whose outcome is missing "
                    + "there counts as \"may have been sent\"). Free some space or fix the file before resuming.");
        }
        if (end.interrupted()) {
            err.println(end.cancelledAtOnce()
                    ? "interrupted twice: the sends in flight were cancelled (they may have been sent)."
                    : "interrupted: no new sends after the signal; the sends in flight were let finish.");
        } else if (t.stoppedOnAuthentication()) {
            err.println("stopped: Nexor refused the API key (check NEXOR_API_KEY or --api-key-file); no new sends "
                    + "after that.");
        } else if (t.stoppedOnRateLimit()) {
            err.println("stopped: Nexor asked to wait " + t.resumeAfterText() + " before more requests, longer "
                    + "than a run waits; no new sends after that. Resume later (in " + t.resumeAfterText()
                    + " or more) with --resume " + end.recordFile() + ".");
        }
        err.println(t.sent() + " of " + t.total() + " sent, " + t.mayHaveBeenSent() + " may have been sent, "
                + t.surelyNotSent() + " surely not sent (" + t.failed() + " failed, " + t.skipped() + " skipped, "
                + t.notAttempted() + " not attempted)" + (t.fromEarlierRun() > 0 ? "; " + t.fromEarlierRun()
                + (t.fromEarlierRun() == 1 ? " result is" : " results are") + " from earlier runs, not sent again"
                : "") + ".");
        if (t.mayHaveBeenSent() > 0) {
            err.println(t.mayHaveBeenSent() + " may have been sent (the request left but no answer came, or it "
                    + "failed after being written): " + String.join(", ", uncertain)
                    + (t.mayHaveBeenSent() > uncertain.size() ? ", and " + (t.mayHaveBeenSent() - uncertain.size())
                    + " more (may_have_been_sent=true in the results)" : "") + ".");
            err.println("  Check their history in Nexor: --resume does not send them again; --resend-uncertain "
                    + "(with --resume) sends all of them again, so use it only when the history shows they did not "
                    + "get the message.");
        }
        int retry = t.surelyNotSent() - t.skipped();
        if (retry > 0) {
            err.println("To send the " + retry + " that surely " + (retry == 1 ? "was" : "were") + " not sent, "
                    + "without messaging anyone twice: "
                    + end.resumeCommand());
        }
        err.flush();
        if (end.outProblem() != null || end.recordProblem() != null) {
            return ExitCodes.WRITE_FAILED;
        } else if (end.interrupted()) {
            return ExitCodes.INTERRUPTED;
        } else if (t.allSent()) {
            return ExitCodes.OK;
        }
        return t.stoppedOnAuthentication() ? ExitCodes.AUTHENTICATION
                : t.stoppedOnRateLimit() ? ExitCodes.RATE_LIMITED : ExitCodes.SOME_FAILED;
    }
}
