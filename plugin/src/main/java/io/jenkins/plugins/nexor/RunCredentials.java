package io.jenkins.plugins.nexor;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.AbortException;
import hudson.Extension;
import hudson.model.Run;
import hudson.model.listeners.RunListener;
import io.jenkins.plugins.nexor.client.NexorClient;
import io.jenkins.plugins.nexor.client.Validation;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * The API keys of the builds that are sending: each credentials id of a build is looked up in the build's context
 * (folders, {@code ${PARAM}} ids: {@link ApiKeyCredentials#resolve}), checked, and its use tracked once per build, not
 * once per send. A credential changed while a build runs is used from the next build on (every send of a build uses
 * the same key), except after Nexor refused the key: the next send looks it up again ({@link #forget}).
 *
 * <p>Held in memory only, in a map keyed weakly by the build and emptied when the build is finalized: never in a build
 * record, a log or a {@code toString()}.
 */
final class RunCredentials {
    private static final Map<Run<?, ?>, Keys> BY_RUN = Collections.synchronizedMap(new WeakHashMap<>());

    private RunCredentials() {}

    /** A build's keys by credentials id; guarded by itself. */
    private static final class Keys {
        private final Map<String, Key> byId = new HashMap<>();
    }

    /** A build's key for one credentials id. */
    static final class Key {
        private final String key;
        private final List<String> warnings;

        private Key(String key, List<String> warnings) {
            this.key = key;
            this.warnings = warnings;
        }

        /** What checking the key found that does not stop a send (e.g. an unusual prefix), for the console. */
        List<String> warnings() {
            return warnings;
        }

        /**
         * The shared client for this key and the current global configuration (looked up per send: a digest and a
         * map lookup, well under a microsecond, and a configuration saved during the build applies at once).
         */
        NexorClient client() {
            return NexorClients.get().client(key);
        }

        @Override
        public String toString() {
            return "RunCredentials.Key{(redacted)}";
        }
    }

    /**
     * The key of a credentials id for a build, looked up the first time.
     *
     * @throws AbortException naming the id when it is missing, unknown, of the wrong type or unusable (not kept: the
     *                        next send looks it up again)
     */
    static Key get(Run<?, ?> run, String credentialsId) throws AbortException {
        Keys keys = BY_RUN.computeIfAbsent(run, r -> new Keys());
        String id = credentialsId == null ? "" : credentialsId;
        synchronized (keys) { // one lookup per build and id, even when parallel branches send at once
            Key found = keys.byId.get(id);
            if (found == null) {
                found = lookUp(run, credentialsId);
                keys.byId.put(id, found);
            }
            return found;
        }
    }

    private static Key lookUp(Run<?, ?> run, String credentialsId) throws AbortException {
        String key = ApiKeyCredentials.resolve(run, credentialsId);
        Validation check = Validation.ofApiKey(key);
        if (check.hasErrors()) {
            throw new AbortException(Messages.Credentials_badKey(
                    credentialsId, check.errors().get(0).message()));
        }
        return new Key(key, check.warnings().stream().map(w -> w.message()).toList());
    }

    /** Nexor refused the key of this id: the build's next send looks the credential up again. */
    static void forget(Run<?, ?> run, String credentialsId) {
        Keys keys = BY_RUN.get(run);
        if (keys != null) {
            synchronized (keys) {
                keys.byId.remove(credentialsId == null ? "" : credentialsId);
            }
        }
    }

    /** Drops a build's keys when it is finalized (a later send, if any, looks them up again). */
    @Extension
    public static final class Cleanup extends RunListener<Run<?, ?>> {
        @Override
        public void onFinalized(Run<?, ?> run) {
            BY_RUN.remove(run);
        }

        @Override
        public void onDeleted(@NonNull Run<?, ?> run) {
            BY_RUN.remove(run);
        }
    }

    /** For tests: whether a build holds keys. */
    static boolean holds(Run<?, ?> run) {
        return BY_RUN.containsKey(run);
    }
}
