package io.jenkins.plugins.nexor.client;

import static io.jenkins.plugins.nexor.client.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * An {@code http://} base URL for a server that speaks TLS (https on a loopback port): the server answers the plain
 * request with a TLS alert, which no HTTP server would send. A TLS server never reads plain HTTP as a request, so
 * nothing was sent: the failure says so and names the likely cause, and is not retried.
 */
class HttpToTlsTest {
    @Test
    void httpToATlsServerIsNotSentAndNamesTheLikelyCause() throws Exception {
        try (RawServer server = RawServer.startTls(TestTls.server(), RawServer.closingIdleAfter(5_000))) {
            NexorClient client = server.client("http").build();
            TransportException e;
            try {
                client.send(whatsapp("Hola").build());
                throw new AssertionError("the send succeeded");
            } catch (TransportException t) {
                e = t;
            }
            assertThat(e.mayHaveBeenSent()).as(e.getMessage()).isFalse();
            assertThat(e.retryable()).isFalse();
            assertThat(e).hasMessageStartingWith("Could not talk to Nexor at " + server.hostPort() + ": the server"
                    + " answered in TLS. Is the base URL http:// for a server that speaks https?")
                    .hasMessageEndingWith("Nothing was sent.").hasMessageNotContaining("\u0015");
            assertThat(server.requests).isEmpty();
        }
    }
}
