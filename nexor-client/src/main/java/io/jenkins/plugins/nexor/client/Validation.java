package io.jenkins.plugins.nexor.client;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Every problem found in one request or configuration, errors and warnings, in the order of the fields.
 * Obtained from {@link MessageRequest.Builder#validate()}, {@link #ofApiKey(String)} or {@link #ofBaseUrl(String)}.
 */
public final class Validation {
    private final List<Problem> problems;

    Validation(List<Problem> problems) {
        this.problems = List.copyOf(problems);
    }

    /** Checks an API key as typed by a user: present, no whitespace or control characters; prefix is a warning. */
    public static Validation ofApiKey(String key) {
        List<Problem> found = new ArrayList<>();
        ConfigRules.checkApiKey(ApiKey.withoutBom(key), found);
        return new Validation(found);
    }

    /** Checks a base URL: an absolute http(s) URL, {@code https} unless the host is a loopback address. */
    public static Validation ofBaseUrl(String url) {
        List<Problem> found = new ArrayList<>();
        ConfigRules.checkBaseUrl(url, found);
        return new Validation(found);
    }

    /**
     * Checks one id on its own (a lead, workflow or template id, e.g. from a file of leads): present and a UUID,
     * with the same messages as a request's.
     *
     * @throws IllegalArgumentException for a field that is not an id
     */
    public static Validation ofId(Field field, String id) {
        if (field != Field.LEAD_ID && field != Field.WORKFLOW_ID && field != Field.TEMPLATE_ID) {
            throw new IllegalArgumentException(field + " is not an id field");
        }
        List<Problem> found = new ArrayList<>();
        RequestRules.id(field, id, found);
        return new Validation(found);
    }

    public List<Problem> problems() {
        return problems;
    }

    public List<Problem> errors() {
        return problems.stream().filter(Problem::isError).toList();
    }

    public List<Problem> warnings() {
        return problems.stream().filter(p -> !p.isError()).toList();
    }

    public boolean hasErrors() {
        return problems.stream().anyMatch(Problem::isError);
    }

    /** The problems about one field, for a form's per-field check. */
    public List<Problem> forField(Field field) {
        return problems.stream().filter(p -> p.field() == field).toList();
    }

    /** One line per problem, {@code field: message}, in the given locale. */
    public String describe(List<Problem> which, Locale locale) {
        return which.stream().map(p -> "- " + p.message(locale)) // every message names its field
                .collect(Collectors.joining("\n"));
    }

    @Override
    public String toString() {
        return problems.isEmpty() ? "no problems" : describe(problems, Locale.ROOT);
    }
}
