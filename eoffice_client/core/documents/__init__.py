"""Drafting outgoing documents and handling their PDFs (no Qt).

- ``content``: :class:`DraftContent` (what is printed) and its texts (number, date, lists).
- ``from_document``: :func:`draft_from_document` (a contract Document + the directory ->
  DraftContent, pure) and :func:`parse_body` (body text -> paragraphs or căn cứ/articles).
- ``docx_render``: :func:`render_docx` / :func:`render_docx_bytes` (Decree-30 .docx).
- ``convert``: :func:`convert_to_pdf` (LibreOffice or Word), :func:`find_converter`.
- ``pdf_places``: :func:`find_number_and_date_places` (the gaps of the number, the day
  and the month, with the printed notation and year, for the signing step).
- ``signing_fields``: the three number and date fields on those gaps, and their fill;
  ``signing_prepare``: :func:`add_fields_to_pdf` (a draft PDF made ready for approval).
- ``pdf_read``: :func:`page_count`, :func:`extract_text`, :func:`open_pdf`.
- ``pdf_merge``: :func:`merge_pdfs`, :func:`join_scans` (JPEG/PNG pages via Pillow).
- ``render``: :func:`render_document` (Document -> .docx [+ PDF] in one call),
  :func:`organization_from_info`, :func:`read_body_file`.
- ``errors``: DocumentFileError, ConverterMissingError, ConversionError (exit 9).

The modules are imported one by one (python-docx, pypdf and Pillow load only when used).
"""
