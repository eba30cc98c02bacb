package io.jenkins.plugins.nexor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The name of a bulk send in the build record is the same for the same step asked the same thing (so a step that
 * Jenkins runs again after a crash finds its bulk send and continues it), and differs for any other order.
 */
class BulkOrderIdTest {
    private static BulkOrder order(String content, List<Object> leads, String resumeFrom) {
        MessageFields fields = new MessageFields();
        fields.setWorkflowId("5f0e8a1e-2b7c-4d1a-9c3e-7a6b5d4c3b2a");
        fields.setChannel("whatsapp");
        fields.setContent(content);
        return new BulkOrder(fields, leads, null, 4, 0, resumeFrom, false);
    }

    @Test
    void theSameOrderHasTheSameDigestAndAnyDifferenceChangesIt() {
        List<Object> leads = List.of("3c90c3cc-0d44-4b50-8888-8dd25736052a", Map.of("leadId", "x", "content", "y"));
        String digest = order("Hola", leads, null).digest();

        assertThat(order("Hola", List.copyOf(leads), null).digest()).isEqualTo(digest);
        assertThat(order("Hola!", leads, null).digest()).isNotEqualTo(digest);
        assertThat(order("Hola", leads.subList(0, 1), null).digest()).isNotEqualTo(digest);
        assertThat(order("Hola", leads, "#3").digest()).isNotEqualTo(digest);
        assertThat(NexorSendBulkExecution.idOf(null, order("Hola", leads, null)))
                .as("without a flow node the id is unique")
                .isNotEqualTo(NexorSendBulkExecution.idOf(null, order("Hola", leads, null)))
                .endsWith("/" + digest);
    }
}
