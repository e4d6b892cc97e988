package org.diasporadesk.wirestore;

import java.util.List;
import java.util.Map;

import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Converts, once, a store file that the upstream H2 backend wrote (a local stack's data from before this store):
 * each collection's documents are copied into a map that stores them as BSON, and each unique index map is dropped,
 * since its keys were ordered by their serialised bytes; the wire server rebuilds an empty index from the
 * collection's documents when it opens it. The file records each collection converted and, at the end, that it is
 * converted; a conversion stopped half-way (the store commits on its own while a large one runs) goes on where it
 * stopped when the file is opened again.
 */
final class UpstreamFormat {

    private static final Logger log = LoggerFactory.getLogger(UpstreamFormat.class);
    private static final String MARKER_MAP = "ddesk.wire-store";
    private static final String FORMAT = "format";
    private static final int CURRENT = 1;
    private static final String CONVERTED = "converted:";
    private static final String CONVERTING = ".converting";

    private UpstreamFormat() {
    }

    static void convert(MVStore store, String dataMapPrefix, String indexMapInfix) {
        MVMap<String, Object> marker = store.openMap(MARKER_MAP);
        if (Integer.valueOf(CURRENT).equals(marker.get(FORMAT))) {
            return;
        }
        for (String name : List.copyOf(store.getMapNames())) {
            if (name.endsWith(CONVERTING)) {
                finishOrDiscard(store, marker, name, name.substring(0, name.length() - CONVERTING.length()));
            }
        }
        List<String> maps = store.getMapNames().stream()
            .filter(name -> !name.equals(MARKER_MAP) && !name.endsWith(CONVERTING))
            .toList();
        for (String name : maps) {
            if (name.startsWith(dataMapPrefix) && !marker.containsKey(CONVERTED + name)) {
                copyDocuments(store, marker, name);
            }
            else if (name.contains(indexMapInfix)) {
                store.removeMap(name);
            }
        }
        marker.put(FORMAT, CURRENT);
        store.commit();
        if (!maps.isEmpty()) {
            log.info("Converted the store's {} maps from the upstream H2 backend's format; indexes rebuild on open",
                    maps.size());
        }
    }

    /** Copies the documents, records that the copy is whole, then puts it in the upstream map's place. */
    private static void copyDocuments(MVStore store, MVMap<String, Object> marker, String name) {
        MVMap<Object, Object> upstream = store.openMap(name);
        MVMap<Object, StoredDocument> converted = store.openMap(name + CONVERTING, WireStoreBackend.documents());
        for (Map.Entry<Object, Object> entry : upstream.entrySet()) {
            converted.put(entry.getKey(), new StoredDocument((Document) entry.getValue()));
        }
        marker.put(CONVERTED + name, true);
        store.removeMap(upstream);
        store.renameMap(converted, name);
    }

    /** A copy left by a conversion that stopped: put in place if it was whole, otherwise dropped and made again. */
    private static void finishOrDiscard(MVStore store, MVMap<String, Object> marker, String copy, String name) {
        if (!marker.containsKey(CONVERTED + name)) {
            store.removeMap(copy);
            return;
        }
        if (store.hasMap(name)) {
            store.removeMap(name);
        }
        store.renameMap(store.openMap(copy, WireStoreBackend.documents()), name);
    }
}
