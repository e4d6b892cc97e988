package org.diasporadesk.registry.household.messaging;

import java.util.function.Consumer;

import org.diasporadesk.chassis.messaging.EventReceiver;
import org.diasporadesk.events.outreach.RecipientOptedOut;
import org.diasporadesk.registry.household.application.MigrantRecords;
import org.diasporadesk.registry.household.domain.ConsentPurpose;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * Binding {@code outreachOptOuts-in-0}: outreach's personal topic. An opt-out withdraws the consent to outreach
 * in the registry, which keeps consent for every service. A concurrent change of the household makes the write
 * fail; the binder's retries apply it again.
 */
@Configuration(proxyBeanMethods = false)
class OutreachOptOutsConsumer {

    @Bean
    Consumer<Message<byte[]>> outreachOptOuts(EventReceiver receiver, MigrantRecords records) {
        return message -> {
            RecipientOptedOut optOut = receiver.receive(message, RecipientOptedOut.class).payload();
            records.withdrawnElsewhere(optOut.householdId(), optOut.migrantId(), ConsentPurpose.OUTREACH,
                    "outreach-service",
                    "opted out of outreach messages" + (optOut.how() == null ? "" : ": " + optOut.how()));
        };
    }
}
