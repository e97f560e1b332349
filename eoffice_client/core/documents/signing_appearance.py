"""How signatures look (Decree 30, Phụ lục I): pyHanko stamp styles for the leader's
image, the organisation's seal, and the text-only signature of attachments.

The main document's signatures are images only; "Ký bởi / Ngày ký" text beside an image
is an option (off by default) since some tools print it. Texts use Liberation Serif
(metric-compatible with Times New Roman, with Vietnamese glyphs) shipped in resources/.
"""

from __future__ import annotations

import datetime as dt
import enum
from pathlib import Path

from eoffice_client import paths
from eoffice_client.core.documents.signing_errors import SigningError

VIETNAM_TZ = dt.timezone(dt.timedelta(hours=7))
TEXT_FONT_SIZE = 10


class SignatureRole(enum.Enum):
    LEADER = "leader"  # the competent person (ô 7c): blue signature image
    ORGANISATION = "organisation"  # the clerk at issue time (ô 8a): red seal image
    ATTACHMENT = "attachment"  # the organisation on a separate attachment (ô 8b): text
    PLAIN = "plain"  # any other signature: invisible unless a box or image is given


def serif_font_path(style: str = "Regular") -> Path:
    return paths.resources_dir() / "fonts" / f"LiberationSerif-{style}.ttf"


def vietnam_time(moment: dt.datetime) -> dt.datetime:
    return moment.astimezone(VIETNAM_TZ)


def iso_vietnam(moment: dt.datetime) -> str:
    """ISO 8601 to the second with +07:00, as Phụ lục I asks for attachments."""
    return vietnam_time(moment).replace(microsecond=0).isoformat()


def _tight():
    from pyhanko.pdf_utils import layout

    return layout.SimpleBoxLayoutRule(
        x_align=layout.AxisAlignment.ALIGN_MIN, y_align=layout.AxisAlignment.ALIGN_MIN,
        margins=layout.Margins.uniform(0), inner_content_scaling=layout.InnerScaling.NO_SCALING)


def text_box_style(size: int = TEXT_FONT_SIZE, layout_rule=None,  # type: ignore[no-untyped-def]
                   font_style: str = "Regular"):
    """Liberation Serif (``font_style``: Regular, Italic, Bold, BoldItalic) at ``size`` pt,
    no inner margin (pyHanko's default is 10 pt)."""
    from pyhanko.pdf_utils.text import TextBoxStyle

    from eoffice_client.core.documents.signing_fonts import EmbeddedFontFactory

    font = EmbeddedFontFactory(str(serif_font_path(font_style)), font_size=size)
    return TextBoxStyle(font=font,
                        font_size=size, leading=size + 2,
                        box_layout_rule=layout_rule or _tight())


def _fit(image_size: tuple[int, int], width: float, height: float) -> tuple[float, float]:
    """The image's size scaled into width x height, aspect kept, rounded to 1/100 pt so
    that the layout arithmetic stays exact (no 1e-15 offsets in the content stream)."""
    img_w, img_h = image_size
    scale = min(width / img_w, height / img_h)
    fitted_w, fitted_h = round(img_w * scale, 2), round(img_h * scale, 2)
    return min(fitted_w, round(width, 2)), min(fitted_h, round(height, 2))


def _image(path: Path, width: float, height: float):  # type: ignore[no-untyped-def]
    from PIL import Image, UnidentifiedImageError
    from pyhanko.pdf_utils import layout
    from pyhanko.pdf_utils.images import PdfImage

    try:
        with Image.open(path) as img:
            img.load()
            picture = img.copy()
    except (OSError, UnidentifiedImageError) as exc:
        raise SigningError("signing.image_unreadable", path=str(path),
                           detail=type(exc).__name__) from None
    if picture.mode not in ("RGB", "RGBA", "L", "LA"):
        picture = picture.convert("RGBA")
    fitted_w, fitted_h = _fit(picture.size, width, height)
    return PdfImage(picture, box=layout.BoxConstraints(width=fitted_w, height=fitted_h))


def _fitting(x_align):
    from pyhanko.pdf_utils import layout

    return layout.SimpleBoxLayoutRule(
        x_align=x_align, y_align=layout.AxisAlignment.ALIGN_MID,
        margins=layout.Margins.uniform(0),
        inner_content_scaling=layout.InnerScaling.NO_SCALING)


def image_style(image: Path, width: float, height: float,  # type: ignore[no-untyped-def]
                caption: str | None = None):
    """The image filling its box (aspect kept); with a caption, image left, text right."""
    from pyhanko.pdf_utils import layout
    from pyhanko.stamp import StaticStampStyle, TextStampStyle

    picture = _image(image, width if caption is None else width * 0.45, height)
    if caption is None:
        return StaticStampStyle(background=picture, border_width=0, background_opacity=1.0,
                                background_layout=_fitting(layout.AxisAlignment.ALIGN_MID))
    return TextStampStyle(
        stamp_text=caption.replace("%", "%%"), text_box_style=text_box_style(7),
        background=picture, border_width=0, background_opacity=1.0,
        background_layout=_fitting(layout.AxisAlignment.ALIGN_MIN),
        inner_content_layout=layout.SimpleBoxLayoutRule(
            x_align=layout.AxisAlignment.ALIGN_MAX, y_align=layout.AxisAlignment.ALIGN_MID,
            margins=layout.Margins.uniform(1)))


def text_style(lines: list[str]):  # type: ignore[no-untyped-def]
    """Black Liberation Serif 10 pt lines, no border, no background (ô 8b), in the upper
    right of the box at their real size (the box is made wide enough for them)."""
    from pyhanko.pdf_utils import layout
    from pyhanko.stamp import TextStampStyle

    return TextStampStyle(
        stamp_text="\n".join(lines).replace("%", "%%"), text_box_style=text_box_style(),
        border_width=0, background=None,
        inner_content_layout=layout.SimpleBoxLayoutRule(
            x_align=layout.AxisAlignment.ALIGN_MAX, y_align=layout.AxisAlignment.ALIGN_MAX,
            margins=layout.Margins.uniform(0),
            inner_content_scaling=layout.InnerScaling.NO_SCALING))


def caption_lines(holder: str, moment: dt.datetime) -> str:
    """The optional "Ký bởi / Ngày ký" text some tools print beside an image."""
    from eoffice_client.core.messages import tr

    return "\n".join((tr("signing.caption_signed_by", "vi", name=holder),
                      tr("signing.caption_signed_at", "vi", time=iso_vietnam(moment))))
