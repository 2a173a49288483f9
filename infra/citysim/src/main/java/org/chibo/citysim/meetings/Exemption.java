package org.chibo.citysim.meetings;

import java.time.LocalDate;

/**
 * Miễn công tác và sinh hoạt đảng: what the loader registers through {@code POST /api/v1/members/{id}/exemption}
 * before recording the year, so the meeting service knows who is out of the denominators.
 *
 * @param until the last exempt day, or null for an open-ended exemption
 */
public record Exemption(String branchCode, String cardNumber, String reason, LocalDate from, LocalDate until) {

    public boolean covers(LocalDate day) {
        return !day.isBefore(from) && (until == null || !day.isAfter(until));
    }
}
