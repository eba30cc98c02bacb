package io.jenkins.plugins.nexor.cli;

import static io.jenkins.plugins.nexor.sandbox.SandboxDirectory.DEMO_LEAD_ANA;
import static io.jenkins.plugins.nexor.sandbox.SandboxDirectory.DEMO_TEMPLATE;
import static io.jenkins.plugins.nexor.sandbox.SandboxDirectory.DEMO_WORKFLOW;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.nexor.sandbox.NexorSandboxExtension;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15: {@code @@} is a literal {@code @}, and an {@code @FILE} that cannot be read ({@code --content},
 * {@code --html}, {@code --components}) says which option, which file and what is wrong. In-process.
 */
class AtFileTest {
    @RegisterExtension
    static final NexorSandboxExtension nexor = new NexorSandboxExtension();

    @TempDir
    Path dir;

    private final StringWriter err = new StringWriter();

    private int send(String... extra) {
        List<String> args = new ArrayList<>(List.of("send", "--lead", DEMO_LEAD_ANA, "--workflow", DEMO_WORKFLOW));
        args.addAll(List.of(extra));
        return NexorCli.run(Map.of("NEXOR_API_KEY", nexor.sandbox().apiKey(), "NEXOR_BASE_URL",
                nexor.sandbox().baseUrl()), new PrintWriter(new StringWriter(), true), new PrintWriter(err, true),
                args.toArray(String[]::new));
    }

    @Test
    void doubleAtIsALiteralAt() {
        assertThat(send("--channel", "whatsapp", "--content", "@@ana, tu pedido salió")).isZero();
        assertThat(nexor.sandbox().messages().get(0).content()).isEqualTo("@ana, tu pedido salió");
    }

    @Test
    void anAtFileThatIsADirectoryOrMissingSaysWhichAndWhy() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("plantillas"));
        assertThat(send("--channel", "whatsapp", "--content", "@" + folder)).isEqualTo(ExitCodes.INVALID);
        assertThat(send("--channel", "email", "--html", "@" + folder)).isEqualTo(ExitCodes.INVALID);
        assertThat(send("--channel", "whatsapp", "--template", DEMO_TEMPLATE, "--components", "@" + folder))
                .isEqualTo(ExitCodes.INVALID);
        assertThat(send("--channel", "whatsapp", "--content", "@ana")).isEqualTo(ExitCodes.INVALID);
        assertThat(err.toString().lines()).containsExactly(
                "error: --content @" + folder + ": " + folder + " is a directory, not a file; give the file to send, "
                        + "e.g. --content @" + folder.resolve("message.txt") + " (to send text that starts with @, "
                        + "write @@, e.g. --content @@" + folder + ")",
                "error: --html @" + folder + ": " + folder + " is a directory, not a file; give the file to send, "
                        + "e.g. --html @" + folder.resolve("message.txt") + " (to send text that starts with @, "
                        + "write @@, e.g. --html @@" + folder + ")",
                "error: --components @" + folder + ": " + folder + " is a directory, not a file; give the file to "
                        + "send, e.g. --components @" + folder.resolve("message.txt") + " (to send text that starts "
                        + "with @, write @@, e.g. --components @@" + folder + ")",
                "error: --content @ana: no such file ana (to send text that starts with @, write @@, e.g. --content "
                        + "@@ana)");
        assertThat(nexor.sandbox().requests()).isEmpty();
    }
}
