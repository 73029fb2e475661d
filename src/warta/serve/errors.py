"""One JSON error shape for every error the API returns:
``{"error": {"status": 404, "code": "not_found", "message": "..."}}``."""

from __future__ import annotations

from typing import Any

CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    413: "payload_too_large",
    415: "unsupported_media_type",
    422: "invalid_request",
    500: "internal_error",
    503: "store_unavailable",
}


class ApiError(Exception):
    """An error raised on purpose by a route; rendered in the one error shape."""

    def __init__(self, status: int, message: str, code: str | None = None,
                 headers: dict[str, str] | None = None):
        super().__init__(message)
        self.status = status
        self.code = code or CODES.get(status, "error")
        self.message = message
        self.headers = headers


def error_body(status: int, message: str, code: str | None = None) -> dict[str, Any]:
    """The error shape."""
    return {"error": {"status": status, "code": code or CODES.get(status, "error"), "message": message}}
