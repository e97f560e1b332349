"""Problem answers (RFC 9457) of contract section 1, raised anywhere in the sandbox."""

from __future__ import annotations

from http import HTTPStatus
from typing import Any

PROBLEM_TYPE = "https://eoffice.invalid/problems/"


class Problem(Exception):
    """An answer ``status`` with machine ``code``; ``extra`` adds fields (e.g. ``current``)."""

    def __init__(
        self,
        status: int,
        code: str,
        detail: str = "",
        errors: list[dict[str, str]] | tuple[dict[str, str], ...] | None = None,
        extra: dict[str, Any] | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(f"{status} {code}: {detail}")
        self.status = status
        self.code = code
        self.detail = detail or code.replace("_", " ")
        self.errors = list(errors or [])
        self.extra = extra or {}
        self.headers = headers or {}

    def body(self) -> dict[str, Any]:
        try:
            title = HTTPStatus(self.status).phrase
        except ValueError:
            title = "Error"
        body: dict[str, Any] = {
            "type": PROBLEM_TYPE + self.code, "title": title, "status": self.status,
            "detail": self.detail, "code": self.code,
        }
        if self.errors:
            body["errors"] = self.errors
        body.update(self.extra)
        return body


def invalid(field: str, message: str, detail: str = "invalid request") -> Problem:
    """A ``422 validation_failed`` naming one field."""
    return Problem(422, "validation_failed", detail, [{"field": field, "message": message}])
