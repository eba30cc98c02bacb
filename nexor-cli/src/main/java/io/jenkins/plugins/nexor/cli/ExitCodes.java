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

    /*
     * The help texts: one code a line, no line longer than 78 characters (picocli wraps at the terminal's width:
     * a line it breaks is hard to read). docs/cli.md has the same codes (ExitCodesDocTest).
     */

    /** {@code send}'s codes. */
    static final String HELP = """
            Exit codes:
              0    sent
              2    wrong command line: an unknown option, a missing or badly typed
                   value (nothing sent)
              3    invalid message or @FILE, or no API key (nothing sent)
              4    Nexor refused the key (nothing sent)
              5    Nexor refused the message (nothing sent)
              6    rate limited: Nexor kept answering 429 (nothing sent)
              7    Nexor failed (5xx): the message MAY have been sent
              8    the connection failed after sending, or the answer was unreadable:
                   the message MAY have been sent
              9    Nexor unreachable (nothing sent)
              11   the result could not be written: the message WAS sent (its ids
                   are on stderr; do not send it again)
              130  Ctrl-C: stderr says whether the message may have been sent
              143  SIGTERM: the same as Ctrl-C
              1    an unexpected error (a bug)
            For 7 and 8, check the lead's history in Nexor before sending again.""";

    /** {@code send-bulk}'s codes: 4 does not mean "nothing was sent" there, and 5, 7, 8, 9 are per-lead outcomes. */
    static final String BULK_HELP = """
            Exit codes:
              0    every lead sent (by this run, or by the earlier one it resumes)
              2    wrong command line: an unknown option, a value out of range
                   (--concurrency 0), --record with --resume (nothing sent)
              3    invalid input: the leads file, the message shared by every lead
                   (--workflow, --channel, ...), no API key, or a send record in the
                   way (nothing sent)
              4    Nexor refused the key part-way: leads before it may have been sent
                   (the results say which)
              6    Nexor asked to wait longer than a run waits (Retry-After): the run
                   stopped; resume it later
              10   some leads not sent (the results say which, and whether each may
                   have been sent)
              11   the results or the send record could not be written: the run
                   stopped before sending more
              130  Ctrl-C: no new sends, the ones in flight finished, every lead's
                   result written
              143  SIGTERM: the same as Ctrl-C
              1    an unexpected error (a bug)
            After 4, 6, 10, 11, 130 or 143: the same command with --resume RECORD
            finishes the run, and nobody is messaged twice.""";

    /** {@code validate}'s codes. */
    static final String VALIDATE_HELP = """
            Exit codes:
              0    valid (nothing is ever sent)
              2    wrong command line: an unknown option, a missing value
              3    invalid message or @FILE""";

    /** {@code nexor --help}: every code in a word; each command's --help says what they mean for it. */
    static final String ROOT_HELP = """
            Exit codes: 0 done; 2 wrong command line; 3 invalid input or no key;
              4 key refused; 5 message refused; 6 rate limited; 7 Nexor failed;
              8 may have been sent; 9 Nexor unreachable; 10 some leads not sent;
              11 results not written; 130 Ctrl-C; 143 SIGTERM; 1 a bug.
              What each means for a command: nexor COMMAND --help.""";
}
