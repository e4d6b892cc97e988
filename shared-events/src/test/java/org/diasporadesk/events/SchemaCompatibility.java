package org.diasporadesk.events;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import tools.jackson.databind.JsonNode;

/**
 * Whether a changed event schema still accepts every event its released version accepted, so that a consumer
 * built on the new schema reads the events already in the log (a replay, a restore, a slow consumer). The JSON
 * Schema keywords our contracts use are compared structurally: no newly required field, no field dropped from a
 * closed object, no type, enum value or const taken away, no new or changed pattern, format or bound, no object
 * closed that was open. Every breach is listed with its JSON path.
 */
final class SchemaCompatibility {

    private SchemaCompatibility() {
    }

    static List<String> breaches(JsonNode released, JsonNode changed) {
        List<String> breaches = new ArrayList<>();
        compare("$", released, changed, breaches);
        return breaches;
    }

    private static void compare(String path, JsonNode released, JsonNode changed, List<String> breaches) {
        Set<String> releasedTypes = types(released);
        Set<String> changedTypes = types(changed);
        if (!changedTypes.isEmpty() && !accepts(changedTypes, releasedTypes)) {
            breaches.add(path + ": type " + releasedTypes + " narrowed to " + changedTypes);
        }
        if (changed.has("enum")) {
            Set<JsonNode> allowed = new HashSet<>(changed.get("enum").values());
            if (!released.has("enum")) {
                breaches.add(path + ": an enum was added");
            }
            else {
                released.get("enum").values().stream().filter(value -> !allowed.contains(value))
                    .forEach(value -> breaches.add(path + ": enum value " + value + " was removed"));
            }
        }
        for (String keyword : List.of("const", "pattern", "format")) {
            if (changed.has(keyword) && !changed.get(keyword).equals(released.get(keyword))) {
                breaches.add(path + ": " + keyword + " " + released.get(keyword) + " became " + changed.get(keyword));
            }
        }
        for (String lowerBound : List.of("minimum", "exclusiveMinimum", "minItems", "minLength")) {
            if (changed.has(lowerBound) && (!released.has(lowerBound)
                    || changed.get(lowerBound).asDouble() > released.get(lowerBound).asDouble())) {
                breaches.add(path + ": " + lowerBound + " raised to " + changed.get(lowerBound));
            }
        }
        for (String upperBound : List.of("maximum", "exclusiveMaximum", "maxItems", "maxLength")) {
            if (changed.has(upperBound) && (!released.has(upperBound)
                    || changed.get(upperBound).asDouble() < released.get(upperBound).asDouble())) {
                breaches.add(path + ": " + upperBound + " lowered to " + changed.get(upperBound));
            }
        }
        compareObjects(path, released, changed, breaches);
        if (released.has("items") && changed.has("items")) {
            compare(path + "[]", released.get("items"), changed.get("items"), breaches);
        }
    }

    private static void compareObjects(String path, JsonNode released, JsonNode changed, List<String> breaches) {
        Set<String> wasRequired = new HashSet<>(released.path("required").values().stream().map(JsonNode::asString).toList());
        changed.path("required").values().stream().map(JsonNode::asString).filter(name -> !wasRequired.contains(name))
            .forEach(name -> breaches.add(path + "." + name + ": newly required"));
        boolean closed = changed.path("additionalProperties").isBoolean() && !changed.get("additionalProperties").asBoolean();
        boolean wasClosed = released.path("additionalProperties").isBoolean()
                && !released.get("additionalProperties").asBoolean();
        if (closed && !wasClosed) {
            breaches.add(path + ": additional properties were allowed and are now refused");
        }
        JsonNode changedProperties = changed.path("properties");
        released.path("properties").properties().forEach(property -> {
            String propertyPath = path + "." + property.getKey();
            if (changedProperties.has(property.getKey())) {
                compare(propertyPath, property.getValue(), changedProperties.get(property.getKey()), breaches);
            }
            else if (closed) {
                breaches.add(propertyPath + ": removed from an object that refuses unknown properties");
            }
        });
    }

    private static Set<String> types(JsonNode schema) {
        JsonNode type = schema.path("type");
        Set<String> types = new HashSet<>();
        if (type.isArray()) {
            type.values().forEach(value -> types.add(value.asString()));
        }
        else if (type.isString()) {
            types.add(type.asString());
        }
        return types;
    }

    /** Every released type is still accepted; an integer is also a number. */
    private static boolean accepts(Set<String> changed, Set<String> released) {
        return !released.isEmpty() && released.stream()
            .allMatch(type -> changed.contains(type) || (type.equals("integer") && changed.contains("number")));
    }
}
