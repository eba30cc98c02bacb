package io.jenkins.plugins.nexor.benchmarks;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The fastest possible "Nexor" for measuring client overhead: reads the request and answers a fixed 200 body.
 * Both sides of a comparison talk to the same instance, so its cost is in the baseline too.
 */
final class LoopbackNexor implements AutoCloseable {
    static final byte[] ANSWER = ("{\"success\":true,\"channel\":\"whatsapp\",\"type\":\"text\","
            + "\"message_id\":\"9b2f7c1e-4a51-4e0c-9a34-6f3f0e5d2c11\",\"provider_message_id\":\"wamid.HBgLNTQ5\","
            + "\"activity_id\":null,\"call_id\":null,\"call_status\":null}").getBytes(StandardCharsets.UTF_8);

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(2);

    static {
        // without it the JDK server's separate header and body writes meet the client's delayed ACK: ~40 ms a request
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    LoopbackNexor() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 128);
        server.createContext("/", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                in.readAllBytes();
            }
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, ANSWER.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(ANSWER);
            }
        });
        server.setExecutor(executor);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/public";
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
