package org.diasporadesk.wirestore;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

/**
 * A document as a collection's map holds it: decoded, for the wire server to match and update, and as BSON once
 * H2 has written it, so that writing a page again costs a copy of the bytes of each document that did not
 * change. H2 writes a whole page whenever one of its documents changes, and the store held only decoded
 * documents: every write of a page encoded every document on it again, which was as much of the store's CPU
 * time as all its request threads together during a replay (docs/measurements.md).
 *
 * <p>The wire server updates a document in place and then hands it to the collection, which stores it in a new
 * {@code StoredDocument}: the BSON of a holder always belongs to the version of the document it was encoded from,
 * and a holder whose document changed is no longer in the map.
 */
final class StoredDocument {

    private final Document document;
    /** Encoded on the first write of a page holding it (H2's serialisation thread); read from the file otherwise. */
    private volatile byte[] bson;

    StoredDocument(Document document) {
        this(document, null);
    }

    StoredDocument(Document document, byte[] bson) {
        this.document = document;
        this.bson = bson;
    }

    Document document() {
        return document;
    }

    /**
     * The document as BSON, encoded once.
     *
     * @throws IllegalArgumentException for a value BSON has no type for
     */
    byte[] bson() {
        byte[] encoded = bson;
        if (encoded == null) {
            encoded = encode(document);
            bson = encoded;
        }
        return encoded;
    }

    private static byte[] encode(Document document) {
        ByteBuf buffer = Unpooled.buffer(256);
        try {
            BsonEncoder.encodeDocument(document, buffer);
            byte[] encoded = new byte[buffer.readableBytes()];
            buffer.readBytes(encoded);
            return encoded;
        }
        finally {
            buffer.release();
        }
    }
}
