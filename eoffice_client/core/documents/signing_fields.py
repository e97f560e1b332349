"""The number and date of an outgoing document, filled in after the leader signs.

A draft prints "Số:    /QĐ-UBND" and "Lạng Sơn, ngày    tháng    năm 2026": only the
number, the day and the month are missing. Before the leader's certification signature
(DocMDP 2: form filling and signing allowed) three empty text fields are put exactly on
those gaps (:func:`add_number_date_fields`, boxes from ``pdf_places``); after the server
numbers the document, the clerk's step writes into them only what is missing
(:func:`fill_number_and_date`): the number right-aligned against its "/", the day and the
month centred in their gaps, in the page's own font, size and style. The filled page
then reads "Số: 05/QĐ-UBND" and "Lạng Sơn, ngày 05 tháng 02 năm 2026" once, with
nothing printed over the signed text. The texts follow Decree 30 (``core/domain``).

Each field says how it is to be filled: ``/DA`` names the font (``/TiRo`` upright,
``/TiIt`` italic) and its size, ``/Q`` the alignment (1 centred, 2 right); the widget's
box spans its line from ``pdf_places.DESCENT`` below the baseline to ``ASCENT`` above.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import unicodedata
from dataclasses import dataclass

from eoffice_client.core.documents.font_metrics import face
from eoffice_client.core.documents.pdf_box import PdfBox
from eoffice_client.core.documents.pdf_places import DESCENT, NumberDatePlaces
from eoffice_client.core.documents.signing_appearance import text_box_style
from eoffice_client.core.documents.signing_errors import SigningError
from eoffice_client.core.domain.dates import decree30_date_text, decree30_day, decree30_month
from eoffice_client.core.domain.numbering import NotationError, format_number

NUMBER_FIELD = "so_van_ban"
DAY_FIELD = "ngay_ban_hanh_ngay"
MONTH_FIELD = "ngay_ban_hanh_thang"
FIELD_NAMES = (NUMBER_FIELD, DAY_FIELD, MONTH_FIELD)
#: Font resource names of the fields' /DA: the standard Times faces, so that a viewer that
#: redraws a field draws digits like the page's; the filled appearance embeds Liberation
#: Serif (Times New Roman's metrics).
UPRIGHT_FONT, ITALIC_FONT = "TiRo", "TiIt"
QUADDING_CENTRE, QUADDING_RIGHT = 1, 2
#: Room left between the number and the "/" it is right-aligned to.
NUMBER_RIGHT_GAP_PT = 0.1
_DA = re.compile(r"/(\w+)\s+([\d.]+)\s+Tf")


@dataclass(frozen=True)
class NumberAndDate:
    """What the server's ``number`` gives: code_number, code_notation, issued_date."""

    number: int
    notation: str
    issued: dt.date

    def code_text(self) -> str:
        """``05/QĐ-UBND`` (the number alone when the notation is not known)."""
        digits = _number_digits(self.number)
        return f"{digits}/{self.notation}" if self.notation else digits

    def date_text(self) -> str:
        return decree30_date_text(self.issued)

    def field_texts(self) -> dict[str, str]:
        """What goes into each gap: "05", "05" and "02"."""
        return {NUMBER_FIELD: _number_digits(self.number),
                DAY_FIELD: decree30_day(self.issued.day),
                MONTH_FIELD: decree30_month(self.issued.month)}


def _number_digits(number: int) -> str:
    try:
        return format_number(number)
    except NotationError:
        raise SigningError("signing.bad_number", number=str(number)) from None


@dataclass(frozen=True)
class _FieldPlan:
    name: str
    box: PdfBox
    font: str
    size: float
    quadding: int


def _plans(places: NumberDatePlaces) -> list[_FieldPlan]:
    date_font = ITALIC_FONT if places.date_italic else UPRIGHT_FONT
    return [
        _FieldPlan(NUMBER_FIELD, places.number, UPRIGHT_FONT, places.number_size,
                   QUADDING_RIGHT),
        _FieldPlan(DAY_FIELD, places.day, date_font, places.date_size, QUADDING_CENTRE),
        _FieldPlan(MONTH_FIELD, places.month, date_font, places.date_size, QUADDING_CENTRE),
    ]


def _widget_rect(plan: _FieldPlan) -> tuple[float, float, float, float]:
    """The gap's box with a whole-point width and height (pyHanko draws the appearance
    in a box of whole points; a fractional rect would stretch it), kept against the edge
    the text is aligned to (the "/" for the number, the centre for the day and month)."""
    box = plan.box
    x1, y1, x2, y2 = box.x1, box.y1, box.x2, box.y2
    width, height = float(math.floor(x2 - x1)), float(math.ceil(y2 - y1))
    if plan.quadding == QUADDING_RIGHT:
        x1 = x2 - width
    else:
        middle = (x1 + x2) / 2
        x1, x2 = middle - width / 2, middle + width / 2
    return round(x1, 3), round(y1, 3), round(x1 + width, 3), round(y1 + height, 3)


def _field_dict(plan: _FieldPlan, page_ref):  # type: ignore[no-untyped-def]
    from pyhanko.pdf_utils import generic
    from pyhanko.pdf_utils.generic import pdf_name

    corners = _widget_rect(plan)
    return generic.DictionaryObject({
        pdf_name("/FT"): pdf_name("/Tx"),
        pdf_name("/T"): generic.TextStringObject(plan.name),
        pdf_name("/Type"): pdf_name("/Annot"),
        pdf_name("/Subtype"): pdf_name("/Widget"),
        pdf_name("/F"): generic.NumberObject(4),  # print
        pdf_name("/P"): page_ref,
        pdf_name("/Rect"): generic.ArrayObject([generic.FloatObject(v) for v in corners]),
        pdf_name("/DA"): generic.pdf_string(f"/{plan.font} {plan.size:g} Tf 0 g"),
        pdf_name("/Q"): generic.NumberObject(plan.quadding),
    })


def _standard_font(base: str):  # type: ignore[no-untyped-def]
    from pyhanko.pdf_utils import generic
    from pyhanko.pdf_utils.generic import pdf_name

    return generic.DictionaryObject({
        pdf_name("/Type"): pdf_name("/Font"), pdf_name("/Subtype"): pdf_name("/Type1"),
        pdf_name("/BaseFont"): pdf_name(base), pdf_name("/Encoding"): pdf_name(
            "/WinAnsiEncoding")})


def _acroform(writer):
    """The document's AcroForm (made when missing) with our two fonts in its /DR."""
    from pyhanko.pdf_utils import generic
    from pyhanko.pdf_utils.generic import pdf_name

    root = writer.root
    if "/AcroForm" not in root:
        root[pdf_name("/AcroForm")] = writer.add_object(generic.DictionaryObject())
        writer.update_root()
    form = root["/AcroForm"]
    if "/Fields" not in form:
        form[pdf_name("/Fields")] = generic.ArrayObject()
    if "/DR" not in form:
        form[pdf_name("/DR")] = generic.DictionaryObject()
    resources = form["/DR"]
    if "/Font" not in resources:
        resources[pdf_name("/Font")] = generic.DictionaryObject()
    fonts = resources["/Font"]
    for name, base in ((UPRIGHT_FONT, "/Times-Roman"), (ITALIC_FONT, "/Times-Italic")):
        if pdf_name("/" + name) not in fonts:
            fonts[pdf_name("/" + name)] = writer.add_object(_standard_font(base))
    for container in (fonts, resources, form):
        writer.update_container(container)
    return form


def field_names(reader) -> set[str]:  # type: ignore[no-untyped-def]
    """The names of the top-level form fields of ``reader`` (a pyHanko reader or writer)."""
    try:
        fields = reader.root["/AcroForm"]["/Fields"]
    except KeyError:
        return set()
    return {str(ref.get_object().get("/T", "")) for ref in fields}


def has_number_date_fields(reader) -> bool:  # type: ignore[no-untyped-def]
    return set(FIELD_NAMES) <= field_names(reader)


def add_number_date_fields(writer, places: NumberDatePlaces) -> None:  # type: ignore[no-untyped-def]
    """Add the three empty text fields at ``places`` to ``writer`` (an
    IncrementalPdfFileWriter); fields already there are kept as they are."""
    from pyhanko.pdf_utils import generic
    from pyhanko.pdf_utils.generic import pdf_name

    present = field_names(writer)
    plans = [plan for plan in _plans(places) if plan.name not in present]
    if not plans:
        return
    form = _acroform(writer)
    fields = form["/Fields"]
    for plan in plans:
        page_ref, _resources = writer.find_page_for_modification(plan.box.page)
        field_ref = writer.add_object(_field_dict(plan, page_ref))
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


def check_fits_page(places: NumberDatePlaces, values: NumberAndDate, source_name: str) -> None:
    """The notation and the year the leader signed must be the server's: the fill only
    writes the number, the day and the month (a SigningError naming both otherwise)."""
    printed, given = _nfc(places.notation), _nfc(values.notation)
    if printed and given and printed != given:
        raise SigningError("signing.notation_differs", path=source_name, printed=printed,
                           given=given)
    if places.year is not None and places.year != values.issued.year:
        raise SigningError("signing.year_differs", path=source_name, printed=places.year,
                           given=values.issued.isoformat())


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", " ".join(text.split()))


def _field_style(field, widget, text: str):  # type: ignore[no-untyped-def]
    """The style the field's /DA and /Q ask for: the page's font and size, the text placed
    by its own advance widths (right against the "/", or centred) and its baseline where
    the page's is (the widget's bottom is DESCENT x size below it)."""
    from pyhanko.pdf_utils import layout

    found = _DA.search(str(field.get("/DA", "")))
    font, size = (found.group(1), float(found.group(2))) if found else (UPRIGHT_FONT, 13.0)
    italic = font == ITALIC_FONT
    rect = [float(v) for v in widget["/Rect"]]
    room = abs(rect[2] - rect[0]) - face(italic=italic).width_pt(text, round(size))
    quadding = int(field.get("/Q", 0))
    left = {QUADDING_CENTRE: room / 2, QUADDING_RIGHT: room - NUMBER_RIGHT_GAP_PT}.get(
        quadding, 0.0)
    # pyHanko annotates Margins as int; its layout arithmetic takes fractions of a point
    margins = layout.Margins(left=round(max(left, 0.0), 3), right=0, top=0,  # type: ignore[arg-type]
                             bottom=round(DESCENT * size, 3))  # type: ignore[arg-type]
    rule = layout.SimpleBoxLayoutRule(
        x_align=layout.AxisAlignment.ALIGN_MIN, y_align=layout.AxisAlignment.ALIGN_MIN,
        margins=margins,
        inner_content_scaling=layout.InnerScaling.NO_SCALING)
    return text_box_style(round(size), rule, "Italic" if italic else "Regular")


def _find_field(writer, name: str):  # type: ignore[no-untyped-def]
    try:
        fields = writer.root["/AcroForm"]["/Fields"]
    except KeyError:
        return None
    for ref in fields:
        field = ref.get_object()
        if str(field.get("/T", "")) == name:
            return field
    return None


def fill_number_and_date(writer, values: NumberAndDate,  # type: ignore[no-untyped-def]
                         source_name: str) -> None:
    """Fill the three fields (their value and an appearance in the page's style)."""
    from pyhanko.pdf_utils.form_tools import get_single_field_annot, populate_static_text_field
    from pyhanko.pdf_utils.misc import FormFillingError

    for name, text in values.field_texts().items():
        field = _find_field(writer, name)
        if field is None:
            raise SigningError("signing.field_missing", path=source_name, field=name)
        if "/V" in field:
            raise SigningError("signing.field_already_filled", path=source_name, field=name)
        style = _field_style(field, get_single_field_annot(field), text)
        try:
            populate_static_text_field(writer, name, style, text)
        except FormFillingError:
            raise SigningError("signing.field_missing", path=source_name, field=name) from None
