package org.chibo.inspection.rules;

public enum Severity {
    LOW,
    MEDIUM,
    HIGH,
    SERIOUS
}
