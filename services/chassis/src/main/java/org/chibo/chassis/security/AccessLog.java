package org.chibo.chassis.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The trace every refused request leaves: one WARN line on the {@code chibo.security.access} logger (who, roles,
 * organisation, what they tried, from where) and the counter {@code chibo.security.refused}, tagged by reason.
 */
public class AccessLog {

    private static final Logger log = LoggerFactory.getLogger("chibo.security.access");
    private final MeterRegistry meters;

    public AccessLog(MeterRegistry meters) {
        this.meters = meters;
    }

    /** A valid token, refused by role or scope. */
    public void refused(AccessRefusedException e, HttpServletRequest request) {
        Caller c = e.caller();
        String reason = e.path() == null ? "role" : "scope";
        meters.counter("chibo.security.refused", "reason", reason).increment();
        log.warn("access refused ({}): subject={} roles={} organisation={} tried '{}'{} via {} {} from {}", reason,
                c.subject(), c.roles(), c.organisationId(), e.action(), e.path() == null ? "" : " at " + e.path(),
                request.getMethod(), request.getRequestURI(), from(request));
    }

    /** No token, or one that does not verify (expired, wrong issuer, bad signature). */
    public void unauthenticated(String why, HttpServletRequest request) {
        meters.counter("chibo.security.refused", "reason", "unauthenticated").increment();
        log.warn("access refused (unauthenticated): {} via {} {} from {}", why, request.getMethod(), request.getRequestURI(),
                from(request));
    }

    /** Where the request came from: the client the gateway forwarded for, else the peer. */
    public static String from(HttpServletRequest request) {
        String forwarded = request.getHeader("X-Forwarded-For");
        if (forwarded != null && !forwarded.isBlank()) {
            return forwarded.split(",")[0].strip();
        }
        return request.getRemoteAddr();
    }
}
