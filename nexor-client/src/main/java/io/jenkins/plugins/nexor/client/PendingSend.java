package io.jenkins.plugins.nexor.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import okhttp3.Call;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.BufferedSink;

/**
 * One send, executed once on the calling thread and cancellable from another (like OkHttp's {@code Call}).
 *
 * <p>Retries happen only where nothing can have been delivered: a 429 (waiting {@code Retry-After}, up to the
 * client's cap) and a connection that failed before the request was written (not a TLS handshake that failed: that
 * repeats). The body is one-shot, so OkHttp itself never replays it either. A pooled connection that the server has
 * already closed is noticed before writing and replaced, without counting as an attempt. A timeout while waiting
 * (the whole answer must arrive within the read timeout of the write), a reset after writing, or a 5xx ends the
 * send with an error that says the message may have been sent.
 */
public final class PendingSend {
    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
    /** Pooled connections found closed by the server that one attempt replaces, at most (the pool's idle ones). */
    private static final int MAX_STALE = ConnectionPools.MAX_IDLE + 1;

    private final NexorClient client;
    private final MessageRequest message;
    private final int maxAttempts;
    private final int attemptsBefore;
    private final Runnable onWrite;
    private volatile boolean cancelled;
    private volatile Call current;
    private volatile boolean executed;

    PendingSend(NexorClient client, MessageRequest message) {
        this(client, message, client.maxAttempts, null, 0);
    }

    /**
     * A send with its own attempt budget and a hook run just before the request is written (bulk sending retries
     * across leads itself, so it asks for one attempt at a time, says how many it made before so that messages count
     * the lead's attempts, and paces by the moment of writing).
     */
    PendingSend(NexorClient client, MessageRequest message, int maxAttempts, Runnable onWrite, int attemptsBefore) {
        this.client = client;
        this.message = message;
        this.maxAttempts = maxAttempts;
        this.onWrite = onWrite;
        this.attemptsBefore = attemptsBefore;
    }

    /** The message this send carries. */
    public MessageRequest request() {
        return message;
    }

    /** Sends the message; may be called once. */
    public MessageResult execute() throws NexorException {
        byte[] body = WireFormat.writeRequest(message);
        Request.Builder template = client.request(client.url("messages").build()).post(new OneShotBody(body));
        return WireFormat.readResult(run(template, true));
    }

    /** Stops the send: before the request is written nothing is sent; after, the answer is no longer awaited. */
    public void cancel() {
        cancelled = true;
        Call call = current;
        if (call != null) {
            call.cancel();
        }
    }

    public boolean isCancelled() {
        return cancelled;
    }

    /** A GET: same error mapping, no success flag to check. */
    JsonNode readOnly(Request request) throws NexorException {
        return run(request.newBuilder(), false);
    }

    private JsonNode run(Request.Builder template, boolean isSend) throws NexorException {
        if (executed) {
            throw new IllegalStateException("a PendingSend can be executed once");
        }
        executed = true;
        int stale = 0;
        for (int attempt = 1; ; attempt++) {
            int attempts = attemptsBefore + attempt;
            if (cancelled || Thread.currentThread().isInterrupted()) {
                throw new SendCancelledException(false, attempts - 1); // nothing of this attempt was written
            }
            Attempt progress = new Attempt(onWrite);
            Call call = client.http.newCall(template.tag(Attempt.class, progress).build());
            current = call;
            if (cancelled) {
                call.cancel();
            }
            Duration wait;
            try (Response response = call.execute()) {
                if (response.code() != 429) {
                    return Responses.read(response, client.apiKey, isSend);
                }
                Duration retryAfter = Responses.retryAfter(response);
                if (attempt >= maxAttempts || (retryAfter != null && retryAfter.compareTo(client.maxRetryAfter) > 0)) {
                    throw Responses.rateLimited(response, client.apiKey, retryAfter, attempts);
                }
                wait = retryAfter != null ? retryAfter : Duration.ofSeconds(attempt);
            } catch (IOException e) {
                if (cancelled) {
                    throw new SendCancelledException(progress.written(), attempts);
                }
                if (e instanceof StaleConnectionException && !progress.written() && stale++ < MAX_STALE) {
                    attempt--; // nothing left: the same attempt again, on another connection, at once
                    continue;
                }
                TransportException failure = Failures.of(e, progress, client, attempts);
                if (!failure.retryable() || attempt >= maxAttempts) {
                    throw failure;
                }
                wait = client.connectRetryDelay.multipliedBy(1L << (attempt - 1));
            } finally {
                progress.finish();
            }
            pause(wait, attempts);
        }
    }

    private void pause(Duration wait, int attempts) throws SendCancelledException {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SendCancelledException(false, attempts);
        }
    }

    /** The JSON body, marked one-shot so that OkHttp never writes it twice. */
    private static final class OneShotBody extends RequestBody {
        private final byte[] bytes;

        OneShotBody(byte[] bytes) {
            this.bytes = bytes;
        }

        @Override
        public MediaType contentType() {
            return JSON;
        }

        @Override
        public long contentLength() {
            return bytes.length;
        }

        @Override
        public boolean isOneShot() {
            return true;
        }

        @Override
        public void writeTo(BufferedSink sink) throws IOException {
            sink.write(bytes);
        }
    }
}
