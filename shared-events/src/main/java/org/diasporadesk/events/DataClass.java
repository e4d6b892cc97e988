package org.diasporadesk.events;

/** Whether a topic may carry personal data. Reporting reads only {@link #PII_FREE} topics. */
public enum DataClass {
    PERSONAL,
    PII_FREE
}
