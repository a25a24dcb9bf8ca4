"""Reading a report as the pipeline does, for tests that call the stages one by one."""

from __future__ import annotations

import pathlib

from ie.readers import read_document


def load_report(path: pathlib.Path) -> tuple[str, bool]:
    """(text, paged) exactly as ``ie.extract`` reads it: ``paged`` is True for PDF/OFD input."""
    doc = read_document(path)
    return doc.text, doc.pages is not None
