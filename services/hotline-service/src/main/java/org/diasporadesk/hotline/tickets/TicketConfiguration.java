package org.diasporadesk.hotline.tickets;

import org.diasporadesk.hotline.tickets.application.HotlineProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(HotlineProperties.class)
class TicketConfiguration {
}
