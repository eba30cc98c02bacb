package io.jenkins.plugins.nexor.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.nexor.client.Components;
import io.jenkins.plugins.nexor.client.Template;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a WhatsApp template's variables ({@code {{1}}}, {@code {{2}}}, …) are, read from its definition, and whether
 * a request sends any parameter for them: Meta refuses to send a template that has variables without parameters.
 */
final class TemplateParameters {
    private static final Pattern VARIABLE = Pattern.compile("\\{\\{\\s*([^{}]+?)\\s*}}");

    /** A part of the template that takes parameters: the header, the body or a button (by its index). */
    record Place(String type, Integer buttonIndex, List<String> variables) {
        String describe() {
            String where = buttonIndex == null ? "the " + type : "button " + buttonIndex;
            return variables.size() + " in " + where + " (" + String.join(", ", variables.stream()
                    .map(v -> "{{" + v + "}}").toList()) + ")";
        }
    }

    private TemplateParameters() {}

    /**
     * The refusal message when the template has variables and the components send no parameter at all; null when
     * the request may go (a template without variables, or parameters sent: their number is not checked).
     */
    static String missing(Template template, Components components) {
        List<Place> places = places(template);
        if (places.isEmpty() || sent(components) > 0) {
            return null;
        }
        int needed = places.stream().mapToInt(p -> p.variables().size()).sum();
        List<String> parts = places.stream().map(Place::describe).toList();
        String where = parts.size() == 1 ? parts.get(0)
                : String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.get(parts.size() - 1);
        return "Template " + template.name() + " needs " + needed + (needed == 1 ? " parameter" : " parameters")
                + " and the request sends none: " + where + ". Send them in components, e.g. " + example(places);
    }

    /** The places of the template's variables, from its definition; else its variable list, taken as the body. */
    static List<Place> places(Template template) {
        List<Place> places = new ArrayList<>();
        for (JsonNode component : definition(template)) {
            String type = component.path("type").asText("").toLowerCase(Locale.ROOT);
            if (type.equals("buttons")) {
                JsonNode buttons = component.path("buttons");
                for (int i = 0; i < buttons.size(); i++) {
                    add(places, "button", i, variables(buttons.get(i).path("url").asText("")));
                }
            } else {
                add(places, type, null, variables(component.path("text").asText("")));
            }
        }
        if (places.isEmpty() && !template.variables().isEmpty()) {
            places.add(new Place("body", null, List.copyOf(new LinkedHashSet<>(template.variables()))));
        }
        return places;
    }

    /** Parameters in the request's components (every {@code parameters} array counted). */
    static int sent(Components components) {
        if (components == null) {
            return 0;
        }
        int count = 0;
        for (JsonNode component : parse(components.toJson())) {
            count += component.path("parameters").size();
        }
        return count;
    }

    private static void add(List<Place> places, String type, Integer index, List<String> variables) {
        if (!variables.isEmpty()) {
            places.add(new Place(type, index, variables));
        }
    }

    private static List<String> variables(String text) {
        Set<String> found = new LinkedHashSet<>();
        Matcher m = VARIABLE.matcher(text);
        while (m.find()) {
            found.add(m.group(1));
        }
        return List.copyOf(found);
    }

    private static JsonNode definition(Template template) {
        return template.components() == null ? SandboxJson.array() : parse(template.components());
    }

    private static JsonNode parse(String json) {
        try {
            JsonNode node = SandboxJson.MAPPER.readTree(json);
            return node != null && node.isArray() ? node : SandboxJson.array();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return SandboxJson.array(); // a definition the sandbox cannot read: nothing to check
        }
    }

    /** Components in Meta's format with a placeholder parameter for each variable. */
    private static String example(List<Place> places) {
        ArrayNode array = SandboxJson.array();
        for (Place p : places) {
            ObjectNode c = array.addObject().put("type", p.type());
            if (p.buttonIndex() != null) {
                c.put("sub_type", "url").put("index", Integer.toString(p.buttonIndex()));
            }
            ArrayNode parameters = c.putArray("parameters");
            p.variables().forEach(v -> parameters.addObject().put("type", "text").put("text", "…"));
        }
        return array.toString();
    }
}
