"""DOCX: paragraphs and tables in document order; tables as ` | ` rows.

The body XML is walked directly (python-docx opens the package and gives the parts), so that tables stay
where they are between paragraphs. Word's automatic list numbering (`一、` `(一)` `1.` made by the
numbering part, not typed) is rendered too: section headings of many reports are numbered that way, and
without the number `一、总体情况` would come out as `总体情况`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_NS = {"w": W, "mc": MC}
_RUN_TEXT = etree.XPath(
    "(.//w:r/w:t | .//w:r/w:tab | .//w:r/w:br | .//w:r/w:cr | .//w:r/w:noBreakHyphen)"
    "[not(ancestor::mc:Fallback)]",
    namespaces=_NS,
)


def _q(tag: str) -> str:
    return f"{{{W}}}{tag}"


def _val(el: Any, path: str) -> str | None:
    found = el.find(path, _NS) if el is not None else None
    return None if found is None else found.get(_q("val"))


_CN_DIGITS = "零一二三四五六七八九"


def _chinese_number(n: int) -> str:
    if n <= 0:
        return str(n)
    if n < 10:
        return _CN_DIGITS[n]
    if n < 100:
        tens, ones = divmod(n, 10)
        return ("" if tens == 1 else _CN_DIGITS[tens]) + "十" + (_CN_DIGITS[ones] if ones else "")
    return str(n)


def _roman(n: int) -> str:
    out = ""
    for value, sym in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"),
                       (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            out += sym
            n -= value
    return out


def _format_number(n: int, fmt: str) -> str:
    if fmt in ("chineseCounting", "chineseCountingThousand", "chineseLegalSimplified", "ideographDigital",
               "taiwaneseCounting", "taiwaneseCountingThousand", "japaneseCounting"):
        return _chinese_number(n)
    if fmt == "decimalEnclosedCircle" or fmt == "decimalEnclosedCircleChinese":
        return chr(0x2460 + n - 1) if 1 <= n <= 20 else str(n)
    if fmt == "decimalFullWidth" or fmt == "decimalFullWidth2":
        return "".join(chr(0xFF10 + int(d)) for d in str(n))
    if fmt == "lowerLetter":
        return chr(ord("a") + (n - 1) % 26)
    if fmt == "upperLetter":
        return chr(ord("A") + (n - 1) % 26)
    if fmt == "lowerRoman":
        return _roman(n).lower()
    if fmt == "upperRoman":
        return _roman(n)
    if fmt == "ideographTraditional":
        return "甲乙丙丁戊己庚辛壬癸"[(n - 1) % 10]
    if fmt in ("decimalZero",):
        return f"{n:02d}"
    return str(n)


class _Numbering:
    """Counters for Word's automatic numbering (numbering.xml), in document order."""

    def __init__(self, numbering_el: Any, styles_el: Any) -> None:
        self.levels: dict[str, dict[int, tuple[int, str, str]]] = {}  # numId -> ilvl -> (start, fmt, text)
        self.abstract_of: dict[str, str] = {}
        self.counters: dict[str, dict[int, int]] = {}  # per abstractNum: continuing lists share counters
        self.style_num: dict[str, tuple[str, int]] = {}
        if numbering_el is not None:
            abstract: dict[str, dict[int, tuple[int, str, str]]] = {}
            for an in numbering_el.findall("w:abstractNum", _NS):
                lvls = {}
                for lvl in an.findall("w:lvl", _NS):
                    ilvl = int(lvl.get(_q("ilvl"), "0"))
                    start = int(_val(lvl, "w:start") or 1)
                    lvls[ilvl] = (start, _val(lvl, "w:numFmt") or "decimal", _val(lvl, "w:lvlText") or "")
                abstract[an.get(_q("abstractNumId"), "")] = lvls
            for num in numbering_el.findall("w:num", _NS):
                num_id = num.get(_q("numId"), "")
                abs_id = _val(num, "w:abstractNumId") or ""
                lvls = dict(abstract.get(abs_id, {}))
                for override in num.findall("w:lvlOverride", _NS):
                    ilvl = int(override.get(_q("ilvl"), "0"))
                    start = _val(override, "w:startOverride")
                    if start is not None and ilvl in lvls:
                        lvls[ilvl] = (int(start), lvls[ilvl][1], lvls[ilvl][2])
                self.levels[num_id] = lvls
                self.abstract_of[num_id] = abs_id if not num.findall("w:lvlOverride", _NS) else f"num{num_id}"
        if styles_el is not None:
            for style in styles_el.findall("w:style", _NS):
                num_id = _val(style, "w:pPr/w:numPr/w:numId")
                if num_id is not None:
                    ilvl = int(_val(style, "w:pPr/w:numPr/w:ilvl") or 0)
                    self.style_num[style.get(_q("styleId"), "")] = (num_id, ilvl)

    def label(self, p: Any) -> str:
        """The number text Word shows before paragraph `p` ('' if not numbered); advances the counters."""
        num_id = _val(p, "w:pPr/w:numPr/w:numId")
        ilvl_s = _val(p, "w:pPr/w:numPr/w:ilvl")
        if num_id is None:
            style_id = _val(p, "w:pPr/w:pStyle")
            if style_id is None or style_id not in self.style_num:
                return ""
            num_id, ilvl = self.style_num[style_id]
            if ilvl_s is not None:
                ilvl = int(ilvl_s)
        else:
            ilvl = int(ilvl_s or 0)
        lvls = self.levels.get(num_id)
        if not lvls or ilvl not in lvls or num_id == "0":
            return ""
        start, fmt, text = lvls[ilvl]
        if fmt in ("bullet", "none"):
            return ""
        key = self.abstract_of.get(num_id, num_id)
        counters = self.counters.setdefault(key, {})
        counters[ilvl] = counters.get(ilvl, start - 1) + 1
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]
        out = text
        for level in range(ilvl, -1, -1):
            if f"%{level + 1}" in out:
                lvl_start, lvl_fmt, _ = lvls.get(level, (1, "decimal", ""))
                value = counters.get(level, lvl_start)
                out = out.replace(f"%{level + 1}", _format_number(value, lvl_fmt))
        return out


class _DocxRenderer:
    def __init__(self, numbering: _Numbering) -> None:
        self.numbering = numbering
        self.lines: list[str] = []

    def paragraph_text(self, p: Any) -> str:
        parts: list[str] = []
        for el in _RUN_TEXT(p):
            tag = etree.QName(el).localname
            if tag == "t":
                parts.append(el.text or "")
            elif tag == "tab":
                parts.append("\t")
            elif tag in ("br", "cr"):
                parts.append("\n")
            elif tag == "noBreakHyphen":
                parts.append("-")
        text = "".join(parts)
        label = self.numbering.label(p)
        return label + text if text.strip() else text

    def block(self, container: Any) -> None:
        """Paragraphs and tables that are direct children of `container` (body, cell, sdtContent)."""
        for child in container:
            tag = etree.QName(child).localname if isinstance(child.tag, str) else ""
            if tag == "p":
                for line in self.paragraph_text(child).split("\n"):
                    if line.strip():
                        self.lines.append(line.strip())
            elif tag == "tbl":
                self.table(child)
            elif tag in ("sdt", "customXml", "smartTag"):
                content = child.find("w:sdtContent", _NS) if tag == "sdt" else child
                if content is not None:
                    self.block(content)

    def cell_text(self, tc: Any) -> str:
        sub = _DocxRenderer(self.numbering)
        sub.block(tc)
        return " ".join(" ".join(line.split()) for line in sub.lines)

    def table(self, tbl: Any) -> None:
        rows = [tr for tr in tbl.findall("w:tr", _NS)]
        cells_per_row = [self._cells(tr) for tr in rows]
        layout = (
            tbl.find(".//w:tc//w:tbl", _NS) is not None
            or all(len(c) <= 1 for c in cells_per_row)
            or any(self._is_layout_cell(tc) for cells in cells_per_row for tc in cells)
        )
        for cells in cells_per_row:
            if layout:
                for tc in cells:
                    self.block(tc)
                continue
            texts = [self.cell_text(tc) for tc in cells]
            if any(texts):
                self.lines.append(" | ".join(texts))

    @staticmethod
    def _is_layout_cell(tc: Any) -> bool:
        """A cell holding body text (long, many paragraphs): the table is a layout box, not data."""
        texts = ["".join(t.text or "" for t in p.iter(_q("t"))) for p in tc.iter(_q("p"))]
        return sum(map(len, texts)) > 400 or sum(1 for t in texts if t.strip()) >= 5

    @staticmethod
    def _cells(tr: Any) -> list[Any]:
        """Physical cells of a row, without the continuation cells of a vertical merge.

        An HTML table with rowspan has no <td> in the rows below; Word writes an empty `vMerge` cell there.
        Dropping it makes both renderings the same.
        """
        cells = []
        for tc in tr.iter(_q("tc")):
            if tc.getparent() is not tr and etree.QName(tc.getparent()).localname != "sdtContent":
                continue
            vmerge = tc.find("w:tcPr/w:vMerge", _NS)
            if vmerge is not None and vmerge.get(_q("val"), "continue") != "restart":
                continue
            cells.append(tc)
        return cells


def read_docx(path: Path) -> tuple[str, list[str]]:
    """Return (text, warnings). Raises ValueError / KeyError / zipfile errors for damaged files."""
    import docx  # python-docx

    document = docx.Document(str(path))
    warnings: list[str] = []
    try:
        numbering_el = document.part.numbering_part.element
    except (KeyError, NotImplementedError):
        numbering_el = None
    styles_el = document.styles.element
    renderer = _DocxRenderer(_Numbering(numbering_el, styles_el))
    renderer.block(document.element.body)
    return "\n".join(renderer.lines), warnings
