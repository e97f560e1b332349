"""Where a secret document's content is, said in plain words: its files never come to this
computer (contract section 5), so the pane and the approval form say where the paper is
and how it is handled instead of showing an empty preview."""

from __future__ import annotations

import html
from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QCoreApplication


def is_secret(doc: Mapping[str, Any] | None) -> bool:
    return int((doc or {}).get("secrecy") or 0) >= 1


def secret_explanation(direction: object, register_name: str = "",
                       holder: str = "") -> str:
    """The explanation, for a secret document of ``direction``, as rich text: a heading,
    where the content is, what to do."""
    translate = QCoreApplication.translate
    heading = translate("SecretNote", "Secret document: its content is not on this computer")
    if direction == "incoming":
        where = translate(
            "SecretNote", "The paper original is kept by the clerks' office (văn thư) and "
            "recorded in the secret register%1. Read it there, or ask for it to be brought to "
            "you, as the rules on state secrets say; it is never scanned into eOffice."
        ).replace("%1", f" «{register_name}»" if register_name else "")
    else:
        where = translate(
            "SecretNote", "Its draft and its signed copy are handled on paper, at the office: "
            "read the paper copy that the drafter or the clerks' office brings you. eOffice "
            "records only the steps (approval, signature, number), never the content.")
    parts = [f"<p><b>{html.escape(heading)}</b></p>", f"<p>{html.escape(where)}</p>"]
    if holder:
        parts.append("<p>" + html.escape(translate("SecretNote", "Now with: %1").replace(
            "%1", holder)) + "</p>")
    return "".join(parts)
