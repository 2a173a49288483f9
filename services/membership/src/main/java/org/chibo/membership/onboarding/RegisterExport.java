package org.chibo.membership.onboarding;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.chibo.chassis.security.Caller;
import org.chibo.membership.access.Access;
import org.chibo.membership.member.Member;
import org.chibo.membership.organisation.OrganisationUnit;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.cfg.DateTimeFeature;

/**
 * Writes the caller's part of the register in the import format: the units of their subtree parents-first (path
 * order), then the members on those units' rolls by card number. The subtree's top unit names its parent by code, so
 * the file re-imports into the same register as it is.
 */
@Service
public class RegisterExport {

    private static final JsonMapper JSON = JsonMapper.builder().disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
            .changeDefaultPropertyInclusion(i -> i.withValueInclusion(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL))
            .build();

    private final MongoTemplate mongo;

    RegisterExport(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public void writeTo(Writer out, Caller caller) {
        List<OrganisationUnit> units = mongo.find(Query.query(Access.within(caller, "path")).with(Sort.by("path")), OrganisationUnit.class);
        Map<String, String> codeById = new HashMap<>();
        units.forEach(u -> codeById.put(u.getId(), u.getCode()));
        // the parent of the subtree's top unit lies outside it: its code only, so the top unit's line names it
        for (OrganisationUnit u : units) {
            if (u.getParentId() != null && !codeById.containsKey(u.getParentId())) {
                OrganisationUnit parent = mongo.findById(u.getParentId(), OrganisationUnit.class);
                if (parent != null) {
                    codeById.put(parent.getId(), parent.getCode());
                }
            }
        }
        for (OrganisationUnit u : units) {
            line(out, new ImportRow.UnitRow("unit", u.getCode(), u.getName(), u.getKind(),
                    u.getParentId() == null ? null : codeById.get(u.getParentId()), u.getBranchKind(), u.getMeetingDay(),
                    u.getDissolvedOn()));
        }
        try (var members = mongo.stream(Query.query(Access.within(caller, "organisationPath")).with(Sort.by("cardNumber")), Member.class)) {
            members.forEach(m -> line(out, new ImportRow.MemberRow("member", m.getCardNumber(), m.getFullName(), m.getGender(),
                    m.getBirthDate(), codeById.get(m.getBranchId()), m.getCellId() == null ? null : codeById.get(m.getCellId()),
                    m.getStatus(), m.getAdmittedOn(), m.getRecognisedOn())));
        }
    }

    private static void line(Writer out, ImportRow row) {
        try {
            out.write(JSON.writeValueAsString(row));
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
