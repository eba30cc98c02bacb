package io.jenkins.plugins.nexor;

import hudson.model.Item;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.nexor.client.Channel;
import io.jenkins.plugins.nexor.client.Field;
import io.jenkins.plugins.nexor.client.MessageRequest;
import io.jenkins.plugins.nexor.client.Problem;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import jenkins.model.Jenkins;
import org.kohsuke.stapler.Stapler;
import org.kohsuke.stapler.StaplerRequest2;

/**
 * The form checks and drop-downs of the message form, written once: the descriptors of {@link NexorSendStep} and
 * {@link NexorSendBuilder} forward their {@code doCheck…}/{@code doFill…} methods here. Checks run the client's
 * validator on the values in the form and show the problems of the field being checked, in the user's language.
 * Values holding {@code ${…}} are only known at build time and are not checked.
 */
final class MessageForm {
    private MessageForm() {}

    /** Form checks change nothing; they need read access to the item (or Jenkins, in the global snippet generator). */
    static void checkReadable(Item item) {
        if (item == null) {
            Jenkins.get().checkPermission(Jenkins.READ);
        } else {
            item.checkPermission(Item.READ);
        }
    }

    /** The check of one field, given the values of the fields its rules depend on. */
    static FormValidation check(Field field, MessageRequest.Builder values, String value, String channel) {
        if (isVariable(value)) {
            return FormValidation.ok();
        }
        if (isVariable(channel)) {
            values.channel((String) null); // channel rules cannot be applied before the build
        }
        return toFormValidation(values.validate().forField(field));
    }

    static FormValidation checkLeadId(String value) {
        return check(Field.LEAD_ID, MessageRequest.builder().leadId(value), value, null);
    }

    static FormValidation checkWorkflowId(String value) {
        return check(Field.WORKFLOW_ID, MessageRequest.builder().workflowId(value), value, null);
    }

    static FormValidation checkChannel(String value) {
        return check(Field.CHANNEL, MessageRequest.builder().channel(value), value, null);
    }

    static FormValidation checkContent(String value, String channel, String html, String templateId) {
        return check(
                Field.CONTENT,
                MessageRequest.builder()
                        .channel(channel)
                        .content(value)
                        .html(html)
                        .templateId(templateId),
                value,
                channel);
    }

    static FormValidation checkSubject(String value, String channel) {
        return check(Field.SUBJECT, MessageRequest.builder().channel(channel).subject(value), value, channel);
    }

    static FormValidation checkTemplateId(String value, String channel) {
        return check(
                Field.TEMPLATE_ID, MessageRequest.builder().channel(channel).templateId(value), value, channel);
    }

    static FormValidation checkComponents(String value, String channel, String templateId) {
        return check(
                Field.COMPONENTS,
                MessageRequest.builder().channel(channel).templateId(templateId).components(value),
                value,
                channel);
    }

    static FormValidation checkBeginMessage(String value, String channel) {
        return check(
                Field.BEGIN_MESSAGE, MessageRequest.builder().channel(channel).beginMessage(value), value, channel);
    }

    /** Problems as one form message: the errors if any, else the warnings. */
    static FormValidation toFormValidation(List<Problem> problems) {
        Locale locale = currentLocale();
        List<Problem> errors = problems.stream().filter(Problem::isError).toList();
        List<Problem> shown = errors.isEmpty() ? problems : errors;
        if (shown.isEmpty()) {
            return FormValidation.ok();
        }
        String text = shown.stream().map(p -> p.message(locale)).collect(Collectors.joining(" "));
        return errors.isEmpty() ? FormValidation.warning(text) : FormValidation.error(text);
    }

    /** Secret text credentials the current user may pick here; only the current value when they may not list. */
    static ListBoxModel credentialsItems(Item item, String current) {
        if (!ApiKeyCredentials.mayList(item)) {
            return new com.cloudbees.plugins.credentials.common.StandardListBoxModel().includeCurrentValue(current);
        }
        return ApiKeyCredentials.listBox(item, current);
    }

    private static boolean mayConfigure(Item item) {
        return item == null ? Jenkins.get().hasPermission(Jenkins.ADMINISTER) : item.hasPermission(Item.CONFIGURE);
    }

    /** Who may see the account's workflows and templates: those who configure the item (administrators globally). */
    static void checkConfigurable(Item item) {
        if (item == null) {
            Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        } else {
            item.checkPermission(Item.CONFIGURE);
        }
    }

    /**
     * The workflow-id check, plus the workflow's name when Nexor knows it (shown under the field) for users who may
     * configure the item; others get the rules only.
     */
    static FormValidation checkWorkflowId(Item item, String value, String credentialsId) {
        checkReadable(item);
        FormValidation rules = checkWorkflowId(value);
        if (!mayConfigure(item)
                || rules.kind != FormValidation.Kind.OK
                || MessageFields.blankToNull(value) == null
                || isVariable(value)) {
            return rules;
        }
        String name = NexorCatalog.workflowName(item, credentialsId, value);
        return name == null ? rules : FormValidation.ok(Messages.Form_workflow(name));
    }

    static FormValidation checkTemplateId(Item item, String value, String channel, String credentialsId) {
        checkReadable(item);
        FormValidation rules = checkTemplateId(value, channel);
        if (!mayConfigure(item)
                || rules.kind != FormValidation.Kind.OK
                || MessageFields.blankToNull(value) == null
                || isVariable(value)) {
            return rules;
        }
        String name = NexorCatalog.templateName(item, credentialsId, value);
        return name == null ? rules : FormValidation.ok(Messages.Form_template(name));
    }

    static ListBoxModel channelItems() {
        ListBoxModel items = new ListBoxModel();
        items.add(Messages.Channel_whatsapp(), Channel.WHATSAPP.wireName());
        items.add(Messages.Channel_email(), Channel.EMAIL.wireName());
        items.add(Messages.Channel_call(), Channel.CALL.wireName());
        return items;
    }

    /** Failure policies; for a step, the first choice is "use the global default" (empty value). */
    static ListBoxModel failurePolicyItems(boolean withDefault) {
        ListBoxModel items = new ListBoxModel();
        if (withDefault) {
            items.add(Messages.FailurePolicy_globalDefault(), "");
        }
        for (FailurePolicy p : FailurePolicy.values()) {
            items.add(p.displayName(), p.name());
        }
        return items;
    }

    private static boolean isVariable(String value) {
        return value != null && value.contains("${");
    }

    /** The language of the form's user (their browser's), English outside a request. */
    static Locale currentLocale() {
        StaplerRequest2 request = Stapler.getCurrentRequest2();
        return request == null ? Locale.ENGLISH : request.getLocale();
    }
}
