package org.diasporadesk.registry.household.messaging;

import java.util.function.Consumer;

import org.diasporadesk.chassis.messaging.EventReceiver;
import org.diasporadesk.events.outreach.RecipientOptedOut;
import org.diasporadesk.events.registry.PersonKind;
import org.diasporadesk.registry.household.application.FamilyMembers;
import org.diasporadesk.registry.household.application.MigrantRecords;
import org.diasporadesk.registry.household.domain.ConsentPurpose;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * Binding {@code outreachOptOuts-in-0}: outreach's personal topic. An opt-out withdraws the person's consent to
 * outreach (a migrant's or a family member's, nobody else's) in the registry, which keeps consent for every service. A concurrent change of the household makes the write
 * fail; the binder's retries apply it again.
 */
@Configuration(proxyBeanMethods = false)
class OutreachOptOutsConsumer {

    @Bean
    Consumer<Message<byte[]>> outreachOptOuts(EventReceiver receiver, MigrantRecords records,
            FamilyMembers familyMembers) {
        return message -> {
            RecipientOptedOut optOut = receiver.receive(message, RecipientOptedOut.class).payload();
            String note = "opted out of outreach messages" + (optOut.how() == null ? "" : ": " + optOut.how());
            if (PersonKind.orMigrant(optOut.personKind()) == PersonKind.FAMILY_MEMBER) {
                familyMembers.withdrawnElsewhere(optOut.householdId(), optOut.migrantId(), ConsentPurpose.OUTREACH,
                        "outreach-service", note);
            }
            else {
                records.withdrawnElsewhere(optOut.householdId(), optOut.migrantId(), ConsentPurpose.OUTREACH,
                        "outreach-service", note);
            }
        };
    }
}
