package org.diasporadesk.hotline.tickets.application;

import org.diasporadesk.hotline.tickets.domain.Caller;
import org.diasporadesk.hotline.tickets.domain.Channel;
import org.diasporadesk.hotline.tickets.domain.Priority;

/**
 * What an agent submits to open a ticket. {@code phone} as the telephone system or the agent has it;
 * {@code callerMigrantId} (a migrant) or {@code callerHouseholdId} (a family member) is the agent's choice when
 * the number belongs to several registry people.
 */
public record OpenTicket(String officeCode, String phone, Caller.Kind callerKind, String callerName,
        String callerMigrantId, String callerHouseholdId, Channel channel, String language, String topic, Priority priority, String note) {
}
