package io.jenkins.plugins.nexor.cli;

import static io.jenkins.plugins.nexor.sandbox.SandboxDirectory.DEMO_LEAD_ANA;
import static io.jenkins.plugins.nexor.sandbox.SandboxDirectory.DEMO_TEMPLATE;
import static io.jenkins.plugins.nexor.sandbox.SandboxDirectory.DEMO_WORKFLOW;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.nexor.sandbox.NexorSandboxExtension;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13: a key typed where it does not belong is never printed. A unique key is planted in every place of a
 * command line (an option that does not exist, a stray argument, each option's value, a file's name, a leads file's
 * row) and every output is searched for it: a key shaped like Nexor's, and keys of any shape that are the
 * configured one (NEXOR_API_KEY, --api-key-file). In-process; {@link #apiKeyOptionInATerminal} runs the real thing.
 */
class KeyLeakCliTest {
    @RegisterExtension
    static final NexorSandboxExtension nexor = new NexorSandboxExtension();

    @TempDir
    Path dir;

    /** Every place a key {@code K} could be typed by mistake. */
    private List<String[]> positions(String K) throws Exception {
        Path leadsWithKey = dir.resolve("leads-with-key.csv");
        Files.writeString(leadsWithKey, "lead_id\n" + K + "\n" + DEMO_LEAD_ANA + "\n", StandardCharsets.UTF_8);
        Path leads = dir.resolve("leads.csv");
        Files.writeString(leads, "lead_id\n" + DEMO_LEAD_ANA + "\n", StandardCharsets.UTF_8);
        String[] send = {"send", "--lead", DEMO_LEAD_ANA, "--workflow", DEMO_WORKFLOW, "--channel", "whatsapp"};
        String[] bulk = {"send-bulk", "--leads", leads.toString(), "--workflow", DEMO_WORKFLOW, "--channel",
                "whatsapp", "--content", "Hola"};
        return List.of(
                a("send", "--api-key", K), a("send", "--api-key=" + K), a(bulk, "--api-key", K),
                a("send", "--bogus", K), a("send", "--bogus=" + K), a("send", K), a(send, K), a(K),
                a(send, "--timeout", K), a(bulk, "--concurrency", K), a(bulk, "--max-per-second", K),
                a(bulk, "--record-sync", K), a("demo", "--port", K), a(send, "--lead", K),
                a("send", "--lead", K, "--workflow", DEMO_WORKFLOW, "--channel", "call"),
                a("send", "--lead", DEMO_LEAD_ANA, "--workflow", K, "--channel", "call"),
                a("send", "--lead", DEMO_LEAD_ANA, "--workflow", DEMO_WORKFLOW, "--channel", K),
                a(send, "--template", K), a(send, "--content", "@" + K), a(send, "--content", "@" + dir.resolve(K)),
                a("send", "--lead", DEMO_LEAD_ANA, "--workflow", DEMO_WORKFLOW, "--channel", "email", "--html",
                        "@" + K),
                a(send, "--template", DEMO_TEMPLATE, "--components", "@" + K),
                a(send, "--template", DEMO_TEMPLATE, "--components", K), a(send, "--content", "x", "--base-url", K),
                a(send, "--content", "x", "--api-key-file", K), a(send, "--content", "x", "--subject", K, "-v"),
                a("validate", "--lead", K, "--channel", K),
                a("send-bulk", "--leads", K, "--workflow", DEMO_WORKFLOW, "--channel", "call"),
                a(bulk, "--resume", K),
                a("send-bulk", "--leads", leadsWithKey.toString(), "--workflow", DEMO_WORKFLOW, "--channel", "call",
                        "--record", dir.resolve(UUID.randomUUID() + ".csv").toString()),
                a("send-bulk", "--leads", leadsWithKey.toString(), "--workflow", DEMO_WORKFLOW, "--channel", "call",
                        "--json", "--record", dir.resolve(UUID.randomUUID() + ".csv").toString()));
    }

    @Test
    void aKeyShapedLikeNexorsIsNeverPrinted() throws Exception {
        String key = "nxr_live_" + UUID.randomUUID().toString().replace("-", "");
        everyPosition(key, Map.of("NEXOR_API_KEY", nexor.sandbox().apiKey(), "NEXOR_BASE_URL",
                nexor.sandbox().baseUrl()), null);
    }

    @Test
    void theConfiguredKeyIsNeverPrintedWhateverItsShape() throws Exception {
        String key = "acme-secret-" + UUID.randomUUID();
        everyPosition(key, Map.of("NEXOR_API_KEY", key, "NEXOR_BASE_URL", nexor.sandbox().baseUrl()), null);
    }

    @Test
    void theKeyOfTheKeyFileIsNeverPrintedWhateverItsShape() throws Exception {
        String key = "file-secret-" + UUID.randomUUID();
        Path file = dir.resolve("key.txt");
        Files.writeString(file, "\uFEFF" + key + "\r\n", StandardCharsets.UTF_8); // as Notepad saves it
        everyPosition(key, Map.of("NEXOR_BASE_URL", nexor.sandbox().baseUrl()), file);
    }

    @Test
    void userInputIsQuotedOnlyAsAShortExcerpt() {
        String sentence = "Hola Ana, tu pedido ha salido hoy y llegará mañana por la tarde a tu casa";
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = NexorCli.run(Map.of(), new PrintWriter(out, true), new PrintWriter(err, true), "send",
                "--content", "Hola", sentence);
        assertThat(code).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("error: unexpected argument \"Hola Ana, tu pedido ha…\" (argument 4)")
                .doesNotContain(sentence.substring(0, 30));
    }

    /** The issue as reported: {@code nexor send --api-key nxr_live_…} in a terminal. */
    @Test
    void apiKeyOptionInATerminal() throws Exception {
        String key = "nxr_live_" + UUID.randomUUID().toString().replace("-", "");
        CliProcess cli = CliProcess.nexor("send", "--lead", DEMO_LEAD_ANA, "--api-key", key, "--workflow",
                DEMO_WORKFLOW, "--channel", "call").start();
        assertThat(cli.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(cli.err()).startsWith("error: there is no --api-key option: the API key comes from NEXOR_API_KEY "
                + "or --api-key-file FILE, never from the command line");
        assertNoKey(key, cli.out() + cli.err(), "send --api-key KEY");
    }

    private void everyPosition(String key, Map<String, String> env, Path keyFile) throws Exception {
        int runs = 0;
        List<String[]> positions = positions(key);
        for (String[] position : positions) {
            List<String> args = new ArrayList<>(List.of(position));
            if (keyFile != null) { // only the commands that take a key know it
                if (!List.of("send", "send-bulk").contains(args.get(0))) {
                    continue;
                }
                args.addAll(1, List.of("--api-key-file", keyFile.toString()));
            }
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            NexorCli.run(env, new PrintWriter(out, true), new PrintWriter(err, true), args.toArray(String[]::new));
            String all = out + "\n" + err;
            assertNoKey(key, all, String.join(" ", position).replace(key, "KEY"));
            assertThat(all).as("every run says something").isNotBlank();
            runs++;
        }
        assertThat(runs).as("positions tried").isGreaterThan(25);
    }

    /** Not the key, nor its unique part, nor the start of that part (an excerpt cut short). */
    private static void assertNoKey(String key, String output, String where) {
        String unique = key.substring(key.length() - 24);
        assertThat(output).as(where + "\n" + output).doesNotContain(key).doesNotContain(unique)
                .doesNotContain(unique.substring(0, 10));
    }

    private static String[] a(String... args) {
        return args;
    }

    private static String[] a(String[] first, String... more) {
        List<String> all = new ArrayList<>(List.of(first));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }
}
