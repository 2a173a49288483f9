package org.chibo.membership.profile;

import java.util.List;
import java.util.Objects;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Trình độ: the education part of the CV.
 *
 * @param generalEducation          giáo dục phổ thông: grades completed over the system's grades, e.g. "12/12" or "10/10"
 *                                  (the old ten-year system)
 * @param professionalQualification chuyên môn nghiệp vụ, e.g. "Cử nhân Luật"
 * @param academicDegree            học hàm, học vị, e.g. "Thạc sĩ", "Phó Giáo sư, Tiến sĩ"
 * @param politicalTheory           lý luận chính trị
 * @param foreignLanguages          ngoại ngữ, each with its level, e.g. "Tiếng Anh B1"
 */
public record Education(@Pattern(regexp = "([1-9]|1[0-2])/1[02]", message = "grades completed over the system's grades, e.g. 12/12") String generalEducation,
                        @Size(max = 200) String professionalQualification,
                        @Size(max = 100) String academicDegree,
                        PoliticalTheory politicalTheory,
                        @Size(max = 10) List<@NotBlank @Size(max = 100) String> foreignLanguages) {

    public static final Education EMPTY = new Education(null, null, null, null, List.of());

    public Education {
        foreignLanguages = Objects.requireNonNullElse(foreignLanguages, List.of());
    }
}
