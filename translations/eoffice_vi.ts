<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN" sourcelanguage="en_US">
<context>
    <name></name>
    <message>
        <source>gui.start.no_plugin</source>
        <extracomment>Debian&apos;s name of a library package where the usual rule (below) does not give it</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>gui.start.no_display</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>gui.start.display_unset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>gui.start.missing_libraries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>gui.start.plugin_failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>gui.start.failed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Actions</name>
    <message>
        <source>Mark as read</source>
        <extracomment>The actions the window offers, in the order of the action bar. Actions that need no dialog (still confirmable).</extracomment>
        <translation>Đánh dấu đã đọc</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Cho ý kiến</translation>
    </message>
    <message>
        <source>Send to</source>
        <translation>Gửi đến</translation>
    </message>
    <message>
        <source>Register</source>
        <translation>Vào sổ</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Lý do</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Nội dung</translation>
    </message>
    <message>
        <source>New deadline</source>
        <translation>Hạn mới</translation>
    </message>
    <message>
        <source>People and units</source>
        <translation>Người và đơn vị</translation>
    </message>
    <message>
        <source>The rules do not allow «%1» on this document now: someone may have acted on it since the last sync. Cancel, and look at the document again.</source>
        <translation>Quy trình không cho phép «%1» với văn bản này lúc này: có thể đã có người xử lý văn bản từ lần đồng bộ trước. Hãy bấm Hủy và xem lại văn bản.</translation>
    </message>
    <message>
        <source>Check «%1»: the rules do not accept what it holds. Correct it and try again.</source>
        <translation>Hãy kiểm tra «%1»: nội dung đã nhập không đúng quy định. Sửa lại rồi thử lại.</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>Từ chối tiếp nhận</translation>
    </message>
    <message>
        <source>Submit</source>
        <translation>Trình</translation>
    </message>
    <message>
        <source>Forward</source>
        <translation>Chuyển tiếp</translation>
    </message>
    <message>
        <source>Assign</source>
        <translation>Phân công</translation>
    </message>
    <message>
        <source>Extend deadline</source>
        <translation>Gia hạn</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Bắt đầu xử lý</translation>
    </message>
    <message>
        <source>Complete</source>
        <translation>Hoàn thành</translation>
    </message>
    <message>
        <source>Return</source>
        <translation>Trả lại</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>Duyệt</translation>
    </message>
    <message>
        <source>Recall</source>
        <translation>Thu hồi</translation>
    </message>
    <message>
        <source>Discard draft</source>
        <translation>Hủy dự thảo</translation>
    </message>
    <message>
        <source>Sign</source>
        <translation>Ký</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Cấp số</translation>
    </message>
    <message>
        <source>Issue</source>
        <translation>Ban hành</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Tạo mới</translation>
    </message>
    <message>
        <source>Edited</source>
        <translation>Chỉnh sửa</translation>
    </message>
    <message>
        <source>Apply to %n document(s)?</source>
        <translation>Áp dụng cho %n văn bản?</translation>
    </message>
</context>
<context>
    <name>ActionsController</name>
    <message numerus="yes">
        <source>%1: %n document(s) queued; sent at the next sync.</source>
        <extracomment>rows of the current list that &quot;Print the list&quot; prints at most</extracomment>
        <translation>
            <numerusform>%1: đã xếp hàng %n văn bản; sẽ gửi ở lần đồng bộ tới.</numerusform>
        </translation>
    </message>
    <message>
        <source>Action not queued</source>
        <translation>Chưa ghi nhận được thao tác</translation>
    </message>
    <message>
        <source>Register paper document</source>
        <translation>Vào sổ văn bản giấy</translation>
    </message>
    <message>
        <source>The document was registered and queued.</source>
        <translation>Đã vào sổ văn bản và xếp hàng chờ gửi.</translation>
    </message>
</context>
<context>
    <name>AssignDialog</name>
    <message>
        <source>Assign</source>
        <translation>Phân công</translation>
    </message>
    <message>
        <source>Unit: %1</source>
        <translation>Đơn vị: %1</translation>
    </message>
    <message>
        <source>Person or unit</source>
        <translation>Người hoặc đơn vị</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Vai trò</translation>
    </message>
    <message>
        <source>People and units</source>
        <translation>Cán bộ và đơn vị</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>Lead (chủ trì)</source>
        <translation>Chủ trì</translation>
    </message>
    <message>
        <source>Support (phối hợp)</source>
        <translation>Phối hợp</translation>
    </message>
    <message>
        <source>For information</source>
        <translation>Nhận để biết</translation>
    </message>
    <message>
        <source>Role of %1</source>
        <translation>Vai trò của %1</translation>
    </message>
    <message>
        <source>Find a person or unit</source>
        <translation>Tìm cán bộ hoặc đơn vị</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>Hạn xử lý</translation>
    </message>
    <message>
        <source>Directive (bút phê), optional</source>
        <translation>Bút phê (không bắt buộc)</translation>
    </message>
    <message>
        <source>Directive</source>
        <translation>Bút phê</translation>
    </message>
    <message numerus="yes">
        <source>%n document(s) selected</source>
        <translation>
            <numerusform>Đã chọn %n văn bản</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <source>Choose at least one lead (chủ trì).</source>
        <translation>Hãy chọn ít nhất một người hoặc đơn vị chủ trì.</translation>
    </message>
</context>
<context>
    <name>BodyEditor</name>
    <message>
        <source>One paragraph per line; each is printed justified with a first-line indent.</source>
        <translation>Mỗi dòng một đoạn; mỗi đoạn được in căn đều hai lề, thụt đầu dòng.</translation>
    </message>
    <message>
        <source>Body</source>
        <translation>Nội dung</translation>
    </message>
    <message>
        <source>Thực hiện …, đề nghị …</source>
        <translation>Thực hiện …, đề nghị …</translation>
    </message>
    <message>
        <source>Legal grounds (căn cứ), one per line:</source>
        <translation>Căn cứ ban hành, mỗi dòng một căn cứ:</translation>
    </message>
    <message>
        <source>Legal grounds</source>
        <translation>Căn cứ ban hành</translation>
    </message>
    <message>
        <source>Căn cứ Luật …;</source>
        <translation>Căn cứ Luật …;</translation>
    </message>
    <message>
        <source>Articles: one block each, separated by an empty line (numbered Điều 1., Điều 2., …):</source>
        <translation>Các điều: mỗi điều một khối, cách nhau một dòng trống (tự đánh số Điều 1., Điều 2., …):</translation>
    </message>
    <message>
        <source>Articles</source>
        <translation>Các điều</translation>
    </message>
    <message>
        <source>The text is kept on the drafter&apos;s computer: read it in the PDF (tab «Files and PDF»).</source>
        <translation>Nội dung chỉ lưu trên máy người soạn: hãy đọc trong bản PDF (thẻ «Tệp và bản PDF»).</translation>
    </message>
</context>
<context>
    <name>BoxList</name>
    <message>
        <source>Incoming</source>
        <extracomment>boxes whose own count is shown after their name (the others are long lists)</extracomment>
        <translation>Văn bản đến</translation>
    </message>
    <message>
        <source>Outgoing</source>
        <translation>Văn bản đi</translation>
    </message>
    <message>
        <source>Internal</source>
        <translation>Nội bộ</translation>
    </message>
    <message>
        <source>To sign</source>
        <translation>Chờ ký</translation>
    </message>
    <message>
        <source>To process</source>
        <translation>Cần xử lý</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Quá hạn</translation>
    </message>
    <message>
        <source>Unread</source>
        <translation>Chưa đọc</translation>
    </message>
    <message>
        <source>All documents</source>
        <translation>Tất cả văn bản</translation>
    </message>
    <message>
        <source>Documents you can act on: waiting on you, assigned to you or your unit to lead or support, and for clerks those to register, number or issue.</source>
        <translation>Văn bản bạn có thể xử lý: đang chờ bạn, được giao cho bạn hoặc đơn vị bạn chủ trì hay phối hợp, và với văn thư là văn bản cần vào sổ, cấp số hoặc ban hành.</translation>
    </message>
    <message>
        <source>Approved documents waiting for your signature.</source>
        <translation>Văn bản đã duyệt đang chờ bạn ký.</translation>
    </message>
    <message>
        <source>Open documents past their deadline.</source>
        <translation>Văn bản chưa xong đã quá hạn xử lý.</translation>
    </message>
    <message>
        <source>Boxes</source>
        <translation>Hộp văn bản</translation>
    </message>
    <message numerus="yes">
        <source>%n unread</source>
        <translation>
            <numerusform>%n chưa đọc</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n overdue</source>
        <translation>
            <numerusform>%n quá hạn</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2 documents, %3 unread, %4 overdue</source>
        <translation>%1: %2 văn bản, %3 chưa đọc, %4 quá hạn</translation>
    </message>
</context>
<context>
    <name>ComposeController</name>
    <message>
        <source>Compose document</source>
        <translation>Soạn văn bản</translation>
    </message>
    <message>
        <source>The compose window cannot open yet: the local data is still loading.</source>
        <translation>Chưa mở được cửa sổ soạn thảo: dữ liệu trên máy đang được nạp.</translation>
    </message>
    <message>
        <source>Sign in first to compose a document.</source>
        <translation>Hãy đăng nhập trước khi soạn văn bản.</translation>
    </message>
</context>
<context>
    <name>ComposeFlow</name>
    <message>
        <source>Re-submit…</source>
        <extracomment>The steps the window offers, each on its own button.</extracomment>
        <translation>Trình lại…</translation>
    </message>
    <message>
        <source>Submit for approval…</source>
        <translation>Trình duyệt…</translation>
    </message>
    <message>
        <source>Making the PDF</source>
        <translation>Đang tạo bản PDF</translation>
    </message>
    <message>
        <source>Making the PDF for approval…</source>
        <translation>Đang tạo bản PDF để trình…</translation>
    </message>
    <message>
        <source>Making the PDF for approval</source>
        <translation>Tạo bản PDF để trình</translation>
    </message>
    <message>
        <source>The PDF for approval is ready; it is sent at the next sync.</source>
        <translation>Bản PDF để trình đã sẵn sàng; sẽ gửi ở lần đồng bộ tới.</translation>
    </message>
    <message>
        <source>Making the PDF was cancelled; nothing was attached.</source>
        <translation>Đã hủy việc tạo bản PDF; không có tệp nào được đính kèm.</translation>
    </message>
    <message>
        <source>PDF made elsewhere</source>
        <translation>PDF đã tạo ở nơi khác</translation>
    </message>
    <message>
        <source>The PDF is attached as the main file.</source>
        <translation>Đã đính kèm bản PDF làm văn bản chính.</translation>
    </message>
    <message>
        <source>Appendix</source>
        <translation>Phụ lục</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Mọi tệp (*)</translation>
    </message>
    <message>
        <source>The appendix is attached.</source>
        <translation>Đã đính kèm phụ lục.</translation>
    </message>
    <message>
        <source>Make the PDF for approval (or attach one) before submitting.</source>
        <translation>Hãy tạo bản PDF để trình (hoặc đính kèm bản PDF) trước khi trình.</translation>
    </message>
    <message>
        <source>%1: queued; sent at the next sync.</source>
        <translation>%1: đã xếp hàng; sẽ gửi ở lần đồng bộ tới.</translation>
    </message>
</context>
<context>
    <name>ComposeWindow</name>
    <message>
        <source>Document</source>
        <extracomment>Incoming documents offered as &quot;in reply to&quot; (the newest). The form&apos;s share of the window&apos;s width (the body and the PDF take the rest). The type a new document starts as (công văn, the most common).</extracomment>
        <translation>Văn bản</translation>
    </message>
    <message>
        <source>Signature block</source>
        <translation>Người ký</translation>
    </message>
    <message>
        <source>Recipients (nơi nhận)</source>
        <translation>Nơi nhận</translation>
    </message>
    <message>
        <source>Body</source>
        <translation>Nội dung</translation>
    </message>
    <message>
        <source>Files and PDF</source>
        <translation>Tệp và bản PDF</translation>
    </message>
    <message>
        <source>Save draft</source>
        <translation>Lưu dự thảo</translation>
    </message>
    <message>
        <source>Save draft (Ctrl+S): works offline</source>
        <translation>Lưu dự thảo (Ctrl+S): lưu được cả khi mất mạng</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>Duyệt</translation>
    </message>
    <message>
        <source>Return…</source>
        <translation>Trả lại…</translation>
    </message>
    <message>
        <source>Discard draft…</source>
        <translation>Hủy dự thảo…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <source>New document</source>
        <translation>Soạn văn bản mới</translation>
    </message>
    <message>
        <source>Review: %1</source>
        <translation>Xem xét: %1</translation>
    </message>
    <message>
        <source>Draft: %1</source>
        <translation>Dự thảo: %1</translation>
    </message>
    <message>
        <source>Not saved yet</source>
        <translation>Chưa lưu</translation>
    </message>
    <message numerus="yes">
        <source>, %n change(s) not sent yet</source>
        <translation>
            <numerusform>, %n thay đổi chưa gửi</numerusform>
        </translation>
    </message>
    <message>
        <source>Status: %1</source>
        <translation>Trạng thái: %1</translation>
    </message>
    <message>
        <source>Choose the document type.</source>
        <translation>Hãy chọn loại văn bản.</translation>
    </message>
    <message>
        <source>Write the subject (trích yếu).</source>
        <translation>Hãy nhập trích yếu.</translation>
    </message>
    <message>
        <source>The document it answers has no number yet: choose another or none.</source>
        <translation>Văn bản được trả lời chưa có số, ký hiệu: hãy chọn văn bản khác hoặc để trống.</translation>
    </message>
    <message>
        <source>Choose the signer (or type a name).</source>
        <translation>Hãy chọn người ký (hoặc nhập họ tên).</translation>
    </message>
    <message>
        <source>Write the signer&apos;s position.</source>
        <translation>Hãy nhập chức vụ của người ký.</translation>
    </message>
    <message>
        <source>A decision needs at least one article.</source>
        <translation>Quyết định cần có ít nhất một điều.</translation>
    </message>
    <message>
        <source>Write the body of the document.</source>
        <translation>Hãy nhập nội dung văn bản.</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Đang lưu…</translation>
    </message>
    <message>
        <source>Saved on this computer; sent to the server at the next sync.</source>
        <translation>Đã lưu trên máy này; sẽ gửi lên máy chủ ở lần đồng bộ tới.</translation>
    </message>
    <message>
        <source>Close without saving?</source>
        <translation>Đóng mà không lưu?</translation>
    </message>
    <message>
        <source>The changes to this draft are not saved. Close it anyway?</source>
        <translation>Các thay đổi của dự thảo này chưa được lưu. Vẫn đóng?</translation>
    </message>
    <message>
        <source>Close without saving</source>
        <translation>Đóng, không lưu</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <source>Something went wrong</source>
        <translation>Đã xảy ra sự cố</translation>
    </message>
    <message>
        <source>An unexpected error happened. Your work is kept and the program goes on. Please send this report to your IT department.</source>
        <translation>Đã xảy ra lỗi không mong muốn. Dữ liệu của bạn vẫn được giữ nguyên và chương trình tiếp tục chạy. Vui lòng gửi báo cáo này cho bộ phận công nghệ thông tin.</translation>
    </message>
    <message>
        <source>Report saved at: %1</source>
        <translation>Báo cáo đã lưu tại: %1</translation>
    </message>
    <message>
        <source>The report could not be saved.</source>
        <translation>Không lưu được báo cáo.</translation>
    </message>
    <message>
        <source>Error report</source>
        <translation>Báo cáo lỗi</translation>
    </message>
    <message>
        <source>Copy report</source>
        <translation>Sao chép báo cáo</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
</context>
<context>
    <name>DashboardView</name>
    <message>
        <source>Overview</source>
        <translation>Tổng quan</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Làm mới</translation>
    </message>
    <message>
        <source>Count again from the local data</source>
        <translation>Đếm lại từ dữ liệu trên máy</translation>
    </message>
    <message>
        <source>Overdue by unit</source>
        <translation>Văn bản quá hạn theo đơn vị</translation>
    </message>
    <message>
        <source>Waiting on a leader, by days</source>
        <translation>Văn bản chờ lãnh đạo, theo số ngày</translation>
    </message>
    <message>
        <source>Incoming documents per week</source>
        <translation>Văn bản đến theo tuần</translation>
    </message>
    <message>
        <source>Unread incoming</source>
        <translation>Văn bản đến chưa đọc</translation>
    </message>
    <message>
        <source>Waiting for signature</source>
        <translation>Chờ ký</translation>
    </message>
    <message>
        <source>To process</source>
        <translation>Cần xử lý</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Quá hạn</translation>
    </message>
    <message>
        <source>Due soon</source>
        <translation>Sắp đến hạn</translation>
    </message>
    <message>
        <source>within %1 working days</source>
        <translation>trong %1 ngày làm việc tới</translation>
    </message>
    <message>
        <source>The overview appears once the local data is loaded.</source>
        <translation>Trang tổng quan hiện ra khi dữ liệu trên máy đã nạp xong.</translation>
    </message>
    <message>
        <source>Updating…</source>
        <translation>Đang cập nhật…</translation>
    </message>
    <message>
        <source>Updated at %1</source>
        <translation>Cập nhật lúc %1</translation>
    </message>
    <message>
        <source>Could not count: %1</source>
        <translation>Không đếm được: %1</translation>
    </message>
    <message>
        <source>Other units</source>
        <translation>Các đơn vị khác</translation>
    </message>
    <message>
        <source>Nothing is overdue.</source>
        <translation>Không có văn bản quá hạn.</translation>
    </message>
    <message>
        <source>No document is waiting on a leader.</source>
        <translation>Không có văn bản nào đang chờ lãnh đạo.</translation>
    </message>
    <message>
        <source>Week from %1: %2 documents</source>
        <translation>Tuần từ %1: %2 văn bản</translation>
    </message>
    <message>
        <source>No incoming documents in these weeks.</source>
        <translation>Không có văn bản đến trong các tuần này.</translation>
    </message>
    <message>
        <source>Not assigned to a unit</source>
        <translation>Chưa giao đơn vị</translation>
    </message>
    <message>
        <source>0–1 days</source>
        <translation>0–1 ngày</translation>
    </message>
    <message>
        <source>2–3 days</source>
        <translation>2–3 ngày</translation>
    </message>
    <message>
        <source>4–7 days</source>
        <translation>4–7 ngày</translation>
    </message>
    <message>
        <source>8 days or more</source>
        <translation>Từ 8 ngày</translation>
    </message>
    <message>
        <source>Overdue: %1</source>
        <translation>Quá hạn: %1</translation>
    </message>
    <message>
        <source>Waiting on a leader: %1</source>
        <translation>Chờ lãnh đạo: %1</translation>
    </message>
    <message>
        <source>Incoming in the week from %1</source>
        <translation>Văn bản đến trong tuần từ %1</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <source>Yes</source>
        <translation>Đồng ý</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Không</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
</context>
<context>
    <name>Display</name>
    <message>
        <source>(a person not in this computer&apos;s directory)</source>
        <translation>(người không có trong danh bạ trên máy này)</translation>
    </message>
    <message>
        <source>(a unit not in this computer&apos;s directory)</source>
        <translation>(đơn vị không có trong danh bạ trên máy này)</translation>
    </message>
    <message>
        <source>(a register not in this computer&apos;s directory)</source>
        <translation>(sổ không có trong danh bạ trên máy này)</translation>
    </message>
    <message>
        <source>type</source>
        <translation>loại văn bản</translation>
    </message>
    <message>
        <source>subject</source>
        <translation>trích yếu</translation>
    </message>
    <message>
        <source>urgency</source>
        <translation>độ khẩn</translation>
    </message>
    <message>
        <source>secrecy</source>
        <translation>độ mật</translation>
    </message>
    <message>
        <source>deadline</source>
        <translation>hạn xử lý</translation>
    </message>
    <message>
        <source>recipients</source>
        <translation>nơi nhận</translation>
    </message>
    <message>
        <source>signer</source>
        <translation>người ký</translation>
    </message>
    <message>
        <source>place</source>
        <translation>địa danh</translation>
    </message>
    <message>
        <source>page count</source>
        <translation>số trang</translation>
    </message>
    <message>
        <source>copies</source>
        <translation>số lượng bản</translation>
    </message>
    <message>
        <source>in reply to</source>
        <translation>văn bản trả lời cho</translation>
    </message>
    <message>
        <source>unit</source>
        <translation>đơn vị</translation>
    </message>
    <message>
        <source>issuer</source>
        <translation>cơ quan ban hành</translation>
    </message>
    <message>
        <source>number</source>
        <translation>số</translation>
    </message>
    <message>
        <source>notation</source>
        <translation>ký hiệu</translation>
    </message>
    <message>
        <source>date issued</source>
        <translation>ngày ban hành</translation>
    </message>
    <message>
        <source>date arrived</source>
        <translation>ngày đến</translation>
    </message>
</context>
<context>
    <name>DocumentList</name>
    <message>
        <source>Documents are never deleted with the Delete key; use the actions instead.</source>
        <extracomment>rows of the very first list, read straight from the cache file (more than a screenful) column -&gt; a text as wide as that column&apos;s usual content (its width follows the font) on a narrow table these columns are hidden first, in this order; the subject, the deadline and the status always stay the subject keeps at least this many font heights</extracomment>
        <translation>Phím Delete không xóa văn bản; hãy dùng các thao tác xử lý.</translation>
    </message>
    <message numerus="yes">
        <source>%n document(s) so far; more are arriving from the server…</source>
        <translation>
            <numerusform>Đã có %n văn bản; văn bản vẫn đang về từ máy chủ…</numerusform>
        </translation>
    </message>
    <message>
        <source>Documents are arriving from the server…</source>
        <translation>Văn bản đang về từ máy chủ…</translation>
    </message>
    <message numerus="yes">
        <source>%n document(s)</source>
        <translation>
            <numerusform>%n văn bản</numerusform>
        </translation>
    </message>
    <message>
        <source>No documents match.</source>
        <translation>Không có văn bản phù hợp.</translation>
    </message>
    <message>
        <source>This box is empty.</source>
        <translation>Hộp này chưa có văn bản.</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Danh sách văn bản</translation>
    </message>
</context>
<context>
    <name>DocumentTableModel</name>
    <message>
        <source>Urgency</source>
        <extracomment>the table rows of some ids, by id</extracomment>
        <translation>Độ khẩn</translation>
    </message>
    <message>
        <source>Number/notation</source>
        <translation>Số/Ký hiệu</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Trích yếu</translation>
    </message>
    <message>
        <source>Issuer</source>
        <translation>Cơ quan ban hành</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Ngày</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Hạn xử lý</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Hôm nay</translation>
    </message>
    <message>
        <source>waiting to sync</source>
        <translation>chờ đồng bộ</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Quá hạn</translation>
    </message>
    <message>
        <source>Due today</source>
        <translation>Đến hạn hôm nay</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) waiting to be sent at the next sync</source>
        <translation>
            <numerusform>%n thay đổi chờ gửi ở lần đồng bộ tới</numerusform>
        </translation>
    </message>
    <message>
        <source>Found in the text of its files</source>
        <translation>Tìm thấy trong nội dung tệp đính kèm</translation>
    </message>
</context>
<context>
    <name>DocumentView</name>
    <message>
        <source>Attachments</source>
        <translation>Tệp đính kèm</translation>
    </message>
    <message>
        <source>Download</source>
        <translation>Tải về</translation>
    </message>
    <message>
        <source>Open with another app</source>
        <translation>Mở bằng ứng dụng khác</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Thông tin</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Tệp</translation>
    </message>
    <message>
        <source>Directives and comments</source>
        <translation>Bút phê và ý kiến</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Lịch sử</translation>
    </message>
    <message>
        <source>Fit width</source>
        <translation>Vừa chiều rộng</translation>
    </message>
    <message>
        <source>Choose a document in the list to see it here.</source>
        <translation>Chọn một văn bản trong danh sách để xem tại đây.</translation>
    </message>
    <message>
        <source>This PDF cannot be shown.</source>
        <translation>Không hiển thị được tệp PDF này.</translation>
    </message>
    <message>
        <source>No attachments.</source>
        <translation>Không có tệp đính kèm.</translation>
    </message>
    <message>
        <source>The file is not on this computer yet.</source>
        <translation>Tệp chưa có trên máy này.</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>Loại sổ</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Loại văn bản</translation>
    </message>
    <message>
        <source>Number/notation</source>
        <translation>Số/Ký hiệu</translation>
    </message>
    <message>
        <source>Issuer</source>
        <translation>Cơ quan ban hành</translation>
    </message>
    <message>
        <source>Issued on</source>
        <translation>Ngày ban hành</translation>
    </message>
    <message>
        <source>Arrival number</source>
        <translation>Số đến</translation>
    </message>
    <message>
        <source>Arrived on</source>
        <translation>Ngày đến</translation>
    </message>
    <message>
        <source>Register</source>
        <translation>Sổ văn bản</translation>
    </message>
    <message>
        <source>Urgency</source>
        <translation>Độ khẩn</translation>
    </message>
    <message>
        <source>Secrecy</source>
        <translation>Độ mật</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Hạn xử lý</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <source>Waiting on</source>
        <translation>Đang chờ</translation>
    </message>
    <message>
        <source>Signer</source>
        <translation>Người ký</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Đơn vị</translation>
    </message>
    <message>
        <source>Recipients</source>
        <translation>Nơi nhận</translation>
    </message>
    <message>
        <source>Read by</source>
        <translation>Đã xem</translation>
    </message>
    <message>
        <source>Waiting to sync</source>
        <translation>Chờ đồng bộ</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) waiting to be sent at the next sync</source>
        <translation>
            <numerusform>%n thay đổi chờ gửi ở lần đồng bộ tới</numerusform>
        </translation>
    </message>
    <message>
        <source>Assignments</source>
        <translation>Phân công xử lý</translation>
    </message>
    <message>
        <source>No assignments.</source>
        <translation>Chưa phân công.</translation>
    </message>
    <message>
        <source>Not started</source>
        <translation>Chưa bắt đầu</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>Đang xử lý</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Đã xong</translation>
    </message>
    <message>
        <source>due %1</source>
        <translation>hạn %1</translation>
    </message>
    <message>
        <source>No comments yet.</source>
        <translation>Chưa có ý kiến.</translation>
    </message>
    <message>
        <source>No history yet.</source>
        <translation>Chưa có nhật ký.</translation>
    </message>
</context>
<context>
    <name>EdxmlExportDialog</name>
    <message>
        <source>Export as edXML</source>
        <translation>Xuất văn bản edXML</translation>
    </message>
    <message>
        <source>Status message (edXML)</source>
        <translation>Thông báo trạng thái (edXML)</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Chọn…</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Văn bản</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Tệp</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Lưu</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <source>received</source>
        <translation>đã đến</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>từ chối</translation>
    </message>
    <message>
        <source>accepted</source>
        <translation>đã tiếp nhận</translation>
    </message>
    <message>
        <source>assigned</source>
        <translation>phân công</translation>
    </message>
    <message>
        <source>in progress</source>
        <translation>đang xử lý</translation>
    </message>
    <message>
        <source>completed</source>
        <translation>hoàn thành</translation>
    </message>
    <message>
        <source>Save as</source>
        <translation>Lưu thành</translation>
    </message>
    <message>
        <source>edXML files (*.edxml)</source>
        <translation>Tệp edXML (*.edxml)</translation>
    </message>
    <message>
        <source>Choose where to save the file.</source>
        <translation>Chọn nơi lưu tệp.</translation>
    </message>
    <message>
        <source>Writing…</source>
        <translation>Đang ghi…</translation>
    </message>
    <message>
        <source>Saved: %1</source>
        <translation>Đã lưu: %1</translation>
    </message>
</context>
<context>
    <name>EdxmlImportDialog</name>
    <message>
        <source>Import edXML documents</source>
        <translation>Nhập văn bản edXML</translation>
    </message>
    <message>
        <source>Choose files…</source>
        <translation>Chọn tệp…</translation>
    </message>
    <message>
        <source>Register</source>
        <translation>Tiếp nhận</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <source>Choose edXML files</source>
        <translation>Chọn tệp edXML</translation>
    </message>
    <message>
        <source>edXML files (*.edxml *.xml);;All files (*)</source>
        <translation>Tệp edXML (*.edxml *.xml);;Mọi tệp (*)</translation>
    </message>
    <message>
        <source>reading…</source>
        <translation>đang đọc…</translation>
    </message>
    <message>
        <source>to review</source>
        <translation>chờ kiểm tra</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>từ chối</translation>
    </message>
    <message>
        <source>registering…</source>
        <translation>đang tiếp nhận…</translation>
    </message>
    <message>
        <source>registered</source>
        <translation>đã tiếp nhận</translation>
    </message>
    <message>
        <source>Drop .edxml files here, or choose them with the button below.</source>
        <translation>Kéo thả tệp .edxml vào đây, hoặc chọn tệp bằng nút bên dưới.</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>Đang đọc %1…</translation>
    </message>
    <message>
        <source>Record on the document</source>
        <translation>Ghi vào văn bản</translation>
    </message>
    <message>
        <source>Only a clerk (văn thư) registers incoming documents.</source>
        <translation>Chỉ văn thư mới tiếp nhận văn bản đến.</translation>
    </message>
    <message>
        <source>Check the fields above; nothing is registered until you press the button.</source>
        <translation>Kiểm tra các trường ở trên; chưa có gì được tiếp nhận cho tới khi bạn bấm nút.</translation>
    </message>
    <message>
        <source>Recorded on the outgoing document: %1</source>
        <translation>Đã ghi vào văn bản đi: %1</translation>
    </message>
    <message>
        <source>Queued as a new incoming document with %1 files and the original edXML file; it is sent at the next sync.</source>
        <translation>Đã xếp hàng thành văn bản đến mới kèm %1 tệp và tệp edXML gốc; sẽ gửi lên máy chủ ở lần đồng bộ tới.</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>The file «%1» cannot be read or written (%2). Check that it exists and is not open in another program, then try again.</source>
        <extracomment>how long a background task&apos;s error stays in the status bar</extracomment>
        <translation>Không đọc hoặc ghi được tệp «%1» (%2). Hãy kiểm tra tệp còn đó và không bị chương trình khác mở, rồi thử lại.</translation>
    </message>
    <message>
        <source>access refused</source>
        <translation>không có quyền truy cập</translation>
    </message>
    <message>
        <source>The server cannot be reached. Check the network, then try again; what you did is kept.</source>
        <translation>Không kết nối được máy chủ. Hãy kiểm tra mạng rồi thử lại; những gì anh/chị đã làm vẫn được giữ.</translation>
    </message>
    <message>
        <source>This did not work; nothing you typed is lost. Try again; if it happens again, export a diagnostics bundle (Help menu) for IT staff.</source>
        <translation>Thao tác chưa thực hiện được; những gì đã nhập không bị mất. Hãy thử lại; nếu vẫn lỗi, hãy xuất gói chẩn đoán (menu Trợ giúp) gửi bộ phận CNTT.</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export a register or report</source>
        <extracomment>(parent, title, pages) -&gt; a printer, None when the user cancels (tests give their own)</extracomment>
        <translation>Xuất sổ, báo cáo</translation>
    </message>
    <message>
        <source>Register of incoming documents</source>
        <translation>Sổ đăng ký văn bản đến</translation>
    </message>
    <message>
        <source>Register of outgoing documents</source>
        <translation>Sổ đăng ký văn bản đi</translation>
    </message>
    <message>
        <source>Register tracking incoming documents</source>
        <translation>Sổ theo dõi giải quyết văn bản đến</translation>
    </message>
    <message>
        <source>Report on document processing</source>
        <translation>Báo cáo tình hình xử lý văn bản</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Chọn…</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Loại</translation>
    </message>
    <message>
        <source>Register</source>
        <translation>Sổ</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Đơn vị</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Thời gian</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Định dạng</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Tệp</translation>
    </message>
    <message>
        <source>Open the file</source>
        <translation>Mở tệp</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>In…</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Xuất</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <source>The whole organisation</source>
        <translation>Toàn cơ quan</translation>
    </message>
    <message>
        <source>Every register</source>
        <translation>Tất cả các sổ</translation>
    </message>
    <message>
        <source>Save as</source>
        <translation>Lưu thành</translation>
    </message>
    <message>
        <source>The period ends before it starts: choose a &apos;to&apos; date on or after the &apos;from&apos; date.</source>
        <translation>Thời gian kết thúc trước khi bắt đầu: chọn ngày &quot;đến&quot; bằng hoặc sau ngày &quot;từ&quot;.</translation>
    </message>
    <message>
        <source>Choose where to save the file.</source>
        <translation>Chọn nơi lưu tệp.</translation>
    </message>
    <message>
        <source>«%1» is a folder: give a file name.</source>
        <translation>«%1» là một thư mục: hãy nhập tên tệp.</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Đang xuất…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Huỷ</translation>
    </message>
    <message>
        <source>Saved: %1</source>
        <translation>Đã lưu: %1</translation>
    </message>
    <message>
        <source>(%1 documents)</source>
        <translation>(%1 văn bản)</translation>
    </message>
    <message>
        <source>Cancelled: nothing was saved.</source>
        <translation>Đã huỷ: không có gì được lưu.</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Đang huỷ…</translation>
    </message>
    <message>
        <source>Printing needs LibreOffice (or Microsoft Word) to turn the file into PDF, and neither is installed. Open the file and print it from its own program.</source>
        <translation>Để in cần LibreOffice (hoặc Microsoft Word) chuyển tệp sang PDF, nhưng máy chưa cài chương trình nào. Hãy mở tệp và in từ chương trình của nó.</translation>
    </message>
    <message>
        <source>Preparing to print…</source>
        <translation>Đang chuẩn bị bản in…</translation>
    </message>
    <message>
        <source>Ready to print: %1 pages.</source>
        <translation>Sẵn sàng in: %1 trang.</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>In</translation>
    </message>
    <message>
        <source>Sent %1 pages to the printer.</source>
        <translation>Đã gửi %1 trang tới máy in.</translation>
    </message>
</context>
<context>
    <name>FilesPanel</name>
    <message>
        <source>Make the PDF for approval</source>
        <extracomment>Rows of the file list shown without scrolling.</extracomment>
        <translation>Tạo bản PDF để trình</translation>
    </message>
    <message>
        <source>Attach a PDF made elsewhere…</source>
        <translation>Đính kèm PDF đã tạo ở nơi khác…</translation>
    </message>
    <message>
        <source>Add an appendix…</source>
        <translation>Thêm phụ lục…</translation>
    </message>
    <message>
        <source>Files of the draft</source>
        <translation>Các tệp của dự thảo</translation>
    </message>
    <message>
        <source>A secret document carries no files here: the leader approves it on paper.</source>
        <translation>Văn bản mật không có tệp trên máy này: lãnh đạo duyệt trên giấy.</translation>
    </message>
    <message>
        <source>Neither LibreOffice nor Microsoft Word is installed, so the PDF cannot be made here. Make it on another computer and attach it.</source>
        <translation>Máy này chưa cài LibreOffice hoặc Microsoft Word nên không tạo được bản PDF. Hãy tạo trên máy khác rồi đính kèm.</translation>
    </message>
    <message>
        <source>The PDF is made with %1 from what the form holds.</source>
        <translation>Bản PDF được tạo bằng %1 từ nội dung trên biểu mẫu.</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Văn bản chính</translation>
    </message>
    <message>
        <source>Appendix</source>
        <translation>Phụ lục</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>Dự thảo</translation>
    </message>
    <message>
        <source>Signed</source>
        <translation>Đã ký</translation>
    </message>
    <message>
        <source>Final</source>
        <translation>Bản phát hành</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) not sent yet: they go at the next sync.</source>
        <translation>
            <numerusform>%n tệp chưa gửi: sẽ gửi ở lần đồng bộ tới.</numerusform>
        </translation>
    </message>
    <message>
        <source>No files yet.</source>
        <translation>Chưa có tệp.</translation>
    </message>
    <message>
        <source>The PDF the leader approves:</source>
        <translation>Bản PDF trình lãnh đạo duyệt:</translation>
    </message>
    <message>
        <source>The PDF is not on this computer yet: it is fetched when the server can be reached.</source>
        <translation>Bản PDF chưa có trên máy này: sẽ tải về khi kết nối được máy chủ.</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <source>Clear filters</source>
        <translation>Bỏ lọc</translation>
    </message>
    <message>
        <source>Dates</source>
        <translation>Theo ngày</translation>
    </message>
    <message>
        <source>From date</source>
        <translation>Từ ngày</translation>
    </message>
    <message>
        <source>To date</source>
        <translation>Đến ngày</translation>
    </message>
    <message>
        <source>All types</source>
        <translation>Mọi loại văn bản</translation>
    </message>
    <message>
        <source>Any urgency</source>
        <translation>Mọi độ khẩn</translation>
    </message>
    <message>
        <source>Any secrecy</source>
        <translation>Mọi độ mật</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>Mọi trạng thái</translation>
    </message>
</context>
<context>
    <name>GeneralFields</name>
    <message>
        <source>Kind</source>
        <extracomment>Trích yếu: contract section 4 (1..500 characters). Copies the spin box offers (số lượng bản); 0 shows as &quot;not given&quot;. Types offered first, as drafters use them most (the rest follow by name).</extracomment>
        <translation>Loại hình</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Loại văn bản</translation>
    </message>
    <message>
        <source>Subject (trích yếu)</source>
        <translation>Trích yếu</translation>
    </message>
    <message>
        <source>Urgency</source>
        <translation>Độ khẩn</translation>
    </message>
    <message>
        <source>Secrecy</source>
        <translation>Độ mật</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>Hạn xử lý</translation>
    </message>
    <message>
        <source>In reply to</source>
        <translation>Trả lời văn bản</translation>
    </message>
    <message>
        <source>Copies</source>
        <translation>Số lượng bản</translation>
    </message>
    <message>
        <source>Outgoing document</source>
        <translation>Văn bản đi</translation>
    </message>
    <message>
        <source>Internal document</source>
        <translation>Văn bản nội bộ</translation>
    </message>
    <message>
        <source>e.g. Về việc triển khai chuyển đổi số</source>
        <translation>Ví dụ: Về việc triển khai chuyển đổi số</translation>
    </message>
    <message>
        <source>Has a deadline</source>
        <translation>Có hạn xử lý</translation>
    </message>
    <message>
        <source>not given</source>
        <translation>không ghi</translation>
    </message>
    <message>
        <source>— choose the type —</source>
        <translation>— chọn loại văn bản —</translation>
    </message>
    <message>
        <source>— none —</source>
        <translation>— không —</translation>
    </message>
</context>
<context>
    <name>ImageRow</name>
    <message>
        <source>PNG images (*.png)</source>
        <translation>Ảnh PNG (*.png)</translation>
    </message>
    <message>
        <source>Not chosen yet: a PNG with a transparent background.</source>
        <translation>Chưa chọn: ảnh PNG nền trong suốt.</translation>
    </message>
</context>
<context>
    <name>IssueDialog</name>
    <message>
        <source>Number and issue</source>
        <translation>Cấp số và phát hành</translation>
    </message>
    <message>
        <source>Request the numbers</source>
        <translation>Lấy số</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Đồng bộ ngay</translation>
    </message>
    <message>
        <source>Choose seal image…</source>
        <translation>Chọn ảnh con dấu…</translation>
    </message>
    <message>
        <source>Seal and issue…</source>
        <translation>Đóng dấu và phát hành…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <source>Choose the seal image of the organisation (a red seal on a transparent PNG) first; it is kept in your profile for the next time.</source>
        <translation>Hãy chọn trước ảnh con dấu của cơ quan (con dấu màu đỏ, ảnh PNG nền trong suốt); ảnh được giữ trong hồ sơ của bạn cho những lần sau.</translation>
    </message>
    <message>
        <source>1. Register:</source>
        <translation>1. Sổ đăng ký:</translation>
    </message>
    <message>
        <source>2. Seal:</source>
        <translation>2. Con dấu:</translation>
    </message>
</context>
<context>
    <name>IssueFlow</name>
    <message>
        <source>Not on this computer.</source>
        <translation>Không có trên máy này.</translation>
    </message>
    <message>
        <source>Issued.</source>
        <translation>Đã phát hành.</translation>
    </message>
    <message>
        <source>Number %1 of %2: ready to seal and issue.</source>
        <translation>Số %1 ngày %2: sẵn sàng đóng dấu và phát hành.</translation>
    </message>
    <message>
        <source>Number requested; it arrives with the next sync.</source>
        <translation>Đã yêu cầu cấp số; số sẽ về ở lần đồng bộ tới.</translation>
    </message>
    <message>
        <source>Signed by the leader: request its number.</source>
        <translation>Lãnh đạo đã ký: hãy lấy số.</translation>
    </message>
    <message>
        <source>Not signed yet (status: %1).</source>
        <translation>Chưa được ký (trạng thái: %1).</translation>
    </message>
    <message numerus="yes">
        <source>Seal and issue %n document(s)…</source>
        <translation>
            <numerusform>Đóng dấu và phát hành %n văn bản…</numerusform>
        </translation>
    </message>
    <message>
        <source>Seal and issue…</source>
        <translation>Đóng dấu và phát hành…</translation>
    </message>
    <message>
        <source>Requesting the numbers…</source>
        <translation>Đang yêu cầu cấp số…</translation>
    </message>
    <message numerus="yes">
        <source>Numbers requested for %n document(s); they arrive with the next sync.</source>
        <translation>
            <numerusform>Đã yêu cầu cấp số cho %n văn bản; số sẽ về ở lần đồng bộ tới.</numerusform>
        </translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>Đang đồng bộ…</translation>
    </message>
    <message>
        <source>Synced.</source>
        <translation>Đã đồng bộ.</translation>
    </message>
    <message>
        <source>Key of the organisation&apos;s signature</source>
        <translation>Khóa ký số của cơ quan</translation>
    </message>
    <message>
        <source>Sealing with the certificate of %1…</source>
        <translation>Đang đóng dấu bằng chứng thư số của %1…</translation>
    </message>
    <message>
        <source>Stop after this document</source>
        <translation>Dừng sau văn bản này</translation>
    </message>
    <message>
        <source>Sealed; the final PDF and the issue are queued to send.</source>
        <translation>Đã đóng dấu; bản PDF phát hành và thao tác phát hành đang chờ gửi.</translation>
    </message>
    <message>
        <source>%1 of %2 issued. They are sent at the next sync.</source>
        <translation>Đã phát hành %1/%2 văn bản. Các văn bản được gửi ở lần đồng bộ tới.</translation>
    </message>
    <message>
        <source>Stopped: the others were not issued.</source>
        <translation>Đã dừng: các văn bản còn lại chưa được phát hành.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
</context>
<context>
    <name>KeyDialog</name>
    <message>
        <source>Key file (PKCS#12: .p12, .pfx)</source>
        <extracomment>The last key file and token library chosen in this run (paths only, never a secret).</extracomment>
        <translation>Tệp khóa (PKCS#12: .p12, .pfx)</translation>
    </message>
    <message>
        <source>USB token (PKCS#11)</source>
        <translation>Thiết bị ký số USB token (PKCS#11)</translation>
    </message>
    <message>
        <source>Use this key</source>
        <translation>Dùng khóa này</translation>
    </message>
    <message>
        <source>The key file your certificate came in</source>
        <translation>Tệp khóa đi kèm chứng thư số của bạn</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Chọn tệp…</translation>
    </message>
    <message>
        <source>Key file:</source>
        <translation>Tệp khóa:</translation>
    </message>
    <message>
        <source>Find tokens</source>
        <translation>Tìm thiết bị</translation>
    </message>
    <message>
        <source>Token library:</source>
        <translation>Thư viện thiết bị:</translation>
    </message>
    <message>
        <source>Token:</source>
        <translation>Thiết bị:</translation>
    </message>
    <message>
        <source>Holder</source>
        <translation>Người sở hữu</translation>
    </message>
    <message>
        <source>Issuer</source>
        <translation>Nơi cấp</translation>
    </message>
    <message>
        <source>Valid from</source>
        <translation>Hiệu lực từ</translation>
    </message>
    <message>
        <source>Valid to</source>
        <translation>Hiệu lực đến</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <source>Certificate:</source>
        <translation>Chứng thư số:</translation>
    </message>
    <message>
        <source>Asked once for the whole batch, kept in memory only until the batch ends; never saved.</source>
        <translation>Chỉ hỏi một lần cho cả lượt ký, chỉ giữ trong bộ nhớ đến khi lượt ký kết thúc; không bao giờ được lưu.</translation>
    </message>
    <message>
        <source>Password of the key file:</source>
        <translation>Mật khẩu tệp khóa:</translation>
    </message>
    <message>
        <source>PIN of the token:</source>
        <translation>Mã PIN của thiết bị:</translation>
    </message>
    <message>
        <source>Give the token library (ask IT staff where the token&apos;s software put it).</source>
        <translation>Hãy nhập thư viện của thiết bị (hỏi cán bộ CNTT phần mềm thiết bị đã cài nó ở đâu).</translation>
    </message>
    <message>
        <source> (locked)</source>
        <translation> (đã bị khóa)</translation>
    </message>
    <message>
        <source>No token is plugged in that this library can reach. Plug the token in, then Find tokens.</source>
        <translation>Không có thiết bị nào được cắm mà thư viện này nhận ra. Hãy cắm thiết bị rồi bấm Tìm thiết bị.</translation>
    </message>
    <message>
        <source>The token «%1» is locked (the PIN was typed wrong too many times). Ask the certificate provider to unlock it.</source>
        <translation>Thiết bị «%1» đã bị khóa (nhập sai PIN quá số lần cho phép). Hãy liên hệ nhà cung cấp chứng thư số để mở khóa.</translation>
    </message>
    <message>
        <source>Only one PIN try is left on «%1»: one more wrong PIN locks it.</source>
        <translation>Thiết bị «%1» chỉ còn một lần nhập PIN: nhập sai thêm một lần nữa thiết bị sẽ bị khóa.</translation>
    </message>
    <message>
        <source>Few PIN tries are left on «%1»: type the PIN carefully.</source>
        <translation>Thiết bị «%1» còn ít lần nhập PIN: hãy nhập PIN thật cẩn thận.</translation>
    </message>
    <message>
        <source>cannot sign</source>
        <translation>không ký được</translation>
    </message>
    <message>
        <source>ok</source>
        <translation>dùng được</translation>
    </message>
    <message>
        <source>Key file</source>
        <translation>Tệp khóa</translation>
    </message>
    <message>
        <source>Key files (*.p12 *.pfx);;All files (*)</source>
        <translation>Tệp khóa (*.p12 *.pfx);;Mọi tệp (*)</translation>
    </message>
    <message>
        <source>Choose the key file.</source>
        <translation>Hãy chọn tệp khóa.</translation>
    </message>
    <message>
        <source>The key file «%1» is not there.</source>
        <translation>Không tìm thấy tệp khóa «%1».</translation>
    </message>
    <message>
        <source>Choose the token (plug it in, then Find tokens).</source>
        <translation>Hãy chọn thiết bị (cắm thiết bị rồi bấm Tìm thiết bị).</translation>
    </message>
    <message>
        <source>Choose the certificate to sign with.</source>
        <translation>Hãy chọn chứng thư số dùng để ký.</translation>
    </message>
    <message>
        <source>Type the password of the key file.</source>
        <translation>Hãy nhập mật khẩu của tệp khóa.</translation>
    </message>
    <message>
        <source>Type the PIN of the token.</source>
        <translation>Hãy nhập mã PIN của thiết bị.</translation>
    </message>
    <message>
        <source>Opening the key…</source>
        <translation>Đang mở khóa…</translation>
    </message>
</context>
<context>
    <name>MainToolbar</name>
    <message numerus="yes">
        <source>%n of your changes need your decision: open Sync issues from this button&apos;s menu</source>
        <translation>
            <numerusform>%n thay đổi của bạn cần bạn quyết định: mở Sự cố đồng bộ trong menu của nút này</numerusform>
        </translation>
    </message>
    <message>
        <source>Sync issues (%1)</source>
        <translation>Sự cố đồng bộ (%1)</translation>
    </message>
    <message>
        <source>Sync now (F5)</source>
        <translation>Đồng bộ ngay (F5)</translation>
    </message>
    <message>
        <source>Sync issues</source>
        <translation>Sự cố đồng bộ</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>In</translation>
    </message>
    <message>
        <source>Search number, subject, issuer… (Ctrl+F)</source>
        <translation>Tìm số, trích yếu, cơ quan ban hành… (Ctrl+F)</translation>
    </message>
    <message>
        <source>Search documents</source>
        <translation>Tìm văn bản</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>The local data cannot be opened</source>
        <extracomment>window width, in font heights, from which the document sits right of the list</extracomment>
        <translation>Không mở được dữ liệu trên máy</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) need attention</source>
        <translation>
            <numerusform>%n việc cần chú ý</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ParamsDialog</name>
    <message numerus="yes">
        <source>%n document(s) selected</source>
        <translation>
            <numerusform>Đã chọn %n văn bản</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <source>Confirm this action?</source>
        <translation>Xác nhận thao tác này?</translation>
    </message>
    <message>
        <source>Opinion</source>
        <translation>Ý kiến</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <source>Directive</source>
        <translation>Bút phê</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Loại</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Nội dung</translation>
    </message>
    <message>
        <source>Register</source>
        <translation>Sổ văn bản</translation>
    </message>
    <message>
        <source>Reason (optional)</source>
        <translation>Lý do (không bắt buộc)</translation>
    </message>
    <message>
        <source>e.g. wrongly addressed, or a duplicate</source>
        <translation>ví dụ: gửi nhầm nơi nhận, hoặc bị trùng</translation>
    </message>
    <message>
        <source>Send to</source>
        <translation>Gửi đến</translation>
    </message>
    <message>
        <source>Note (optional)</source>
        <translation>Ghi chú (không bắt buộc)</translation>
    </message>
    <message>
        <source>New deadline</source>
        <translation>Hạn xử lý mới</translation>
    </message>
    <message>
        <source>Result (optional)</source>
        <translation>Kết quả xử lý (không bắt buộc)</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Lý do</translation>
    </message>
    <message>
        <source>At least 10 characters</source>
        <translation>Ít nhất 10 ký tự</translation>
    </message>
    <message>
        <source>The draft will be discarded for everyone once this is sent.</source>
        <translation>Dự thảo sẽ bị hủy với mọi người khi thao tác này được gửi đi.</translation>
    </message>
    <message>
        <source>The reason needs at least 10 characters.</source>
        <translation>Lý do cần có ít nhất 10 ký tự.</translation>
    </message>
    <message>
        <source>Choose one from the list.</source>
        <translation>Hãy chọn một mục trong danh sách.</translation>
    </message>
    <message>
        <source>Write the text (at most 2,000 characters).</source>
        <translation>Hãy nhập nội dung (tối đa 2.000 ký tự).</translation>
    </message>
    <message>
        <source>Check the field: %1</source>
        <translation>Kiểm tra lại trường: %1</translation>
    </message>
    <message>
        <source>The new deadline cannot be in the past.</source>
        <translation>Hạn xử lý mới không được ở trong quá khứ.</translation>
    </message>
</context>
<context>
    <name>PdfPane</name>
    <message>
        <source>Document preview</source>
        <translation>Xem trước văn bản</translation>
    </message>
    <message>
        <source>Previous page</source>
        <translation>Trang trước</translation>
    </message>
    <message>
        <source>Next page</source>
        <translation>Trang sau</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>Thu nhỏ</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>Phóng to</translation>
    </message>
    <message>
        <source>Fit width</source>
        <translation>Vừa chiều rộng</translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation>Trang %1/%2</translation>
    </message>
</context>
<context>
    <name>PersonPicker</name>
    <message>
        <source>Type a name (diacritics optional)</source>
        <extracomment>rows of the list shown without scrolling the widest the list asks to be (a long title and unit are elided beyond it)</extracomment>
        <translation>Gõ tên (có dấu hoặc không dấu)</translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message>
        <source>Number/notation</source>
        <translation>Số/Ký hiệu</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Loại văn bản</translation>
    </message>
    <message>
        <source>Issuer</source>
        <translation>Cơ quan ban hành</translation>
    </message>
    <message>
        <source>Issued on</source>
        <translation>Ngày ban hành</translation>
    </message>
    <message>
        <source>Arrival number</source>
        <translation>Số đến</translation>
    </message>
    <message>
        <source>Arrived on</source>
        <translation>Ngày đến</translation>
    </message>
    <message>
        <source>Urgency</source>
        <translation>Độ khẩn</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Hạn xử lý</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Tệp</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Trích yếu</translation>
    </message>
    <message>
        <source>DOCUMENT PROCESSING SLIP</source>
        <translation>PHIẾU XỬ LÝ VĂN BẢN</translation>
    </message>
    <message>
        <source>Assignments</source>
        <translation>Phân công xử lý</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Vai trò</translation>
    </message>
    <message>
        <source>Person or unit</source>
        <translation>Người hoặc đơn vị</translation>
    </message>
    <message>
        <source>Directives and comments</source>
        <translation>Bút phê và ý kiến</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Loại</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Người thực hiện</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Nội dung</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Lịch sử</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Thời gian</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Ngày</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Thao tác</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Chi tiết</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>STT</translation>
    </message>
</context>
<context>
    <name>RecipientsFields</name>
    <message>
        <source>Find a unit or organisation</source>
        <extracomment>Rows of the list shown without scrolling (the rest scrolls). The org_id of a recipient outside the directory (a free line). The contract names none; the server requires a non-empty one (a question for the contract&apos;s owners).</extracomment>
        <translation>Tìm đơn vị, cơ quan</translation>
    </message>
    <message>
        <source>Recipients from the directory</source>
        <translation>Nơi nhận trong danh bạ</translation>
    </message>
    <message>
        <source>Other recipients, one per line:</source>
        <translation>Nơi nhận khác, mỗi dòng một nơi:</translation>
    </message>
    <message>
        <source>Other recipients</source>
        <translation>Nơi nhận khác</translation>
    </message>
    <message>
        <source>The list ends with «%1», added when the document is made.</source>
        <translation>Danh sách kết thúc bằng «%1», được thêm khi tạo văn bản.</translation>
    </message>
</context>
<context>
    <name>RegisterPaperDialog</name>
    <message>
        <source>Register a paper document</source>
        <extracomment>checks one scanned file; returns its page count, raises a ClientError naming it</extracomment>
        <translation>Vào sổ văn bản giấy</translation>
    </message>
    <message>
        <source>none</source>
        <translation>không có</translation>
    </message>
    <message>
        <source>Has a deadline</source>
        <translation>Có hạn xử lý</translation>
    </message>
    <message>
        <source>Choose a register</source>
        <translation>Chọn sổ</translation>
    </message>
    <message>
        <source>A secret document is kept on paper: its pages are not scanned into eOffice. Register its details here and hand the paper over as the secrecy rules say.</source>
        <translation>Văn bản mật được giữ trên giấy: không quét các trang vào eOffice. Hãy vào sổ các thông tin ở đây và chuyển bản giấy theo quy định bảo vệ bí mật nhà nước.</translation>
    </message>
    <message>
        <source>Who sent it: an agency, a company or a person</source>
        <translation>Nơi gửi: cơ quan, doanh nghiệp hoặc cá nhân</translation>
    </message>
    <message>
        <source>Sender</source>
        <translation>Nơi gửi</translation>
    </message>
    <message>
        <source>Scanned files</source>
        <translation>Tệp quét</translation>
    </message>
    <message>
        <source>Type the sender, or choose one of the suggestions.</source>
        <translation>Hãy nhập nơi gửi, hoặc chọn một gợi ý.</translation>
    </message>
    <message>
        <source>Choose the register it goes into.</source>
        <translation>Hãy chọn sổ để vào sổ văn bản.</translation>
    </message>
    <message>
        <source>Wait a moment: the scanned files are being checked.</source>
        <translation>Xin chờ một chút: đang kiểm tra các tệp quét.</translation>
    </message>
    <message>
        <source>Check «%1»: its value is not accepted.</source>
        <translation>Hãy kiểm tra «%1»: giá trị này không hợp lệ.</translation>
    </message>
    <message>
        <source>This type of document is not in the catalogue: choose another.</source>
        <translation>Loại văn bản này không có trong danh mục: hãy chọn loại khác.</translation>
    </message>
    <message>
        <source>The register «%1» does not take this document (its year or secrecy): choose another.</source>
        <translation>Sổ «%1» không nhận văn bản này (khác năm hoặc độ mật): hãy chọn sổ khác.</translation>
    </message>
    <message>
        <source>Remove it from the list, or add a good copy.</source>
        <translation>Hãy bỏ tệp khỏi danh sách, hoặc thêm một bản tốt.</translation>
    </message>
    <message>
        <source>Add scanned files…</source>
        <translation>Thêm tệp quét…</translation>
    </message>
    <message>
        <source>Remove from list</source>
        <translation>Bỏ khỏi danh sách</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Loại văn bản</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Số</translation>
    </message>
    <message>
        <source>Notation</source>
        <translation>Ký hiệu</translation>
    </message>
    <message>
        <source>Issued on</source>
        <translation>Ngày ban hành</translation>
    </message>
    <message>
        <source>Arrived on</source>
        <translation>Ngày đến</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Trích yếu</translation>
    </message>
    <message>
        <source>Urgency</source>
        <translation>Độ khẩn</translation>
    </message>
    <message>
        <source>Secrecy</source>
        <translation>Độ mật</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>Hạn xử lý</translation>
    </message>
    <message>
        <source>Register</source>
        <translation>Vào sổ</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <source>Scans (*.pdf *.jpg *.jpeg *.png)</source>
        <translation>Tệp quét (*.pdf *.jpg *.jpeg *.png)</translation>
    </message>
    <message>
        <source>The file «%1» cannot be read: choose another copy.</source>
        <translation>Không đọc được tệp «%1»: hãy chọn bản khác.</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n page(s))</source>
        <translation>
            <numerusform>%1 (%n trang)</numerusform>
        </translation>
    </message>
    <message>
        <source>Write the subject (1 to 500 characters).</source>
        <translation>Hãy nhập trích yếu (từ 1 đến 500 ký tự).</translation>
    </message>
    <message>
        <source>Add the scanned pages (PDF, JPEG or PNG).</source>
        <translation>Hãy thêm các trang quét (PDF, JPEG hoặc PNG).</translation>
    </message>
</context>
<context>
    <name>ReviewPane</name>
    <message>
        <source>Drop .edxml files here, or choose them with the button below.</source>
        <translation>Kéo thả tệp .edxml vào đây, hoặc chọn tệp bằng nút bên dưới.</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Trường</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Giá trị</translation>
    </message>
    <message>
        <source>Status message %1 from %2</source>
        <translation>Thông báo trạng thái %1 từ %2</translation>
    </message>
    <message>
        <source>Issuing body</source>
        <translation>Cơ quan ban hành</translation>
    </message>
    <message>
        <source>Number and notation</source>
        <translation>Số, ký hiệu</translation>
    </message>
    <message>
        <source>Document type</source>
        <translation>Loại văn bản</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Trích yếu</translation>
    </message>
    <message>
        <source>Issued on</source>
        <translation>Nơi, ngày ban hành</translation>
    </message>
    <message>
        <source>Signed by</source>
        <translation>Người ký</translation>
    </message>
    <message>
        <source>Urgency</source>
        <translation>Độ khẩn</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Hạn xử lý</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>Số trang</translation>
    </message>
    <message>
        <source>Copies</source>
        <translation>Số lượng bản</translation>
    </message>
    <message>
        <source>In reply to</source>
        <translation>Trả lời văn bản</translation>
    </message>
    <message>
        <source>Sent to</source>
        <translation>Nơi nhận</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Loại nghiệp vụ</translation>
    </message>
    <message>
        <source>Revokes a document sent before</source>
        <translation>Thu hồi văn bản đã gửi trước</translation>
    </message>
    <message>
        <source>Updates a document sent before</source>
        <translation>Cập nhật văn bản đã gửi trước</translation>
    </message>
    <message>
        <source>Replaces a document sent before</source>
        <translation>Thay thế văn bản đã gửi trước</translation>
    </message>
    <message>
        <source>About the document</source>
        <translation>Về văn bản</translation>
    </message>
    <message>
        <source>Reported</source>
        <translation>Nội dung thông báo</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Mô tả</translation>
    </message>
    <message>
        <source>Handled by</source>
        <translation>Người xử lý</translation>
    </message>
    <message>
        <source>Files (%1), and the original .edxml file</source>
        <translation>Tệp đính kèm (%1), và tệp .edxml gốc</translation>
    </message>
    <message>
        <source>File name</source>
        <translation>Tên tệp</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Kiểu</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Dung lượng</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Vai trò</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Văn bản chính</translation>
    </message>
    <message>
        <source>Appendix</source>
        <translation>Phụ lục</translation>
    </message>
    <message>
        <source>Not mapped (%1): kept in the original file</source>
        <translation>Không ánh xạ được (%1): vẫn giữ trong tệp gốc</translation>
    </message>
    <message>
        <source>Every field was mapped.</source>
        <translation>Mọi trường đều đã được ánh xạ.</translation>
    </message>
</context>
<context>
    <name>SecretNote</name>
    <message>
        <source>Secret document: its content is not on this computer</source>
        <translation>Văn bản mật: nội dung không có trên máy tính này</translation>
    </message>
    <message>
        <source>The paper original is kept by the clerks&apos; office (văn thư) and recorded in the secret register%1. Read it there, or ask for it to be brought to you, as the rules on state secrets say; it is never scanned into eOffice.</source>
        <translation>Bản gốc giấy do bộ phận văn thư giữ và được ghi trong sổ văn bản mật%1. Hãy đọc tại đó, hoặc đề nghị chuyển bản giấy đến, theo quy định về bảo vệ bí mật nhà nước; văn bản mật không bao giờ được quét vào eOffice.</translation>
    </message>
    <message>
        <source>Its draft and its signed copy are handled on paper, at the office: read the paper copy that the drafter or the clerks&apos; office brings you. eOffice records only the steps (approval, signature, number), never the content.</source>
        <translation>Dự thảo và bản đã ký được xử lý trên giấy, tại cơ quan: hãy đọc bản giấy do người soạn thảo hoặc bộ phận văn thư chuyển đến. eOffice chỉ ghi nhận các bước (duyệt, ký, cấp số), không lưu nội dung.</translation>
    </message>
    <message>
        <source>Now with: %1</source>
        <translation>Đang ở: %1</translation>
    </message>
</context>
<context>
    <name>SessionController</name>
    <message>
        <source>Fill in the server address, user name and password.</source>
        <translation>Hãy nhập địa chỉ máy chủ, tên đăng nhập và mật khẩu.</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Đang đăng nhập…</translation>
    </message>
    <message>
        <source>Not signed in: documents are not synced. To sign in, use File › Sign in… or the Sign in button below.</source>
        <translation>Chưa đăng nhập: văn bản không được đồng bộ. Để đăng nhập, chọn Tệp › Đăng nhập… hoặc nút Đăng nhập ở dưới.</translation>
    </message>
    <message>
        <source>The local data is still loading: sign out in a moment.</source>
        <translation>Dữ liệu trên máy đang được nạp: hãy đăng xuất sau giây lát.</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Đăng xuất</translation>
    </message>
    <message>
        <source>Sign out of eOffice on this computer?</source>
        <translation>Đăng xuất khỏi eOffice trên máy này?</translation>
    </message>
    <message>
        <source>Also delete the cached documents and files of this profile</source>
        <translation>Xóa luôn văn bản và tệp đã lưu của hồ sơ này trên máy</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <source>Signing out…</source>
        <translation>Đang đăng xuất…</translation>
    </message>
    <message>
        <source>Signed out here; the server could not be told (it forgets the sign-in by itself later).</source>
        <translation>Đã đăng xuất trên máy này; chưa báo được cho máy chủ (máy chủ sẽ tự bỏ phiên đăng nhập sau).</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Đồng bộ ngay</translation>
    </message>
    <message>
        <source>Use another profile…</source>
        <translation>Dùng hồ sơ khác…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <source>The documents of this profile come from the server it is signed in to. After saving, you are signed out of the current server and asked to sign in to %1.</source>
        <translation>Văn bản của hồ sơ này đến từ máy chủ đang đăng nhập. Sau khi lưu, bạn sẽ được đăng xuất khỏi máy chủ hiện tại và được mời đăng nhập vào %1.</translation>
    </message>
    <message>
        <source>Choose the profile folder</source>
        <translation>Chọn thư mục hồ sơ</translation>
    </message>
    <message>
        <source>Switch profile</source>
        <translation>Đổi hồ sơ</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) of this profile are not on the server yet. They stay in this profile and are sent when you open it again and sync; the other profile does not send them.</source>
        <translation>
            <numerusform>%n thay đổi của hồ sơ này chưa lên máy chủ. Chúng được giữ trong hồ sơ này và được gửi khi bạn mở lại hồ sơ và đồng bộ; hồ sơ kia không gửi chúng.</numerusform>
        </translation>
    </message>
    <message>
        <source>Sync first</source>
        <translation>Đồng bộ trước</translation>
    </message>
    <message>
        <source>Switch, keep them here</source>
        <translation>Đổi hồ sơ, giữ chúng ở đây</translation>
    </message>
    <message>
        <source>About eOffice</source>
        <translation>Giới thiệu eOffice</translation>
    </message>
    <message>
        <source>eOffice desktop client %1
Profile: %2</source>
        <translation>Phần mềm eOffice trên máy tính %1
Hồ sơ: %2</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <extracomment>checks a new server address: (the address as used, what changing to it means or None); raises the ClientError to show</extracomment>
        <translation>Cài đặt</translation>
    </message>
    <message>
        <source>min</source>
        <translation>phút</translation>
    </message>
    <message>
        <source>All files of non-secret documents</source>
        <translation>Mọi tệp của văn bản không mật</translation>
    </message>
    <message>
        <source>Only when I open them</source>
        <translation>Chỉ khi tôi mở tệp</translation>
    </message>
    <message>
        <source>Mark a document read when I open it</source>
        <translation>Đánh dấu đã đọc khi tôi mở văn bản</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Chọn…</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>Địa chỉ máy chủ</translation>
    </message>
    <message>
        <source>Sync every</source>
        <translation>Đồng bộ mỗi</translation>
    </message>
    <message>
        <source>Download files</source>
        <translation>Tải tệp về máy</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Ngôn ngữ</translation>
    </message>
    <message>
        <source>Reading</source>
        <translation>Đọc văn bản</translation>
    </message>
    <message>
        <source>Extra CA certificates (PEM)</source>
        <translation>Chứng thư CA bổ sung (PEM)</translation>
    </message>
    <message>
        <source>Set by your IT department</source>
        <translation>Do bộ phận công nghệ thông tin thiết lập</translation>
    </message>
    <message>
        <source>Greyed fields are set by your IT department.</source>
        <translation>Các trường bị khóa do bộ phận công nghệ thông tin thiết lập.</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Lưu</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <source>Save and sign in</source>
        <translation>Lưu và đăng nhập</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt)</source>
        <translation>Chứng thư (*.pem *.crt)</translation>
    </message>
</context>
<context>
    <name>SignBatch</name>
    <message>
        <source>Preparing the previews…</source>
        <translation>Đang chuẩn bị bản xem trước…</translation>
    </message>
    <message>
        <source>Check the place of the signature on each document, then sign them all with one PIN.</source>
        <translation>Kiểm tra vị trí chữ ký trên từng văn bản, rồi ký tất cả với một lần nhập PIN.</translation>
    </message>
    <message numerus="yes">
        <source>Sign %n document(s)…</source>
        <translation>
            <numerusform>Ký %n văn bản…</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose your signature image first (a blue signature on a transparent PNG); it is kept in your profile for the next time.</source>
        <translation>Hãy chọn trước ảnh chữ ký của bạn (chữ ký màu xanh, ảnh PNG nền trong suốt); ảnh được giữ trong hồ sơ của bạn cho những lần sau.</translation>
    </message>
    <message>
        <source>Key for signing</source>
        <translation>Khóa ký số</translation>
    </message>
    <message>
        <source>Stop after this document</source>
        <translation>Dừng sau văn bản này</translation>
    </message>
    <message>
        <source>Signing with the certificate of %1…</source>
        <translation>Đang ký bằng chứng thư số của %1…</translation>
    </message>
    <message>
        <source>Signed; queued to send.</source>
        <translation>Đã ký; đang chờ gửi.</translation>
    </message>
    <message>
        <source>%1 of %2 signed. They are sent at the next sync (offline, they wait here).</source>
        <translation>Đã ký %1/%2 văn bản. Các văn bản được gửi ở lần đồng bộ tới (khi mất mạng, chúng chờ trên máy này).</translation>
    </message>
    <message>
        <source>Stopped: the others were not signed.</source>
        <translation>Đã dừng: các văn bản còn lại chưa được ký.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <source>Stopping after the current document…</source>
        <translation>Đang dừng sau văn bản hiện tại…</translation>
    </message>
</context>
<context>
    <name>SignBatchDialog</name>
    <message>
        <source>Sign documents</source>
        <translation>Ký số văn bản</translation>
    </message>
    <message>
        <source>Drag the blue box to move the signature on the page.</source>
        <translation>Kéo khung màu xanh để di chuyển chữ ký trên trang.</translation>
    </message>
    <message>
        <source>Choose signature image…</source>
        <translation>Chọn ảnh chữ ký…</translation>
    </message>
    <message>
        <source>Sign…</source>
        <translation>Ký số…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>Sign in to eOffice</source>
        <translation>Đăng nhập eOffice</translation>
    </message>
    <message>
        <source>Set by your IT department</source>
        <translation>Do bộ phận công nghệ thông tin thiết lập</translation>
    </message>
    <message>
        <source>Remember me on this computer</source>
        <translation>Ghi nhớ đăng nhập trên máy này</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>Địa chỉ máy chủ</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Tên đăng nhập</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Mật khẩu</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Đăng nhập</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <source>Use another profile…</source>
        <translation>Dùng hồ sơ khác…</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Đang đăng nhập…</translation>
    </message>
</context>
<context>
    <name>SignatureBadges</name>
    <message>
        <source>Signatures valid: intact and trusted.</source>
        <translation>Chữ ký hợp lệ: toàn vẹn và tin cậy.</translation>
    </message>
    <message>
        <source>Signatures intact, but a signer is not trusted on this computer (its root certificate is not in the trust store).</source>
        <translation>Chữ ký toàn vẹn, nhưng máy này chưa tin cậy người ký (chứng thư gốc chưa có trong kho tin cậy).</translation>
    </message>
    <message>
        <source>Signature broken: the PDF was changed after it was signed, or the signature cannot be checked. Do not rely on this file.</source>
        <translation>Chữ ký không hợp lệ: tệp PDF đã bị sửa sau khi ký, hoặc không kiểm tra được chữ ký. Không dùng tệp này.</translation>
    </message>
    <message>
        <source>Not signed.</source>
        <translation>Chưa ký số.</translation>
    </message>
    <message>
        <source>Signatures not checked: the PDF is not on this computer yet.</source>
        <translation>Chưa kiểm tra chữ ký: tệp PDF chưa có trên máy này.</translation>
    </message>
</context>
<context>
    <name>SignerFields</name>
    <message>
        <source>Signer</source>
        <extracomment>The competences of contract section 4 with how Decree 30 prints them.</extracomment>
        <translation>Người ký</translation>
    </message>
    <message>
        <source>Authority</source>
        <translation>Thẩm quyền ký</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Chức vụ</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <source>none (signs in own right)</source>
        <translation>không (ký theo chức vụ của mình)</translation>
    </message>
    <message>
        <source>e.g. Phó Chủ tịch</source>
        <translation>Ví dụ: Phó Chủ tịch</translation>
    </message>
    <message>
        <source>— choose a leader —</source>
        <translation>— chọn lãnh đạo —</translation>
    </message>
    <message>
        <source>Someone outside the directory</source>
        <translation>Người ngoài danh bạ</translation>
    </message>
</context>
<context>
    <name>Signing</name>
    <message>
        <source>This did not work; nothing was signed or sent. Try again; if it happens again, export a diagnostics bundle (Help menu) for IT staff.</source>
        <translation>Không thực hiện được; chưa có gì được ký hay gửi đi. Hãy thử lại; nếu vẫn lỗi, hãy xuất gói chẩn đoán (menu Trợ giúp) gửi cán bộ CNTT.</translation>
    </message>
</context>
<context>
    <name>SigningHooks</name>
    <message>
        <source>Sign…</source>
        <extracomment>The actions of the clerk&apos;s dialog: either step makes it useful.</extracomment>
        <translation>Ký số…</translation>
    </message>
    <message>
        <source>Sign the selected documents with one PIN</source>
        <translation>Ký các văn bản đã chọn với một lần nhập PIN</translation>
    </message>
    <message>
        <source>Number and issue…</source>
        <translation>Cấp số và phát hành…</translation>
    </message>
    <message>
        <source>Request numbers, then seal and issue the selected signed documents</source>
        <translation>Lấy số, rồi đóng dấu và phát hành các văn bản đã ký được chọn</translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message numerus="yes">
        <source>%n item(s) need attention</source>
        <translation>
            <numerusform>%n việc cần chú ý</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n urgent document(s) not read yet</source>
        <translation>
            <numerusform>%n văn bản khẩn chưa đọc</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n document(s) due today</source>
        <translation>
            <numerusform>%n văn bản đến hạn hôm nay</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n document(s) overdue</source>
        <translation>
            <numerusform>%n văn bản quá hạn</numerusform>
        </translation>
    </message>
    <message>
        <source>The count in the window&apos;s title:</source>
        <translation>Số trên tiêu đề cửa sổ gồm:</translation>
    </message>
    <message>
        <source>Sending your changes</source>
        <translation>Đang gửi thay đổi của bạn</translation>
    </message>
    <message>
        <source>Receiving documents</source>
        <translation>Đang nhận văn bản</translation>
    </message>
    <message>
        <source>Downloading files</source>
        <translation>Đang tải tệp</translation>
    </message>
    <message>
        <source>Finishing</source>
        <translation>Đang hoàn tất</translation>
    </message>
    <message>
        <source>%1 of %2 MB</source>
        <translation>%1 / %2 MB</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message numerus="yes">
        <source>%n received</source>
        <translation>
            <numerusform>đã nhận %n</numerusform>
        </translation>
    </message>
    <message>
        <source>Sign in…</source>
        <translation>Đăng nhập…</translation>
    </message>
    <message>
        <source>Not signed in</source>
        <translation>Chưa đăng nhập</translation>
    </message>
    <message>
        <source>Not synced yet</source>
        <translation>Chưa đồng bộ</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>Trực tuyến</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Ngoại tuyến</translation>
    </message>
    <message>
        <source>Last sync: %1</source>
        <translation>Đồng bộ lần cuối: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) waiting to sync</source>
        <translation>
            <numerusform>%n thay đổi chờ đồng bộ</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing waiting to sync</source>
        <translation>Không có thay đổi chờ đồng bộ</translation>
    </message>
    <message numerus="yes">
        <source>%n sync issue(s)</source>
        <translation>
            <numerusform>%n sự cố đồng bộ</numerusform>
        </translation>
    </message>
    <message>
        <source>Open the list of queued changes and sync issues</source>
        <translation>Mở danh sách thay đổi chờ gửi và sự cố đồng bộ</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <source>Reading the files&apos; text for search</source>
        <translation>Đang đọc nội dung tệp để tìm kiếm</translation>
    </message>
</context>
<context>
    <name>SyncController</name>
    <message>
        <source>Reading the files&apos; text for search</source>
        <translation>Đang đọc nội dung tệp để tìm kiếm</translation>
    </message>
    <message>
        <source>Not signed in: nothing can be synced. Sign in first.</source>
        <extracomment>after the network comes back, wait this long before syncing (the link settles) while pages of the feed land, the list is read again at most this often</extracomment>
        <translation>Chưa đăng nhập: chưa đồng bộ được gì. Hãy đăng nhập trước.</translation>
    </message>
    <message>
        <source>Syncing</source>
        <translation>Đang đồng bộ</translation>
    </message>
    <message>
        <source>Documents are arriving from the server…</source>
        <translation>Văn bản đang về từ máy chủ…</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>Đang đồng bộ…</translation>
    </message>
    <message>
        <source>The documents are here; their files follow…</source>
        <translation>Văn bản đã về; đang tải các tệp kèm theo…</translation>
    </message>
    <message>
        <source>Sync finished.</source>
        <translation>Đồng bộ xong.</translation>
    </message>
    <message numerus="yes">
        <source>%n of your changes had already been done (on another computer or on the web): marked done, nothing to send.</source>
        <translation>
            <numerusform>%n thay đổi của bạn đã được thực hiện từ trước (trên máy khác hoặc trên web): đã ghi nhận là xong, không cần gửi.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n of your changes could not be applied on the server and need your decision: see Sync issues.</source>
        <translation>
            <numerusform>%n thay đổi của bạn chưa thực hiện được trên máy chủ và cần bạn quyết định: xem Sự cố đồng bộ.</numerusform>
        </translation>
    </message>
    <message>
        <source>Sync cancelled.</source>
        <translation>Đã dừng đồng bộ.</translation>
    </message>
    <message>
        <source>The server cannot be reached; your changes are kept and sent later.</source>
        <translation>Không kết nối được máy chủ; các thay đổi của bạn được giữ lại và sẽ gửi sau.</translation>
    </message>
    <message>
        <source>Please sign in again.</source>
        <translation>Vui lòng đăng nhập lại.</translation>
    </message>
    <message>
        <source>Drop my change</source>
        <translation>Bỏ thay đổi của tôi</translation>
    </message>
    <message>
        <source>Your change will be forgotten and the server&apos;s state kept. Go on?</source>
        <translation>Thay đổi của bạn sẽ bị bỏ và giữ nguyên trạng thái trên máy chủ. Tiếp tục?</translation>
    </message>
    <message>
        <source>Sync issues</source>
        <translation>Sự cố đồng bộ</translation>
    </message>
</context>
<context>
    <name>SyncIssuesDialog</name>
    <message>
        <source>Sync issues</source>
        <extracomment>refusals after which the same change, applied again on the server&apos;s state, may pass</extracomment>
        <translation>Sự cố đồng bộ</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Văn bản</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Thao tác</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Tình trạng</translation>
    </message>
    <message>
        <source>Queued at</source>
        <translation>Thời điểm ghi nhận</translation>
    </message>
    <message>
        <source>Queued changes and conflicts</source>
        <translation>Thay đổi chờ gửi và xung đột</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Chi tiết</translation>
    </message>
    <message>
        <source>Nothing is waiting: every change has been sent.</source>
        <translation>Không có gì đang chờ: mọi thay đổi đã được gửi.</translation>
    </message>
    <message>
        <source>Apply again</source>
        <translation>Áp dụng lại</translation>
    </message>
    <message>
        <source>Drop my change</source>
        <translation>Bỏ thay đổi của tôi</translation>
    </message>
    <message>
        <source>Cancel this change</source>
        <translation>Hủy thay đổi này</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <source>Waiting to sync</source>
        <translation>Chờ đồng bộ</translation>
    </message>
    <message>
        <source>Sending</source>
        <translation>Đang gửi</translation>
    </message>
    <message>
        <source>Waits for your decision on an earlier change</source>
        <translation>Chờ bạn quyết định một thay đổi trước đó</translation>
    </message>
    <message>
        <source>Needs your decision</source>
        <translation>Cần bạn quyết định</translation>
    </message>
    <message>
        <source>Apply again: your change is made on the document as it is on the server now. Or drop it if it is no longer needed.</source>
        <translation>Áp dụng lại: thay đổi của bạn được thực hiện trên văn bản như hiện có trên máy chủ. Hoặc bỏ thay đổi nếu không còn cần.</translation>
    </message>
    <message>
        <source>Your change cannot be made as things stand: drop it (the document stays as it is on the server), then act again if needed.</source>
        <translation>Thay đổi của bạn không thể thực hiện trong tình hình hiện nay: hãy bỏ thay đổi (văn bản giữ nguyên như trên máy chủ), rồi thao tác lại nếu cần.</translation>
    </message>
    <message>
        <source>Someone changed the document on the server after you made your change here.</source>
        <translation>Có người đã thay đổi văn bản trên máy chủ sau khi bạn thao tác trên máy này.</translation>
    </message>
    <message>
        <source>Waiting on</source>
        <translation>Đang chờ</translation>
    </message>
    <message>
        <source>Last changed</source>
        <translation>Thay đổi lần cuối</translation>
    </message>
    <message>
        <source>Your action</source>
        <translation>Thao tác của bạn</translation>
    </message>
    <message>
        <source>Server answer</source>
        <translation>Máy chủ trả lời</translation>
    </message>
    <message>
        <source>Your copy</source>
        <translation>Bản trên máy bạn</translation>
    </message>
    <message>
        <source>On the server</source>
        <translation>Trên máy chủ</translation>
    </message>
    <message>
        <source>What you can do</source>
        <translation>Bạn có thể</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>Hạn xử lý</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Lý do</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Nội dung</translation>
    </message>
    <message>
        <source>Send to</source>
        <translation>Gửi đến</translation>
    </message>
    <message>
        <source>Register</source>
        <translation>Sổ văn bản</translation>
    </message>
    <message>
        <source>Directive</source>
        <translation>Bút phê</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Tệp</translation>
    </message>
    <message numerus="yes">
        <source>%n assignment(s)</source>
        <translation>
            <numerusform>%n phân công</numerusform>
        </translation>
    </message>
    <message>
        <source>The document&apos;s status no longer allows this.</source>
        <translation>Trạng thái văn bản không còn cho phép thao tác này.</translation>
    </message>
    <message>
        <source>You may no longer do this.</source>
        <translation>Bạn không còn quyền thực hiện thao tác này.</translation>
    </message>
    <message>
        <source>The document is gone or no longer visible to you.</source>
        <translation>Văn bản không còn hoặc bạn không còn được xem.</translation>
    </message>
    <message>
        <source>The server found a value it does not accept.</source>
        <translation>Máy chủ không chấp nhận một giá trị đã nhập.</translation>
    </message>
    <message>
        <source>The document was removed on the server.</source>
        <translation>Văn bản đã bị gỡ trên máy chủ.</translation>
    </message>
    <message>
        <source>Not sent yet: the server&apos;s copy is known after the next sync.</source>
        <translation>Chưa gửi: bản trên máy chủ sẽ có sau lần đồng bộ tới.</translation>
    </message>
    <message>
        <source>(not available)</source>
        <translation>(không có)</translation>
    </message>
    <message>
        <source>Number/notation</source>
        <translation>Số/Ký hiệu</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Hạn xử lý</translation>
    </message>
</context>
<context>
    <name>Tray</name>
    <message>
        <source>Open eOffice</source>
        <translation>Mở eOffice</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Đồng bộ ngay</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Thoát</translation>
    </message>
    <message>
        <source>New urgent documents</source>
        <translation>Văn bản khẩn mới</translation>
    </message>
    <message numerus="yes">
        <source>%n new urgent document(s) arrived.</source>
        <translation>
            <numerusform>Có %n văn bản khẩn mới đến.</numerusform>
        </translation>
    </message>
    <message>
        <source>Deadlines</source>
        <translation>Hạn xử lý</translation>
    </message>
    <message numerus="yes">
        <source>%n document(s) due today</source>
        <translation>
            <numerusform>%n văn bản đến hạn hôm nay</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n document(s) overdue</source>
        <translation>
            <numerusform>%n văn bản quá hạn</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) need attention</source>
        <translation>
            <numerusform>%n việc cần chú ý</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WindowCommands</name>
    <message>
        <source>Export diagnostics bundle…</source>
        <extracomment>the text colour of every widget (disabled texts keep the style&apos;s lighter colour) the window&apos;s log file rotates at this size, keeping this many older files</extracomment>
        <translation>Xuất gói chẩn đoán…</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Đồng bộ ngay</translation>
    </message>
    <message>
        <source>Sync now (F5)</source>
        <translation>Đồng bộ ngay (F5)</translation>
    </message>
    <message>
        <source>Register paper document</source>
        <translation>Vào sổ văn bản giấy</translation>
    </message>
    <message>
        <source>Print the document</source>
        <translation>In văn bản</translation>
    </message>
    <message>
        <source>Print the processing slip</source>
        <translation>In phiếu xử lý</translation>
    </message>
    <message>
        <source>Print the list</source>
        <translation>In danh sách</translation>
    </message>
    <message>
        <source>Sync issues</source>
        <translation>Sự cố đồng bộ</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>Cài đặt…</translation>
    </message>
    <message>
        <source>Sign in…</source>
        <translation>Đăng nhập…</translation>
    </message>
    <message>
        <source>Sign out…</source>
        <translation>Đăng xuất…</translation>
    </message>
    <message>
        <source>Switch profile…</source>
        <translation>Chuyển hồ sơ…</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Thoát</translation>
    </message>
    <message>
        <source>About eOffice</source>
        <translation>Giới thiệu eOffice</translation>
    </message>
    <message>
        <source>Filters</source>
        <translation>Bộ lọc</translation>
    </message>
    <message>
        <source>Reading layout</source>
        <translation>Bố cục đọc</translation>
    </message>
    <message>
        <source>Show the document in the whole window, for reading (F11; Esc goes back; Alt+Down and Alt+Up: the next and the previous document)</source>
        <translation>Hiện văn bản trên cả cửa sổ để đọc (F11; Esc để quay lại; Alt+Xuống và Alt+Lên: văn bản sau và văn bản trước)</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Mở</translation>
    </message>
    <message>
        <source>Cancel changes not yet sent…</source>
        <translation>Hủy thay đổi chưa gửi…</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Tệp</translation>
    </message>
    <message>
        <source>&amp;Document</source>
        <translation>&amp;Văn bản</translation>
    </message>
    <message>
        <source>&amp;Sync</source>
        <translation>&amp;Đồng bộ</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>&amp;Công cụ</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Trợ &amp;giúp</translation>
    </message>
    <message>
        <source>Compose document</source>
        <translation>Soạn văn bản</translation>
    </message>
    <message>
        <source>Compose a new outgoing or internal document</source>
        <translation>Soạn văn bản đi hoặc văn bản nội bộ mới</translation>
    </message>
    <message>
        <source>Open draft</source>
        <translation>Mở dự thảo</translation>
    </message>
</context>
<context>
    <name>AdminParts</name>
    <message>
        <source>Audit trail…</source>
        <translation>Nhật ký thao tác…</translation>
    </message>
    <message>
        <source>What was done on this computer, and whether the record is intact</source>
        <translation>Những gì đã làm trên máy này, và nhật ký có còn nguyên vẹn không</translation>
    </message>
</context>
<context>
    <name>AuditModel</name>
    <message>
        <source>Time (Vietnam)</source>
        <translation>Thời gian (giờ Việt Nam)</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Thao tác</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Văn bản</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Người dùng</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Kết quả</translation>
    </message>
    <message>
        <source>Entry %1, %2 UTC</source>
        <translation>Mục %1, %2 UTC</translation>
    </message>
</context>
<context>
    <name>AuditViewer</name>
    <message>
        <source>(no longer in this computer&apos;s cache)</source>
        <translation>(không còn trong dữ liệu lưu trên máy này)</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>Đã xếp hàng chờ gửi</translation>
    </message>
    <message>
        <source>Sent to the server</source>
        <translation>Đã gửi lên máy chủ</translation>
    </message>
    <message>
        <source>Accepted by the server</source>
        <translation>Máy chủ đã nhận</translation>
    </message>
    <message>
        <source>Refused by the server</source>
        <translation>Máy chủ từ chối</translation>
    </message>
    <message>
        <source>Conflict with the server</source>
        <translation>Không khớp với máy chủ</translation>
    </message>
    <message>
        <source>Dropped</source>
        <translation>Đã bỏ</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Đã hủy</translation>
    </message>
    <message>
        <source>Tried again</source>
        <translation>Đã thử lại</translation>
    </message>
    <message>
        <source>Signed</source>
        <translation>Đã ký số</translation>
    </message>
    <message>
        <source>Signing failed</source>
        <translation>Ký số không thành công</translation>
    </message>
    <message>
        <source>Exported</source>
        <translation>Đã xuất</translation>
    </message>
    <message>
        <source>Printed</source>
        <translation>Đã in</translation>
    </message>
    <message>
        <source>Downloaded</source>
        <translation>Đã tải về</translation>
    </message>
    <message>
        <source>Signed in</source>
        <translation>Đã đăng nhập</translation>
    </message>
    <message>
        <source>Signed out</source>
        <translation>Đã đăng xuất</translation>
    </message>
    <message>
        <source>Cached data deleted</source>
        <translation>Đã xóa dữ liệu lưu trên máy</translation>
    </message>
    <message>
        <source>Cache encrypted</source>
        <translation>Đã mã hóa dữ liệu lưu trên máy</translation>
    </message>
    <message>
        <source>Cache key lost</source>
        <translation>Mất khóa của dữ liệu lưu trên máy</translation>
    </message>
    <message>
        <source>Cache set aside</source>
        <translation>Đã cất riêng dữ liệu lưu trên máy</translation>
    </message>
    <message>
        <source>Trail started again</source>
        <translation>Bắt đầu nhật ký mới</translation>
    </message>
    <message>
        <source>diagnostics bundle</source>
        <translation>gói chẩn đoán</translation>
    </message>
    <message>
        <source>Word file</source>
        <translation>tệp Word</translation>
    </message>
    <message>
        <source>edXML package</source>
        <translation>gói edXML</translation>
    </message>
    <message>
        <source>edXML status message</source>
        <translation>thông điệp trạng thái edXML</translation>
    </message>
    <message>
        <source>file</source>
        <translation>tệp</translation>
    </message>
    <message>
        <source>file opened in another program</source>
        <translation>tệp mở bằng chương trình khác</translation>
    </message>
    <message>
        <source>register</source>
        <translation>sổ văn bản</translation>
    </message>
    <message>
        <source>report</source>
        <translation>báo cáo</translation>
    </message>
    <message>
        <source>Not done</source>
        <translation>Không thực hiện được</translation>
    </message>
    <message>
        <source>Waiting to be sent</source>
        <translation>Đang chờ gửi</translation>
    </message>
    <message>
        <source>Attempt %1</source>
        <translation>Lần gửi thứ %1</translation>
    </message>
    <message>
        <source>Done here; the server could not be told</source>
        <translation>Đã xong trên máy này; chưa báo được cho máy chủ</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Đã xong</translation>
    </message>
    <message>
        <source>Audit trail</source>
        <translation>Nhật ký thao tác</translation>
    </message>
    <message>
        <source>Filter by text (action, document, user…)</source>
        <translation>Lọc theo chữ (thao tác, văn bản, người dùng…)</translation>
    </message>
    <message>
        <source>Read again</source>
        <translation>Đọc lại</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <source>Reading and checking the audit trail…</source>
        <translation>Đang đọc và kiểm tra nhật ký thao tác…</translation>
    </message>
    <message>
        <source>The profile is still opening; try again in a moment.</source>
        <translation>Hồ sơ đang được mở; hãy thử lại sau giây lát.</translation>
    </message>
    <message>
        <source>Reading the audit trail…</source>
        <translation>Đang đọc nhật ký thao tác…</translation>
    </message>
    <message>
        <source>The audit trail could not be read: %1</source>
        <translation>Không đọc được nhật ký thao tác: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n entry(ies) shown</source>
        <translation>
            <numerusform>Đang hiện %n mục</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>IdleLock</name>
    <message>
        <source>eOffice is locked</source>
        <translation>eOffice đã khóa</translation>
    </message>
    <message>
        <source>Checking the password…</source>
        <translation>Đang kiểm tra mật khẩu…</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <source>eOffice is locked</source>
        <translation>eOffice đã khóa</translation>
    </message>
    <message numerus="yes">
        <source>Nobody used eOffice for %n minute(s), so your organisation&apos;s policy locked it. Type the password of %1 to go on where you left off.</source>
        <translation>
            <numerusform>eOffice không được dùng trong %n phút nên đã tự khóa theo quy định của cơ quan. Hãy nhập mật khẩu của %1 để làm tiếp từ chỗ đang dừng.</numerusform>
        </translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Mật khẩu</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Mở khóa</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Đăng xuất</translation>
    </message>
    <message>
        <source>Type your password.</source>
        <translation>Hãy nhập mật khẩu.</translation>
    </message>
    <message>
        <source>The password could not be checked: %1 You may also sign out.</source>
        <translation>Chưa kiểm tra được mật khẩu: %1 Bạn cũng có thể đăng xuất.</translation>
    </message>
    <message>
        <source>That is not the password of this account. Try again.</source>
        <translation>Mật khẩu không đúng với tài khoản này. Hãy thử lại.</translation>
    </message>
</context>
<context>
    <name>UpdateNoticeBar</name>
    <message>
        <source>Checking for a newer eOffice…</source>
        <translation>Đang kiểm tra phiên bản eOffice mới…</translation>
    </message>
    <message>
        <source>Version %1 can be downloaded by IT staff from %2.</source>
        <translation>Cán bộ CNTT tải phiên bản %1 tại %2.</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>Ẩn</translation>
    </message>
    <message>
        <source>Hide this notice until the next version</source>
        <translation>Ẩn thông báo này cho đến phiên bản sau</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <source>Dashboard</source>
        <translation>Tổng quan</translation>
    </message>
    <message>
        <source>What is unread, waiting for signature, to be processed, overdue and due soon (Ctrl+Shift+D)</source>
        <translation>Văn bản chưa đọc, chờ ký, cần xử lý, quá hạn và sắp đến hạn (Ctrl+Shift+D)</translation>
    </message>
    <message>
        <source>Not assigned to a unit</source>
        <translation>Chưa giao đơn vị</translation>
    </message>
    <message>
        <source>Unit: %1</source>
        <translation>Đơn vị: %1</translation>
    </message>
    <message>
        <source>Unread only</source>
        <translation>Chỉ chưa đọc</translation>
    </message>
    <message>
        <source>%1 days or more</source>
        <translation>từ %1 ngày trở lên</translation>
    </message>
    <message>
        <source>%1–%2 days</source>
        <translation>%1–%2 ngày</translation>
    </message>
    <message>
        <source>Waiting on a leader: %1</source>
        <translation>Chờ lãnh đạo: %1</translation>
    </message>
    <message>
        <source>Due: %1–%2</source>
        <translation>Hạn xử lý: %1–%2</translation>
    </message>
    <message>
        <source>Due from %1</source>
        <translation>Hạn xử lý từ %1</translation>
    </message>
    <message>
        <source>Due by %1</source>
        <translation>Hạn xử lý đến %1</translation>
    </message>
</context>
<context>
    <name>WindowFeatures</name>
    <message>
        <source>Export register or report…</source>
        <translation>Xuất sổ, báo cáo…</translation>
    </message>
    <message>
        <source>Import edXML…</source>
        <translation>Nhập văn bản edXML…</translation>
    </message>
    <message>
        <source>Export as edXML…</source>
        <translation>Xuất edXML…</translation>
    </message>
    <message>
        <source>Status message (edXML)…</source>
        <translation>Thông báo trạng thái edXML…</translation>
    </message>
</context>
<context>
    <name>NarrowingChip</name>
    <message>
        <source>Show the whole box again</source>
        <translation>Hiện lại toàn bộ hộp văn bản</translation>
    </message>
</context>
</TS>
