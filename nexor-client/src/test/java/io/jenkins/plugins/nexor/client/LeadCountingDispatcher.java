package io.jenkins.plugins.nexor.client;

import static io.jenkins.plugins.nexor.client.Fixtures.sentWhatsapp;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

/** A bulk test's Nexor: answers each message with a function of its lead, counting requests per lead and when. */
final class LeadCountingDispatcher extends Dispatcher {
    /** The answer to one message, by its lead; may wait. */
    @FunctionalInterface
    interface Answer {
        MockResponse forLead(String lead) throws InterruptedException;
    }

    final Map<String, AtomicInteger> requestsPerLead = new ConcurrentHashMap<>();
    final List<Long> startTimes = new CopyOnWriteArrayList<>();
    volatile Answer answer = lead -> sentWhatsapp();

    @Override
    public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
        startTimes.add(System.nanoTime());
        String lead = WireFormat.text(WireFormat.readObject(request.getBody().toByteArray()), "lead_id");
        requestsPerLead.computeIfAbsent(lead, l -> new AtomicInteger()).incrementAndGet();
        return answer.forLead(lead);
    }
}
