package org.diasporadesk.hotline.emergencies;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.diasporadesk.chassis.territory.TerritorialUnit;
import org.diasporadesk.chassis.territory.Territory;
import org.diasporadesk.hotline.emergencies.application.AlertChannel;
import org.diasporadesk.hotline.emergencies.application.EmergencyProperties;
import org.diasporadesk.hotline.emergencies.domain.EmergencyAlert;
import org.diasporadesk.hotline.servicelevels.ServiceLevels;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Alerts by e-mail, through the SMTP server of {@code spring.mail.host}, to the area's contacts. The message names
 * the office, the topic and the ticket, never the caller: e-mail leaves the service's control, and a supervisor reads
 * the rest on the ticket itself. Without an SMTP server the alerts are on the supervisors' screens only.
 */
@Component
class MailAlertChannel implements AlertChannel {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final ObjectProvider<JavaMailSender> mail;
    private final EmergencyProperties properties;
    private final Territory territory;
    private final ServiceLevels serviceLevels;

    MailAlertChannel(ObjectProvider<JavaMailSender> mail, EmergencyProperties properties, Territory territory,
            ServiceLevels serviceLevels) {
        this.mail = mail;
        this.properties = properties;
        this.territory = territory;
        this.serviceLevels = serviceLevels;
    }

    @Override
    public boolean send(EmergencyAlert alert, String areaCode, boolean escalation) {
        List<String> to = properties.contactsOf(areaCode);
        JavaMailSender sender = mail.getIfAvailable();
        if (to.isEmpty() || sender == null) {
            return false;
        }
        ZoneId zone = serviceLevels.calendarOf(alert.officeCode()).zone();
        String office = territory.unit(alert.officeCode()).map(TerritorialUnit::name).orElse(alert.officeCode());
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(properties.from());
        message.setTo(to.toArray(String[]::new));
        message.setSubject((escalation ? "Not acknowledged, escalated: " : "") + "Emergency at the " + office
                + " hotline: " + alert.topicName());
        message.setText(String.join("\n",
                "An emergency ticket was opened at the " + office + " hotline: " + alert.topicName() + ".",
                "Ticket: " + alert.ticketId(),
                "Opened: " + TIME.format(alert.openedAt().atZone(zone)) + " (" + zone + ")",
                escalation
                        ? "None of the office's supervisors acknowledged it by "
                                + TIME.format(alert.acknowledgeBy().atZone(zone)) + ". Please call the office, see that "
                                + "someone takes it on, and acknowledge it on the supervisors' board."
                        : "Please open the ticket and acknowledge the alert on the supervisors' board by "
                                + TIME.format(alert.acknowledgeBy().atZone(zone)) + "; otherwise it goes to the region.",
                "",
                "The caller's details are on the ticket only."));
        sender.send(message);
        return true;
    }
}
