package org.chibo.contracts;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import tools.jackson.databind.JsonNode;

/**
 * The evolution rule for a released schema: a later version may only add optional properties. Everything the
 * frozen copy says must still be said the same way, and nothing new may become required.
 */
final class SchemaCompatibility {

    private SchemaCompatibility() {
    }

    /** Returns every breaking difference, each naming the JSON pointer where it sits; empty when compatible. */
    static List<String> breakingChanges(JsonNode frozen, JsonNode current) {
        List<String> problems = new ArrayList<>();
        compare("", frozen, current, problems);
        return problems;
    }

    private static void compare(String at, JsonNode frozen, JsonNode current, List<String> problems) {
        if (current == null || current.isMissingNode()) {
            problems.add(at + ": removed");
            return;
        }
        if (!frozen.isObject() || !current.isObject()) {
            if (!frozen.equals(current)) {
                problems.add(at + ": changed from " + frozen + " to " + current);
            }
            return;
        }
        for (String key : frozen.propertyNames()) {
            if (key.equals("description") || key.equals("title")) {
                continue; // wording may improve without breaking anyone
            }
            switch (key) {
                case "properties" -> {
                    JsonNode currentProps = current.path("properties");
                    for (String name : frozen.get("properties").propertyNames()) {
                        compare(at + "/properties/" + name, frozen.get("properties").get(name), currentProps.get(name), problems);
                    }
                }
                case "items" -> compare(at + "/items", frozen.get("items"), current.get("items"), problems);
                case "required" -> {
                    Set<String> dropped = new HashSet<>(names(frozen.get("required")));
                    dropped.removeAll(names(current.path("required")));
                    // consumers rely on a required property being there
                    dropped.forEach(name -> problems.add(at + "/required: " + name + " no longer required"));
                }
                default -> {
                    if (!frozen.get(key).equals(current.get(key))) {
                        problems.add(at + "/" + key + ": changed from " + frozen.get(key) + " to " + current.get(key));
                    }
                }
            }
        }
        Set<String> added = new HashSet<>(names(current.path("required")));
        added.removeAll(names(frozen.path("required")));
        added.forEach(name -> problems.add(at + "/required: new required property " + name));
    }

    private static Set<String> names(JsonNode array) {
        Set<String> names = new HashSet<>();
        array.forEach(n -> names.add(n.asString()));
        return names;
    }
}
