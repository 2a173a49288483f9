package org.chibo.citysim;

import java.text.Normalizer;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;

/**
 * Vietnamese full names: family name (họ) by its national frequency, a middle name (tên đệm) that depends on gender
 * and generation (Văn and Thị are far commoner among the old), sometimes a second middle name, and a given name
 * (tên). Every part is NFC, so a name compares byte for byte however it was typed.
 */
final class NameGenerator {

    /** Family names with their share per thousand (Nguyễn ≈ 38 %, Trần ≈ 11 %, Lê ≈ 9.5 % …); the weights sum to 1000. */
    private static final List<Weighted> FAMILY = List.of(
            w("Nguyễn", 380), w("Trần", 110), w("Lê", 95), w("Phạm", 70), w("Hoàng", 50), w("Vũ", 40), w("Phan", 40),
            w("Đặng", 20), w("Bùi", 20), w("Đỗ", 14), w("Hồ", 13), w("Ngô", 13), w("Dương", 10), w("Đinh", 10),
            w("Trịnh", 9), w("Đào", 9), w("Trương", 8), w("Mai", 6), w("Cao", 6), w("Lương", 6), w("Đoàn", 6),
            w("Hà", 6), w("Lý", 5), w("Tô", 5), w("Lưu", 4), w("Phùng", 4), w("Chu", 4), w("Tạ", 4), w("Vương", 3),
            w("Lâm", 3), w("Mạc", 3), w("Thái", 3), w("Khúc", 2), w("Nghiêm", 2), w("Quách", 2), w("Kiều", 2),
            w("Đồng", 2), w("Lã", 2), w("Giang", 2), w("Triệu", 2), w("Lại", 2), w("Nông", 1), w("Hứa", 1),
            w("Ninh", 1));

    private static final int FAMILY_TOTAL = FAMILY.stream().mapToInt(Weighted::weight).sum();

    static final Set<String> FAMILY_NAMES = FAMILY.stream().map(Weighted::value).collect(Collectors.toUnmodifiableSet());

    private static final List<String> MALE_MIDDLE = UnitNames.nfc(List.of("Hữu", "Đức", "Minh", "Quang", "Thanh",
            "Xuân", "Ngọc", "Công", "Mạnh", "Trọng", "Tiến", "Duy", "Hoàng", "Thế", "Đình", "Bá", "Quốc", "Anh",
            "Tuấn", "Việt", "Hồng", "Huy", "Trung", "Hải", "Thành", "Chí", "Khắc", "Đăng", "Kim", "Gia"));

    private static final List<String> FEMALE_MIDDLE = UnitNames.nfc(List.of("Ngọc", "Thu", "Thanh", "Minh", "Hồng",
            "Phương", "Thúy", "Kim", "Bích", "Thùy", "Lan", "Khánh", "Hải", "Diệu", "Hoài", "Quỳnh", "Mai", "Hà",
            "Bảo", "Vân", "Mỹ", "Tuyết", "Hoàng", "Thảo"));

    private static final List<String> MALE_GIVEN = UnitNames.nfc(List.of("An", "Bình", "Cường", "Dũng", "Đức", "Hải",
            "Hùng", "Huy", "Hưng", "Khánh", "Long", "Minh", "Nam", "Phong", "Phúc", "Quang", "Sơn", "Tài", "Thắng",
            "Thành", "Tiến", "Trung", "Tuấn", "Tùng", "Việt", "Vinh", "Hoàng", "Hiếu", "Hiệp", "Kiên", "Lâm", "Lợi",
            "Mạnh", "Nghĩa", "Quân", "Quý", "Thái", "Thịnh", "Toàn", "Trọng", "Vũ", "Khoa", "Đạt", "Duy", "Công",
            "Chiến", "Bảo", "Giang", "Hòa", "Hậu", "Lộc", "Tâm", "Thuận", "Tú", "Anh", "Đông", "Hiển", "Khải", "Lực",
            "Thuấn", "Trường", "Thanh", "Hà", "Định", "Độ", "Kiệt", "Nhật", "Phương", "Sáng"));

    private static final List<String> FEMALE_GIVEN = UnitNames.nfc(List.of("Anh", "Chi", "Dung", "Duyên", "Giang",
            "Hà", "Hạnh", "Hằng", "Hiền", "Hoa", "Hòa", "Hồng", "Huệ", "Hương", "Hường", "Lan", "Liên", "Linh", "Loan",
            "Mai", "Minh", "My", "Nga", "Ngân", "Ngọc", "Nhung", "Oanh", "Phương", "Quyên", "Quỳnh", "Tâm", "Thảo",
            "Thanh", "Thoa", "Thu", "Thủy", "Thúy", "Trang", "Trâm", "Tuyết", "Uyên", "Vân", "Xuân", "Yến", "Huyền",
            "Lụa", "Nhàn", "Liễu", "Thắm", "Hậu", "Lý", "Nguyệt", "Sen", "Diệp", "Gấm", "Luyến", "Nhài", "Thơm",
            "Vui", "Hải"));

    private NameGenerator() {
    }

    static String fullName(Member.Gender gender, int birthYear, SplittableRandom random) {
        boolean male = gender == Member.Gender.MALE;
        String family = family(random);
        String given = pick(male ? MALE_GIVEN : FEMALE_GIVEN, random);
        List<String> middles = male ? MALE_MIDDLE : FEMALE_MIDDLE;
        String middle;
        if (random.nextDouble() < traditionalMiddleShare(male, birthYear)) {
            middle = male ? "Văn" : "Thị";
            // "Nguyễn Thị Thu Hương": a second middle name, commoner for women
            if (random.nextDouble() < (male ? 0.04 : 0.14)) {
                middle += " " + pickOther(middles, given, random);
            }
        } else {
            middle = pickOther(middles, given, random);
        }
        return family + " " + middle + " " + given;
    }

    /** Văn / Thị as the middle name: the usual choice for those born before 1965, ever rarer since. */
    private static double traditionalMiddleShare(boolean male, int birthYear) {
        if (birthYear < 1965) {
            return male ? 0.62 : 0.80;
        }
        if (birthYear < 1985) {
            return male ? 0.42 : 0.60;
        }
        return male ? 0.22 : 0.38;
    }

    private static String family(SplittableRandom random) {
        int pick = random.nextInt(FAMILY_TOTAL);
        for (Weighted f : FAMILY) {
            if (pick < f.weight) {
                return f.value;
            }
            pick -= f.weight;
        }
        throw new AssertionError("family weights do not add up");
    }

    private static String pickOther(List<String> names, String avoid, SplittableRandom random) {
        String name;
        do {
            name = pick(names, random);
        } while (name.equals(avoid));
        return name;
    }

    private static String pick(List<String> names, SplittableRandom random) {
        return names.get(random.nextInt(names.size()));
    }

    private static Weighted w(String value, int weight) {
        return new Weighted(Normalizer.normalize(value, Normalizer.Form.NFC), weight);
    }

    private record Weighted(String value, int weight) {
    }
}
