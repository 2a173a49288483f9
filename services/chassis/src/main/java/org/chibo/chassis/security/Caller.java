package org.chibo.chassis.security;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

/**
 * Who is calling, from the verified token: the subject, the roles, the organisation whose subtree they act on, and,
 * for a member, their member id. A controller takes one as a parameter ({@link CallerResolver}).
 *
 * <p>Scope is a question about materialised paths ({@code /city/district/…/branch/}): an object lies in the caller's
 * subtree when its organisation's path runs through the caller's organisation.
 *
 * @param organisationId the unit the roles are bound to; null when the token carries none (then nothing is in scope)
 * @param memberId       the caller's own member record, when they are a party member with an account
 */
public record Caller(String subject, Set<Role> roles, String organisationId, String memberId) {

    public Caller {
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean hasAny(Role... any) {
        return Arrays.stream(any).anyMatch(roles::contains);
    }

    /** Whether the organisation at {@code path} is the caller's organisation or lies below it. */
    public boolean covers(String path) {
        return organisationId != null && path != null && path.contains("/" + organisationId + "/");
    }

    /** Whether {@code memberId} is the caller's own record. */
    public boolean isMember(String memberId) {
        return this.memberId != null && this.memberId.equals(memberId);
    }

    /**
     * Refuses (403, logged) unless the caller holds one of {@code allowed}.
     *
     * @param action what the caller tried, for the problem and the log, e.g. "record a meeting"
     */
    public void requireAnyRole(String action, Role... allowed) {
        if (!hasAny(allowed)) {
            throw new AccessRefusedException(this, action, null, "needs one of the roles " + Arrays.toString(allowed));
        }
    }

    /**
     * Refuses (403, logged) unless the organisation at {@code path} lies in the caller's subtree.
     *
     * @param action what the caller tried, e.g. "read member 42"
     */
    public void requireCovers(String action, String path) {
        if (!covers(path)) {
            throw new AccessRefusedException(this, action, path, "lies outside the caller's organisation");
        }
    }

    /** Refuses unless the caller holds one of {@code allowed} and the organisation at {@code path} is in their subtree. */
    public void require(String action, String path, Role... allowed) {
        requireAnyRole(action, allowed);
        requireCovers(action, path);
    }
}
