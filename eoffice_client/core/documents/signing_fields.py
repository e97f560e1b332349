"""The number and date of an outgoing document, filled in after the leader signs.

Before the leader's certification signature (DocMDP 2: form filling and signing
allowed), two empty text fields are added where "Số:" and the date go; after the server
numbers the document, the clerk's step fills them (an allowed change) and then applies
the organisation's signature. Texts follow Decree 30 (Phụ lục I): numbers below 10 get a
leading zero ("05/QĐ-UBND"); days below 10 and the months 1 and 2 get a leading zero
("ngày 05 tháng 02 năm 2026", but "ngày 15 tháng 3 năm 2026").
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Protocol

from eoffice_client.core.documents.signing_appearance import text_box_style
from eoffice_client.core.documents.signing_errors import SigningError

NUMBER_FIELD = "so_van_ban"
DATE_FIELD = "ngay_ban_hanh"
FIELD_FONT_SIZE = 13  # the body size of Decree-30 documents (13-14 pt)


class BoxLike(Protocol):
    """Any box with a 0-based ``page`` and PDF-point corners (e.g. signing_place.PdfBox)."""

    @property
    def page(self) -> int: ...
    @property
    def x1(self) -> float: ...
    @property
    def y1(self) -> float: ...
    @property
    def x2(self) -> float: ...
    @property
    def y2(self) -> float: ...


@dataclass(frozen=True)
class NumberAndDate:
    """What the server's ``number`` gives: code_number, code_notation, issued_date."""

    number: int
    notation: str
    issued: dt.date

    def number_text(self) -> str:
        return document_number_text(self.number, self.notation)

    def date_text(self) -> str:
        return decree30_date_text(self.issued)


def document_number_text(number: int, notation: str) -> str:
    """"05/QĐ-UBND": a leading zero below 10, then "/" and the notation (if any)."""
    if number < 1:
        raise SigningError("signing.bad_number", number=str(number))
    digits = f"{number:02d}"
    return f"{digits}/{notation}" if notation else digits


def decree30_date_text(day: dt.date) -> str:
    month = f"{day.month:02d}" if day.month < 3 else str(day.month)
    return f"ngày {day.day:02d} tháng {month} năm {day.year}"


def _field_dict(name: str, box: BoxLike, page_ref):  # type: ignore[no-untyped-def]
    from pyhanko.pdf_utils import generic
    from pyhanko.pdf_utils.generic import pdf_name

    return generic.DictionaryObject({
        pdf_name("/FT"): pdf_name("/Tx"),
        pdf_name("/T"): generic.TextStringObject(name),
        pdf_name("/Type"): pdf_name("/Annot"),
        pdf_name("/Subtype"): pdf_name("/Widget"),
        pdf_name("/F"): generic.NumberObject(4),  # print
        pdf_name("/P"): page_ref,
        pdf_name("/Rect"): generic.ArrayObject(
            [generic.FloatObject(v) for v in (box.x1, box.y1, box.x2, box.y2)]),
        pdf_name("/DA"): generic.pdf_string("/Helv 0 Tf 0 g"),
    })


def _acroform(writer):
    from pyhanko.pdf_utils import generic
    from pyhanko.pdf_utils.generic import pdf_name

    root = writer.root
    if "/AcroForm" in root:
        form = root["/AcroForm"]
        if "/Fields" not in form:
            form[pdf_name("/Fields")] = generic.ArrayObject()
        writer.update_container(form)
        return form
    helv = generic.DictionaryObject({
        pdf_name("/Type"): pdf_name("/Font"), pdf_name("/Subtype"): pdf_name("/Type1"),
        pdf_name("/BaseFont"): pdf_name("/Helvetica")})
    form = generic.DictionaryObject({
        pdf_name("/Fields"): generic.ArrayObject(),
        pdf_name("/DR"): generic.DictionaryObject({pdf_name("/Font"): generic.DictionaryObject(
            {pdf_name("/Helv"): writer.add_object(helv)})}),
    })
    root[pdf_name("/AcroForm")] = writer.add_object(form)
    writer.update_root()
    return form


def add_number_date_fields(writer, number_box: BoxLike,  # type: ignore[no-untyped-def]
                           date_box: BoxLike) -> None:
    """Add the empty ``so_van_ban`` and ``ngay_ban_hanh`` text fields to ``writer`` (an
    IncrementalPdfFileWriter), before the leader's signature in the same update."""
    from pyhanko.pdf_utils import generic
    from pyhanko.pdf_utils.generic import pdf_name

    form = _acroform(writer)
    fields = form["/Fields"]
    for name, box in ((NUMBER_FIELD, number_box), (DATE_FIELD, date_box)):
        page_ref, _resources = writer.find_page_for_modification(box.page)
        field_ref = writer.add_object(_field_dict(name, box, page_ref))
        page = page_ref.get_object()
        annots = page.get("/Annots")
        if annots is None:
            page[pdf_name("/Annots")] = generic.ArrayObject([field_ref])
        else:
            annots.get_object().append(field_ref)
            if isinstance(page.raw_get("/Annots"), generic.IndirectObject):
                writer.update_container(annots)
        writer.update_container(page)
        fields.append(field_ref)
    writer.update_container(fields)


def field_style():
    from pyhanko.pdf_utils import layout

    return text_box_style(FIELD_FONT_SIZE, layout.SimpleBoxLayoutRule(
        x_align=layout.AxisAlignment.ALIGN_MIN, y_align=layout.AxisAlignment.ALIGN_MID,
        margins=layout.Margins.uniform(0),
        inner_content_scaling=layout.InnerScaling.SHRINK_TO_FIT))


def fill_number_and_date(writer, values: NumberAndDate,  # type: ignore[no-untyped-def]
                         source_name: str) -> None:
    """Fill both fields (their value and a Vietnamese-capable appearance) in ``writer``."""
    from pyhanko.pdf_utils.form_tools import populate_static_text_field
    from pyhanko.pdf_utils.misc import FormFillingError

    style = field_style()
    for name, text in ((NUMBER_FIELD, values.number_text()), (DATE_FIELD, values.date_text())):
        try:
            populate_static_text_field(writer, name, style, text)
        except FormFillingError:
            key = ("signing.field_already_filled" if _field_has_value(writer, name)
                   else "signing.field_missing")
            raise SigningError(key, path=source_name, field=name) from None


def _field_has_value(writer, name: str) -> bool:  # type: ignore[no-untyped-def]
    try:
        fields = writer.root["/AcroForm"]["/Fields"]
    except KeyError:
        return False
    for ref in fields:
        field = ref.get_object()
        if str(field.get("/T", "")) == name:
            return "/V" in field
    return False
