package org.diasporadesk.hotline.emergencies.application;

import org.diasporadesk.hotline.emergencies.domain.EmergencyAlert;

/** Published inside the service when an alert was raised, acknowledged or escalated: for the supervisors' screens. */
public record AlertChanged(EmergencyAlert alert) {
}
