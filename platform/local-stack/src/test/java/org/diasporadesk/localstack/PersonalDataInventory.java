package org.diasporadesk.localstack;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;


import org.bson.Document;

import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The declared inventory of personal data ({@code docs/personal-data.yml}) held against what the stores really
 * hold: every collection of every service's database and every field path in its documents must have an entry, so
 * that a field added in code without saying what erasure and retention do to it fails a test instead of leaking.
 * An entry covers the paths below it (declaring {@code migrants} personal covers {@code migrants.phones}).
 */
final class PersonalDataInventory {

    private final JsonNode declared;

    private PersonalDataInventory(JsonNode declared) {
        this.declared = declared;
    }

    static PersonalDataInventory read(Path repositoryRoot) throws IOException {
        return new PersonalDataInventory(YAMLMapper.builder().build()
            .readTree(repositoryRoot.resolve("docs/personal-data.yml").toFile()).get("stores"));
    }

    /** The collections and field paths found in the stores that the inventory does not declare. */
    List<String> undeclared(String mongoUri) {
        List<String> missing = new ArrayList<>();
        held(mongoUri).forEach((collection, paths) -> {
            String[] place = collection.split("\\.", 2);
            JsonNode fields = declared.path(place[0]).path(place[1]).path("fields");
            if (fields.isMissingNode()) {
                missing.add(collection + " (collection)");
                return;
            }
            for (String path : paths) {
                if (!covered(fields, path)) {
                    missing.add(collection + " " + path);
                }
            }
        });
        return missing;
    }

    private static boolean covered(JsonNode fields, String path) {
        for (String prefix = path; !prefix.isEmpty(); prefix = prefix.contains(".")
                ? prefix.substring(0, prefix.lastIndexOf('.')) : "") {
            if (fields.has(prefix)) {
                return true;
            }
        }
        return false;
    }

    /** Every collection ({@code database.collection}) with the dotted paths of every value its documents hold. */
    private static Map<String, Set<String>> held(String mongoUri) {
        Map<String, Set<String>> held = new TreeMap<>();
        StoreContents.read(mongoUri).forEach((collection, documents) -> {
            Set<String> paths = new TreeSet<>();
            documents.forEach(document -> collect("", document, paths));
            held.put(collection, paths);
        });
        return held;
    }

    private static void collect(String prefix, Object value, Set<String> paths) {
        if (value instanceof Document document) {
            document.forEach((key, inner) -> collect(prefix.isEmpty() ? key : prefix + "." + key, inner, paths));
        }
        else if (value instanceof List<?> list && !list.isEmpty()) {
            list.forEach(element -> collect(prefix, element, paths));
        }
        else if (!prefix.isEmpty()) {
            paths.add(prefix);
        }
    }
}
