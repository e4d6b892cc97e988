package org.diasporadesk.reporting.projection;

import java.util.List;

import org.springframework.messaging.Message;

/**
 * The records of one consumed topic applied many at a time during a replay, where nothing else writes the
 * projection, instead of one by one through the binding's function: a projection of snapshots needs only each
 * aggregate's newest, and writes in bulk. The outcome is the same as the function's record by record.
 */
public interface BatchedReplay {

    /** The consumer function (the binding's name without {@code -in-0}) whose records this applies. */
    String function();

    /**
     * Applies consecutive records of one partition, in their order.
     *
     * @return how many of them were unreadable and skipped (the binding dead-letters those)
     */
    int applyAll(List<Message<byte[]>> records, LogSpan span);
}
