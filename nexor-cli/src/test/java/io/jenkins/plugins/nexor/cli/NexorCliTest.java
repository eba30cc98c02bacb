package io.jenkins.plugins.nexor.cli;

import static io.jenkins.plugins.nexor.sandbox.SandboxDirectory.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.nexor.sandbox.Fault;
import io.jenkins.plugins.nexor.sandbox.NexorSandboxExtension;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code nexor} in-process and as a real process, against the sandbox: outputs, exit codes, and never the key. */
class NexorCliTest {
    @RegisterExtension
    static final NexorSandboxExtension nexor = new NexorSandboxExtension();

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private Map<String, String> env() {
        return Map.of("NEXOR_API_KEY", nexor.sandbox().apiKey(), "NEXOR_BASE_URL", nexor.sandbox().baseUrl());
    }

    private int run(Map<String, String> env, String... args) {
        return NexorCli.run(env, new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    private int send(String... extra) {
        List<String> args = new ArrayList<>(List.of("send", "--lead", DEMO_LEAD_ANA, "--workflow", DEMO_WORKFLOW));
        args.addAll(List.of(extra));
        return run(env(), args.toArray(String[]::new));
    }

    @Test
    void sendsAndPrintsTheIds() {
        assertThat(send("--channel", "whatsapp", "--content", "Hola Ana")).isZero();
        assertThat(out.toString()).contains("channel              whatsapp").contains("provider_message_id  wamid.");
        assertThat(nexor.sandbox().sentCount(DEMO_LEAD_ANA)).isEqualTo(1);
    }

    @Test
    void jsonOutputParsesAndFilesAreRead(@TempDir Path dir) throws Exception {
        Path html = dir.resolve("mail.html");
        Files.writeString(html, "<p>Hola <b>Ana</b></p>");
        assertThat(send("--channel", "email", "--subject", "Factura", "--html", "@" + html, "--json")).isZero();
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertThat(json.get("success").asBoolean()).isTrue();
        assertThat(json.get("activity_id").asText()).startsWith("act_");
        assertThat(nexor.sandbox().messages().get(0).content()).isEqualTo("<p>Hola <b>Ana</b></p>");
    }

    @Test
    void everyValidationErrorNamesItsOptionAndNothingIsSent() {
        int code = run(env(), "send", "--lead", "x", "--channel", "whatsapp", "--components", "[1]");
        assertThat(code).isEqualTo(ExitCodes.INVALID);
        assertThat(err.toString()).contains("error: --lead must be a UUID")
                .contains("error: --workflow is required")
                .contains("error: A WhatsApp message needs --content (free text) or --template")
                .contains("error: --components must be a JSON array")
                .doesNotContain("leadId", "workflowId", "templateId");
        assertThat(nexor.sandbox().requests()).isEmpty();
    }

    @Test
    void validateChecksWithoutSending() {
        assertThat(run(env(), "validate", "--lead", DEMO_LEAD_ANA, "--workflow", DEMO_WORKFLOW, "--channel", "call",
                "--subject", "x")).isZero();
        assertThat(out.toString()).contains("valid: nothing was sent");
        assertThat(err.toString()).contains("warning: --subject applies only to email; it is ignored for --channel"
                + " call");
        assertThat(run(env(), "validate", "--channel", "fax")).isEqualTo(ExitCodes.INVALID);
        assertThat(nexor.sandbox().requests()).isEmpty();
    }

    @Test
    void eachFailureHasItsExitCode() throws Exception {
        assertThat(run(Map.of("NEXOR_BASE_URL", nexor.sandbox().baseUrl()), "send", "--lead", DEMO_LEAD_ANA,
                "--workflow", DEMO_WORKFLOW, "--channel", "call")).isEqualTo(ExitCodes.INVALID);
        assertThat(err.toString()).contains("no API key: set NEXOR_API_KEY");
        assertThat(run(Map.of("NEXOR_API_KEY", "nxr_live_wrong", "NEXOR_BASE_URL", nexor.sandbox().baseUrl()), "send",
                "--lead", DEMO_LEAD_ANA, "--workflow", DEMO_WORKFLOW, "--channel", "call"))
                .isEqualTo(ExitCodes.AUTHENTICATION);
        assertThat(run(env(), "send", "--lead", DEMO_LEAD_DIEGO, "--workflow", DEMO_WORKFLOW, "--channel", "email",
                "--content", "x")).isEqualTo(ExitCodes.REJECTED);
        nexor.sandbox().failNext(3, Fault.rateLimited(0));
        assertThat(send("--channel", "call")).isEqualTo(ExitCodes.RATE_LIMITED);
        nexor.sandbox().failNext(1, Fault.status(500));
        assertThat(send("--channel", "call")).isEqualTo(ExitCodes.SERVER_ERROR);
        nexor.sandbox().failNext(1, Fault.of(Fault.Kind.DROP_AFTER_READ));
        assertThat(send("--channel", "call")).isEqualTo(ExitCodes.MAY_HAVE_BEEN_SENT);
        int closedPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        assertThat(run(Map.of("NEXOR_API_KEY", nexor.sandbox().apiKey(), "NEXOR_BASE_URL",
                        "http://127.0.0.1:" + closedPort + "/api"),
                "send", "--lead", DEMO_LEAD_ANA, "--workflow", DEMO_WORKFLOW, "--channel", "call"))
                .isEqualTo(ExitCodes.UNREACHABLE);
        assertThat(err.toString()).contains("Nothing was sent").contains("may have been sent");
    }

    @Test
    void theKeyIsNeverPrintedEvenVerbose() {
        send("--channel", "whatsapp", "--content", "Hola", "--verbose");
        nexor.sandbox().failNext(1, Fault.status(401));
        send("--channel", "call", "--verbose");
        run(Map.of("NEXOR_API_KEY", "nxr_live_wrong_secret_9", "NEXOR_BASE_URL", nexor.sandbox().baseUrl()), "send",
                "--lead", DEMO_LEAD_ANA, "--workflow", DEMO_WORKFLOW, "--channel", "call", "-v");
        assertThat(err.toString()).contains("sending MessageRequest{channel=whatsapp");
        assertThat(out + err.toString()).doesNotContain(nexor.sandbox().apiKey()).doesNotContain("wrong_secret_9");
    }

    @Test
    void sendBulkReportsEveryLead(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("leads.csv");
        Files.writeString(csv, "lead_id,content\n" + DEMO_LEAD_ANA + ",\"Hola Ana, \"\"VIP\"\"\"\n" + DEMO_LEAD_DIEGO
                + ",\nnot-a-lead,x\n" + DEMO_LEAD_CARLA + ",Hola Carla\n");
        int code = run(env(), "send-bulk", "--leads", csv.toString(), "--workflow", DEMO_WORKFLOW, "--channel",
                "whatsapp", "--content", "Hola");
        assertThat(code).isEqualTo(ExitCodes.SOME_FAILED);
        List<String> lines = out.toString().lines().toList();
        assertThat(lines.get(0)).isEqualTo(io.jenkins.plugins.nexor.client.Csv.RESULTS_HEADER);
        assertThat(lines.get(1)).startsWith("1," + DEMO_LEAD_ANA + ",SENT,");
        assertThat(lines.get(2)).startsWith("2," + DEMO_LEAD_DIEGO + ",SENT,");
        assertThat(lines.get(3)).startsWith("3,not-a-lead,SKIPPED,");
        assertThat(lines.get(4)).startsWith("4," + DEMO_LEAD_CARLA + ",FAILED,").contains("Lead has no phone");
        assertThat(err.toString()).contains("row 3 skipped").contains("progress: 4/4")
                .contains("2 of 4 sent, 0 may have been sent, 2 surely not sent (1 failed, 1 skipped, 0 not attempted).")
                .contains("To send the 1 that surely was not sent, without messaging anyone twice: the same command"
                        + " with --resume " + dir.resolve("leads.record.csv").toAbsolutePath())
                .doesNotContain("may_have_been_sent is false");
        assertThat(nexor.sandbox().messages().get(0).content()).isIn("Hola Ana, \"VIP\"", "Hola");
    }

    @Test
    void sendBulkJsonIsOneArrayWrittenAsResultsCome(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("leads.csv");
        Files.writeString(csv, "lead_id\n" + DEMO_LEAD_ANA + "\nnot-a-lead\n" + DEMO_LEAD_DIEGO + "\n");
        int code = run(env(), "send-bulk", "--leads", csv.toString(), "--workflow", DEMO_WORKFLOW, "--channel",
                "whatsapp", "--content", "Hola", "--json");
        assertThat(code).isEqualTo(ExitCodes.SOME_FAILED);
        JsonNode rows = new ObjectMapper().readTree(out.toString());
        assertThat(rows.size()).isEqualTo(3);
        assertThat(rows.get(0).get("row").asInt()).as("the CSV's row column").isEqualTo(1);
        assertThat(rows.get(0).get("outcome").asText()).as("the CSV's values").isEqualTo("SENT");
        assertThat(rows.get(0).get("message_id").asText()).isNotBlank();
        assertThat(rows.get(0).get("attempts").asInt()).isEqualTo(1);
        assertThat(rows.get(0).has("call_status")).as("the CSV's columns, call_status included").isTrue();
        assertThat(rows.get(1).get("attempts").asInt()).isZero();
        assertThat(rows.get(1).get("outcome").asText()).isEqualTo("SKIPPED");
        assertThat(rows.get(1).get("error").asText()).contains("lead_id must be a UUID");
        assertThat(rows.get(2).get("lead_id").asText()).isEqualTo(DEMO_LEAD_DIEGO);
    }

    @Test
    void sendBulkReadsAJsonArrayOfLeads(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("leads.json");
        Files.writeString(json, "[\"" + DEMO_LEAD_ANA + "\", {\"lead_id\": \"" + DEMO_LEAD_DIEGO
                + "\", \"content\": \"Hola Diego\"}]");
        int code = run(env(), "send-bulk", "--leads", json.toString(), "--workflow", DEMO_WORKFLOW, "--channel",
                "whatsapp", "--content", "Hola");
        assertThat(code).isZero();
        assertThat(out.toString().lines().skip(1)).allSatisfy(l -> assertThat(l).contains(",SENT,"));
        assertThat(nexor.sandbox().messages()).extracting(m -> m.content()).containsExactlyInAnyOrder("Hola",
                "Hola Diego");
    }

    @Test
    void anUnreadableAtFileIsInvalidInput(@TempDir Path dir) {
        int code = run(env(), "send", "--lead", DEMO_LEAD_ANA, "--workflow", DEMO_WORKFLOW, "--channel", "whatsapp",
                "--content", "@" + dir.resolve("missing.txt"));
        assertThat(code).isEqualTo(ExitCodes.INVALID);
        assertThat(err.toString()).startsWith("error: ").contains("missing.txt");
        assertThat(nexor.sandbox().requests()).isEmpty();
    }

    @Test
    void sendBulkNamesAMissingFile(@TempDir Path dir) {
        int code = run(env(), "send-bulk", "--leads", dir.resolve("nope.csv").toString(), "--workflow",
                DEMO_WORKFLOW, "--channel", "whatsapp", "--content", "Hola");
        assertThat(code).isEqualTo(ExitCodes.INVALID);
        assertThat(err.toString()).contains("nope.csv: no such file");
    }

    @Test
    void demoSendsFourMessagesThroughAnEmbeddedSandbox() {
        assertThat(run(Map.of(), "demo", "--once")).isZero();
        assertThat(out.toString()).contains("== WhatsApp text", "== WhatsApp template", "== E-mail", "== Call")
                .contains("4 messages sent. See them at http://127.0.0.1:");
    }

    @Test
    void helpAndVersion() {
        assertThat(run(Map.of(), "--version")).isZero();
        assertThat(out.toString()).startsWith("nexor ");
        assertThat(run(Map.of(), "send", "--help")).isZero();
        assertThat(out.toString()).contains("--lead", "--components", "--api-key-file", "Examples:", "Exit codes:");
        assertThat(run(Map.of(), "send", "--api-key", "x")).isEqualTo(ExitCodes.USAGE); // no plain key option
    }

    @Test
    void runsAsARealProcess() throws Exception {
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), NexorCli.class.getName(), "send", "--lead", DEMO_LEAD_ANA,
                "--workflow", DEMO_WORKFLOW, "--channel", "call", "--json");
        pb.environment().put("NEXOR_API_KEY", nexor.sandbox().apiKey());
        pb.environment().put("NEXOR_BASE_URL", nexor.sandbox().baseUrl());
        pb.redirectErrorStream(true);
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(output).isZero();
        assertThat(new ObjectMapper().readTree(output).get("call_status").asText()).isEqualTo("registered");
        assertThat(output).doesNotContain(nexor.sandbox().apiKey());
    }
}
