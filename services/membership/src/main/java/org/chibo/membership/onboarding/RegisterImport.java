package org.chibo.membership.onboarding;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.chibo.chassis.outbox.Outbox;
import org.chibo.chassis.security.Caller;
import org.chibo.membership.audit.AuditLog;
import org.chibo.chassis.store.InBatches;
import org.chibo.chassis.time.BusinessDates;
import org.chibo.membership.member.AdmissionRules;
import org.chibo.membership.member.CellRules;
import org.chibo.membership.member.Member;
import org.chibo.membership.member.MemberService;
import org.chibo.membership.member.NewMember;
import org.chibo.membership.organisation.OrganisationService;
import org.chibo.membership.organisation.OrganisationUnit;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

/**
 * Onboards a city that already keeps records: units and members from the documented file, row by row. A good unit
 * row is written with its event in its outbox, good member rows with the request's {@link OnboardingBatch}, which
 * announces them in a few {@code members-onboarded} events; a bad row is reported with its line, field and reason and writes nothing; a
 * row already in the register as it is changes nothing, so a second import of the same file is a no-op. Ids derive
 * from the unit code and the card number, so the same file always names the same records.
 */
@Service
public class RegisterImport {

    private final MongoTemplate mongo;
    private final OrganisationService organisations;
    private final MemberService members;
    private final Outbox outbox;
    private final OnboardingBatches onboarding;
    private final Clock clock;
    private final AuditLog audit;

    RegisterImport(MongoTemplate mongo, OrganisationService organisations, MemberService members, Outbox outbox,
                   OnboardingBatches onboarding, Clock clock, AuditLog audit) {
        this.mongo = mongo;
        this.organisations = organisations;
        this.members = members;
        this.outbox = outbox;
        this.onboarding = onboarding;
        this.clock = clock;
        this.audit = audit;
    }

    static String unitId(String code) {
        return UUID.nameUUIDFromBytes(("unit:" + code).getBytes(StandardCharsets.UTF_8)).toString();
    }

    static String memberId(String cardNumber) {
        return UUID.nameUUIDFromBytes(("member:" + cardNumber).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /**
     * Imports {@code lines}, numbering them from {@code firstLine} in the report (a client sending a large file in
     * chunks passes where each chunk starts). Every row's unit (a unit row's own, a member row's branch) must lie in
     * the caller's subtree: one that does not refuses the whole request (403, naming the line) before anything is
     * written, since a file reaching outside the admin's organisation is not a data error but an attempt. Every
     * record created is audited, in one bulk insert after the data's own.
     */
    public ImportReport importLines(List<String> lines, int firstLine, Caller caller) {
        List<ImportReport.Rejection> rejected = new ArrayList<>();
        List<ImportLineParser.Row> rows = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            switch (ImportLineParser.parse(firstLine + i, lines.get(i))) {
                case ImportLineParser.Row row -> rows.add(row);
                case ImportLineParser.Bad bad -> rejected.add(bad.rejection());
            }
        }
        Batch batch = new Batch(knownUnits(rows), knownMembers(rows), caller);
        for (ImportLineParser.Row row : rows) {
            ImportReport.Rejection problem = switch (row.row()) {
                case ImportRow.UnitRow u -> batch.unit(row.line(), u);
                case ImportRow.MemberRow m -> batch.member(row.line(), m);
            };
            if (problem != null) {
                rejected.add(problem);
            }
        }
        mongo.insertAll(batch.newUnits);
        outbox.publishAllSoon(OrganisationUnit.COLLECTION, batch.newUnits.stream().map(OrganisationUnit::getId).toList());
        if (!batch.newMembers.isEmpty()) {
            // the batch before its members, released after them: see OnboardingBatch
            onboarding.prepare(batch.batchId);
            mongo.insertAll(batch.newMembers);
            onboarding.release(batch.batchId, batch.newMembers);
        }
        List<AuditLog.Subject> created = new ArrayList<>(batch.newUnits.size() + batch.newMembers.size());
        batch.newUnits.forEach(u -> created.add(AuditLog.Subject.unit("import", u.getId(), u.getPath())));
        batch.newMembers.forEach(m -> created.add(AuditLog.Subject.member("import", m.getId(), m.getOrganisationPath())));
        audit.recordAll(caller, created);
        rejected.sort(java.util.Comparator.comparingInt(ImportReport.Rejection::line));
        return new ImportReport(lines.size(), new ImportReport.Created(batch.newUnits.size(), batch.newMembers.size()),
                batch.unchanged, rejected);
    }

    private Map<String, OrganisationUnit> knownUnits(List<ImportLineParser.Row> rows) {
        Set<String> codes = new HashSet<>();
        for (ImportLineParser.Row row : rows) {
            switch (row.row()) {
                case ImportRow.UnitRow u -> {
                    codes.add(u.code());
                    if (u.parentCode() != null) {
                        codes.add(u.parentCode());
                    }
                }
                case ImportRow.MemberRow m -> {
                    codes.add(m.branchCode());
                    if (m.cellCode() != null) {
                        codes.add(m.cellCode());
                    }
                }
            }
        }
        Map<String, OrganisationUnit> known = new HashMap<>();
        organisations.byCodes(codes).forEach(u -> known.put(u.getCode(), u));
        return known;
    }

    private Map<String, Member> knownMembers(List<ImportLineParser.Row> rows) {
        List<String> cards = rows.stream().filter(r -> r.row() instanceof ImportRow.MemberRow)
                .map(r -> ((ImportRow.MemberRow) r.row()).cardNumber()).toList();
        Map<String, Member> known = new HashMap<>();
        InBatches.find(mongo, "cardNumber", cards, Member.class).forEach(m -> known.put(m.getCardNumber(), m));
        return known;
    }

    /** The rows of one request, checked in file order against the register and against each other. */
    private final class Batch {
        final Map<String, OrganisationUnit> units;
        final Map<String, Member> membersByCard;
        final Set<String> seenCodes = new HashSet<>();
        final Set<String> seenCards = new HashSet<>();
        final List<OrganisationUnit> newUnits = new ArrayList<>();
        final List<Member> newMembers = new ArrayList<>();
        final String batchId = OnboardingBatches.newBatchId();
        final LocalDate today = BusinessDates.today(clock);
        final Caller caller;
        int unchanged;

        Batch(Map<String, OrganisationUnit> units, Map<String, Member> membersByCard, Caller caller) {
            this.units = units;
            this.membersByCard = membersByCard;
            this.caller = caller;
        }

        private void requireInScope(int line, String what, String path) {
            caller.requireCovers("import line " + line + " (" + what + ")", path);
        }

        /** The unit a code names (none for no code), or the rejection of the row naming {@code field}. */
        private record Lookup(OrganisationUnit unit, ImportReport.Rejection rejection) {
        }

        private Lookup unitNamed(int line, String field, String code, String hint) {
            OrganisationUnit unit = code == null ? null : units.get(code);
            if (code != null && unit == null) {
                return new Lookup(null, new ImportReport.Rejection(line, field, "no unit with code " + code
                        + " in the register or earlier in the file" + hint));
            }
            return new Lookup(unit, null);
        }

        ImportReport.Rejection unit(int line, ImportRow.UnitRow u) {
            if (!seenCodes.add(u.code())) {
                return new ImportReport.Rejection(line, "code", "unit code " + u.code() + " appears twice in the file");
            }
            Lookup parentLookup = unitNamed(line, "parentCode", u.parentCode(), " (a parent must come before its children)");
            if (parentLookup.rejection() != null) {
                return parentLookup.rejection();
            }
            OrganisationUnit parent = parentLookup.unit();
            OrganisationUnit existing = units.get(u.code());
            requireInScope(line, "unit " + u.code(), existing != null ? existing.getPath()
                    : (parent == null ? "/" : parent.getPath()) + unitId(u.code()) + "/");
            if (existing != null) {
                if (!existing.sameAs(u.name().strip(), u.kind(), parent == null ? null : parent.getId())) {
                    return new ImportReport.Rejection(line, "code", "unit " + u.code()
                            + " is already registered with another name, kind or parent; change it with the tree's commands");
                }
                if (!java.util.Objects.equals(existing.getDissolvedOn(), u.dissolvedOn())) {
                    return new ImportReport.Rejection(line, "dissolvedOn", "unit " + u.code() + " is "
                            + (existing.isDissolved() ? "dissolved on " + existing.getDissolvedOn() : "not dissolved")
                            + " in the register; dissolve a unit with the dissolution command");
                }
                unchanged++;
                return null;
            }
            if (u.dissolvedOn() != null) {
                return new ImportReport.Rejection(line, "dissolvedOn", "unit " + u.code()
                        + " is not in the register: register it, then dissolve it with the dissolution command");
            }
            String placement = OrganisationService.placementProblem(u.kind(), parent);
            if (placement != null) {
                return new ImportReport.Rejection(line, "parentCode", placement);
            }
            if (u.branchKind() != null && !u.kind().holdsMembers()) {
                return new ImportReport.Rejection(line, "branchKind", "only a branch (chi bộ) has a branch kind, not a " + u.kind());
            }
            OrganisationUnit unit = organisations.newUnit(unitId(u.code()), parent, u.kind(), u.name().strip(), u.code(),
                    u.branchKind(), u.meetingDay(), clock.instant());
            units.put(u.code(), unit);
            newUnits.add(unit);
            return null;
        }

        ImportReport.Rejection member(int line, ImportRow.MemberRow m) {
            if (!seenCards.add(m.cardNumber())) {
                return new ImportReport.Rejection(line, "cardNumber", "card number " + m.cardNumber() + " appears twice in the file");
            }
            Lookup branchLookup = unitNamed(line, "branchCode", m.branchCode(), "");
            Lookup cellLookup = unitNamed(line, "cellCode", m.cellCode(), "");
            if (branchLookup.rejection() != null || cellLookup.rejection() != null) {
                return branchLookup.rejection() != null ? branchLookup.rejection() : cellLookup.rejection();
            }
            OrganisationUnit branch = branchLookup.unit();
            OrganisationUnit cell = cellLookup.unit();
            requireInScope(line, "member " + m.cardNumber() + " of " + m.branchCode(), branch.getPath());
            Member known = membersByCard.get(m.cardNumber());
            if (known != null) {
                requireInScope(line, "member " + m.cardNumber(), known.getOrganisationPath());
            }
            NewMember candidate = new NewMember(m.fullName().strip(), m.cardNumber(), m.status(), m.gender(), m.birthDate(),
                    m.admittedOn(), m.recognisedOn());
            Member existing = membersByCard.get(m.cardNumber());
            if (existing != null) {
                // compared before the rules for new members: an exported member of a branch or cell dissolved since
                // (having left the rolls first) re-imports as it is
                if (existing.sameAs(candidate, branch.getId(), cell == null ? null : cell.getId())) {
                    unchanged++;
                    return null;
                }
                return new ImportReport.Rejection(line, "cardNumber", "card number " + m.cardNumber()
                        + " already belongs to a member recorded differently; change it with the member commands");
            }
            String rolls = MemberService.rollsProblem(branch);
            if (rolls != null) {
                return new ImportReport.Rejection(line, "branchCode", rolls);
            }
            String cellProblem = cell == null ? null : CellRules.problem(cell, branch.getId());
            if (cellProblem != null) {
                return new ImportReport.Rejection(line, "cellCode", cellProblem);
            }
            AdmissionRules.Problem problem = AdmissionRules.check(candidate, today);
            if (problem != null) {
                return new ImportReport.Rejection(line, problem.field(), problem.reason());
            }
            newMembers.add(members.onboardedMember(memberId(m.cardNumber()), branch, candidate, cell, batchId));
            return null;
        }
    }
}
