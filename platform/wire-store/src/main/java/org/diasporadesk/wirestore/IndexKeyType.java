package org.diasporadesk.wirestore;

import java.nio.ByteBuffer;

import de.bwaldvogel.mongo.backend.KeyValue;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;

/**
 * The keys of a unique index (a {@link KeyValue}: the indexed fields' values) as H2 compares and stores them
 * field by field. H2 does not know {@code KeyValue}, so by default it Java-serialises both keys for every
 * comparison of a binary search and for every key of every page read or written; values of the types H2 knows
 * (strings, numbers, booleans) are now compared and stored as such, any other (an embedded document) still by
 * serialisation, field by field.
 */
final class IndexKeyType extends ObjectDataType {

    @Override
    public int compare(Object a, Object b) {
        if (a instanceof KeyValue first && b instanceof KeyValue second) {
            int fields = Math.min(first.size(), second.size());
            for (int i = 0; i < fields; i++) {
                int order = super.compare(first.get(i), second.get(i));
                if (order != 0) {
                    return order;
                }
            }
            return Integer.compare(first.size(), second.size());
        }
        return super.compare(a, b);
    }

    @Override
    public void write(WriteBuffer buffer, Object key) {
        KeyValue fields = (KeyValue) key;
        buffer.putVarInt(fields.size());
        for (Object value : fields) {
            super.write(buffer, value);
        }
    }

    @Override
    public Object read(ByteBuffer buffer) {
        Object[] values = new Object[DataUtils.readVarInt(buffer)];
        for (int i = 0; i < values.length; i++) {
            values[i] = super.read(buffer);
        }
        return new KeyValue(values);
    }

    @Override
    public int getMemory(Object key) {
        int memory = 24;
        for (Object value : (KeyValue) key) {
            memory += super.getMemory(value);
        }
        return memory;
    }
}
