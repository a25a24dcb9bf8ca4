"""Find the statistical tables of a report and read their cells (formats.md §2–§5, §7).

Each table is located by anchors in the normalized text (``第二十条第(一)项``, ``勾稽关系``/``本年新收``,
``行政复议`` after ``结转下年度``, ``统计指标``), tokenised (``cells.tokenize``) and read label-first:
a cell (or, in line-style renderings, a line's leading text) that matches a known row label takes the
next value cells of its row. Two layouts are told apart per table:

* line style (R2, R5, R6, the readers' `` | `` rows): a row's values are on the label's line;
* cell style (R1, R3, R7): one cell per line, a row's values are the cells after its label, up to the
  template's column count, a pad run, or the next label.

In PDF text (R5) a wrapped label puts its numbers on a line of their own; such unlabelled runs fill the
rows left between two labelled rows when their counts agree (the template gives the row order).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Protocol

from ie.tables import templates as T
from ie.tables.cells import Cell, Line, tokenize
from ie.tables.values import UNITS, CellValue, parse_value


class NormalizedLike(Protocol):
    original: str
    text: str

    def to_original(self, start: int, end: int) -> tuple[int, int]: ...

    def is_corrupted(self, start: int, end: int) -> bool: ...


# ---------------------------------------------------------------------------------------------------------
# Regions

_ART20_1_ROWS = re.compile(r"规\s*章|规范性文件")
# the 信息内容 cell that opens a sub-table: a cell of its own, or (PDF text) the header row on one line
_HEADER_CELL_RE = re.compile(r"^[ \t|]*信息内容(?:[ \t]*(?:\||$)|[ \t]+(?:本年|上一年))", re.M)
_T2_ANCHOR = re.compile(r"勾稽关系|申请人情况|本年新收")
_T2_END_ROW = re.compile(r"结转下年度")
_T2_TAIL_ROW = re.compile(r"^[ \t]*四[、.,]?\s*结转下年度继续办理(?:[ \t|]+-?\d+){3,}", re.M)
_T2_BODY = re.compile(r"予以公开\s*\|?\s*\d|不予公开\s*\||无法提供\s*\|")
_T3_ANCHOR = re.compile(r"行政复议")
_T3_END = re.compile(r"^[ \t]*(?:五[、.,]|[(（]?五[)）])|存在的?主要问题|存在问题|其他需要报告", re.M)
_HEADING_3 = re.compile(r"^[ \t]*三[、.,][^\n|]*(?:收到和处理|依申请)[^\n|]*$", re.M)


@dataclass
class Regions:
    t1: tuple[int, int] | None = None
    t2: tuple[int, int] | None = None
    t3: tuple[int, int] | None = None
    pre: tuple[int, int] | None = None


def _line_start(text: str, pos: int) -> int:
    return text.rfind("\n", 0, pos) + 1


def _line_end(text: str, pos: int) -> int:
    e = text.find("\n", pos)
    return len(text) if e < 0 else e


def find_regions(text: str, sections: list[Any] | None = None) -> Regions:
    r = Regions()
    m1 = T.ART20_TITLE.search(text)
    t1_start = _line_start(text, m1.start()) if m1 else None
    if m1 is not None and m1.group(1) != "一":
        # the page lost the 第二十条第(一)项 title row, or misprinted it (第二十一条第(一)项): the first sub-table's
        # header cell and its 规章/规范性文件 rows stand before the first title found
        heads = list(_HEADER_CELL_RE.finditer(text, max(0, m1.start() - 1200), m1.start()))
        if heads:
            nxt = heads[1].start() if len(heads) > 1 else m1.start()
            if _ART20_1_ROWS.search(text, heads[0].end(), nxt):
                t1_start = _line_start(text, heads[0].start())
    search_from = t1_start or 0
    m2 = _T2_ANCHOR.search(text, search_from)
    t2_start = None
    if m2:
        t2_start = _line_start(text, m2.start())
        heads = list(_HEADING_3.finditer(text, search_from, t2_start + 1))
        h = heads[-1] if heads else None
        if h is not None and t2_start - h.end() < 200:
            t2_start = h.start()
    elif sections:
        sec = next((s for s in sections if s.key == "applications"), None)
        if sec is not None and sec.start >= search_from and _T2_BODY.search(text, sec.start, sec.end):
            t2_start = sec.start
    if t2_start is None:
        mt = _T2_TAIL_ROW.search(text, search_from)  # a page that starts with the table's last row
        if mt:
            t2_start = mt.start()
    t3_start = None
    after_t2 = t2_start if t2_start is not None else search_from
    mend = _T2_END_ROW.search(text, after_t2)
    m3 = _T3_ANCHOR.search(text, mend.end() if mend else after_t2)
    if m3 and t2_start is None and t1_start is None:
        # a page holding table 3 alone: the first 行政复议 followed by the table's column labels
        m3 = next((m for m in _T3_ANCHOR.finditer(text, after_t2)
                   if _has_structure(text[m.start():m.start() + 400], _T3_STRUCTURE)), None)
    if m3:
        t3_start = _line_start(text, m3.start())
    if t1_start is not None:
        end = t2_start if t2_start is not None else (t3_start if t3_start is not None else len(text))
        r.t1 = (t1_start, end)
    if t2_start is not None:
        r.t2 = (t2_start, t3_start if t3_start is not None else len(text))
    if t3_start is not None:
        header_end = _line_end(text, m3.end())
        me = _T3_END.search(text, header_end)
        r.t3 = (t3_start, me.start() if me else min(len(text), t3_start + 4000))
    mp = T.P_ANCHOR.search(text)
    if mp and (r.t2 is None or mp.start() > r.t2[1] or mp.start() < (r.t1 or r.t2)[0]):
        r.pre = (_line_start(text, mp.start()), len(text))
    return r


# ---------------------------------------------------------------------------------------------------------
# Rows


@dataclass
class RowHit:
    key: str
    label: Cell
    score: float
    values: list[Cell | None]  # exactly n entries; None = no cell there (row shorter than the template)
    line: int
    positional: bool = False  # assigned by row order, not by its own label
    exact: bool = True  # the row had exactly the template's number of cells (no positional guess)
    overflow: list[Cell] = field(default_factory=list)  # value cells beyond the template's columns


@dataclass
class Orphan:
    """An unlabelled run of value cells on one line (R5: numbers of a wrapped label)."""

    cells: list[Cell]
    line: int


_SUFFIX_START = re.compile(r"(?:[一二三四五六七八九十]+[、.]|[(][一二三四五六七八九十\d]+[)]|(?<!\d)\d{1,2}[.、](?!\d))")


def _is_text(c: Cell) -> bool:
    return bool(c.text) and parse_value(c.text).kind == "text"


def match_label(labels: T.LabelSet, text: str) -> T.LabelMatch | None:
    """Match a label, also trying the suffixes that start at an ordinal or after a space (PDF lines put a
    group label or stray characters of a vertical label before the row label)."""
    m = labels.match(text)
    if m is not None and m.spec.kind == "row" and m.score >= 0.9:
        return m
    colon = re.search(r"[:：]", text)
    if colon is not None and 2 <= len(T.canon(text[:colon.start()])) <= 16:
        # a row label followed by its definition (规章:地方行政规章指…。), as some pages print the template's notes
        mh = labels.match(text[:colon.start()])
        if mh is not None and mh.spec.kind == "row" and mh.score >= 0.9:
            return mh
    best = m
    starts = {x.start() for x in _SUFFIX_START.finditer(text)} | {x.end() for x in re.finditer(r"\s+", text)}
    for s in sorted(starts, reverse=True):
        if s <= 0 or s >= len(text):
            continue
        m2 = labels.match(text[s:])
        if m2 is not None and (best is None or (m2.spec.kind == "row" and (best.spec.kind != "row"
                                                                           or m2.score > best.score))):
            best = m2
            if m2.score >= 0.95:
                break
    return best


_ORDINAL_DIGITS = re.compile(r"(?<!\d)\d{1,2}[.、](?!\d)|第二十条")


def has_values(lines: list[Line]) -> bool:
    """Whether any cell of the region holds a value (a number, a dash, a written zero), or a digit glued to
    a label (``结转下年度继续办理1000001``: values, just not readable ones)."""
    for ln in lines:
        for c in ln.cells:
            if c.text and (not _is_text(c) or re.search(r"\d", _ORDINAL_DIGITS.sub("", c.text))):
                return True
    return False


def label_only_hits(lines: list[Line], labels: T.LabelSet, ncols: Callable[[str], int]) -> list[RowHit]:
    """Rows of a table printed with its labels and no value at all (a body with nothing to report, in PDF
    text where blank cells leave no trace): every cell of each row found is blank."""
    hits: list[RowHit] = []
    for li, ln in enumerate(lines):
        for c in ln.cells:
            if not _is_text(c):
                continue
            m = match_label(labels, c.text)
            if m is not None and m.spec.kind == "row":
                hits.append(RowHit(m.spec.key, c, m.score, [None] * ncols(m.spec.key), li))
    return hits


def _filled(h: RowHit) -> int:
    return sum(1 for c in h.values if c is not None and c.text)


def _dedupe(hits: list[RowHit], table: str, warnings: list[str]) -> list[RowHit]:
    """One hit per row: the one with the most written cells (the first on a tie)."""
    best: dict[str, RowHit] = {}
    for h in hits:
        if h.key in best:
            warnings.append(f"{table}: row {h.key} appears twice; the fuller one is kept")
            if _filled(h) > _filled(best[h.key]):
                best[h.key] = h
            continue
        best[h.key] = h
    return sorted(best.values(), key=lambda h: h.line)


def is_line_style(lines: list[Line], mode: str) -> bool:
    if mode == "space":
        # PDF text has labels and numbers on one line; a page rendered one cell per paragraph does not
        value_lines = [ln for ln in lines if any(c.text and not _is_text(c) for c in ln.cells)]
        rowlike = sum(1 for ln in value_lines if any(_is_text(c) for c in ln.cells))
        return not value_lines or rowlike >= 0.3 * len(value_lines)
    content = [ln for ln in lines if any(c.text for c in ln.cells)]
    if not content:
        return False
    multi = sum(1 for ln in content if sum(1 for c in ln.cells if c.text) >= 2)
    return multi >= 0.3 * len(content)


def _fit_values(cells: list[Cell], n: int, filler: Cell | None = None) -> tuple[list[Cell | None], bool, list[Cell]]:
    """Fit a line's value cells to n columns: (values, exact, overflow); exact means no guessing.

    ``filler`` (an empty cell at the end of a piped line) stands for trailing cells the rendering leaves
    out (the readers write no final pipe, so a blank last cell leaves no trace)."""
    vals = list(cells)
    while vals and not vals[-1].text and len(vals) > n:
        vals.pop()
    core = list(vals)
    while core and not core[-1].text:
        core.pop()
    exact = True
    if len(core) > n:
        # a merged-cell artefact: an empty cell between the label and the values (reader rows)
        while len(core) > n and core and not core[0].text:
            core.pop(0)
        if len(core) > n:
            exact = False
    out: list[Cell | None] = list(core[:n])
    # trailing empties of the original line are blanks (or pads: the same for values)
    rest = [c for c in vals[len(core):] if not c.text] if len(core) <= n else []
    for c in rest:
        if len(out) < n:
            out.append(c)
    if len(out) < n:
        written = any(c is not None and c.text for c in out) and cells and all(c.text for c in cells)
        if written and (filler is None or n - len(out) > 1):
            exact = False  # a value missing among written ones: which one is unknown
        out.extend([filler] * (n - len(out)))
    return out, exact, core[n:]


def extract_rows(lines: list[Line], line_style: bool, labels: T.LabelSet,
                 ncols: Callable[[str], int]) -> tuple[list[RowHit], list[Orphan], list[tuple[Cell, list[Cell]]]]:
    """Row hits (label-anchored), orphan value runs (line style) and unknown labelled rows."""
    hits: list[RowHit] = []
    orphans: list[Orphan] = []
    unknown: list[tuple[Cell, list[Cell]]] = []
    if line_style:
        prev_text: Cell | None = None  # the previous line when it held only text (a wrapped label's start)
        for li, ln in enumerate(lines):
            cells = ln.cells
            if not cells:
                continue
            before, prev_text = prev_text, None
            last_text = max((i for i, c in enumerate(cells) if _is_text(c)), default=-1)
            if last_text < 0:
                vals = [c for c in cells if not c.trailing]
                if vals and any(c.text for c in vals):
                    orphans.append(Orphan(vals, li))
                continue
            if last_text == len(cells) - 1 or not any(c.text for c in cells[last_text + 1:]):
                prev_text = cells[last_text]
            hit = None
            for j in range(last_text, -1, -1):
                if not _is_text(cells[j]):
                    continue
                m = match_label(labels, cells[j].text)
                if m is not None and m.spec.kind == "row":
                    hit = (j, m)
                    break
                if m is not None:
                    break  # a group/header cell before the values: not a data row
            rest = cells[last_text + 1:]
            if hit is None and before is not None and rest and any(c.text for c in rest):
                m = match_label(labels, before.text + cells[last_text].text)  # a label wrapped over two lines
                if m is not None and m.spec.kind == "row":
                    hit = (last_text, m)
            if hit is None:
                if rest and any(c.text for c in rest):
                    m = match_label(labels, cells[last_text].text)
                    if m is None:
                        unknown.append((cells[last_text], rest))
                continue
            j, m = hit
            if not ln.piped and not rest:
                continue  # PDF text: a label whose numbers sit on a line of their own (an orphan run)
            n = ncols(m.spec.key)
            filler = Cell("", ln.end, ln.end, li) if ln.piped else None
            values, exact, overflow = _fit_values(cells[j + 1:] if j == last_text else rest, n, filler)
            hits.append(RowHit(m.spec.key, cells[j], m.score, values, li, overflow=overflow, exact=exact))
        return hits, orphans, unknown
    stream: list[Cell | None] = []  # None = pad (row end)
    for ln in lines:
        if ln.pad:
            stream.append(None)
            continue
        for c in ln.cells:
            if c.trailing:
                if stream and stream[-1] is not None:
                    stream.append(None)
                continue
            stream.append(c)
    i = 0
    while i < len(stream):
        c = stream[i]
        i += 1
        if c is None or not _is_text(c):
            continue
        m = match_label(labels, c.text)
        if m is None:
            # a row the template does not have (地方性法规 in table 1): its label and 1-3 values, kept
            j = i
            while j < len(stream) and stream[j] is not None and not _is_text(stream[j]) and j - i < 4:
                j += 1
            extra = [x for x in stream[i:j] if x is not None and x.text]
            if 1 <= len(extra) <= 3 and (j == len(stream) or stream[j] is None or _is_text(stream[j])):
                unknown.append((c, extra))
            continue
        if m.spec.kind != "row":
            continue
        n = ncols(m.spec.key)
        vals: list[Cell | None] = []
        skipped = 0
        while (i < len(stream) and stream[i] is not None and _is_text(stream[i]) and skipped < 2
               and match_label(labels, stream[i].text) is None):
            i += 1  # the rest of a label cell that wrapped onto another line
            skipped += 1
        padded = False
        while i < len(stream) and len(vals) < n:
            nxt = stream[i]
            if nxt is None:
                padded = True
                i += 1
                if vals:
                    break
                continue
            if _is_text(nxt):
                break
            vals.append(nxt)
            i += 1
        if not vals and not padded:
            continue  # a label followed by another label: prose or a header, not a data row
        exact = len(vals) == n
        vals.extend([None] * (n - len(vals)))
        hits.append(RowHit(m.spec.key, c, m.score, vals, c.line, exact=exact))
    return hits, orphans, unknown


def fill_gaps(hits: list[RowHit], orphans: list[Orphan], order: list[str], n: int) -> tuple[list[RowHit], list[str]]:
    """Assign unlabelled runs of exactly n values to the rows left between labelled rows (template order)."""
    warnings: list[str] = []
    runs = [o for o in orphans if len([c for c in o.cells if c.text]) == n and len(o.cells) == n]
    by_key: dict[str, RowHit] = {}
    for h in hits:
        if h.key not in by_key:
            by_key[h.key] = h
    # anchors must increase in both template order and line order
    idx = {k: i for i, k in enumerate(order)}
    anchors = sorted((h for h in by_key.values() if h.key in idx), key=lambda h: h.line)
    mono: list[RowHit] = []
    for h in anchors:
        if not mono or idx[h.key] > idx[mono[-1].key]:
            mono.append(h)
        else:
            warnings.append(f"row {h.key} found out of template order; ignored")
    kept = {h.key: h for h in mono}
    if not runs:
        return list(kept.values()), warnings
    bounds = [(-1, -1)] + [(idx[h.key], h.line) for h in mono] + [(len(order), 10 ** 9)]
    out = dict(kept)
    for (ka, la), (kb, lb) in zip(bounds, bounds[1:]):
        missing = [order[k] for k in range(ka + 1, kb)]
        gap_runs = [o for o in runs if la < o.line < lb]
        if not missing or not gap_runs:
            continue
        if len(gap_runs) == len(missing):
            for key, run in zip(missing, gap_runs):
                out[key] = RowHit(key, run.cells[0], 0.95, list(run.cells), run.line, positional=True)
        else:
            warnings.append(f"{len(gap_runs)} unlabelled value rows for {len(missing)} rows "
                            f"({missing[0]}…{missing[-1]}); not assigned")
    return list(out.values()), warnings


# ---------------------------------------------------------------------------------------------------------
# Cell dicts


class CellMaker:
    """Turns a tokenised cell into a record cell dict (value, raw, flag, unit, original offsets, confidence).

    ``raw`` is the original text of the cell, so ``original[start:end] == raw`` always holds; an empty cell
    has ``start == end`` at its separator; a cell missing from a short row (``None``) sits at ``near``."""

    def __init__(self, norm: NormalizedLike):
        self.norm = norm

    def make(self, cell: Cell | None, conf: float, near: int = 0) -> dict[str, Any]:
        norm = self.norm
        if cell is None:
            s, _ = norm.to_original(near, near)
            return {"value": None, "raw": "", "flag": "blank", "start": s, "end": s,
                    "confidence": round(0.6 * conf, 3)}
        if not cell.text:
            s, _ = norm.to_original(cell.start, cell.start)
            return {"value": None, "raw": "", "flag": "blank", "start": s, "end": s,
                    "confidence": round(0.97 * conf, 3)}
        s, e = norm.to_original(cell.start, cell.end)
        raw = norm.original[s:e]
        if norm.is_corrupted(cell.start, cell.end):
            return {"value": None, "raw": raw, "flag": "corrupted", "start": s, "end": e,
                    "confidence": round(0.5 * conf, 3)}
        pv: CellValue = parse_value(cell.text)
        out: dict[str, Any] = {"value": pv.value, "raw": raw}
        if pv.flag:
            out["flag"] = pv.flag
        if pv.unit:
            out["unit"] = pv.unit
        out["start"], out["end"] = s, e
        c = conf * pv.certainty
        if pv.kind == "text":
            out["flag"] = "not_applicable"
            c *= 0.5
        out["confidence"] = round(min(0.995, c), 3)
        return out


def row_confidence(score: float, positional: bool = False, exact: bool = True) -> float:
    """Confidence of a row's cells before checks: label match quality, row-order assignment, and whether
    the row had as many cells as the template (else the cells may be shifted)."""
    base = 0.99 * (0.85 + 0.15 * min(1.0, score))
    return base * (0.96 if positional else 1.0) * (1.0 if exact else 0.6)


def all_blank(cells: dict[str, dict[str, Any]]) -> bool:
    return all(c["value"] is None for c in cells.values())


# ---------------------------------------------------------------------------------------------------------
# Table 1


def _t1_version(text: str) -> str | None:
    """The version whose markers the table shows most (v2019 on a tie); None when it shows none."""
    c = T.canon(text)
    votes = {v: sum(1 for mk in marks if mk in c) for v, marks in T.T1_MARKERS.items()}
    if not any(votes.values()):
        return None
    return "v2021" if votes["v2021"] > votes["v2019"] else "v2019"


def parse_t1(norm: NormalizedLike, region: tuple[int, int], maker: CellMaker) -> tuple[dict, list[str]]:
    text = norm.text
    marked = _t1_version(text[region[0]:region[1]])
    version = marked or "v2019"  # labels alone read the same in both versions
    tmpl = T.T1_TEMPLATES[version]
    lines, mode = tokenize(text, *region)
    line_style = is_line_style(lines, mode)
    ncols = {f"{sub}.{row}": len(cols) for sub, (rows, cols) in tmpl.items() for row, _ in rows}
    hits, _, unknown = extract_rows(lines, line_style, T.T1_LABELS[version], lambda k: ncols[k])
    warnings: list[str] = []
    if not hits and not has_values(lines):
        hits = label_only_hits(lines, T.T1_LABELS[version], lambda k: ncols[k])
        if hits:
            warnings.append("proactive_disclosure: no values printed; every cell is blank")
    header_ok = _t1_headers_match(lines, version)
    cells: dict[str, dict[str, Any]] = {}
    hits = _dedupe(hits, "proactive_disclosure", warnings)
    seen = {h.key for h in hits}
    for h in hits:
        sub, row = h.key.split(".")
        cols = tmpl[sub][1]
        conf = row_confidence(h.score, exact=h.exact) * (1.0 if header_ok.get(sub, True) else 0.98)
        for (ckey, _), cell in zip(cols, h.values):
            cells[f"{sub}.{row}.{ckey}"] = maker.make(cell, conf, near=h.label.end)
    for label, rest in unknown:
        vals = [c for c in rest if c.text]
        if vals and len(vals) <= 3 and len(T.canon(label.text)) >= 2:
            key = f"extra.{T.canon(label.text)}"
            for i, c in enumerate(vals):
                cells[f"{key}.{i + 1}"] = maker.make(c, 0.7)
    expected = sum(len(rows) * len(cols) for rows, cols in tmpl.values())
    found = sum(1 for k in cells if not k.startswith("extra."))
    if found < expected:
        missing_rows = [f"{sub}.{r}" for sub, (rows, _) in tmpl.items() for r, _ in rows
                        if f"{sub}.{r}" not in seen]
        warnings.append(f"proactive_disclosure: rows not found: {', '.join(missing_rows)}")
    status = _status(cells)
    # an unreadable table names its template only by its markers
    template = marked if status == "unreadable" else version
    return {"status": status, "template": template, "cells": cells}, warnings


def _t1_headers_match(lines: list[Line], version: str) -> dict[str, bool]:
    """Whether each sub-table's header cells match the template exactly (else columns are positional)."""
    out: dict[str, bool] = {}
    tmpl = T.T1_TEMPLATES[version]
    current = None
    flat = [c for ln in lines for c in ln.cells if c.text]
    for i, c in enumerate(flat):
        m = T.ART20_TITLE.search(c.text)
        if m:
            current = T.ART20_SUBTABLE.get(m.group(1))
            continue
        if current in tmpl and T.canon(c.text).startswith("信息内容"):
            want = [T.core(T.canon(lab)) for _, lab in tmpl[current][1]]
            rest = T.canon(c.text)[len("信息内容"):]
            if rest:  # PDF text: the whole header row is one cell
                out[current] = rest == "".join(T.core(T.canon(lab)) for _, lab in tmpl[current][1]) or all(
                    w in rest for w in want)
                continue
            heads = [T.core(T.canon(x.text)) for x in flat[i + 1:i + 1 + len(want)]]
            out[current] = heads == want
    return out


_T2_STRUCTURE = ("申请人情况", "自然人", "商业企业", "法人或其他组织", "予以公开", "不予公开", "无法提供")
_T3_STRUCTURE = ("结果维持", "结果纠正", "尚未审结", "复议后起诉", "直接起诉")


def _has_structure(region_text: str, words: tuple[str, ...]) -> bool:
    c = T.canon(region_text)
    return sum(1 for w in words if w in c) >= 2


def _status(cells: dict[str, dict[str, Any]]) -> str:
    if not cells:
        return "unreadable"
    return "empty" if all_blank(cells) else "parsed"


# ---------------------------------------------------------------------------------------------------------
# Table 2


def _total_to_last_column(h: RowHit, zero_ok: bool = False) -> bool:
    """A short row of table 2 (merged cells, blanks left out: ``本年新收… 3 3``) fills from the left; when
    its last value is the sum of the ones before it, that value is the 总计 column. Still a guess (the row
    stays inexact); returns whether the row was changed."""
    if h.exact or h.overflow:
        return False
    k = len(h.values)
    while k > 0 and h.values[k - 1] is None:
        k -= 1
    written = h.values[:k]
    if k < 2 or k >= len(h.values) or any(c is None or not c.text for c in written):
        return False
    nums = [parse_value(c.text).value for c in written]
    if not all(isinstance(v, int) for v in nums) or (nums[-1] == 0 and not zero_ok) or nums[-1] != sum(nums[:-1]):
        return False
    h.values[k - 1], h.values[-1] = None, written[-1]
    return True


def _one_merged_cell_each(hits: list[RowHit]) -> bool:
    """Whether every row of table 2 that holds a value holds just one, in its first column (``一、本年新收…
    | 0 | ||||||||``: a page that merged the seven applicant columns into one cell per row). Two rows at least;
    a table that wrote only its natural-person column would also write the total."""
    valued = [h for h in hits if any(c is not None and c.text for c in h.values) or h.overflow]
    return len(valued) >= 2 and all(
        not h.overflow and h.values[0] is not None and h.values[0].text
        and parse_value(h.values[0].text).kind == "number"
        and all(c is None or not c.text for c in h.values[1:]) for h in valued)


def _t2_version(text: str) -> str | None:
    """v2021 by its 其他处理 sub-rows; v2019 only when the table reaches past 其他处理 without them.

    A table cut off before 其他处理 (a page break, a truncated web page) does not say which it is: None.
    """
    c = T.canon(text)
    if any(mk in c for mk in T.APP_V2021_MARKERS):
        return "v2021"
    if "其他处理" in c:
        after = c[c.index("其他处理"):]
        if "总计" in after or "结转下年度" in after:
            return "v2019"
    return None


def parse_t2(norm: NormalizedLike, region: tuple[int, int], maker: CellMaker) -> tuple[dict, list[str]]:
    text = norm.text
    version = _t2_version(text[region[0]:region[1]])
    rows = [k for k, _, _ in T.APP_ROWS[version or "v2019"]]
    ncol = len(T.APP_COLUMNS)
    lines, mode = tokenize(text, *region)
    line_style = is_line_style(lines, mode)
    hits, orphans, _ = extract_rows(lines, line_style, T.APP_LABELS[version or "v2019"], lambda k: ncol)
    warnings: list[str] = []
    if not hits and not has_values(lines):
        hits = label_only_hits(lines, T.APP_LABELS[version or "v2019"], lambda k: ncol)
        if hits:
            warnings.append("applications: no values printed; every cell is blank")
    hits = _dedupe(hits, "applications", warnings)
    subtotals: dict[str, Cell | None] = {}
    if line_style:
        subtotals = _drop_subtotal_column(hits)
        if subtotals:
            warnings.append("applications: a 法人或其他组织 subtotal column is present; read and checked (T2-R5)")
        hits, w = fill_gaps(hits, orphans, rows, ncol)
        warnings += [f"applications: {x}" for x in w]
    moved = [h for h in hits if _total_to_last_column(h)]
    if moved:  # the same layout: an all-zero short row (0 0) is read like its neighbours (3 3)
        moved += [h for h in hits if _total_to_last_column(h, zero_ok=True)]
    for h in moved:
        warnings.append(f"applications: row {h.key} has {_filled(h)} values for {ncol} columns; its last "
                        "value is the sum of the others and is read as the total")
    if _one_merged_cell_each(hits):
        for h in hits:
            h.values = [None] * (ncol - 1) + [h.values[0]]
            h.exact = False
        warnings.append("applications: every row holds one value (a cell merged across the applicant columns); "
                        "each is read as the row's total")
    by_key = {h.key: h for h in hits}
    cells: dict[str, dict[str, Any]] = {}
    for key in rows:
        h = by_key.get(key)
        if h is None:
            continue
        conf = row_confidence(h.score, h.positional, h.exact)
        for (ckey, _), cell in zip(T.APP_COLUMNS, h.values):
            cells[f"{key}.{ckey}"] = maker.make(cell, conf, near=h.label.end)
        if key in subtotals:
            cells[f"{key}.{T.APP_SUBTOTAL}"] = maker.make(subtotals[key], conf, near=h.label.end)
    missing = [k for k in rows if k not in by_key]
    if missing:
        warnings.append(f"applications: rows not found: {', '.join(missing)}")
    hints = []
    for h in hits:
        if h.overflow:
            warnings.append(f"applications: row {h.key} has {len(h.values) + len(h.overflow)} values for "
                            f"{len(h.values)} columns; read by position")
            hint = _merge_hint(h.values, h.overflow, [f"applications.{h.key}.{c}" for c, _ in T.APP_COLUMNS],
                               lambda v: v[-1] == sum(v[:-1]))
            if hint:
                hints.append({"id": "T2-R1", "scope": h.key, "suspect": hint})
    if version == "v2021":
        for ckey, _ in T.APP_COLUMNS:
            parts = [cells.get(f"{k}.{ckey}") for k in T.APP_OTHER_SUBROWS]
            present = [p for p in parts if p is not None]
            if not present:
                continue
            vals = [p["value"] for p in present if p["value"] is not None]
            derived: dict[str, Any] = {
                "value": sum(vals) if vals else None,
                "raw": "",
                "start": min(p["start"] for p in present),
                "end": max(p["end"] for p in present),
                "confidence": round(min(p["confidence"] for p in present), 3),
                "derived": True,
            }
            if any(p.get("flag") == "corrupted" for p in present):  # an unreadable part: no sum
                derived["value"] = None
                derived["flag"] = "corrupted"
            elif not vals:
                derived["flag"] = "blank"
            cells[f"other_handling.{ckey}"] = derived
    status = _status(cells)
    if not cells and not _has_structure(text[region[0]:region[1]], _T2_STRUCTURE):
        status = "missing"  # only a narrative mention of 本年新收…, no table
    return {"status": status, "template": version, "cells": cells, "_hints": hints}, warnings


def _num_or_zero(c: Cell | None) -> float | None:
    if c is None or not c.text:
        return 0
    v = parse_value(c.text).value
    return v if isinstance(v, int | float) else None


def _drop_subtotal_column(hits: list[RowHit]) -> dict[str, Cell | None]:
    """Some apps add a 法人或其他组织 subtotal after 自然人 (8 values a row). When most rows have 8 values and
    the second is the sum of the next five, remove it from the rows and return it per row."""
    eight = [h for h in hits if len(h.overflow) == 1]
    if len(eight) < max(3, 0.6 * len(hits)):
        return {}
    ok = 0
    for h in eight:
        v = [_num_or_zero(c) for c in h.values + h.overflow]
        if None not in v and v[1] == sum(v[2:7]):
            ok += 1
    if ok < 0.8 * len(eight):
        return {}
    out: dict[str, Cell | None] = {}
    for h in hits:
        if len(h.overflow) == 1:
            seq = h.values + h.overflow
            out[h.key] = seq[1]
            h.values = [seq[0]] + seq[2:]
            h.overflow = []
            h.exact = True  # the row is no longer a positional guess
    return out


def _merge_hint(values: list[Cell | None], overflow: list[Cell], keys: list[str],
                holds: Callable[[list[int]], bool]) -> dict[str, Any] | None:
    """One extra value in a row may be a number split in two (`1 0` for `10`): if exactly one merge of two
    adjacent cells makes the row's equation hold, name it (the extracted values stay as read)."""
    if len(overflow) != 1:
        return None
    seq_cells = [c for c in values if c is not None] + overflow
    pv = [parse_value(c.text) for c in seq_cells]
    if len(seq_cells) != len(keys) + 1 or any(not isinstance(p.value, int) or p.value < 0 for p in pv):
        return None
    seq = [p.value for p in pv]
    if holds(seq[:len(keys)]):
        return None
    found = []
    for i in range(len(keys)):
        merged = seq[:i] + [int(f"{seq[i]}{seq[i + 1]}")] + seq[i + 2:]
        if holds(merged):
            found.append((i, merged[i]))
    if len(found) != 1:
        return None
    i, value = found[0]
    return {"cell": keys[i], "value": seq[i], "expected": value, "merge_with": keys[i + 1]}


# ---------------------------------------------------------------------------------------------------------
# Table 3


def parse_t3(norm: NormalizedLike, region: tuple[int, int], maker: CellMaker) -> tuple[dict, list[str]]:
    text = norm.text
    lines, mode = tokenize(text, *region)
    n = len(T.T3_KEYS)
    values: list[Cell] | None = None
    overflow: list[Cell] = []
    conf = 0.99
    # a line holding the whole value row, in any rendering
    for ln in reversed(lines):
        cells = [c for c in ln.cells]
        core = list(cells)
        while core and not core[-1].text and len(core) > n:
            core.pop()
        if ln.piped and len(core) == n - 1:
            core.append(Cell("", ln.end, ln.end, core[-1].line))  # a blank last cell, no final pipe
        if len(core) >= n and not any(_is_text(c) for c in core):
            while len(core) > n and not core[0].text:
                core.pop(0)
            while len(core) > n and not core[-1].text:
                core.pop()
            if len(core) == n:
                values = core
                break
    if values is None:
        for ln in reversed(lines):
            core = [c for c in ln.cells if c.text]
            if len(core) == n + 1 and not any(_is_text(c) for c in core):
                values, overflow, conf = core[:n], core[n:], 0.6
                break
    if values is None:
        # cell style (or a value row split over lines): the cells after the last 总计 header cell
        flat: list[tuple[Cell, bool, bool]] = []  # (cell, trailing, after pad line)
        for ln in lines:
            if ln.pad:
                flat.append((Cell("", ln.start, ln.start, -1), True, True))
                continue
            for c in ln.cells:
                flat.append((c, c.trailing, False))
        last_total = max((i for i, (c, _, _) in enumerate(flat) if T.canon(c.text) == "总计"), default=-1)
        if last_total >= 0:
            rest = flat[last_total + 1:]
            k = 0
            while k < len(rest) and (rest[k][1] or rest[k][2]):
                k += 1  # the header row's pads
            vals = [c for c, _, is_pad in rest[k:] if not is_pad and not _is_text(c)][:n]
            if len(vals) == n:
                values = vals
                conf = 0.97
        if values is None:
            # three 5-cell tables (行政复议 / 未经复议直接起诉 / 复议后起诉), each with its own value row
            rows5 = []
            for ln in lines:
                core = [c for c in ln.cells if not c.trailing or c.text]
                if len(core) == 5 and not any(_is_text(c) for c in core) and any(c.text for c in core):
                    rows5.append(core)
            c3 = T.canon(text[region[0]:region[1]])
            if len(rows5) == 3 and 0 <= c3.find("直接起诉") < c3.find("复议后起诉"):
                values, conf = rows5[0] + rows5[1] + rows5[2], 0.93
        if values is None and mode == "space":
            nums = [c for ln in lines for c in ln.cells if not _is_text(c)]
            if len(nums) == n:
                values, conf = nums, 0.9
    if values is None:
        if not _has_structure(text[region[0]:region[1]], _T3_STRUCTURE):
            return {"status": "missing", "cells": {}}, []  # a narrative mention of 行政复议, no table
        if not has_values(lines):  # the column labels and no value at all: nothing to report
            near = lines[-1].end if lines else region[0]
            return {"status": "empty", "cells": {k: maker.make(None, 0.99, near=near) for k in T.T3_KEYS},
                    "_hints": []}, ["review_litigation: no values printed; every cell is blank"]
        return {"status": "unreadable", "cells": {}}, [
            "review_litigation: the row of 15 values was not found"]
    cells = {key: maker.make(c, conf, near=c.start) for key, c in zip(T.T3_KEYS, values)}
    warnings: list[str] = []
    hints = []
    if overflow:
        warnings.append("review_litigation: 16 values for 15 columns; read by position")

        def holds(v: list[int]) -> bool:
            return all(v[g + 4] == sum(v[g:g + 4]) for g in (0, 5, 10))

        keys = [f"review_litigation.{k}" for k in T.T3_KEYS]
        hint = _merge_hint(list(values), overflow, keys, holds)
        if hint:
            i = keys.index(hint["cell"])
            hints.append({"id": ("T3-R1", "T3-R2", "T3-R3")[i // 5], "scope": ("review", "litigation_direct",
                                                                           "litigation_after_review")[i // 5],
                          "suspect": hint})
    return {"status": _status(cells), "cells": cells, "_hints": hints}, warnings


# ---------------------------------------------------------------------------------------------------------
# Pre-2019 统计表

_P_GROUP_RES = [(g, re.compile(p)) for g, p in T.P_GROUPS]
_P_ROW_RES = {g: [(k, re.compile(p)) for k, p in rows] for g, rows in T.P_ROWS.items()}
_P_UNGROUPED_RES = [(k, re.compile(p)) for k, p in T.P_UNGROUPED]
_TOP_ORDINAL = re.compile(r"^[一二三四五六七八九十]+\.")
_UNIT_SET = set(UNITS)


_INDEX_LETTERS = ("甲", "乙", "丙", "丁")


def _drop_column_index(lines: list[Line]) -> list[Line]:
    """Without the column-index row some 统计表 print under the header (``甲 | 乙 | 丙 | 1``): its cells
    are not rows and its numbers are not values."""
    flat = [(li, c) for li, ln in enumerate(lines) for c in ln.cells if c.text]
    for k in range(len(flat) - 1):
        if flat[k][1].text == "甲" and flat[k + 1][1].text == "乙":
            j = k
            while j < len(flat) and flat[j][1].text in _INDEX_LETTERS:
                j += 1
            n = 1
            while j < len(flat) and flat[j][1].text == str(n):
                j += 1
                n += 1
            drop = {id(c) for _, c in flat[k:j]}
            return [Line([c for c in ln.cells if id(c) not in drop], ln.start, ln.end, ln.piped, ln.pad)
                    for ln in lines]
    return lines


def parse_pre2019(norm: NormalizedLike, region: tuple[int, int], maker: CellMaker) -> tuple[dict, list[str]]:
    text = norm.text
    lines, mode = tokenize(text, *region)
    line_style = is_line_style(lines, mode)
    rows: list[tuple[Cell, str | None, Cell | None, Cell | None]] = []  # (label, unit, unit cell, value)
    header = [T.canon(c.text) for ln in lines[:8] for c in ln.cells if c.text]
    skip = 1 if "代码" in header else 0  # provincial variant: 统计指标 | 单位 | 代码 | 统计数
    warnings: list[str] = []
    if sum(1 for h in header if h in ("统计数", "本期实际", "本年累计") or h.endswith("统计数")) > 1:
        warnings.append("statistics_pre2019: several value columns; the first is read")
    lines = _drop_column_index(lines)
    if line_style:
        for ln in lines:
            cells = ln.cells
            if len(cells) > 1 and not _is_text(cells[0]) and re.fullmatch(r"\d{1,3}", cells[0].text) \
                    and _is_text(cells[1]):
                cells = cells[1:]  # a leading 序号 column
            if not cells or not _is_text(cells[0]):
                continue
            rest = cells[1:]
            unit, ucell = None, None
            if rest and rest[0].text in _UNIT_SET:
                unit, ucell = rest[0].text, rest[0]
                rest = rest[1:]
            elif mode == "space" or not ln.piped:
                # space-separated: a unit may end the label text (`…数 条 396`)
                parts = cells[0].text.rsplit(None, 1)
                if len(parts) == 2 and parts[1] in _UNIT_SET:
                    unit = parts[1]
            vals = [c for c in rest if not c.trailing or c.text]
            value = vals[skip] if len(vals) > skip else (rest[skip] if len(rest) > skip else None)
            if value is not None and _is_text(value):
                continue
            if value is None and not ln.piped and not _TOP_ORDINAL.match(T.canon(cells[0].text)):
                continue  # a prose line in PDF text (a top-level group label is kept: it sets the group)
            rows.append((cells[0], unit, ucell, value))
    else:
        stream = [c for ln in lines for c in ln.cells if not c.trailing]
        i = 0
        while i < len(stream):
            c = stream[i]
            i += 1
            if not _is_text(c) or c.text in _UNIT_SET:
                continue
            unit, ucell, value = None, None, None
            if i < len(stream) and stream[i].text in _UNIT_SET:
                unit, ucell = stream[i].text, stream[i]
                i += 1
            if skip and i < len(stream) and not _is_text(stream[i]):
                i += 1  # the 代码 column
            if i < len(stream) and not _is_text(stream[i]):
                value = stream[i]
                i += 1
            rows.append((c, unit, ucell, value))
    cells: dict[str, dict[str, Any]] = {}
    group = None
    grouped = any(_TOP_ORDINAL.match(T.canon(lab.text)) for lab, _, _, _ in rows)
    for label, unit, _ucell, value in rows:
        lab = label.text
        if mode == "space" and unit and lab.endswith(unit):
            lab = lab[: -len(unit)].rstrip()
        c = T.canon(lab)
        if any(T.canon(h) == c for h in T.P_HEADERS) or c.startswith("统计指标") or c.startswith("指标名称"):
            continue
        blank = value is None or parse_value(value.text).flag == "blank"
        if _TOP_ORDINAL.match(c):
            group = next((g for g, rx in _P_GROUP_RES if rx.search(c)), None)
        if blank and unit is None:
            continue  # a group label such as `一、主动公开情况 | ? | ?`
        key = None
        if group is not None:
            key = next((k for k, rx in _P_ROW_RES[group] if rx.search(c)), None)
        elif not grouped:
            key = next((k for k, rx in _P_UNGROUPED_RES if rx.search(c) and k not in cells), None)
        if key is None:
            key = f"extra.{T.core(T.split_ordinal(c)[1]) or c}"
        if key in cells:
            key = f"extra.{c}"
            if key in cells:
                continue
        cell = maker.make(value, row_confidence(0.95), near=label.end)
        if unit and "unit" not in cell:
            cell["unit"] = unit
        cells[key] = cell
    if not cells:
        return {"status": "unreadable", "template": "pre2019", "cells": {}}, ["statistics_pre2019: no rows read"]
    return {"status": _status(cells), "template": "pre2019", "cells": cells}, warnings
