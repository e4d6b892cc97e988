package org.diasporadesk.hotline.callbacks.application;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.diasporadesk.hotline.callbacks.domain.Callback;

/** Where callbacks live. */
public interface Callbacks {

    void save(Callback callback);

    Optional<Callback> find(String id);

    /** Pending callbacks of these offices due before {@code until}, earliest first. */
    List<Callback> pendingBefore(Collection<String> offices, Instant until);
}
