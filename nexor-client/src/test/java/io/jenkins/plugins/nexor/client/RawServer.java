package io.jenkins.plugins.nexor.client;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;

/**
 * A loopback server that speaks raw HTTP/1.1 (or nothing at all), for faults MockWebServer cannot express: a server
 * that closes idle keep-alive connections, one that drips its answer, one that is not TLS on an https URL. Each
 * accepted connection runs a {@link Conversation} on its own thread; the server counts connections and requests.
 */
final class RawServer implements AutoCloseable {
    /** What the server does with one accepted connection. */
    @FunctionalInterface
    interface Conversation {
        void talk(RawServer server, Socket socket, int connection) throws IOException, InterruptedException;
    }

    static final String SENT = """
            {"success":true,"channel":"whatsapp","type":"text","message_id":"m-1",\
            "provider_message_id":"wamid.HBgL","activity_id":null,"call_id":null,"call_status":null}""";

    private final ServerSocket server;
    private final Conversation conversation;
    private final List<Socket> accepted = new CopyOnWriteArrayList<>();
    final AtomicInteger connections = new AtomicInteger();
    /** The body of every complete request received, in order of arrival. */
    final List<String> requests = new CopyOnWriteArrayList<>();

    private RawServer(ServerSocket server, Conversation conversation) {
        this.server = server;
        this.conversation = conversation;
        Thread acceptor = new Thread(this::accept, "raw-server-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    static RawServer start(Conversation conversation) throws IOException {
        return new RawServer(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()), conversation);
    }

    /** The same over TLS, with the server's key and certificate from {@code tls}. */
    static RawServer startTls(SSLContext tls, Conversation conversation) throws IOException {
        return new RawServer(tls.getServerSocketFactory().createServerSocket(0, 50, InetAddress.getLoopbackAddress()),
                conversation);
    }

    /** {@code 127.0.0.1:port}, as messages name the server. */
    String hostPort() {
        return "127.0.0.1:" + server.getLocalPort();
    }

    /** A client of this server (key {@link Fixtures#KEY}, short retry delay), to configure further. */
    NexorClient.Builder client(String scheme) {
        return NexorClient.builder().apiKey(Fixtures.KEY).baseUrl(baseUrl(scheme))
                .connectRetryDelay(java.time.Duration.ofMillis(10));
    }

    /** The base URL of this server with the given scheme, e.g. {@code http://127.0.0.1:1234/api/public}. */
    String baseUrl(String scheme) {
        return scheme + "://127.0.0.1:" + server.getLocalPort() + "/api/public";
    }

    private void accept() {
        while (!server.isClosed()) {
            Socket s;
            try {
                s = server.accept();
            } catch (IOException e) {
                return;
            }
            accepted.add(s);
            int index = connections.getAndIncrement();
            Thread t = new Thread(() -> {
                try (s) {
                    conversation.talk(this, s, index);
                } catch (IOException | InterruptedException e) {
                    // the conversation ends with the connection
                }
            }, "raw-server-" + index);
            t.setDaemon(true);
            t.start();
        }
    }

    /**
     * Reads one request (headers, then a {@code Content-Length} body) and records its body; null when the client
     * closed the connection before a complete request.
     */
    String readRequest(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int last4 = 0;
        while (last4 != 0x0d0a0d0a) {
            int b = in.read();
            if (b < 0) {
                return null;
            }
            head.write(b);
            last4 = (last4 << 8) | b;
        }
        int length = 0;
        for (String line : head.toString(StandardCharsets.ISO_8859_1).split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                length = Integer.parseInt(line.substring(15).strip());
            }
        }
        byte[] body = in.readNBytes(length);
        if (body.length < length) {
            return null;
        }
        String text = new String(body, StandardCharsets.UTF_8);
        requests.add(text);
        return text;
    }

    /** A 200 answer with Nexor's "sent" body, keeping the connection open. */
    static byte[] sentAnswer() {
        byte[] body = SENT.getBytes(StandardCharsets.UTF_8);
        return ("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n"
                + SENT).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Like gunicorn or uvicorn: answers every request and closes the connection once it has been idle for
     * {@code idleMillis} after an answer.
     */
    static Conversation closingIdleAfter(int idleMillis) {
        return answeringThen(Integer.MAX_VALUE, idleMillis);
    }

    /**
     * Answers the first {@code answered} requests of each connection, then reads one more and closes without
     * answering (a server that failed while handling it: the message may have been sent); closes a connection idle
     * for {@code idleMillis} after an answer.
     */
    static Conversation answeringThen(int answered, int idleMillis) {
        return (server, socket, connection) -> {
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            for (int n = 0; ; n++) {
                socket.setSoTimeout(idleMillis);
                try {
                    if (server.readRequest(in) == null || n >= answered) {
                        return;
                    }
                } catch (java.net.SocketTimeoutException idle) {
                    return; // closes the connection: the client sees a FIN while the connection sits in its pool
                }
                out.write(sentAnswer());
                out.flush();
            }
        };
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket s : accepted) {
            try {
                s.close();
            } catch (SocketException ignored) {
                // already closed
            }
        }
    }
}
