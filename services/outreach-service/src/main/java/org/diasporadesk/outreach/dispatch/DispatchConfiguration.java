package org.diasporadesk.outreach.dispatch;

import org.diasporadesk.outreach.dispatch.application.DispatchProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Launching, dispatching and completing campaigns run on schedules of their own. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties(DispatchProperties.class)
class DispatchConfiguration {
}
