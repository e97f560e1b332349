"""The layout values of Decree 30/2020/NĐ-CP Phụ lục I that the .docx is built with.

Where Phụ lục I gives a range, one value is chosen here and used everywhere. Sizes keep
the pairing the decree's own footnote to Part I §V asks for (Quốc hiệu 13, Tiêu ngữ 14,
place and date 14): the sizes of one document rise and fall together.
"""

from __future__ import annotations

from typing import Final

FONT_NAME: Final = "Times New Roman"

# Page: A4 portrait (§I.1-2).
PAGE_WIDTH_MM: Final = 210.0
PAGE_HEIGHT_MM: Final = 297.0
# Margins (§I.3: top and bottom 20-25, left 30-35, right 15-20 mm).
MARGIN_TOP_MM: Final = 20.0
MARGIN_BOTTOM_MM: Final = 20.0
MARGIN_LEFT_MM: Final = 30.0
MARGIN_RIGHT_MM: Final = 15.0
#: Distance of the page number (top margin) from the page's edge.
HEADER_DISTANCE_MM: Final = 10.0
TEXT_WIDTH_MM: Final = PAGE_WIDTH_MM - MARGIN_LEFT_MM - MARGIN_RIGHT_MM

# Header: a borderless two-column table (ô 2-3 left, ô 1 and 4 right), as the models.
HEADER_LEFT_MM: Final = 63.0
HEADER_RIGHT_MM: Final = TEXT_WIDTH_MM - HEADER_LEFT_MM
#: Cell padding left and right in table cells (Word's default 0.19 cm).
CELL_PADDING_MM: Final = 1.9

# Sizes in points (§II and the example column of §V).
SIZE_PARENT: Final = 13.0  # tên cơ quan chủ quản, 12-13, upright
SIZE_ISSUER: Final = 13.0  # tên cơ quan ban hành, 12-13, bold
SIZE_NATIONAL: Final = 13.0  # Quốc hiệu, 12-13, bold caps
SIZE_MOTTO: Final = 14.0  # Tiêu ngữ, 13-14, bold
SIZE_NUMBER: Final = 13.0  # "Số:", 13
SIZE_PLACE_DATE: Final = 14.0  # 13-14 italic
SIZE_TYPE_NAME: Final = 14.0  # tên loại, 13-14 bold caps
SIZE_SUBJECT: Final = 14.0  # trích yếu, 13-14 bold
SIZE_CV_SUBJECT: Final = 12.0  # công văn "V/v ...", 12-13 upright
SIZE_BODY: Final = 14.0  # nội dung, 13-14
SIZE_SIGNER: Final = 14.0  # quyền hạn, chức vụ, họ tên, 13-14 bold
SIZE_RECIPIENTS_LABEL: Final = 12.0  # "Nơi nhận:", 12 bold italic
SIZE_RECIPIENTS: Final = 11.0  # its entries, 11 upright
SIZE_ADDRESSEE: Final = 14.0  # "Kính gửi:", 13-14 upright
SIZE_MARK: Final = 13.0  # độ khẩn / độ mật marks, 13-14 bold caps
SIZE_PAGE_NUMBER: Final = 14.0  # 13-14, centred in the top margin, not on page 1

# Paragraphs of the body (§II.6.e).
BODY_FIRST_LINE_INDENT_CM: Final = 1.27  # 1 cm or 1.27 cm
BODY_SPACE_AFTER_PT: Final = 6.0  # at least 6 pt between paragraphs
BODY_LINE_SPACING: Final = 1.15  # between single and 1.5 lines
#: "V/v" sits 6 pt under the number (§II.5.b); the number line under the header names.
CV_SUBJECT_SPACE_BEFORE_PT: Final = 6.0
NUMBER_LINE_SPACE_BEFORE_PT: Final = 6.0
#: Left indent of a Kính gửi with several addressees (its dashes go under the colon).
ADDRESSEE_INDENT_MM: Final = 35.0
#: Space between the header and the type name, and before the closing block.
TITLE_SPACE_BEFORE_PT: Final = 18.0
CLOSING_SPACE_BEFORE_PT: Final = 12.0

# Rules (§II.1-2, §II.5.b): the issuer's and the trích yếu's 1/3-1/2 of their text,
# the Tiêu ngữ's as long as its line.
ISSUER_RULE_FRACTION: Final = 0.4
SUBJECT_RULE_FRACTION: Final = 0.4
MOTTO_RULE_FRACTION: Final = 1.0
#: Thickness of the rules, in eighths of a point (w:sz of a paragraph border).
RULE_WEIGHT_EIGHTHS: Final = 6
#: Size of the empty paragraph that carries a rule as its bottom border.
RULE_PARAGRAPH_SIZE: Final = 3.0
#: Distance between a rule and its (empty) paragraph, in points (w:space).
RULE_SPACE_PT: Final = 2

# Closing block: "Nơi nhận" left (ô 9b), the signer right (ô 7a-7c).
CLOSING_LEFT_MM: Final = 75.0
CLOSING_RIGHT_MM: Final = TEXT_WIDTH_MM - CLOSING_LEFT_MM
#: Empty lines left for the signature image and seal between the title and the name.
SIGNATURE_BLANK_LINES: Final = 5

# Độ mật (ô 10a) and độ khẩn (ô 10b): bold caps in a single-line box; the box widths of
# §III.2.b (20, 30 and 40 mm), urgency in red ink.
URGENCY_MARKS: Final = {
    1: ("KHẨN", 20.0),
    2: ("THƯỢNG KHẨN", 40.0),
    3: ("HỎA TỐC", 30.0),
    4: ("HỎA TỐC HẸN GIỜ", 50.0),
}
SECRECY_MARKS: Final = {1: ("MẬT", 20.0), 2: ("TỐI MẬT", 30.0), 3: ("TUYỆT MẬT", 35.0)}
URGENCY_COLOR: Final = (0xE0, 0x00, 0x00)
SECRECY_COLOR: Final = (0xE0, 0x00, 0x00)

NATIONAL_NAME: Final = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO: Final = "Độc lập - Tự do - Hạnh phúc"
#: Non-breaking spaces (a quarter of an em each) left for the number and for the day and
#: month of a draft. The number is filled right-aligned against its "/": nine quarter-ems
#: hold four digits (half an em each) and one space after "Số:". The day and the month are
#: filled centred: six quarter-ems hold two digits with a space on either side.
NUMBER_BLANK: Final = "\u00a0" * 9
DAY_BLANK: Final = "\u00a0" * 6
