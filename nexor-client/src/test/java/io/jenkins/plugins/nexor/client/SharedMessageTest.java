package io.jenkins.plugins.nexor.client;

import static io.jenkins.plugins.nexor.client.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What every lead of a bulk send shares is checked once; a per-lead column that could supply a field is respected. */
class SharedMessageTest {
    private static LeadsFile file(String name, String text) {
        return LeadsFile.of(name, () -> new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aCsvHeaderNamesThePerLeadColumnsAJsonFileMayHaveThemAll() throws Exception {
        assertThat(file("x.csv", "\uFEFFlead_id;Content;subject\n").perLeadColumns())
                .containsExactlyInAnyOrder("content", "subject");
        assertThat(file("x.csv", "\n  \nlead_id,begin_message\n").perLeadColumns()).containsExactly("begin_message");
        assertThat(file("x.csv", "lead_id\n").perLeadColumns()).isEmpty();
        assertThat(file("x.json", "[]").perLeadColumns()).isEqualTo(SharedMessage.PER_LEAD);
        assertThat(file("x.csv", "nombre\n").perLeadColumns()).as("the reading says what is wrong")
                .isEqualTo(SharedMessage.PER_LEAD);
        assertThat(RecipientSource.of(java.util.List.of()).perLeadColumns()).isEqualTo(SharedMessage.PER_LEAD);
    }

    @Test
    void onlyWhatNoLeadCanEscapeIsCommon() {
        MessageRequest.Builder noChannel = MessageRequest.builder().workflowId(WORKFLOW).content("Hola");
        assertThat(SharedMessage.commonProblems(noChannel, SharedMessage.PER_LEAD))
                .extracting(Problem::field).containsExactly(Field.CHANNEL);

        MessageRequest.Builder noText = MessageRequest.builder().workflowId(WORKFLOW).channel(Channel.WHATSAPP);
        assertThat(SharedMessage.commonProblems(noText, Set.of())).extracting(Problem::field)
                .containsExactly(Field.CONTENT);
        assertThat(SharedMessage.commonProblems(noText, Set.of("content"))).as("a content column may give it")
                .isEmpty();
        assertThat(SharedMessage.commonProblems(noText.copy().content("Hola").leadId(LEAD), Set.of())).isEmpty();
    }
}
