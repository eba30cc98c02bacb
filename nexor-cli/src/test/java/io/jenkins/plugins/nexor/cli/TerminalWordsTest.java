package io.jenkins.plugins.nexor.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * Issue 15, what a person sees in a terminal, from a real {@code nexor} process: help that keeps its examples whole
 * (copy and paste), a wrong command line that says what is wrong in a line instead of burying it under the whole
 * help, and {@code nexor} alone, which is not a success.
 */
class TerminalWordsTest {
    private static final String EXAMPLE = "             --workflow 5f0e8a1e-2b7c-4d1a-9c3e-7a6b5d4c3b2a \\";

    @Test
    void helpThatIsNotInATerminalIsNotWrappedAndItsExamplesAreWholeLines() throws Exception {
        CliProcess cli = CliProcess.nexor("send", "--help").start();
        assertThat(cli.exitCode()).isZero();
        List<String> lines = cli.out().lines().toList();
        assertThat(lines).contains(EXAMPLE, "  nexor send --lead 3c90c3cc-0d44-4b50-8888-8dd25736052a \\",
                        "             --channel whatsapp --content 'Hola Ana, tu pedido salió hoy.'")
                .noneMatch(l -> l.startsWith("5f0e8a1e")) // the UUID that began the next line
                .anyMatch(l -> l.length() > 80 && l.contains("--api-key-file=FILE")); // not wrapped at 80
        assertThat(lines.subList(lines.indexOf("Examples:"), lines.size())).as("the footer fits any terminal")
                .allMatch(l -> l.length() <= 80);
    }

    /** A pseudo-terminal of 60 columns (script(1)): picocli's own width would break the examples there. */
    @Test
    @EnabledOnOs(OS.LINUX)
    void inANarrowTerminalTheExamplesAreNotBrokenEither() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String command = "stty cols 60 && exec '" + java + "' -XX:TieredStopAtLevel=1 -cp '"
                + System.getProperty("java.class.path") + "' " + NexorCli.class.getName() + " send --help";
        Process script;
        try {
            script = new ProcessBuilder("script", "-qec", command, "/dev/null").redirectErrorStream(true).start();
        } catch (IOException noScript) {
            assumeTrue(false, "script(1) is not installed");
            return;
        }
        String output = new String(script.getInputStream().readAllBytes(), StandardCharsets.UTF_8)
                .replaceAll("\u001B\\[[0-9;]*m", "").replace("\r", "");
        assertThat(script.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assumeTrue(script.exitValue() == 0 && output.contains("Usage:"), "no pseudo-terminal here: " + output);
        assertThat(output.lines()).contains(EXAMPLE).noneMatch(l -> l.startsWith("5f0e8a1e"));
    }

    @Test
    void aWrongCommandLineIsOneErrorTheUsageLineAndWhereTheHelpIs() throws Exception {
        CliProcess cli = CliProcess.nexor("send", "--lead", "3c90c3cc-0d44-4b50-8888-8dd25736052a", "--chanel",
                "whatsapp").start();
        assertThat(cli.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(cli.err().lines()).containsExactly(
                "error: unknown option \"--chanel\" for nexor send; did you mean --channel?",
                "Usage: nexor send --lead UUID --workflow UUID --channel whatsapp|email|call [OPTIONS]",
                "See 'nexor send --help' for its options and examples.");
        assertThat(cli.out()).isEmpty();
    }

    @Test
    void nexorAloneSaysWhatItNeedsAndFails() throws Exception {
        CliProcess cli = CliProcess.nexor().start();
        assertThat(cli.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(cli.err()).startsWith("error: no command given\nUsage: nexor send|send-bulk|validate|demo|help")
                .contains("  send-bulk  Send one message to every lead of a CSV file")
                .endsWith("See 'nexor --help' for the commands, or 'nexor COMMAND --help' for a command's options "
                        + "and examples.\n");
        assertThat(cli.err().lines()).hasSizeLessThan(10);
    }

    /** Examples and exit codes of every command fit 80 columns: picocli breaks no line of them in a terminal. */
    @Test
    void everyHelpFooterLineFitsEightyColumns() {
        for (String command : List.of("send", "send-bulk", "validate", "demo", "--help")) {
            StringWriter out = new StringWriter();
            NexorCli.run(Map.of(), new PrintWriter(out, true), new PrintWriter(new StringWriter(), true),
                    command.equals("--help") ? new String[] {command} : new String[] {command, "--help"});
            List<String> lines = out.toString().lines().toList();
            assertThat(lines).as(command).contains("");
            assertThat(lines.subList(lines.indexOf(""), lines.size())).as(command)
                    .allMatch(l -> l.length() <= 80);
        }
    }
}
