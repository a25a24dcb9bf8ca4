"""Table cell value parsing (formats.md §7.1).

A cell's raw text becomes a ``CellValue``: a number (int, or float for decimals such as ``0.38`` 万元), or
``None`` with a null flag (``blank``, ``dash``, ``not_applicable``); never is a null turned into 0.
``kind`` tells the table parser whether the cell can stand in a value position at all: ``number`` and
``null`` can, ``text`` (a label or unparseable prose) cannot.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

__all__ = ["CellValue", "parse_value", "is_value_token", "UNITS"]

UNITS = ("人次", "万元", "元", "件", "条", "个", "次", "篇", "份", "人", "项", "家", "场", "期")
_UNIT_ALT = "|".join(UNITS)

_FOLD = str.maketrans({
    **{cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)},
    0x2212: "-", 0xFE63: "-", 0x2010: "-", 0x2011: "-", 0x3000: " ", 0x00A0: " ", 0xFE52: ".",
})
_INT = re.compile(r"[+-]?\d+")
_DEC = re.compile(r"[+-]?\d+\.\d+")
_THOUSANDS = re.compile(r"\d{1,3}(?:,\d{3})+")
_WITH_UNIT = re.compile(rf"([+-]?\d+(?:\.\d+)?)\s*({_UNIT_ALT})")
_CHANGE = re.compile(r"(增加|新增|减少|增|减)\s*(\d+)\s*(?:个|项|件)?")
# 本年增/减 written as both parts: +(3) -(1), +3/-1 (net change 2)
_PLUS_MINUS = re.compile(r"\+\s*[(（]?\s*(\d+)\s*[)）]?\s*[/、,，]?\s*-\s*[(（]?\s*(\d+)\s*[)）]?")
_DASH = re.compile(r"[-—–─―~～_]+")
_BLANK = re.compile(r"[?？\s]*|&nbsp;|\u00a0+")
_ORDINAL_START = re.compile(r"^(?:[一二三四五六七八九十]+[、.,]|[(（][一二三四五六七八九十\d]+[)）]|\d+[.、])")
_NA = re.compile(
    r"(?:无|暂无|/|\\|不涉及|不适用|未涉及|无此项|无此类?事项|无相关(?:事项|数据)?|无数据|未开展|"
    r"本.{0,8}无.{0,16}|.{0,12}(?:不涉及|不适用|无此项|无此职能|无该项).{0,8}|.{0,12}无.{0,8}职能.{0,4})"
)


@dataclass(frozen=True)
class CellValue:
    value: int | float | None
    flag: str | None = None  # null flags: blank/dash/not_applicable/corrupted; or signed/unit_stripped/…
    unit: str | None = None
    kind: str = "number"  # number | null | text
    certainty: float = 1.0  # how sure the parse itself is (1.0 for a clean integer)


def fold(raw: str) -> str:
    return raw.translate(_FOLD)


@lru_cache(maxsize=16384)
def parse_value(raw: str) -> CellValue:
    """Parse one cell's text (already stripped of the cell separators)."""
    s = fold(raw).strip()
    if _BLANK.fullmatch(s):
        return CellValue(None, "blank", kind="null")
    fullwidth = any("\uff10" <= ch <= "\uff19" for ch in raw)
    compact = re.sub(r"\s+", "", s)
    if _INT.fullmatch(compact):
        v = int(compact)
        if compact[0] in "+-":
            return CellValue(v, "signed")
        return CellValue(v, "fullwidth" if fullwidth else None)
    if _DEC.fullmatch(compact):
        return CellValue(float(compact), "signed" if compact[0] in "+-" else None)
    if _THOUSANDS.fullmatch(compact):
        return CellValue(int(compact.replace(",", "")), "thousands_sep", certainty=0.9)
    m = _WITH_UNIT.fullmatch(compact)
    if m:
        num = m.group(1)
        v: int | float = float(num) if "." in num else int(num)
        return CellValue(v, "unit_stripped", unit=m.group(2), certainty=0.97)
    if _DASH.fullmatch(compact):
        return CellValue(None, "dash", kind="null", certainty=0.97)
    m = _PLUS_MINUS.fullmatch(compact)
    if m:
        return CellValue(int(m.group(1)) - int(m.group(2)), "signed", certainty=0.85)
    m = _CHANGE.fullmatch(compact)
    if m:
        sign = -1 if m.group(1).startswith("减") else 1
        return CellValue(sign * int(m.group(2)), "signed", certainty=0.9)
    if not _ORDINAL_START.match(compact) and _NA.fullmatch(compact) and len(compact) <= 24:
        return CellValue(None, "not_applicable", kind="null", certainty=0.95)
    return CellValue(None, None, kind="text")


_TOKEN = re.compile(rf"[+-]?\d+(?:\.\d+)?(?:{_UNIT_ALT})?|\d{{1,3}}(?:,\d{{3}})+|[-—–]{{1,2}}|{_CHANGE.pattern}")


@lru_cache(maxsize=16384)
def is_value_token(tok: str) -> bool:
    """A whitespace-separated token of PDF text that is a cell value (R5): a number, a change written 增10, or a
    lone dash."""
    return bool(_TOKEN.fullmatch(fold(tok)))
