package io.jenkins.plugins.nexor.client;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Sends one message definition to many leads, fast and safely:
 * <ul>
 *   <li>every lead is validated before the first send; invalid rows and repeated leads are skipped, never sent;</li>
 *   <li>a fixed number of workers (no thread per lead), an optional cap on requests per second;</li>
 *   <li>a 429 pauses every worker for its {@code Retry-After}, and the lead is tried again (nothing was delivered);
 *       a failed connection likewise; any other failure is final for that lead: exactly once per lead;</li>
 *   <li>an authentication failure stops the run (every send would fail the same way); so does {@link BulkSend#cancel()}.</li>
 * </ul>
 * <pre>{@code
 * BulkResult r = BulkSender.builder(client).concurrency(8).maxPerSecond(20).build()
 *         .prepare(MessageRequest.builder().workflowId(wf).channel(Channel.WHATSAPP).templateId(t), recipients)
 *         .execute((entry, done, total) -> ...);
 * }</pre>
 * For leads in a file of any length, {@code prepare(message, Recipients.csv(() -> reader))} and
 * {@link BulkSend#stream} read the file twice (to validate, to send) and keep no per-lead entry in memory.
 */
public final class BulkSender {
    public static final int DEFAULT_CONCURRENCY = 4;
    public static final int MAX_CONCURRENCY = 64;
    public static final int DEFAULT_MAX_ATTEMPTS_PER_LEAD = 5;

    final NexorClient client;
    final int concurrency;
    final double maxPerSecond;
    final int maxAttemptsPerLead;
    final Duration defaultPause;

    private BulkSender(Builder b) {
        this.client = b.client;
        this.concurrency = b.concurrency;
        this.maxPerSecond = b.maxPerSecond;
        this.maxAttemptsPerLead = b.maxAttemptsPerLead;
        this.defaultPause = b.defaultPause;
    }

    public static Builder builder(NexorClient client) {
        return new Builder(Objects.requireNonNull(client, "client"));
    }

    /**
     * Validates every lead against the shared message (which has no lead id) and returns the run, not started.
     * Problems are in {@link BulkSend#invalid()}; the run skips those leads.
     */
    public BulkSend prepare(MessageRequest.Builder message, List<Recipient> recipients) {
        try {
            return prepare(message, RecipientSource.of(recipients));
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a list in memory is not read from anywhere
        }
    }

    /**
     * Like {@link #prepare(MessageRequest.Builder, List)} for leads read from a file or any other
     * {@link RecipientSource}: this reads them once to validate them, {@link BulkSend} once more to send.
     *
     * @throws IOException              when the leads cannot be read
     * @throws IllegalArgumentException when they are not well-formed (e.g. a CSV file without a {@code lead_id} column)
     */
    public BulkSend prepare(MessageRequest.Builder message, RecipientSource recipients) throws IOException {
        return new BulkSend(this, message, recipients);
    }

    /** Settings of a {@link BulkSender}. */
    public static final class Builder {
        private final NexorClient client;
        private int concurrency = DEFAULT_CONCURRENCY;
        private double maxPerSecond;
        private int maxAttemptsPerLead = DEFAULT_MAX_ATTEMPTS_PER_LEAD;
        private Duration defaultPause = Duration.ofSeconds(1);

        private Builder(NexorClient client) {
            this.client = client;
        }

        /** Sends in flight at once (1 to 64; default 4). */
        public Builder concurrency(int concurrency) {
            if (concurrency < 1 || concurrency > MAX_CONCURRENCY) {
                throw new IllegalArgumentException(
                        "concurrency must be between 1 and " + MAX_CONCURRENCY + ", got " + concurrency);
            }
            this.concurrency = concurrency;
            return this;
        }

        /** Requests started per second at most, evenly spaced; 0 (default) means no cap. */
        public Builder maxPerSecond(double maxPerSecond) {
            if (maxPerSecond < 0 || Double.isNaN(maxPerSecond)) {
                throw new IllegalArgumentException("maxPerSecond must be 0 (no cap) or positive");
            }
            this.maxPerSecond = maxPerSecond;
            return this;
        }

        /** Tries per lead when nothing was delivered (429, failed connection); default 5. */
        public Builder maxAttemptsPerLead(int attempts) {
            if (attempts < 1 || attempts > 20) {
                throw new IllegalArgumentException("maxAttemptsPerLead must be between 1 and 20, got " + attempts);
            }
            this.maxAttemptsPerLead = attempts;
            return this;
        }

        /** The shared pause after a 429 without {@code Retry-After} (default 1 s). */
        public Builder defaultPause(Duration pause) {
            this.defaultPause = Objects.requireNonNull(pause);
            return this;
        }

        public BulkSender build() {
            return new BulkSender(this);
        }
    }
}
