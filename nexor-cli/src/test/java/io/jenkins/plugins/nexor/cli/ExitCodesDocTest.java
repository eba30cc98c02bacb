package io.jenkins.plugins.nexor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The exit codes each command's {@code --help} lists are the ones docs/cli.md and docs/cli.es.md give it (their
 * exit-code table: a code with "—" does not apply to that command), and each is a code the command can return.
 */
class ExitCodesDocTest {
    private static final Pattern HELP_CODE = Pattern.compile("^  (\\d+)\\s{2,}\\S", Pattern.MULTILINE);
    private static final Pattern TABLE_ROW = Pattern.compile("^\\| (\\d+) \\| (.*?) \\| (.*?) \\|$",
            Pattern.MULTILINE);

    @Test
    void sendAndSendBulkHelpListTheCodesOfTheDocs() throws Exception {
        for (String page : new String[] {"cli.md", "cli.es.md"}) {
            String doc = Files.readString(Path.of("..", "docs", page), StandardCharsets.UTF_8);
            assertThat(helpCodes("send")).as(page + ": send").isEqualTo(docCodes(doc, 2));
            assertThat(helpCodes("send-bulk")).as(page + ": send-bulk").isEqualTo(docCodes(doc, 3));
        }
    }

    @Test
    void theCodesAreTheOnesTheCommandsReturn() {
        assertThat(helpCodes("send")).containsExactlyInAnyOrder(0, 1, ExitCodes.USAGE, ExitCodes.INVALID,
                ExitCodes.AUTHENTICATION, ExitCodes.REJECTED, ExitCodes.RATE_LIMITED, ExitCodes.SERVER_ERROR,
                ExitCodes.MAY_HAVE_BEEN_SENT, ExitCodes.UNREACHABLE, ExitCodes.WRITE_FAILED, ExitCodes.INTERRUPTED,
                128 + 15);
        assertThat(helpCodes("send-bulk")).containsExactlyInAnyOrder(0, 1, ExitCodes.USAGE, ExitCodes.INVALID,
                ExitCodes.AUTHENTICATION, ExitCodes.RATE_LIMITED, ExitCodes.SOME_FAILED, ExitCodes.WRITE_FAILED,
                ExitCodes.INTERRUPTED, 128 + 15);
    }

    private static Set<Integer> helpCodes(String command) {
        StringWriter out = new StringWriter();
        assertThat(NexorCli.run(Map.of(), new PrintWriter(out, true), new PrintWriter(new StringWriter(), true),
                command, "--help")).isZero();
        String help = out.toString();
        Set<Integer> codes = new TreeSet<>();
        Matcher m = HELP_CODE.matcher(help.substring(help.indexOf("Exit codes:")));
        while (m.find()) {
            codes.add(Integer.parseInt(m.group(1)));
        }
        return codes;
    }

    /** The codes of a column of the docs' exit-code table (2: send, 3: send-bulk). */
    private static Set<Integer> docCodes(String doc, int column) {
        Set<Integer> codes = new TreeSet<>();
        Matcher m = TABLE_ROW.matcher(doc);
        while (m.find()) {
            if (!m.group(column).startsWith("—")) {
                codes.add(Integer.parseInt(m.group(1)));
            }
        }
        assertThat(codes).as("the exit-code table").isNotEmpty();
        return codes;
    }
}
