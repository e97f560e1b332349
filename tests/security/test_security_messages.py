"""Every message key the security code raises is in the catalogue, in both languages."""

from __future__ import annotations

import re
from pathlib import Path

from eoffice_client.core.messages import MESSAGES, tr

ROOT = Path(__file__).resolve().parents[2] / "eoffice_client"
SOURCES = [*sorted((ROOT / "core" / "security").glob("*.py")),
           ROOT / "core" / "store" / "cipher.py",
           *(ROOT / "core" / "app" / f"{name}.py" for name in (
               "at_rest", "audit", "diagnostics", "files", "profile_guard", "session")),
           ROOT / "cli" / "cmd_audit.py", ROOT / "cli" / "cmd_diagnostics.py"]
KEY = re.compile(r'"((?:security|audit|diagnostics)\.[a-z_]+)"')
VIETNAMESE = re.compile(r"[ăâđêôơưàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ]")


def test_every_key_used_is_in_the_catalogue_in_both_languages():
    used = {key for path in SOURCES for key in KEY.findall(path.read_text(encoding="utf-8"))}
    assert len(used) >= 30
    for key in sorted(used):
        assert key in MESSAGES, key
        vietnamese, english = MESSAGES[key]
        assert VIETNAMESE.search(vietnamese.lower()), key
        assert english and english != vietnamese, key
        for lang in ("vi", "en"):  # every placeholder is filled by the values the code gives
            text = tr(key, lang, path="/p", detail="d", seq=3, entries=2, anchored=4, rows=1,
                      pending=2, ids="ob-1", count=2, id="a-1", files="t.jsonl")
            assert "{" not in text, (key, lang)
