package org.diasporadesk.chassis.security;

import org.springframework.security.access.AccessDeniedException;

/**
 * A request the caller's role allows in general, refused for this record (an agent reassigning a colleague's
 * ticket): a 403 problem whose detail is this message, which says who may do it instead.
 */
public class ForbiddenException extends AccessDeniedException {

    public ForbiddenException(String whoMayInstead) {
        super(whoMayInstead);
    }
}
