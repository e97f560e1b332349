"""Redaction of tokens, passwords, PINs, headers and document text, with realistic samples."""

from __future__ import annotations

import io
import logging

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eoffice_client.core.security.redaction import (
    REMOVED,
    REMOVED_TEXT,
    KnownSecrets,
    RedactingFilter,
    install,
    redact,
)

JWT = ("eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJ2YW50aHUiLCJleHAiOjE3OTk5OTk5OTl9."
       "c2lnbmF0dXJlLWJ5dGVzLWhlcmU")
OPAQUE = "rt_9f8e7d6c5b4a39281706f5e4d3c2b1a0"

SAMPLES = [  # (text, what must go, what must stay)
    ("Authorization: Bearer " + JWT, [JWT], ["Authorization:"]),
    ("GET /api/v1/sync/changes headers={'Authorization': 'Bearer abcdef123456', "
     "'Accept': 'application/json'}", ["abcdef123456"], ["'Accept': 'application/json'"]),
    ('{"access_token": "' + OPAQUE + '", "expires_in": 900, "token_type": "Bearer"}',
     [OPAQUE], ['"expires_in": 900']),
    ('{"refresh_token":"' + OPAQUE + '","user":{"username":"vanthu"}}', [OPAQUE], ["vanthu"]),
    ("login body {'username': 'lanhdao', 'password': 'Mk@2026!pass', 'device_name': 'PC'}",
     ["Mk@2026!pass"], ["lanhdao", "'device_name': 'PC'"]),
    ("POST /auth/refresh?refresh_token=" + OPAQUE + "&x=1", [OPAQUE], ["x=1"]),
    ("pyhanko: PKCS#11 login failed pin=123456 slot=0", ["123456"], ["slot=0"]),
    ("user_pin: 2468 for token label VNPT-CA", ["2468"], ["VNPT-CA"]),
    ("Mật khẩu: ThuKy@123 không đúng", ["ThuKy@123"], ["không đúng"]),
    ("proxy http://nguyenvana:S3cret!@proxy.tinh.gov.vn:3128 refused",
     ["nguyenvana", "S3cret!"], ["proxy.tinh.gov.vn:3128"]),
    ("Cookie: session=abc123def456; theme=dark", ["abc123def456", "theme=dark"], ["Cookie:"]),
    ("X-Api-Key: 0123456789abcdef", ["0123456789abcdef"], []),
    ("-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n-----END PRIVATE KEY-----",
     ["MIIEvQIBADANBgkqhkiG9w0BAQEFAASC"], []),
    ("keyring value " + JWT + " found", [JWT], ["keyring value", "found"]),
    ("PUT /attachments/a1/content 201 in 35 ms", [], ["PUT /attachments/a1/content 201 in 35 ms"]),
    ("401 token_expired: one refresh, one repeat", [], ["token_expired"]),
    ("tokens rotated", [], ["tokens rotated"]),
]


@pytest.mark.parametrize(("text", "gone", "kept"), SAMPLES)
def test_secrets_go_and_the_rest_stays(text, gone, kept):
    out = redact(text)
    for secret in gone:
        assert secret not in out, out
    for part in kept:
        assert part in out, out
    if gone:
        assert REMOVED in out or "<removed" in out


def test_known_values_are_removed_wherever_they_appear():
    password, token = "Hoa-Sen-2026", "Zk2R7pQx0b9VvT1mN3w"
    text = f"repr {token!r} and {token.upper()} and escaped {password}\\n"
    out = redact(text, secrets=[password, token, "1234"])
    assert password not in out and token not in out and token.upper() not in out
    assert out.count(REMOVED) == 3


def test_document_subjects_and_body_lines_are_removed():
    subject = "Về việc điều động cán bộ Sở Nội vụ"
    body = ("Căn cứ Luật Cán bộ, công chức năm 2008;\nXét đề nghị của Giám đốc Sở Nội vụ,\nok")
    log_line = (f"upsert failed for d-7 ({subject}); draft text: Xét đề nghị của Giám đốc Sở "
                f"Nội vụ, see d-7")
    out = redact(log_line, contents=[subject, body])
    assert "điều động" not in out and "Giám đốc" not in out
    assert out.count(REMOVED_TEXT) == 2 and out.startswith("upsert failed for d-7")
    assert "see d-7" in out


def test_redaction_is_idempotent():
    for text, _, _ in SAMPLES:
        once = redact(text)
        assert redact(once) == once


def _logger(handler: logging.Handler) -> logging.Logger:
    logger = logging.getLogger("eoffice.test.redaction")
    logger.handlers[:] = []
    logger.propagate = False
    logger.setLevel(logging.DEBUG)
    logger.addHandler(handler)
    return logger


def test_the_filter_cleans_messages_args_and_tracebacks():
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    known = KnownSecrets()
    known.add("Opaque-Access-Token-77")
    install(handler, RedactingFilter(secrets=known.values))
    child = _logger(handler).getChild("api")
    child.propagate = True
    child.info("sending %s with %r", "Authorization: Bearer " + JWT, {"password": "pw-secret-1"})
    try:
        raise ValueError("refresh failed for token Opaque-Access-Token-77")
    except ValueError:
        child.exception("refresh failed")
    child.warning("bad format %d", "x")  # a broken %-format must not lose the record
    out = stream.getvalue()
    assert JWT not in out and "pw-secret-1" not in out and "Opaque-Access-Token-77" not in out
    assert "refresh failed" in out and "Traceback" in out and "bad format" in out
    assert repr(known) == "KnownSecrets(1 values)"


def test_install_is_once_per_handler():
    handler = logging.StreamHandler(io.StringIO())
    first = install(handler)
    assert install(handler) is first and len(handler.filters) == 1


SECRET_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789!#$%*-_.+/="
PLAIN = "àáạảãâầấậăằắđèéêềếìíòóôồốơờớùúưừứỳýĐÂ ,;:()\n"  # no character of a secret
TEMPLATES = ("password={s}", "'password': '{s}'", '"refresh_token": "{s}"', "pin: {s}",
             "Authorization: Bearer {s}", "access_token={s}&next=1", "PIN={s} slot 0")


@given(secret=st.text(alphabet=SECRET_CHARS, min_size=6, max_size=40),
       template=st.sampled_from(TEMPLATES),
       before=st.text(alphabet=PLAIN, max_size=40), after=st.text(alphabet=PLAIN, max_size=40))
@settings(max_examples=300, deadline=None)
def test_named_secrets_never_survive(secret, template, before, after):
    text = f"{before} {template.format(s=secret)} {after}"
    out = redact(text)
    assert secret not in out


def test_a_secret_spelled_like_an_auth_scheme_is_still_removed() -> None:
    """Hypothesis found it: "password=BEARER" was taken for "Bearer <removed>"."""
    assert redact(" password=BEARER ") == " password=<removed> "
    assert redact("token: Bearer abcdefgh") == "token: Bearer <removed>"
