package io.jenkins.plugins.nexor.cli;

import io.jenkins.plugins.nexor.client.AuthenticationException;
import io.jenkins.plugins.nexor.client.InvalidRequestException;
import io.jenkins.plugins.nexor.client.NexorException;
import io.jenkins.plugins.nexor.client.RateLimitedException;
import io.jenkins.plugins.nexor.client.RejectedException;
import io.jenkins.plugins.nexor.client.NotSentException;
import io.jenkins.plugins.nexor.client.ServerErrorException;

/** Exit codes of {@code nexor}, one per kind of outcome, so that scripts can branch. */
final class ExitCodes {
    static final int OK = 0;
    /** Wrong command line (picocli's own). */
    static final int USAGE = 2;
    /** The message or a file is invalid, or the key is missing: nothing was sent. */
    static final int INVALID = 3;
    /** Nexor refused the key (401/403): nothing was sent. */
    static final int AUTHENTICATION = 4;
    /** Nexor refused the message (other 4xx, {@code success:false}): nothing was sent. */
    static final int REJECTED = 5;
    /**
     * Nexor kept answering 429: nothing was sent; in {@code send-bulk}, Nexor asked to wait longer than a run waits,
     * and the run stopped.
     */
    static final int RATE_LIMITED = 6;
    /** Nexor failed with a 5xx: the message may have been sent. */
    static final int SERVER_ERROR = 7;
    /** The connection broke or timed out after sending, or the answer was unreadable: the message may have been sent. */
    static final int MAY_HAVE_BEEN_SENT = 8;
    /** Nexor could not be reached: nothing was sent. */
    static final int UNREACHABLE = 9;
    /** Bulk: some leads were not sent (see the per-lead results). */
    static final int SOME_FAILED = 10;
    /**
     * The results (standard output) or the send record could not be written: the run stopped before sending more;
     * for {@code send}, the message WAS sent (its ids are on stderr).
     */
    static final int WRITE_FAILED = 11;
    /**
     * Ctrl-C (SIGINT): 128 + 2. The JVM sets it itself when a signal ends it (143 for SIGTERM); a command returns it
     * only when it runs in-process (tests).
     */
    static final int INTERRUPTED = 130;

    private ExitCodes() {}

    static int of(NexorException e) {
        if (e instanceof InvalidRequestException) {
            return INVALID;
        } else if (e instanceof AuthenticationException) {
            return AUTHENTICATION;
        } else if (e instanceof RateLimitedException) {
            return RATE_LIMITED;
        } else if (e instanceof RejectedException || e instanceof NotSentException) {
            return REJECTED;
        } else if (e instanceof ServerErrorException) {
            return SERVER_ERROR;
        }
        return e.mayHaveBeenSent() ? MAY_HAVE_BEEN_SENT : UNREACHABLE;
    }

    static final String HELP = """
            Exit codes: 0 sent; 2 wrong command line; 3 invalid input or missing key (nothing sent);
              4 key refused (nothing sent); 5 message refused (nothing sent); 6 rate limited (nothing sent);
              7 Nexor failed, 8 connection failed after sending or unreadable answer (both: the message MAY have
              been sent, check the lead's history before resending); 9 Nexor unreachable (nothing sent);
              10 bulk: some leads not sent; 11 the result could not be written (the message WAS sent: its ids
              are on stderr); 130 Ctrl-C, 143 SIGTERM (stderr says whether the message may have been sent).""";

    /** send-bulk's codes: 4 and 9 do not mean "nothing was sent" there. */
    static final String BULK_HELP = """
            Exit codes: 0 every lead sent; 2 wrong command line; 3 invalid input, missing key, or a send record
              in the way (nothing sent); 4 Nexor refused the key part-way: leads before it may have been sent
              (the results say which); 6 Nexor asked to wait longer than a run waits: the run stopped, resume it
              later; 10 some leads not sent (the results say which, and whether each may have been sent);
              11 the results or the send record could not be written: the run stopped before sending more;
              130 Ctrl-C, 143 SIGTERM: no new sends, the ones in flight finished, every lead's result written.
              After 4, 6, 10, 11, 130 or 143, finish with the same command and --resume RECORD: nobody is
              messaged twice. 1 is an unexpected error (a bug).""";
}
