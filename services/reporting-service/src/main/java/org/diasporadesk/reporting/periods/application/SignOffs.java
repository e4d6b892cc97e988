package org.diasporadesk.reporting.periods.application;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The sign-offs given: at most one per area and period, never changed once given. */
public interface SignOffs {

    /**
     * Keeps the sign-off unless the area's period was already signed off, even by a request racing this one.
     *
     * @return the sign-off already held, if there was one (and this one was not kept)
     */
    Optional<SignOff> addUnlessSigned(SignOff signOff);

    Optional<SignOff> find(String area, String period);

    /** Per period label, the sign-offs of the area among these periods. */
    Map<String, SignOff> findAll(String area, Collection<String> periods);

    /** The sign-offs of any of these areas for any of these periods. */
    List<SignOff> findAll(Collection<String> areas, Collection<String> periods);
}
