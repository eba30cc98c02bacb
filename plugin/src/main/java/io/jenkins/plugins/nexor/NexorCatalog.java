package io.jenkins.plugins.nexor;

import hudson.model.Item;
import hudson.util.ComboBoxModel;
import io.jenkins.plugins.nexor.client.NexorClient;
import io.jenkins.plugins.nexor.client.NexorException;
import io.jenkins.plugins.nexor.client.Template;
import io.jenkins.plugins.nexor.client.Validation;
import io.jenkins.plugins.nexor.client.Workflow;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The account's workflows and approved templates, for the forms' drop-downs: fetched with the credential chosen in
 * the form (or the global default), cached for five minutes per key, empty when Nexor cannot be reached (the fields
 * then stay free text). Callers check permissions first.
 */
final class NexorCatalog {
    private static final Logger LOGGER = Logger.getLogger(NexorCatalog.class.getName());
    private static final long TTL_NANOS = TimeUnit.MINUTES.toNanos(5);
    private static final Map<String, Entry> CACHE = new ConcurrentHashMap<>();

    private record Entry(long at, List<Workflow> workflows, List<Template> templates) {}

    private NexorCatalog() {}

    static ComboBoxModel workflowIds(Item item, String credentialsId) {
        ComboBoxModel model = new ComboBoxModel();
        entry(item, credentialsId).workflows().forEach(w -> model.add(w.id()));
        return model;
    }

    static ComboBoxModel templateIds(Item item, String credentialsId) {
        ComboBoxModel model = new ComboBoxModel();
        entry(item, credentialsId).templates().forEach(t -> model.add(t.id()));
        return model;
    }

    /** The name of a workflow of the account, or null when unknown or Nexor cannot be reached. */
    static String workflowName(Item item, String credentialsId, String id) {
        return entry(item, credentialsId).workflows().stream()
                .filter(w -> w.id() != null && w.id().equalsIgnoreCase(id.strip()))
                .map(Workflow::name)
                .findFirst()
                .orElse(null);
    }

    /** The name and language of an approved template, or null. */
    static String templateName(Item item, String credentialsId, String id) {
        return entry(item, credentialsId).templates().stream()
                .filter(t -> t.id() != null && t.id().equalsIgnoreCase(id.strip()))
                .map(t -> t.name() + " (" + t.language() + ")")
                .findFirst()
                .orElse(null);
    }

    static void clear() {
        CACHE.clear();
    }

    private static Entry entry(Item item, String credentialsId) {
        Entry empty = new Entry(0, List.of(), List.of());
        String key = key(item, credentialsId);
        if (key == null || Validation.ofApiKey(key).hasErrors()) {
            return empty;
        }
        NexorClient client = NexorClients.get().client(key);
        String cacheKey = NexorClients.digest(key);
        Entry cached = CACHE.get(cacheKey);
        if (cached != null && System.nanoTime() - cached.at() < TTL_NANOS) {
            return cached;
        }
        try {
            Entry fresh = new Entry(System.nanoTime(), client.workflows(), client.templates("APPROVED"));
            CACHE.put(cacheKey, fresh);
            return fresh;
        } catch (NexorException e) {
            LOGGER.log(Level.FINE, "Nexor workflows/templates not available for the form: {0}", e.getMessage());
            return empty;
        }
    }

    /** The key of the form's credential (or the global default), as the item would see it at run time. */
    private static String key(Item item, String credentialsId) {
        String id = ApiKeyCredentials.orDefault(credentialsId);
        return id == null ? null : ApiKeyCredentials.keyFor(item, id);
    }
}
