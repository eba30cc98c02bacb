package io.jenkins.plugins.nexor.cli;

import io.jenkins.plugins.nexor.client.MessageRequest;
import picocli.CommandLine.Option;

/** Every field of {@code POST /messages} as an option (the lead is separate: bulk sends take it from a file). */
final class MessageOptions {
    @Option(names = {"-w", "--workflow"}, paramLabel = "UUID", description = "workflow whose channel setup is used")
    String workflow;

    @Option(names = {"-c", "--channel"}, paramLabel = "CHANNEL", description = "whatsapp, email or call")
    String channel;

    @Option(names = "--content", paramLabel = "TEXT|@FILE",
            description = "plain text (whatsapp, email); @FILE reads a UTF-8 file, @@ starts the text with @")
    String content;

    @Option(names = "--html", paramLabel = "HTML|@FILE",
            description = "e-mail HTML body, sent as is; @FILE as for --content")
    String html;

    @Option(names = "--subject", paramLabel = "TEXT", description = "e-mail subject")
    String subject;

    @Option(names = "--template", paramLabel = "UUID", description = "approved WhatsApp template id")
    String template;

    @Option(names = "--components", paramLabel = "JSON|@FILE",
            description = "template parameters, a JSON array in Meta's format; @FILE as for --content")
    String components;

    @Option(names = "--begin-message", paramLabel = "TEXT", description = "call greeting")
    String beginMessage;

    /** The shared message (no lead yet), files read. */
    MessageRequest.Builder toBuilder() throws UserInput.Unreadable {
        return MessageRequest.builder().workflowId(workflow).channel(channel)
                .content(UserInput.resolve("--content", content)).html(UserInput.resolve("--html", html))
                .subject(subject).templateId(template).components(UserInput.resolve("--components", components))
                .beginMessage(beginMessage);
    }
}
