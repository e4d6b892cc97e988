package org.diasporadesk.hotline.tickets.domain;

public enum Priority {
    LOW, NORMAL, HIGH
}
