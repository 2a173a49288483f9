package org.chibo.meeting.record;

import java.security.SecureRandom;

/**
 * The code a meeting shows while it is open, typed or scanned by members to check in. Eight characters from an
 * alphabet without look-alikes (no 0/O, 1/I/L), so it can be read off a screen; random, so it cannot be guessed
 * from outside the room. It expires when the meeting closes.
 */
final class CheckInCode {

    private static final String ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private CheckInCode() {
    }

    static String next() {
        StringBuilder code = new StringBuilder(8);
        for (int i = 0; i < 8; i++) {
            code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    /** What a QR code on the meeting's screen encodes: enough for a member's phone to check in. */
    static String qrPayload(String meetingId, String code) {
        return "chibo:check-in:v1?meeting=" + meetingId + "&code=" + code;
    }
}
