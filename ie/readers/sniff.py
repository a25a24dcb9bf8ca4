"""Detect a file's format from its bytes (magic numbers and content), never from its extension."""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass

# Kinds returned by `sniff`.
PDF = "pdf"
DOCX = "docx"
OFD = "ofd"
OLE_WORD = "ole-word"  # .doc / .wps (Word 97-2003 and Kingsoft WPS documents)
OLE_EXCEL = "ole-excel"  # .xls / .et
RTF = "rtf"
ODF_TEXT = "odf-text"  # .odt (OpenDocument text, as LibreOffice and WPS save it)
ODF_SHEET = "odf-sheet"  # .ods
HTML = "html"
TEXT = "text"  # text or binary: the text reader decides
UNKNOWN = "unknown"

OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"

# Binary formats that are certainly not reports we read: (magic, description).
_KNOWN_BINARY: list[tuple[bytes, str]] = [
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"II*\x00", "a TIFF image"),
    (b"MM\x00*", "a TIFF image"),
    (b"BM", ""),  # too short to trust alone; checked below
    (b"\x1f\x8b", "a gzip archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"BZh", ""),
    (b"\x7fELF", "an executable (ELF)"),
    (b"MZ", ""),
    (b"%!PS", "a PostScript file (convert it to PDF first)"),
    (b"AT&TFORM", "a DjVu document"),
]


@dataclass(frozen=True)
class Sniffed:
    kind: str
    detail: str = ""  # human-readable description (for UNKNOWN, what the bytes look like)


_HTML_STRONG_RE = re.compile(rb"<\s*(?:!doctype\s+html|html|head|body)\b", re.IGNORECASE)
_HTML_TAG_RE = re.compile(
    rb"</?\s*(?:meta|title|div|p|table|tr|td|th|br|span|font|center|ul|li|a|h[1-6])\b[^<>]{0,500}>",
    re.IGNORECASE,
)


def _zip_kind(data: bytes) -> Sniffed:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            names = set(zf.namelist())
            mimetype = zf.read("mimetype")[:100] if "mimetype" in names else b""
    except (zipfile.BadZipFile, ValueError, OSError, EOFError):
        return Sniffed(UNKNOWN, "a damaged or truncated ZIP archive")
    if "word/document.xml" in names:
        return Sniffed(DOCX)
    if "OFD.xml" in names or any(n.lower() == "ofd.xml" for n in names):
        return Sniffed(OFD)
    if "xl/workbook.xml" in names:
        return Sniffed(UNKNOWN, "an Excel .xlsx workbook (not supported; save the report as PDF, DOCX or HTML)")
    if "ppt/presentation.xml" in names:
        return Sniffed(UNKNOWN, "a PowerPoint .pptx file (not supported)")
    if "content.xml" in names and "mimetype" in names:
        if mimetype.startswith(b"application/vnd.oasis.opendocument.text"):
            return Sniffed(ODF_TEXT)
        if mimetype.startswith(b"application/vnd.oasis.opendocument.spreadsheet"):
            return Sniffed(ODF_SHEET)
        return Sniffed(UNKNOWN, "an OpenDocument file that is neither text nor a spreadsheet (not supported)")
    return Sniffed(UNKNOWN, "a ZIP archive that is not a DOCX or OFD document")


def _ole_kind(data: bytes) -> Sniffed:
    """Tell Word-like from Excel-like OLE2 compound files by their stream names (UTF-16LE in the directory)."""
    if "WordDocument".encode("utf-16-le") in data:
        return Sniffed(OLE_WORD)
    if "Workbook".encode("utf-16-le") in data or "Book".encode("utf-16-le") in data:
        return Sniffed(OLE_EXCEL)
    if "PowerPoint Document".encode("utf-16-le") in data:
        return Sniffed(UNKNOWN, "a legacy PowerPoint .ppt file (not supported)")
    # Kingsoft WPS and other writers: let LibreOffice try it as a word-processor document.
    return Sniffed(OLE_WORD, "an OLE2 compound document of unknown type")


def looks_like_html(head: bytes) -> bool:
    """True if the first bytes contain HTML tags. UTF-16 input is decoded first."""
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        enc = "utf-16"
        head = head[: len(head) // 2 * 2].decode(enc, errors="ignore").encode("utf-8", errors="ignore")
    head = head[:8192]
    if _HTML_STRONG_RE.search(head):
        return True
    # A fragment without <html>/<body>: ask for at least two tags so that a stray "<p>" in text is not HTML.
    return len(_HTML_TAG_RE.findall(head)) >= 2


def sniff(data: bytes) -> Sniffed:
    """Classify `data` (the whole file or at least its first few KB; ZIP needs the whole file)."""
    head = data[:8192]
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if b"%PDF-" in head[:1024]:
        return Sniffed(PDF)
    if head.startswith(b"PK\x03\x04") or head.startswith(b"PK\x05\x06"):
        return _zip_kind(data)
    if head.startswith(OLE2_MAGIC):
        return _ole_kind(data)
    if stripped.startswith(b"{\\rtf"):
        return Sniffed(RTF)
    for magic, desc in _KNOWN_BINARY:
        if desc and head.startswith(magic):
            return Sniffed(UNKNOWN, desc)
    if looks_like_html(stripped[:8192] if not head.startswith((b"\xff\xfe", b"\xfe\xff")) else head):
        return Sniffed(HTML)
    return Sniffed(TEXT)
