package org.chibo.membership.profile;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A member's CV (lý lịch đảng viên), in sections kept as sub-documents of the member, replaced whole by a PUT. It is
 * both the request body and what is stored: the sections are plain records with no behaviour, so a separate request
 * copy of each would only repeat them. A missing section is an empty one, so readers never meet a null.
 */
public record MemberProfile(@Valid Identity identity,
                            @Valid Education education,
                            @Size(max = MAX_ENTRIES) List<@NotNull @Valid WorkPeriod> workHistory,
                            @Size(max = MAX_ENTRIES) List<@NotNull @Valid Award> awards) {

    /** Lists are capped: a CV is a page or two, and a document stays far below MongoDB's size limit. */
    public static final int MAX_ENTRIES = 50;
    static final String MONTH = "[0-9]{4}-(0[1-9]|1[0-2])";

    public static final MemberProfile EMPTY = new MemberProfile(null, null, null, null);

    public MemberProfile {
        identity = Objects.requireNonNullElse(identity, Identity.EMPTY);
        education = Objects.requireNonNullElse(education, Education.EMPTY);
        workHistory = Objects.requireNonNullElse(workHistory, List.of());
        awards = Objects.requireNonNullElse(awards, List.of());
    }

    /** The names of the sections that differ from {@code before}, in the order of the CV; empty when none does. */
    public List<String> sectionsChangedFrom(MemberProfile before) {
        List<String> changed = new ArrayList<>();
        if (!identity.equals(before.identity)) {
            changed.add("identity");
        }
        if (!education.equals(before.education)) {
            changed.add("education");
        }
        if (!workHistory.equals(before.workHistory)) {
            changed.add("workHistory");
        }
        if (!awards.equals(before.awards)) {
            changed.add("awards");
        }
        return changed;
    }
}
