"""The core's message catalogue: every text a person reads from core or the CLI.

Vietnamese first (full diacritics), English second. The Qt window uses ``tr()`` and
.ts files instead; core and the CLI use :func:`tr` here. Each feature keeps its texts in
its own module of this package (keys prefixed by the feature, e.g. ``sync.``); a new
module is imported here and added to :data:`CATALOGUES`.
"""

from __future__ import annotations

from types import ModuleType

from eoffice_client.core.messages import (
    api,
    audit,
    chain,
    cli_documents,
    commands,
    deploy,
    diagnostics,
    documents,
    drafts,
    general,
    interop,
    reports,
    sandbox,
    security,
    signing,
    store,
    sync,
)

LANGUAGES = ("vi", "en")
#: The modules of this package that hold a ``MESSAGES`` dict, one per feature.
CATALOGUES: tuple[ModuleType, ...] = (
    general, store, commands, api, sync, sandbox, documents, signing, reports, interop, deploy,
    cli_documents, security, audit, chain, diagnostics, drafts,
)
_current = "vi"


def _merge() -> dict[str, tuple[str, str]]:
    merged: dict[str, tuple[str, str]] = {}
    for module in CATALOGUES:
        part: dict[str, tuple[str, str]] = module.MESSAGES
        clash = merged.keys() & part.keys()
        if clash:
            raise RuntimeError(f"message keys defined twice: {sorted(clash)}")
        merged.update(part)
    return merged


MESSAGES = _merge()


def set_language(lang: str) -> None:
    """Choose the language of :func:`tr` for this process (CLI --lang, settings, policy)."""
    global _current
    _current = lang if lang in LANGUAGES else "vi"


def current_language() -> str:
    return _current


def tr(key: str, lang: str | None = None, **values: object) -> str:
    """The message ``key`` in ``lang`` (default: the process's language), filled with values."""
    pair = MESSAGES.get(key)
    if pair is None:
        return key + (" " + repr(values) if values else "")
    text = pair[1] if (lang or _current) == "en" else pair[0]
    try:
        return text.format(**values)
    except (KeyError, IndexError, ValueError):
        return text
