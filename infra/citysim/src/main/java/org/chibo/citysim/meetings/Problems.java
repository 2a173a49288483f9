package org.chibo.citysim.meetings;

import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The platform's refusals (problem+json): the first few are printed in full, the rest only counted. Also tells a
 * 409 about the client reference (the meeting is already recorded: a re-run) from any other conflict.
 */
public final class Problems {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final PrintStream out;
    private final int printed;
    private final AtomicInteger seen = new AtomicInteger();

    Problems(PrintStream out, int printed) {
        this.out = out;
        this.printed = printed;
    }

    /** A refusal: the request, the status and the problem in full. */
    void report(String what, int status, String body) {
        print(String.format(Locale.ROOT, "%s: HTTP %d%n  %s", what, status, body == null ? "" : body.strip()));
    }

    /** A request that could not be answered at all, or a look-up that found nothing. */
    void failure(String what) {
        print(what);
    }

    private void print(String text) {
        int n = seen.incrementAndGet();
        if (n <= printed) {
            out.println("[citysim] " + text);
            if (n == printed) {
                out.println("[citysim] (further problems are only counted)");
            }
        }
    }

    /** A 409 that names {@code reference} (in its errors' fields or its detail): that meeting is already there. */
    static boolean aboutReference(String body) {
        return about(body, "reference");
    }

    /** A problem that names {@code field} in its errors' fields or its detail. */
    static boolean about(String body, String field) {
        try {
            JsonNode problem = JSON.readTree(body == null ? "" : body);
            for (JsonNode error : problem.path("errors")) {
                if (field.equals(error.path("field").asString(""))) {
                    return true;
                }
            }
            return problem.path("detail").asString("").toLowerCase(Locale.ROOT).contains(field);
        } catch (JacksonException e) {
            return false;
        }
    }

    public static String snippet(String body) {
        String flat = body == null ? "" : body.replaceAll("\\s+", " ").strip();
        return flat.length() > 300 ? flat.substring(0, 300) + "…" : flat;
    }
}
