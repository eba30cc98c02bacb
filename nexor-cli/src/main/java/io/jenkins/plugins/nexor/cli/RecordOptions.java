package io.jenkins.plugins.nexor.cli;

import io.jenkins.plugins.nexor.client.RecordedLeads;
import io.jenkins.plugins.nexor.client.SendRecord;
import java.io.File;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.regex.Pattern;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * The write-ahead send record of {@code send-bulk}: always written, beside the leads file by default
 * ({@code leads.csv} → {@code leads.record.csv}) or where {@code --record} says, and never over an existing one;
 * {@code --resume} continues one instead. What each option means for the user is in docs/cli.md.
 */
final class RecordOptions {
    @Option(names = "--record", paramLabel = "FILE",
            description = "the send record to write; must not exist yet (default: beside the leads file, "
                    + "leads.csv -> leads.record.csv)")
    Path record;

    @Option(names = "--resume", paramLabel = "FILE",
            description = "finish the run recorded in FILE (its send record, or the CSV results it printed) without "
                    + "messaging anyone twice: leads it shows as sent or possibly sent are not sent again; new "
                    + "events are added to FILE")
    Path resume;

    @Option(names = "--resend-uncertain",
            description = "with --resume: also send again the leads that MAY have been sent (risky: a duplicate "
                    + "reaches a real person; check their history in Nexor first)")
    boolean resendUncertain;

    @Option(names = "--record-sync", paramLabel = "disk|os", defaultValue = "disk",
            description = "disk (default): each send is on disk before it leaves, even a power cut cannot hide it; "
                    + "os: faster, survives a killed process but not a power cut")
    SendRecord.Sync sync;

    /** The record could not be opened: nothing was sent. */
    static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;
        final int exitCode;

        Refused(int exitCode, String message) {
            super(message);
            this.exitCode = exitCode;
        }
    }

    /** Where the record is (absolute), for these leads. */
    Path file(Path leads) {
        if (resume != null) {
            return resume.toAbsolutePath().normalize();
        }
        if (record != null) {
            return record.toAbsolutePath().normalize();
        }
        Path abs = leads.toAbsolutePath().normalize();
        String name = abs.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return abs.resolveSibling((dot > 0 ? name.substring(0, dot) : name) + ".record.csv");
    }

    /** Options that do not go together: a wrong command line (exit 2), before anything is read. */
    void check(CommandSpec spec) {
        if (resume != null && record != null) {
            throw UsageErrors.wrong(spec, "--record and --resume cannot be used together: --resume FILE adds "
                    + "this run's events to FILE; use one of them");
        }
        if (resendUncertain && resume == null) {
            throw UsageErrors.wrong(spec, "--resend-uncertain applies only with --resume FILE (a new run has "
                    + "no earlier sends to be unsure of)");
        }
    }

    /**
     * Opens the record: a new one (refused when the file exists: an earlier run may have sent messages), or the one
     * {@code --resume} names (refused when it is missing or is not a record). {@link #check} comes first.
     */
    SendRecord open(Path leads) throws Refused {
        Path file = file(leads);
        return resume != null ? resume(file) : create(file);
    }

    private SendRecord resume(Path file) throws Refused {
        if (!Files.exists(file)) {
            throw new Refused(ExitCodes.INVALID, "--resume " + file + ": no such file; nothing was sent. A run's "
                    + "send record is beside its leads file (leads.csv -> leads.record.csv) unless --record chose "
                    + "another place.");
        }
        try {
            return SendRecord.resume(file, sync);
        } catch (IllegalArgumentException e) {
            throw new Refused(ExitCodes.INVALID, "--resume " + file + ": " + e.getMessage() + "; nothing was sent. "
                    + "--resume takes the send record of an earlier run, or the CSV results it printed (not --json "
                    + "output).");
        } catch (IOException e) {
            throw new Refused(ExitCodes.INVALID, "--resume " + file + ": cannot read or extend it (" + reason(e)
                    + "); nothing was sent.");
        }
    }

    private SendRecord create(Path file) throws Refused {
        String option = record != null ? "--record" : "the default send record";
        if (Files.isDirectory(file)) {
            throw new Refused(ExitCodes.INVALID, option + " " + file + " is a directory; nothing was sent. "
                    + "--record takes the name of a file that does not exist yet.");
        }
        try {
            return SendRecord.create(file, sync);
        } catch (FileAlreadyExistsException e) {
            throw new Refused(ExitCodes.INVALID, exists(file));
        } catch (IOException e) {
            throw new Refused(ExitCodes.INVALID, "cannot create the send record " + file + " (" + reason(e)
                    + "); nothing was sent. Choose a writable place with --record FILE.");
        }
    }

    /** Why a new record is refused when its file exists, and the two ways forward. */
    private String exists(Path file) {
        String held;
        try (RecordedLeads earlier = RecordedLeads.read(file)) {
            held = "it records an earlier run of these leads (" + earlier.count(RecordedLeads.State.SENT) + " sent, "
                    + earlier.count(RecordedLeads.State.UNCERTAIN) + " may have been sent, "
                    + earlier.count(RecordedLeads.State.NOT_SENT) + " not sent)";
        } catch (IllegalArgumentException | IOException notARecord) {
            return file + " already exists and is not a send record; nothing was sent. Choose another file with "
                    + "--record FILE.";
        }
        return file + " already exists: " + held + "; nothing was sent.\n"
                + "  To finish that run without messaging anyone twice: " + resumeCommand(file) + "\n"
                + "  To start over and message every lead again: --record NEW_FILE, or delete " + shell(file);
    }

    /** The one safe way to finish the run recorded in {@code file}. */
    String resumeCommand(Path file) {
        if (resume != null) {
            return "run the same command again (it resumes " + shell(file) + ")";
        }
        return "the same command with --resume " + shell(file)
                + (record != null ? " in place of --record " + shell(record) : "");
    }

    /** The line printed on stderr at the start: where the record is and what it already holds. */
    String started(SendRecord record) {
        Path file = record.file();
        if (resume == null) {
            return "send record: " + file + " (each send is written there before it leaves; if this run stops, "
                    + resumeCommand(file) + ")";
        }
        RecordedLeads earlier = record.earlier();
        int uncertain = earlier.count(RecordedLeads.State.UNCERTAIN);
        return "send record: " + file + " (resumed: " + earlier.count(RecordedLeads.State.SENT) + " sent by earlier "
                + "runs, not sent again" + (uncertain == 0 ? ")"
                : resendUncertain ? "; " + uncertain + " that may have been sent, SENT AGAIN: --resend-uncertain)"
                : "; " + uncertain + " that may have been sent, not sent again either)");
    }

    /** Removes a record this run created when nothing was sent (the run could not even start its results). */
    void discardNew(SendRecord record) {
        if (resume == null) {
            try {
                Files.deleteIfExists(record.file());
            } catch (IOException e) {
                // it holds only a header: a later run will say it exists, and how to go on
            }
        }
    }

    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./:@%+=,-]+");

    /** A path as one word of a command line: quoted for POSIX shells, or (on Windows) when it has spaces. */
    static String shell(Path path) {
        String text = path.toString();
        if (PLAIN.matcher(text).matches()) {
            return text;
        } else if (File.separatorChar == '\\') {
            return text.contains(" ") ? '"' + text + '"' : text;
        }
        return "'" + text.replace("'", "'\\''") + "'";
    }

    /** The operating system's reason, without the path the message already names. */
    static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        } else if (e instanceof NoSuchFileException) {
            return "no such file or directory";
        } else if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason();
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }
}
