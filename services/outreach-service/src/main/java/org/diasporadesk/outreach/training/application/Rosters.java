package org.diasporadesk.outreach.training.application;

import java.util.List;
import java.util.Optional;

import org.diasporadesk.outreach.training.domain.Roster;
import org.diasporadesk.outreach.training.domain.RosterChange;

/** Session rosters with their outbox. */
public interface Rosters {

    Optional<Roster> find(String sessionId);

    /**
     * Writes the change if the roster is still at the version it was read at (version 0: not yet stored).
     *
     * @throws org.springframework.dao.OptimisticLockingFailureException if it changed meanwhile
     */
    void save(RosterChange change);

    /** Rosters on which the migrant holds or waits for a place. */
    List<Roster> holding(String migrantId);
}
