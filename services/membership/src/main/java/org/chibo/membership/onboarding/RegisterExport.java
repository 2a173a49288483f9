package org.chibo.membership.onboarding;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.chibo.membership.member.Member;
import org.chibo.membership.organisation.OrganisationUnit;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.cfg.DateTimeFeature;

/** Writes the register in the import format: units parents-first (path order), then members by card number. */
@Service
public class RegisterExport {

    private static final JsonMapper JSON = JsonMapper.builder().disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
            .changeDefaultPropertyInclusion(i -> i.withValueInclusion(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL))
            .build();

    private final MongoTemplate mongo;

    RegisterExport(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public void writeTo(Writer out) {
        List<OrganisationUnit> units = mongo.find(new Query().with(Sort.by("path")), OrganisationUnit.class);
        Map<String, String> codeById = new HashMap<>();
        units.forEach(u -> codeById.put(u.getId(), u.getCode()));
        for (OrganisationUnit u : units) {
            line(out, new ImportRow.UnitRow("unit", u.getCode(), u.getName(), u.getKind(),
                    u.getParentId() == null ? null : codeById.get(u.getParentId()), u.getBranchKind(), u.getMeetingDay(),
                    u.getDissolvedOn()));
        }
        try (var members = mongo.stream(new Query().with(Sort.by("cardNumber")), Member.class)) {
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
