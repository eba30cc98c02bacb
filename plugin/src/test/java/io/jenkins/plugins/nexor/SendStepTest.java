package io.jenkins.plugins.nexor;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.Result;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.Test;

/** {@code nexorSend} in sandboxed Pipeline scripts, against nexor-sandbox: every channel, results, console. */
class SendStepTest extends SandboxedJenkinsTest {

    @Test
    void whatsappTextReturnsTheIdsToASandboxedScript() throws Exception {
        WorkflowRun b = j.assertBuildStatusSuccess(nexor.pipeline("""
            def r = nexorSend credentialsId: 'nexor-key', leadId: '%s', workflowId: '%s', channel: 'whatsapp',
                              content: "Hola Ana, tu pedido salió hoy."
            echo "success=${r.success} channel=${r.channel} type=${r.type}"
            echo "messageId=${r.messageId} provider=${r.providerMessageId}"
            echo "activity=${r.activityId} call=${r.callId} status=${r.callStatus} warnings=${r.warnings.size()}"
            echo "error=${r.error} maybe=${r.mayHaveBeenSent}"
            """.formatted(nexor.lead(), nexor.workflow())));

        j.assertLogContains("success=true channel=whatsapp type=text", b);
        j.assertLogContains("provider=wamid.", b);
        j.assertLogContains("activity=null call=null status=null warnings=0", b);
        j.assertLogContains("[Nexor] whatsapp to lead " + nexor.lead() + " sent:", b);
        j.assertLogNotContains("salió hoy", b); // content stays out of the console
        assertThat(nexor.sandbox().sentCount(nexor.lead())).isEqualTo(1);
        assertThat(b.getAction(NexorSendAction.class).getMessages())
                .singleElement()
                .satisfies(m -> assertThat(m.getResult().getMessageId()).isNotBlank());
    }

    @Test
    void whatsappTemplateWithComponentsAsPipelineMaps() throws Exception {
        WorkflowRun b = j.assertBuildStatusSuccess(
                nexor.pipeline("""
                    def r = nexorSend leadId: '%s', workflowId: '%s', channel: 'whatsapp', templateId: '%s',
                                      components: [[type: 'body', parameters: [[type: 'text', text: "Ana"]]]]
                    echo "type=${r.type}"
                    """.formatted(nexor.lead(), nexor.workflow(), nexor.template())));
        j.assertLogContains("type=template", b);
        assertThat(nexor.lastRequestBody())
                .contains("\"components\":[{\"type\":\"body\",\"parameters\":"
                        + "[{\"type\":\"text\",\"text\":\"Ana\"}]}]");
    }

    @Test
    void emailWithSubjectAndHtml() throws Exception {
        WorkflowRun b = j.assertBuildStatusSuccess(nexor.pipeline("""
            def r = nexorSend leadId: '%s', workflowId: '%s', channel: 'email', subject: 'Factura',
                              html: '<p>Hola <b>Ana</b></p>'
            echo "activity=${r.activityId != null} message=${r.messageId != null}"
            """.formatted(nexor.lead(), nexor.workflow())));
        j.assertLogContains("activity=true message=true", b);
    }

    @Test
    void callReturnsItsStatus() throws Exception {
        WorkflowRun b = j.assertBuildStatusSuccess(nexor.pipeline("""
            def call = nexorSend leadId: '%s', workflowId: '%s', channel: 'call', beginMessage: 'Hola, te llamo de Acme'
            echo "call=${call.callId} status=${call.callStatus}"
            """.formatted(nexor.lead(), nexor.workflow())));
        j.assertLogContains("status=registered", b);
        j.assertLogContains("call=call_", b);
    }

    @Test
    void declarativePipelineUsesTheResultInALaterStage() throws Exception {
        WorkflowRun b = j.assertBuildStatusSuccess(nexor.pipeline("""
            pipeline {
              agent none
              stages {
                stage('notify') {
                  steps {
                    script {
                      env.NEXOR_ID = nexorSend(leadId: '%s', workflowId: '%s', channel: 'whatsapp',
                                               content: 'Hola').messageId
                    }
                  }
                }
                stage('use') {
                  steps { echo "later stage sees ${env.NEXOR_ID}" }
                }
              }
            }
            """.formatted(nexor.lead(), nexor.workflow())));
        String id = b.getAction(NexorSendAction.class)
                .getMessages()
                .get(0)
                .getResult()
                .getMessageId();
        j.assertLogContains("later stage sees " + id, b);
    }

    @Test
    void everyValidationProblemIsListedAndNothingIsSent() throws Exception {
        WorkflowRun b = nexor.pipeline("nexorSend leadId: 'nope', workflowId: '', channel: 'sms'");
        j.assertBuildStatus(Result.FAILURE, b);
        j.assertLogContains("3 problems in the request", b);
        j.assertLogContains("leadId must be a UUID", b);
        j.assertLogContains("workflowId is required", b);
        j.assertLogContains("channel \"sms\" is not one of Nexor's channels", b);
        assertThat(nexor.sandbox().requests()).isEmpty();
    }

    @Test
    void ignoredFieldsAreWarnedAboutAndReturned() throws Exception {
        WorkflowRun b = j.assertBuildStatusSuccess(nexor.pipeline("""
            def r = nexorSend leadId: '%s', workflowId: '%s', channel: 'whatsapp', content: 'Hola', subject: 'x'
            echo "warnings=${r.warnings}"
            """.formatted(nexor.lead(), nexor.workflow())));
        j.assertLogContains("[Nexor] warning: subject: subject applies only to email", b);
        j.assertLogContains("warnings=[subject: subject applies only to email", b);
    }
}
