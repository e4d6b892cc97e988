package org.diasporadesk.chassis.security;

import org.diasporadesk.chassis.territory.TerritorialUnit;
import org.diasporadesk.chassis.territory.Territory;
import org.diasporadesk.chassis.web.InvalidFieldException;

/** The one check every service makes before it answers about a part of the territory. */
public final class AreaAccess {

    private AreaAccess() {
    }

    /**
     * The unit the request names, if it exists and the user may see it.
     *
     * @param field the request field that named it, for the problem response
     * @throws InvalidFieldException (400) for a code the territory file does not know
     * @throws OutOfScopeException   (403) for a unit outside the user's area
     */
    public static TerritorialUnit require(Actor actor, Territory territory, String field, String unitCode) {
        TerritorialUnit unit = territory.unit(unitCode)
            .orElseThrow(() -> new InvalidFieldException(field, "'" + unitCode + "' is not a unit of the "
                    + territory.country() + " territory"));
        if (!actor.covers(unitCode, territory)) {
            throw new OutOfScopeException(field, unitCode);
        }
        return unit;
    }
}
