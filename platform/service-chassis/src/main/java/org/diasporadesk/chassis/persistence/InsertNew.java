package org.diasporadesk.chassis.persistence;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.InsertManyOptions;
import org.bson.Document;

/**
 * Inserts documents keyed by something they are (a pair of records, a keyed hash) in one unordered bulk, leaving
 * those whose {@code _id} is held already as they are: the held one may carry a decision or more holders.
 */
public final class InsertNew {

    private InsertNew() {
    }

    /** @return the positions, in {@code documents}, of those that were held already and not inserted */
    public static Set<Integer> insertNew(MongoCollection<Document> collection, List<Document> documents) {
        Set<Integer> held = new HashSet<>();
        if (documents.isEmpty()) {
            return held;
        }
        try {
            collection.insertMany(documents, new InsertManyOptions().ordered(false));
        }
        catch (MongoBulkWriteException ex) {
            for (BulkWriteError error : ex.getWriteErrors()) {
                if (ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                    throw ex;
                }
                held.add(error.getIndex());
            }
        }
        return held;
    }
}
