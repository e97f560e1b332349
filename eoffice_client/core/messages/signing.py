"""Messages: signing PDFs and verifying their signatures (core/documents/signing*, verify*)."""

MESSAGES: dict[str, tuple[str, str]] = {
    # -- the key and its certificate
    "signing.cert_expired": (
        "Chứng thư số của {holder} đã hết hạn từ {date}; không thể ký. Hãy gia hạn chứng thư "
        "số với nhà cung cấp.",
        "The certificate of {holder} expired on {date}; it cannot sign. Renew the certificate "
        "with its provider.",
    ),
    "signing.cert_not_yet_valid": (
        "Chứng thư số của {holder} chỉ có hiệu lực từ {date}; chưa thể ký (hãy kiểm tra cả "
        "ngày giờ của máy tính).",
        "The certificate of {holder} is valid only from {date}; it cannot sign yet (check the "
        "computer's date and time too).",
    ),
    "signing.cert_no_signing_usage": (
        "Chứng thư số của {holder} không được cấp để ký số (thiếu mục đích sử dụng "
        "digitalSignature hoặc nonRepudiation); hãy chọn chứng thư ký số khác.",
        "The certificate of {holder} is not issued for signing (it lacks the key usage "
        "digitalSignature or nonRepudiation); choose another signing certificate.",
    ),
    "signing.wrong_password": (
        "Mật khẩu của tệp khóa {path} không đúng, hoặc tệp không phải khóa PKCS#12 (.p12/.pfx).",
        "The password of the key file {path} is wrong, or the file is not a PKCS#12 key "
        "(.p12/.pfx).",
    ),
    "signing.key_file_unreadable": (
        "Không đọc được tệp khóa {path}: {detail}.",
        "The key file {path} cannot be read: {detail}.",
    ),
    "signing.wrong_pin": (
        "Mã PIN của thiết bị ký số \"{token}\" không đúng. Nhập sai nhiều lần thiết bị sẽ bị "
        "khóa.",
        "The PIN of the signing token \"{token}\" is wrong. Too many wrong PINs lock the token.",
    ),
    "signing.token_locked": (
        "Thiết bị ký số \"{token}\" đã bị khóa (nhập sai PIN quá số lần cho phép); hãy liên hệ "
        "nhà cung cấp chứng thư số để mở khóa.",
        "The signing token \"{token}\" is locked (too many wrong PINs); ask the certificate "
        "provider to unlock it.",
    ),
    "signing.token_library_missing": (
        "Không nạp được thư viện thiết bị ký số (PKCS#11) {path}: {detail}.",
        "The signing token library (PKCS#11) {path} cannot be loaded: {detail}.",
    ),
    "signing.token_not_found": (
        "Không tìm thấy thiết bị ký số {label}; hãy cắm thiết bị và thử lại.",
        "No signing token {label} was found; plug the token in and try again.",
    ),
    "signing.token_key_not_found": (
        "Thiết bị ký số \"{token}\" không có khóa và chứng thư số {label}.",
        "The signing token \"{token}\" holds no key and certificate {label}.",
    ),
    "signing.token_error": (
        "Thiết bị ký số \"{token}\" báo lỗi: {detail}.",
        "The signing token \"{token}\" reported an error: {detail}.",
    ),
    "signing.session_closed": (
        "Phiên ký đã đóng; hãy mở phiên mới (nhập lại PIN hoặc mật khẩu).",
        "The signing session is closed; open a new one (enter the PIN or password again).",
    ),
    # -- the document
    "signing.broken_pdf": (
        "Tệp {path} không phải PDF hợp lệ hoặc đã bị hỏng ({detail}); không ký, tệp không bị "
        "thay đổi.",
        "{path} is not a valid PDF or is damaged ({detail}); nothing was signed and the file "
        "is unchanged.",
    ),
    "signing.encrypted_pdf": (
        "Tệp {path} được đặt mật khẩu; hãy bỏ mật khẩu trước khi ký.",
        "{path} is password-protected; remove the password before signing.",
    ),
    "signing.no_changes_allowed": (
        "Tệp {path} đã có chữ ký chứng thực không cho phép thay đổi thêm; không thể ký tiếp.",
        "{path} carries a certification signature that allows no further change; it cannot "
        "be signed again.",
    ),
    "signing.page_out_of_range": (
        "Tệp {path} không có trang {page} (tệp có {pages} trang).",
        "{path} has no page {page} (it has {pages} pages).",
    ),
    "signing.bad_box": (
        "Khung chữ ký {box} không hợp lệ: cần x1,y1,x2,y2 (điểm PDF, gốc ở góc dưới trái) với "
        "x1 < x2 và y1 < y2.",
        "The signature box {box} is invalid: it needs x1,y1,x2,y2 (PDF points, origin lower "
        "left) with x1 < x2 and y1 < y2.",
    ),
    "signing.image_unreadable": (
        "Không đọc được ảnh chữ ký {path}: {detail}.",
        "The signature image {path} cannot be read: {detail}.",
    ),
    "signing.field_missing": (
        "Tệp {path} không có ô \"{field}\" để điền số và ngày ban hành (văn bản phải được "
        "chuẩn bị ô trước khi lãnh đạo ký).",
        "{path} has no field \"{field}\" for the number and date (the fields must be added "
        "before the leader signs).",
    ),
    "signing.field_already_filled": (
        "Ô \"{field}\" của tệp {path} đã được điền; không điền lại.",
        "The field \"{field}\" of {path} is already filled; it is not filled again.",
    ),
    "signing.notation_differs": (
        "Tệp {path} in ký hiệu \"{printed}\" nhưng văn bản được cấp ký hiệu \"{given}\": "
        "chỉ điền được số vào chỗ trống, không sửa được ký hiệu lãnh đạo đã ký; cần trình ký "
        "lại bản có ký hiệu đúng.",
        "{path} prints the notation \"{printed}\" but the document was given \"{given}\": "
        "only the number can be filled into the blank, not a notation the leader signed; "
        "the document must be signed again with the right notation.",
    ),
    "signing.year_differs": (
        "Tệp {path} in năm {printed} nhưng ngày ban hành là {given}: chỉ điền được ngày và "
        "tháng, không sửa được năm lãnh đạo đã ký; cần trình ký lại.",
        "{path} prints the year {printed} but the issue date is {given}: only the day and "
        "the month can be filled in, not a year the leader signed; the document must be "
        "signed again.",
    ),
    "signing.bad_number": (
        "Số văn bản \"{number}\" không hợp lệ: cần số nguyên dương.",
        "The document number \"{number}\" is invalid: a positive whole number is needed.",
    ),
    "signing.output_unwritable": (
        "Không ghi được tệp {path}: {detail}; tệp gốc không bị thay đổi.",
        "{path} cannot be written: {detail}; the original file is unchanged.",
    ),
    "signing.output_is_input": (
        "Tệp kết quả {path} trùng tệp gốc; hãy chọn tên khác.",
        "The output file {path} is the input file; choose another name.",
    ),
    "signing.failed": (
        "Ký số thất bại: {detail}; tệp không bị thay đổi.",
        "Signing failed: {detail}; the file is unchanged.",
    ),
    # -- notes in a signing result
    "signing.timestamp_unreachable": (
        "Không kết nối được máy chủ dấu thời gian {url}; đã ký không có dấu thời gian "
        "(PAdES B-B). Dấu thời gian sẽ được bổ sung khi có mạng.",
        "The timestamp server {url} could not be reached; signed without a timestamp "
        "(PAdES B-B). The timestamp is added once online.",
    ),
    "signing.extend_failed": (
        "Không bổ sung được dấu thời gian và dữ liệu kiểm tra cho {path}: {detail}.",
        "The timestamp and validation data could not be added to {path}: {detail}.",
    ),
    # -- appearance texts (drawn into the PDF)
    "signing.caption_signed_by": ("Ký bởi: {name}", "Signed by: {name}"),
    "signing.caption_signed_at": ("Ngày ký: {time}", "Signed on: {time}"),
    # -- verification
    "verify.unreadable_pdf": (
        "Không đọc được tệp {path} để kiểm tra chữ ký ({detail}).",
        "{path} cannot be read to check its signatures ({detail}).",
    ),
    "verify.unreadable_anchor": (
        "Không đọc được chứng thư gốc tin cậy {path}: {detail}.",
        "The trust anchor {path} cannot be read: {detail}.",
    ),
    "verify.weak_hash": (
        "Chữ ký dùng thuật toán băm yếu {algorithm}; không còn đủ an toàn cho văn bản mới.",
        "The signature uses the weak hash algorithm {algorithm}; it is no longer safe for new "
        "documents.",
    ),
    "verify.objects_freed": (
        "Các lần cập nhật sau chữ ký có giải phóng đối tượng PDF không còn dùng (phần mềm ký "
        "thường làm vậy); nội dung đã ký không đổi.",
        "Updates after the signature freed unused PDF objects (common with signing software); "
        "the signed content is unchanged.",
    ),
    # -- the window's signing flows (core/app/signatures.py)
    "signatures.not_png": (
        "Tệp {path} không phải ảnh PNG; ảnh chữ ký và ảnh con dấu phải là ảnh PNG nền "
        "trong suốt.",
        "The file {path} is not a PNG image; the signature and seal images must be PNG "
        "with a transparent background.",
    ),
}
