package org.chibo.membership.onboarding;

import java.util.List;

/** What an import did: every line is created, unchanged (already in the register as it is) or rejected with why. */
public record ImportReport(int lines, Created created, int unchanged, List<Rejection> rejected) {

    public record Created(int units, int members) {
    }

    /** {@code line} is the line number in the file, {@code field} the field at fault. */
    public record Rejection(int line, String field, String reason) {
    }
}
