"""Problem answers -> typed errors, exit codes, and a message for every error."""

from __future__ import annotations

import pytest

from eoffice_client.core.api import errors as E
from eoffice_client.core.errors import ExitCode
from eoffice_client.core.messages import MESSAGES, tr

CASES = [
    (400, "idempotency_key_required", E.BadRequest, ExitCode.UNEXPECTED, False),
    (400, "invalid_cursor", E.InvalidCursor, ExitCode.UNEXPECTED, False),
    (401, "invalid_token", E.SignInNeeded, ExitCode.SIGNED_OUT, False),
    (401, "invalid_grant", E.SignInNeeded, ExitCode.SIGNED_OUT, False),
    (401, "token_expired", E.SignInNeeded, ExitCode.SIGNED_OUT, False),
    (401, "invalid_credentials", E.SignInRefused, ExitCode.SIGN_IN_REFUSED, False),
    (423, "account_locked", E.SignInRefused, ExitCode.SIGN_IN_REFUSED, False),
    (403, "forbidden", E.Forbidden, ExitCode.NOT_ALLOWED, False),
    (403, "secret_content", E.Forbidden, ExitCode.NOT_ALLOWED, False),
    (404, "not_found", E.NotFound, ExitCode.UNKNOWN_ID, False),
    (409, "invalid_transition", E.InvalidTransition, ExitCode.NOT_ALLOWED, False),
    (409, "request_in_progress", E.RequestInProgress, ExitCode.UNREACHABLE, True),
    (409, "attachment_exists", E.Conflict, ExitCode.CONFLICTS, False),
    (409, "already_exists", E.Conflict, ExitCode.CONFLICTS, False),
    (410, "cursor_expired", E.CursorExpired, ExitCode.UNREACHABLE, False),
    (412, "version_conflict", E.VersionConflict, ExitCode.CONFLICTS, False),
    (413, "file_too_large", E.FileTooLarge, ExitCode.INVALID_INPUT, False),
    (416, "range_not_satisfiable", E.RangeNotSatisfiable, ExitCode.UNREACHABLE, False),
    (422, "validation_failed", E.ValidationFailed, ExitCode.INVALID_INPUT, False),
    (422, "checksum_mismatch", E.ValidationFailed, ExitCode.INVALID_INPUT, False),
    (422, "idempotency_key_reused", E.IdempotencyKeyReused, ExitCode.UNEXPECTED, False),
    (428, "precondition_required", E.PreconditionRequired, ExitCode.UNEXPECTED, False),
    (429, "rate_limited", E.ServerUnavailable, ExitCode.UNREACHABLE, True),
    (503, "unavailable", E.ServerUnavailable, ExitCode.UNREACHABLE, True),
    (500, "anything", E.ServerUnavailable, ExitCode.UNREACHABLE, True),
    (502, None, E.ServerUnavailable, ExitCode.UNREACHABLE, True),
    (418, "teapot", E.UnexpectedAnswer, ExitCode.UNEXPECTED, False),
]


@pytest.mark.parametrize(("status", "code", "cls", "exit_code", "retryable"), CASES)
def test_problem_maps_to_typed_error(status, code, cls, exit_code, retryable):
    problem = {"type": "about:blank", "title": "t", "status": status, "detail": "d", "code": code}
    error = E.error_for(status, problem)
    assert type(error) is cls
    assert error.exit_code == exit_code
    assert error.retryable is retryable
    assert (error.status, error.code, error.problem) == (status, code, problem)
    for lang in ("vi", "en"):
        assert "{" not in error.message(lang)


def test_unknown_code_falls_back_to_its_status_class():
    assert type(E.error_for(409, {"code": "new_kind_of_conflict"})) is E.Conflict
    assert type(E.error_for(401, {"code": "brand_new"})) is E.SignInNeeded
    assert type(E.error_for(422, None)) is E.ValidationFailed


def test_any_401_at_login_is_refused_credentials():
    error = E.error_for(401, None, login=True)
    assert isinstance(error, E.SignInRefused)
    assert not error.locked
    locked = E.error_for(423, {"code": "account_locked"}, login=True)
    assert isinstance(locked, E.SignInRefused) and locked.locked
    assert locked.key == "api.account_locked"


def test_validation_errors_are_listed():
    problem = {"code": "validation_failed",
               "errors": [{"field": "subject", "message": "too long"}, "junk"]}
    error = E.error_for(422, problem)
    assert isinstance(error, E.ValidationFailed)
    assert error.errors == [{"field": "subject", "message": "too long"}]
    assert "subject: too long" in error.message("en")


def test_version_conflict_carries_current_and_retry_after_kept():
    current = {"id": "x", "version": 3}
    error = E.error_for(412, {"code": "version_conflict"}, current=current)
    assert isinstance(error, E.VersionConflict) and error.current == current
    busy = E.error_for(429, {"code": "rate_limited"}, retry_after=7.0)
    assert isinstance(busy, E.ServerUnavailable) and busy.retry_after == 7.0
    assert "7" in busy.message("en")


def _all_error_classes() -> list[type[E.ApiError]]:
    found, todo = [], [E.ApiError]
    while todo:
        cls = todo.pop()
        found.append(cls)
        todo.extend(cls.__subclasses__())
    return found


@pytest.mark.parametrize("cls", _all_error_classes(), ids=lambda c: c.__name__)
def test_every_error_has_both_languages(cls):
    assert cls.key in MESSAGES
    vi, en = MESSAGES[cls.key]
    assert vi and en and vi != en
    assert tr(cls.key, "vi") != cls.key


def test_extra_message_keys_exist():
    for key in ("api.account_locked", "api.paused", "api.not_signed_in", "api.keyring_unusable",
                "api.token_too_large", "api.ca_bundle_unreadable"):
        assert key in MESSAGES
