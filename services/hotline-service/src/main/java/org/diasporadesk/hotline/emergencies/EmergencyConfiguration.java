package org.diasporadesk.hotline.emergencies;

import org.diasporadesk.hotline.emergencies.application.EmergencyProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EmergencyProperties.class)
class EmergencyConfiguration {
}
