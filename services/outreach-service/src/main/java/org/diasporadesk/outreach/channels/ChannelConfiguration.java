package org.diasporadesk.outreach.channels;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;

/** One adapter per channel, as configured, behind one guard. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ChannelProperties.class)
class ChannelConfiguration {

    @Bean
    ChannelGuard channelGuard(ChannelProperties properties, RecordedMessages recorded, ObjectProvider<JavaMailSender> mail,
            MeterRegistry meters, Clock clock) {
        List<ChannelAdapter> adapters = new ArrayList<>();
        properties.settings().forEach((channel, settings) -> adapters.add(switch (settings.adapter()) {
            case RECORDING -> new RecordingChannel(channel, recorded, clock);
            case HTTP -> {
                if (settings.endpoint() == null || settings.endpoint().isBlank()) {
                    throw new IllegalStateException("ddesk.outreach.channels.settings." + channel
                            + ".endpoint is required for the HTTP adapter: set the gateway's URL");
                }
                yield new HttpGatewayChannel(channel, settings);
            }
            case SMTP -> {
                if (channel != Channel.EMAIL) {
                    throw new IllegalStateException("the SMTP adapter carries e-mail only, not " + channel);
                }
                JavaMailSender sender = mail.getIfAvailable();
                if (sender == null) {
                    throw new IllegalStateException("the SMTP adapter needs spring.mail.host (and port, username, password)");
                }
                yield new SmtpEmailChannel(sender, settings.from() == null ? "outreach@diasporadesk.org" : settings.from());
            }
        }));
        return new ChannelGuard(adapters, properties, meters);
    }
}
