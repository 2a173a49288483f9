package org.chibo.citysim.meetings;

import java.text.Normalizer;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.chibo.citysim.BranchKind;
import org.chibo.citysim.Unit;

/**
 * The Vietnamese a branch's minutes are written in: places, thematic topics, agenda items, conclusions, resolutions,
 * tasks and the reasons members give for missing a meeting. Every text is NFC.
 */
final class MeetingTexts {

    private MeetingTexts() {
    }

    /** Residential groups, villages and retirees meet in the evening or at a weekend; everyone else at work. */
    static boolean meetsInTheNeighbourhood(BranchKind kind) {
        return kind == BranchKind.RESIDENTIAL_GROUP || kind == BranchKind.VILLAGE || kind == BranchKind.RETIREES;
    }

    static LocalTime usualStart(BranchKind kind, SplittableRandom random) {
        List<LocalTime> usual = switch (kind) {
            case RESIDENTIAL_GROUP, VILLAGE -> List.of(LocalTime.of(19, 30), LocalTime.of(19, 30), LocalTime.of(19, 0),
                    LocalTime.of(8, 0));
            case RETIREES -> List.of(LocalTime.of(8, 0), LocalTime.of(8, 30), LocalTime.of(14, 0));
            case SCHOOL -> List.of(LocalTime.of(16, 30), LocalTime.of(14, 0), LocalTime.of(16, 0));
            case ENTERPRISE -> List.of(LocalTime.of(16, 0), LocalTime.of(14, 0), LocalTime.of(13, 30));
            default -> List.of(LocalTime.of(14, 0), LocalTime.of(14, 0), LocalTime.of(8, 0), LocalTime.of(15, 30));
        };
        return usual.get(random.nextInt(usual.size()));
    }

    /** "Chi bộ Tổ dân phố số 5" meets in "Nhà văn hóa Tổ dân phố số 5"; an office branch in its own meeting room. */
    static String place(Unit branch) {
        String name = branch.name().startsWith("Chi bộ ") ? branch.name().substring("Chi bộ ".length()) : branch.name();
        String place = switch (branch.branchKind()) {
            case RESIDENTIAL_GROUP, VILLAGE -> name.startsWith("số ") ? "Nhà văn hóa khu dân cư " + name : "Nhà văn hóa " + name;
            case RETIREES -> "Nhà văn hóa khu dân cư";
            case ARMED_FORCES -> "Hội trường " + name;
            case SCHOOL -> "Phòng họp hội đồng " + name;
            case HEALTH -> "Phòng giao ban " + name;
            default -> "Phòng họp " + name;
        };
        return nfc(place);
    }

    private static final List<String> COMMON_TOPICS = nfc(List.of(
            "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
            "Công tác phát triển đảng viên",
            "Nâng cao chất lượng sinh hoạt chi bộ",
            "Tự phê bình và phê bình theo tinh thần Nghị quyết Trung ương 4 khóa XII",
            "Phòng, chống tham nhũng, lãng phí, tiêu cực",
            "Bảo vệ nền tảng tư tưởng của Đảng, đấu tranh phản bác các quan điểm sai trái, thù địch",
            "Trách nhiệm nêu gương của cán bộ, đảng viên theo Quy định 08-QĐi/TW",
            "Chuyển đổi số trong hoạt động của chi bộ"));

    private static List<String> ownTopics(BranchKind kind) {
        return nfc(switch (kind) {
            case RESIDENTIAL_GROUP -> List.of("Xây dựng tổ dân phố văn minh, an toàn, sạch đẹp",
                    "Công tác dân vận và thực hiện dân chủ ở cơ sở");
            case VILLAGE -> List.of("Xây dựng nông thôn mới nâng cao, kiểu mẫu", "Phát triển kinh tế hộ gia đình, giảm nghèo bền vững");
            case RETIREES -> List.of("Phát huy vai trò của đảng viên hưu trí ở khu dân cư", "Giáo dục truyền thống cho thế hệ trẻ");
            case SCHOOL -> List.of("Đổi mới căn bản, toàn diện giáo dục và đào tạo", "Xây dựng trường học hạnh phúc");
            case HEALTH -> List.of("Nâng cao chất lượng khám, chữa bệnh và y đức", "Đổi mới phong cách, thái độ phục vụ người bệnh");
            case ENTERPRISE -> List.of("Nâng cao hiệu quả sản xuất, kinh doanh", "Vai trò của chi bộ trong doanh nghiệp");
            case ARMED_FORCES -> List.of("Xây dựng đơn vị vững mạnh toàn diện", "Nâng cao sức mạnh chiến đấu, sẵn sàng chiến đấu");
            case POLICE -> List.of("Xây dựng lực lượng Công an nhân dân trong sạch, vững mạnh",
                    "Bảo đảm an ninh, trật tự trên địa bàn");
            case AGENCY -> List.of("Cải cách hành chính, nâng cao chất lượng phục vụ người dân",
                    "Thực hành tiết kiệm, chống lãng phí trong cơ quan");
        });
    }

    /** Four different topics for the four quarters; the first quarter's is the year-round theme of Hồ Chí Minh. */
    static List<String> topics(BranchKind kind, SplittableRandom random) {
        List<String> pool = new ArrayList<>(COMMON_TOPICS.subList(1, COMMON_TOPICS.size()));
        pool.addAll(ownTopics(kind));
        List<String> topics = new ArrayList<>(4);
        topics.add(COMMON_TOPICS.get(0));
        while (topics.size() < 4) {
            topics.add(pool.remove(random.nextInt(pool.size())));
        }
        return topics;
    }

    private static List<String> ownBusiness(BranchKind kind) {
        return nfc(switch (kind) {
            case RESIDENTIAL_GROUP -> List.of("Công tác vệ sinh môi trường, an ninh trật tự trên địa bàn tổ dân phố",
                    "Vận động nhân dân đóng góp quỹ vì người nghèo", "Hòa giải các vụ việc ở khu dân cư");
            case VILLAGE -> List.of("Tiến độ sản xuất nông nghiệp và chăm sóc cây trồng, vật nuôi",
                    "Công tác thủy lợi, phòng chống thiên tai", "Vận động nhân dân tham gia xây dựng đường giao thông nông thôn");
            case RETIREES -> List.of("Thăm hỏi hội viên ốm đau, gia đình chính sách", "Sinh hoạt câu lạc bộ thơ, dưỡng sinh");
            case SCHOOL -> List.of("Kết quả dạy và học, chất lượng giáo dục học sinh", "Công tác bồi dưỡng học sinh giỏi",
                    "Thực hiện chương trình giáo dục phổ thông");
            case HEALTH -> List.of("Kết quả khám, chữa bệnh và công tác chuyên môn", "Công tác phòng, chống dịch bệnh",
                    "Quản lý thuốc, vật tư y tế");
            case ENTERPRISE -> List.of("Kết quả sản xuất, kinh doanh trong tháng", "Công tác an toàn lao động",
                    "Đời sống, việc làm của người lao động");
            case ARMED_FORCES -> List.of("Kết quả huấn luyện, sẵn sàng chiến đấu", "Quản lý quân số, vũ khí, trang bị",
                    "Công tác hậu cần, kỹ thuật");
            case POLICE -> List.of("Tình hình an ninh, trật tự và kết quả đấu tranh phòng, chống tội phạm",
                    "Công tác quản lý cư trú", "Phòng cháy, chữa cháy trên địa bàn");
            case AGENCY -> List.of("Kết quả thực hiện nhiệm vụ chuyên môn của cơ quan", "Cải cách thủ tục hành chính",
                    "Giải quyết đơn thư, kiến nghị của công dân");
        });
    }

    /** Two to five agenda items: the news, last month's resolution, the branch's own business, next month's tasks. */
    static List<String> regularItems(BranchKind kind, int month, int year, SplittableRandom random) {
        String when = month + "/" + year;
        int next = month == 12 ? 1 : month + 1;
        List<String> items = new ArrayList<>(5);
        items.add("Thông tin thời sự, chính trị trong nước và quốc tế tháng " + when);
        items.add("Đánh giá kết quả thực hiện nghị quyết tháng " + (month == 1 ? 12 + "/" + (year - 1) : (month - 1) + "/" + year));
        List<String> business = new ArrayList<>(ownBusiness(kind));
        int extra = random.nextInt(3);
        for (int i = 0; i < extra && !business.isEmpty(); i++) {
            items.add(business.remove(random.nextInt(business.size())));
        }
        if (random.nextInt(4) > 0) {
            items.add("Thảo luận, thống nhất nhiệm vụ trọng tâm tháng " + next + "/" + (month == 12 ? year + 1 : year));
        }
        return nfc(items);
    }

    static List<String> thematicItems(String topic, SplittableRandom random) {
        List<String> items = new ArrayList<>(4);
        items.add("Quán triệt nội dung chuyên đề: " + topic);
        items.add("Đảng viên thảo luận, liên hệ trách nhiệm của bản thân");
        if (random.nextBoolean()) {
            items.add("Đề ra giải pháp thực hiện chuyên đề tại chi bộ");
        }
        if (random.nextInt(3) == 0) {
            items.add("Đăng ký làm theo của từng đảng viên");
        }
        return nfc(items);
    }

    /** "tháng 3/2025" for a regular meeting's period, "quý II/2025" for a thematic one's. */
    static String periodInWords(MeetingType type, String period) {
        int year = Integer.parseInt(period.substring(0, 4));
        if (type == MeetingType.REGULAR) {
            return "tháng " + Integer.parseInt(period.substring(5)) + "/" + year;
        }
        return nfc("quý " + List.of("I", "II", "III", "IV").get(period.charAt(6) - '1') + "/" + year);
    }

    static String conclusion(MeetingType type, String period, SplittableRandom random) {
        String when = periodInWords(type, period);
        List<String> options = type == MeetingType.REGULAR
                ? List.of("Đồng chí chủ trì kết luận: chi bộ đã hoàn thành các nhiệm vụ đề ra; tháng tới tập trung thực hiện tốt các nhiệm vụ trọng tâm.",
                        "Đồng chí chủ trì kết luận, tiếp thu ý kiến của đảng viên và giao nhiệm vụ cụ thể cho từng đồng chí.",
                        "Chi bộ thống nhất đánh giá kết quả " + when + " và các nhiệm vụ, giải pháp cho tháng tới.")
                : List.of("Đồng chí chủ trì kết luận: mỗi đảng viên xây dựng kế hoạch làm theo chuyên đề gắn với nhiệm vụ được giao.",
                        "Chi bộ thống nhất các giải pháp thực hiện chuyên đề trong " + when + ".");
        return nfc(options.get(random.nextInt(options.size())));
    }

    static String resolution(MeetingType type, String period, String topic) {
        String when = periodInWords(type, period);
        return nfc(type == MeetingType.REGULAR
                ? "Nghị quyết chi bộ " + when + ": thực hiện các nhiệm vụ trọng tâm đã thống nhất, phân công đảng viên phụ trách."
                : "Nghị quyết chuyên đề " + when + ": " + topic + ".");
    }

    private static List<String> tasks(BranchKind kind) {
        return nfc(switch (kind) {
            case RESIDENTIAL_GROUP, VILLAGE, RETIREES -> List.of("Vận động các hộ gia đình tham gia tổng vệ sinh môi trường",
                    "Nắm tình hình dư luận nhân dân, báo cáo chi ủy", "Thăm hỏi các gia đình chính sách, hộ khó khăn",
                    "Phối hợp với ban công tác mặt trận tổ chức hoạt động của khu dân cư", "Đôn đốc thu nộp các loại quỹ");
            case SCHOOL -> List.of("Hoàn thành kế hoạch bồi dưỡng học sinh", "Dự giờ, góp ý chuyên môn cho giáo viên trẻ",
                    "Phụ trách công tác đoàn, đội trong nhà trường");
            case HEALTH -> List.of("Rà soát quy trình chuyên môn của khoa", "Phụ trách công tác chăm sóc người bệnh",
                    "Theo dõi công tác phòng, chống nhiễm khuẩn");
            case ENTERPRISE -> List.of("Đôn đốc tiến độ sản xuất, giao hàng", "Kiểm tra an toàn lao động tại phân xưởng",
                    "Theo dõi đời sống, tâm tư của người lao động");
            case ARMED_FORCES, POLICE -> List.of("Duy trì nghiêm chế độ trực, sẵn sàng chiến đấu",
                    "Phụ trách huấn luyện, bồi dưỡng chiến sĩ mới", "Nắm tình hình, báo cáo chi ủy");
            case AGENCY -> List.of("Hoàn thành báo cáo chuyên môn đúng hạn", "Phụ trách giải quyết hồ sơ của công dân",
                    "Tham mưu kế hoạch công tác tháng tới");
        });
    }

    static String task(BranchKind kind, SplittableRandom random) {
        List<String> options = tasks(kind);
        return options.get(random.nextInt(options.size()));
    }

    private static final List<String> OLD_REASONS = nfc(List.of("ốm", "tuổi cao, sức yếu", "việc gia đình",
            "chăm sóc người nhà ốm", "đi khám bệnh"));
    private static final List<String> WORKING_REASONS = nfc(List.of("ốm", "đi công tác", "việc gia đình", "đi học tập trung",
            "nằm viện", "chăm con ốm"));

    /** The reason an absent member gave: the old are ill or kept home, the working away on duty. */
    static String absenceReason(BranchKind kind, int age, SplittableRandom random) {
        List<String> options;
        if (age >= 65) {
            options = OLD_REASONS;
        } else if (kind == BranchKind.ARMED_FORCES || kind == BranchKind.POLICE) {
            options = nfc(List.of("trực chiến", "trực ban", "đi công tác", "ốm", "nghỉ phép"));
        } else if (kind == BranchKind.ENTERPRISE) {
            options = nfc(List.of("đi làm ca", "đi công tác", "ốm", "việc gia đình"));
        } else {
            options = WORKING_REASONS;
        }
        return options.get(random.nextInt(options.size()));
    }

    static String exemptReason(Exemption exemption) {
        return nfc("được miễn sinh hoạt đảng (" + exemption.reason() + ")");
    }

    static String nfc(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFC);
    }

    static List<String> nfc(List<String> texts) {
        return texts.stream().map(MeetingTexts::nfc).toList();
    }
}
