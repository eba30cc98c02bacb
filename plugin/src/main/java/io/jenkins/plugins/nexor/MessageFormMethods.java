package io.jenkins.plugins.nexor;

import hudson.model.Item;
import hudson.util.ComboBoxModel;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * The drop-downs and field checks of every Nexor form (the two Pipeline steps' and the two freestyle builders'),
 * written once: their descriptors implement this interface, whose default methods Stapler serves like the
 * descriptor's own ({@code <descriptor>/fillCredentialsIdItems}, {@code checkContent}, …). Each is {@code @POST} and
 * checks the caller's permission on the item ({@link MessageForm}). The lead's check belongs to the single sends.
 * Public because Stapler calls the methods reflectively (the same pattern as jenkinsci/dotnet-sdk-plugin's
 * {@code StaplerMethods}).
 */
public interface MessageFormMethods {
    @POST
    default ListBoxModel doFillCredentialsIdItems(@AncestorInPath Item item, @QueryParameter String credentialsId) {
        return MessageForm.credentialsItems(item, credentialsId);
    }

    @POST
    default ComboBoxModel doFillWorkflowIdItems(@AncestorInPath Item item, @QueryParameter String credentialsId) {
        MessageForm.checkConfigurable(item);
        return NexorCatalog.workflowIds(item, credentialsId);
    }

    @POST
    default ComboBoxModel doFillTemplateIdItems(@AncestorInPath Item item, @QueryParameter String credentialsId) {
        MessageForm.checkConfigurable(item);
        return NexorCatalog.templateIds(item, credentialsId);
    }

    @POST
    default ListBoxModel doFillChannelItems(@AncestorInPath Item item) {
        MessageForm.checkReadable(item);
        return MessageForm.channelItems();
    }

    @POST
    default ListBoxModel doFillOnFailureItems(@AncestorInPath Item item) {
        MessageForm.checkReadable(item);
        return MessageForm.failurePolicyItems(true);
    }

    @POST
    default FormValidation doCheckWorkflowId(
            @AncestorInPath Item item, @QueryParameter String value, @QueryParameter String credentialsId) {
        return MessageForm.checkWorkflowId(item, value, credentialsId);
    }

    @POST
    default FormValidation doCheckChannel(@AncestorInPath Item item, @QueryParameter String value) {
        MessageForm.checkReadable(item);
        return MessageForm.checkChannel(value);
    }

    @POST
    default FormValidation doCheckContent(
            @AncestorInPath Item item,
            @QueryParameter String value,
            @QueryParameter String channel,
            @QueryParameter String html,
            @QueryParameter String templateId) {
        MessageForm.checkReadable(item);
        return MessageForm.checkContent(value, channel, html, templateId);
    }

    @POST
    default FormValidation doCheckSubject(
            @AncestorInPath Item item, @QueryParameter String value, @QueryParameter String channel) {
        MessageForm.checkReadable(item);
        return MessageForm.checkSubject(value, channel);
    }

    @POST
    default FormValidation doCheckTemplateId(
            @AncestorInPath Item item,
            @QueryParameter String value,
            @QueryParameter String channel,
            @QueryParameter String credentialsId) {
        return MessageForm.checkTemplateId(item, value, channel, credentialsId);
    }

    @POST
    default FormValidation doCheckComponents(
            @AncestorInPath Item item,
            @QueryParameter String value,
            @QueryParameter String channel,
            @QueryParameter String templateId) {
        MessageForm.checkReadable(item);
        return MessageForm.checkComponents(value, channel, templateId);
    }

    @POST
    default FormValidation doCheckBeginMessage(
            @AncestorInPath Item item, @QueryParameter String value, @QueryParameter String channel) {
        MessageForm.checkReadable(item);
        return MessageForm.checkBeginMessage(value, channel);
    }
}
