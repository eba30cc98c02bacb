package io.jenkins.plugins.nexor.sandbox;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the sandbox received and sent, bounded: the last N requests and messages (texts cut at {@link #MAX_TEXT}
 * characters), and a send count per lead that survives the trimming (so "no lead sent twice" holds for long runs).
 */
final class Journal {
    /** Longest text kept per body or content: 1000 entries then take a few tens of MB at most. */
    static final int MAX_TEXT = 16 * 1024;

    private final int capacity;
    private final Deque<RecordedRequest> requests = new ArrayDeque<>();
    private final Deque<SentMessage> messages = new ArrayDeque<>();
    private final Map<String, AtomicInteger> sentPerLead = new ConcurrentHashMap<>();

    Journal(int capacity) {
        this.capacity = capacity;
    }

    synchronized void add(RecordedRequest request) {
        requests.addLast(request);
        while (requests.size() > capacity) {
            requests.removeFirst();
        }
    }

    synchronized void add(SentMessage message) {
        messages.addLast(message);
        while (messages.size() > capacity) {
            messages.removeFirst();
        }
        sentPerLead.computeIfAbsent(message.leadId().toLowerCase(Locale.ROOT), k -> new AtomicInteger())
                .incrementAndGet();
    }

    synchronized List<RecordedRequest> requests() {
        return List.copyOf(requests);
    }

    synchronized List<SentMessage> messages() {
        return List.copyOf(messages);
    }

    /** Messages to one lead, newest first, filtered by channel (null: all). */
    synchronized List<SentMessage> history(String leadId, java.util.Set<String> channels) {
        List<SentMessage> out = new ArrayList<>();
        messages.descendingIterator().forEachRemaining(m -> {
            if (m.leadId().equalsIgnoreCase(leadId) && (channels == null || channels.contains(m.channel()))) {
                out.add(m);
            }
        });
        return out;
    }

    int sentCount(String leadId) {
        AtomicInteger n = sentPerLead.get(leadId.toLowerCase(Locale.ROOT));
        return n == null ? 0 : n.get();
    }

    Map<String, Integer> sentCounts() {
        Map<String, Integer> out = new java.util.TreeMap<>();
        sentPerLead.forEach((k, v) -> out.put(k, v.get()));
        return out;
    }

    /** The text, or its first {@link #MAX_TEXT} characters and a note saying how long it was. */
    static String cap(String text) {
        if (text == null || text.length() <= MAX_TEXT) {
            return text;
        }
        return text.substring(0, MAX_TEXT) + "… (" + text.length() + " characters, cut by the sandbox)";
    }

    synchronized void clear() {
        requests.clear();
        messages.clear();
        sentPerLead.clear();
    }
}
