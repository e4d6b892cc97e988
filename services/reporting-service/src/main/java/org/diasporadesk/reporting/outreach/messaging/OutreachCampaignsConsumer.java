package org.diasporadesk.reporting.outreach.messaging;

import java.util.function.Consumer;

import org.diasporadesk.chassis.messaging.EventReceiver;
import org.diasporadesk.events.outreach.CampaignEvent;
import org.diasporadesk.reporting.outreach.application.OutreachProjection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/** Binding {@code outreachCampaigns-in-0}: outreach's PII-free campaign facts. Maps and delegates. */
@Configuration(proxyBeanMethods = false)
class OutreachCampaignsConsumer {

    @Bean
    Consumer<Message<byte[]>> outreachCampaigns(EventReceiver receiver, OutreachProjection projection) {
        return message -> projection.apply(receiver.receive(message, CampaignEvent.class));
    }
}
