package io.jenkins.plugins.nexor.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Clients that send slowly, over real loopback sockets: they must not hold every worker (honest clients go on being
 * served) and are cut off once the request's time budget is spent, however they drip.
 */
class SandboxSlowClientsTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final List<Socket> sockets = new ArrayList<>();
    private final ScheduledExecutorService dripper = Executors.newScheduledThreadPool(1);

    @AfterEach
    void closeSockets() throws IOException {
        dripper.shutdownNow();
        for (Socket s : sockets) {
            s.close();
        }
    }

    @Test
    void fortyStalledOrTricklingBodiesDoNotStopAnHonestRequest() throws Exception {
        // a deadline far beyond this test: only the cap on bodies in flight can keep the honest request fast
        try (NexorSandbox s = NexorSandbox.builder().requestTimeout(Duration.ofSeconds(60)).start()) {
            for (int i = 0; i < 40; i++) {
                Socket socket = open(s, post(s, 200) + "{\"lead_id\":");
                if (i % 2 == 0) { // half trickle a byte every 300 ms, half stall
                    dripper.scheduleAtFixedRate(() -> drip(socket), 300, 300, TimeUnit.MILLISECONDS);
                }
            }
            long waitUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (s.activeRequests() < 16 && System.nanoTime() < waitUntil) {
                Thread.sleep(10); // the slow requests have reached the handler and are being read
            }
            assertThat(s.activeRequests()).isGreaterThanOrEqualTo(16);

            long start = System.nanoTime();
            HttpResponse<String> honest = HTTP.send(HttpRequest.newBuilder(URI.create(s.baseUrl() + "/workflows"))
                    .header("X-API-Key", s.apiKey()).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString());
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            System.out.println("GET /workflows beside 40 slow bodies answered in " + millis + " ms");
            assertThat(honest.statusCode()).isEqualTo(200);
            assertThat(honest.body()).contains(SandboxDirectory.DEMO_WORKFLOW);
            assertThat(millis).isLessThan(3000);

            // the 16 bodies in flight (half the 32 threads) are still being read; the other 24 were told to come back
            List<String> answers = firstLines(sockets, Duration.ofSeconds(2));
            assertThat(answers.stream().filter(a -> a.startsWith("HTTP/1.1 503")).count()).as(answers.toString())
                    .isEqualTo(24);
            assertThat(answers.stream().filter(a -> a.equals("(no answer)")).count()).as(answers.toString())
                    .isEqualTo(16);
            assertThat(s.requests()).filteredOn(r -> r.status() == 503).hasSize(24);
        }
    }

    @Test
    void theRefusalOfABodyBeyondTheCapIsNexorShapedAndSaysWhen() throws Exception {
        try (NexorSandbox s = NexorSandbox.builder().maxBodiesInFlight(1).requestTimeout(Duration.ofSeconds(60))
                .start()) {
            open(s, post(s, 50) + "{");
            long waitUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (s.activeRequests() < 1 && System.nanoTime() < waitUntil) {
                Thread.sleep(10);
            }
            Socket second = open(s, post(s, 50) + "{");
            String answer = readAll(second, Duration.ofSeconds(3));
            assertThat(answer).startsWith("HTTP/1.1 503").containsIgnoringCase("Retry-After: 1")
                    .containsIgnoringCase("Connection: close")
                    .contains("{\"error\":\"Service unavailable\",\"message\":\"1 request body is being received"
                            + " already, the most this sandbox reads at once (maxBodiesInFlight); retry in a moment\"}");
        }
    }

    @Test
    void aClientDrippingFourBytesASecondIsCutOffAtTheDeadline() throws Exception {
        try (NexorSandbox s = NexorSandbox.builder().requestTimeout(Duration.ofSeconds(1)).start()) {
            long start = System.nanoTime();
            Socket socket = open(s, post(s, 1000) + "{");
            dripper.scheduleAtFixedRate(() -> drip(socket), 250, 250, TimeUnit.MILLISECONDS);
            String answer = readAll(socket, Duration.ofSeconds(8));
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            System.out.println("dripping client cut after " + millis + " ms: " + firstLine(answer));
            assertThat(millis).isBetween(900L, 3000L);
            assertThat(answer).satisfiesAnyOf(
                    a -> assertThat(a).startsWith("HTTP/1.1 408").contains("\"error\":\"Request timeout\"")
                            .contains("took more than 1 s to arrive"),
                    a -> assertThat(a).isEqualTo("(closed)"));
            assertThat(s.requests()).singleElement().satisfies(r -> assertThat(r.status()).isIn(408, 0));
        }
    }

    @Test
    void aStalledBodyIsCutOffAtTheDeadline() throws Exception {
        try (NexorSandbox s = NexorSandbox.builder().requestTimeout(Duration.ofMillis(500)).start()) {
            long start = System.nanoTime();
            Socket socket = open(s, post(s, 100) + "{\"lead");
            String answer = readAll(socket, Duration.ofSeconds(8));
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            System.out.println("stalled body cut after " + millis + " ms: " + firstLine(answer));
            assertThat(answer).isEqualTo("(closed)");
            assertThat(millis).isBetween(400L, 2500L);
        }
    }

    @Test
    void headersThatNeverEndHoldAWorkerOnlyUntilTheDeadline() throws Exception {
        try (NexorSandbox s = NexorSandbox.builder().threads(4).requestTimeout(Duration.ofSeconds(1)).start()) {
            for (int i = 0; i < 4; i++) { // one per worker: the JDK reads headers on the worker, before the handler
                open(s, "POST /api/public/messages HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Len");
            }
            Thread.sleep(200);
            long start = System.nanoTime();
            HttpResponse<String> honest = HTTP.send(HttpRequest.newBuilder(URI.create(s.baseUrl() + "/workflows"))
                    .header("X-API-Key", s.apiKey()).timeout(Duration.ofSeconds(6)).build(),
                    HttpResponse.BodyHandlers.ofString());
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            System.out.println("GET /workflows behind 4 stalled headers on 4 workers answered in " + millis + " ms");
            assertThat(honest.statusCode()).isEqualTo(200);
            assertThat(millis).isLessThan(4000);
            assertThat(firstLines(sockets, Duration.ofSeconds(3))).containsOnly("(closed)");
        }
    }

    // --- raw sockets ---

    private static String post(NexorSandbox s, int contentLength) {
        return "POST /api/public/messages HTTP/1.1\r\nHost: 127.0.0.1\r\nX-API-Key: " + s.apiKey()
                + "\r\nContent-Type: application/json\r\nContent-Length: " + contentLength + "\r\n\r\n";
    }

    private Socket open(NexorSandbox s, String text) throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), s.port());
        sockets.add(socket);
        socket.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
        socket.getOutputStream().flush();
        return socket;
    }

    private static void drip(Socket socket) {
        try {
            socket.getOutputStream().write(' ');
            socket.getOutputStream().flush();
        } catch (IOException e) {
            // the server has closed it: nothing more to drip
        }
    }

    /** What the server sent until it closed the connection: "(closed)" when nothing, "(no answer)" on timeout. */
    private static String readAll(Socket socket, Duration timeout) throws IOException {
        socket.setSoTimeout((int) timeout.toMillis());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            InputStream in = socket.getInputStream();
            byte[] buf = new byte[4096];
            for (int n; (n = in.read(buf)) >= 0; ) {
                out.write(buf, 0, n);
            }
        } catch (SocketTimeoutException e) {
            return out.size() == 0 ? "(no answer)" : out.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            // reset after the answer (the server closed with the rest of the body unread): keep what came
        }
        return out.size() == 0 ? "(closed)" : out.toString(StandardCharsets.UTF_8);
    }

    /** The first line each socket got, read in parallel. */
    private static List<String> firstLines(List<Socket> sockets, Duration timeout) throws Exception {
        ExecutorService readers = Executors.newFixedThreadPool(sockets.size());
        try {
            List<Future<String>> lines = new ArrayList<>();
            for (Socket socket : sockets) {
                lines.add(readers.submit(() -> firstLine(readAll(socket, timeout))));
            }
            List<String> out = new ArrayList<>();
            for (Future<String> f : lines) {
                out.add(f.get());
            }
            return out;
        } finally {
            readers.shutdownNow();
        }
    }

    private static String firstLine(String answer) {
        int end = answer.indexOf("\r\n");
        return end < 0 ? answer : answer.substring(0, end);
    }
}
