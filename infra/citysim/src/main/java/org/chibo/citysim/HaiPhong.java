package org.chibo.citysim;

import java.util.List;

/**
 * The 34 direct committees of the Hải Phòng party organisation (as of the profile's 2022 date: 7 urban districts,
 * 8 rural districts, 19 blocs and city-level units) with their wards and communes. District, ward and commune
 * names are real; the blocs after the first six, and every unit below the direct committees, are plausible
 * inventions. The counts are weights: {@link TreeBuilder} apportions the profile's exact totals by them (with the
 * bundled profile they add up to it already: 580 grassroots committees, 676 grassroots branches).
 */
final class HaiPhong {

    private HaiPhong() {
    }

    static final String CODE = "HP";

    static final List<DirectCommittee> DIRECT_COMMITTEES = List.of(
            urban("Quận ủy Hồng Bàng", "quận Hồng Bàng", 6, 22,
                    "Hạ Lý", "Hoàng Văn Thụ", "Hùng Vương", "Minh Khai", "Phan Bội Châu", "Quán Toan", "Quang Trung",
                    "Sở Dầu", "Thượng Lý", "Trại Chuối", "Phạm Hồng Thái"),
            urban("Quận ủy Lê Chân", "quận Lê Chân", 7, 28,
                    "An Biên", "An Dương", "Cát Dài", "Dư Hàng", "Dư Hàng Kênh", "Đông Hải", "Hàng Kênh", "Hồ Nam",
                    "Kênh Dương", "Lam Sơn", "Nghĩa Xá", "Niệm Nghĩa", "Trại Cau", "Trần Nguyên Hãn", "Vĩnh Niệm"),
            urban("Quận ủy Ngô Quyền", "quận Ngô Quyền", 8, 27,
                    "Cầu Đất", "Cầu Tre", "Đằng Giang", "Đông Khê", "Đổng Quốc Bình", "Gia Viên", "Lạc Viên",
                    "Lạch Tray", "Lê Lợi", "Máy Chai", "Máy Tơ", "Vạn Mỹ", "Lương Khánh Thiện"),
            urban("Quận ủy Kiến An", "quận Kiến An", 5, 22,
                    "Bắc Sơn", "Đồng Hòa", "Lãm Hà", "Nam Sơn", "Ngọc Sơn", "Phù Liễn", "Quán Trữ", "Tràng Minh",
                    "Trần Thành Ngọ", "Văn Đẩu"),
            urban("Quận ủy Hải An", "quận Hải An", 6, 20,
                    "Cát Bi", "Đằng Hải", "Đằng Lâm", "Đông Hải 1", "Đông Hải 2", "Nam Hải", "Thành Tô", "Tràng Cát"),
            urban("Quận ủy Đồ Sơn", "quận Đồ Sơn", 3, 14,
                    "Bàng La", "Hải Sơn", "Hợp Đức", "Minh Đức", "Ngọc Xuyên", "Vạn Hương", "Ngọc Hải"),
            urban("Quận ủy Dương Kinh", "quận Dương Kinh", 2, 12,
                    "Anh Dũng", "Đa Phúc", "Hải Thành", "Hòa Nghĩa", "Hưng Đạo", "Tân Thành"),
            rural("Huyện ủy Thủy Nguyên", "huyện Thủy Nguyên", 6, 45,
                    "thị trấn Núi Đèo", "thị trấn Minh Đức", "An Lư", "An Sơn", "Cao Nhân", "Chính Mỹ", "Đông Sơn",
                    "Dương Quan", "Gia Đức", "Gia Minh", "Hòa Bình", "Hoa Động", "Hoàng Động", "Hợp Thành",
                    "Kênh Giang", "Kiền Bái", "Kỳ Sơn", "Lại Xuân", "Lâm Động", "Lập Lễ", "Liên Khê", "Lưu Kiếm",
                    "Lưu Kỳ", "Minh Tân", "Mỹ Đồng", "Ngũ Lão", "Phả Lễ", "Phù Ninh", "Phục Lễ", "Quảng Thanh",
                    "Tam Hưng", "Tân Dương", "Thiên Hương", "Thủy Đường", "Thủy Sơn", "Thủy Triều", "Trung Hà"),
            rural("Huyện ủy An Dương", "huyện An Dương", 5, 30,
                    "thị trấn An Dương", "An Đồng", "An Hòa", "An Hồng", "An Hưng", "Bắc Sơn", "Đại Bản",
                    "Đặng Cương", "Đồng Thái", "Hồng Phong", "Hồng Thái", "Lê Lợi", "Lê Thiện", "Nam Sơn",
                    "Quốc Tuấn", "Tân Tiến"),
            rural("Huyện ủy An Lão", "huyện An Lão", 3, 28,
                    "thị trấn An Lão", "thị trấn Trường Sơn", "An Thắng", "An Thái", "An Thọ", "An Tiến", "Bát Trang",
                    "Chiến Thắng", "Mỹ Đức", "Quang Hưng", "Quang Trung", "Quốc Tuấn", "Tân Dân", "Tân Viên",
                    "Thái Sơn", "Trường Thành", "Trường Thọ"),
            rural("Huyện ủy Kiến Thụy", "huyện Kiến Thụy", 3, 28,
                    "thị trấn Núi Đối", "Đại Đồng", "Đại Hà", "Đại Hợp", "Đoàn Xá", "Đông Phương", "Hữu Bằng",
                    "Kiến Quốc", "Minh Tân", "Ngũ Đoan", "Ngũ Phúc", "Tân Phong", "Tân Trào", "Thanh Sơn",
                    "Thụy Hương", "Thuận Thiên", "Tú Sơn", "Kiến Hưng"),
            rural("Huyện ủy Tiên Lãng", "huyện Tiên Lãng", 3, 30,
                    "thị trấn Tiên Lãng", "Bắc Hưng", "Bạch Đằng", "Cấp Tiến", "Đại Thắng", "Đoàn Lập", "Đông Hưng",
                    "Hùng Thắng", "Khởi Nghĩa", "Kiến Thiết", "Nam Hưng", "Quang Phục", "Quyết Tiến", "Tây Hưng",
                    "Tân Minh", "Tiên Cường", "Tiên Minh", "Tiên Thắng", "Tiên Thanh", "Toàn Thắng", "Tự Cường",
                    "Vinh Quang"),
            rural("Huyện ủy Vĩnh Bảo", "huyện Vĩnh Bảo", 3, 32,
                    "thị trấn Vĩnh Bảo", "An Hòa", "Cao Minh", "Cổ Am", "Cộng Hiền", "Đồng Minh", "Dũng Tiến",
                    "Giang Biên", "Hiệp Hòa", "Hòa Bình", "Hùng Tiến", "Hưng Nhân", "Liên Am", "Lý Học", "Nhân Hòa",
                    "Tam Cường", "Tam Đa", "Tân Hưng", "Tân Liên", "Thắng Thủy", "Thanh Lương", "Tiền Phong",
                    "Trấn Dương", "Trung Lập", "Việt Tiến", "Vĩnh An", "Vĩnh Hải", "Vĩnh Hòa", "Vĩnh Long",
                    "Vĩnh Phong"),
            rural("Huyện ủy Cát Hải", "huyện Cát Hải", 2, 14,
                    "thị trấn Cát Bà", "thị trấn Cát Hải", "Đồng Bài", "Gia Luận", "Hiền Hào", "Hoàng Châu",
                    "Nghĩa Lộ", "Phù Long", "Trân Châu", "Văn Phong", "Việt Hải", "Xuân Đám"),
            // an island district without communes: its few units sit straight under the district committee
            rural("Huyện ủy Bạch Long Vĩ", "huyện Bạch Long Vĩ", 1, 6),
            bloc("Đảng ủy Khối các cơ quan thành phố", Sector.AGENCY_BLOC, 30, 32, List.of(
                    "Đảng ủy Văn phòng Thành ủy", "Đảng ủy Văn phòng Ủy ban nhân dân thành phố",
                    "Đảng ủy Văn phòng Đoàn đại biểu Quốc hội và Hội đồng nhân dân thành phố", "Đảng ủy Sở Tài chính",
                    "Đảng ủy Sở Kế hoạch và Đầu tư", "Đảng ủy Sở Xây dựng", "Đảng ủy Sở Giao thông vận tải",
                    "Đảng ủy Sở Công Thương", "Đảng ủy Sở Nông nghiệp và Phát triển nông thôn",
                    "Đảng ủy Sở Tài nguyên và Môi trường", "Đảng ủy Sở Giáo dục và Đào tạo", "Đảng ủy Sở Y tế",
                    "Đảng ủy Sở Lao động - Thương binh và Xã hội", "Đảng ủy Sở Văn hóa và Thể thao", "Đảng ủy Sở Du lịch",
                    "Đảng ủy Sở Khoa học và Công nghệ", "Đảng ủy Sở Thông tin và Truyền thông", "Đảng ủy Sở Nội vụ",
                    "Đảng ủy Sở Tư pháp", "Đảng ủy Sở Ngoại vụ", "Đảng ủy Thanh tra thành phố",
                    "Đảng ủy Ban Quản lý Khu kinh tế Hải Phòng", "Đảng ủy Đài Phát thanh và Truyền hình Hải Phòng",
                    "Đảng ủy Báo Hải Phòng", "Đảng ủy Viện Kiểm sát nhân dân thành phố",
                    "Đảng ủy Tòa án nhân dân thành phố", "Đảng ủy Cục Thi hành án dân sự thành phố",
                    "Đảng ủy Liên đoàn Lao động thành phố", "Đảng ủy Trường Chính trị Tô Hiệu",
                    "Đảng ủy Cục Thống kê thành phố")),
            bloc("Đảng ủy Khối Doanh nghiệp thành phố", Sector.ENTERPRISE_BLOC, 99, 94, List.of()),
            bloc("Đảng ủy Quân sự thành phố", Sector.MILITARY, 41, 20, List.of(
                    "Đảng ủy Cơ quan Bộ Chỉ huy Quân sự thành phố", "Đảng ủy Trung đoàn 50", "Đảng ủy Trường Quân sự thành phố",
                    "Đảng ủy Tiểu đoàn Huấn luyện - Cơ động", "Đảng ủy Tiểu đoàn Pháo binh", "Đảng ủy Tiểu đoàn Thông tin",
                    "Đảng ủy Ban Chỉ huy Quân sự Khu kinh tế", "Đảng ủy Kho Vũ khí - Đạn dược",
                    "Đảng ủy Ban Chỉ huy Quân sự Cảng Hải Phòng", "Đảng ủy Đại đội Trinh sát", "Đảng ủy Đại đội Công binh")),
            bloc("Đảng ủy Công an thành phố", Sector.POLICE, 46, 25, List.of(
                    "Đảng ủy Phòng Tham mưu", "Đảng ủy Phòng Tổ chức cán bộ", "Đảng ủy Phòng Hậu cần",
                    "Đảng ủy Phòng Cảnh sát hình sự", "Đảng ủy Phòng Cảnh sát kinh tế",
                    "Đảng ủy Phòng Cảnh sát điều tra tội phạm về ma túy", "Đảng ủy Phòng Cảnh sát giao thông",
                    "Đảng ủy Phòng Cảnh sát đường thủy", "Đảng ủy Phòng Cảnh sát phòng cháy, chữa cháy và cứu nạn, cứu hộ",
                    "Đảng ủy Phòng Cảnh sát quản lý hành chính về trật tự xã hội", "Đảng ủy Phòng Cảnh sát cơ động",
                    "Đảng ủy Phòng Cảnh sát môi trường", "Đảng ủy Phòng Kỹ thuật hình sự", "Đảng ủy Phòng Hồ sơ",
                    "Đảng ủy Phòng An ninh chính trị nội bộ", "Đảng ủy Phòng An ninh kinh tế", "Đảng ủy Phòng An ninh mạng",
                    "Đảng ủy Phòng An ninh điều tra", "Đảng ủy Phòng An ninh đối ngoại",
                    "Đảng ủy Phòng Quản lý xuất nhập cảnh", "Đảng ủy Phòng Công tác đảng và công tác chính trị",
                    "Đảng ủy Phòng Cảnh sát thi hành án hình sự và hỗ trợ tư pháp", "Đảng ủy Trại tạm giam số 1",
                    "Đảng ủy Trại tạm giam số 2", "Đảng ủy Phòng Thông tin liên lạc", "Đảng ủy Phòng Pháp chế",
                    "Đảng ủy Thanh tra Công an thành phố", "Đảng ủy Đồn Công an Cảng Hải Phòng",
                    "Đảng ủy Đồn Công an Khu công nghiệp Đình Vũ", "Đảng ủy Đồn Công an Khu công nghiệp Tràng Duệ")),
            bloc("Đảng ủy Bộ đội Biên phòng thành phố", Sector.BORDER_GUARD, 14, 12, List.of(
                    "Đảng ủy Cơ quan Bộ Chỉ huy Bộ đội Biên phòng thành phố", "Đảng ủy Đồn Biên phòng Cửa khẩu cảng Hải Phòng",
                    "Đảng ủy Đồn Biên phòng Cửa khẩu cảng Đình Vũ", "Đảng ủy Đồn Biên phòng Cửa khẩu cảng Lạch Huyện",
                    "Đảng ủy Đồn Biên phòng Đồ Sơn", "Đảng ủy Đồn Biên phòng Cát Bà", "Đảng ủy Đồn Biên phòng Cát Hải",
                    "Đảng ủy Đồn Biên phòng Bạch Long Vĩ", "Đảng ủy Đồn Biên phòng Vinh Quang",
                    "Đảng ủy Đồn Biên phòng Tân Thành", "Đảng ủy Đồn Biên phòng Phù Long", "Đảng ủy Hải đội Biên phòng 2",
                    "Đảng ủy Tiểu đoàn Huấn luyện - Cơ động Biên phòng", "Đảng ủy Đồn Biên phòng Lập Lễ")),
            bloc("Đảng ủy Cảng Hải Phòng", Sector.ENTERPRISE, 8, 10, List.of(
                    "Đảng ủy Chi nhánh Cảng Hoàng Diệu", "Đảng ủy Chi nhánh Cảng Chùa Vẽ", "Đảng ủy Chi nhánh Cảng Tân Vũ",
                    "Đảng ủy Cơ quan Cảng Hải Phòng", "Đảng ủy Xí nghiệp Vận tải thủy",
                    "Đảng ủy Công ty Cổ phần Tiếp vận Đình Vũ", "Đảng ủy Trung tâm Đào tạo kỹ thuật nghiệp vụ Cảng",
                    "Đảng ủy Xí nghiệp Dịch vụ Cảng")),
            bloc("Đảng ủy Trường Đại học Hàng hải Việt Nam", Sector.UNIVERSITY, 12, 8, List.of(
                    "Đảng ủy Khoa Hàng hải", "Đảng ủy Khoa Máy tàu biển", "Đảng ủy Khoa Điện - Điện tử",
                    "Đảng ủy Khoa Đóng tàu", "Đảng ủy Khoa Kinh tế", "Đảng ủy Khoa Công nghệ thông tin",
                    "Đảng ủy Khoa Công trình", "Đảng ủy Viện Cơ khí", "Đảng ủy Viện Môi trường",
                    "Đảng ủy Khoa Quản trị - Tài chính", "Đảng ủy Khoa Ngoại ngữ", "Đảng ủy Khối Phòng ban chức năng")),
            bloc("Đảng ủy Trường Đại học Hải Phòng", Sector.UNIVERSITY, 8, 10, List.of(
                    "Đảng ủy Khoa Sư phạm", "Đảng ủy Khoa Kinh tế và Quản trị kinh doanh",
                    "Đảng ủy Khoa Ngữ văn và Khoa học xã hội", "Đảng ủy Khoa Toán và Khoa học tự nhiên",
                    "Đảng ủy Khoa Xây dựng", "Đảng ủy Khoa Cơ khí", "Đảng ủy Khoa Ngoại ngữ",
                    "Đảng ủy Khối Phòng ban chức năng")),
            bloc("Đảng ủy Trường Đại học Y Dược Hải Phòng", Sector.UNIVERSITY, 4, 10, List.of(
                    "Đảng ủy Khoa Y", "Đảng ủy Khoa Dược", "Đảng ủy Bệnh viện Đại học Y Hải Phòng",
                    "Đảng ủy Khối Phòng ban chức năng")),
            bloc("Đảng ủy Bệnh viện Hữu nghị Việt Tiệp", Sector.HOSPITAL, 4, 12, List.of(
                    "Đảng ủy Khối Nội", "Đảng ủy Khối Ngoại", "Đảng ủy Khối Cận lâm sàng", "Đảng ủy Khối Hành chính")),
            bloc("Đảng ủy Cục Hải quan thành phố", Sector.STATE_AGENCY, 6, 8, List.of(
                    "Đảng ủy Chi cục Hải quan cửa khẩu cảng Hải Phòng khu vực I",
                    "Đảng ủy Chi cục Hải quan cửa khẩu cảng Hải Phòng khu vực II",
                    "Đảng ủy Chi cục Hải quan cửa khẩu cảng Hải Phòng khu vực III",
                    "Đảng ủy Chi cục Hải quan cửa khẩu cảng Đình Vũ", "Đảng ủy Chi cục Hải quan quản lý hàng đầu tư",
                    "Đảng ủy Chi cục Kiểm tra sau thông quan")),
            bloc("Đảng ủy Cục Thuế thành phố", Sector.STATE_AGENCY, 4, 14, List.of(
                    "Đảng ủy Văn phòng Cục Thuế", "Đảng ủy Chi cục Thuế quận Lê Chân",
                    "Đảng ủy Chi cục Thuế huyện Thủy Nguyên", "Đảng ủy Chi cục Thuế khu vực Hồng Bàng - An Dương")),
            bloc("Đảng ủy Bảo hiểm xã hội thành phố", Sector.STATE_AGENCY, 2, 12, List.of(
                    "Đảng ủy Văn phòng Bảo hiểm xã hội thành phố", "Đảng ủy Bảo hiểm xã hội các quận")),
            bloc("Đảng ủy Công ty TNHH MTV Điện lực Hải Phòng", Sector.ENTERPRISE, 4, 12, List.of(
                    "Đảng ủy Cơ quan Công ty", "Đảng ủy Điện lực Hồng Bàng", "Đảng ủy Điện lực Lê Chân",
                    "Đảng ủy Điện lực Thủy Nguyên")),
            bloc("Đảng ủy Viễn thông Hải Phòng", Sector.ENTERPRISE, 2, 8, List.of(
                    "Đảng ủy Trung tâm Kinh doanh VNPT - Hải Phòng", "Đảng ủy Trung tâm Điều hành thông tin")),
            bloc("Đảng ủy Kho bạc Nhà nước thành phố", Sector.STATE_AGENCY, 1, 10, List.of(
                    "Đảng ủy Văn phòng Kho bạc Nhà nước thành phố")),
            bloc("Đảng ủy Bưu điện thành phố", Sector.ENTERPRISE, 1, 9, List.of(
                    "Đảng ủy Cơ quan Bưu điện thành phố")),
            bloc("Đảng ủy Tổng công ty Công nghiệp tàu thủy Bạch Đằng", Sector.ENTERPRISE, 6, 6, List.of(
                    "Đảng ủy Cơ quan Tổng công ty", "Đảng ủy Công ty Đóng tàu Phà Rừng", "Đảng ủy Công ty Đóng tàu Bạch Đằng",
                    "Đảng ủy Công ty Công nghiệp tàu thủy Nam Triệu", "Đảng ủy Công ty Cổ phần Cơ khí Hàng hải",
                    "Đảng ủy Viện Khoa học công nghệ tàu thủy")),
            bloc("Đảng ủy Công ty TNHH MTV Xi măng Vicem Hải Phòng", Sector.ENTERPRISE, 3, 6, List.of(
                    "Đảng ủy Nhà máy Xi măng Tràng Kênh", "Đảng ủy Xí nghiệp Khai thác mỏ", "Đảng ủy Cơ quan Công ty")));

    private static DirectCommittee urban(String name, String localName, int others, int grassrootsBranches, String... wards) {
        return new DirectCommittee(name, Sector.URBAN_DISTRICT, localName, List.of(wards), List.of(),
                wards.length + others, grassrootsBranches);
    }

    private static DirectCommittee rural(String name, String localName, int others, int grassrootsBranches, String... communes) {
        return new DirectCommittee(name, Sector.RURAL_DISTRICT, localName, List.of(communes), List.of(),
                communes.length + others, grassrootsBranches);
    }

    private static DirectCommittee bloc(String name, Sector sector, int grassrootsCommittees, int grassrootsBranches,
                                        List<String> committeeNames) {
        return new DirectCommittee(name, sector, "", List.of(), committeeNames, grassrootsCommittees, grassrootsBranches);
    }
}
