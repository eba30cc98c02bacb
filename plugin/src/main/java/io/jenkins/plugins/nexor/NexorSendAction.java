package io.jenkins.plugins.nexor;

import hudson.EnvVars;
import hudson.model.EnvironmentContributingAction;
import hudson.model.Run;
import java.util.ArrayList;
import java.util.List;
import jenkins.model.RunAction2;
import jenkins.security.stapler.StaplerDispatchable;

/**
 * The messages sent by one build: shown as a summary on the build page, and the last successful send's ids
 * exported to later build steps as {@code NEXOR_MESSAGE_ID}, {@code NEXOR_PROVIDER_MESSAGE_ID},
 * {@code NEXOR_ACTIVITY_ID}, {@code NEXOR_CALL_ID}, {@code NEXOR_CALL_STATUS} and {@code NEXOR_CHANNEL}; the last
 * bulk send's counts as {@code NEXOR_BULK_TOTAL}, {@code NEXOR_BULK_SENT}, {@code NEXOR_BULK_NOT_SENT} and its
 * results file as {@code NEXOR_BULK_RESULTS}. Each bulk send's per-lead results are paged at
 * {@code <build>/nexor/bulk/<n>/} ({@link BulkReport}); the action has no side-panel link.
 */
public final class NexorSendAction implements RunAction2, EnvironmentContributingAction {
    private final List<SentMessage> messages = new ArrayList<>();
    /** Bulk sends; null in build records written before bulk sending existed. */
    private List<BulkSummary> bulkSends = new ArrayList<>();

    private transient Run<?, ?> run;

    /** The build's action, added on first use. */
    static NexorSendAction of(Run<?, ?> run) {
        synchronized (NexorSendAction.class) {
            NexorSendAction action = run.getAction(NexorSendAction.class);
            if (action == null) {
                action = new NexorSendAction();
                run.addAction(action);
            }
            return action;
        }
    }

    synchronized void add(SentMessage message) {
        messages.add(message);
    }

    synchronized void add(BulkSummary bulk) {
        if (bulkSends == null) {
            bulkSends = new ArrayList<>();
        }
        bulkSends.add(bulk);
    }

    public synchronized List<BulkSummary> getBulkSends() {
        return bulkSends == null ? List.of() : List.copyOf(bulkSends);
    }

    public synchronized List<SentMessage> getMessages() {
        return List.copyOf(messages);
    }

    /** The page of the n-th bulk send (1-based), or null (404) when there is none. */
    @StaplerDispatchable
    public BulkReport getBulk(int number) {
        List<BulkSummary> bulks = getBulkSends();
        if (number < 1 || number > bulks.size()) {
            return null;
        }
        return new BulkReport(run, bulks.get(number - 1));
    }

    public synchronized long getSentCount() {
        return messages.stream().filter(m -> m.getResult().isSuccess()).count();
    }

    public Run<?, ?> getRun() {
        return run;
    }

    @Override
    public void buildEnvironment(Run<?, ?> run, EnvVars env) {
        List<BulkSummary> bulks = getBulkSends();
        if (!bulks.isEmpty()) {
            BulkSummary bulk = bulks.get(bulks.size() - 1);
            put(env, "NEXOR_BULK_TOTAL", Integer.toString(bulk.getTotal()));
            put(env, "NEXOR_BULK_SENT", Integer.toString(bulk.getSent()));
            put(env, "NEXOR_BULK_NOT_SENT", Integer.toString(bulk.getNotSentCount()));
            put(env, "NEXOR_BULK_RESULTS", bulk.getArtifact());
        }
        SentMessage last = null;
        synchronized (this) {
            for (SentMessage m : new ArrayList<>(messages)) {
                if (m.getResult().isSuccess()) {
                    last = m;
                }
            }
        }
        if (last == null) {
            return;
        }
        NexorSendResult r = last.getResult();
        put(env, "NEXOR_CHANNEL", r.getChannel());
        put(env, "NEXOR_MESSAGE_ID", r.getMessageId());
        put(env, "NEXOR_PROVIDER_MESSAGE_ID", r.getProviderMessageId());
        put(env, "NEXOR_ACTIVITY_ID", r.getActivityId());
        put(env, "NEXOR_CALL_ID", r.getCallId());
        put(env, "NEXOR_CALL_STATUS", r.getCallStatus());
    }

    private static void put(EnvVars env, String name, String value) {
        if (value != null) {
            env.put(name, value);
        }
    }

    @Override
    public void onAttached(Run<?, ?> r) {
        this.run = r;
    }

    @Override
    public void onLoad(Run<?, ?> r) {
        this.run = r;
    }

    @Override
    public String getIconFileName() {
        return null; // summary on the build page only
    }

    @Override
    public String getDisplayName() {
        return Messages.NexorSendAction_displayName();
    }

    @Override
    public String getUrlName() {
        return "nexor"; // no side-panel link (no icon), but the bulk pages need a URL
    }
}
