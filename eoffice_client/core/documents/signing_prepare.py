"""A drafted PDF made ready for the leader: the empty number and date fields put on the
gaps of "Số:    /…" and "ngày    tháng    năm …" before anybody signs it."""

from __future__ import annotations

import io
from pathlib import Path

from eoffice_client.core.documents.pdf_places import NumberDatePlaces, find_number_and_date_places
from eoffice_client.core.documents.signing import (
    open_incremental_writer,
    read_pdf_input,
    write_atomically,
)
from eoffice_client.core.documents.signing_fields import add_number_date_fields


def add_fields_to_pdf(source: Path, target: Path,
                      places: NumberDatePlaces | None = None) -> NumberDatePlaces:
    """Writes ``source`` with the three empty fields to ``target`` (an incremental update;
    the page content is untouched). The places are found on the page unless given: a
    DocumentFileError (9) names what is missing; a BrokenPdfError (8) a PDF that cannot
    be read. ``target`` is written only when all went well."""
    found = places or find_number_and_date_places(Path(source))
    data = read_pdf_input(Path(source))
    writer = open_incremental_writer(data, Path(source))
    add_number_date_fields(writer, found)
    out = io.BytesIO()
    writer.write(out)
    write_atomically(Path(target), out.getvalue())
    return found


def has_fields(path: Path) -> bool:
    """Whether the PDF at ``path`` carries the number and date fields already."""
    from eoffice_client.core.documents.signing_fields import has_number_date_fields

    writer = open_incremental_writer(read_pdf_input(Path(path)), Path(path))
    return bool(has_number_date_fields(writer.prev))
