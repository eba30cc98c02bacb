package io.jenkins.plugins.nexor.client;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The leads of a bulk send, readable more than once: {@link BulkSender#prepare} reads them once to validate every
 * row, {@link BulkSend} once more to send, so a file of any length is never held in memory. Each pass must give the
 * same rows in the same order (a row that changed in between is not sent; see {@link BulkSend}).
 */
@FunctionalInterface
public interface RecipientSource {
    /** A new pass over the leads from the first; the caller closes the stream. */
    Stream<Recipient> open() throws IOException;

    /**
     * The per-lead fields the leads may give ({@link SharedMessage#PER_LEAD} names), known without reading them: all
     * of them unless the source knows better (a CSV file's header names its columns).
     */
    default Set<String> perLeadColumns() throws IOException {
        return SharedMessage.PER_LEAD;
    }

    /** Leads already in memory. */
    static RecipientSource of(List<Recipient> recipients) {
        List<Recipient> copy = recipients.stream().map(Recipient::orEmpty).toList();
        return copy::stream;
    }
}
