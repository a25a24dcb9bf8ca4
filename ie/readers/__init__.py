"""Input readers: turn a report file (text, HTML, DOCX, PDF, legacy formats) into plain text.

`read_document(path)` detects the format from the bytes, never from the extension, and returns a
`Document` whose `text` is what every later offset indexes. Bad input raises `ie.errors.InputError`
with a one-line message.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ie.errors import InputError
from ie.readers import sniff as _sniff
from ie.readers.text import NotText, decode_bytes, normalize_newlines

MAX_BYTES = 50 * 1024 * 1024


@dataclass
class Document:
    text: str  # the plain text the reader produced; ALL record offsets index this string
    format: str  # "txt" | "html" | "docx" | "pdf" (legacy formats: the format converted to, plus a warning)
    pages: list[tuple[int, int, int]] | None = None  # PDF: (start, end, page_number) ranges of `text`, 1-based
    warnings: list[str] = field(default_factory=list)
    soft_breaks: list[int] | None = None  # PDF: offsets of the "\n"s after lines that run to the right margin

    def page_of(self, offset: int) -> int | None:
        """1-based page number of the character at `offset` (None without pages or between pages)."""
        if not self.pages:
            return None
        for start, end, number in self.pages:
            if start <= offset < end or (start == end == offset):
                return number
        return None


def _size_text(n: int) -> str:
    return f"{n / (1024 * 1024):.1f} MB" if n >= 1024 * 1024 else f"{n} bytes"


def _load(path: Path) -> bytes:
    if not path.exists():
        raise InputError(path, "no such file")
    if path.is_dir():
        raise InputError(path, "is a directory, not a file")
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise InputError(path, f"cannot read it ({exc.strerror or exc})") from exc
    if size > MAX_BYTES:
        raise InputError(path, f"file too large: {_size_text(size)} ({size} bytes); the limit is "
                               f"{MAX_BYTES // (1024 * 1024)} MB")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(path, f"cannot read it ({exc.strerror or exc})") from exc
    if not data:
        raise InputError(path, "empty file (0 bytes)")
    return data


def _check_text(path: Path, text: str, what: str) -> str:
    if not text.strip():
        raise InputError(path, f"no text in this {what}")
    return text


# Extensions that promise a binary format: a file so named whose bytes match none is reported as such.
_CLAIMED_FORMATS = {
    ".pdf": "a PDF",
    ".docx": "a DOCX package",
    ".doc": "a Word document",
    ".wps": "a WPS document",
    ".ofd": "an OFD package",
    ".xls": "an Excel workbook",
    ".rtf": "an RTF document",
    ".odt": "an OpenDocument text",
    ".ods": "an OpenDocument spreadsheet",
}


def read_document(path: str | Path, *, pdf_tables: bool = True) -> Document:
    """Read one report file. `pdf_tables=False` keeps PDF tables as pdfplumber's plain text lines."""
    path = Path(path)
    data = _load(path)
    kind = _sniff.sniff(data)
    try:
        return _read_kind(path, data, kind, pdf_tables)
    except InputError:
        raise
    except NotText as exc:
        claimed = _CLAIMED_FORMATS.get(path.suffix.lower())
        if claimed and kind.kind == _sniff.TEXT:
            raise InputError(path, f"named {path.suffix} but is not {claimed} (damaged or mislabelled) "
                                   f"and not text either: {exc}") from exc
        raise InputError(path, f"not a text file: {exc}") from exc
    except MemoryError as exc:
        raise InputError(path, "out of memory while reading it") from exc
    except Exception as exc:  # a reader library failed on odd input: one line for the user, not a traceback
        raise InputError(path, f"could not read it ({type(exc).__name__}: {exc})") from exc


def _read_kind(path: Path, data: bytes, kind: _sniff.Sniffed, pdf_tables: bool) -> Document:
    if kind.kind == _sniff.PDF:
        from ie.readers.pdf import PdfError, read_pdf

        try:
            result = read_pdf(path, tables=pdf_tables)
        except PdfError as exc:
            raise InputError(path, str(exc)) from exc
        return Document(result.text, "pdf", result.pages, result.warnings, result.soft_breaks)
    if kind.kind == _sniff.DOCX:
        return _read_docx(path, path, [])
    if kind.kind == _sniff.HTML:
        from ie.readers.html import read_html_bytes

        text, warnings = read_html_bytes(data)
        return Document(_check_text(path, normalize_newlines(text), "HTML page"), "html", None, warnings)
    if kind.kind == _sniff.OFD:
        from ie.readers.legacy import LegacyError, read_ofd

        try:
            text, pages, warnings = read_ofd(data)
        except LegacyError as exc:
            raise InputError(path, str(exc)) from exc
        # OFD is a fixed layout like PDF; its text is plain lines with page ranges.
        return Document(text, "txt", pages, ["converted from OFD", *warnings])
    if kind.kind in (_sniff.OLE_WORD, _sniff.OLE_EXCEL, _sniff.RTF, _sniff.ODF_TEXT, _sniff.ODF_SHEET):
        return _read_legacy(path, data, kind.kind)
    if kind.kind == _sniff.UNKNOWN:
        raise InputError(path, f"unknown format: {kind.detail}")
    decoded = decode_bytes(data)
    warnings = list(decoded.warnings)
    if decoded.encoding not in ("utf-8", "utf-8-sig", "ascii"):
        warnings.insert(0, f"decoded as {decoded.encoding}")
    return Document(_check_text(path, normalize_newlines(decoded.text), "file (only whitespace)"), "txt",
                    None, warnings)


def _read_docx(path: Path, real_path: Path, warnings: list[str]) -> Document:
    from ie.readers.docx import read_docx

    try:
        text, more = read_docx(real_path)
    except Exception as exc:  # python-docx / lxml raise many types on damaged packages
        raise InputError(path, f"damaged DOCX file ({type(exc).__name__}: {exc})") from exc
    return Document(_check_text(path, normalize_newlines(text), "DOCX document"), "docx", None, warnings + more)


def _read_legacy(path: Path, data: bytes, kind: str) -> Document:
    from ie.readers.legacy import LEGACY_KINDS, LegacyError, convert_with_soffice

    try:
        converted = convert_with_soffice(data, kind)
    except LegacyError as exc:
        raise InputError(path, str(exc)) from exc
    note = f"converted from {LEGACY_KINDS[kind][0]} with LibreOffice"
    try:
        if converted.target == "docx":
            return _read_docx(path, converted.path, [note])
        from ie.readers.html import read_html_bytes

        text, warnings = read_html_bytes(converted.path.read_bytes())
        return Document(_check_text(path, normalize_newlines(text), "spreadsheet"), "html", None,
                        [note, *warnings])
    finally:
        converted.tmpdir.cleanup()


__all__ = ["Document", "InputError", "read_document", "MAX_BYTES"]
