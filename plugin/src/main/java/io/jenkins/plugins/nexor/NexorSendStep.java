package io.jenkins.plugins.nexor;

import hudson.Extension;
import hudson.model.Item;
import hudson.util.FormValidation;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * {@code nexorSend}: sends one WhatsApp message, e-mail or call through Nexor and returns a {@link NexorSendResult}.
 * <pre>
 * def r = nexorSend leadId: params.LEAD, workflowId: '…', channel: 'whatsapp', content: "Hola ${name}"
 * echo "sent ${r.messageId}"
 * </pre>
 * Lead, workflow and channel are required; the rest are optional setters. Everything behind the setters is shared
 * with {@link NexorSendBuilder} through {@link MessageFields}.
 */
public class NexorSendStep extends MessageStep {

    @DataBoundConstructor
    public NexorSendStep(String leadId, String workflowId, String channel) {
        super(workflowId, channel);
        fields().setLeadId(leadId);
    }

    public String getLeadId() {
        return fields().getLeadId();
    }

    @Override
    public StepExecution start(StepContext context) {
        return new NexorSendExecution(this, context);
    }

    @Extension
    public static final class DescriptorImpl extends MessageStepDescriptor {
        @Override
        public String getFunctionName() {
            return "nexorSend";
        }

        @Override
        public String getDisplayName() {
            return Messages.NexorSendStep_displayName();
        }

        @POST
        public FormValidation doCheckLeadId(@AncestorInPath Item item, @QueryParameter String value) {
            MessageForm.checkReadable(item);
            return MessageForm.checkLeadId(value);
        }
    }
}
