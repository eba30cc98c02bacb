package io.jenkins.plugins.nexor;

import hudson.EnvVars;
import hudson.model.EnvironmentContributingAction;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.util.CopyOnWriteList;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.logging.Level;
import java.util.logging.Logger;
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
 *
 * <p>A single send does not save the build record: it is made durable by the build's send log ({@link SendLog}), a
 * line before the request leaves and one with the outcome. The build record is saved once, with this action, before
 * the build's first single send, so that a build read from disk has this action, which then reads the log (when its
 * messages are first asked for) and lists the sends {@code build.xml} lacks: those made since its last save, and a
 * send that was in flight when Jenkins stopped, as one that may have been sent.
 */
public final class NexorSendAction implements RunAction2, EnvironmentContributingAction {
    private static final Logger LOGGER = Logger.getLogger(NexorSendAction.class.getName());

    private CopyOnWriteList<SentMessage> messages = new CopyOnWriteList<>();
    /** Bulk sends; absent in build records written before bulk sending existed. */
    private CopyOnWriteList<BulkSummary> bulkSends = new CopyOnWriteList<>();

    private transient Run<?, ?> run;
    /** The build's send log; null until the action is attached to (or loaded with) its build. */
    private transient volatile SendLog log;
    /** The highest send number given or read so far. */
    private transient AtomicInteger lastSeq = new AtomicInteger();
    /** Whether {@link #messages} holds what the send log lists (read once, when first needed). */
    private transient volatile boolean merged = true;
    /** Whether the build record on disk is known to hold this action (so that a reload reads the send log). */
    private transient volatile boolean inBuildRecord;

    private transient Object saveLock = new Object();

    /** Fields missing from older build records, and the transient ones (XStream does not run the initialisers). */
    private Object readResolve() {
        if (messages == null) {
            messages = new CopyOnWriteList<>();
        }
        if (bulkSends == null) {
            bulkSends = new CopyOnWriteList<>();
        }
        lastSeq = new AtomicInteger();
        merged = false;
        saveLock = new Object();
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
     * The build's action for a single send. The first time, the build record is saved with it, so that a build read
     * from disk has the action that reads the send log (a save that fails is reported in the console and tried again
     * at the next send; the send log is written all the same).
     */
    static NexorSendAction forSends(Run<?, ?> run, TaskListener listener) {
        NexorSendAction action = of(run);
        if (!action.inBuildRecord) {
            synchronized (action.saveLock) {
                if (!action.inBuildRecord) {
                    try {
                        run.save();
                        action.inBuildRecord = true;
                    } catch (IOException | RuntimeException e) {
                        listener.getLogger().println(Messages.Console_notSaved(e.toString()));
                    }
                }
            }
        }
        return action;
    }

    /**
     * A message's request is about to leave: numbers the send and writes its {@code SENDING} line to the send log,
     * on the disk when {@code sync} (else handed to the operating system), before this returns.
     *
     * @return the send's number, for {@link #record}
     * @throws IOException when the line could not be written (the message must not be sent then)
     */
    int sending(String channel, String leadId, String workflowId, boolean sync) throws IOException {
        merge();
        int seq = lastSeq.incrementAndGet();
        log().sending(seq, System.currentTimeMillis(), channel, leadId, workflowId, sync);
        return seq;
    }

    /**
     * Records a send's outcome: listed on the build page, and its line written to the send log (not synced). A
     * message without a number (no {@link #sending} line) gets the next one. The build record is not saved. A line that
     * cannot be written is reported in the console; the send stays listed in memory, and after a restart it reads as
     * one that may have been sent.
     */
    SentMessage record(SentMessage message, TaskListener listener) {
        merge();
        SentMessage m = message.seq() > 0 ? message : message.numbered(lastSeq.incrementAndGet());
        messages.add(m);
        try {
            log().outcome(m);
        } catch (IOException e) {
            listener.getLogger().println(Messages.Console_logNotWritten(SendLog.FILE, e.toString()));
        }
        return m;
    }

    private SendLog log() throws IOException {
        SendLog l = log;
        if (l == null) {
            throw new IOException("the Nexor action is not attached to a build");
        }
        return l;
    }

    /**
     * Once: adds to {@link #messages} the sends of the send log that it lacks (in the log's order, after the others),
     * and numbers new sends after every number used. A log that cannot be read is logged; the build record's sends
     * are listed then.
     */
    private void merge() {
        if (merged) {
            return;
        }
        synchronized (this) {
            if (merged) {
                return;
            }
            int max = 0;
            Set<Integer> known = new HashSet<>();
            for (SentMessage m : messages) {
                known.add(m.seq());
                max = Math.max(max, m.seq());
            }
            SendLog l = log;
            if (l != null) {
                try {
                    List<SentMessage> missing = new ArrayList<>();
                    for (SentMessage m : l.read(Messages::SendLog_inFlight)) {
                        max = Math.max(max, m.seq());
                        if (!known.contains(m.seq())) {
                            missing.add(m);
                        }
                    }
                    if (!missing.isEmpty()) {
                        messages.addAll(missing);
                    }
                } catch (IOException | RuntimeException e) {
                    LOGGER.log(
                            Level.WARNING, "Could not read " + l.file() + "; listing the sends of the build record", e);
                }
            }
            int highest = max;
            lastSeq.accumulateAndGet(highest, Math::max);
            merged = true;
        }
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
        merge();
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
        List<SentMessage> all = getMessages();
        for (int i = all.size() - 1; i >= 0 && last == null; i--) { // every step asks: from the end, not every send
            if (all.get(i).getResult().isSuccess()) {
                last = all.get(i);
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
        SendLog l = new SendLog(r.getRootDir().toPath());
        this.log = l;
        merged = !Files.exists(l.file()); // a log whose action build.xml lacks: a crash before the first save
    }

    @Override
    public void onLoad(Run<?, ?> r) {
        this.run = r;
        this.log = new SendLog(r.getRootDir().toPath());
        merged = false; // read when the messages are first needed, not for every build Jenkins loads
        inBuildRecord = true;
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
