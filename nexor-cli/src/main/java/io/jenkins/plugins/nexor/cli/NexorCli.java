package io.jenkins.plugins.nexor.cli;

import io.jenkins.plugins.nexor.client.NexorClient;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.util.Map;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code nexor}: send WhatsApp messages, e-mails and calls through Nexor from any shell or CI. */
@Command(name = "nexor", mixinStandardHelpOptions = true, versionProvider = NexorCli.Version.class,
        description = "Send WhatsApp messages, e-mails and AI calls to leads through Nexor's public API.",
        subcommands = {SendCommand.class, SendBulkCommand.class, ValidateCommand.class, DemoCommand.class,
                CommandLine.HelpCommand.class},
        footer = {"", "The API key comes from NEXOR_API_KEY or --api-key-file, never from the command line.",
                ExitCodes.HELP})
public final class NexorCli implements Runnable {
    /** The environment (NEXOR_API_KEY, NEXOR_BASE_URL); replaceable for in-process tests. */
    final Map<String, String> env;
    private final Supplier<String> outProblem;

    NexorCli(Map<String, String> env, Supplier<String> outProblem) {
        this.env = env;
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
        CommandLine cli = new CommandLine(new NexorCli(env, outProblem));
        cli.setOut(out);
        cli.setErr(err);
        cli.setCaseInsensitiveEnumValuesAllowed(true); // --record-sync disk
        cli.setExpandAtFiles(false); // "@file" is ours: --content @msg.txt reads the file
        cli.setExecutionExceptionHandler((e, line, parsed) -> {
            if (e instanceof java.io.IOException || e instanceof java.io.UncheckedIOException) {
                err.println("error: " + e.getMessage()); // an @file that cannot be read: the user's input
                return ExitCodes.INVALID;
            }
            err.println("nexor: unexpected error: " + e); // a bug: please report it
            return 1;
        });
        return cli.execute(args);
    }

    /** "standard output could not be written (No space left on device)". */
    String outProblem() {
        String why = outProblem.get();
        return "standard output could not be written" + (why != null ? " (" + why + ")" : "");
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    /** The version of the client library this CLI is built with. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"nexor " + NexorClient.VERSION};
        }
    }
}
