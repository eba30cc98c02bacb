package io.jenkins.plugins.nexor.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.Map;

/**
 * WhatsApp template parameters in Meta's format: a JSON array of objects, passed to Nexor unchanged.
 * Accepts a JSON string, or a parsed structure of lists, maps, strings (any {@link CharSequence}, e.g. a Groovy
 * GString), numbers, booleans and nulls, as Pipeline scripts and YAML produce them.
 */
public final class Components {
    private static final JsonNodeFactory NODES = WireFormat.MAPPER.getNodeFactory();

    private final ArrayNode array;

    private Components(ArrayNode array) {
        this.array = array;
    }

    /**
     * Converts user input to components.
     *
     * @throws IllegalArgumentException with a readable reason (no field name) when the input is not an array of objects
     */
    public static Components of(Object input) {
        JsonNode node;
        if (input instanceof Components c) {
            return c;
        } else if (input instanceof CharSequence text) {
            node = WireFormat.readWhole(text.toString());
        } else if (input instanceof JsonNode n) {
            node = n.deepCopy();
        } else {
            node = toNode(input, "components");
        }
        if (node == null || !node.isArray()) {
            throw new IllegalArgumentException("expected a JSON array, got " + kind(node));
        }
        for (int i = 0; i < node.size(); i++) {
            if (!node.get(i).isObject()) {
                throw new IllegalArgumentException("element " + i + " is " + kind(node.get(i)) + ", not an object");
            }
        }
        return new Components((ArrayNode) node);
    }

    private static JsonNode toNode(Object value, String path) {
        if (value == null) {
            return NODES.nullNode();
        } else if (value instanceof CharSequence s) {
            return NODES.textNode(s.toString());
        } else if (value instanceof Boolean b) {
            return NODES.booleanNode(b);
        } else if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return NODES.numberNode(((Number) value).longValue());
        } else if (value instanceof BigInteger b) {
            return NODES.numberNode(b);
        } else if (value instanceof BigDecimal b) {
            return NODES.numberNode(b);
        } else if (value instanceof Double || value instanceof Float) {
            return NODES.numberNode(((Number) value).doubleValue());
        } else if (value instanceof Map<?, ?> map) {
            ObjectNode object = NODES.objectNode();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                String key = String.valueOf(e.getKey());
                object.set(key, toNode(e.getValue(), path + "." + key));
            }
            return object;
        } else if (value instanceof Collection<?> list) {
            ArrayNode array = NODES.arrayNode();
            int i = 0;
            for (Object item : list) {
                array.add(toNode(item, path + "[" + i++ + "]"));
            }
            return array;
        } else if (value instanceof Object[] items) {
            return toNode(java.util.Arrays.asList(items), path);
        }
        throw new IllegalArgumentException(path + " holds a " + value.getClass().getSimpleName()
                + "; only lists, maps, strings, numbers, booleans and null are allowed");
    }

    private static String kind(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "nothing";
        }
        return switch (node.getNodeType()) {
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
            default -> node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
        };
    }

    /** Number of components (objects in the array). */
    public int size() {
        return array.size();
    }

    /** The components as compact JSON, exactly what is sent. */
    public String toJson() {
        return array.toString();
    }

    ArrayNode node() {
        return array;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Components c && c.array.equals(array);
    }

    @Override
    public int hashCode() {
        return array.hashCode();
    }

    @Override
    public String toString() {
        return toJson();
    }
}
