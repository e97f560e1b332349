"""The API client's errors: a small taxonomy every caller (sync, CLI, window) can act on.

Every error is a :class:`~eoffice_client.core.errors.ClientError` (a catalogue message and a
CLI exit code) and an :class:`ApiError` with ``.status`` (HTTP status or None), ``.code`` (the
problem's machine ``code`` or None), ``.problem`` (the problem+json body or None) and
``.retryable`` (True when the SAME request may simply be sent again later, same
Idempotency-Key). Texts never carry a token, a password or a response body.

================================  ======================================  ====  =========
class                             answer                                  exit  retryable
================================  ======================================  ====  =========
Unreachable                       timeout, connection refused/cut, body   3     yes
                                  cut short
ServerUnavailable                 5xx (any code), 429 rate_limited,       3     yes
                                  503 unavailable (``.retry_after`` s)
RequestInProgress                 409 request_in_progress                 3     yes
SignInNeeded                      401 invalid_token / invalid_grant /     5     no
                                  token_expired twice; no refresh token
SignInRefused                     401 invalid_credentials (login),        2     no
                                  423 account_locked (``.locked``)
VersionConflict                   412 version_conflict (``.current``)     4     no
InvalidTransition                 409 invalid_transition                  7     no
Forbidden                         403 forbidden, secret_content           7     no
NotFound                          404 not_found                           6     no
ValidationFailed                  422 validation_failed,                  9     no
                                  checksum_mismatch (``.errors``)
FileTooLarge(ValidationFailed)    413 file_too_large                      9     no
IdempotencyKeyReused              422 idempotency_key_reused (client bug) 1     no
Conflict                          other 409: attachment_exists,           4     no
                                  already_exists
CursorExpired                     410 cursor_expired (start a full pass)  3     no
InvalidCursor                     400 invalid_cursor (bug/corruption)     1     no
BadRequest                        other 400, e.g.                         1     no
                                  idempotency_key_required (client bug)
PreconditionRequired              428 precondition_required (client bug) 1     no
RangeNotSatisfiable               416 (restart the download from 0)       3     no
UnexpectedAnswer                  any other status the contract does not  1     no
                                  name
BadResponse                       malformed JSON / body (names the field) 3     no
ClientTooOld                      /info min_client_version above ours     12    no
InsecureServer                    http:// to a non-loopback server        11    no
UntrustedServer(InsecureServer)   TLS certificate not trusted             11    no
InvalidServerAddress              not an http(s) URL                      9     no
================================  ======================================  ====  =========

The status decides the class; the ``code`` refines it where the contract gives one status
several meanings (401, 409, 422). A problem ``code`` the client does not know therefore still
gets the class of its status. ``5xx`` answers are alike whatever their code (contract §1).
"""

from __future__ import annotations

from typing import Any

from eoffice_client.core.errors import ClientError, ExitCode


class ApiError(ClientError):
    """An error talking to the eOffice server."""

    key = "api.error"
    retryable = False

    def __init__(
        self,
        key: str | None = None,
        *,
        status: int | None = None,
        code: str | None = None,
        problem: dict[str, Any] | None = None,
        **values: Any,
    ) -> None:
        self.status = status
        self.code = code
        self.problem = problem
        values.setdefault("status", status if status is not None else "-")
        values.setdefault("code", code or "-")
        values.setdefault("detail", _detail(problem))
        super().__init__(key or type(self).key, **values)


def _detail(problem: dict[str, Any] | None) -> str:
    """The problem's human text (title/detail), short, for messages; never the whole body."""
    if not problem:
        return ""
    text = problem.get("detail") or problem.get("title") or ""
    return str(text)[:300]


class Unreachable(ApiError):
    """The server did not answer; ``reason`` is one of :data:`UNREACHABLE_REASONS`, said in
    plain words (the exception's class name goes to the log, not to the person)."""

    key = "api.unreachable"
    exit_code = ExitCode.UNREACHABLE
    retryable = True

    def message(self, lang: str | None = None) -> str:
        from eoffice_client.core.messages import tr

        reason = str(self.values.get("reason") or "network")
        if reason not in UNREACHABLE_REASONS:
            reason = "network"
        return tr(self.key, lang, **{**self.values,
                                     "reason": tr(f"api.unreachable.{reason}", lang)})


#: Why a server could not be reached, each with its message ``api.unreachable.<reason>``.
UNREACHABLE_REASONS = ("timeout", "refused", "not_found", "cut", "proxy", "network")


def unreachable_reason(exc: BaseException) -> str:
    """The plain reason of a failed request (see :data:`UNREACHABLE_REASONS`)."""
    import requests

    text = str(exc)
    if isinstance(exc, requests.exceptions.ProxyError):
        return "proxy"
    if isinstance(exc, requests.Timeout):
        return "timeout"
    if isinstance(exc, requests.exceptions.ChunkedEncodingError | ConnectionResetError):
        return "cut"
    if any(sign in text for sign in ("NameResolutionError", "Failed to resolve",
                                     "getaddrinfo", "Name or service not known")):
        return "not_found"
    if "Connection refused" in text or "actively refused" in text:
        return "refused"
    if "Connection aborted" in text or "RemoteDisconnected" in text or "IncompleteRead" in text:
        return "cut"
    return "network"


class ServerUnavailable(ApiError):
    key = "api.unavailable"
    exit_code = ExitCode.UNREACHABLE
    retryable = True

    def __init__(self, key: str | None = None, *, retry_after: float | None = None,
                 **kwargs: Any) -> None:
        self.retry_after = retry_after
        kwargs.setdefault("seconds", int(retry_after + 0.999) if retry_after else 0)
        super().__init__(key, **kwargs)


class RequestInProgress(ApiError):
    key = "api.request_in_progress"
    exit_code = ExitCode.UNREACHABLE
    retryable = True


class SignInNeeded(ApiError):
    key = "api.sign_in_needed"
    exit_code = ExitCode.SIGNED_OUT


class SignInRefused(ApiError):
    key = "api.invalid_credentials"
    exit_code = ExitCode.SIGN_IN_REFUSED

    def __init__(self, key: str | None = None, **kwargs: Any) -> None:
        locked = kwargs.get("status") == 423 or kwargs.get("code") == "account_locked"
        super().__init__(key or ("api.account_locked" if locked else None), **kwargs)

    @property
    def locked(self) -> bool:
        """True when the account is locked (423), False for wrong credentials."""
        return self.status == 423 or self.code == "account_locked"


class VersionConflict(ApiError):
    key = "api.version_conflict"
    exit_code = ExitCode.CONFLICTS

    def __init__(self, key: str | None = None, *, current: dict[str, Any] | None = None,
                 **kwargs: Any) -> None:
        self.current = current
        super().__init__(key, **kwargs)


class InvalidTransition(ApiError):
    key = "api.invalid_transition"
    exit_code = ExitCode.NOT_ALLOWED


class Forbidden(ApiError):
    key = "api.forbidden"
    exit_code = ExitCode.NOT_ALLOWED


class NotFound(ApiError):
    key = "api.not_found"
    exit_code = ExitCode.UNKNOWN_ID


class ValidationFailed(ApiError):
    key = "api.validation_failed"
    exit_code = ExitCode.INVALID_INPUT

    def __init__(self, key: str | None = None, **kwargs: Any) -> None:
        problem = kwargs.get("problem") or {}
        raw = problem.get("errors") if isinstance(problem, dict) else None
        self.errors: list[dict[str, str]] = [
            {"field": str(e.get("field", "")), "message": str(e.get("message", ""))}
            for e in (raw if isinstance(raw, list) else [])
            if isinstance(e, dict)
        ]
        kwargs.setdefault("fields", "; ".join(
            f"{e['field']}: {e['message']}" if e["field"] else e["message"] for e in self.errors
        ) or _detail(problem))
        super().__init__(key, **kwargs)


class FileTooLarge(ValidationFailed):
    key = "api.file_too_large"


class IdempotencyKeyReused(ApiError):
    key = "api.idempotency_key_reused"
    exit_code = ExitCode.UNEXPECTED


class Conflict(ApiError):
    key = "api.conflict"
    exit_code = ExitCode.CONFLICTS


class CursorExpired(ApiError):
    key = "api.cursor_expired"
    exit_code = ExitCode.UNREACHABLE


class InvalidCursor(ApiError):
    key = "api.invalid_cursor"
    exit_code = ExitCode.UNEXPECTED


class BadRequest(ApiError):
    key = "api.bad_request"
    exit_code = ExitCode.UNEXPECTED


class PreconditionRequired(ApiError):
    key = "api.precondition_required"
    exit_code = ExitCode.UNEXPECTED


class RangeNotSatisfiable(ApiError):
    key = "api.range_not_satisfiable"
    exit_code = ExitCode.UNREACHABLE


class UnexpectedAnswer(ApiError):
    key = "api.unexpected_answer"
    exit_code = ExitCode.UNEXPECTED


class BadResponse(ApiError):
    """A body that is not what the contract says; ``.field`` names where (dotted path)."""

    key = "api.bad_response"
    exit_code = ExitCode.UNREACHABLE

    def __init__(self, key: str | None = None, *, field: str = "", reason: str = "",
                 **kwargs: Any) -> None:
        self.field = field
        kwargs.setdefault("field", field or "-")
        kwargs.setdefault("reason", reason)
        super().__init__(key, **kwargs)


class ClientTooOld(ApiError):
    key = "api.client_too_old"
    exit_code = ExitCode.CLIENT_TOO_OLD


class InsecureServer(ApiError):
    key = "api.insecure_server"
    exit_code = ExitCode.REFUSED_FOR_SAFETY


class UntrustedServer(InsecureServer):
    key = "api.untrusted_server"


class InvalidServerAddress(ApiError):
    key = "api.invalid_server"
    exit_code = ExitCode.INVALID_INPUT


#: The class of a status when the code does not refine it.
_BY_STATUS: dict[int, type[ApiError]] = {
    400: BadRequest,
    401: SignInNeeded,
    403: Forbidden,
    404: NotFound,
    409: Conflict,
    410: CursorExpired,
    412: VersionConflict,
    413: FileTooLarge,
    416: RangeNotSatisfiable,
    422: ValidationFailed,
    423: SignInRefused,
    428: PreconditionRequired,
    429: ServerUnavailable,
}

#: (status, code) pairs that refine the class of their status.
_BY_CODE: dict[tuple[int, str], type[ApiError]] = {
    (400, "invalid_cursor"): InvalidCursor,
    (401, "invalid_credentials"): SignInRefused,
    (409, "invalid_transition"): InvalidTransition,
    (409, "request_in_progress"): RequestInProgress,
    (422, "idempotency_key_reused"): IdempotencyKeyReused,
}


def error_for(
    status: int,
    problem: dict[str, Any] | None,
    *,
    retry_after: float | None = None,
    current: dict[str, Any] | None = None,
    login: bool = False,
) -> ApiError:
    """The typed error for a non-success answer.

    ``problem`` is the parsed problem+json body (None when the body was not one);
    ``login`` says the answer came from ``/auth/login``, where any 401 means the
    credentials were refused. ``current`` is the validated Document of a 412.
    """
    code = problem.get("code") if isinstance(problem, dict) else None
    code = code if isinstance(code, str) else None
    kwargs: dict[str, Any] = {"status": status, "code": code, "problem": problem}
    if status >= 500 or status == 429:
        return ServerUnavailable(retry_after=retry_after, **kwargs)
    if status == 401 and login:
        return SignInRefused(**kwargs)
    cls = _BY_CODE.get((status, code or "")) or _BY_STATUS.get(status)
    if cls is None:
        return UnexpectedAnswer(**kwargs)
    if cls is VersionConflict:
        return VersionConflict(current=current, **kwargs)
    return cls(**kwargs)
