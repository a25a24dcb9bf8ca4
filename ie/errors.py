"""Errors shared by all govie modules."""

from __future__ import annotations

from pathlib import Path


class InputError(Exception):
    """A bad input file: missing, empty, binary, unknown format, too large, unreadable.

    ``str(e)`` is ``"<path>: <message>"``; the CLI prints ``govie: <path>: <message>`` and exits 1.
    The message is one line (no newlines), meant for a user, not a traceback.
    """

    def __init__(self, path: str | Path, message: str) -> None:
        self.path = str(path)
        self.message = " ".join(str(message).split())
        super().__init__(f"{self.path}: {self.message}")
