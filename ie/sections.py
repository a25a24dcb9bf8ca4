"""Split a normalized report into its sections (formats.md §1.2).

A section heading is a line with no ``|``, starting with a Chinese ordinal and ``、``, whose text matches a
heading keyword; table-2 row labels (``一、本年新收…``) share the ordinals but are cells (they carry ``|``)
or carry numbers (PDF text), and they do not match the keywords. Ordinals must increase, which keeps
numbered lists inside the narrative from being taken as headings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["Section", "split_sections", "narrative_ranges", "SECTION_KEYS", "TABLE_SECTIONS"]

# (key, pattern) in priority order: the first pattern that matches the heading text wins.
_HEADING_KEYS: list[tuple[str, re.Pattern[str]]] = [
    ("other_matters", re.compile(r"其他需要报告|其它需要报告|其他事项")),
    ("fees", re.compile(r"收费|减免")),
    ("review_litigation", re.compile(r"行政复议|行政诉讼|复议.{0,6}诉讼")),
    ("applications", re.compile(r"收到和处理|依申请公开|申请公开")),
    ("proactive_disclosure", re.compile(r"主动公开")),
    ("problems_improvements", re.compile(r"存在的?(?:主要)?问题|问题(?:及|和|与)改进|不足|改进情况")),
    ("next_steps", re.compile(r"下一步|工作打算|工作计划|改进措施|工作思路|努力方向")),
    ("overview", re.compile(r"总体情况|概述|基本情况|概况|工作情况|总体工作")),
]
SECTION_KEYS = ["preamble"] + [k for k, _ in _HEADING_KEYS] + ["statistics_table"]
TABLE_SECTIONS = frozenset({"proactive_disclosure", "applications", "review_litigation"})

_ORDINALS = "一二三四五六七八九十"
_HEADING = re.compile(rf"^[ \t]*(?P<ord>[{_ORDINALS}]{{1,2}})[、.．,][ \t]*(?P<title>[^\n|]{{2,60}})$", re.M)
_ANNEX = re.compile(r"^[ \t]*附(?:件|表)?\s*[:：\d]*\s*.{0,30}统计表[^\n|]*$", re.M)
_TRAILING_NUMBERS = re.compile(r"(?:\s+-?\d+(?:\.\d+)?){2,}\s*$")


@dataclass(frozen=True)
class Section:
    """A section over the normalized text: ``text[start:end]`` is its body including the heading line."""

    key: str
    title: str
    start: int  # start of the heading line (0 for the preamble)
    end: int
    heading_end: int  # end of the heading line; the body starts here


def _ordinal_value(o: str) -> int:
    if o == "十":
        return 10
    if len(o) == 2 and o[0] == "十":
        return 10 + _ORDINALS.index(o[1]) + 1
    return _ORDINALS.index(o[0]) + 1


def _classify(title: str) -> str | None:
    for key, pat in _HEADING_KEYS:
        if pat.search(title):
            return key
    return None


def split_sections(text: str) -> list[Section]:
    """Sections in order; text before the first heading is the ``preamble``."""
    heads: list[tuple[int, int, str, str]] = []  # (start, heading_end, key, title)
    last_ord = 0
    seen: set[str] = set()
    for m in _HEADING.finditer(text):
        title = m.group("title").strip()
        if _TRAILING_NUMBERS.search(title):
            continue  # a table row in PDF text: `四、结转下年度继续办理 0 0 0 0 0 0 0`
        ordv = _ordinal_value(m.group("ord"))
        key = _classify(title)
        if key is None and ordv == 1 and not heads:
            key = "overview"
        if key is None or ordv <= last_ord or key in seen:
            continue
        if len(title) > 40 and "。" in title:
            continue  # a numbered paragraph, not a heading
        heads.append((m.start(), m.end(), key, m.group(0).strip()))
        last_ord = ordv
        seen.add(key)
    for m in _ANNEX.finditer(text):
        if not heads or m.start() > heads[-1][0]:
            heads.append((m.start(), m.end(), "statistics_table", m.group(0).strip()))
            break
    sections: list[Section] = []
    first = heads[0][0] if heads else len(text)
    sections.append(Section("preamble", "", 0, first, 0))
    for i, (s, he, key, title) in enumerate(heads):
        end = heads[i + 1][0] if i + 1 < len(heads) else len(text)
        sections.append(Section(key, title, s, end, he))
    return sections


# the shape of a table row: cells, or a line of numbers
_TABLE_SHAPE = re.compile(r"\|.*\||^\s*(?:-?\d+(?:\.\d+)?\s*)+$|(?:\s-?\d+(?:\.\d+)?){3,}\s*$")
# words of the templates' row and column labels; prose uses them too (本年新收政府信息公开申请15件,…)
_TABLE_WORDS = re.compile(r"第二十条\s*第|信息内容|本年新收|上年结转|结转下年度|予以公开\s*\d|结果维持|尚未审结|统计指标")
# a sentence: a full stop, or a counted quantity followed by more of the sentence
_PROSE = re.compile(r"。|\d+\s*(?:件|条|人次|次|个|项)\s*[,,;;]")
# a section with this much prose is a prose section whose table-looking lines are left out one by one
_PROSE_SECTION_CHARS = 300


def is_table_line(line: str) -> bool:
    """A line that belongs to a statistical table rendering rather than to prose."""
    if _TABLE_SHAPE.search(line):
        return True
    if "|" in line and not _PROSE.search(line):  # 索引号 | 620702081; not prose with one stray bar at its end
        return True
    return bool(_TABLE_WORDS.search(line)) and not _PROSE.search(line)


def _is_table_section(text: str, sec: Section) -> bool:
    lines = [ln for ln in text[sec.heading_end:sec.end].split("\n") if ln.strip()]
    if not lines:
        return sec.key in TABLE_SECTIONS
    table_lines = [is_table_line(ln) for ln in lines]
    if sum(table_lines) < 0.3 * len(lines):
        return False
    # metadata rows (索引号|发布机构|…) above a whole report in one section are not a table section
    prose = sum(len(ln.strip()) for ln, t in zip(lines, table_lines) if not t and "。" in ln)
    return prose < _PROSE_SECTION_CHARS


def narrative_ranges(text: str, sections: list[Section]) -> list[tuple[int, int]]:
    """Ranges of the normalized text that hold prose for the narrative model.

    The pre-2019 statistics table is left out. In sections that are mostly table renderings (the 2019/2021
    sections 二–四) only lines that hold a sentence are kept (``本年度共收到申请15件。`` above the table);
    in the prose sections, every line that does not look like a table row is kept.
    """
    ranges: list[tuple[int, int]] = []

    def add(start: int, end: int) -> None:
        if ranges and text[ranges[-1][1]:start].strip() == "":  # blank lines (PDF layout) do not cut prose
            ranges[-1] = (ranges[-1][0], end)
        else:
            ranges.append((start, end))

    for sec in sections:
        if sec.key == "statistics_table":
            continue
        # in a table section only whole sentences count: a row label split over lines never ends in 。
        sentences_only = _is_table_section(text, sec)
        pos = sec.heading_end if sec.key != "preamble" else sec.start
        for line in text[pos:sec.end].split("\n"):
            end = pos + len(line)
            if line.strip() and not is_table_line(line) and (not sentences_only or "。" in line):
                add(pos, end)
            elif line.strip():
                # a web page that runs a whole report and its table into one line: the prose before the first
                # cell is prose
                bar = line.find("|")
                if bar >= _PROSE_BEFORE_CELLS and _PROSE.search(line[:bar]) and (not sentences_only or "。" in line[:bar]):
                    add(pos, pos + bar)
            pos = end + 1
    return ranges


_PROSE_BEFORE_CELLS = 100
