package org.diasporadesk.hotline.calls;

import org.diasporadesk.hotline.calls.application.CallDesk;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CallDesk.Lines.class)
class CallConfiguration {
}
