"""The diagnostics bundle for IT staff (``eoffice-client diagnostics --out FILE.zip`` and the
window's Help menu): one zip, never a secret or a document's content.

It holds ``versions.json`` (the client, Python, the platform, the libraries),
``settings.json`` (every setting with where its value comes from: a policy, the user, a
machine default, the built-in default), ``status.json`` (the profile's status, encryption
at rest, the http:// warning, the last update check), ``permissions.json`` (the profile
folder's check), ``audit/trail.jsonl`` and ``audit/verify.json`` (the trail and its
verification), the logs (``logs/``) and the crash reports (``reports/``), each file's last
5 MB. Every text goes through :func:`~eoffice_client.core.security.redaction.redact` with
the secrets this process knows (the tokens in memory, the remembered refresh token): the
logs and reports carry none by design, and a mistake would still not reach the bundle.
The audit trail holds ids and short codes only.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
import platform
import sqlite3
import sys
import zipfile
from collections.abc import Mapping
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from eoffice_client import __version__
from eoffice_client.config import POLICY_ONLY
from eoffice_client.core.errors import ClientError, InvalidInputError

if TYPE_CHECKING:
    from eoffice_client.core.app.context import AppContext

log = logging.getLogger("eoffice.app.diagnostics")

MAX_FILE_BYTES = 5 * 1024 * 1024
#: the distributions whose versions IT staff ask about
PACKAGES = ("PySide6-Essentials", "PySide6-Addons", "PySide6", "SQLAlchemy", "alembic",
            "sqlcipher3", "cryptography", "keyring", "requests", "truststore", "pyHanko",
            "pypdf", "python-docx", "openpyxl", "lxml", "pydantic")


@dataclass(frozen=True)
class DiagnosticsBundle:
    """What :meth:`DiagnosticsApi.export` wrote."""

    path: Path
    files: tuple[str, ...]  # the names inside the zip
    audit_ok: bool
    audit_message: str
    permission_problems: int  # places of the profile other accounts may reach

    @property
    def permissions_ok(self) -> bool:
        return self.permission_problems == 0


class DiagnosticsApi:
    """``app.diagnostics``."""

    def __init__(self, context: AppContext) -> None:
        self._context = context

    def export(self, out: Path, *, extra_versions: Mapping[str, str] | None = None
               ) -> DiagnosticsBundle:
        """Writes the bundle to ``out`` (whole, or not at all: 9 when it cannot be written
        there). ``extra_versions``: what the window adds (its Qt's version)."""
        from eoffice_client.core.security.audit_check import bundle_files
        from eoffice_client.core.security.permissions import check_profile

        out = Path(out)
        if not out.parent.is_dir():
            raise InvalidInputError("diagnostics.no_folder", path=str(out.parent))
        context = self._context
        secrets = known_secrets(context)
        permissions = check_profile(context.profile.root)
        audit = bundle_files(context.audit.location)
        verified = json.loads(audit["audit/verify.json"])
        trail = audit["audit/trail.jsonl"].decode("utf-8", "replace")
        audit["audit/trail.jsonl"] = _redact(trail, secrets).encode("utf-8")
        parts: dict[str, bytes] = {
            "versions.json": _json(versions(extra_versions)),
            "settings.json": _json(settings_report(context, secrets)),
            "status.json": _json(status_report(context, secrets)),
            "permissions.json": _json(asdict(permissions)),
            **audit,
            **profile_texts(context, secrets),
            "created.txt": dt.datetime.now(dt.UTC).isoformat().encode(),
        }
        _write_zip(out, parts)
        context.audit.record("exported", detail={"what": "diagnostics", "files": len(parts)})
        return DiagnosticsBundle(out, tuple(parts), bool(verified["ok"]),
                                 str(verified["message_en" if _english() else "message_vi"]),
                                 len(permissions.problems))


def versions(extra: Mapping[str, str] | None = None) -> dict[str, str]:
    """The client's, Python's, the platform's and the libraries' versions (read from the
    installed distributions: nothing is imported)."""
    from importlib import metadata

    found = {"eoffice-client": __version__, "python": sys.version.split()[0],
             "platform": platform.platform(), "sqlite": sqlite3.sqlite_version}
    for name in PACKAGES:
        try:
            found[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            continue
    return {**found, **dict(extra or {})}


def known_secrets(context: AppContext) -> tuple[str, ...]:
    """The values to remove wherever they appear: the tokens and password in memory, and
    the remembered refresh token (read from the keyring, when it can be)."""
    from eoffice_client.core.security.redaction import KNOWN_SECRETS

    values = list(KNOWN_SECRETS.values())
    try:
        session = context.credentials.load_session()
        if session is not None and session.username:
            token = context.credentials.load_token(session.server, session.username)
            if token:
                values.append(token)
    except (ClientError, OSError, RuntimeError) as exc:
        log.info("the remembered sign-in could not be read for redaction: %s",
                 type(exc).__name__)
    return tuple(values)


def settings_report(context: AppContext, secrets: tuple[str, ...]) -> dict[str, object]:
    """Every setting's value (texts redacted) with its source and where it was read."""
    values = asdict(context.settings)
    origins = context.profile.setting_origins()
    report = {}
    for name, value in values.items():
        origin = origins.get(name)
        report[name] = {
            "value": _clean(value, secrets),
            "source": str(origin.source) if origin else "built_in",
            "location": _clean(origin.location, secrets) if origin else "",
            "locked": bool(origin and origin.locked)}
    return {"settings": report, "policy_only": sorted(POLICY_ONLY)}


def status_report(context: AppContext, secrets: tuple[str, ...]) -> dict[str, object]:
    """The profile's status, encryption at rest, the http:// warning, the update check;
    a part that cannot be read says why (the bundle is most useful when things broke)."""
    from eoffice_client.core.app.session import SessionApi

    session = SessionApi(context)
    report: dict[str, object] = {}
    for name, read in (("status", lambda: session.status().as_json()),
                       ("encryption", lambda: encryption_report(context)),
                       ("http_warning", session.http_warning),
                       ("update", lambda: update_report(context))):
        try:
            report[name] = _clean(read(), secrets)
        except Exception as exc:  # reported in the bundle, not raised
            report[name] = {"error": type(exc).__name__}
    return report


def encryption_report(context: AppContext) -> dict[str, object]:
    from eoffice_client.core.store.cipher import sqlcipher_available

    locks = context.profile.setting_origins()
    origin = locks.get("encrypt_cache")
    return {"setting": context.settings.encrypt_cache,
            "locked_by_policy": bool(origin and origin.locked),
            "cache_encrypted": context.encrypted, "files_sealed": context.files.sealed,
            "sqlcipher_available": sqlcipher_available()}


def update_report(context: AppContext) -> dict[str, object] | None:
    from eoffice_client.core.update import read_update_notice

    notice = read_update_notice(context.profile, context.settings)
    return None if notice is None else asdict(notice)


def profile_texts(context: AppContext, secrets: tuple[str, ...]) -> dict[str, bytes]:
    """The logs and crash reports, each file's last :data:`MAX_FILE_BYTES`, redacted."""
    profile = context.profile
    found: dict[str, bytes] = {}
    for folder, prefix in ((profile.logs_dir, "logs"), (profile.reports_dir, "reports")):
        if not folder.is_dir():
            continue
        for path in sorted(folder.iterdir()):
            if path.is_file() and not path.is_symlink():
                text = _tail(path).decode("utf-8", "replace")
                found[f"{prefix}/{path.name}"] = _redact(text, secrets).encode("utf-8")
    return found


def _tail(path: Path) -> bytes:
    with open(path, "rb") as handle:
        size = handle.seek(0, os.SEEK_END)
        handle.seek(max(0, size - MAX_FILE_BYTES))
        data = handle.read()
    if size > MAX_FILE_BYTES:
        data = data[data.find(b"\n") + 1:]  # whole lines only
    return data


def _redact(text: str, secrets: tuple[str, ...]) -> str:
    from eoffice_client.core.security.redaction import redact

    return redact(text, secrets=secrets)


def _clean(value: object, secrets: tuple[str, ...]) -> object:
    """``value`` with every text in it redacted (dicts and lists walked)."""
    if isinstance(value, str):
        return _redact(value, secrets)
    if isinstance(value, Mapping):
        return {str(k): _clean(v, secrets) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_clean(v, secrets) for v in value]
    return value


def _json(value: object) -> bytes:
    return json.dumps(value, ensure_ascii=False, indent=2, default=str).encode("utf-8")


def _english() -> bool:
    from eoffice_client.core.messages import current_language

    return current_language() == "en"


def _write_zip(out: Path, parts: Mapping[str, bytes]) -> None:
    partial = out.with_name(f".{out.name}.partial")
    try:
        with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED) as bundle:
            for name, data in parts.items():
                bundle.writestr(name, data)
        os.replace(partial, out)
    except OSError as exc:
        raise InvalidInputError("diagnostics.not_written", path=str(out),
                                detail=type(exc).__name__) from None
    finally:
        partial.unlink(missing_ok=True)

