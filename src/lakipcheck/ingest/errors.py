"""Errors for unusable input: each carries a one-line message meant for the reviewer, not a traceback."""

from __future__ import annotations


class InputError(Exception):
    """The file cannot be read as a PDF report. ``code`` names the reason, ``message`` is one line."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message

    def __str__(self) -> str:
        return self.message
