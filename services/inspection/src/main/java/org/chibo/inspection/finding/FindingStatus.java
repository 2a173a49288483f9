package org.chibo.inspection.finding;

public enum FindingStatus {
    OPEN,
    ACKNOWLEDGED,
    RESOLVED,
    DISMISSED
}
