package org.diasporadesk.registry.household.application;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.diasporadesk.registry.household.domain.ErasureRequest;

/** Where erasure requests wait for a supervisor. */
public interface ErasureRequestStore {

    void save(ErasureRequest request);

    Optional<ErasureRequest> find(String id);

    /** The pending request for this migrant, if one is waiting. */
    Optional<ErasureRequest> pendingFor(String migrantId);

    /** Pending requests of these municipalities, oldest first. */
    List<ErasureRequest> pending(Collection<String> municipalities, int limit);
}
