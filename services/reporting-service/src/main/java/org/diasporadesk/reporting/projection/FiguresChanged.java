package org.diasporadesk.reporting.projection;

/**
 * Published (as a Spring application event) after a projection applied an event, naming the figures it may
 * have changed. It carries no area: whoever follows figures recomputes its own and compares, so a change in a
 * small cell, which the published figures do not show, is not given away by a push either.
 */
public enum FiguresChanged {
    MIGRANTS, HOTLINE, OUTREACH
}
