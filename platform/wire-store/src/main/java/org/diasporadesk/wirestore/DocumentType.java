package org.diasporadesk.wirestore;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;

/**
 * A collection's documents as BSON, with the wire server's own encoder and decoder (the documents came over the
 * wire as BSON), instead of the Java serialisation H2 uses for a type it does not know. A value BSON cannot hold
 * is still Java-serialised; a tag byte tells the two apart.
 */
final class DocumentType extends ObjectDataType {

    private static final byte BSON = 1;
    private static final byte OTHER = 2;

    /** Bytes of a document as stored, a running average: what the page cache counts a document as. */
    private volatile int averageSize = 512;

    @Override
    public void write(WriteBuffer buffer, Object value) {
        if (value instanceof Document document) {
            ByteBuf bson = Unpooled.buffer(256);
            try {
                BsonEncoder.encodeDocument(document, bson);
                averageSize = (averageSize * 15 + bson.readableBytes()) / 16;
                buffer.put(BSON).put(bson.array(), bson.arrayOffset() + bson.readerIndex(), bson.readableBytes());
                return;
            }
            catch (IllegalArgumentException notBson) {
                // a value BSON has no type for: serialised below, as the upstream backend does
            }
            finally {
                bson.release();
            }
        }
        buffer.put(OTHER);
        super.write(buffer, value);
    }

    /** H2's estimate for a type it serialises starts at 10 KB, which would make the page cache hold too few. */
    @Override
    public int getMemory(Object value) {
        return value instanceof Document ? averageSize : super.getMemory(value);
    }

    @Override
    public Object read(ByteBuffer buffer) {
        if (buffer.get() == OTHER) {
            return super.read(buffer);
        }
        int length = buffer.duplicate().order(ByteOrder.LITTLE_ENDIAN).getInt(); // BSON begins with its length
        ByteBuffer bson = buffer.slice();
        bson.limit(length);
        buffer.position(buffer.position() + length);
        return BsonDecoder.decodeBson(Unpooled.wrappedBuffer(bson));
    }
}
