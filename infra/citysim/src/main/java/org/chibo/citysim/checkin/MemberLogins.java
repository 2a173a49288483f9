package org.chibo.citysim.checkin;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.chibo.citysim.CityProfile;
import org.chibo.citysim.Member;
import org.chibo.citysim.auth.Credentials;
import org.chibo.citysim.auth.PasswordGrantTokens;
import org.chibo.citysim.meetings.CityRolls;

/**
 * Each member's own token, so that every check-in is the member's own act, as on their phone: a member of the demo
 * city logs in with their card number. The platform's rosters name members by id, which the membership import derives
 * from the card number ({@code "member:" + cardNumber}, name-based UUID), so the city generated from the same seed
 * tells which card number an id belongs to. A token is fetched when the member first checks in, not before.
 */
final class MemberLogins {

    private final Credentials credentials;
    private final Map<String, String> cardNumbers;
    private final Map<String, PasswordGrantTokens> tokens = new ConcurrentHashMap<>();

    MemberLogins(Credentials credentials, long seed, LocalDate referenceDate) {
        this.credentials = credentials;
        this.cardNumbers = new HashMap<>();
        for (CityRolls.BranchRolls branch : CityRolls.generate(CityProfile.bundled(), seed, referenceDate).branches()) {
            for (Member member : branch.members()) {
                cardNumbers.put(memberId(member.cardNumber()), member.cardNumber());
            }
        }
    }

    /** The member's token: fetched now if this is their first request. */
    String token(String memberId) throws IOException, InterruptedException {
        String card = cardNumbers.get(memberId);
        if (card == null) {
            throw new IOException("member " + memberId + " is not in the demo city, so has no login");
        }
        return tokens.computeIfAbsent(memberId, id -> credentials.of(card)).token();
    }

    long fetches() {
        return tokens.values().stream().mapToLong(PasswordGrantTokens::fetches).sum();
    }

    Duration fetchTime() {
        return tokens.values().stream().map(PasswordGrantTokens::fetchTime).reduce(Duration.ZERO, Duration::plus);
    }

    static String memberId(String cardNumber) {
        return UUID.nameUUIDFromBytes(("member:" + cardNumber).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
