package org.diasporadesk.hotline.partners.application;

import java.util.List;
import java.util.Optional;

/** Where the partner list lives. */
public interface Partners {

    void save(Partner partner);

    Optional<Partner> find(String id);

    /** Active partners first, by name. */
    List<Partner> all();
}
