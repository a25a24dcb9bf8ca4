"""PDF with a text layer (pdfplumber): page text lines, the page number of every line, tables as ` | ` rows.

Tables: pdfplumber's ruled-table finder gives clean rows on report PDFs, where the plain text lines do
not (in the plain text, a row whose label wraps onto two lines gets its numbers on a line of their own,
before or after the label, and a vertical group label such as `三、本年度办理结果` is spread one char per
line into the rows). So each table row that has at least two real cells is rendered as its cells joined
by ` | ` (a merged cell once, in the row where it starts, like an HTML `<td rowspan>`), in place of the text
lines it covers. Everything else (narrative, single-cell rows such as `第二十条第（一）项`, page frames
that the finder reports as one-column tables) stays as the plain text lines. A table is used only if
its cells hold every character that lies in its rows; if pdfplumber dropped any (a cell border it
missed), that table falls back to the plain text lines, so nothing is ever lost.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ie.normalize import PAGE_NUMBER_LINE

_CID_RE = re.compile(r"\(cid:\d+\)")
# pdfminer logs a warning per glyph for fonts without a FontBBox (Chromium's PDFs: 77 lines for one report);
# they say nothing a user can act on, and what matters reaches the record's warnings
logging.getLogger("pdfminer").setLevel(logging.ERROR)
_CJK = "\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef"
_CJK_BREAK = re.compile(rf"(?<=[{_CJK}])\s*\n\s*(?=[{_CJK}])")


class PdfError(ValueError):
    """The PDF cannot be read (message is user-facing)."""


@dataclass
class PdfText:
    text: str
    pages: list[tuple[int, int, int]]
    warnings: list[str]
    soft_breaks: list[int] = field(default_factory=list)  # offsets of the "\n"s that end lines running to the margin


def _center(obj: dict[str, Any]) -> tuple[float, float]:
    return (obj["x0"] + obj["x1"]) / 2, (obj["top"] + obj["bottom"]) / 2


def _inside(point: tuple[float, float], bbox: tuple[float, float, float, float]) -> bool:
    x, y = point
    return bbox[0] <= x <= bbox[2] and bbox[1] <= y <= bbox[3]


def _cell_text(raw: str | None) -> str:
    if not raw:
        return ""
    return " ".join(_CJK_BREAK.sub("", raw).split())


def _table_rows(page: Any, table: Any) -> list[tuple[float, str, set[int]]] | None:
    """Rendered data rows `(top, line, ids of chars it covers)`, or None if the table loses characters."""
    chars = [c for c in page.chars if c["text"].strip()]
    centers = [_center(c) for c in chars]
    covered: set[int] = set()
    rows: list[tuple[float, str, set[int]]] = []
    texts = table.extract()
    for row, cells_text in zip(table.rows, texts):
        real = [(bbox, txt) for bbox, txt in zip(row.cells, cells_text) if bbox is not None]
        row_ids: set[int] = set()
        for bbox, _ in real:
            ids = {i for i, pt in enumerate(centers) if _inside(pt, bbox)}
            row_ids |= ids
        covered |= row_ids
        if len(real) < 2:
            continue
        rendered = [_cell_text(txt) for _, txt in real]
        if not any(rendered):
            continue
        in_row = {i for i, pt in enumerate(centers) if _inside(pt, row.bbox)}
        rows.append((row.bbox[1], " | ".join(rendered), row_ids | in_row))
    if not rows:
        return None
    # Every char lying inside a rendered row's box must be in some cell of the table.
    for _, _, ids in rows:
        if not ids <= covered:
            return None
    return rows


@dataclass
class _Line:
    text: str
    x0: float | None = None  # None: a table row rendered by ``_table_rows``
    x1: float | None = None
    size: float = 10.0  # the median glyph width
    lead: float = 0.0  # the width of the line's first unbreakable run (95.5%, 2024, or one ideograph)


_IDEOGRAPH = re.compile(r"[\u3400-\u9fff]")


def _line_of(ln: dict) -> _Line:
    chars = [c for c in ln.get("chars", []) if c["text"].strip()]
    widths = sorted(c["x1"] - c["x0"] for c in chars)
    lead = 0.0
    if chars:
        run = [chars[0]]
        if not _IDEOGRAPH.match(chars[0]["text"]):  # digits, Latin letters and their marks break as one
            for c in chars[1:]:
                if _IDEOGRAPH.match(c["text"]):
                    break
                run.append(c)
        lead = run[-1]["x1"] - run[0]["x0"]
    return _Line(ln["text"], ln["x0"], ln["x1"], max(widths[len(widths) // 2] if widths else 10.0, 1.0), lead)


def _soft_breaks(pages: list[list[_Line]]) -> list[list[bool]]:
    """For each line, whether the newline after it is soft: the line reaches the right edge of the document's
    text block and the next one starts at its left edge (a line the layout wrapped). A paragraph's last line
    stops short, and a table cell printed as a line of its own starts or stops elsewhere. The edges are where
    most long lines of the whole document end and begin (a page of table cells has no edge of its own); a line
    within about one and a half glyphs of an edge counts (two and a half on the left, for a first-line indent),
    or on the right within the width of the next line's first run."""
    long = [ln for lines in pages for ln in lines if ln.x0 is not None and len(ln.text.strip()) >= 10]
    if len(long) < 3:
        return [[False] * len(lines) for lines in pages]
    rights = sorted(ln.x1 for ln in long)
    lefts = sorted(ln.x0 for ln in long)
    right, left = rights[int(0.8 * (len(rights) - 1))], lefts[int(0.2 * (len(lefts) - 1))]

    def to_right(ln: _Line, nxt: _Line) -> bool:
        # within one and a half glyphs of the edge, or closer than the next line's first run is wide (95.5% did
        # not fit at the end of the line, so the layout moved it down whole)
        return ln.x1 is not None and ln.x1 >= right - max(1.5 * ln.size, nxt.lead + 0.5 * ln.size)

    def from_left(ln: _Line) -> bool:
        return ln.x0 is not None and ln.x0 <= left + 2.5 * ln.size

    flat = [(pi, ln) for pi, lines in enumerate(pages) for ln in lines]
    # the next line, skipping the page numbers the normalizer drops (a sentence goes on across a page break)
    body = [k for k, (_, ln) in enumerate(flat) if not PAGE_NUMBER_LINE.match(ln.text)]
    following = {a: b for a, b in zip(body, body[1:], strict=False)}
    out: list[list[bool]] = [[] for _ in pages]
    for k, (pi, ln) in enumerate(flat):
        nxt = flat[following[k]][1] if k in following else None
        out[pi].append(nxt is not None and to_right(ln, nxt) and from_left(nxt))
    return out



def _page_lines(page: Any, use_tables: bool, warnings: list[str], page_no: int) -> list[_Line]:
    """The page's text lines in reading order, with their positions (tables rendered as rows have none)."""
    lines = page.extract_text_lines(return_chars=True)
    if not use_tables or not lines:
        return [_line_of(ln) for ln in lines]
    try:
        tables = page.find_tables()
    except Exception as exc:  # pdfplumber table finding is heuristic; never fail the read for it
        warnings.append(f"page {page_no}: table detection failed ({type(exc).__name__}); plain text used")
        return [_line_of(ln) for ln in lines]
    chars = [c for c in page.chars if c["text"].strip()]
    index = {id(c): i for i, c in enumerate(chars)}
    items: list[tuple[float, int, _Line]] = []  # (top, order, line)
    consumed: set[int] = set()
    for table in tables:
        rows = _table_rows(page, table)
        if rows is None:
            continue
        # Lines of this table region: each must be wholly inside the rendered rows, or wholly outside.
        row_ids = set().union(*(ids for _, _, ids in rows))
        partial = False
        table_lines: list[int] = []
        for li, ln in enumerate(lines):
            ids = {index[id(c)] for c in ln["chars"] if id(c) in index}
            inside = ids & row_ids
            if inside and inside != ids:
                partial = True
                break
            if inside:
                table_lines.append(li)
        if partial:
            warnings.append(f"page {page_no}: a table shares text lines with other text; plain text used")
            continue
        consumed.update(table_lines)
        items.extend((top, 0, _Line(text)) for top, text, _ in rows)
    items.extend((ln["top"], 1, _line_of(ln)) for li, ln in enumerate(lines) if li not in consumed)
    items.sort(key=lambda item: (item[0], item[1]))
    return [line for _, _, line in items]


def _pdf_error(exc: Exception) -> PdfError:
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
    from pdfminer.pdfparser import PDFSyntaxError

    inner: BaseException = exc
    while inner.args and isinstance(inner.args[0], BaseException):
        inner = inner.args[0]
    if isinstance(inner, PDFPasswordIncorrect):
        return PdfError("encrypted PDF: it needs a password to open; save an unencrypted copy first")
    if isinstance(inner, PDFEncryptionError):
        return PdfError(f"encrypted PDF with an unsupported encryption ({inner}); save an unencrypted copy")
    if isinstance(inner, PDFSyntaxError):
        return PdfError(f"damaged PDF, cannot be parsed ({inner})")
    detail = str(inner).strip()
    return PdfError(f"damaged PDF, cannot be read ({type(inner).__name__}{': ' + detail if detail else ''})")


def read_pdf(path: Path, *, tables: bool = True) -> PdfText:
    """Read a PDF's text layer. Raises `PdfError` for encrypted, damaged or image-only PDFs."""
    import pdfplumber

    warnings: list[str] = []
    page_texts: list[str] = []
    page_lines: list[list[_Line]] = []
    image_only_pages: list[int] = []
    try:
        with pdfplumber.open(str(path)) as pdf:
            for page_no, raw_page in enumerate(pdf.pages, start=1):
                # Fake bold (each glyph drawn twice, slightly offset) would double every character.
                page = raw_page.dedupe_chars()
                lines = _page_lines(page, tables, warnings, page_no)
                text = "\n".join(line.text.rstrip() for line in lines)
                if not any(ch.isalnum() for ch in text):
                    image_only_pages.append(page_no)
                page_texts.append(text)
                page_lines.append(lines)
    except PdfError:
        raise
    except Exception as exc:  # pdfplumber wraps pdfminer's errors in PdfminerException(original)
        raise _pdf_error(exc) from exc

    all_text = "\n".join(page_texts)
    letters = sum(1 for ch in all_text if ch.isalpha())
    if letters < 5 * max(1, len(page_texts)) and letters < 50:
        raise PdfError("no text layer (scanned/image-only PDF); it needs OCR first")
    cid = len(_CID_RE.findall(all_text))
    if cid and cid * 7 > 0.5 * len(all_text):
        raise PdfError("the PDF's fonts have no Unicode map, so its text cannot be extracted; it needs OCR first")
    if cid:
        warnings.append(f"{cid} characters without a Unicode map appear as (cid:N)")
    if image_only_pages:
        pages_s = ", ".join(map(str, image_only_pages[:20]))
        warnings.append(f"page(s) {pages_s} have no text (blank, or scanned images that need OCR)")

    pages: list[tuple[int, int, int]] = []
    soft_breaks: list[int] = []
    pos = 0
    for page_no, (lines, flags) in enumerate(zip(page_lines, _soft_breaks(page_lines), strict=True), start=1):
        text = page_texts[page_no - 1]
        pages.append((pos, pos + len(text), page_no))
        at = pos
        for line, soft in zip(lines, flags, strict=True):
            at += len(line.text.rstrip())
            if soft:
                soft_breaks.append(at)  # the "\n" after the line (or the one between pages, after its last)
            at += 1
        pos += len(text) + 1  # the "\n" between pages
    return PdfText(all_text, pages, warnings, soft_breaks)
