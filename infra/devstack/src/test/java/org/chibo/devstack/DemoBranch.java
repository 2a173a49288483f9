package org.chibo.devstack;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import org.chibo.citysim.CityGenerator;
import org.chibo.citysim.CityProfile;
import org.chibo.citysim.Member;
import org.chibo.citysim.meetings.CityRolls;

/**
 * A branch of the demo city with the identity provider's demo accounts around it, small enough for an end-to-end
 * test: Chi bộ Tổ dân phố số 1 of phường Hạ Lý ({@code HP.D01.G001.B004}, where {@code secretary.haly} is the
 * secretary), its ancestors up to the city (where {@code admin} and {@code inspector.city} are bound; Quận ủy Hồng
 * Bàng has {@code inspector.hongbang}), and ten of its members, who log in with their card numbers. The import gives
 * every unit and member the id the identity provider puts in the tokens (name-based UUIDs of code and card number),
 * so the tokens' organisations and member ids are these.
 */
final class DemoBranch {

    static final String CODE = "HP.D01.G001.B004";
    static final String ADMIN = "admin";
    static final String SECRETARY = "secretary.haly";
    static final String INSPECTOR = "inspector.hongbang";

    /** The card numbers of the first {@code size} members on the branch's roll in the demo city (seed 42). */
    static List<String> cardNumbers(int size) {
        return CityRolls.generate(CityProfile.bundled(), CityGenerator.DEFAULT_SEED, CityGenerator.DEFAULT_REFERENCE_DATE)
                .branches().stream().filter(b -> b.code().equals(CODE)).findFirst().orElseThrow()
                .members().stream().limit(size).map(Member::cardNumber).toList();
    }

    /** The import file: the branch, its ancestors and the members, all official since 2015. */
    static String importLines(List<String> cardNumbers) {
        StringBuilder lines = new StringBuilder()
                .append(unit("HP", "Đảng bộ thành phố Hải Phòng", "CITY_COMMITTEE", null))
                .append(unit("HP.D01", "Quận ủy Hồng Bàng", "DIRECT_COMMITTEE", "HP"))
                .append(unit("HP.D01.G001", "Đảng ủy phường Hạ Lý", "GRASSROOTS_COMMITTEE", "HP.D01"))
                .append(unit(CODE, "Chi bộ Tổ dân phố số 1", "BRANCH", "HP.D01.G001").replace("}\n",
                        ",\"branchKind\":\"RESIDENTIAL_GROUP\"}\n"));
        for (int i = 0; i < cardNumbers.size(); i++) {
            lines.append("{\"record\":\"member\",\"cardNumber\":\"").append(cardNumbers.get(i))
                    .append("\",\"fullName\":\"Nguyễn Văn ").append((char) ('A' + i))
                    .append("\",\"branchCode\":\"").append(CODE)
                    .append("\",\"status\":\"OFFICIAL\",\"admittedOn\":\"2015-03-02\"}\n");
        }
        return lines.toString();
    }

    static String branchId() {
        return uuid("unit:" + CODE);
    }

    static String memberId(String cardNumber) {
        return uuid("member:" + cardNumber);
    }

    private static String unit(String code, String name, String kind, String parent) {
        return "{\"record\":\"unit\",\"code\":\"" + code + "\",\"name\":\"" + name + "\",\"kind\":\"" + kind + "\""
                + (parent == null ? "" : ",\"parentCode\":\"" + parent + "\"") + "}\n";
    }

    private static String uuid(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
