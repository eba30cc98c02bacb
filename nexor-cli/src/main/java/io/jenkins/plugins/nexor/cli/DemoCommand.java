package io.jenkins.plugins.nexor.cli;

import io.jenkins.plugins.nexor.client.Channel;
import io.jenkins.plugins.nexor.client.MessageRequest;
import io.jenkins.plugins.nexor.client.MessageResult;
import io.jenkins.plugins.nexor.client.NexorClient;
import io.jenkins.plugins.nexor.client.NexorException;
import io.jenkins.plugins.nexor.sandbox.NexorSandbox;
import io.jenkins.plugins.nexor.sandbox.SandboxDirectory;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code nexor demo}: an embedded nexor-sandbox on loopback, four messages through the real client (WhatsApp text,
 * WhatsApp template, e-mail, call), their ids, and the page that lists them. Offline; nothing leaves the machine.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Start a local sandbox, send one message per kind through the real client, show the results.",
        customSynopsis = "nexor demo [--once] [--port PORT]",
        footer = {"", "Examples:", "  nexor demo            # keeps the sandbox and its page up until Ctrl-C",
                "  nexor demo --once     # sends, prints, exits"})
final class DemoCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--once", description = "exit after sending instead of serving the page until Ctrl-C")
    boolean once;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "0",
            description = "sandbox port, 1 to 65535 (default: 0, a free one)")
    int port;

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (port < 0 || port > 65535) {
            throw UsageErrors.wrong(spec, "--port must be 1 to 65535, or 0 for a free one, not " + port);
        }
        PrintWriter out = spec.commandLine().getOut();
        NexorSandbox sandbox;
        try {
            sandbox = NexorSandbox.builder().port(port).start();
        } catch (java.net.BindException e) {
            throw UsageErrors.wrong(spec, "--port " + port + ": the sandbox cannot listen there (" + e.getMessage()
                    + "); choose another port, or 0 for a free one");
        }
        try {
            NexorClient client = NexorClient.builder().apiKey(sandbox.apiKey()).baseUrl(sandbox.baseUrl()).build();
            out.println("Nexor sandbox at " + sandbox.baseUrl() + " (nothing leaves this machine)");
            Map<String, MessageRequest.Builder> demo = new LinkedHashMap<>();
            MessageRequest.Builder ana = MessageRequest.builder().leadId(SandboxDirectory.DEMO_LEAD_ANA)
                    .workflowId(SandboxDirectory.DEMO_WORKFLOW);
            demo.put("WhatsApp text", ana.copy().channel(Channel.WHATSAPP).content("Hola Ana, tu pedido salió hoy."));
            demo.put("WhatsApp template", ana.copy().channel(Channel.WHATSAPP).templateId(SandboxDirectory.DEMO_TEMPLATE)
                    .components("[{\"type\":\"body\",\"parameters\":[{\"type\":\"text\",\"text\":\"Ana\"},"
                            + "{\"type\":\"text\",\"text\":\"#1234\"}]}]"));
            demo.put("E-mail", ana.copy().channel(Channel.EMAIL).subject("Tu factura")
                    .html("<p>Hola Ana, adjuntamos tu factura.</p>"));
            demo.put("Call", ana.copy().channel(Channel.CALL).beginMessage("Hola Ana, te llamo de Acme."));
            for (Map.Entry<String, MessageRequest.Builder> e : demo.entrySet()) {
                out.println();
                out.println("== " + e.getKey());
                MessageResult r = client.send(e.getValue().build());
                Output.result(out, r, false);
            }
            out.println();
            out.println(sandbox.messages().size() + " messages sent. See them at " + sandbox.rootUrl() + "/");
            out.flush();
            if (!once) {
                out.println("Ctrl-C stops the sandbox.");
                out.flush();
                CountDownLatch forever = new CountDownLatch(1);
                Runtime.getRuntime().addShutdownHook(new Thread(forever::countDown));
                forever.await();
            }
            return ExitCodes.OK;
        } catch (NexorException e) {
            spec.commandLine().getErr().println("error: " + e.getMessage());
            return ExitCodes.of(e);
        } finally {
            sandbox.close();
        }
    }
}
