"""Vietnamese vocabulary of the sample data: units, organisations, names, subjects, remarks.

Everything a person reads here carries full diacritics. The edXML codes of the outside
organisations are illustrative (format ``000.00.NN.Hxx``/``000.00.00.Gxx``), not the
official registry's.
"""

from __future__ import annotations

ORG_CODE = "UBND"
ORG_NAME = "Ủy ban nhân dân tỉnh Lạng Sơn"
ORG_EDXML = "000.00.00.H37"
PLACE = "Lạng Sơn"

#: (code, name, parent code or "", active). The leadership group drafts nothing.
UNITS: tuple[tuple[str, str, str, bool], ...] = (
    ("LĐ", "Lãnh đạo Ủy ban nhân dân tỉnh", "", True),
    ("VP", "Văn phòng", "", True),
    ("KT", "Phòng Kinh tế", "VP", True),
    ("TH", "Phòng Tổng hợp", "VP", True),
    ("NC", "Phòng Nội chính", "VP", True),
    ("KGVX", "Phòng Khoa giáo - Văn xã", "VP", True),
    ("KSTT", "Phòng Kiểm soát thủ tục hành chính", "VP", True),
    ("HCTC", "Phòng Hành chính - Tổ chức", "VP", True),
    ("QTTV", "Phòng Quản trị - Tài vụ", "VP", True),
    ("TTTT", "Trung tâm Thông tin", "VP", True),
    ("BTCD", "Ban Tiếp công dân", "VP", True),
    ("NV", "Phòng Ngoại vụ (đã sáp nhập)", "VP", False),
)

#: Drafting units of outgoing and internal documents.
DRAFTING_UNITS = ("VP", "KT", "TH", "NC", "KGVX", "KSTT", "HCTC", "QTTV", "TTTT", "BTCD")

#: Outside organisations: (notation code, name, edXML code, place, signer choices).
#: A signer choice is (competence, position).
OUTSIDE_ORGS: tuple[tuple[str, str, str, str, tuple[tuple[str, str], ...]], ...] = (
    ("STTTT", "Sở Thông tin và Truyền thông", "000.00.12.H37", "Lạng Sơn",
     (("", "Giám đốc"), ("KT", "Phó Giám đốc"))),
    ("STC", "Sở Tài chính", "000.00.07.H37", "Lạng Sơn",
     (("", "Giám đốc"), ("KT", "Phó Giám đốc"))),
    ("SKHĐT", "Sở Kế hoạch và Đầu tư", "000.00.06.H37", "Lạng Sơn",
     (("", "Giám đốc"), ("KT", "Phó Giám đốc"))),
    ("SNV", "Sở Nội vụ", "000.00.04.H37", "Lạng Sơn",
     (("", "Giám đốc"), ("KT", "Phó Giám đốc"), ("TUQ", "Giám đốc Sở Nội vụ"))),
    ("STP", "Sở Tư pháp", "000.00.05.H37", "Lạng Sơn", (("", "Giám đốc"),)),
    ("SYT", "Sở Y tế", "000.00.13.H37", "Lạng Sơn", (("KT", "Phó Giám đốc"),)),
    ("STNMT", "Sở Tài nguyên và Môi trường", "000.00.10.H37", "Lạng Sơn",
     (("", "Giám đốc"), ("KT", "Phó Giám đốc"))),
    ("UBND", "Ủy ban nhân dân huyện Cao Lộc", "000.00.32.H37", "Cao Lộc",
     (("TM", "Chủ tịch"), ("KT", "Phó Chủ tịch"))),
    ("UBND", "Ủy ban nhân dân huyện Văn Lãng", "000.00.35.H37", "Văn Lãng",
     (("TM", "Chủ tịch"), ("KT", "Phó Chủ tịch"))),
    ("UBND", "Ủy ban nhân dân thành phố Lạng Sơn", "000.00.31.H37", "Lạng Sơn",
     (("TM", "Chủ tịch"), ("KT", "Phó Chủ tịch"), ("Q", "Chủ tịch"))),
    ("UBND", "Ủy ban nhân dân huyện Lộc Bình", "000.00.37.H37", "Lộc Bình",
     (("KT", "Phó Chủ tịch"),)),
    ("BTTTT", "Bộ Thông tin và Truyền thông", "000.00.00.G12", "Hà Nội",
     (("KT", "Thứ trưởng"), ("TL", "Cục trưởng Cục Chuyển đổi số quốc gia"))),
    ("VPCP", "Văn phòng Chính phủ", "000.00.00.G01", "Hà Nội",
     (("KT", "Phó Chủ nhiệm"), ("TL", "Vụ trưởng Vụ Tổng hợp"))),
    ("BNV", "Bộ Nội vụ", "000.00.00.G09", "Hà Nội", (("KT", "Thứ trưởng"),)),
    ("BTC", "Bộ Tài chính", "000.00.00.G10", "Hà Nội", (("KT", "Thứ trưởng"),)),
)

#: Unit codes outside organisations put after their own code in a công văn's notation.
OUTSIDE_UNIT_CODES = ("VP", "KHTC", "TTr", "QLNV", "BCVT", "CĐSQG", "KSTT", "TCCB")

FAMILY = (
    "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Ngô", "Dương",
    "Lý", "Nông", "Lương", "Vi", "Chu", "Lộc", "Triệu", "Đinh", "Hà", "Mã", "Lăng", "Đoàn",
)
MIDDLE_MALE = ("Văn", "Đức", "Minh", "Quang", "Hữu", "Thế", "Xuân", "Đình", "Công", "Tiến")
MIDDLE_FEMALE = ("Thị", "Thu", "Thanh", "Ngọc", "Thúy", "Hồng", "Diệu", "Phương")
GIVEN_MALE = (
    "Đức", "Hùng", "Dũng", "Đạt", "Tuấn", "Thắng", "Hải", "Đông", "Định", "Cường", "Khánh",
    "Long", "Sơn", "Tùng", "Việt", "Quân", "Đăng", "Bình", "Hiếu", "Toàn", "Đoàn", "Lực",
)
GIVEN_FEMALE = (
    "Hà", "Hương", "Lan", "Linh", "Yến", "Huyền", "Phương", "Giang", "Hạnh", "Đào", "Nhung",
    "Thảo", "Trang", "Mai", "Ngân", "Quyên", "Điệp", "Duyên",
)

TOPICS = (
    "triển khai dịch vụ công trực tuyến mức độ 3, 4",
    "đẩy mạnh chuyển đổi số trong cơ quan nhà nước",
    "thực hiện Đề án 06 về phát triển ứng dụng dữ liệu dân cư",
    "đánh giá, xếp loại chất lượng cán bộ, công chức năm {year}",
    "điều chỉnh dự toán ngân sách địa phương năm {year}",
    "đầu tư xây dựng tuyến cao tốc Đồng Đăng - Trà Lĩnh",
    "phòng cháy, chữa cháy rừng mùa hanh khô",
    "quản lý hoạt động xuất nhập khẩu qua cửa khẩu Hữu Nghị",
    "giải quyết đơn thư khiếu nại, tố cáo của công dân",
    "kiểm tra công tác văn thư, lưu trữ tại các cơ quan, đơn vị",
    "đo lường sự hài lòng của người dân đối với dịch vụ hành chính công",
    "tổ chức Lễ hội Xuân Đồng Đăng",
    "đón tiếp đoàn công tác của Bộ Thông tin và Truyền thông",
    "đảm bảo an toàn thông tin mạng trong các cơ quan nhà nước",
    "phát triển sản phẩm OCOP tỉnh Lạng Sơn",
    "bồi thường, hỗ trợ, tái định cư dự án đường vành đai thành phố Lạng Sơn",
    "triển khai chữ ký số chuyên dùng công vụ",
    "đào tạo, bồi dưỡng cán bộ, công chức cấp xã",
    "phòng, chống thiên tai và tìm kiếm cứu nạn",
    "thực hiện Chương trình mục tiêu quốc gia xây dựng nông thôn mới",
    "đánh giá chỉ số cải cách hành chính (PAR Index) năm {year}",
    "bảo đảm trật tự an toàn giao thông dịp Tết Nguyên đán",
    "rà soát, đơn giản hóa thủ tục hành chính nội bộ",
    "quản lý, sử dụng tài sản công tại cơ quan, đơn vị",
    "đẩy nhanh tiến độ giải ngân vốn đầu tư công năm {year}",
    "cấp đổi giấy chứng nhận quyền sử dụng đất",
    "phòng, chống dịch bệnh trên đàn gia súc, gia cầm",
    "tổ chức kỳ thi tốt nghiệp trung học phổ thông năm {year}",
    "cung cấp thông tin cho Cổng thông tin điện tử tỉnh",
    "số hóa hồ sơ, kết quả giải quyết thủ tục hành chính",
    "kết nối, liên thông văn bản điện tử với Trục liên thông văn bản quốc gia",
    "thu hút đầu tư vào Khu kinh tế cửa khẩu Đồng Đăng - Lạng Sơn",
    "hỗ trợ người dân bị ảnh hưởng bởi bão, lũ",
    "chuẩn bị nội dung kỳ họp Hội đồng nhân dân tỉnh",
    "đăng ký, quản lý cư trú trên địa bàn tỉnh",
)

#: Subject templates per document type code; "*" for the others.
SUBJECTS: dict[str, tuple[str, ...]] = {
    "CV": (
        "V/v {topic}", "V/v đôn đốc {topic}", "V/v góp ý dự thảo văn bản về {topic}",
        "V/v báo cáo tình hình {topic}", "Về việc triển khai {topic}",
    ),
    "QD": (
        "Về việc phê duyệt Kế hoạch {topic}", "Về việc thành lập Tổ công tác {topic}",
        "Ban hành Quy chế phối hợp {topic}", "Về việc giao nhiệm vụ {topic}",
    ),
    "KH": ("Triển khai {topic}", "Thực hiện {topic} năm {year}"),
    "BC": ("Kết quả {topic} quý {quarter} năm {year}", "Tình hình {topic} tháng {month}"),
    "TB": (
        "Kết luận của Phó Chủ tịch UBND tỉnh tại cuộc họp về {topic}",
        "Về việc {topic}",
    ),
    "GM": ("Dự hội nghị về {topic}", "Dự họp bàn giải pháp {topic}"),
    "TTR": ("Đề nghị phê duyệt {topic}", "Đề nghị bổ sung kinh phí {topic}"),
    "CD": ("Về việc tập trung chỉ đạo {topic}",),
    "BB": ("Họp về {topic}", "Kiểm tra {topic}"),
    "GNP": ("Nghỉ phép năm {year}",),
    "GGT": ("Giới thiệu công chức liên hệ công tác về {topic}",),
    "GUQ": ("Ủy quyền ký văn bản về {topic}",),
    "PG": ("Gửi văn bản về {topic}",),
    "PC": ("Chuyển văn bản về {topic}",),
    "PB": ("Báo tình hình {topic}",),
    "BGN": ("Ghi nhớ hợp tác về {topic}",),
    "BTT": ("Thỏa thuận phối hợp về {topic}",),
    "HDG": ("Tư vấn {topic}",),
    "THC": ("Chúc mừng năm mới {year}",),
    "*": ("Về {topic}", "Về việc {topic}"),
}

#: Types drawn for documents (weights); the rest of the 29 appear now and then.
COMMON_TYPES = (("CV", 40), ("QD", 12), ("KH", 8), ("BC", 10), ("TB", 8), ("GM", 7),
                ("TTR", 5), ("CD", 1), ("HD", 2), ("CT", 1))

OPINIONS = (
    "Thống nhất với dự thảo, đề nghị bổ sung số liệu năm {year}.",
    "Đề nghị rà soát lại căn cứ pháp lý trước khi trình ký.",
    "Đã trao đổi với Sở Tài chính, thống nhất phương án đề xuất.",
    "Kính trình lãnh đạo xem xét, cho ý kiến chỉ đạo.",
    "Đề nghị đơn vị phối hợp cung cấp thông tin trước ngày {date}.",
)
NOTES = (
    "Đã gọi điện đôn đốc đơn vị.",
    "Chờ Sở Kế hoạch và Đầu tư gửi số liệu.",
    "Đã lưu hồ sơ giấy tại Phòng.",
    "Đã gửi bản điện tử qua Trục liên thông văn bản quốc gia.",
)
DIRECTIVES = (
    "Giao {unit} chủ trì, phối hợp các đơn vị liên quan tham mưu, đề xuất; "
    "báo cáo trước ngày {date}.",
    "Đồng ý. Đề nghị {unit} khẩn trương triển khai, đảm bảo đúng tiến độ.",
    "Giao {unit} nghiên cứu, tham mưu văn bản trả lời; hoàn thành trước ngày {date}.",
    "Chuyển {unit} theo dõi, đôn đốc thực hiện.",
)
RETURN_REASONS = (
    "Đề nghị hoàn thiện lại dự thảo theo ý kiến góp ý.",
    "Văn bản không thuộc thẩm quyền giải quyết của đơn vị, đề nghị chuyển lại.",
    "Thể thức văn bản chưa đúng quy định tại Nghị định 30/2020/NĐ-CP, đề nghị chỉnh sửa.",
    "Đề nghị bổ sung ý kiến của các sở, ngành liên quan.",
)
FORWARD_NOTES = (
    "Kính chuyển đồng chí xem xét, ký ban hành.",
    "Chuyển đồng chí cho ý kiến.",
    "Kính trình đồng chí xem xét, chỉ đạo.",
)
CHECK_NOTES = (
    "Đề nghị kiểm tra thể thức trước khi trình ký.",
    "Đề nghị kiểm tra tệp PDF và chữ ký số trước khi ký.",
)
REJECT_REASONS = (
    "Văn bản gửi nhầm địa chỉ.",
    "Văn bản trùng, đã tiếp nhận qua Trục liên thông văn bản quốc gia.",
)
EXTEND_REASONS = (
    "Đơn vị đề nghị gia hạn do chờ số liệu từ các sở, ngành.",
    "Gia hạn theo đề nghị của đơn vị chủ trì.",
)
COMPLETE_NOTES = (
    "Đã tham mưu văn bản trả lời, báo cáo lãnh đạo.",
    "Đã hoàn thành nhiệm vụ được giao.",
    "Đã triển khai, không phát sinh vướng mắc.",
)
APPROVE_NOTES = ("Đồng ý nội dung dự thảo.", "Đồng ý, trình ký ban hành.", "")
RECALL_REASONS = ("Văn bản có sai sót về nội dung, thu hồi để ban hành lại.", "")
