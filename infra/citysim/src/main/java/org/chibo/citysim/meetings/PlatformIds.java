package org.chibo.citysim.meetings;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The platform's ids of the year's branches and members, found by code and card number through the membership API
 * with the cheapest calls it has: {@code GET /api/v1/organisations?code=…} per branch (a unique-index look-up) and
 * {@code GET /api/v1/members?branchId=…&size=200} per branch (one page for any branch of this city). There is no
 * look-up by card number, and paging through all members is dearer (see the README's measurements). Kept both ways:
 * the loader turns codes into ids, the check of the findings turns ids back into codes.
 */
public final class PlatformIds {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final PlatformCalls calls;
    private final int pageSize;
    private final Map<String, String> branchIds = new ConcurrentHashMap<>();
    private final Map<String, String> memberIds = new ConcurrentHashMap<>();
    private final Map<String, String> branchCodes = new ConcurrentHashMap<>();
    private final Map<String, String> cardNumbers = new ConcurrentHashMap<>();
    final AtomicLong requests = new AtomicLong();

    PlatformIds(PlatformCalls calls, int pageSize) {
        this.calls = calls;
        this.pageSize = pageSize;
    }

    /**
     * Looks the branch and its members up; false when the platform has no unit with that code. A member the search
     * does not return stays unknown (its meetings are not sent).
     */
    boolean resolve(CityRolls.BranchRolls branch) throws IOException, InterruptedException {
        JsonNode found = json(calls.get("/api/v1/organisations?code=" + encode(branch.code())), "looking up " + branch.code());
        JsonNode items = found.path("items");
        String id = items.isArray() && !items.isEmpty() ? items.get(0).path("id").asString("") : "";
        if (id.isEmpty()) {
            return false;
        }
        branchIds.put(branch.code(), id);
        branchCodes.put(id, branch.code());
        for (int page = 0; ; page++) {
            JsonNode members = json(calls.get("/api/v1/members?branchId=" + encode(id) + "&size=" + pageSize + "&page=" + page),
                    "listing the members of " + branch.code());
            for (JsonNode m : members.path("items")) {
                memberIds.put(m.path("cardNumber").asString(), m.path("id").asString());
                cardNumbers.put(m.path("id").asString(), m.path("cardNumber").asString());
            }
            if (!members.path("hasMore").asBoolean(false)) {
                return true;
            }
        }
    }

    /** The platform's id of the branch with this code, or null when it was not found. */
    public String branch(String code) {
        return branchIds.get(code);
    }

    /** The platform's id of the member with this card number, or null when it was not found. */
    public String member(String card) {
        return memberIds.get(card);
    }

    /** The code of the branch with this id, or null when it is none of the branches looked up. */
    public String branchCode(String id) {
        return branchCodes.get(id);
    }

    /** The card number of the member with this id, or null when the member is on none of their rolls. */
    public String cardNumber(String id) {
        return cardNumbers.get(id);
    }

    public int branches() {
        return branchIds.size();
    }

    public int members() {
        return memberIds.size();
    }

    private JsonNode json(HttpResponse<String> response, String what) throws IOException {
        requests.incrementAndGet();
        if (response.statusCode() != 200) {
            throw new IOException(what + ": HTTP " + response.statusCode() + " " + Problems.snippet(response.body()));
        }
        return JSON.readTree(response.body());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
