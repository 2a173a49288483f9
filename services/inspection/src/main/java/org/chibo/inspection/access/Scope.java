package org.chibo.inspection.access;

import java.util.regex.Pattern;

import org.chibo.chassis.paths.MaterialisedPaths;
import org.chibo.chassis.security.AccessRefusedException;
import org.chibo.chassis.security.Caller;
import org.chibo.chassis.security.Role;
import org.chibo.chassis.web.NotFoundException;
import org.chibo.inspection.organisation.Organisations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Component;

/**
 * What a caller may see and touch here, in the terms of inspection's own data: organisation paths from the
 * {@code organisations} projection and the paths findings and plans carry. The access policy is in
 * services/chassis/README.md ("Access policy"); this service's side of it is in its README ("Who may call what").
 *
 * <p>An object that exists outside the caller's subtree is refused with 403 (logged and counted by the chassis), an
 * object that does not exist is a 404 for everyone with the right role: the ids here (rule + meeting, committee + year)
 * say nothing a 404 would hide.
 */
@Component
public class Scope {

    /** Read the subtree's findings, statistics and live feed (đọc phát hiện, thống kê, luồng tin kiểm tra). */
    public static final Role[] WATCHERS = {Role.INSPECTOR, Role.COMMITTEE_STAFF, Role.CITY_ADMIN};
    /** Read findings: the watchers, and a branch secretary their own branch's (bound to the branch). */
    public static final Role[] FINDING_READERS = {Role.INSPECTOR, Role.COMMITTEE_STAFF, Role.CITY_ADMIN, Role.BRANCH_SECRETARY};
    /** Move findings through their lifecycle, draw plans, record conclusions (Ủy ban kiểm tra; the city admin too). */
    public static final Role[] INSPECTORS = {Role.INSPECTOR, Role.CITY_ADMIN};

    private final Organisations organisations;

    Scope(Organisations organisations) {
        this.organisations = organisations;
    }

    /**
     * The path of an organisation a request names (a filter, a plan's committee, a watched subtree): 404 when it is not
     * known, 403 when it lies outside the caller's subtree.
     */
    public String organisationWithin(Caller caller, String action, String organisationId) {
        String path = organisations.pathOf(organisationId)
                .orElseThrow(() -> new NotFoundException("organisation", organisationId));
        caller.requireCovers(action, path);
        return path;
    }

    /**
     * Limits {@code field} (an organisation path) to the caller's subtree: its anchored prefix when the projection
     * knows the caller's organisation, else any path running through it (what {@link Caller#covers} asks).
     */
    public Criteria within(Caller caller, String action, String field) {
        requireOrganisation(caller, action);
        return organisations.pathOf(caller.organisationId())
                .map(path -> Criteria.where(field).regex(MaterialisedPaths.below(path)))
                .orElseGet(() -> Criteria.where(field).regex(Pattern.compile(Pattern.quote("/" + caller.organisationId() + "/"))));
    }

    /**
     * Administrative calls over the whole tree (closing a period): a city admin bound to a root of the tree, the city
     * committee, whose subtree holds every branch a close judges. One deployment serves one city.
     */
    public void requireRootAdmin(Caller caller, String action) {
        caller.requireAnyRole(action, Role.CITY_ADMIN);
        requireOrganisation(caller, action);
        String path = organisations.pathOf(caller.organisationId()).orElse(null);
        if (path == null || !path.equals("/" + caller.organisationId() + "/")) {
            throw new AccessRefusedException(caller, action, path == null ? "(unknown organisation)" : path,
                    "needs a city admin bound to the city (the root of the tree)");
        }
    }

    /** Refuses a token that binds its roles to no organisation: nothing is in its scope. */
    public static void requireOrganisation(Caller caller, String action) {
        if (caller.organisationId() == null || caller.organisationId().isBlank()) {
            throw new AccessRefusedException(caller, action, "(none)", "the token binds the roles to no organisation");
        }
    }
}
