package org.chibo.citysim;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * Names every unit below the direct committees. Names are plausible, not a gazetteer: they follow how party units
 * are really called (Đảng ủy phường …, Chi bộ Tổ dân phố số …, Chi bộ thôn …, Chi bộ Trường THCS …) and do not repeat
 * inside one parent. Enterprise names come from one city-wide pool so no two enterprises share a name.
 */
final class UnitNames {

    private final SplittableRandom random;
    private final NamePool enterprises;

    UnitNames(SplittableRandom random) {
        this.random = random;
        this.enterprises = new NamePool(random.split(), companies(), "Công ty Cổ phần Dịch vụ tổng hợp số %d");
    }

    // ---- grassroots committees -------------------------------------------------------------------------------

    /** The type of a territorial committee, from how its place is written ("thị trấn Núi Đèo" is a town). */
    static GrassrootsType territorialType(DirectCommittee dc, String place) {
        if (place.startsWith("thị trấn ")) {
            return GrassrootsType.TOWN;
        }
        return dc.sector() == Sector.URBAN_DISTRICT ? GrassrootsType.WARD : GrassrootsType.COMMUNE;
    }

    /** "phường An Biên", "xã Kiền Bái", "thị trấn Núi Đèo": how a territorial committee and its branches are named. */
    static String placeLabel(GrassrootsType type, String place) {
        return switch (type) {
            case WARD -> "phường " + place;
            case COMMUNE -> "xã " + place;
            default -> place;
        };
    }

    /** The type of the i-th non-territorial committee of a district: its government, police, military, health, firms. */
    static GrassrootsType districtOtherType(int i) {
        return switch (i) {
            case 0, 3 -> GrassrootsType.AGENCY;
            case 1 -> GrassrootsType.POLICE;
            case 2 -> GrassrootsType.MILITARY;
            case 4 -> GrassrootsType.HEALTH_CENTRE;
            default -> GrassrootsType.ENTERPRISE;
        };
    }

    static GrassrootsType blocCommitteeType(Sector sector) {
        return switch (sector) {
            case AGENCY_BLOC -> GrassrootsType.AGENCY;
            case STATE_AGENCY -> GrassrootsType.STATE_AGENCY;
            case ENTERPRISE_BLOC, ENTERPRISE -> GrassrootsType.ENTERPRISE;
            case MILITARY -> GrassrootsType.MILITARY;
            case POLICE -> GrassrootsType.POLICE;
            case BORDER_GUARD -> GrassrootsType.BORDER_POST;
            case UNIVERSITY -> GrassrootsType.UNIVERSITY;
            case HOSPITAL -> GrassrootsType.HOSPITAL;
            case URBAN_DISTRICT, RURAL_DISTRICT -> throw new IllegalArgumentException(sector + " is not a bloc");
        };
    }

    String territorialCommittee(GrassrootsType type, String place) {
        return "Đảng ủy " + placeLabel(type, place);
    }

    String districtOtherCommittee(DirectCommittee dc, int i) {
        return switch (i) {
            case 0 -> "Đảng ủy Cơ quan Chính quyền " + dc.localName();
            case 1 -> "Đảng ủy Công an " + dc.localName();
            case 2 -> "Đảng ủy Quân sự " + dc.localName();
            case 3 -> "Đảng ủy Các cơ quan Đảng - Đoàn thể " + dc.localName();
            case 4 -> "Đảng ủy Trung tâm Y tế " + dc.localName();
            default -> "Đảng ủy " + enterprises.next();
        };
    }

    /** The names of a bloc's grassroots committees, in the order they are handed out. */
    NamePool blocCommittees(DirectCommittee dc) {
        if (dc.sector() == Sector.ENTERPRISE_BLOC) {
            return NamePool.prefixed("Đảng ủy ", enterprises);
        }
        String overflow = switch (dc.sector()) {
            case MILITARY -> "Đảng ủy Tiểu đoàn %d";
            case POLICE -> "Đảng ủy Đồn Công an số %d";
            case BORDER_GUARD -> "Đảng ủy Trạm Kiểm soát Biên phòng số %d";
            default -> "Đảng ủy Đơn vị trực thuộc số %d";
        };
        return new NamePool(random.split(), dc.otherCommittees(), overflow);
    }

    static String partialCommittee(GrassrootsType type, int ordinal) {
        String unit = switch (type) {
            case ENTERPRISE -> "Xí nghiệp";
            case MILITARY -> "Tiểu đoàn";
            case BORDER_POST -> "Hải đội";
            case POLICE -> "Khối Nghiệp vụ";
            case UNIVERSITY -> "Liên bộ môn";
            case HOSPITAL, HEALTH_CENTRE -> "Liên khoa";
            default -> "Khối";
        };
        return "Đảng bộ bộ phận " + unit + " " + ordinal;
    }

    static String cell(int ordinal) {
        return "Tổ đảng số " + ordinal;
    }

    // ---- branches --------------------------------------------------------------------------------------------

    /** Names the branches of one grassroots committee ({@code label}: "phường An Biên" for a territorial one). */
    BranchNamer underCommittee(GrassrootsType type, String label) {
        boolean territorial = !type.mayHavePartials;
        String place = label.replaceFirst("^(phường|xã|thị trấn) ", "");
        return new BranchNamer(kind -> switch (kind) {
            case RESIDENTIAL_GROUP -> NamePool.numbered("Chi bộ Tổ dân phố số %d");
            case VILLAGE -> pool(VILLAGES.stream().map(v -> "Chi bộ thôn " + v).toList(), "Chi bộ thôn số %d");
            case AGENCY -> territorial ? pool(List.of("Chi bộ Cơ quan " + label), "Chi bộ Cơ quan " + label + " số %d")
                    : switch (type) {
                        case UNIVERSITY -> pool(UNIVERSITY_OFFICES, "Chi bộ Văn phòng số %d");
                        case HOSPITAL, HEALTH_CENTRE -> pool(HOSPITAL_OFFICES, "Chi bộ Phòng Hành chính số %d");
                        default -> pool(AGENCY_UNITS, "Chi bộ Phòng Nghiệp vụ %d");
                    };
            case POLICE -> territorial ? pool(List.of("Chi bộ Công an " + label), "Chi bộ Công an " + label + " số %d")
                    : pool(POLICE_TEAMS, "Chi bộ Đội Nghiệp vụ %d");
            case ARMED_FORCES -> territorial ? pool(List.of("Chi bộ Quân sự " + label), "Chi bộ Quân sự " + label + " số %d")
                    : type == GrassrootsType.BORDER_POST ? pool(BORDER_TEAMS, "Chi bộ Tổ công tác %d")
                    : pool(MILITARY_UNITS, "Chi bộ Đại đội %d");
            case HEALTH -> territorial ? pool(List.of("Chi bộ Trạm Y tế " + label), "Chi bộ Y tế " + label + " số %d")
                    : pool(CLINICAL_DEPARTMENTS.stream().map(d -> "Chi bộ " + d).toList(), "Chi bộ Liên khoa %d");
            case SCHOOL -> type == GrassrootsType.UNIVERSITY ? pool(UNIVERSITY_SECTIONS, "Chi bộ Sinh viên số %d")
                    : pool(List.of("Chi bộ Trường Mầm non " + place, "Chi bộ Trường Tiểu học " + place),
                    "Chi bộ Trường Tiểu học " + place + " số %d");
            case ENTERPRISE -> pool(ENTERPRISE_UNITS, "Chi bộ Phân xưởng %d");
            case RETIREES -> pool(List.of(territorial ? "Chi bộ Hưu trí " + label : "Chi bộ Hưu trí"), "Chi bộ Hưu trí số %d");
        });
    }

    /** Names the grassroots branches (chi bộ cơ sở) directly under one direct committee. */
    BranchNamer underDirect(DirectCommittee dc) {
        String local = dc.localName();
        boolean district = dc.territorial();
        return new BranchNamer(kind -> switch (kind) {
            case SCHOOL -> switch (dc.sector()) {
                case URBAN_DISTRICT, RURAL_DISTRICT -> pool(districtSchools(dc), "Chi bộ Trường THCS số %d " + local);
                case UNIVERSITY -> pool(UNIVERSITY_SECTIONS, "Chi bộ Sinh viên số %d");
                default -> pool(COLLEGES, "Chi bộ Trường Cao đẳng số %d");
            };
            case AGENCY -> switch (dc.sector()) {
                case URBAN_DISTRICT, RURAL_DISTRICT -> pool(DISTRICT_AGENCIES.stream().map(a -> "Chi bộ " + a + " " + local).toList(),
                        "Chi bộ Ban Quản lý dự án số %d " + local);
                case AGENCY_BLOC -> pool(CITY_AGENCIES, "Chi bộ Ban Quản lý dự án số %d");
                case UNIVERSITY -> pool(UNIVERSITY_OFFICES, "Chi bộ Văn phòng số %d");
                case HOSPITAL -> pool(HOSPITAL_OFFICES, "Chi bộ Phòng Hành chính số %d");
                default -> pool(AGENCY_UNITS, "Chi bộ Phòng Nghiệp vụ %d");
            };
            case HEALTH -> switch (dc.sector()) {
                case URBAN_DISTRICT, RURAL_DISTRICT -> pool(List.of("Chi bộ Bệnh viện " + local,
                        "Chi bộ Trung tâm Dân số " + local), "Chi bộ Phòng khám đa khoa khu vực số %d " + local);
                case AGENCY_BLOC -> pool(CITY_HEALTH_UNITS, "Chi bộ Trung tâm Y tế chuyên ngành số %d");
                default -> pool(CLINICAL_DEPARTMENTS.stream().map(d -> "Chi bộ " + d).toList(), "Chi bộ Liên khoa %d");
            };
            case ENTERPRISE -> NamePool.prefixed("Chi bộ ", enterprises);
            case ARMED_FORCES -> dc.sector() == Sector.BORDER_GUARD ? pool(BORDER_BRANCHES, "Chi bộ Hải đội Tuần tra %d")
                    : pool(MILITARY_BRANCHES, "Chi bộ Đại đội %d");
            case POLICE -> pool(POLICE_BRANCHES, "Chi bộ Đội Cảnh sát cơ động %d");
            case RETIREES -> pool(List.of(district ? "Chi bộ Hưu trí Cơ quan " + local : "Chi bộ Cán bộ hưu trí"),
                    "Chi bộ Hưu trí số %d");
            case RESIDENTIAL_GROUP, VILLAGE -> NamePool.numbered("Chi bộ số %d");
        });
    }

    /** Schools that are grassroots branches of a district: ward schools in town, secondary schools in the country. */
    private static List<String> districtSchools(DirectCommittee dc) {
        List<String> schools = new ArrayList<>();
        for (String place : dc.places()) {
            String name = place.replaceFirst("^thị trấn ", "");
            if (dc.sector() == Sector.URBAN_DISTRICT) {
                schools.add("Chi bộ Trường Mầm non " + name);
                schools.add("Chi bộ Trường Tiểu học " + name);
            }
            schools.add("Chi bộ Trường THCS " + name);
        }
        String district = dc.localName().replaceFirst("^(quận|huyện) ", "");
        schools.add("Chi bộ Trường THPT " + district);
        schools.add("Chi bộ Trung tâm Giáo dục nghề nghiệp - Giáo dục thường xuyên " + dc.localName());
        for (String hero : HIGH_SCHOOL_NAMES) {
            schools.add("Chi bộ Trường THPT " + hero + " (" + district + ")");
        }
        return schools;
    }

    private NamePool pool(List<String> names, String overflow) {
        return new NamePool(random.split(), names, overflow);
    }

    /** Per-parent branch naming: one pool per branch kind, made on first use. */
    static final class BranchNamer {
        private final Map<BranchKind, NamePool> pools = new EnumMap<>(BranchKind.class);
        private final Function<BranchKind, NamePool> factory;

        BranchNamer(Function<BranchKind, NamePool> factory) {
            this.factory = factory;
        }

        String next(BranchKind kind) {
            return pools.computeIfAbsent(kind, factory).next();
        }
    }

    // ---- pools -----------------------------------------------------------------------------------------------

    private static List<String> companies() {
        List<String> names = new ArrayList<>();
        for (String form : List.of("Công ty Cổ phần", "Công ty TNHH MTV", "Công ty TNHH")) {
            for (String trade : TRADES) {
                for (String brand : BRANDS) {
                    names.add(form + " " + trade + " " + brand);
                }
            }
        }
        return nfc(names);
    }

    private static final List<String> TRADES = nfc(List.of("Xây dựng", "Vận tải biển", "Cơ khí", "Thương mại",
            "Dịch vụ Hàng hải", "Logistics", "Đóng tàu", "Thủy sản", "May", "Giày da", "Điện tử", "Vật liệu xây dựng",
            "Du lịch", "Nhựa", "Hóa chất", "Thép", "Đầu tư và Phát triển", "Cấp thoát nước", "Môi trường đô thị",
            "Công trình giao thông", "Xuất nhập khẩu", "Dược phẩm", "In", "Lương thực", "Kho vận"));

    private static final List<String> BRANDS = nfc(List.of("Hải Phòng", "Bạch Đằng", "Đông Hải", "Duyên Hải",
            "Tiền Phong", "Lạch Tray", "Cửa Cấm", "Sông Cấm", "Đình Vũ", "Tràng Kênh", "Cát Bi", "Đồ Sơn", "Hải Thành",
            "Vinh Quang", "Hồng Hà", "Nam Triệu", "Thủy Nguyên", "Hoàng Diệu", "Tam Bạc", "Văn Cao"));

    static final List<String> VILLAGES = nfc(List.of("Đông", "Đoài", "Nam", "Bắc", "Trung", "Thượng", "Hạ", "Tiền",
            "Hậu", "An Lạc", "An Phú", "Phú Xá", "Phú Lương", "Tân Lập", "Tân Hòa", "Tân Thành", "Đông Tạ", "Đồng Lý",
            "Đồng Giới", "Hòa Liễu", "Kim Sơn", "Lạng Côn", "Minh Khai", "Phúc Lộc", "Quý Kim", "Sơn Đông", "Thái Lai",
            "Thanh Lang", "Thuận Lợi", "Tiên Hội", "Trung Nghĩa", "Văn Cú", "Vân Tra", "Xuân Sơn", "Yên Lưu",
            "Cốc Liễn", "Đại Trà", "Kha Lâm", "Lão Phong", "Mỹ Khê", "Ninh Duy", "Phù Lưu", "Quế Lâm", "Sâm Linh",
            "Tháp Hạ", "Trà Phương", "Vọng Hải", "Hoàng Lâu", "Khúc Giản", "Lực Hành", "Nhân Mục", "Tiên Đôi",
            "Đông Hương", "Kim Đới", "Ngọ Dương", "Quý Cao", "Lật Dương", "Bấc Lẻ"));

    private static final List<String> HIGH_SCHOOL_NAMES = nfc(List.of("Ngô Quyền", "Trần Phú", "Lê Quý Đôn",
            "Thái Phiên", "Lê Hồng Phong", "Lý Thường Kiệt", "Nguyễn Trãi", "Trần Nguyên Hãn", "Nguyễn Bỉnh Khiêm",
            "Tô Hiệu", "Phạm Ngũ Lão", "Nguyễn Đức Cảnh", "Cộng Hiền", "Quang Trung", "Bạch Đằng", "Hùng Thắng"));

    private static final List<String> DISTRICT_AGENCIES = nfc(List.of("Phòng Tài chính - Kế hoạch",
            "Phòng Giáo dục và Đào tạo", "Phòng Tài nguyên và Môi trường", "Phòng Lao động - Thương binh và Xã hội",
            "Phòng Văn hóa và Thông tin", "Phòng Quản lý đô thị", "Phòng Kinh tế", "Phòng Tư pháp", "Phòng Nội vụ",
            "Thanh tra", "Chi cục Thuế", "Chi cục Thống kê", "Kho bạc Nhà nước", "Tòa án nhân dân",
            "Viện Kiểm sát nhân dân", "Chi cục Thi hành án dân sự", "Bảo hiểm xã hội",
            "Trung tâm Văn hóa - Thông tin và Thể thao", "Ban Quản lý dự án đầu tư xây dựng",
            "Trung tâm Phát triển quỹ đất", "Hội Cựu chiến binh", "Văn phòng Đăng ký đất đai chi nhánh"));

    private static final List<String> CITY_AGENCIES = nfc(List.of("Chi bộ Hội Nhà báo thành phố",
            "Chi bộ Liên hiệp các Hội Khoa học và Kỹ thuật thành phố", "Chi bộ Hội Luật gia thành phố",
            "Chi bộ Ban Dân tộc thành phố", "Chi bộ Quỹ Đầu tư phát triển thành phố",
            "Chi bộ Trung tâm Xúc tiến Đầu tư, Thương mại và Du lịch", "Chi bộ Thư viện thành phố",
            "Chi bộ Bảo tàng thành phố", "Chi bộ Nhà hát thành phố", "Chi bộ Hội Chữ thập đỏ thành phố",
            "Chi bộ Liên minh Hợp tác xã thành phố", "Chi bộ Hội Văn học Nghệ thuật thành phố",
            "Chi bộ Trung tâm Lưu trữ lịch sử", "Chi bộ Ban Quản lý Di tích thành phố",
            "Chi bộ Hội Người mù thành phố", "Chi bộ Hội Cựu thanh niên xung phong thành phố",
            "Chi bộ Ban Quản lý dự án đầu tư xây dựng các công trình giao thông",
            "Chi bộ Ban Quản lý dự án đầu tư xây dựng các công trình dân dụng và công nghiệp",
            "Chi bộ Trung tâm Phục vụ hành chính công", "Chi bộ Trung tâm Công nghệ thông tin và Truyền thông",
            "Chi bộ Ban Tôn giáo", "Chi bộ Chi cục Kiểm lâm", "Chi bộ Chi cục Thủy sản",
            "Chi bộ Chi cục Quản lý thị trường", "Chi bộ Cảng vụ Đường thủy nội địa", "Chi bộ Ban Thi đua - Khen thưởng",
            "Chi bộ Liên hiệp các tổ chức hữu nghị", "Chi bộ Hội Nông dân thành phố",
            "Chi bộ Hội Liên hiệp Phụ nữ thành phố", "Chi bộ Thành đoàn Hải Phòng",
            "Chi bộ Ủy ban Mặt trận Tổ quốc thành phố", "Chi bộ Hội Cựu chiến binh thành phố"));

    private static final List<String> COLLEGES = nfc(List.of("Chi bộ Trường Cao đẳng Y tế Hải Phòng",
            "Chi bộ Trường Cao đẳng Du lịch Hải Phòng", "Chi bộ Trường Cao đẳng Cộng đồng Hải Phòng",
            "Chi bộ Trường Cao đẳng Kỹ thuật Công nghiệp Hải Phòng", "Chi bộ Trường Cao đẳng Nghề Hải Phòng",
            "Chi bộ Trường Cao đẳng Văn hóa Nghệ thuật Hải Phòng"));

    private static final List<String> CITY_HEALTH_UNITS = nfc(List.of("Chi bộ Trung tâm Giám định Y khoa",
            "Chi bộ Trung tâm Pháp y", "Chi bộ Bệnh viện Phục hồi chức năng", "Chi bộ Trung tâm Kiểm nghiệm",
            "Chi bộ Trung tâm Cấp cứu 115"));

    private static final List<String> AGENCY_UNITS = nfc(List.of("Chi bộ Văn phòng", "Chi bộ Phòng Tổ chức cán bộ",
            "Chi bộ Phòng Kế hoạch - Tài chính", "Chi bộ Phòng Tổng hợp", "Chi bộ Thanh tra", "Chi bộ Phòng Pháp chế",
            "Chi bộ Phòng Quản lý chuyên ngành", "Chi bộ Trung tâm Dịch vụ", "Chi bộ Phòng Kiểm tra",
            "Chi bộ Phòng Nghiệp vụ", "Chi bộ Phòng Hành chính - Quản trị", "Chi bộ Trung tâm Thông tin",
            "Chi bộ Phòng Chính sách", "Chi bộ Phòng Kế toán"));

    private static final List<String> POLICE_TEAMS = nfc(List.of("Chi bộ Đội Tổng hợp", "Chi bộ Đội Điều tra tổng hợp",
            "Chi bộ Đội Cảnh sát hình sự", "Chi bộ Đội Cảnh sát kinh tế", "Chi bộ Đội An ninh",
            "Chi bộ Đội Cảnh sát giao thông - Trật tự", "Chi bộ Đội Cảnh sát quản lý hành chính về trật tự xã hội",
            "Chi bộ Đội Cảnh sát điều tra tội phạm về ma túy", "Chi bộ Đội Cảnh sát thi hành án hình sự và hỗ trợ tư pháp",
            "Chi bộ Đội Cảnh sát phòng cháy, chữa cháy và cứu nạn, cứu hộ", "Chi bộ Đội Trinh sát", "Chi bộ Đội Tham mưu"));

    private static final List<String> POLICE_BRANCHES = nfc(List.of("Chi bộ Phòng Cảnh sát truy nã tội phạm",
            "Chi bộ Phòng Tài chính", "Chi bộ Bệnh xá Công an thành phố", "Chi bộ Phòng Kỹ thuật nghiệp vụ",
            "Chi bộ Phòng Cơ yếu", "Chi bộ Đội Cảnh sát đặc nhiệm", "Chi bộ Phòng Quản lý khoa học và chiến lược",
            "Chi bộ Phòng Nghiệp vụ ngoại tuyến", "Chi bộ Nhà tạm giữ", "Chi bộ Phòng Bảo vệ chính trị nội bộ"));

    private static final List<String> MILITARY_UNITS = nfc(List.of("Chi bộ Ban Tham mưu", "Chi bộ Ban Chính trị",
            "Chi bộ Ban Hậu cần - Kỹ thuật", "Chi bộ Đại đội Trinh sát", "Chi bộ Đại đội Công binh",
            "Chi bộ Đại đội Thông tin", "Chi bộ Đại đội Vận tải", "Chi bộ Trung đội Dân quân thường trực"));

    private static final List<String> MILITARY_BRANCHES = nfc(List.of("Chi bộ Đại đội Vệ binh", "Chi bộ Kho K95",
            "Chi bộ Trạm Sửa chữa", "Chi bộ Ban Tài chính", "Chi bộ Đại đội Hóa học", "Chi bộ Đại đội Phòng không",
            "Chi bộ Nhà khách Quân sự", "Chi bộ Đội Kiểm soát quân sự"));

    private static final List<String> BORDER_TEAMS = nfc(List.of("Chi bộ Đội Vũ trang", "Chi bộ Đội Trinh sát",
            "Chi bộ Đội Kiểm soát hành chính", "Chi bộ Đội Vận động quần chúng", "Chi bộ Đội Tham mưu - Hành chính",
            "Chi bộ Trạm Kiểm soát Biên phòng", "Chi bộ Đội Thủ tục"));

    private static final List<String> BORDER_BRANCHES = nfc(List.of("Chi bộ Hải đội 1",
            "Chi bộ Đội Đặc nhiệm Phòng chống ma túy và tội phạm", "Chi bộ Trạm Kiểm soát Biên phòng Nam Triệu",
            "Chi bộ Đội Thông tin", "Chi bộ Phòng Tham mưu", "Chi bộ Phòng Chính trị", "Chi bộ Phòng Hậu cần - Kỹ thuật",
            "Chi bộ Phòng Trinh sát"));

    private static final List<String> ENTERPRISE_UNITS = nfc(List.of("Chi bộ Phòng Kỹ thuật", "Chi bộ Phòng Kinh doanh",
            "Chi bộ Phòng Tài chính - Kế toán", "Chi bộ Văn phòng Công ty", "Chi bộ Đội xe", "Chi bộ Kho vận",
            "Chi bộ Ban Điều hành sản xuất", "Chi bộ Phòng Vật tư", "Chi bộ Phòng An toàn - Môi trường"));

    private static final List<String> UNIVERSITY_OFFICES = nfc(List.of("Chi bộ Phòng Đào tạo",
            "Chi bộ Phòng Tổ chức cán bộ", "Chi bộ Phòng Tài chính - Kế toán", "Chi bộ Phòng Khoa học công nghệ",
            "Chi bộ Phòng Hành chính - Tổng hợp", "Chi bộ Phòng Công tác sinh viên", "Chi bộ Phòng Hợp tác quốc tế",
            "Chi bộ Phòng Quản trị thiết bị", "Chi bộ Phòng Thanh tra - Pháp chế", "Chi bộ Trung tâm Khảo thí"));

    private static final List<String> UNIVERSITY_SECTIONS = nfc(List.of("Chi bộ Khoa Lý luận chính trị",
            "Chi bộ Khoa Giáo dục thể chất", "Chi bộ Khoa Khoa học cơ bản", "Chi bộ Trung tâm Thư viện",
            "Chi bộ Bộ môn Cơ sở", "Chi bộ Bộ môn Chuyên ngành", "Chi bộ Sinh viên", "Chi bộ Học viên sau đại học",
            "Chi bộ Bộ môn Thực hành"));

    private static final List<String> HOSPITAL_OFFICES = nfc(List.of("Chi bộ Phòng Kế hoạch tổng hợp",
            "Chi bộ Phòng Điều dưỡng", "Chi bộ Phòng Tài chính kế toán", "Chi bộ Phòng Tổ chức cán bộ",
            "Chi bộ Phòng Hành chính quản trị", "Chi bộ Phòng Vật tư thiết bị y tế", "Chi bộ Phòng Quản lý chất lượng"));

    private static final List<String> CLINICAL_DEPARTMENTS = nfc(List.of("Khoa Nội Tim mạch", "Khoa Nội Tiêu hóa",
            "Khoa Nội Thận - Tiết niệu", "Khoa Hồi sức tích cực", "Khoa Cấp cứu", "Khoa Ngoại Tổng hợp",
            "Khoa Chấn thương chỉnh hình", "Khoa Phẫu thuật Thần kinh", "Khoa Gây mê hồi sức", "Khoa Sản", "Khoa Nhi",
            "Khoa Mắt", "Khoa Tai Mũi Họng", "Khoa Răng Hàm Mặt", "Khoa Da liễu", "Khoa Ung bướu", "Khoa Xét nghiệm",
            "Khoa Chẩn đoán hình ảnh", "Khoa Giải phẫu bệnh", "Khoa Dược", "Khoa Kiểm soát nhiễm khuẩn",
            "Khoa Dinh dưỡng", "Khoa Phục hồi chức năng", "Khoa Y học cổ truyền", "Khoa Truyền nhiễm", "Khoa Huyết học",
            "Khoa Hô hấp", "Khoa Thần kinh", "Khoa Lão khoa", "Khoa Khám bệnh"));

    /** Source text is typed by hand; NFC makes every name byte-identical however its accents were entered. */
    static List<String> nfc(List<String> names) {
        return names.stream().map(n -> Normalizer.normalize(n, Normalizer.Form.NFC)).toList();
    }
}
