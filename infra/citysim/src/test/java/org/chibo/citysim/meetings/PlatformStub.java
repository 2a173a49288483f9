package org.chibo.citysim.meetings;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import org.chibo.citysim.Member;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A stand-in for the gateway with the contract the loader and the check of the findings are written to: the
 * findings of the city ({@code GET /api/v1/findings?organisationId=}, as given by {@link #findings}), the periods'
 * close ({@code POST /api/v1/inspection/periods/{period}/close}), membership's look-ups
 * ({@code GET /api/v1/organisations?code=}, {@code GET /api/v1/members?branchId=&size=&page=}, names ordered as the
 * service orders them), {@code POST /api/v1/members/{id}/exemption}, and {@code POST /api/v1/meetings} as the brief
 * describes it: 201, 409 on a reference already recorded or a second regular meeting in a month, 422 problem+json
 * when a non-exempt member on the rolls that day is left out, someone is listed who is not on them, an excused
 * absence has no reason or more votes are cast than official members are present. Answers can be scripted.
 */
public final class PlatformStub implements AutoCloseable {

    static final JsonMapper JSON = JsonMapper.builder().build();
    /** The city's code: its findings are those of the whole city. */
    static final String ROOT = "HP";

    public record Answer(int status, String body) {
    }

    /** A request as received: method, path with query, body. */
    record Received(String method, String path, String body) {
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(16);
    private final Map<String, String> branchIdsByCode = new HashMap<>();
    private final Map<String, List<Member>> membersByBranchId = new HashMap<>();
    private final Map<String, Member> membersById = new HashMap<>();
    private final Map<String, String> branchOfMember = new HashMap<>();
    private final Map<String, JsonNode> exemptions = new ConcurrentHashMap<>();
    /** Branches approved for online meetings (03-HD/TW): branch id → the approval's body. */
    final Map<String, JsonNode> onlineApprovals = new ConcurrentHashMap<>();
    private final Deque<Answer> nextSheetAnswers = new ArrayDeque<>();
    /** Payments recorded by collection sheets: {@code <memberId>|<month>} → amount. */
    private final Map<String, Long> payments = new ConcurrentHashMap<>();
    private final Set<String> references = ConcurrentHashMap.newKeySet();
    private final Set<String> regularMonths = ConcurrentHashMap.newKeySet();
    private final List<Received> received = new ArrayList<>();
    private final Deque<Answer> nextMeetingAnswers = new ArrayDeque<>();
    private final Map<String, Answer> answersByReference = new ConcurrentHashMap<>();
    private final List<JsonNode> findings = new ArrayList<>();
    private final Map<String, String> closedBy = new LinkedHashMap<>();
    private final CityRolls city;
    private final List<JsonNode> ratings = new ArrayList<>();
    private final List<String> ratingYearsClosed = new ArrayList<>();
    /** What evaluation's scorecard of the city counts: meetings recorded, open findings (all of them by default). */
    private volatile int[] cityScorecard = {Integer.MAX_VALUE, Integer.MAX_VALUE};
    final AtomicInteger inFlight = new AtomicInteger();
    final AtomicInteger maxInFlight = new AtomicInteger();
    final AtomicInteger meetingsBeforeAllExemptions = new AtomicInteger();
    private int expectedExemptions;

    public PlatformStub(CityRolls city) throws IOException {
        this.city = city;
        for (CityRolls.BranchRolls b : city.branches()) {
            String id = "unit-" + b.code();
            branchIdsByCode.put(b.code(), id);
            membersByBranchId.put(id, b.members());
            for (Member m : b.members()) {
                membersById.put(id(m), m);
                branchOfMember.put(id(m), id);
            }
        }
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(threads);
        server.createContext("/api/v1/", this::handle);
        // any password grant gets a token naming its user: what a call was made with shows in closedBy()
        server.createContext("/oauth2/token", exchange -> {
            try (exchange) {
                String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                String user = form.replaceAll(".*username=([^&]*).*", "$1");
                byte[] body = ("{\"access_token\":\"token-of-" + user + "\",\"expires_in\":3600}").getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            }
        });
        server.start();
    }

    static String id(Member m) {
        return "member-" + m.cardNumber();
    }

    public URI base() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    PlatformStub forgetBranch(String code) {
        branchIdsByCode.remove(code);
        return this;
    }

    PlatformStub expectExemptions(int n) {
        expectedExemptions = n;
        return this;
    }

    public synchronized PlatformStub answerNextMeetings(Answer... answers) {
        nextMeetingAnswers.addAll(List.of(answers));
        return this;
    }

    PlatformStub answer(String reference, Answer answer) {
        answersByReference.put(reference, answer);
        return this;
    }

    synchronized List<Received> received() {
        return List.copyOf(received);
    }

    List<JsonNode> meetingBodies() {
        return received().stream().filter(r -> r.method().equals("POST") && r.path().equals("/api/v1/meetings"))
                .map(r -> JSON.readTree(r.body())).toList();
    }

    /** The findings {@code GET /api/v1/findings} answers, in this order, whatever the filter. */
    public synchronized PlatformStub findings(List<JsonNode> raised) {
        findings.clear();
        findings.addAll(raised);
        return this;
    }

    /**
     * The ratings {@code GET /api/v1/evaluation/years/{year}/ratings} answers, those of the {@code subjectType} asked
     * for, in this order, a page at a time, whatever the year.
     */
    public synchronized PlatformStub ratings(List<JsonNode> given) {
        ratings.clear();
        ratings.addAll(given);
        return this;
    }

    /**
     * The meetings recorded and open findings {@code GET /api/v1/scorecards/organisations/{id}} counts; negative
     * figures make it answer 503, as the gateway does when the sum outlasts its timeout.
     */
    public PlatformStub cityScorecard(int meetingsRecorded, int openFindings) {
        cityScorecard = new int[] {meetingsRecorded, openFindings};
        return this;
    }

    /** The rating years closed, in order, each with the Authorization header it was closed with. */
    public synchronized List<String> ratingYearsClosed() {
        return List.copyOf(ratingYearsClosed);
    }

    /** The periods closed, in order, each with the Authorization header it was closed with. */
    synchronized Map<String, String> closedBy() {
        return new LinkedHashMap<>(closedBy);
    }

    public URI tokenUrl() {
        return URI.create(base() + "/oauth2/token");
    }

    public int recorded() {
        return references.size();
    }

    Map<String, JsonNode> exemptions() {
        return exemptions;
    }

    Map<String, Long> payments() {
        return payments;
    }

    /** The next collection sheets get these answers instead of being recorded. */
    synchronized void answerNextSheets(Answer... answers) {
        nextSheetAnswers.addAll(List.of(answers));
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body;
            try (InputStream in = exchange.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            String path = exchange.getRequestURI().getRawPath();
            String query = exchange.getRequestURI().getRawQuery();
            synchronized (this) {
                received.add(new Received(exchange.getRequestMethod(), path + (query == null ? "" : "?" + query), body));
            }
            // counted between the whole request and the answer: inside the client's wait, so never above its limit
            maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            Answer answer;
            try {
                answer = route(exchange.getRequestMethod(), path, query(query), body,
                        exchange.getRequestHeaders().getFirst("Authorization"));
                Thread.sleep(1); // long enough for concurrent requests to overlap here
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                inFlight.decrementAndGet();
            }
            byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", answer.status() >= 400 ? "application/problem+json" : "application/json");
            exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
        }
    }

    private Answer route(String method, String path, Map<String, String> query, String body, String user) {
        if (method.equals("GET") && path.equals("/api/v1/organisations") && ROOT.equals(query.get("code"))) {
            return new Answer(200, "{\"items\":[{\"id\":\"unit-" + ROOT + "\",\"code\":\"" + ROOT + "\"}]}");
        }
        if (method.equals("GET") && path.equals("/api/v1/findings") && ("unit-" + ROOT).equals(query.get("organisationId"))) {
            return findingsPage(Integer.parseInt(query.get("page")), Integer.parseInt(query.get("size")));
        }
        if (method.equals("POST") && path.startsWith("/api/v1/inspection/periods/") && path.endsWith("/close")) {
            String period = path.substring("/api/v1/inspection/periods/".length(), path.length() - "/close".length());
            return close(period, user);
        }
        if (method.equals("POST") && path.startsWith("/api/v1/evaluation/years/") && path.endsWith("/close")) {
            return closeRatingYear(path.substring("/api/v1/evaluation/years/".length(), path.length() - "/close".length()), user);
        }
        if (method.equals("GET") && path.startsWith("/api/v1/evaluation/years/") && path.endsWith("/ratings")) {
            return ratingsPage(query.get("subjectType"), Integer.parseInt(query.get("page")), Integer.parseInt(query.get("size")));
        }
        if (method.equals("GET") && path.startsWith("/api/v1/scorecards/organisations/")) {
            if (cityScorecard[0] < 0) {
                return problem(503, "unavailable", null, "the upstream did not answer in time");
            }
            return new Answer(200, JSON.writeValueAsString(Map.of("meetingsRecorded", cityScorecard[0],
                    "openFindings", cityScorecard[1])));
        }
        if (method.equals("GET") && path.equals("/api/v1/organisations") && isCommittee(query.get("code"))) {
            return new Answer(200, "{\"items\":[{\"id\":\"unit-" + query.get("code") + "\",\"code\":\"" + query.get("code") + "\"}]}");
        }
        if (method.equals("GET") && path.equals("/api/v1/organisations")) {
            String id = branchIdsByCode.get(query.get("code"));
            return new Answer(200, id == null ? "{\"items\":[]}" : "{\"items\":[{\"id\":\"" + id + "\",\"code\":\"" + query.get("code") + "\"}]}");
        }
        if (method.equals("GET") && path.equals("/api/v1/members")) {
            return members(query);
        }
        if (method.equals("POST") && path.startsWith("/api/v1/members/") && path.endsWith("/exemption")) {
            String id = path.substring("/api/v1/members/".length(), path.length() - "/exemption".length());
            if (!membersById.containsKey(id)) {
                return problem(404, "not-found", null, "no member " + id);
            }
            exemptions.put(id, JSON.readTree(body));
            return new Answer(200, "{\"id\":\"" + id + "\"}");
        }
        if (method.equals("PUT") && path.startsWith("/api/v1/organisations/") && path.endsWith("/online-eligibility")) {
            onlineApprovals.put(path.substring("/api/v1/organisations/".length(), path.length() - "/online-eligibility".length()),
                    JSON.readTree(body));
            return new Answer(200, "{}");
        }
        if (method.equals("POST") && path.equals("/api/v1/meetings")) {
            return meeting(JSON.readTree(body));
        }
        if (method.equals("POST") && path.startsWith("/api/v1/organisations/") && path.endsWith("/dues-sheets")) {
            return duesSheet(path.substring("/api/v1/organisations/".length(), path.length() - "/dues-sheets".length()), JSON.readTree(body));
        }
        return problem(404, "not-found", null, "no route " + method + " " + path);
    }

    /** As membership records a sheet: row by row, a member of another branch refused, a payment recorded once. */
    private Answer duesSheet(String branchId, JsonNode sheet) {
        synchronized (this) {
            if (!nextSheetAnswers.isEmpty()) {
                return nextSheetAnswers.poll();
            }
        }
        int recorded = 0, unchanged = 0, row = 0;
        List<Map<String, Object>> rejected = new ArrayList<>();
        for (JsonNode r : sheet.path("rows")) {
            row++;
            String memberId = r.path("memberId").asString();
            if (!branchId.equals(branchOfMember.get(memberId))) {
                rejected.add(Map.of("row", row, "field", "memberId", "reason", "not on this branch's rolls"));
            } else if (payments.putIfAbsent(memberId + "|" + sheet.path("month").asString(), r.path("amount").asLong()) == null) {
                recorded++;
            } else {
                unchanged++;
            }
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("branchId", branchId);
        answer.put("month", sheet.path("month").asString());
        answer.put("rows", row);
        answer.put("recorded", recorded);
        answer.put("unchanged", unchanged);
        answer.put("rejected", rejected);
        return new Answer(200, JSON.writeValueAsString(answer));
    }

    private Answer members(Map<String, String> query) {
        List<Member> all = new ArrayList<>(membersByBranchId.getOrDefault(query.get("branchId"), List.of()));
        all.sort(Comparator.comparing(Member::fullName).thenComparing(PlatformStub::id));
        int size = Integer.parseInt(query.getOrDefault("size", "20"));
        int page = Integer.parseInt(query.getOrDefault("page", "0"));
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = page * size; i < Math.min(all.size(), (page + 1) * size); i++) {
            Member m = all.get(i);
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("id", id(m));
            item.put("branchId", query.get("branchId"));
            item.put("fullName", m.fullName());
            item.put("cardNumber", m.cardNumber());
            item.put("status", m.status().name());
            items.add(item);
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("items", items);
        answer.put("page", page);
        answer.put("size", size);
        answer.put("hasMore", (page + 1) * size < all.size());
        return new Answer(200, JSON.writeValueAsString(answer));
    }

    private boolean isCommittee(String code) {
        return code != null && city.unit(code) != null && !city.unit(code).kind().holdsMembers();
    }

    private synchronized Answer closeRatingYear(String year, String user) {
        boolean before = ratingYearsClosed.stream().anyMatch(c -> c.startsWith(year + " "));
        ratingYearsClosed.add(year + " " + user);
        long members = ratings.stream().filter(r -> r.path("subjectType").asString().equals("MEMBER")).count();
        return new Answer(200, JSON.writeValueAsString(Map.of("year", Integer.parseInt(year), "membersRated", members,
                "branchesRated", ratings.size() - members, "alreadyClosed", before, "durationMillis", 1234)));
    }

    private synchronized Answer ratingsPage(String subjectType, int page, int size) {
        List<JsonNode> ofType = ratings.stream().filter(r -> r.path("subjectType").asString().equals(subjectType)).toList();
        List<JsonNode> items = ofType.subList(Math.min(ofType.size(), page * size), Math.min(ofType.size(), (page + 1) * size));
        return new Answer(200, JSON.writeValueAsString(Map.of("items", items, "page", page, "size", size)));
    }

    private synchronized Answer findingsPage(int page, int size) {
        List<JsonNode> items = findings.subList(Math.min(findings.size(), page * size), Math.min(findings.size(), (page + 1) * size));
        return new Answer(200, JSON.writeValueAsString(Map.of("items", items, "page", page, "size", size)));
    }

    private synchronized Answer close(String period, String user) {
        boolean before = closedBy.containsKey(period);
        closedBy.putIfAbsent(period, user);
        return new Answer(200, JSON.writeValueAsString(Map.of("period", period, "branchesChecked", branchIdsByCode.size(),
                "findingsRaised", 0, "alreadyClosed", before)));
    }

    private synchronized Answer scripted(String reference) {
        Answer byReference = answersByReference.get(reference);
        return byReference != null ? byReference : nextMeetingAnswers.poll();
    }

    private Answer meeting(JsonNode m) {
        if (exemptions.size() < expectedExemptions) {
            meetingsBeforeAllExemptions.incrementAndGet();
        }
        String reference = m.path("reference").asString();
        Answer scripted = scripted(reference);
        if (scripted != null) {
            return scripted;
        }
        if (references.contains(reference)) {
            return problem(409, "conflict", "reference", "a meeting with reference " + reference + " is already recorded");
        }
        String branchId = m.path("branchId").asString();
        LocalDate heldOn = LocalDate.parse(m.path("heldOn").asString());
        if (!m.path("mode").asString().equals("IN_PERSON") && !onlineApprovals.containsKey(branchId)) {
            return problem(422, "invalid-field", "mode", "branch " + branchId + " is not approved for online meetings");
        }
        Set<String> listed = new HashSet<>();
        int presentOfficials = 0;
        int i = 0;
        for (JsonNode a : m.path("attendance")) {
            String id = a.path("memberId").asString();
            Member member = membersById.get(id);
            if (member == null || !branchId.equals(branchOfMember.get(id)) || member.admittedOn().isAfter(heldOn)) {
                return problem(422, "invalid-field", "attendance[" + i + "].memberId", "member " + id + " is not on this branch's roster");
            }
            if (!listed.add(id)) {
                return problem(422, "invalid-field", "attendance[" + i + "].memberId", "listed twice");
            }
            if (a.path("status").asString().equals("ABSENT_EXCUSED") && a.path("reason").asString("").isBlank()) {
                return problem(422, "invalid-field", "attendance[" + i + "].reason", "an excused absence needs its reason");
            }
            boolean official = member.recognisedOn() != null && !member.recognisedOn().isAfter(heldOn);
            presentOfficials += official && a.path("status").asString().equals("PRESENT") ? 1 : 0;
            i++;
        }
        for (Member member : membersByBranchId.get(branchId)) {
            if (!member.admittedOn().isAfter(heldOn) && !exemptOn(id(member), heldOn) && !listed.contains(id(member))) {
                return problem(422, "invalid-field", "attendance", "every member of the branch must be listed; missing: " + id(member));
            }
        }
        JsonNode vote = m.path("vote");
        int votes = vote.path("inFavour").asInt() + vote.path("against").asInt() + vote.path("abstained").asInt();
        if (votes > presentOfficials) {
            return problem(422, "invalid-field", "vote", "votes cast exceed the official members present");
        }
        if (m.path("type").asString().equals("REGULAR") && !regularMonths.add(branchId + " " + heldOn.toString().substring(0, 7))) {
            return problem(409, "conflict", "heldOn", "the branch already has a regular meeting in " + heldOn.getMonth());
        }
        references.add(reference);
        return new Answer(201, "{\"id\":\"meeting-" + references.size() + "\"}");
    }

    private boolean exemptOn(String memberId, LocalDate day) {
        JsonNode e = exemptions.get(memberId);
        return e != null && !day.isBefore(LocalDate.parse(e.path("from").asString()))
                && (e.path("until").isNull() || !day.isAfter(LocalDate.parse(e.path("until").asString())));
    }

    public static Answer problem(int status, String type, String field, String detail) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("type", "https://chibo.org/problems/" + type);
        p.put("status", status);
        p.put("detail", detail);
        p.put("errors", field == null ? List.of() : List.of(Map.of("field", field, "message", detail)));
        return new Answer(status, JSON.writeValueAsString(p));
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> q = new HashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                q.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return q;
    }
}
