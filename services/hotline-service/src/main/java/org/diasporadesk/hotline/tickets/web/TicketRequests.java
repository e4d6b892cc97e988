package org.diasporadesk.hotline.tickets.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.diasporadesk.hotline.tickets.application.OpenTicket;
import org.diasporadesk.hotline.tickets.domain.Caller;
import org.diasporadesk.hotline.tickets.domain.Channel;
import org.diasporadesk.hotline.tickets.domain.Priority;
import org.diasporadesk.hotline.tickets.domain.Referral;
import org.diasporadesk.hotline.tickets.domain.TicketStatus;

/** Bodies of the ticket endpoints. Format rules here; rules needing reference data in {@code TicketDesk}. */
final class TicketRequests {

    private TicketRequests() {
    }

    /**
     * POST /tickets. {@code officeCode} defaults to the agent's own office; {@code callerMigrantId} (a migrant)
     * or {@code callerHouseholdId} (a family member) picks one of several registry people at the number;
     * {@code callerKind} and {@code callerName} describe a caller the registry does not know.
     */
    record OpenTicketRequest(@Size(max = 40) String officeCode, @Size(max = 40) String phone, Caller.Kind callerKind,
            @Size(max = 200) String callerName, @Size(max = 40) String callerMigrantId,
            @Size(max = 40) String callerHouseholdId, Channel channel,
            @Size(max = 35) String language, @NotBlank @Size(max = 60) String topic, Priority priority,
            @Size(max = 4000) String note) {

        OpenTicket toCommand() {
            return new OpenTicket(officeCode, phone, callerKind, callerName, callerMigrantId, callerHouseholdId, channel,
                    language, topic, priority, note);
        }
    }

    record StatusRequest(@NotNull TicketStatus status) {
    }

    /** {@code assignee} left out: the calling agent takes the ticket. */
    record AssigneeRequest(@Size(max = 200) String assignee) {
    }

    record NoteRequest(@NotBlank @Size(max = 4000) String text) {
    }

    /** {@code reason}: what the partner is asked to do. */
    record ReferralRequest(@NotBlank @Size(max = 40) String partnerId, @Size(max = 2000) String reason) {
    }

    record OutcomeRequest(@NotNull Referral.Outcome outcome, @Size(max = 2000) String note) {
    }
}
