package io.jenkins.plugins.nexor.sandbox;

import static io.jenkins.plugins.nexor.sandbox.SandboxDirectory.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.nexor.client.Channel;
import io.jenkins.plugins.nexor.client.MessageRequest;
import io.jenkins.plugins.nexor.client.MessageResult;
import io.jenkins.plugins.nexor.client.NexorClient;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The HTML page, read as a page; and many clients at once. */
class SandboxPageTest {
    @RegisterExtension
    static final NexorSandboxExtension nexor = new NexorSandboxExtension();

    private NexorClient client() {
        return NexorClient.builder().apiKey(nexor.sandbox().apiKey()).baseUrl(nexor.sandbox().baseUrl()).build();
    }

    @Test
    void thePageListsAMessageJustSentEscapedAndWithoutTheKey() throws Exception {
        MessageResult r = client().send(MessageRequest.builder().leadId(DEMO_LEAD_ANA).workflowId(DEMO_WORKFLOW)
                .channel(Channel.WHATSAPP).content("Hola <b>Ana</b>, tu pedido salió hoy").build());

        Document page = Jsoup.connect(nexor.sandbox().rootUrl() + "/").get();

        assertThat(page.title()).isEqualTo("Nexor sandbox");
        List<Element> rows = page.select("tr.message");
        assertThat(rows).hasSize(1);
        Element row = rows.get(0);
        assertThat(row.attr("data-channel")).isEqualTo("whatsapp");
        assertThat(row.selectFirst("td.lead").text()).contains("Ana García").contains(DEMO_LEAD_ANA);
        assertThat(row.selectFirst("td.content").text()).isEqualTo("Hola <b>Ana</b>, tu pedido salió hoy");
        assertThat(row.select("td.content b")).isEmpty(); // escaped, not rendered
        assertThat(row.selectFirst("td.ids").text()).contains(r.messageId()).contains(r.providerMessageId());
        assertThat(page.html()).doesNotContain(nexor.sandbox().apiKey());
    }

    @Test
    void anEmptySandboxSaysSo() throws Exception {
        Document page = Jsoup.connect(nexor.sandbox().rootUrl() + "/").get();
        assertThat(page.select("td.empty").text()).isEqualTo("No messages yet.");
    }

    @Test
    void concurrentSendsAreAllRecorded() throws Exception {
        NexorClient client = client();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<MessageResult>> results = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            String lead = i % 2 == 0 ? DEMO_LEAD_ANA : DEMO_LEAD_DIEGO;
            results.add(pool.submit(() -> client.send(MessageRequest.builder().leadId(lead).workflowId(DEMO_WORKFLOW)
                    .channel(Channel.CALL).build())));
        }
        for (Future<MessageResult> f : results) {
            assertThat(f.get().success()).isTrue();
        }
        pool.shutdown();
        assertThat(nexor.sandbox().sentCount(DEMO_LEAD_ANA)).isEqualTo(200);
        assertThat(nexor.sandbox().sentCount(DEMO_LEAD_DIEGO)).isEqualTo(200);
        assertThat(nexor.sandbox().messages()).hasSize(400);
        assertThat(nexor.sandbox().messages().stream().map(m -> m.result().messageId()).distinct()).hasSize(400);
    }
}
