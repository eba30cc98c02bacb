package io.jenkins.plugins.nexor;

import hudson.EnvVars;
import hudson.model.EnvironmentContributingAction;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.util.CopyOnWriteList;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import jenkins.model.RunAction2;
import jenkins.security.stapler.StaplerDispatchable;

/**
 * The messages sent by one build: shown as a summary on the build page, and the last successful send's ids
 * exported to later build steps as {@code NEXOR_MESSAGE_ID}, {@code NEXOR_PROVIDER_MESSAGE_ID},
 * {@code NEXOR_ACTIVITY_ID}, {@code NEXOR_CALL_ID}, {@code NEXOR_CALL_STATUS} and {@code NEXOR_CHANNEL}; the last
 * finished bulk send's counts as {@code NEXOR_BULK_TOTAL}, {@code NEXOR_BULK_SENT}, {@code NEXOR_BULK_NOT_SENT} and its
 * results file as {@code NEXOR_BULK_RESULTS}. Each bulk send's per-lead results are paged at
 * {@code <build>/nexor/bulk/<n>/} ({@link BulkReport}); the action has no side-panel link.
 *
 * <p>Sends are added on the steps' threads while the build record may be written on another (a Pipeline saves
 * {@code build.xml} from its own thread): both lists are copy-on-write ({@link CopyOnWriteList}, which Jenkins'
 * XStream reads and writes), so XStream never iterates a list that is being changed, and an element is replaced
 * rather than changed. Records written when the fields were {@code ArrayList}s load unchanged (XStream writes both as
 * the same list of elements).
 */
public final class NexorSendAction implements RunAction2, EnvironmentContributingAction {
    private CopyOnWriteList<SentMessage> messages = new CopyOnWriteList<>();
    /** Bulk sends; absent in build records written before bulk sending existed. */
    private CopyOnWriteList<BulkSummary> bulkSends = new CopyOnWriteList<>();

    private transient Run<?, ?> run;

    /** Fields missing from older build records (XStream does not run the initialisers). */
    private Object readResolve() {
        if (messages == null) {
            messages = new CopyOnWriteList<>();
        }
        if (bulkSends == null) {
            bulkSends = new CopyOnWriteList<>();
        }
        return this;
    }

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

    /**
     * Records a send and saves the build record, so that the build page lists it even if Jenkins stops right after
     * (a save that fails is reported in the console; the send stays listed in memory).
     */
    void record(SentMessage message, TaskListener listener) {
        messages.add(message);
        save(run, listener);
    }

    /**
     * Adds a bulk send that is starting, numbered after the build's earlier ones (1 for the first); {@code summary}
     * makes its summary from its number. Not saved: the caller saves.
     */
    synchronized BulkSummary begin(IntFunction<BulkSummary> summary) {
        BulkSummary bulk = summary.apply(bulkSends.size() + 1);
        bulkSends.add(bulk);
        return bulk;
    }

    /** Replaces the summary of the same number (a bulk send that ended, or was resumed). Not saved. */
    synchronized void update(BulkSummary bulk) {
        List<BulkSummary> all = new ArrayList<>(bulkSends.getView());
        all.replaceAll(b -> b.getNumber() == bulk.getNumber() ? bulk : b);
        bulkSends.replaceBy(all);
    }

    /** The bulk send started by the Pipeline step execution {@code id}, or null: it had not started. */
    BulkSummary bulk(String id) {
        for (BulkSummary b : bulkSends) {
            if (id.equals(b.getId())) {
                return b;
            }
        }
        return null;
    }

    /** Saves the build record; a failure is reported in the console, not thrown (what was sent is sent). */
    static void save(Run<?, ?> run, TaskListener listener) {
        try {
            run.save();
        } catch (IOException | RuntimeException e) {
            listener.getLogger().println(Messages.Console_notSaved(e.toString()));
        }
    }

    public List<BulkSummary> getBulkSends() {
        return bulkSends.getView();
    }

    public List<SentMessage> getMessages() {
        return messages.getView();
    }

    /** The page of the bulk send with this number (1-based), or null (404) when there is none. */
    @StaplerDispatchable
    public BulkReport getBulk(int number) {
        for (BulkSummary b : bulkSends) {
            if (b.getNumber() == number) {
                return new BulkReport(run, b);
            }
        }
        return null;
    }

    public long getSentCount() {
        return getMessages().stream().filter(m -> m.getResult().isSuccess()).count();
    }

    public Run<?, ?> getRun() {
        return run;
    }

    @Override
    public void buildEnvironment(Run<?, ?> run, EnvVars env) {
        BulkSummary bulk = null;
        for (BulkSummary b : bulkSends) {
            if (!b.isRunning()) {
                bulk = b; // the last one that ended
            }
        }
        if (bulk != null) {
            put(env, "NEXOR_BULK_TOTAL", Integer.toString(bulk.getTotal()));
            put(env, "NEXOR_BULK_SENT", Integer.toString(bulk.getSent()));
            put(env, "NEXOR_BULK_NOT_SENT", Integer.toString(bulk.getNotSentCount()));
            put(env, "NEXOR_BULK_RESULTS", bulk.getArtifact());
        }
        SentMessage last = null;
        for (SentMessage m : messages) {
            if (m.getResult().isSuccess()) {
                last = m;
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
