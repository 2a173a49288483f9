package org.chibo.evaluation.access;

import java.util.regex.Pattern;

import org.chibo.chassis.security.AccessRefusedException;
import org.chibo.chassis.security.Caller;
import org.chibo.chassis.security.Role;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Component;

/**
 * Who may do what with ratings and scorecards (services/chassis/README.md, "Access policy"), checked on every object
 * with its organisation path. An object that exists outside the caller's subtree is refused with 403 (logged and
 * counted by the chassis); only an object that does not exist is 404. A caller without any role that could ever see
 * the thing is refused before anything is looked up, so a member cannot probe other people's records.
 */
@Component
public class EvaluationAccess {

    /** Read ratings and scorecards of their subtree (a branch secretary's subtree is their branch and its members). */
    static final Role[] SUBTREE_READERS = {Role.COMMITTEE_STAFF, Role.CITY_ADMIN, Role.INSPECTOR, Role.BRANCH_SECRETARY};
    /** Anyone who may read some rating: the subtree readers, and a member their own. */
    static final Role[] RATING_READERS = {Role.COMMITTEE_STAFF, Role.CITY_ADMIN, Role.INSPECTOR, Role.BRANCH_SECRETARY, Role.MEMBER};
    /** The figures units report: statistics of a committee's subtree. */
    static final Role[] STATISTICS_READERS = {Role.COMMITTEE_STAFF, Role.CITY_ADMIN, Role.INSPECTOR};
    /** Confirm or override a final rating: the competent committee (124-QĐ/TW art. 12 step 3). */
    static final Role[] DECIDERS = {Role.COMMITTEE_STAFF, Role.CITY_ADMIN};

    private final Places places;

    EvaluationAccess(Places places) {
        this.places = places;
    }

    public Places places() {
        return places;
    }

    // ---- ratings and member scorecards: the subtree, or a member's own --------------------------------------------

    /** Before looking anything up: the caller can read some rating (a member: only a member's, only their own). */
    public void requireRatingReader(Caller caller, String action, String subjectType, String subjectId) {
        if (caller.hasAny(SUBTREE_READERS)) {
            return;
        }
        caller.requireAnyRole(action, RATING_READERS);
        if (!("MEMBER".equals(subjectType) && caller.isMember(subjectId))) {
            throw new AccessRefusedException(caller, action, null, "a member reads only their own rating");
        }
    }

    /** The object found: in the caller's subtree, or the caller's own record. */
    public void requireRatingRead(Caller caller, String action, String subjectType, String subjectId, String organisationPath) {
        boolean own = caller.has(Role.MEMBER) && "MEMBER".equals(subjectType) && caller.isMember(subjectId);
        if (own || (caller.hasAny(SUBTREE_READERS) && caller.covers(organisationPath))) {
            return;
        }
        throw new AccessRefusedException(caller, action, organisationPath, "lies outside the caller's organisation");
    }

    /**
     * The ratings a listing may show the caller: those whose organisation path runs through the caller's
     * organisation, or for a member only their own. A token without an organisation sees nothing.
     */
    public Criteria visibleRatings(Caller caller, String action) {
        if (caller.hasAny(SUBTREE_READERS)) {
            return caller.organisationId() == null ? nothing() : Criteria.where("organisationPath").regex(runsThrough(caller.organisationId()));
        }
        caller.requireAnyRole(action, RATING_READERS);
        return caller.memberId() == null ? nothing()
                : Criteria.where("subjectType").is("MEMBER").and("subjectId").is(caller.memberId());
    }

    /** A listing's filter on an organisation (branch, rating unit): it must be a known unit in the caller's subtree. */
    public void requireFilterInSubtree(Caller caller, String action, String parameter, String organisationId) {
        if (organisationId == null) {
            return;
        }
        String path = places.organisationPath(organisationId).orElse(null);
        if (path == null) {
            throw new AccessRefusedException(caller, action, null, parameter + " " + organisationId
                    + " is not a unit known here, so it cannot be placed in the caller's organisation");
        }
        caller.requireCovers(action, path);
    }

    // ---- branch scorecards and committees' roll-ups ------------------------------------------------------------------

    public void requireSubtreeReader(Caller caller, String action) {
        caller.requireAnyRole(action, SUBTREE_READERS);
    }

    public void requireSubtreeRead(Caller caller, String action, String organisationPath) {
        caller.require(action, organisationPath, SUBTREE_READERS);
    }

    // ---- decisions ---------------------------------------------------------------------------------------------------

    public void requireDecider(Caller caller, String action) {
        caller.requireAnyRole(action, DECIDERS);
    }

    /**
     * The committee deciding must hold the rating unit in its subtree: a member's unit is their branch, a branch's
     * the grassroots (or direct) committee above it, so a branch cannot confirm its own rating.
     */
    public void requireDecide(Caller caller, String action, String organisationPath, String ratingUnitId) {
        caller.require(action, unitPath(organisationPath, ratingUnitId), DECIDERS);
    }

    /** The rating unit's path: the rated object's path cut after the unit's id (the unit is the object or above it). */
    static String unitPath(String organisationPath, String ratingUnitId) {
        if (organisationPath == null || ratingUnitId == null) {
            return organisationPath;
        }
        int at = organisationPath.indexOf("/" + ratingUnitId + "/");
        return at < 0 ? organisationPath : organisationPath.substring(0, at + ratingUnitId.length() + 2);
    }

    // ---- administration and statistics ------------------------------------------------------------------------------

    /** A year close rates the whole city: a city administrator bound to the root of the tree. */
    public void requireYearClose(Caller caller, String action) {
        caller.requireAnyRole(action, Role.CITY_ADMIN);
        if (!places.isRoot(caller.organisationId())) {
            throw new AccessRefusedException(caller, action, places.organisationPath(caller.organisationId()).orElse(null),
                    "a year close rates the whole city: it needs a city administrator bound to the city committee");
        }
    }

    /**
     * The unit a statistics report is about: the one asked for, which must be in the caller's subtree, else the
     * caller's own organisation.
     */
    public String statisticsScope(Caller caller, String action, String organisationId) {
        caller.requireAnyRole(action, STATISTICS_READERS);
        String scope = organisationId != null ? organisationId : caller.organisationId();
        if (scope == null) {
            throw new AccessRefusedException(caller, action, null, "the token is bound to no organisation");
        }
        requireFilterInSubtree(caller, action, "organisationId", scope);
        return scope;
    }

    /** Paths that run through the organisation: it and everything below it. */
    public static Pattern runsThrough(String organisationId) {
        return Pattern.compile(Pattern.quote("/" + organisationId + "/"));
    }

    private static Criteria nothing() {
        return Criteria.where("_id").exists(false);
    }
}
