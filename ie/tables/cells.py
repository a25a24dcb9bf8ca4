"""Tokenise a table region of the normalized text into cells with positions (formats.md §7).

Renderings:

* pipe, trailing (R1 one cell per line, R2 one row per line, R3 hybrid, the readers' `` | `` rows): every
  ``|`` ends a cell; text after a line's last ``|`` is a cell too (the readers write no final pipe).
  A line made only of ``|`` (no spaces) is a pad run when it has two or more pipes (R1); a single ``|`` is
  an empty cell. Empty cells at the end of a line that has content are marked ``trailing`` (pads or
  trailing blanks: equivalent for values).
* pipe, leading (R6 markdown, R7 wrapped cells): a cell starts after a ``|`` and runs to the next ``|``,
  across line breaks; whitespace holding a line break between two pipes is a row break; ``|---|`` rows
  are skipped.
* space (R5, PDF text): a line ending in a run of numeric tokens becomes a label cell plus one cell per
  token; any other line is one cell. When the region is written one cell per line with no blank lines
  between cells (a web table copied as text), an empty line is an empty cell: dropping it would shift a
  row's lone total into its first column.

Lines without a pipe inside a pipe-rendered region are tokenised like R5 lines, so a page whose table the
reader could not render as rows still parses.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from ie.tables.values import is_value_token

__all__ = ["Cell", "Line", "tokenize"]


@dataclass
class Cell:
    text: str  # stripped cell text (normalized)
    start: int  # normalized span of the stripped text; for an empty cell, the position of its separator
    end: int
    line: int  # index of the Line it belongs to
    trailing: bool = False  # empty cell after the last content cell of its line
    pad: bool = False  # an R1 pad run (no cell)


@dataclass
class Line:
    cells: list[Cell]
    start: int
    end: int
    piped: bool  # rendered with pipes (otherwise space separated)
    pad: bool = False  # the line is a pad run


_SEP_ROW = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$")
_PAD_LINE = re.compile(r"^\|+$")
_SPACE_TOKEN = re.compile(r"\S+")


def _strip_span(text: str, s: int, e: int) -> tuple[str, int, int]:
    seg = text[s:e]
    ls = len(seg) - len(seg.lstrip())
    rs = len(seg.rstrip())
    if rs <= ls:
        return "", e, e
    return seg[ls:rs], s + ls, s + rs


def _space_line(text: str, s: int, e: int, li: int) -> list[Cell]:
    """R5 line: label text + one cell per trailing numeric token (a lone line is one cell)."""
    toks = [(m.start() + s, m.end() + s) for m in _SPACE_TOKEN.finditer(text[s:e])]
    if not toks:
        return []
    k = len(toks)
    while k > 0 and is_value_token(text[toks[k - 1][0]:toks[k - 1][1]]):
        k -= 1
    cells: list[Cell] = []
    if k > 0:
        a, b = toks[0][0], toks[k - 1][1]
        cells.append(Cell(text[a:b], a, b, li))
    for a, b in toks[k:]:
        cells.append(Cell(text[a:b], a, b, li))
    return cells


def _leading_mode(text: str, lines: list[tuple[int, int]]) -> bool:
    content = [text[s:e].strip() for s, e in lines if "|" in text[s:e] and text[s:e].strip("| \t")]
    if not content:
        return False
    lead = sum(1 for c in content if c.startswith("|"))
    return lead >= 0.6 * len(content)


def _blank_line_cells(text: str, spans: list[tuple[int, int]]) -> bool:
    """One cell per line, cells on consecutive lines: then an empty line between two is an empty cell.

    Not when labels and numbers share lines (PDF text, where blank lines are page layout) nor when every
    cell is followed by a blank line (paragraphs: the blank line separates, it holds nothing).
    """
    content = [i for i, (s, e) in enumerate(spans) if text[s:e].strip()]
    if len(content) < 4:
        return False
    multi = sum(1 for i in content if len(_space_line(text, *spans[i], 0)) >= 2)
    if multi >= 0.3 * len(content):
        return False
    gaps = [b - a - 1 for a, b in zip(content, content[1:])]
    blanks = any(gaps) or content[-1] < len(spans) - 1  # an empty last cell leaves a final empty line
    return blanks and sum(1 for g in gaps if g == 0) >= 0.5 * len(gaps)


def tokenize(text: str, start: int, end: int) -> tuple[list[Line], str]:
    """Lines of cells for ``text[start:end]`` and the region's mode: ``trailing``, ``leading`` or ``space``."""
    spans: list[tuple[int, int]] = []
    pos = start
    while pos < end:
        nl = text.find("\n", pos, end)
        e = end if nl < 0 else nl
        spans.append((pos, e))
        pos = e + 1
    piped = sum(1 for s, e in spans if "|" in text[s:e])
    if piped < 2:
        mode = "space"
    elif _leading_mode(text, spans):
        mode = "leading"
    else:
        mode = "trailing"
    if mode == "leading":
        return _tokenize_leading(text, spans), mode
    blank_cells = mode == "space" and _blank_line_cells(text, spans)
    lines: list[Line] = []
    after_unpiped = False  # the previous non-blank line had no pipe
    for s, e in spans:
        li = len(lines)
        raw = text[s:e]
        stripped = raw.strip()
        if not stripped:
            if blank_cells and lines:
                lines.append(Line([Cell("", s, s, li)], s, e, piped=False))
            continue
        if "|" not in raw:
            lines.append(Line(_space_line(text, s, e, li), s, e, piped=False))
            after_unpiped = True
            continue
        after_content, after_unpiped = after_unpiped, False
        if stripped == "|" and after_content:
            continue  # the `|` that ends the previous line's cell (`content\n|`), not an empty cell
        if _PAD_LINE.match(stripped):
            if len(stripped) >= 2:
                lines.append(Line([], s, e, piped=True, pad=True))
            else:
                p = s + raw.index("|")
                lines.append(Line([Cell("", p, p, li)], s, e, piped=True))
            continue
        if _SEP_ROW.match(raw):
            continue
        cells: list[Cell] = []
        pos = s
        parts = raw.split("|")
        for k, part in enumerate(parts):
            end_pos = pos + len(part)  # the position of the `|` that ends this part
            t = part.strip()
            if t:
                a = pos + (len(part) - len(part.lstrip()))
                cells.append(Cell(t, a, a + len(t), li))
            elif k < len(parts) - 1:
                cells.append(Cell("", end_pos, end_pos, li))
            pos = end_pos + 1
        last = max((i for i, c in enumerate(cells) if c.text), default=-1)
        for c in cells[last + 1:]:
            c.trailing = True
        lines.append(Line(cells, s, e, piped=True))
    return lines, mode


def _tokenize_leading(text: str, spans: list[tuple[int, int]]) -> list[Line]:
    """R6/R7: cells between pipes, possibly spanning lines; each cell is put on the line where it starts."""
    lines: list[Line] = []
    line_of: dict[int, int] = {}
    for s, e in spans:
        raw = text[s:e]
        if _SEP_ROW.match(raw) and "-" in raw:
            continue
        line_of[s] = len(lines)
        lines.append(Line([], s, e, piped=True))
    if not spans:
        return lines
    region_start, region_end = spans[0][0], spans[-1][1]
    keep_starts = sorted(line_of)

    def line_index(pos: int) -> int | None:
        k = bisect_right(keep_starts, pos) - 1
        return line_of[keep_starts[k]] if k >= 0 else None

    seps = []
    p = text.find("|", region_start, region_end)
    while p >= 0:
        seps.append(p)
        p = text.find("|", p + 1, region_end)
    bounds = [region_start - 1] + seps + [region_end]
    for a, b in zip(bounds, bounds[1:]):
        seg = text[a + 1:b]
        if _SEP_ROW.match(seg.strip()) and "-" in seg:
            continue
        if not seg.strip() and ("\n" in seg or a == region_start - 1 or b == region_end):
            continue  # row break, or nothing before the first / after the last pipe
        t, s0, e0 = _strip_span(text, a + 1, b)
        li = line_index(s0 if t else a + 1)
        if li is None:
            continue
        pos0 = s0 if t else max(a, region_start)
        lines[li].cells.append(Cell(t, pos0, e0 if t else pos0, li))
    out = [ln for ln in lines if ln.cells]
    for i, ln in enumerate(out):
        for c in ln.cells:
            c.line = i
    return out
