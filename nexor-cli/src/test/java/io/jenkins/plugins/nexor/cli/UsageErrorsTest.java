package io.jenkins.plugins.nexor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each kind of wrong command line in the CLI's words: what is wrong, which option, how to fix it, then the usage line
 * and where the help is; exit 2. A value out of range is a wrong command line too (not the leads file's fault).
 */
class UsageErrorsTest {
    static Stream<Arguments> wrongCommandLines() {
        return Stream.of(
                Arguments.of("send --lead",
                        "--lead needs a value: --lead UUID"),
                Arguments.of("send --lead --workflow x",
                        "--lead needs a value: --lead UUID"),
                Arguments.of("send --json=maybe",
                        "--json takes no value: write --json alone"),
                Arguments.of("send --lead a --lead b",
                        "--lead is given more than once: give it once"),
                Arguments.of("send --timeout soon",
                        "--timeout SECONDS: \"soon\" is not a whole number"),
                Arguments.of("send-bulk --max-per-second fast",
                        "--max-per-second RATE: \"fast\" is not a number"),
                Arguments.of("send-bulk --leads x --record-sync now",
                        "--record-sync disk|os: \"now\" is not one of disk, os"),
                Arguments.of("send-bulk",
                        "missing --leads FILE"),
                Arguments.of("send --leed x",
                        "unknown option \"--leed\" for nexor send; did you mean --lead?"),
                Arguments.of("sendd",
                        "unknown command \"sendd\" (did you mean send or send-bulk?); the commands are send, "
                                + "send-bulk, validate, demo, help"),
                Arguments.of("send --content Hola Ana",
                        "unexpected argument \"Ana\" (argument 4): nexor send takes options only; a value "
                                + "with spaces needs quotes, e.g. --content 'Hola Ana'"),
                Arguments.of("send-bulk --leads x --record r --resume r",
                        "--record and --resume cannot be used together: --resume FILE adds "
                                + "this run's events to FILE; use one of them"),
                Arguments.of("send-bulk --leads x --resend-uncertain",
                        "--resend-uncertain applies only with --resume FILE (a new run has no "
                                + "earlier sends to be unsure of)"),
                Arguments.of("send-bulk --leads leads.csv --concurrency 0",
                        "--concurrency must be 1 to 64, not 0"),
                Arguments.of("send-bulk --leads leads.csv --max-per-second -1",
                        "--max-per-second must be 0 (no cap) or more, not -1"),
                Arguments.of("send --timeout 0",
                        "--timeout must be 1 to 300 seconds, not 0"),
                Arguments.of("demo --once --port 99999",
                        "--port must be 1 to 65535, or 0 for a free one, not 99999"),
                Arguments.of("demo --port -1",
                        "--port must be 1 to 65535, or 0 for a free one, not -1"));
    }

    @ParameterizedTest(name = "nexor {0}")
    @MethodSource("wrongCommandLines")
    void saysWhatIsWrongInOneLine(String commandLine, String error) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = NexorCli.run(Map.of(), new PrintWriter(out, true), new PrintWriter(err, true),
                commandLine.split(" "));
        assertThat(code).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString().lines().toList()).hasSize(3).first().isEqualTo("error: " + error);
        assertThat(err.toString()).contains("\nUsage: nexor ").contains("--help' for");
        assertThat(out.toString()).isEmpty();
    }
}
