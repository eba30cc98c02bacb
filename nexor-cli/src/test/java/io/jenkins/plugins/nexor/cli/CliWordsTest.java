package io.jenkins.plugins.nexor.cli;

import static io.jenkins.plugins.nexor.sandbox.SandboxDirectory.DEMO_LEAD_ANA;
import static io.jenkins.plugins.nexor.sandbox.SandboxDirectory.DEMO_WORKFLOW;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.nexor.client.Csv;
import io.jenkins.plugins.nexor.sandbox.Fault;
import io.jenkins.plugins.nexor.sandbox.NexorSandboxExtension;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15: the command line speaks of its options, not of the plugin's fields or of Jenkins, and its JSON results
 * use the words of its CSV results. In-process, against the sandbox.
 */
class CliWordsTest {
    @RegisterExtension
    static final NexorSandboxExtension nexor = new NexorSandboxExtension();

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(Map<String, String> env, String... args) {
        return NexorCli.run(env, new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    private Map<String, String> env() {
        return Map.of("NEXOR_API_KEY", nexor.sandbox().apiKey(), "NEXOR_BASE_URL", nexor.sandbox().baseUrl());
    }

    private int send(String... extra) {
        List<String> args = new ArrayList<>(List.of("send", "--lead", DEMO_LEAD_ANA, "--workflow", DEMO_WORKFLOW));
        args.addAll(List.of(extra));
        return run(env(), args.toArray(String[]::new));
    }

    @Test
    void validationMessagesNameTheOptionsNotThePluginsFields() {
        assertThat(run(Map.of(), "validate", "--lead", "x", "--workflow", "y", "--channel", "whatsapp", "--template",
                "z", "--begin-message", "Hola")).isEqualTo(ExitCodes.INVALID);
        assertThat(err.toString().lines()).containsExactly(
                "error: --lead must be a UUID such as 3c90c3cc-0d44-4b50-8888-8dd25736052a, but it is \"x\".",
                "error: --workflow must be a UUID such as 3c90c3cc-0d44-4b50-8888-8dd25736052a, but it is \"y\".",
                "error: --template must be a UUID such as 3c90c3cc-0d44-4b50-8888-8dd25736052a, but it is \"z\".",
                "warning: --begin-message applies only to call; it is ignored for --channel whatsapp and will not "
                        + "be sent.");
    }

    @Test
    void anUnreadableAnswerGetsTheCommandLinesHintNotJenkins() {
        nexor.sandbox().failNext(1, Fault.of(Fault.Kind.HTML));
        assertThat(send("--channel", "call")).isEqualTo(ExitCodes.MAY_HAVE_BEEN_SENT);
        assertThat(err.toString()).contains("Nexor's answer could not be read")
                .contains("Check that --base-url (or NEXOR_BASE_URL) is Nexor's API, e.g. "
                        + "https://api.getnexor.ai/api/public")
                .doesNotContain("Jenkins");
    }

    @Test
    void anUnreadableAnswerInABulkRunGetsItTooInTheResults() throws Exception {
        Path leads = dir.resolve("leads.csv");
        Files.writeString(leads, "lead_id\n" + DEMO_LEAD_ANA + "\n");
        nexor.sandbox().failNext(1, Fault.of(Fault.Kind.HTML));
        assertThat(run(env(), "send-bulk", "--leads", leads.toString(), "--workflow", DEMO_WORKFLOW, "--channel", "call"))
                .isEqualTo(ExitCodes.SOME_FAILED);
        assertThat(out.toString()).contains("Check that --base-url (or NEXOR_BASE_URL) is Nexor's API")
                .doesNotContain("Jenkins");
    }

    @Test
    void aRefusedKeyPointsAtTheEnvironmentNotACredential() {
        assertThat(run(Map.of("NEXOR_API_KEY", "nxr_live_not_this_one", "NEXOR_BASE_URL", nexor.sandbox().baseUrl()),
                "send", "--lead", DEMO_LEAD_ANA, "--workflow", DEMO_WORKFLOW, "--channel", "call"))
                .isEqualTo(ExitCodes.AUTHENTICATION);
        assertThat(err.toString()).contains("Check NEXOR_API_KEY or --api-key-file: it must hold the key")
                .doesNotContain("credential");
    }

    /** The JSON results have the CSV's columns as keys and its values (outcome SENT, not sent; row, not index). */
    @Test
    void jsonResultsHaveTheCsvColumnsAndValues() throws Exception {
        Path leads = Files.writeString(dir.resolve("leads.csv"), "lead_id\n" + DEMO_LEAD_ANA + "\nnot-a-lead\n");
        run(env(), "send-bulk", "--leads", leads.toString(), "--workflow", DEMO_WORKFLOW, "--channel", "call",
                "--record", dir.resolve("one.csv").toString());
        List<List<String>> csv = Csv.parse(out.toString());
        out.getBuffer().setLength(0);
        nexor.sandbox().reset();
        run(env(), "send-bulk", "--leads", leads.toString(), "--workflow", DEMO_WORKFLOW, "--channel", "call",
                "--json", "--record", dir.resolve("two.csv").toString());
        JsonNode json = new ObjectMapper().readTree(out.toString());
        for (JsonNode row : json) {
            List<String> keys = new ArrayList<>();
            row.fieldNames().forEachRemaining(keys::add);
            assertThat(String.join(",", keys)).isEqualTo(Csv.RESULTS_HEADER);
        }
        for (int i = 0; i < 2; i++) {
            Iterator<String> cells = csv.get(i + 1).iterator();
            for (String column : Csv.RESULTS_HEADER.split(",")) {
                String cell = cells.next();
                JsonNode value = json.get(i).get(column);
                if (!List.of("message_id", "provider_message_id", "activity_id", "call_id").contains(column)) {
                    assertThat(value.isNull() ? "" : value.asText()).as(column).isEqualTo(cell);
                }
            }
        }
    }
}
