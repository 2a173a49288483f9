package org.chibo.membership.profile;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The identity part of the CV (lý lịch đảng viên). Every field is optional: a CV is filled in over time. The phone,
 * identity number and permanent address are plain here and in the API, and encrypted in the store
 * ({@link SealedProfiles}).
 *
 * @param ethnicity        dân tộc, e.g. "Kinh"
 * @param religion         tôn giáo, e.g. "Không"
 * @param hometown         quê quán
 * @param birthplace       nơi sinh
 * @param permanentAddress nơi thường trú
 * @param phone            digits only, a leading 0 or +84
 * @param identityNumber   số căn cước công dân (CCCD): 12 digits
 */
public record Identity(@Size(max = 50) String ethnicity,
                       @Size(max = 50) String religion,
                       @Size(max = 200) String hometown,
                       @Size(max = 200) String birthplace,
                       @Size(max = 300) String permanentAddress,
                       @Pattern(regexp = "(\\+84|0)[0-9]{9,10}", message = "digits only, starting with 0 or +84 (e.g. 0912345678)") String phone,
                       @Pattern(regexp = "[0-9]{12}", message = "12 digits (số CCCD)") String identityNumber) {

    public static final Identity EMPTY = new Identity(null, null, null, null, null, null, null);
}
