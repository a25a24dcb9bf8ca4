"""HTML pages: the visible text in reading order, one line per block, tables as ` | ` rows."""

from __future__ import annotations

import codecs
import re

from bs4 import BeautifulSoup, NavigableString, Tag
from bs4.element import PreformattedString

from ie.readers.text import Decoded, NotText, decode_bytes

# Elements whose content is never visible text (or is site chrome).
DROPPED = frozenset(
    "script style noscript template head nav iframe svg canvas object embed select button "
    "option datalist audio video map area input textarea".split()
)
BLOCKS = frozenset(
    "address article aside blockquote center dd details dialog div dl dt fieldset figcaption figure form "
    "h1 h2 h3 h4 h5 h6 hr li main ol p pre section summary ul table thead tbody tfoot tr td th caption "
    "title body html legend menu".split()
)
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_META_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE
)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""")
_CJK = "\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef"
_CJK_BREAK = re.compile(rf"(?<=[{_CJK}])[ \t\r\f]*\n[ \t\r\n\f]*(?=[{_CJK}])")
_ASCII_WS = re.compile(r"[ \t\r\n\f\xa0]+")  # NBSP shows as a space; runs of it are padding
# Declared charsets mapped to the codec that actually reads such pages (GB2312 pages carry GBK chars).
_CHARSET_ALIASES = {
    "gb2312": "gb18030", "gbk": "gb18030", "gb_2312-80": "gb18030", "x-gbk": "gb18030", "cp936": "gb18030",
    "big5": "cp950", "x-x-big5": "cp950", "iso-8859-1": "cp1252", "latin1": "cp1252", "ascii": "cp1252",
    "us-ascii": "cp1252", "unicode": "utf-16",
}


def decode_html(data: bytes) -> Decoded:
    """Decode with the BOM, else the page's meta charset (if it decodes cleanly), else detection."""
    for bom, enc in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return Decoded(data.decode(enc, errors="replace"), enc)
    warnings: list[str] = []
    match = _META_CHARSET.search(data[:16384]) or _XML_ENCODING.search(data[:200])
    if match:
        declared = match.group(1).decode("ascii", errors="ignore").lower()
        enc = _CHARSET_ALIASES.get(declared, declared)
        try:
            codecs.lookup(enc)
        except LookupError:
            warnings.append(f"unknown charset {declared!r} declared by the page; detected instead")
        else:
            text = data.decode(enc, errors="replace")
            bad = text.count("\ufffd")
            if bad <= max(2, len(text) // 5000):
                return Decoded(text, enc, [f"{bad} undecodable bytes replaced"] if bad else [])
            warnings.append(f"the page declares charset {declared!r} but does not decode with it; detected instead")
    decoded = decode_bytes(data)
    decoded.warnings[:0] = warnings
    return decoded


def _hidden(tag: Tag) -> bool:
    if tag.name in ("header", "footer"):
        # Page chrome; but an <article>'s own <header> holds its title, which is content.
        return tag.find_parent(["article", "main"]) is None
    if tag.name in DROPPED:
        return True
    attrs = tag.attrs or {}
    if "hidden" in attrs or str(attrs.get("aria-hidden", "")).lower() == "true":
        return True
    if str(attrs.get("role", "")).lower() == "navigation":
        return True
    style = attrs.get("style")
    return bool(style and _HIDDEN_STYLE.search(str(style)))


def _clean_inline(raw: str) -> str:
    """HTML whitespace rules: a source line break between two CJK chars vanishes, other runs of ASCII
    whitespace and NBSP become one space; ideographic spaces (U+3000) are kept inside a line. Both ends of
    the line are stripped (indentation)."""
    return _ASCII_WS.sub(" ", _CJK_BREAK.sub("", raw)).strip()


class _Renderer:
    def __init__(self) -> None:
        self.lines: list[str] = []
        self._buf: list[str] = []

    def flush(self) -> None:
        if self._buf:
            line = _clean_inline("".join(self._buf))
            self._buf = []
            if line:
                self.lines.append(line)

    def walk(self, node: Tag) -> None:
        for child in node.children:
            if isinstance(child, NavigableString):
                if not isinstance(child, PreformattedString):  # comments, doctype, CDATA
                    self._buf.append(str(child))
                continue
            if not isinstance(child, Tag) or _hidden(child):
                continue
            name = child.name
            if name == "br":
                self.flush()
            elif name == "table" and _is_data_table(child):
                self.flush()
                self.lines.extend(_render_table(child))
            elif name == "pre":
                self.flush()
                for line in child.get_text().split("\n"):
                    if line.strip():
                        self.lines.append(line.strip())
            elif name in BLOCKS:
                self.flush()
                self.walk(child)
                self.flush()
            else:
                self.walk(child)


def _own_rows(table: Tag) -> list[Tag]:
    return [tr for tr in table.find_all("tr") if tr.find_parent("table") is table]


_CELL_BLOCKS = ["p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote"]


def _is_layout_cell(cell: Tag) -> bool:
    """A cell holding a page's body (long text, many paragraphs), not a value or a label."""
    if len(cell.get_text()) > 400:
        return True
    return sum(1 for block in cell.find_all(_CELL_BLOCKS) if block.get_text(strip=True)) >= 5


def _is_data_table(table: Tag) -> bool:
    """Layout tables (a nested table inside, one cell per row, or a cell holding a page body) are walked as
    blocks, so their content keeps its lines; only data tables are rendered as ` | ` rows."""
    if table.find("table") is not None:
        return False
    rows = [tr.find_all(["td", "th"], recursive=False) for tr in _own_rows(table)]
    if not any(len(cells) > 1 for cells in rows):
        return False
    return not any(_is_layout_cell(cell) for cells in rows for cell in cells)


def _cell_text(cell: Tag) -> str:
    sub = _Renderer()
    sub.walk(cell)
    sub.flush()
    return " ".join(sub.lines)


def _render_table(table: Tag) -> list[str]:
    lines: list[str] = []
    caption = table.find("caption")
    if caption is not None and caption.find_parent("table") is table:
        text = _cell_text(caption)
        if text:
            lines.append(text)
    for tr in _own_rows(table):
        if _hidden(tr):
            continue
        cells = [_cell_text(c) for c in tr.find_all(["td", "th"], recursive=False) if not _hidden(c)]
        if any(cells):
            lines.append(" | ".join(cells))
    return lines


def html_to_text(markup: str) -> str:
    """Render decoded HTML to lines of visible text."""
    soup = BeautifulSoup(markup, "lxml")
    renderer = _Renderer()
    renderer.walk(soup)
    renderer.flush()
    return "\n".join(renderer.lines)


def read_html_bytes(data: bytes) -> tuple[str, list[str]]:
    """Return (text, warnings). Raises `NotText` if the bytes cannot be decoded."""
    decoded = decode_html(data)
    try:
        text = html_to_text(decoded.text)
    except RecursionError as exc:
        raise NotText("HTML nested too deeply to read") from exc
    return text, decoded.warnings


__all__ = ["read_html_bytes", "html_to_text", "decode_html", "NotText"]
