package io.jenkins.plugins.nexor.sandbox;

import io.jenkins.plugins.nexor.client.Channel;
import io.jenkins.plugins.nexor.client.MessageRequest;

/**
 * What Nexor checks beyond the request's own rules (those are nexor-client's validator, shared): the lead and the
 * workflow exist, the lead can be reached on the channel, WhatsApp's 24-hour window, the template exists, is
 * approved and, when it has variables, gets parameters. Returns the refusal, or null when the message can go.
 */
final class MessageRules {
    /** A refusal: HTTP status and Nexor's {@code error}/{@code message}. */
    record Refusal(int status, String error, String message) {}

    private MessageRules() {}

    static Refusal check(MessageRequest r, SandboxDirectory directory) {
        Lead lead = directory.lead(r.leadId());
        if (lead == null) {
            return new Refusal(404, "Lead not found", "No lead with id " + r.leadId() + " in this account");
        }
        if (directory.workflow(r.workflowId()) == null) {
            return new Refusal(404, "Workflow not found", "No workflow with id " + r.workflowId() + " in this account");
        }
        Channel channel = r.channel();
        if ((channel == Channel.WHATSAPP || channel == Channel.CALL) && lead.phone() == null) {
            return new Refusal(422, "Lead has no phone",
                    "Lead " + r.leadId() + " has no phone number, so it cannot get a " + channel.wireName()
                            + "; add a phone in Nexor or use email");
        }
        if (channel == Channel.EMAIL && lead.email() == null) {
            return new Refusal(422, "Lead has no email",
                    "Lead " + r.leadId() + " has no e-mail address; add one in Nexor or use whatsapp");
        }
        if (channel == Channel.WHATSAPP && r.templateId() != null) {
            io.jenkins.plugins.nexor.client.Template t = directory.template(r.templateId());
            if (t == null) {
                return new Refusal(404, "Template not found", "No template with id " + r.templateId());
            }
            if (!"APPROVED".equalsIgnoreCase(t.status())) {
                return new Refusal(422, "Template not approved",
                        "Template " + t.name() + " is " + t.status() + "; only APPROVED templates can be sent");
            }
            String missing = TemplateParameters.missing(t, r.components());
            if (missing != null) {
                return new Refusal(422, "Template parameters missing", missing);
            }
        }
        if (channel == Channel.WHATSAPP && r.templateId() == null && !lead.inWhatsappWindow()) {
            return new Refusal(422, "Outside 24h window",
                    "Lead " + r.leadId() + " has not written in the last 24 hours; free-form WhatsApp text is only "
                            + "delivered inside Meta's 24-hour window: send an approved template instead");
        }
        return null;
    }
}
