package org.chibo.citysim;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A stand-in for the membership service's import and count endpoints, with the contract the real one is being
 * written to: POST /api/v1/imports?firstLine=n (rows rejected by absolute line, a re-sent row is "unchanged"),
 * GET /api/v1/organisations?code=…, GET /api/v1/organisations/{id}/counts (the subtree below the unit). Requests
 * can be scripted to fail: an HTTP status, or a connection dropped without an answer.
 */
final class ImportStub implements AutoCloseable {

    /** What to do with the next import request instead of answering it normally. */
    sealed interface Fault {
    }

    record Status(int code, String retryAfter) implements Fault {
    }

    record Drop() implements Fault {
    }

    /** One import request as received. */
    record Received(int firstLine, String contentType, String body) {
        List<String> lines() {
            return body.lines().toList();
        }
    }

    private final HttpServer server;
    private final Deque<Fault> faults = new ArrayDeque<>();
    private final List<Received> received = new ArrayList<>();
    private final Map<String, String> unitKinds = new HashMap<>();
    private final Map<String, String> memberBranches = new HashMap<>();
    private final Map<String, String> memberStatuses = new HashMap<>();
    private Fault always;
    private final boolean requireToken;
    private int tokensIssued;

    ImportStub() throws IOException {
        this(false);
    }

    /**
     * {@code requireToken}: every platform call must carry the token its {@code /oauth2/token} issues for the demo
     * admin (password grant, client chibo-cli, password chibo-demo), and is answered 401 otherwise, as the platform does.
     */
    ImportStub(boolean requireToken) throws IOException {
        this.requireToken = requireToken;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/v1/imports", exchange -> authorised(exchange, this::imports));
        server.createContext("/api/v1/organisations", exchange -> authorised(exchange, this::organisations));
        server.createContext("/oauth2/token", this::token);
        server.start();
    }

    static final String ADMIN_TOKEN = "stub-token-of-admin";

    URI tokenUrl() {
        return URI.create(base() + "/oauth2/token");
    }

    synchronized int tokensIssued() {
        return tokensIssued;
    }

    private void authorised(HttpExchange exchange, com.sun.net.httpserver.HttpHandler handler) throws IOException {
        if (requireToken && !("Bearer " + ADMIN_TOKEN).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            try (exchange) {
                exchange.getRequestBody().readAllBytes();
                answer(exchange, 401, "{\"title\":\"no token\"}");
            }
            return;
        }
        handler.handle(exchange);
    }

    private synchronized void token(HttpExchange exchange) throws IOException {
        try (exchange) {
            Map<String, String> form = new HashMap<>();
            for (String pair : new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8).split("&")) {
                String[] kv = pair.split("=", 2);
                form.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                        kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
            }
            if (form.equals(Map.of("grant_type", "password", "client_id", "chibo-cli", "username", "admin",
                    "password", "chibo-demo"))) {
                tokensIssued++;
                answer(exchange, 200, "{\"access_token\":\"" + ADMIN_TOKEN + "\",\"token_type\":\"Bearer\",\"expires_in\":3600}");
            } else {
                answer(exchange, 400, "{\"error\":\"invalid_grant\"}");
            }
        }
    }

    URI base() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    synchronized ImportStub failNext(Fault... next) {
        faults.addAll(List.of(next));
        return this;
    }

    synchronized ImportStub failAlways(Fault fault) {
        always = fault;
        return this;
    }

    synchronized List<Received> received() {
        return List.copyOf(received);
    }

    synchronized int members() {
        return memberBranches.size();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private synchronized void imports(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body;
            try (InputStream in = exchange.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            int firstLine = Integer.parseInt(query(exchange).getOrDefault("firstLine", "1"));
            received.add(new Received(firstLine, exchange.getRequestHeaders().getFirst("Content-Type"), body));
            Fault fault = faults.isEmpty() ? always : faults.poll();
            if (fault instanceof Drop) {
                return; // closing the exchange without an answer drops the connection
            }
            if (fault instanceof Status s) {
                if (s.retryAfter != null) {
                    exchange.getResponseHeaders().add("Retry-After", s.retryAfter);
                }
                answer(exchange, s.code, "{\"title\":\"scripted failure\"}");
                return;
            }
            if (!"POST".equals(exchange.getRequestMethod())) {
                answer(exchange, 405, "{}");
                return;
            }
            answer(exchange, 200, importLines(body.lines().toList(), firstLine).toString());
        }
    }

    private ObjectNode importLines(List<String> lines, int firstLine) {
        int units = 0;
        int members = 0;
        int unchanged = 0;
        ArrayNode rejected = GeneratedCity.JSON.createArrayNode();
        for (int i = 0; i < lines.size(); i++) {
            int line = firstLine + i;
            if (lines.get(i).isBlank()) {
                continue;
            }
            JsonNode row;
            try {
                row = GeneratedCity.JSON.readTree(lines.get(i));
            } catch (RuntimeException e) {
                reject(rejected, line, "record", "not JSON");
                continue;
            }
            switch (row.path("record").asString("")) {
                case "unit" -> {
                    String code = row.path("code").asString();
                    String parent = row.path("parentCode").asString(null);
                    if (unitKinds.containsKey(code)) {
                        unchanged++;
                    } else if (parent != null && !unitKinds.containsKey(parent)) {
                        reject(rejected, line, "parentCode", "no unit with code " + parent);
                    } else {
                        unitKinds.put(code, row.path("kind").asString());
                        units++;
                    }
                }
                case "member" -> {
                    String card = row.path("cardNumber").asString();
                    String branch = row.path("branchCode").asString();
                    String kind = unitKinds.get(branch);
                    if (memberBranches.containsKey(card)) {
                        unchanged++;
                    } else if (kind == null) {
                        reject(rejected, line, "branchCode", "no unit with code " + branch);
                    } else if (!kind.equals("BRANCH") && !kind.equals("GRASSROOTS_BRANCH")) {
                        reject(rejected, line, "branchCode", "a " + kind + " keeps no rolls");
                    } else {
                        memberBranches.put(card, branch);
                        memberStatuses.put(card, row.path("status").asString());
                        members++;
                    }
                }
                default -> reject(rejected, line, "record", "record must be \"unit\" or \"member\"");
            }
        }
        ObjectNode report = GeneratedCity.JSON.createObjectNode();
        report.put("lines", lines.size());
        report.putObject("created").put("units", units).put("members", members);
        report.put("unchanged", unchanged);
        report.set("rejected", rejected);
        return report;
    }

    private static void reject(ArrayNode rejected, int line, String field, String reason) {
        rejected.addObject().put("line", line).put("field", field).put("reason", reason);
    }

    private synchronized void organisations(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if (path.equals("/api/v1/organisations")) {
                String code = query(exchange).get("code");
                ObjectNode answer = GeneratedCity.JSON.createObjectNode();
                ArrayNode items = answer.putArray("items");
                if (code != null && unitKinds.containsKey(code)) {
                    items.addObject().put("id", "id-" + code).put("code", code).put("kind", unitKinds.get(code));
                }
                answer(exchange, 200, answer.toString());
            } else if (path.startsWith("/api/v1/organisations/id-") && path.endsWith("/counts")) {
                String code = path.substring("/api/v1/organisations/id-".length(), path.length() - "/counts".length());
                answer(exchange, 200, counts(code).toString());
            } else {
                answer(exchange, 404, "{}");
            }
        }
    }

    private ObjectNode counts(String code) {
        String below = code + ".";
        Map<String, Integer> kinds = new TreeMap<>();
        unitKinds.forEach((c, k) -> {
            if (c.startsWith(below)) {
                kinds.merge(k, 1, Integer::sum);
            }
        });
        Map<String, Integer> statuses = new LinkedHashMap<>(Map.of("OFFICIAL", 0, "PROBATIONARY", 0));
        memberBranches.forEach((card, branch) -> {
            if (branch.startsWith(below)) {
                statuses.merge(memberStatuses.get(card), 1, Integer::sum);
            }
        });
        ObjectNode counts = GeneratedCity.JSON.createObjectNode();
        ObjectNode byKind = counts.putObject("unitsByKind");
        kinds.forEach(byKind::put);
        ObjectNode members = counts.putObject("members");
        statuses.forEach(members::put);
        members.put("total", statuses.values().stream().mapToInt(Integer::intValue).sum());
        return counts;
    }

    private static Map<String, String> query(HttpExchange exchange) {
        Map<String, String> query = new HashMap<>();
        String raw = exchange.getRequestURI().getRawQuery();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    query.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return query;
    }

    private static void answer(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
