"""Tables flattened onto one line, cells glued together.

One public archive of crawled report pages prints a whole report on a single line, and each table row as its
label followed by its values with no separators, or with separators only here and there::

    一、本年新收政府信息公开申请数量713000074二、上年结转政府信息公开申请数量 1000001三、本年度办理结果…

formats.md lists no such rendering; the line parsers cannot read it. ``unflatten`` re-renders such a line as
one row per line (a derived ``Normalized`` whose every character still maps to the original text, so cell
offsets stay exact):

* a line break goes before every row label of the applications table, every 第二十条 sub-table title and row,
  the review/litigation value row and the rows of a pre-2019 统计表;
* the digits of a row are split into cells. Spaces that are there are certain cell boundaries. When the
  digits and spaces do not give the row's number of cells, the row is split in every way that respects them,
  with no number starting with 0, and kept only when exactly one split satisfies the row's arithmetic (the
  applications total is the sum of the six applicant columns; each review/litigation total is the sum of its
  four results). ``713000074`` is 71 | 3 | 0 | 0 | 0 | 0 | 74 and nothing else.
* a pre-2019 统计表 printed with no space at all (``…数条206912106其中：1.政府网站公开数条2069121062.政府…``)
  is read row by row as label, unit and digits (``_pre2019_glued_rows``); its two value columns (this year,
  all years) are cut only where one reading fits (see there);
* a row that cannot be split that way keeps its digits as one run marked corrupted: its cells come out
  null with flag ``corrupted``, never as a guessed number.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from ie.normalize import Normalized
from ie.tables import templates as T

__all__ = ["Unflattened", "split_cells", "unflatten"]

# a line this long holding several table labels is a flattened page
_MIN_LINE = 200
_MIN_ROWS = 4
_VALUE_RUN = re.compile(r"[ \t]*(?:[\d+-][\d \t+.-]*)?")
_DECIMAL_RUN = re.compile(r"[ \t]*(?:-?\d+(?:\.\d+)?(?:[ \t]+-?\d+(?:\.\d+)?)*)?")
_HEADINGS = re.compile(r"[一二三四五六七八九十]、(?:收到和处理政府信息公开申请情况|政府信息公开行政复议|主动公开政府信息情况"
                       r"|存在的主要问题|其他需要报告的事项|政府信息公开工作存在)")
_T3_HEADER_END = re.compile(r"复议后起诉[^\d]{0,80}总计")
_P_UNIT_ROW = re.compile(r"(?<=\s)(?:条|件|次|个|人|人次|万元|元|场|期|篇|项|份)\s+-?\d+(?:\.\d+)?(?:\s+-?\d+(?:\.\d+)?)*(?=\s)")
_SEARCH_BUDGET = 200_000
_UNIT_AFTER = re.compile(r"[ \t]*(?:件|条|个|次|人|项|份|宗|起|万元|元|%)")


def split_cells(run: str, ncol: int, check: Callable[[list[int]], bool] | None) -> list[str] | None:
    """The one way to cut ``run`` (digits, spaces as certain boundaries) into ``ncol`` integers for which
    ``check`` holds; None when there is no such way or more than one."""
    tokens = run.split()
    if not tokens or not all(t.isdigit() for t in tokens):
        return None
    if len(tokens) == ncol:
        return tokens
    if len(tokens) > ncol:
        return None
    digits = sum(len(t) for t in tokens)
    if digits == ncol:
        cells = [d for t in tokens for d in t]
        return cells if check is None or check([int(c) for c in cells]) else None
    if check is None:
        return None
    solutions: list[list[str]] = []
    budget = [_SEARCH_BUDGET]
    cells: list[str] = []
    rest = [sum(len(t) for t in tokens[i:]) for i in range(len(tokens))] + [0]

    def walk(ti: int, pos: int) -> None:
        budget[0] -= 1
        if budget[0] < 0 or len(solutions) > 1:
            return
        if ti == len(tokens):
            if len(cells) == ncol and check([int(c) for c in cells]):
                solutions.append(list(cells))
            return
        tok = tokens[ti]
        if pos == len(tok):
            walk(ti + 1, 0)
            return
        left_cells = ncol - len(cells)
        left_digits = rest[ti] - pos
        if left_cells < len(tokens) - ti or left_cells > left_digits:
            return
        for ln in range(1, len(tok) - pos + 1):
            piece = tok[pos:pos + ln]
            if ln > 1 and piece[0] == "0":
                break
            cells.append(piece)
            walk(ti, pos + ln)
            cells.pop()

    walk(0, 0)
    return solutions[0] if len(solutions) == 1 and budget[0] >= 0 else None


def _t2_check(v: list[int]) -> bool:
    return v[-1] == sum(v[:-1])


def _t3_check(v: list[int]) -> bool:
    return all(v[g + 4] == sum(v[g:g + 4]) for g in (0, 5, 10))


def _label_re(label: str) -> re.Pattern[str]:
    core = re.sub(r"\([^()]*\)", "", label)
    parts = []
    for ch in core:
        if ch.isspace():
            continue
        if ch in "“”\"'‘’":
            parts.append("[“”\"'‘’]?")
        elif ch in "、,,":
            parts.append("[、,,]?")
        else:
            parts.append(re.escape(ch))
    annot = r"(?:[ \t]*\([^()]{0,40}\))?" if core != label else ""
    return re.compile(r"[ \t]*".join(parts) + annot)


@dataclass
class _Row:
    start: int  # where the row's line starts (its ordinal)
    values: tuple[int, int]  # the value run after the label
    ncol: int
    check: Callable[[list[int]], bool] | None
    decimals: bool = False
    cut: list[str] | None = None  # cells already chosen by the row finder (a glued 统计表 row)
    unit_at: int | None = None  # where a unit glued to the label starts (it gets a space before it)


class _Edits:
    def __init__(self) -> None:
        self.insert: dict[int, str] = {}
        self.corrupt: list[tuple[int, int]] = []
        self.split: list[tuple[int, int]] = []  # runs cut by the row's arithmetic (not by their own spaces)
        self.replace: dict[int, tuple[int, int]] = {}  # start -> (end, cells): an unreadable run

    def unreadable(self, a: int, b: int, ncol: int) -> None:
        """The run ``[a, b)`` stands for ``ncol`` cells that cannot be told apart: each becomes a placeholder
        that maps to the whole run and is marked corrupted (a blank or a 0 would be a guess)."""
        if ncol <= 1:
            self.corrupt.append((a, b))
        else:
            self.replace[a] = (b, ncol)

    def add(self, pos: int, s: str) -> None:
        if s == "\n" or self.insert.get(pos) != "\n":
            self.insert[pos] = s

    def row(self, text: str, row: _Row) -> None:
        self.add(row.start, "\n")
        a, b = row.values
        run = text[a:b]
        lead = len(run) - len(run.lstrip())
        a += lead
        run = run.strip()
        if not run:
            return
        self.add(a, " ")
        b = a + len(run)
        self.add(b, "\n")
        if row.decimals:
            if len(run.split()) == row.ncol:
                return
            if row.ncol == 1 and re.fullmatch(r"-?\d+(?:\.\d+)?", run):
                return
            self.unreadable(a, b, row.ncol)
            return
        if row.unit_at is not None:
            self.add(row.unit_at, " ")
        cells = row.cut if row.cut is not None else split_cells(run, row.ncol, row.check)
        if cells is None:
            self.unreadable(a, b, row.ncol)
            return
        if row.ncol > 1 and len(run.split()) != row.ncol and len(run.replace(" ", "").replace("\t", "")) != row.ncol:
            self.split.append((a, b))  # several digits in a cell: the sums chose the cut
        pos = a
        for c in cells[:-1]:
            while text[pos] in " \t":
                pos += 1
            pos += len(c)
            if text[pos] not in " \t":
                self.add(pos, " ")


def _ordinal_re(ordinal: str) -> re.Pattern[str]:
    """The template's ordinal as printed before a label (``2.`` also as ``2、``), at the end of a string."""
    core = ordinal.strip("、.()")
    if core.isdigit():
        return re.compile(rf"{core}[.、]\s*$")
    if ordinal.startswith("("):
        return re.compile(rf"\({core}\)\s*$")
    return re.compile(rf"{core}[、.]\s*$")


def _labelled_rows(text: str, s: int, e: int, rows: Sequence[tuple[str, str, str]], ncol: Callable[[str], int],
                   check: Callable[[list[int]], bool] | None, decimals: Callable[[str], bool]) -> list[_Row]:
    """Rows found in order in ``text[s:e]``: (key, ordinal, label) searched one after another. The ordinal
    is the template's own: in ``00000002.其他法律…`` the 2 is the next row's, not a digit of this one."""
    found: list[tuple[str, int, int]] = []  # key, label start (ordinal included), label end
    cur = s
    for key, ordinal, labels in rows:
        hits = [m for m in (_label_re(lab).search(text, cur, e) for lab in labels.split("|")) if m]
        if not hits:
            continue
        m = min(hits, key=lambda h: (h.start(), -h.end()))  # 行政规范性文件 before its tail 规范性文件
        ls = m.start()
        om = _ordinal_re(ordinal).search(text, max(s, ls - 6), ls) if ordinal else None
        if om:
            ls = om.start()
        found.append((key, ls, m.end()))
        cur = m.end()
    out = []
    for i, (key, ls, le) in enumerate(found):
        stop = found[i + 1][1] if i + 1 < len(found) else e
        rx = _DECIMAL_RUN if decimals(key) else _VALUE_RUN
        vm = rx.match(text, le, stop)
        ve = vm.end() if vm else le
        if _UNIT_AFTER.match(text, ve):
            continue  # 予以公开10件: a sentence that names the row, not the row
        out.append(_Row(ls, (le, ve), ncol(key), check, decimals(key)))
    return out


def _app_rows(text: str, s: int, e: int) -> list[_Row]:
    version = "v2021" if any(k in text[s:e] for k in T.APP_V2021_MARKERS) else "v2019"
    rows = T.APP_ROWS[version]
    found = _labelled_rows(text, s, e, rows, lambda k: len(T.APP_COLUMNS), _t2_check, lambda k: False)
    with_values = [r for r in found if text[r.values[0]:r.values[1]].strip()]
    return found if len(with_values) >= _MIN_ROWS else []


def _t1_rows(text: str, s: int, e: int) -> list[_Row]:
    titles = list(T.ART20_TITLE.finditer(text, s, e))
    if not titles:
        return []
    seg = text[titles[0].start():e]
    version = "v2021" if sum(k in seg for k in T.T1_MARKERS["v2021"]) >= sum(
        k in seg for k in T.T1_MARKERS["v2019"]) else "v2019"
    out: list[_Row] = []
    for i, m in enumerate(titles):
        sub = T.ART20_SUBTABLE.get(m.group(1))
        if sub is None or sub not in T.T1_TEMPLATES[version]:
            continue
        end = titles[i + 1].start() if i + 1 < len(titles) else min(e, m.end() + 300)
        row_defs, cols = T.T1_TEMPLATES[version][sub]
        rows = [(k, "", "|".join(labels)) for k, labels in row_defs]
        ncol, money = len(cols), sub in ("art20_8", "art20_9")
        found = _labelled_rows(text, m.end(), end, rows, lambda k, n=ncol: n, None, lambda k, d=money: d)
        out.append(_Row(m.start(), (m.start(), m.start()), 0, None))  # the title starts a line
        out.extend(found)
    return out


def _t3_row(text: str, s: int, e: int) -> list[_Row]:
    m = _T3_HEADER_END.search(text, s, e)
    if m is None:
        return []
    vm = _VALUE_RUN.match(text, m.end(), e)
    if vm is None or not text[m.end():vm.end()].strip():
        return []
    return [_Row(m.end(), (m.end(), vm.end()), len(T.T3_KEYS), _t3_check)]


def _pre2019_rows(text: str, s: int, e: int) -> list[_Row]:
    m = T.P_ANCHOR.search(text, s, e)
    if m is None:
        return []
    runs = list(_P_UNIT_ROW.finditer(text, m.end(), e))
    if len(runs) < _MIN_ROWS:
        return []
    out = [_Row(m.start(), (m.start(), m.start()), 0, None)]
    prev = m.end()
    for r in runs:
        out.append(_Row(prev, (r.end(), r.end()), 0, None))  # a row ends after its values
        prev = r.end()
    out.append(_Row(prev, (prev, prev), 0, None))  # and what follows the last row (the signature) too
    return out


# a glued 统计表 row: …公开数条206912106其中：1.政府网站公开数条2069121062.政府公报公开数条00受理…
_P_GLUED_ROW = re.compile(r"(?P<unit>人次|万元|条|件|个|次|人|元|份|项|场|期|篇)(?P<run>\d+)(?=[^\d.]|\.\D|$)")
_NEXT_ORDINAL = re.compile(r"\d[.、](?=[\u4e00-\u9fff])")
_P_THIS_YEAR_COL = re.compile(r"\d{4}\s*年度?|本年度?|本期|统计数")
_P_ALL_YEARS_COL = re.compile(r"历年累计|累计")
_MAX_GLUED_LABEL = 40  # a row label of the 统计表 (其中：3.信函、传真申请数) is far shorter than a sentence
_ROW_WORDS = ("主动公开", "网站", "公报", "申请", "答复", "复议", "诉讼", "收费")
_NUMBERED_PART = re.compile(r"\s*(?:其中\s*[:：]?)?\s*\d{1,2}\s*[.、]")
_PROSE_FIGURE = re.compile(r"(\d{2,})\s*(?:条|件|份|篇|个|项|次)")


def _pre2019_glued_rows(text: str, s: int, e: int) -> list[_Row]:
    """A 统计表 printed with no space anywhere: ``指标名称计量单位2018年度历年累计主动公开文件数条206912106其中：
    1.政府网站…``. Each row is its label, its unit and its digits; a digit right before ``2.`` + label is the
    next row's ordinal. With two value columns (this year, all years) the digits are cut where the first
    is at most the second; when several cuts allow that, the one whose first value the report's prose
    states (其中主动公开政府信息2069条) is taken, else the row stays unreadable."""
    m = T.P_ANCHOR.search(text, s, e)
    if m is None:
        return []
    rows: list[tuple[int, int, int]] = []
    for r in _P_GLUED_ROW.finditer(text, m.end(), e):
        a, b = r.span("run")
        if _NEXT_ORDINAL.match(text, b - 1):
            b -= 1
        if rows and (r.start("unit") - rows[-1][2] > _MAX_GLUED_LABEL or "。" in text[rows[-1][2]:r.start("unit")]):
            break  # prose after the table: its figures are no rows
        if b > a:
            rows.append((r.start("unit"), a, b))
    if len(rows) < _MIN_ROWS:
        return []
    header = text[m.end():rows[0][0]]
    this_year = _P_THIS_YEAR_COL.search(header)
    all_years = _P_ALL_YEARS_COL.search(header, this_year.end()) if this_year else None
    two_columns = all_years is not None
    head_end = m.end() + all_years.end() if all_years else m.end()
    table_end = rows[-1][2]
    prose: dict[int, list[str]] = {}  # figures stated in the prose -> the words before each mention
    for t in (text[:m.start()], text[table_end:]):
        for pm in _PROSE_FIGURE.finditer(t):
            prose.setdefault(int(pm.group(1)), []).append(t[max(0, pm.start() - 12):pm.start()])
    out = [_Row(m.start(), (m.start(), m.start()), 0, None), _Row(head_end, (head_end, head_end), 0, None)]
    prev = head_end
    parent: list[int] | None = None  # the cut of the last row that is not a numbered part (1.政府网站…)
    for unit_at, a, b in rows:
        run = text[a:b]
        cut: list[str] | None = [run]
        part = _NUMBERED_PART.match(text, prev, unit_at) is not None
        if two_columns:
            cuts = [[run[:i], run[i:]] for i in range(1, len(run))
                    if (i == 1 or run[0] != "0") and (i == len(run) - 1 or run[i] != "0")
                    and int(run[:i]) <= int(run[i:])]
            if len(cuts) > 1 and part and parent is not None:  # a part is at most its whole, in both columns
                cuts = [c for c in cuts if int(c[0]) <= parent[0] and int(c[1]) <= parent[1]]
            if len(cuts) > 1:
                cuts = [c for c in cuts if int(c[0]) in prose]
            if len(cuts) > 1:  # 21条 and 2122条 both in the prose: the mention that names the row's fact
                words = [w for w in _ROW_WORDS if w in text[prev:unit_at]]
                cuts = [c for c in cuts if any(w in before for before in prose[int(c[0])] for w in words)]
            cut = cuts[0] if len(cuts) == 1 else None
            if not part:
                parent = [int(x) for x in cut] if cut else None
        out.append(_Row(prev, (a, b), 2 if two_columns else 1, None, cut=cut, unit_at=unit_at))
        prev = b
    out.append(_Row(prev, (prev, prev), 0, None))  # what follows the last row starts a line too
    return out


@dataclass
class Unflattened:
    norm: Normalized  # the re-rendered text, mapped to the original
    split: list[tuple[int, int]]  # original spans of value runs cut by arithmetic: their cells are less sure
    tables: list[tuple[int, int]]  # spans of the INPUT normalized text that are table rows, not prose


def unflatten(norm: Normalized) -> Unflattened | None:
    """A re-rendering of ``norm`` with flattened table lines broken into rows, or None when it has none."""
    text = norm.text
    edits = _Edits()
    pos = 0
    touched = False
    spans: list[tuple[int, int]] = []
    while pos < len(text):
        nl = text.find("\n", pos)
        e = len(text) if nl < 0 else nl
        if e - pos >= _MIN_LINE:
            app = _app_rows(text, pos, e)
            pre = [] if app else (_pre2019_rows(text, pos, e) or _pre2019_glued_rows(text, pos, e))
            if app or pre:
                touched = True
                t1 = _t1_rows(text, pos, app[0].start if app else e)
                t3 = _t3_row(text, app[-1].values[1], e) if app else []
                rows = t1 + app + t3 + pre
                for row in rows:
                    edits.row(text, row)
                spans.append((min(r.start for r in rows), max(r.values[1] for r in rows)))
                for h in _HEADINGS.finditer(text, pos, e):
                    edits.add(h.start(), "\n")
        pos = e + 1
    if not touched:
        return None
    split = [(norm.starts[a], norm.ends[b - 1]) for a, b in edits.split]
    return Unflattened(_apply(norm, edits), split, spans)


def _apply(norm: Normalized, edits: _Edits) -> Normalized:
    text = norm.text
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    new_pos = [0] * (len(text) + 1)
    placeholders: list[tuple[int, int]] = []
    skip_to = 0
    for i in range(len(text) + 1):
        ins = edits.insert.get(i)
        if ins and i >= skip_to:
            anchor = norm.starts[i] if i < len(text) else len(norm.original)
            for ch in ins:
                out.append(ch)
                starts.append(anchor)
                ends.append(anchor)
        new_pos[i] = len(out)
        if i in edits.replace:
            b, ncol = edits.replace[i]
            for k in range(ncol):
                if k:
                    out.append(" ")
                    starts.append(norm.starts[i])
                    ends.append(norm.starts[i])
                placeholders.append((len(out), len(out) + 1))
                out.append("—")
                starts.append(norm.starts[i])
                ends.append(norm.ends[b - 1])
            skip_to = b
        if i < len(text) and i >= skip_to:
            out.append(text[i])
            starts.append(norm.starts[i])
            ends.append(norm.ends[i])
    corrupted = [(new_pos[a], new_pos[b]) for a, b in norm.corrupted] + \
                [(new_pos[a], new_pos[b]) for a, b in edits.corrupt] + placeholders
    return Normalized(original=norm.original, text="".join(out), starts=starts, ends=ends, corrupted=corrupted)
