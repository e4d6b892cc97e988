package org.diasporadesk.wirestore;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import io.netty.buffer.Unpooled;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;

/**
 * A collection's documents as BSON, with the wire server's own encoder and decoder (the documents came over the
 * wire as BSON), instead of the Java serialisation H2 uses for a type it does not know. The map holds
 * {@link StoredDocument}s, whose BSON is encoded once and copied at each later write of their page. A value BSON
 * cannot hold is still Java-serialised; a tag byte tells the two apart.
 */
final class DocumentType extends ObjectDataType {

    private static final byte BSON = 1;
    private static final byte OTHER = 2;

    /** Bytes of a document as stored, a running average: what the page cache counts a document as. */
    private volatile int averageSize = 512;

    @Override
    public void write(WriteBuffer buffer, Object value) {
        StoredDocument stored = (StoredDocument) value;
        try {
            byte[] bson = stored.bson();
            averageSize = (averageSize * 15 + bson.length) / 16;
            buffer.put(BSON).put(bson);
        }
        catch (IllegalArgumentException notBson) {
            // a value BSON has no type for: serialised, as the upstream backend does
            buffer.put(OTHER);
            super.write(buffer, stored.document());
        }
    }

    /** H2's estimate for a type it serialises starts at 10 KB, which would make the page cache hold too few. */
    @Override
    public int getMemory(Object value) {
        return averageSize;
    }

    @Override
    public Object read(ByteBuffer buffer) {
        if (buffer.get() == OTHER) {
            return new StoredDocument((Document) super.read(buffer));
        }
        int length = buffer.duplicate().order(ByteOrder.LITTLE_ENDIAN).getInt(); // BSON begins with its length
        byte[] bson = new byte[length];
        buffer.get(bson);
        return new StoredDocument(BsonDecoder.decodeBson(Unpooled.wrappedBuffer(bson)), bson);
    }
}
