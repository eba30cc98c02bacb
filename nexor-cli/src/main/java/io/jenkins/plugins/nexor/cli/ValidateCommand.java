package io.jenkins.plugins.nexor.cli;

import io.jenkins.plugins.nexor.client.Validation;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code nexor validate}: the same checks as {@code send}, locally; sends nothing. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Check a message with the same rules as send, without sending anything.",
        customSynopsis = "nexor validate --lead UUID --workflow UUID --channel whatsapp|email|call [OPTIONS]",
        footer = {"", "Example:", "  nexor validate --lead $LEAD --workflow $WF --channel whatsapp \\",
                "                 --template $TPL --components @params.json", "", ExitCodes.VALIDATE_HELP})
final class ValidateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = {"-l", "--lead"}, paramLabel = "UUID", description = "the lead to contact")
    String lead;

    @Mixin
    MessageOptions message;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        Validation v = message.toBuilder().leadId(lead).validate();
        Output.problems(spec.commandLine().getErr(), v.problems());
        if (v.hasErrors()) {
            return ExitCodes.INVALID;
        }
        out.println("valid: nothing was sent");
        return ExitCodes.OK;
    }
}
