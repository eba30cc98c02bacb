package io.jenkins.plugins.nexor.cli;

import io.jenkins.plugins.nexor.client.NexorClient;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code nexor}: send WhatsApp messages, e-mails and calls through Nexor from any shell or CI. */
@Command(name = "nexor", mixinStandardHelpOptions = true, versionProvider = NexorCli.Version.class,
        description = "Send WhatsApp messages, e-mails and AI calls to leads through Nexor's public API.",
        customSynopsis = "nexor send|send-bulk|validate|demo|help [OPTIONS]",
        subcommands = {SendCommand.class, SendBulkCommand.class, ValidateCommand.class, DemoCommand.class,
                CommandLine.HelpCommand.class},
        footer = {"", "The API key comes from NEXOR_API_KEY or --api-key-file, never from an option.",
                "", ExitCodes.ROOT_HELP})
public final class NexorCli implements Callable<Integer> {
    /** Help is laid out this wide when it does not go to a terminal: in effect, not wrapped (picocli's is 80). */
    static final int NO_WRAP = 1000;
    /**
     * Help in a terminal is at least this wide, so that picocli never breaks an example (none is longer) even in a
     * narrow terminal, which then wraps long lines itself, without breaking them for copy and paste.
     */
    static final int NARROWEST = 80;

    /** The environment (NEXOR_API_KEY, NEXOR_BASE_URL); replaceable for in-process tests. */
    final Map<String, String> env;
    /** Masks the key in everything printed; commands tell it the key they read (--api-key-file). */
    final Redactor redactor;
    private final Supplier<String> outProblem;

    @Spec
    CommandSpec spec;

    NexorCli(Map<String, String> env, Redactor redactor, Supplier<String> outProblem) {
        this.env = env;
        this.redactor = redactor;
        this.outProblem = outProblem;
    }

    /**
     * Runs the command line and exits with its code. After a signal the JVM is already shutting down and sets the
     * code itself (130, 143): {@link System#exit} then waits until the shutdown hook of {@link Interruption} lets
     * the JVM end, which it does once the command has written everything.
     */
    public static void main(String[] args) {
        StdoutStream stdout = new StdoutStream();
        PrintWriter out = new PrintWriter(new OutputStreamWriter(stdout), true); // the default charset, as System.out
        System.exit(run(System.getenv(), out, new PrintWriter(System.err, true), stdout::problem, args));
    }

    /** Runs a command line and returns its exit code. */
    static int run(Map<String, String> env, PrintWriter out, PrintWriter err, String... args) {
        return run(env, out, err, () -> null, args);
    }

    /** @param outProblem why {@code out} could not be written (the operating system's words), or null */
    static int run(Map<String, String> env, PrintWriter out, PrintWriter err, Supplier<String> outProblem,
            String... args) {
        Redactor redactor = Redactor.of(env);
        redactor.keyFileOf(args); // a key typed in the wrong place is masked even when it is the key file's
        PrintWriter safeErr = new PrintWriter(new RedactingWriter(err, redactor), true);
        CommandLine cli = new CommandLine(new NexorCli(env, redactor, outProblem));
        cli.setOut(new PrintWriter(new RedactingWriter(out, redactor), true));
        cli.setErr(safeErr);
        cli.setCaseInsensitiveEnumValuesAllowed(true); // --record-sync disk
        cli.setExpandAtFiles(false); // "@file" is ours: --content @msg.txt reads the file
        cli.setUsageHelpLongOptionsMaxWidth(26); // --components=JSON|@FILE on one line
        cli.setHelpFactory((command, colors) -> { // the width is found only when help is printed
            command.usageMessage().width(helpWidth());
            return new CommandLine.Help(command, colors);
        });
        cli.setParameterExceptionHandler(new UsageErrors(redactor));
        cli.setExecutionExceptionHandler((e, line, parsed) -> {
            if (e instanceof UserInput.Unreadable) {
                safeErr.println("error: " + e.getMessage()); // an @file that cannot be read: the user's input
                return ExitCodes.INVALID;
            } else if (e instanceof java.io.IOException || e instanceof java.io.UncheckedIOException) {
                safeErr.println("error: " + e.getMessage()); // a file of the user's that could not be read
                return ExitCodes.INVALID;
            }
            safeErr.println("nexor: unexpected error: " + e); // a bug: please report it
            return 1;
        });
        int code = cli.execute(args);
        safeErr.flush();
        return code;
    }

    /** The terminal's width (at least {@link #NARROWEST}), or {@link #NO_WRAP} when the output is not a terminal. */
    static int helpWidth() {
        int width = new CommandLine.Model.UsageMessageSpec().autoWidth(true).width(NO_WRAP).width(); // picocli's probe
        return Math.max(width, NARROWEST);
    }

    /** "standard output could not be written (No space left on device)". */
    String outProblem() {
        String why = outProblem.get();
        return "standard output could not be written" + (why != null ? " (" + why + ")" : "");
    }

    /** {@code nexor} alone: which commands there are, on stderr, and exit 2 (a command line without a command). */
    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        err.println("error: no command given");
        err.println(UsageErrors.usageLine(spec.commandLine()));
        spec.subcommands().forEach((name, sub) -> {
            String[] header = sub.getCommandSpec().usageMessage().header();
            String[] what = header.length > 0 ? header : sub.getCommandSpec().usageMessage().description();
            err.println(String.format("  %-10s ", name) + (what.length > 0 ? what[0] : ""));
        });
        UsageErrors.seeHelp(err, spec.commandLine());
        return ExitCodes.USAGE;
    }

    /** The version of the client library this CLI is built with. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"nexor " + NexorClient.VERSION};
        }
    }
}
