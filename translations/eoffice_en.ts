<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="en_US">
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
        <translation>Mark as read</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Comment</translation>
    </message>
    <message>
        <source>Send to</source>
        <translation>Send to</translation>
    </message>
    <message>
        <source>Register</source>
        <translation>Register</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>New deadline</source>
        <translation>New deadline</translation>
    </message>
    <message>
        <source>People and units</source>
        <translation>People and units</translation>
    </message>
    <message>
        <source>The rules do not allow «%1» on this document now: someone may have acted on it since the last sync. Cancel, and look at the document again.</source>
        <translation>The rules do not allow «%1» on this document now: someone may have acted on it since the last sync. Cancel, and look at the document again.</translation>
    </message>
    <message>
        <source>Check «%1»: the rules do not accept what it holds. Correct it and try again.</source>
        <translation>Check «%1»: the rules do not accept what it holds. Correct it and try again.</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>Reject</translation>
    </message>
    <message>
        <source>Submit</source>
        <translation>Submit</translation>
    </message>
    <message>
        <source>Forward</source>
        <translation>Forward</translation>
    </message>
    <message>
        <source>Assign</source>
        <translation>Assign</translation>
    </message>
    <message>
        <source>Extend deadline</source>
        <translation>Extend deadline</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>Complete</source>
        <translation>Complete</translation>
    </message>
    <message>
        <source>Return</source>
        <translation>Return</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>Approve</translation>
    </message>
    <message>
        <source>Recall</source>
        <translation>Recall</translation>
    </message>
    <message>
        <source>Discard draft</source>
        <translation>Discard draft</translation>
    </message>
    <message>
        <source>Sign</source>
        <translation>Sign</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>Issue</source>
        <translation>Issue</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Created</translation>
    </message>
    <message>
        <source>Edited</source>
        <translation>Edited</translation>
    </message>
    <message>
        <source>Apply to %n document(s)?</source>
        <translation>Apply to %n document(s)?</translation>
    </message>
</context>
<context>
    <name>ActionsController</name>
    <message numerus="yes">
        <source>%1: %n document(s) queued; sent at the next sync.</source>
        <extracomment>rows of the current list that &quot;Print the list&quot; prints at most</extracomment>
        <translation>
            <numerusform>%1: %n document queued; sent at the next sync.</numerusform>
            <numerusform>%1: %n documents queued; sent at the next sync.</numerusform>
        </translation>
    </message>
    <message>
        <source>Action not queued</source>
        <translation>Action not queued</translation>
    </message>
    <message>
        <source>Register paper document</source>
        <translation>Register paper document</translation>
    </message>
    <message>
        <source>The document was registered and queued.</source>
        <translation>The document was registered and queued.</translation>
    </message>
</context>
<context>
    <name>AssignDialog</name>
    <message>
        <source>Assign</source>
        <translation>Assign</translation>
    </message>
    <message>
        <source>Unit: %1</source>
        <translation>Unit: %1</translation>
    </message>
    <message>
        <source>Person or unit</source>
        <translation>Person or unit</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>People and units</source>
        <translation>People and units</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>Lead (chủ trì)</source>
        <translation>Lead (chủ trì)</translation>
    </message>
    <message>
        <source>Support (phối hợp)</source>
        <translation>Support (phối hợp)</translation>
    </message>
    <message>
        <source>For information</source>
        <translation>For information</translation>
    </message>
    <message>
        <source>Role of %1</source>
        <translation>Role of %1</translation>
    </message>
    <message>
        <source>Find a person or unit</source>
        <translation>Find a person or unit</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <source>Directive (bút phê), optional</source>
        <translation>Directive (bút phê), optional</translation>
    </message>
    <message>
        <source>Directive</source>
        <translation>Directive</translation>
    </message>
    <message numerus="yes">
        <source>%n document(s) selected</source>
        <translation>
            <numerusform>%n document selected</numerusform>
            <numerusform>%n documents selected</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Choose at least one lead (chủ trì).</source>
        <translation>Choose at least one lead (chủ trì).</translation>
    </message>
</context>
<context>
    <name>BodyEditor</name>
    <message>
        <source>One paragraph per line; each is printed justified with a first-line indent.</source>
        <translation>One paragraph per line; each is printed justified with a first-line indent.</translation>
    </message>
    <message>
        <source>Body</source>
        <translation>Body</translation>
    </message>
    <message>
        <source>Thực hiện …, đề nghị …</source>
        <translation>Thực hiện …, đề nghị …</translation>
    </message>
    <message>
        <source>Legal grounds (căn cứ), one per line:</source>
        <translation>Legal grounds (căn cứ), one per line:</translation>
    </message>
    <message>
        <source>Legal grounds</source>
        <translation>Legal grounds</translation>
    </message>
    <message>
        <source>Căn cứ Luật …;</source>
        <translation>Căn cứ Luật …;</translation>
    </message>
    <message>
        <source>Articles: one block each, separated by an empty line (numbered Điều 1., Điều 2., …):</source>
        <translation>Articles: one block each, separated by an empty line (numbered Điều 1., Điều 2., …):</translation>
    </message>
    <message>
        <source>Articles</source>
        <translation>Articles</translation>
    </message>
    <message>
        <source>The text is kept on the drafter&apos;s computer: read it in the PDF (tab «Files and PDF»).</source>
        <translation>The text is kept on the drafter&apos;s computer: read it in the PDF (tab «Files and PDF»).</translation>
    </message>
</context>
<context>
    <name>BoxList</name>
    <message>
        <source>Incoming</source>
        <extracomment>boxes whose own count is shown after their name (the others are long lists)</extracomment>
        <translation>Incoming</translation>
    </message>
    <message>
        <source>Outgoing</source>
        <translation>Outgoing</translation>
    </message>
    <message>
        <source>Internal</source>
        <translation>Internal</translation>
    </message>
    <message>
        <source>To sign</source>
        <translation>To sign</translation>
    </message>
    <message>
        <source>To process</source>
        <translation>To process</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>Unread</source>
        <translation>Unread</translation>
    </message>
    <message>
        <source>All documents</source>
        <translation>All documents</translation>
    </message>
    <message>
        <source>Documents you can act on: waiting on you, assigned to you or your unit to lead or support, and for clerks those to register, number or issue.</source>
        <translation>Documents you can act on: waiting on you, assigned to you or your unit to lead or support, and for clerks those to register, number or issue.</translation>
    </message>
    <message>
        <source>Approved documents waiting for your signature.</source>
        <translation>Approved documents waiting for your signature.</translation>
    </message>
    <message>
        <source>Open documents past their deadline.</source>
        <translation>Open documents past their deadline.</translation>
    </message>
    <message>
        <source>Boxes</source>
        <translation>Boxes</translation>
    </message>
    <message numerus="yes">
        <source>%n unread</source>
        <translation>
            <numerusform>%n unread</numerusform>
            <numerusform>%n unread</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n overdue</source>
        <translation>
            <numerusform>%n overdue</numerusform>
            <numerusform>%n overdue</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2 documents, %3 unread, %4 overdue</source>
        <translation>%1: %2 documents, %3 unread, %4 overdue</translation>
    </message>
</context>
<context>
    <name>ComposeController</name>
    <message>
        <source>Compose document</source>
        <translation>Compose document</translation>
    </message>
    <message>
        <source>The compose window cannot open yet: the local data is still loading.</source>
        <translation>The compose window cannot open yet: the local data is still loading.</translation>
    </message>
    <message>
        <source>Sign in first to compose a document.</source>
        <translation>Sign in first to compose a document.</translation>
    </message>
</context>
<context>
    <name>ComposeFlow</name>
    <message>
        <source>Re-submit…</source>
        <extracomment>The steps the window offers, each on its own button.</extracomment>
        <translation>Re-submit…</translation>
    </message>
    <message>
        <source>Submit for approval…</source>
        <translation>Submit for approval…</translation>
    </message>
    <message>
        <source>Making the PDF</source>
        <translation>Making the PDF</translation>
    </message>
    <message>
        <source>Making the PDF for approval…</source>
        <translation>Making the PDF for approval…</translation>
    </message>
    <message>
        <source>Making the PDF for approval</source>
        <translation>Making the PDF for approval</translation>
    </message>
    <message>
        <source>The PDF for approval is ready; it is sent at the next sync.</source>
        <translation>The PDF for approval is ready; it is sent at the next sync.</translation>
    </message>
    <message>
        <source>Making the PDF was cancelled; nothing was attached.</source>
        <translation>Making the PDF was cancelled; nothing was attached.</translation>
    </message>
    <message>
        <source>PDF made elsewhere</source>
        <translation>PDF made elsewhere</translation>
    </message>
    <message>
        <source>The PDF is attached as the main file.</source>
        <translation>The PDF is attached as the main file.</translation>
    </message>
    <message>
        <source>Appendix</source>
        <translation>Appendix</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>All files (*)</translation>
    </message>
    <message>
        <source>The appendix is attached.</source>
        <translation>The appendix is attached.</translation>
    </message>
    <message>
        <source>Make the PDF for approval (or attach one) before submitting.</source>
        <translation>Make the PDF for approval (or attach one) before submitting.</translation>
    </message>
    <message>
        <source>%1: queued; sent at the next sync.</source>
        <translation>%1: queued; sent at the next sync.</translation>
    </message>
</context>
<context>
    <name>ComposeWindow</name>
    <message>
        <source>Document</source>
        <extracomment>Incoming documents offered as &quot;in reply to&quot; (the newest). The form&apos;s share of the window&apos;s width (the body and the PDF take the rest). The type a new document starts as (công văn, the most common).</extracomment>
        <translation>Document</translation>
    </message>
    <message>
        <source>Signature block</source>
        <translation>Signature block</translation>
    </message>
    <message>
        <source>Recipients (nơi nhận)</source>
        <translation>Recipients (nơi nhận)</translation>
    </message>
    <message>
        <source>Body</source>
        <translation>Body</translation>
    </message>
    <message>
        <source>Files and PDF</source>
        <translation>Files and PDF</translation>
    </message>
    <message>
        <source>Save draft</source>
        <translation>Save draft</translation>
    </message>
    <message>
        <source>Save draft (Ctrl+S): works offline</source>
        <translation>Save draft (Ctrl+S): works offline</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>Approve</translation>
    </message>
    <message>
        <source>Return…</source>
        <translation>Return…</translation>
    </message>
    <message>
        <source>Discard draft…</source>
        <translation>Discard draft…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>New document</source>
        <translation>New document</translation>
    </message>
    <message>
        <source>Review: %1</source>
        <translation>Review: %1</translation>
    </message>
    <message>
        <source>Draft: %1</source>
        <translation>Draft: %1</translation>
    </message>
    <message>
        <source>Not saved yet</source>
        <translation>Not saved yet</translation>
    </message>
    <message numerus="yes">
        <source>, %n change(s) not sent yet</source>
        <translation>
            <numerusform>, %n change not sent yet</numerusform>
            <numerusform>, %n changes not sent yet</numerusform>
        </translation>
    </message>
    <message>
        <source>Status: %1</source>
        <translation>Status: %1</translation>
    </message>
    <message>
        <source>Choose the document type.</source>
        <translation>Choose the document type.</translation>
    </message>
    <message>
        <source>Write the subject (trích yếu).</source>
        <translation>Write the subject (trích yếu).</translation>
    </message>
    <message>
        <source>The document it answers has no number yet: choose another or none.</source>
        <translation>The document it answers has no number yet: choose another or none.</translation>
    </message>
    <message>
        <source>Choose the signer (or type a name).</source>
        <translation>Choose the signer (or type a name).</translation>
    </message>
    <message>
        <source>Write the signer&apos;s position.</source>
        <translation>Write the signer&apos;s position.</translation>
    </message>
    <message>
        <source>A decision needs at least one article.</source>
        <translation>A decision needs at least one article.</translation>
    </message>
    <message>
        <source>Write the body of the document.</source>
        <translation>Write the body of the document.</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <source>Saved on this computer; sent to the server at the next sync.</source>
        <translation>Saved on this computer; sent to the server at the next sync.</translation>
    </message>
    <message>
        <source>Close without saving?</source>
        <translation>Close without saving?</translation>
    </message>
    <message>
        <source>The changes to this draft are not saved. Close it anyway?</source>
        <translation>The changes to this draft are not saved. Close it anyway?</translation>
    </message>
    <message>
        <source>Close without saving</source>
        <translation>Close without saving</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <source>Something went wrong</source>
        <translation>Something went wrong</translation>
    </message>
    <message>
        <source>An unexpected error happened. Your work is kept and the program goes on. Please send this report to your IT department.</source>
        <translation>An unexpected error happened. Your work is kept and the program goes on. Please send this report to your IT department.</translation>
    </message>
    <message>
        <source>Report saved at: %1</source>
        <translation>Report saved at: %1</translation>
    </message>
    <message>
        <source>The report could not be saved.</source>
        <translation>The report could not be saved.</translation>
    </message>
    <message>
        <source>Error report</source>
        <translation>Error report</translation>
    </message>
    <message>
        <source>Copy report</source>
        <translation>Copy report</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>DashboardView</name>
    <message>
        <source>Overview</source>
        <translation>Overview</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>Count again from the local data</source>
        <translation>Count again from the local data</translation>
    </message>
    <message>
        <source>Overdue by unit</source>
        <translation>Overdue by unit</translation>
    </message>
    <message>
        <source>Waiting on a leader, by days</source>
        <translation>Waiting on a leader, by days</translation>
    </message>
    <message>
        <source>Incoming documents per week</source>
        <translation>Incoming documents per week</translation>
    </message>
    <message>
        <source>Unread incoming</source>
        <translation>Unread incoming</translation>
    </message>
    <message>
        <source>Waiting for signature</source>
        <translation>Waiting for signature</translation>
    </message>
    <message>
        <source>To process</source>
        <translation>To process</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>Due soon</source>
        <translation>Due soon</translation>
    </message>
    <message>
        <source>within %1 working days</source>
        <translation>within %1 working days</translation>
    </message>
    <message>
        <source>The overview appears once the local data is loaded.</source>
        <translation>The overview appears once the local data is loaded.</translation>
    </message>
    <message>
        <source>Updating…</source>
        <translation>Updating…</translation>
    </message>
    <message>
        <source>Updated at %1</source>
        <translation>Updated at %1</translation>
    </message>
    <message>
        <source>Could not count: %1</source>
        <translation>Could not count: %1</translation>
    </message>
    <message>
        <source>Other units</source>
        <translation>Other units</translation>
    </message>
    <message>
        <source>Nothing is overdue.</source>
        <translation>Nothing is overdue.</translation>
    </message>
    <message>
        <source>No document is waiting on a leader.</source>
        <translation>No document is waiting on a leader.</translation>
    </message>
    <message>
        <source>Week from %1: %2 documents</source>
        <translation>Week from %1: %2 documents</translation>
    </message>
    <message>
        <source>No incoming documents in these weeks.</source>
        <translation>No incoming documents in these weeks.</translation>
    </message>
    <message>
        <source>Not assigned to a unit</source>
        <translation>Not assigned to a unit</translation>
    </message>
    <message>
        <source>0–1 days</source>
        <translation>0–1 days</translation>
    </message>
    <message>
        <source>2–3 days</source>
        <translation>2–3 days</translation>
    </message>
    <message>
        <source>4–7 days</source>
        <translation>4–7 days</translation>
    </message>
    <message>
        <source>8 days or more</source>
        <translation>8 days or more</translation>
    </message>
    <message>
        <source>Overdue: %1</source>
        <translation>Overdue: %1</translation>
    </message>
    <message>
        <source>Waiting on a leader: %1</source>
        <translation>Waiting on a leader: %1</translation>
    </message>
    <message>
        <source>Incoming in the week from %1</source>
        <translation>Incoming in the week from %1</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <source>Yes</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>Display</name>
    <message>
        <source>(a person not in this computer&apos;s directory)</source>
        <translation>(a person not in this computer&apos;s directory)</translation>
    </message>
    <message>
        <source>(a unit not in this computer&apos;s directory)</source>
        <translation>(a unit not in this computer&apos;s directory)</translation>
    </message>
    <message>
        <source>(a register not in this computer&apos;s directory)</source>
        <translation>(a register not in this computer&apos;s directory)</translation>
    </message>
    <message>
        <source>type</source>
        <translation>type</translation>
    </message>
    <message>
        <source>subject</source>
        <translation>subject</translation>
    </message>
    <message>
        <source>urgency</source>
        <translation>urgency</translation>
    </message>
    <message>
        <source>secrecy</source>
        <translation>secrecy</translation>
    </message>
    <message>
        <source>deadline</source>
        <translation>deadline</translation>
    </message>
    <message>
        <source>recipients</source>
        <translation>recipients</translation>
    </message>
    <message>
        <source>signer</source>
        <translation>signer</translation>
    </message>
    <message>
        <source>place</source>
        <translation>place</translation>
    </message>
    <message>
        <source>page count</source>
        <translation>page count</translation>
    </message>
    <message>
        <source>copies</source>
        <translation>copies</translation>
    </message>
    <message>
        <source>in reply to</source>
        <translation>in reply to</translation>
    </message>
    <message>
        <source>unit</source>
        <translation>unit</translation>
    </message>
    <message>
        <source>issuer</source>
        <translation>issuer</translation>
    </message>
    <message>
        <source>number</source>
        <translation>number</translation>
    </message>
    <message>
        <source>notation</source>
        <translation>notation</translation>
    </message>
    <message>
        <source>date issued</source>
        <translation>date issued</translation>
    </message>
    <message>
        <source>date arrived</source>
        <translation>date arrived</translation>
    </message>
</context>
<context>
    <name>DocumentList</name>
    <message>
        <source>Documents are never deleted with the Delete key; use the actions instead.</source>
        <extracomment>rows of the very first list, read straight from the cache file (more than a screenful) column -&gt; a text as wide as that column&apos;s usual content (its width follows the font) on a narrow table these columns are hidden first, in this order; the subject, the deadline and the status always stay the subject keeps at least this many font heights</extracomment>
        <translation>Documents are never deleted with the Delete key; use the actions instead.</translation>
    </message>
    <message numerus="yes">
        <source>%n document(s) so far; more are arriving from the server…</source>
        <translation>
            <numerusform>%n document so far; more are arriving from the server…</numerusform>
            <numerusform>%n documents so far; more are arriving from the server…</numerusform>
        </translation>
    </message>
    <message>
        <source>Documents are arriving from the server…</source>
        <translation>Documents are arriving from the server…</translation>
    </message>
    <message numerus="yes">
        <source>%n document(s)</source>
        <translation>
            <numerusform>%n document</numerusform>
            <numerusform>%n documents</numerusform>
        </translation>
    </message>
    <message>
        <source>No documents match.</source>
        <translation>No documents match.</translation>
    </message>
    <message>
        <source>This box is empty.</source>
        <translation>This box is empty.</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Documents</translation>
    </message>
</context>
<context>
    <name>DocumentTableModel</name>
    <message>
        <source>Urgency</source>
        <extracomment>the table rows of some ids, by id</extracomment>
        <translation>Urgency</translation>
    </message>
    <message>
        <source>Number/notation</source>
        <translation>Number/notation</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Subject</translation>
    </message>
    <message>
        <source>Issuer</source>
        <translation>Issuer</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Today</translation>
    </message>
    <message>
        <source>waiting to sync</source>
        <translation>waiting to sync</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>Due today</source>
        <translation>Due today</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) waiting to be sent at the next sync</source>
        <translation>
            <numerusform>%n change waiting to be sent at the next sync</numerusform>
            <numerusform>%n changes waiting to be sent at the next sync</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DocumentView</name>
    <message>
        <source>Attachments</source>
        <translation>Attachments</translation>
    </message>
    <message>
        <source>Download</source>
        <translation>Download</translation>
    </message>
    <message>
        <source>Open with another app</source>
        <translation>Open with another app</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Files</translation>
    </message>
    <message>
        <source>Directives and comments</source>
        <translation>Directives and comments</translation>
    </message>
    <message>
        <source>History</source>
        <translation>History</translation>
    </message>
    <message>
        <source>Fit width</source>
        <translation>Fit width</translation>
    </message>
    <message>
        <source>Choose a document in the list to see it here.</source>
        <translation>Choose a document in the list to see it here.</translation>
    </message>
    <message>
        <source>This PDF cannot be shown.</source>
        <translation>This PDF cannot be shown.</translation>
    </message>
    <message>
        <source>No attachments.</source>
        <translation>No attachments.</translation>
    </message>
    <message>
        <source>The file is not on this computer yet.</source>
        <translation>The file is not on this computer yet.</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>Direction</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Number/notation</source>
        <translation>Number/notation</translation>
    </message>
    <message>
        <source>Issuer</source>
        <translation>Issuer</translation>
    </message>
    <message>
        <source>Issued on</source>
        <translation>Issued on</translation>
    </message>
    <message>
        <source>Arrival number</source>
        <translation>Arrival number</translation>
    </message>
    <message>
        <source>Arrived on</source>
        <translation>Arrived on</translation>
    </message>
    <message>
        <source>Register</source>
        <translation>Register</translation>
    </message>
    <message>
        <source>Urgency</source>
        <translation>Urgency</translation>
    </message>
    <message>
        <source>Secrecy</source>
        <translation>Secrecy</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Waiting on</source>
        <translation>Waiting on</translation>
    </message>
    <message>
        <source>Signer</source>
        <translation>Signer</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>Recipients</source>
        <translation>Recipients</translation>
    </message>
    <message>
        <source>Read by</source>
        <translation>Read by</translation>
    </message>
    <message>
        <source>Waiting to sync</source>
        <translation>Waiting to sync</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) waiting to be sent at the next sync</source>
        <translation>
            <numerusform>%n change waiting to be sent at the next sync</numerusform>
            <numerusform>%n changes waiting to be sent at the next sync</numerusform>
        </translation>
    </message>
    <message>
        <source>Assignments</source>
        <translation>Assignments</translation>
    </message>
    <message>
        <source>No assignments.</source>
        <translation>No assignments.</translation>
    </message>
    <message>
        <source>Not started</source>
        <translation>Not started</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>In progress</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>due %1</source>
        <translation>due %1</translation>
    </message>
    <message>
        <source>No comments yet.</source>
        <translation>No comments yet.</translation>
    </message>
    <message>
        <source>No history yet.</source>
        <translation>No history yet.</translation>
    </message>
</context>
<context>
    <name>EdxmlExportDialog</name>
    <message>
        <source>Export as edXML</source>
        <translation>Export as edXML</translation>
    </message>
    <message>
        <source>Status message (edXML)</source>
        <translation>Status message (edXML)</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Document</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>File</source>
        <translation>File</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>received</source>
        <translation>received</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>refused</translation>
    </message>
    <message>
        <source>accepted</source>
        <translation>accepted</translation>
    </message>
    <message>
        <source>assigned</source>
        <translation>assigned</translation>
    </message>
    <message>
        <source>in progress</source>
        <translation>in progress</translation>
    </message>
    <message>
        <source>completed</source>
        <translation>completed</translation>
    </message>
    <message>
        <source>Save as</source>
        <translation>Save as</translation>
    </message>
    <message>
        <source>edXML files (*.edxml)</source>
        <translation>edXML files (*.edxml)</translation>
    </message>
    <message>
        <source>Choose where to save the file.</source>
        <translation>Choose where to save the file.</translation>
    </message>
    <message>
        <source>Writing…</source>
        <translation>Writing…</translation>
    </message>
    <message>
        <source>Saved: %1</source>
        <translation>Saved: %1</translation>
    </message>
</context>
<context>
    <name>EdxmlImportDialog</name>
    <message>
        <source>Import edXML documents</source>
        <translation>Import edXML documents</translation>
    </message>
    <message>
        <source>Choose files…</source>
        <translation>Choose files…</translation>
    </message>
    <message>
        <source>Register</source>
        <translation>Register</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Choose edXML files</source>
        <translation>Choose edXML files</translation>
    </message>
    <message>
        <source>edXML files (*.edxml *.xml);;All files (*)</source>
        <translation>edXML files (*.edxml *.xml);;All files (*)</translation>
    </message>
    <message>
        <source>reading…</source>
        <translation>reading…</translation>
    </message>
    <message>
        <source>to review</source>
        <translation>to review</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>refused</translation>
    </message>
    <message>
        <source>registering…</source>
        <translation>registering…</translation>
    </message>
    <message>
        <source>registered</source>
        <translation>registered</translation>
    </message>
    <message>
        <source>Drop .edxml files here, or choose them with the button below.</source>
        <translation>Drop .edxml files here, or choose them with the button below.</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>Reading %1…</translation>
    </message>
    <message>
        <source>Record on the document</source>
        <translation>Record on the document</translation>
    </message>
    <message>
        <source>Only a clerk (văn thư) registers incoming documents.</source>
        <translation>Only a clerk (văn thư) registers incoming documents.</translation>
    </message>
    <message>
        <source>Check the fields above; nothing is registered until you press the button.</source>
        <translation>Check the fields above; nothing is registered until you press the button.</translation>
    </message>
    <message>
        <source>Recorded on the outgoing document: %1</source>
        <translation>Recorded on the outgoing document: %1</translation>
    </message>
    <message>
        <source>Queued as a new incoming document with %1 files and the original edXML file; it is sent at the next sync.</source>
        <translation>Queued as a new incoming document with %1 files and the original edXML file; it is sent at the next sync.</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>The file «%1» cannot be read or written (%2). Check that it exists and is not open in another program, then try again.</source>
        <extracomment>how long a background task&apos;s error stays in the status bar</extracomment>
        <translation>The file «%1» cannot be read or written (%2). Check that it exists and is not open in another program, then try again.</translation>
    </message>
    <message>
        <source>access refused</source>
        <translation>access refused</translation>
    </message>
    <message>
        <source>The server cannot be reached. Check the network, then try again; what you did is kept.</source>
        <translation>The server cannot be reached. Check the network, then try again; what you did is kept.</translation>
    </message>
    <message>
        <source>This did not work; nothing you typed is lost. Try again; if it happens again, export a diagnostics bundle (Help menu) for IT staff.</source>
        <translation>This did not work; nothing you typed is lost. Try again; if it happens again, export a diagnostics bundle (Help menu) for IT staff.</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export a register or report</source>
        <extracomment>(parent, title, pages) -&gt; a printer, None when the user cancels (tests give their own)</extracomment>
        <translation>Export a register or report</translation>
    </message>
    <message>
        <source>Register of incoming documents</source>
        <translation>Register of incoming documents</translation>
    </message>
    <message>
        <source>Register of outgoing documents</source>
        <translation>Register of outgoing documents</translation>
    </message>
    <message>
        <source>Register tracking incoming documents</source>
        <translation>Register tracking incoming documents</translation>
    </message>
    <message>
        <source>Report on document processing</source>
        <translation>Report on document processing</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <source>What</source>
        <translation>What</translation>
    </message>
    <message>
        <source>Register</source>
        <translation>Register</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>File</source>
        <translation>File</translation>
    </message>
    <message>
        <source>Open the file</source>
        <translation>Open the file</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>The whole organisation</source>
        <translation>The whole organisation</translation>
    </message>
    <message>
        <source>Every register</source>
        <translation>Every register</translation>
    </message>
    <message>
        <source>Save as</source>
        <translation>Save as</translation>
    </message>
    <message>
        <source>The period ends before it starts: choose a &apos;to&apos; date on or after the &apos;from&apos; date.</source>
        <translation>The period ends before it starts: choose a &apos;to&apos; date on or after the &apos;from&apos; date.</translation>
    </message>
    <message>
        <source>Choose where to save the file.</source>
        <translation>Choose where to save the file.</translation>
    </message>
    <message>
        <source>«%1» is a folder: give a file name.</source>
        <translation>«%1» is a folder: give a file name.</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Exporting…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Saved: %1</source>
        <translation>Saved: %1</translation>
    </message>
    <message>
        <source>(%1 documents)</source>
        <translation>(%1 documents)</translation>
    </message>
    <message>
        <source>Cancelled: nothing was saved.</source>
        <translation>Cancelled: nothing was saved.</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Cancelling…</translation>
    </message>
    <message>
        <source>Printing needs LibreOffice (or Microsoft Word) to turn the file into PDF, and neither is installed. Open the file and print it from its own program.</source>
        <translation>Printing needs LibreOffice (or Microsoft Word) to turn the file into PDF, and neither is installed. Open the file and print it from its own program.</translation>
    </message>
    <message>
        <source>Preparing to print…</source>
        <translation>Preparing to print…</translation>
    </message>
    <message>
        <source>Ready to print: %1 pages.</source>
        <translation>Ready to print: %1 pages.</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>Print</translation>
    </message>
    <message>
        <source>Sent %1 pages to the printer.</source>
        <translation>Sent %1 pages to the printer.</translation>
    </message>
</context>
<context>
    <name>FilesPanel</name>
    <message>
        <source>Make the PDF for approval</source>
        <extracomment>Rows of the file list shown without scrolling.</extracomment>
        <translation>Make the PDF for approval</translation>
    </message>
    <message>
        <source>Attach a PDF made elsewhere…</source>
        <translation>Attach a PDF made elsewhere…</translation>
    </message>
    <message>
        <source>Add an appendix…</source>
        <translation>Add an appendix…</translation>
    </message>
    <message>
        <source>Files of the draft</source>
        <translation>Files of the draft</translation>
    </message>
    <message>
        <source>A secret document carries no files here: the leader approves it on paper.</source>
        <translation>A secret document carries no files here: the leader approves it on paper.</translation>
    </message>
    <message>
        <source>Neither LibreOffice nor Microsoft Word is installed, so the PDF cannot be made here. Make it on another computer and attach it.</source>
        <translation>Neither LibreOffice nor Microsoft Word is installed, so the PDF cannot be made here. Make it on another computer and attach it.</translation>
    </message>
    <message>
        <source>The PDF is made with %1 from what the form holds.</source>
        <translation>The PDF is made with %1 from what the form holds.</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Main</translation>
    </message>
    <message>
        <source>Appendix</source>
        <translation>Appendix</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>Draft</translation>
    </message>
    <message>
        <source>Signed</source>
        <translation>Signed</translation>
    </message>
    <message>
        <source>Final</source>
        <translation>Final</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) not sent yet: they go at the next sync.</source>
        <translation>
            <numerusform>%n file not sent yet: it goes at the next sync.</numerusform>
            <numerusform>%n files not sent yet: they go at the next sync.</numerusform>
        </translation>
    </message>
    <message>
        <source>No files yet.</source>
        <translation>No files yet.</translation>
    </message>
    <message>
        <source>The PDF the leader approves:</source>
        <translation>The PDF the leader approves:</translation>
    </message>
    <message>
        <source>The PDF is not on this computer yet: it is fetched when the server can be reached.</source>
        <translation>The PDF is not on this computer yet: it is fetched when the server can be reached.</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <source>Clear filters</source>
        <translation>Clear filters</translation>
    </message>
    <message>
        <source>Dates</source>
        <translation>Dates</translation>
    </message>
    <message>
        <source>From date</source>
        <translation>From date</translation>
    </message>
    <message>
        <source>To date</source>
        <translation>To date</translation>
    </message>
    <message>
        <source>All types</source>
        <translation>All types</translation>
    </message>
    <message>
        <source>Any urgency</source>
        <translation>Any urgency</translation>
    </message>
    <message>
        <source>Any secrecy</source>
        <translation>Any secrecy</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>Any status</translation>
    </message>
</context>
<context>
    <name>GeneralFields</name>
    <message>
        <source>Kind</source>
        <extracomment>Trích yếu: contract section 4 (1..500 characters). Copies the spin box offers (số lượng bản); 0 shows as &quot;not given&quot;. Types offered first, as drafters use them most (the rest follow by name).</extracomment>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Subject (trích yếu)</source>
        <translation>Subject (trích yếu)</translation>
    </message>
    <message>
        <source>Urgency</source>
        <translation>Urgency</translation>
    </message>
    <message>
        <source>Secrecy</source>
        <translation>Secrecy</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>Due date</translation>
    </message>
    <message>
        <source>In reply to</source>
        <translation>In reply to</translation>
    </message>
    <message>
        <source>Copies</source>
        <translation>Copies</translation>
    </message>
    <message>
        <source>Outgoing document</source>
        <translation>Outgoing document</translation>
    </message>
    <message>
        <source>Internal document</source>
        <translation>Internal document</translation>
    </message>
    <message>
        <source>e.g. Về việc triển khai chuyển đổi số</source>
        <translation>e.g. Về việc triển khai chuyển đổi số</translation>
    </message>
    <message>
        <source>Has a deadline</source>
        <translation>Has a deadline</translation>
    </message>
    <message>
        <source>not given</source>
        <translation>not given</translation>
    </message>
    <message>
        <source>— choose the type —</source>
        <translation>— choose the type —</translation>
    </message>
    <message>
        <source>— none —</source>
        <translation>— none —</translation>
    </message>
</context>
<context>
    <name>ImageRow</name>
    <message>
        <source>PNG images (*.png)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not chosen yet: a PNG with a transparent background.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IssueDialog</name>
    <message>
        <source>Number and issue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request the numbers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation type="unfinished">Sync now</translation>
    </message>
    <message>
        <source>Choose seal image…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seal and issue…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished">Close</translation>
    </message>
    <message>
        <source>Choose the seal image of the organisation (a red seal on a transparent PNG) first; it is kept in your profile for the next time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1. Register:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>2. Seal:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IssueFlow</name>
    <message>
        <source>Not on this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Issued.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number %1 of %2: ready to seal and issue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number requested; it arrives with the next sync.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed by the leader: request its number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not signed yet (status: %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Seal and issue %n document(s)…</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Seal and issue…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requesting the numbers…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Numbers requested for %n document(s); they arrive with the next sync.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation type="unfinished">Syncing…</translation>
    </message>
    <message>
        <source>Synced.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key of the organisation&apos;s signature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sealing with the certificate of %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop after this document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sealed; the final PDF and the issue are queued to send.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 issued. They are sent at the next sync.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped: the others were not issued.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished">Close</translation>
    </message>
</context>
<context>
    <name>KeyDialog</name>
    <message>
        <source>Key file (PKCS#12: .p12, .pfx)</source>
        <extracomment>The last key file and token library chosen in this run (paths only, never a secret).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>USB token (PKCS#11)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use this key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key file your certificate came in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key file:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Token library:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Token:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Holder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Issuer</source>
        <translation type="unfinished">Issuer</translation>
    </message>
    <message>
        <source>Valid from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Valid to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished">Note</translation>
    </message>
    <message>
        <source>Certificate:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asked once for the whole batch, kept in memory only until the batch ends; never saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password of the key file:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PIN of the token:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the token library (ask IT staff where the token&apos;s software put it).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (locked)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No token is plugged in that this library can reach. Plug the token in, then Find tokens.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The token «%1» is locked (the PIN was typed wrong too many times). Ask the certificate provider to unlock it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only one PIN try is left on «%1»: one more wrong PIN locks it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Few PIN tries are left on «%1»: type the PIN carefully.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot sign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ok</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key files (*.p12 *.pfx);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the key file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key file «%1» is not there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the token (plug it in, then Find tokens).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the certificate to sign with.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the password of the key file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the PIN of the token.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening the key…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainToolbar</name>
    <message numerus="yes">
        <source>%n of your changes need your decision: open Sync issues from this button&apos;s menu</source>
        <translation>
            <numerusform>%n of your changes needs your decision: open Sync issues from this button&apos;s menu</numerusform>
            <numerusform>%n of your changes need your decision: open Sync issues from this button&apos;s menu</numerusform>
        </translation>
    </message>
    <message>
        <source>Sync issues (%1)</source>
        <translation>Sync issues (%1)</translation>
    </message>
    <message>
        <source>Sync now (F5)</source>
        <translation>Sync now (F5)</translation>
    </message>
    <message>
        <source>Sync issues</source>
        <translation>Sync issues</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>Print</translation>
    </message>
    <message>
        <source>Search number, subject, issuer… (Ctrl+F)</source>
        <translation>Search number, subject, issuer… (Ctrl+F)</translation>
    </message>
    <message>
        <source>Search documents</source>
        <translation>Search documents</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>The local data cannot be opened</source>
        <extracomment>window width, in font heights, from which the document sits right of the list</extracomment>
        <translation>The local data cannot be opened</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) need attention</source>
        <translation>
            <numerusform>%n item needs attention</numerusform>
            <numerusform>%n items need attention</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ParamsDialog</name>
    <message numerus="yes">
        <source>%n document(s) selected</source>
        <translation>
            <numerusform>%n document selected</numerusform>
            <numerusform>%n documents selected</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Confirm this action?</source>
        <translation>Confirm this action?</translation>
    </message>
    <message>
        <source>Opinion</source>
        <translation>Opinion</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Directive</source>
        <translation>Directive</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>Register</source>
        <translation>Register</translation>
    </message>
    <message>
        <source>Reason (optional)</source>
        <translation>Reason (optional)</translation>
    </message>
    <message>
        <source>e.g. wrongly addressed, or a duplicate</source>
        <translation>e.g. wrongly addressed, or a duplicate</translation>
    </message>
    <message>
        <source>Send to</source>
        <translation>Send to</translation>
    </message>
    <message>
        <source>Note (optional)</source>
        <translation>Note (optional)</translation>
    </message>
    <message>
        <source>New deadline</source>
        <translation>New deadline</translation>
    </message>
    <message>
        <source>Result (optional)</source>
        <translation>Result (optional)</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>At least 10 characters</source>
        <translation>At least 10 characters</translation>
    </message>
    <message>
        <source>The draft will be discarded for everyone once this is sent.</source>
        <translation>The draft will be discarded for everyone once this is sent.</translation>
    </message>
    <message>
        <source>The reason needs at least 10 characters.</source>
        <translation>The reason needs at least 10 characters.</translation>
    </message>
    <message>
        <source>Choose one from the list.</source>
        <translation>Choose one from the list.</translation>
    </message>
    <message>
        <source>Write the text (at most 2,000 characters).</source>
        <translation>Write the text (at most 2,000 characters).</translation>
    </message>
    <message>
        <source>Check the field: %1</source>
        <translation>Check the field: %1</translation>
    </message>
    <message>
        <source>The new deadline cannot be in the past.</source>
        <translation>The new deadline cannot be in the past.</translation>
    </message>
</context>
<context>
    <name>PdfPane</name>
    <message>
        <source>Document preview</source>
        <translation>Document preview</translation>
    </message>
    <message>
        <source>Previous page</source>
        <translation>Previous page</translation>
    </message>
    <message>
        <source>Next page</source>
        <translation>Next page</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>Zoom out</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>Zoom in</translation>
    </message>
    <message>
        <source>Fit width</source>
        <translation>Fit width</translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation>Page %1 of %2</translation>
    </message>
</context>
<context>
    <name>PersonPicker</name>
    <message>
        <source>Type a name (diacritics optional)</source>
        <extracomment>rows of the list shown without scrolling the widest the list asks to be (a long title and unit are elided beyond it)</extracomment>
        <translation>Type a name (diacritics optional)</translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message>
        <source>Number/notation</source>
        <translation>Number/notation</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Issuer</source>
        <translation>Issuer</translation>
    </message>
    <message>
        <source>Issued on</source>
        <translation>Issued on</translation>
    </message>
    <message>
        <source>Arrival number</source>
        <translation>Arrival number</translation>
    </message>
    <message>
        <source>Arrived on</source>
        <translation>Arrived on</translation>
    </message>
    <message>
        <source>Urgency</source>
        <translation>Urgency</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Files</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Subject</translation>
    </message>
    <message>
        <source>DOCUMENT PROCESSING SLIP</source>
        <translation>DOCUMENT PROCESSING SLIP</translation>
    </message>
    <message>
        <source>Assignments</source>
        <translation>Assignments</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Person or unit</source>
        <translation>Person or unit</translation>
    </message>
    <message>
        <source>Directives and comments</source>
        <translation>Directives and comments</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>By</source>
        <translation>By</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>History</source>
        <translation>History</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Detail</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>No.</translation>
    </message>
</context>
<context>
    <name>RecipientsFields</name>
    <message>
        <source>Find a unit or organisation</source>
        <extracomment>Rows of the list shown without scrolling (the rest scrolls). The org_id of a recipient outside the directory (a free line). The contract names none; the server requires a non-empty one (a question for the contract&apos;s owners).</extracomment>
        <translation>Find a unit or organisation</translation>
    </message>
    <message>
        <source>Recipients from the directory</source>
        <translation>Recipients from the directory</translation>
    </message>
    <message>
        <source>Other recipients, one per line:</source>
        <translation>Other recipients, one per line:</translation>
    </message>
    <message>
        <source>Other recipients</source>
        <translation>Other recipients</translation>
    </message>
    <message>
        <source>The list ends with «%1», added when the document is made.</source>
        <translation>The list ends with «%1», added when the document is made.</translation>
    </message>
</context>
<context>
    <name>RegisterPaperDialog</name>
    <message>
        <source>Register a paper document</source>
        <extracomment>checks one scanned file; returns its page count, raises a ClientError naming it</extracomment>
        <translation>Register a paper document</translation>
    </message>
    <message>
        <source>none</source>
        <translation>none</translation>
    </message>
    <message>
        <source>Has a deadline</source>
        <translation>Has a deadline</translation>
    </message>
    <message>
        <source>Choose a register</source>
        <translation>Choose a register</translation>
    </message>
    <message>
        <source>A secret document is kept on paper: its pages are not scanned into eOffice. Register its details here and hand the paper over as the secrecy rules say.</source>
        <translation>A secret document is kept on paper: its pages are not scanned into eOffice. Register its details here and hand the paper over as the secrecy rules say.</translation>
    </message>
    <message>
        <source>Who sent it: an agency, a company or a person</source>
        <translation>Who sent it: an agency, a company or a person</translation>
    </message>
    <message>
        <source>Sender</source>
        <translation>Sender</translation>
    </message>
    <message>
        <source>Scanned files</source>
        <translation>Scanned files</translation>
    </message>
    <message>
        <source>Type the sender, or choose one of the suggestions.</source>
        <translation>Type the sender, or choose one of the suggestions.</translation>
    </message>
    <message>
        <source>Choose the register it goes into.</source>
        <translation>Choose the register it goes into.</translation>
    </message>
    <message>
        <source>Wait a moment: the scanned files are being checked.</source>
        <translation>Wait a moment: the scanned files are being checked.</translation>
    </message>
    <message>
        <source>Check «%1»: its value is not accepted.</source>
        <translation>Check «%1»: its value is not accepted.</translation>
    </message>
    <message>
        <source>This type of document is not in the catalogue: choose another.</source>
        <translation>This type of document is not in the catalogue: choose another.</translation>
    </message>
    <message>
        <source>The register «%1» does not take this document (its year or secrecy): choose another.</source>
        <translation>The register «%1» does not take this document (its year or secrecy): choose another.</translation>
    </message>
    <message>
        <source>Remove it from the list, or add a good copy.</source>
        <translation>Remove it from the list, or add a good copy.</translation>
    </message>
    <message>
        <source>Add scanned files…</source>
        <translation>Add scanned files…</translation>
    </message>
    <message>
        <source>Remove from list</source>
        <translation>Remove from list</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>Notation</source>
        <translation>Notation</translation>
    </message>
    <message>
        <source>Issued on</source>
        <translation>Issued on</translation>
    </message>
    <message>
        <source>Arrived on</source>
        <translation>Arrived on</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Subject</translation>
    </message>
    <message>
        <source>Urgency</source>
        <translation>Urgency</translation>
    </message>
    <message>
        <source>Secrecy</source>
        <translation>Secrecy</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <source>Register</source>
        <translation>Register</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Scans (*.pdf *.jpg *.jpeg *.png)</source>
        <translation>Scans (*.pdf *.jpg *.jpeg *.png)</translation>
    </message>
    <message>
        <source>The file «%1» cannot be read: choose another copy.</source>
        <translation>The file «%1» cannot be read: choose another copy.</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n page(s))</source>
        <translation>
            <numerusform>%1 (%n page)</numerusform>
            <numerusform>%1 (%n pages)</numerusform>
        </translation>
    </message>
    <message>
        <source>Write the subject (1 to 500 characters).</source>
        <translation>Write the subject (1 to 500 characters).</translation>
    </message>
    <message>
        <source>Add the scanned pages (PDF, JPEG or PNG).</source>
        <translation>Add the scanned pages (PDF, JPEG or PNG).</translation>
    </message>
</context>
<context>
    <name>ReviewPane</name>
    <message>
        <source>Drop .edxml files here, or choose them with the button below.</source>
        <translation>Drop .edxml files here, or choose them with the button below.</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Value</translation>
    </message>
    <message>
        <source>Status message %1 from %2</source>
        <translation>Status message %1 from %2</translation>
    </message>
    <message>
        <source>Issuing body</source>
        <translation>Issuing body</translation>
    </message>
    <message>
        <source>Number and notation</source>
        <translation>Number and notation</translation>
    </message>
    <message>
        <source>Document type</source>
        <translation>Document type</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Subject</translation>
    </message>
    <message>
        <source>Issued on</source>
        <translation>Issued on</translation>
    </message>
    <message>
        <source>Signed by</source>
        <translation>Signed by</translation>
    </message>
    <message>
        <source>Urgency</source>
        <translation>Urgency</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>Pages</translation>
    </message>
    <message>
        <source>Copies</source>
        <translation>Copies</translation>
    </message>
    <message>
        <source>In reply to</source>
        <translation>In reply to</translation>
    </message>
    <message>
        <source>Sent to</source>
        <translation>Sent to</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Revokes a document sent before</source>
        <translation>Revokes a document sent before</translation>
    </message>
    <message>
        <source>Updates a document sent before</source>
        <translation>Updates a document sent before</translation>
    </message>
    <message>
        <source>Replaces a document sent before</source>
        <translation>Replaces a document sent before</translation>
    </message>
    <message>
        <source>About the document</source>
        <translation>About the document</translation>
    </message>
    <message>
        <source>Reported</source>
        <translation>Reported</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Handled by</source>
        <translation>Handled by</translation>
    </message>
    <message>
        <source>Files (%1), and the original .edxml file</source>
        <translation>Files (%1), and the original .edxml file</translation>
    </message>
    <message>
        <source>File name</source>
        <translation>File name</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Size</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Main</translation>
    </message>
    <message>
        <source>Appendix</source>
        <translation>Appendix</translation>
    </message>
    <message>
        <source>Not mapped (%1): kept in the original file</source>
        <translation>Not mapped (%1): kept in the original file</translation>
    </message>
    <message>
        <source>Every field was mapped.</source>
        <translation>Every field was mapped.</translation>
    </message>
</context>
<context>
    <name>SecretNote</name>
    <message>
        <source>Secret document: its content is not on this computer</source>
        <translation>Secret document: its content is not on this computer</translation>
    </message>
    <message>
        <source>The paper original is kept by the clerks&apos; office (văn thư) and recorded in the secret register%1. Read it there, or ask for it to be brought to you, as the rules on state secrets say; it is never scanned into eOffice.</source>
        <translation>The paper original is kept by the clerks&apos; office (văn thư) and recorded in the secret register%1. Read it there, or ask for it to be brought to you, as the rules on state secrets say; it is never scanned into eOffice.</translation>
    </message>
    <message>
        <source>Its draft and its signed copy are handled on paper, at the office: read the paper copy that the drafter or the clerks&apos; office brings you. eOffice records only the steps (approval, signature, number), never the content.</source>
        <translation>Its draft and its signed copy are handled on paper, at the office: read the paper copy that the drafter or the clerks&apos; office brings you. eOffice records only the steps (approval, signature, number), never the content.</translation>
    </message>
    <message>
        <source>Now with: %1</source>
        <translation>Now with: %1</translation>
    </message>
</context>
<context>
    <name>SessionController</name>
    <message>
        <source>Fill in the server address, user name and password.</source>
        <translation>Fill in the server address, user name and password.</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Signing in…</translation>
    </message>
    <message>
        <source>Not signed in: documents are not synced. To sign in, use File › Sign in… or the Sign in button below.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The local data is still loading: sign out in a moment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Sign out</translation>
    </message>
    <message>
        <source>Sign out of eOffice on this computer?</source>
        <translation>Sign out of eOffice on this computer?</translation>
    </message>
    <message>
        <source>Also delete the cached documents and files of this profile</source>
        <translation>Also delete the cached documents and files of this profile</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Signing out…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed out here; the server could not be told (it forgets the sign-in by itself later).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation type="unfinished">Sync now</translation>
    </message>
    <message>
        <source>Use another profile…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished">Close</translation>
    </message>
    <message>
        <source>The documents of this profile come from the server it is signed in to. After saving, you are signed out of the current server and asked to sign in to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the profile folder</source>
        <translation>Choose the profile folder</translation>
    </message>
    <message>
        <source>Switch profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) of this profile are not on the server yet. They stay in this profile and are sent when you open it again and sync; the other profile does not send them.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Sync first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Switch, keep them here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About eOffice</source>
        <translation>About eOffice</translation>
    </message>
    <message>
        <source>eOffice desktop client %1
Profile: %2</source>
        <translation>eOffice desktop client %1
Profile: %2</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <extracomment>checks a new server address: (the address as used, what changing to it means or None); raises the ClientError to show</extracomment>
        <translation>Settings</translation>
    </message>
    <message>
        <source>min</source>
        <translation>min</translation>
    </message>
    <message>
        <source>All files of non-secret documents</source>
        <translation>All files of non-secret documents</translation>
    </message>
    <message>
        <source>Only when I open them</source>
        <translation>Only when I open them</translation>
    </message>
    <message>
        <source>Mark a document read when I open it</source>
        <translation>Mark a document read when I open it</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>Server address</translation>
    </message>
    <message>
        <source>Sync every</source>
        <translation>Sync every</translation>
    </message>
    <message>
        <source>Download files</source>
        <translation>Download files</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>Reading</source>
        <translation>Reading</translation>
    </message>
    <message>
        <source>Extra CA certificates (PEM)</source>
        <translation>Extra CA certificates (PEM)</translation>
    </message>
    <message>
        <source>Set by your IT department</source>
        <translation>Set by your IT department</translation>
    </message>
    <message>
        <source>Greyed fields are set by your IT department.</source>
        <translation>Greyed fields are set by your IT department.</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Save and sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt)</source>
        <translation>Certificates (*.pem *.crt)</translation>
    </message>
</context>
<context>
    <name>SignBatch</name>
    <message>
        <source>Preparing the previews…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the place of the signature on each document, then sign them all with one PIN.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Sign %n document(s)…</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Choose your signature image first (a blue signature on a transparent PNG); it is kept in your profile for the next time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key for signing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop after this document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing with the certificate of %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed; queued to send.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 signed. They are sent at the next sync (offline, they wait here).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped: the others were not signed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished">Close</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished">Cancel</translation>
    </message>
    <message>
        <source>Stopping after the current document…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SignBatchDialog</name>
    <message>
        <source>Sign documents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drag the blue box to move the signature on the page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose signature image…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished">Cancel</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>Sign in to eOffice</source>
        <translation>Sign in to eOffice</translation>
    </message>
    <message>
        <source>Set by your IT department</source>
        <translation>Set by your IT department</translation>
    </message>
    <message>
        <source>Remember me on this computer</source>
        <translation>Remember me on this computer</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>Server address</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Use another profile…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Signing in…</translation>
    </message>
</context>
<context>
    <name>SignatureBadges</name>
    <message>
        <source>Signatures valid: intact and trusted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signatures intact, but a signer is not trusted on this computer (its root certificate is not in the trust store).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signature broken: the PDF was changed after it was signed, or the signature cannot be checked. Do not rely on this file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not signed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signatures not checked: the PDF is not on this computer yet.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SignerFields</name>
    <message>
        <source>Signer</source>
        <extracomment>The competences of contract section 4 with how Decree 30 prints them.</extracomment>
        <translation>Signer</translation>
    </message>
    <message>
        <source>Authority</source>
        <translation>Authority</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Full name</translation>
    </message>
    <message>
        <source>none (signs in own right)</source>
        <translation>none (signs in own right)</translation>
    </message>
    <message>
        <source>e.g. Phó Chủ tịch</source>
        <translation>e.g. Phó Chủ tịch</translation>
    </message>
    <message>
        <source>— choose a leader —</source>
        <translation>— choose a leader —</translation>
    </message>
    <message>
        <source>Someone outside the directory</source>
        <translation>Someone outside the directory</translation>
    </message>
</context>
<context>
    <name>Signing</name>
    <message>
        <source>This did not work; nothing was signed or sent. Try again; if it happens again, export a diagnostics bundle (Help menu) for IT staff.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SigningHooks</name>
    <message>
        <source>Sign…</source>
        <extracomment>The actions of the clerk&apos;s dialog: either step makes it useful.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign the selected documents with one PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number and issue…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request numbers, then seal and issue the selected signed documents</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message numerus="yes">
        <source>%n item(s) need attention</source>
        <translation>
            <numerusform>%n item needs attention</numerusform>
            <numerusform>%n items need attention</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n urgent document(s) not read yet</source>
        <translation>
            <numerusform>%n urgent document not read yet</numerusform>
            <numerusform>%n urgent documents not read yet</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n document(s) due today</source>
        <translation>
            <numerusform>%n document due today</numerusform>
            <numerusform>%n documents due today</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n document(s) overdue</source>
        <translation>
            <numerusform>%n document overdue</numerusform>
            <numerusform>%n documents overdue</numerusform>
        </translation>
    </message>
    <message>
        <source>The count in the window&apos;s title:</source>
        <translation>The count in the window&apos;s title:</translation>
    </message>
    <message>
        <source>Sending your changes</source>
        <translation>Sending your changes</translation>
    </message>
    <message>
        <source>Receiving documents</source>
        <translation>Receiving documents</translation>
    </message>
    <message>
        <source>Downloading files</source>
        <translation>Downloading files</translation>
    </message>
    <message>
        <source>Finishing</source>
        <translation>Finishing</translation>
    </message>
    <message>
        <source>%1 of %2 MB</source>
        <translation>%1 of %2 MB</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 of %2</translation>
    </message>
    <message numerus="yes">
        <source>%n received</source>
        <translation>
            <numerusform>%n received</numerusform>
            <numerusform>%n received</numerusform>
        </translation>
    </message>
    <message>
        <source>Sign in…</source>
        <translation type="unfinished">Sign in…</translation>
    </message>
    <message>
        <source>Not signed in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not synced yet</source>
        <translation>Not synced yet</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>Online</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <source>Last sync: %1</source>
        <translation>Last sync: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) waiting to sync</source>
        <translation>
            <numerusform>%n change waiting to sync</numerusform>
            <numerusform>%n changes waiting to sync</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing waiting to sync</source>
        <translation>Nothing waiting to sync</translation>
    </message>
    <message numerus="yes">
        <source>%n sync issue(s)</source>
        <translation>
            <numerusform>%n sync issue</numerusform>
            <numerusform>%n sync issues</numerusform>
        </translation>
    </message>
    <message>
        <source>Open the list of queued changes and sync issues</source>
        <translation>Open the list of queued changes and sync issues</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>SyncController</name>
    <message>
        <source>Reading the files&apos; text for search</source>
        <translation>Reading the files' text for search</translation>
    </message>
    <message>
        <source>Not signed in: nothing can be synced. Sign in first.</source>
        <extracomment>after the network comes back, wait this long before syncing (the link settles) while pages of the feed land, the list is read again at most this often</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Syncing</source>
        <translation>Syncing</translation>
    </message>
    <message>
        <source>Documents are arriving from the server…</source>
        <translation>Documents are arriving from the server…</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>Syncing…</translation>
    </message>
    <message>
        <source>The documents are here; their files follow…</source>
        <translation>The documents are here; their files follow…</translation>
    </message>
    <message>
        <source>Sync finished.</source>
        <translation>Sync finished.</translation>
    </message>
    <message numerus="yes">
        <source>%n of your changes had already been done (on another computer or on the web): marked done, nothing to send.</source>
        <translation>
            <numerusform>%n of your changes had already been done (on another computer or on the web): marked done, nothing to send.</numerusform>
            <numerusform>%n of your changes had already been done (on another computer or on the web): marked done, nothing to send.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n of your changes could not be applied on the server and need your decision: see Sync issues.</source>
        <translation>
            <numerusform>%n of your changes could not be applied on the server and needs your decision: see Sync issues.</numerusform>
            <numerusform>%n of your changes could not be applied on the server and need your decision: see Sync issues.</numerusform>
        </translation>
    </message>
    <message>
        <source>Sync cancelled.</source>
        <translation>Sync cancelled.</translation>
    </message>
    <message>
        <source>The server cannot be reached; your changes are kept and sent later.</source>
        <translation>The server cannot be reached; your changes are kept and sent later.</translation>
    </message>
    <message>
        <source>Please sign in again.</source>
        <translation>Please sign in again.</translation>
    </message>
    <message>
        <source>Drop my change</source>
        <translation>Drop my change</translation>
    </message>
    <message>
        <source>Your change will be forgotten and the server&apos;s state kept. Go on?</source>
        <translation>Your change will be forgotten and the server&apos;s state kept. Go on?</translation>
    </message>
    <message>
        <source>Sync issues</source>
        <translation>Sync issues</translation>
    </message>
</context>
<context>
    <name>SyncIssuesDialog</name>
    <message>
        <source>Sync issues</source>
        <extracomment>refusals after which the same change, applied again on the server&apos;s state, may pass</extracomment>
        <translation>Sync issues</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Document</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Queued at</source>
        <translation>Queued at</translation>
    </message>
    <message>
        <source>Queued changes and conflicts</source>
        <translation>Queued changes and conflicts</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Nothing is waiting: every change has been sent.</source>
        <translation>Nothing is waiting: every change has been sent.</translation>
    </message>
    <message>
        <source>Apply again</source>
        <translation>Apply again</translation>
    </message>
    <message>
        <source>Drop my change</source>
        <translation>Drop my change</translation>
    </message>
    <message>
        <source>Cancel this change</source>
        <translation>Cancel this change</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Waiting to sync</source>
        <translation>Waiting to sync</translation>
    </message>
    <message>
        <source>Sending</source>
        <translation>Sending</translation>
    </message>
    <message>
        <source>Waits for your decision on an earlier change</source>
        <translation>Waits for your decision on an earlier change</translation>
    </message>
    <message>
        <source>Needs your decision</source>
        <translation>Needs your decision</translation>
    </message>
    <message>
        <source>Apply again: your change is made on the document as it is on the server now. Or drop it if it is no longer needed.</source>
        <translation>Apply again: your change is made on the document as it is on the server now. Or drop it if it is no longer needed.</translation>
    </message>
    <message>
        <source>Your change cannot be made as things stand: drop it (the document stays as it is on the server), then act again if needed.</source>
        <translation>Your change cannot be made as things stand: drop it (the document stays as it is on the server), then act again if needed.</translation>
    </message>
    <message>
        <source>Someone changed the document on the server after you made your change here.</source>
        <translation>Someone changed the document on the server after you made your change here.</translation>
    </message>
    <message>
        <source>Waiting on</source>
        <translation>Waiting on</translation>
    </message>
    <message>
        <source>Last changed</source>
        <translation>Last changed</translation>
    </message>
    <message>
        <source>Your action</source>
        <translation>Your action</translation>
    </message>
    <message>
        <source>Server answer</source>
        <translation>Server answer</translation>
    </message>
    <message>
        <source>Your copy</source>
        <translation>Your copy</translation>
    </message>
    <message>
        <source>On the server</source>
        <translation>On the server</translation>
    </message>
    <message>
        <source>What you can do</source>
        <translation>What you can do</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>Send to</source>
        <translation>Send to</translation>
    </message>
    <message>
        <source>Register</source>
        <translation>Register</translation>
    </message>
    <message>
        <source>Directive</source>
        <translation>Directive</translation>
    </message>
    <message>
        <source>File</source>
        <translation>File</translation>
    </message>
    <message numerus="yes">
        <source>%n assignment(s)</source>
        <translation>
            <numerusform>%n assignment</numerusform>
            <numerusform>%n assignments</numerusform>
        </translation>
    </message>
    <message>
        <source>The document&apos;s status no longer allows this.</source>
        <translation>The document&apos;s status no longer allows this.</translation>
    </message>
    <message>
        <source>You may no longer do this.</source>
        <translation>You may no longer do this.</translation>
    </message>
    <message>
        <source>The document is gone or no longer visible to you.</source>
        <translation>The document is gone or no longer visible to you.</translation>
    </message>
    <message>
        <source>The server found a value it does not accept.</source>
        <translation>The server found a value it does not accept.</translation>
    </message>
    <message>
        <source>The document was removed on the server.</source>
        <translation>The document was removed on the server.</translation>
    </message>
    <message>
        <source>Not sent yet: the server&apos;s copy is known after the next sync.</source>
        <translation>Not sent yet: the server&apos;s copy is known after the next sync.</translation>
    </message>
    <message>
        <source>(not available)</source>
        <translation>(not available)</translation>
    </message>
    <message>
        <source>Number/notation</source>
        <translation>Number/notation</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Due</translation>
    </message>
</context>
<context>
    <name>Tray</name>
    <message>
        <source>Open eOffice</source>
        <translation>Open eOffice</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Sync now</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>New urgent documents</source>
        <translation>New urgent documents</translation>
    </message>
    <message numerus="yes">
        <source>%n new urgent document(s) arrived.</source>
        <translation>
            <numerusform>%n new urgent document arrived.</numerusform>
            <numerusform>%n new urgent documents arrived.</numerusform>
        </translation>
    </message>
    <message>
        <source>Deadlines</source>
        <translation>Deadlines</translation>
    </message>
    <message numerus="yes">
        <source>%n document(s) due today</source>
        <translation>
            <numerusform>%n document due today</numerusform>
            <numerusform>%n documents due today</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n document(s) overdue</source>
        <translation>
            <numerusform>%n document overdue</numerusform>
            <numerusform>%n documents overdue</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) need attention</source>
        <translation>
            <numerusform>%n item need attention</numerusform>
            <numerusform>%n items need attention</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WindowCommands</name>
    <message>
        <source>Export diagnostics bundle…</source>
        <extracomment>the text colour of every widget (disabled texts keep the style&apos;s lighter colour) the window&apos;s log file rotates at this size, keeping this many older files</extracomment>
        <translation>Export diagnostics bundle…</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Sync now</translation>
    </message>
    <message>
        <source>Sync now (F5)</source>
        <translation>Sync now (F5)</translation>
    </message>
    <message>
        <source>Register paper document</source>
        <translation>Register paper document</translation>
    </message>
    <message>
        <source>Print the document</source>
        <translation>Print the document</translation>
    </message>
    <message>
        <source>Print the processing slip</source>
        <translation>Print the processing slip</translation>
    </message>
    <message>
        <source>Print the list</source>
        <translation>Print the list</translation>
    </message>
    <message>
        <source>Sync issues</source>
        <translation>Sync issues</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>Settings…</translation>
    </message>
    <message>
        <source>Sign in…</source>
        <translation>Sign in…</translation>
    </message>
    <message>
        <source>Sign out…</source>
        <translation>Sign out…</translation>
    </message>
    <message>
        <source>Switch profile…</source>
        <translation>Switch profile…</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>About eOffice</source>
        <translation>About eOffice</translation>
    </message>
    <message>
        <source>Filters</source>
        <translation>Filters</translation>
    </message>
    <message>
        <source>Reading layout</source>
        <translation>Reading layout</translation>
    </message>
    <message>
        <source>Show the document in the whole window, for reading (F11; Esc goes back; Alt+Down and Alt+Up: the next and the previous document)</source>
        <translation>Show the document in the whole window, for reading (F11; Esc goes back; Alt+Down and Alt+Up: the next and the previous document)</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Cancel changes not yet sent…</source>
        <translation>Cancel changes not yet sent…</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;Document</source>
        <translation>&amp;Document</translation>
    </message>
    <message>
        <source>&amp;Sync</source>
        <translation>&amp;Sync</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>&amp;Tools</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>Compose document</source>
        <translation>Compose document</translation>
    </message>
    <message>
        <source>Compose a new outgoing or internal document</source>
        <translation>Compose a new outgoing or internal document</translation>
    </message>
    <message>
        <source>Open draft</source>
        <translation>Open draft</translation>
    </message>
</context>
<context>
    <name>AdminParts</name>
    <message>
        <source>Audit trail…</source>
        <translation>Audit trail…</translation>
    </message>
    <message>
        <source>What was done on this computer, and whether the record is intact</source>
        <translation>What was done on this computer, and whether the record is intact</translation>
    </message>
</context>
<context>
    <name>AuditModel</name>
    <message>
        <source>Time (Vietnam)</source>
        <translation>Time (Vietnam)</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Document</translation>
    </message>
    <message>
        <source>User</source>
        <translation>User</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>Entry %1, %2 UTC</source>
        <translation>Entry %1, %2 UTC</translation>
    </message>
</context>
<context>
    <name>AuditViewer</name>
    <message>
        <source>(no longer in this computer&apos;s cache)</source>
        <translation>(no longer in this computer&apos;s cache)</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>Queued</translation>
    </message>
    <message>
        <source>Sent to the server</source>
        <translation>Sent to the server</translation>
    </message>
    <message>
        <source>Accepted by the server</source>
        <translation>Accepted by the server</translation>
    </message>
    <message>
        <source>Refused by the server</source>
        <translation>Refused by the server</translation>
    </message>
    <message>
        <source>Conflict with the server</source>
        <translation>Conflict with the server</translation>
    </message>
    <message>
        <source>Dropped</source>
        <translation>Dropped</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <source>Tried again</source>
        <translation>Tried again</translation>
    </message>
    <message>
        <source>Signed</source>
        <translation>Signed</translation>
    </message>
    <message>
        <source>Signing failed</source>
        <translation>Signing failed</translation>
    </message>
    <message>
        <source>Exported</source>
        <translation>Exported</translation>
    </message>
    <message>
        <source>Printed</source>
        <translation>Printed</translation>
    </message>
    <message>
        <source>Downloaded</source>
        <translation>Downloaded</translation>
    </message>
    <message>
        <source>Signed in</source>
        <translation>Signed in</translation>
    </message>
    <message>
        <source>Signed out</source>
        <translation>Signed out</translation>
    </message>
    <message>
        <source>Cached data deleted</source>
        <translation>Cached data deleted</translation>
    </message>
    <message>
        <source>Cache encrypted</source>
        <translation>Cache encrypted</translation>
    </message>
    <message>
        <source>Cache key lost</source>
        <translation>Cache key lost</translation>
    </message>
    <message>
        <source>Cache set aside</source>
        <translation>Cache set aside</translation>
    </message>
    <message>
        <source>Trail started again</source>
        <translation>Trail started again</translation>
    </message>
    <message>
        <source>diagnostics bundle</source>
        <translation>diagnostics bundle</translation>
    </message>
    <message>
        <source>Word file</source>
        <translation>Word file</translation>
    </message>
    <message>
        <source>edXML package</source>
        <translation>edXML package</translation>
    </message>
    <message>
        <source>edXML status message</source>
        <translation>edXML status message</translation>
    </message>
    <message>
        <source>file</source>
        <translation>file</translation>
    </message>
    <message>
        <source>file opened in another program</source>
        <translation>file opened in another program</translation>
    </message>
    <message>
        <source>register</source>
        <translation>register</translation>
    </message>
    <message>
        <source>report</source>
        <translation>report</translation>
    </message>
    <message>
        <source>Not done</source>
        <translation>Not done</translation>
    </message>
    <message>
        <source>Waiting to be sent</source>
        <translation>Waiting to be sent</translation>
    </message>
    <message>
        <source>Attempt %1</source>
        <translation>Attempt %1</translation>
    </message>
    <message>
        <source>Done here; the server could not be told</source>
        <translation>Done here; the server could not be told</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>Audit trail</source>
        <translation>Audit trail</translation>
    </message>
    <message>
        <source>Filter by text (action, document, user…)</source>
        <translation>Filter by text (action, document, user…)</translation>
    </message>
    <message>
        <source>Read again</source>
        <translation>Read again</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Reading and checking the audit trail…</source>
        <translation>Reading and checking the audit trail…</translation>
    </message>
    <message>
        <source>The profile is still opening; try again in a moment.</source>
        <translation>The profile is still opening; try again in a moment.</translation>
    </message>
    <message>
        <source>Reading the audit trail…</source>
        <translation>Reading the audit trail…</translation>
    </message>
    <message>
        <source>The audit trail could not be read: %1</source>
        <translation>The audit trail could not be read: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n entry(ies) shown</source>
        <translation>
            <numerusform>%n entry shown</numerusform>
            <numerusform>%n entries shown</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>IdleLock</name>
    <message>
        <source>eOffice is locked</source>
        <translation>eOffice is locked</translation>
    </message>
    <message>
        <source>Checking the password…</source>
        <translation>Checking the password…</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <source>eOffice is locked</source>
        <translation>eOffice is locked</translation>
    </message>
    <message numerus="yes">
        <source>Nobody used eOffice for %n minute(s), so your organisation&apos;s policy locked it. Type the password of %1 to go on where you left off.</source>
        <translation>
            <numerusform>Nobody used eOffice for %n minute, so your organisation&apos;s policy locked it. Type the password of %1 to go on where you left off.</numerusform>
            <numerusform>Nobody used eOffice for %n minutes, so your organisation&apos;s policy locked it. Type the password of %1 to go on where you left off.</numerusform>
        </translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Sign out</translation>
    </message>
    <message>
        <source>Type your password.</source>
        <translation>Type your password.</translation>
    </message>
    <message>
        <source>The password could not be checked: %1 You may also sign out.</source>
        <translation>The password could not be checked: %1 You may also sign out.</translation>
    </message>
    <message>
        <source>That is not the password of this account. Try again.</source>
        <translation>That is not the password of this account. Try again.</translation>
    </message>
</context>
<context>
    <name>UpdateNoticeBar</name>
    <message>
        <source>Checking for a newer eOffice…</source>
        <translation>Checking for a newer eOffice…</translation>
    </message>
    <message>
        <source>Version %1 can be downloaded by IT staff from %2.</source>
        <translation>Version %1 can be downloaded by IT staff from %2.</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>Hide</translation>
    </message>
    <message>
        <source>Hide this notice until the next version</source>
        <translation>Hide this notice until the next version</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <source>Dashboard</source>
        <translation>Dashboard</translation>
    </message>
    <message>
        <source>What is unread, waiting for signature, to be processed, overdue and due soon (Ctrl+Shift+D)</source>
        <translation>What is unread, waiting for signature, to be processed, overdue and due soon (Ctrl+Shift+D)</translation>
    </message>
    <message>
        <source>Not assigned to a unit</source>
        <translation>Not assigned to a unit</translation>
    </message>
    <message>
        <source>Unit: %1</source>
        <translation>Unit: %1</translation>
    </message>
    <message>
        <source>Unread only</source>
        <translation>Unread only</translation>
    </message>
    <message>
        <source>%1 days or more</source>
        <translation>%1 days or more</translation>
    </message>
    <message>
        <source>%1–%2 days</source>
        <translation>%1–%2 days</translation>
    </message>
    <message>
        <source>Waiting on a leader: %1</source>
        <translation>Waiting on a leader: %1</translation>
    </message>
    <message>
        <source>Due: %1–%2</source>
        <translation>Due: %1–%2</translation>
    </message>
    <message>
        <source>Due from %1</source>
        <translation>Due from %1</translation>
    </message>
    <message>
        <source>Due by %1</source>
        <translation>Due by %1</translation>
    </message>
</context>
<context>
    <name>WindowFeatures</name>
    <message>
        <source>Export register or report…</source>
        <translation>Export register or report…</translation>
    </message>
    <message>
        <source>Import edXML…</source>
        <translation>Import edXML…</translation>
    </message>
    <message>
        <source>Export as edXML…</source>
        <translation>Export as edXML…</translation>
    </message>
    <message>
        <source>Status message (edXML)…</source>
        <translation>Status message (edXML)…</translation>
    </message>
</context>
<context>
    <name>NarrowingChip</name>
    <message>
        <source>Show the whole box again</source>
        <translation>Show the whole box again</translation>
    </message>
</context>
</TS>
