"""Turn a tagged quantity span (numeral + measure word) into a value, a unit and an approximation flag.

``parse_quantity("2.5万人次") -> Quantity(25000, "人次", False)``; ``"70余人次" -> (70, "人次", True)``;
``"一千二百件" -> (1200, "件", False)``; ``"95.5%" -> (95.5, "%", False)``.

The span boundaries follow ../shared/spec/labels.md: the span starts at the numeral and runs through its
multipliers (万, 亿), approximation words (余, 多, 几) and the unit.  Spaces or line breaks between numeral
and unit are allowed (PDF text: ``2428 条``).  Chinese numerals go through ``cn2an`` in ``"smart"`` mode
(the only mode that reads mixed forms such as ``2.5万``; see ../shared/notes/stack.md §6.4).
"""

from __future__ import annotations

import re
import warnings
from dataclasses import dataclass

# full-width digits and the traditional forms of numeral characters (the tagger passes normalized,
# simplified text, but a caller may pass raw text)
_FULLWIDTH = str.maketrans(
    "０１２３４５６７８９．，％餘萬億兩點",
    "0123456789.,%余万亿两点",
)

_CN_DIGITS = "零〇一二两三四五六七八九十百千万亿点"
# numeral: Arabic (with decimal point / thousands commas) or Chinese, with multipliers and approximations
_NUM_RE = re.compile(
    rf"""^(?:
        (?P<arabic>\d+(?:,\d{{3}})*(?:\.\d+)?)      # 2428 / 1,234 / 95.5
        (?P<amult>[十百千万亿]*)                   # 2.5万 / 1.2亿
      | (?P<pct>百分之)(?P<pctnum>[{_CN_DIGITS}几\d.]+)  # 百分之九十五
      | (?P<cn>[{_CN_DIGITS}几]+)                   # 一千二百 / 两 / 十几
    )""",
    re.VERBOSE,
)
_APPROX_CHARS = "余多几来"
_WS_RE = re.compile(r"\s+")


@dataclass(frozen=True)
class Quantity:
    value: int | float | None
    unit: str | None
    approximate: bool


def _as_number(x: float) -> int | float:
    """An integral float becomes an int (574.0 -> 574); others keep their decimals (rounded to 6)."""
    if abs(x - round(x)) < 1e-9:
        return int(round(x))
    return round(x, 6)


_CN_MULT = {"十": 10, "百": 100, "千": 1000, "万": 10_000, "亿": 100_000_000}


def _cn_number(s: str) -> float | None:
    """Read a Chinese (or mixed) numeral with cn2an smart mode; None when it cannot be read."""
    if not s:
        return None
    if s[0] in "百千":  # 百 / 千 alone mean one hundred / one thousand
        s = "一" + s
    try:
        import cn2an

        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return float(cn2an.cn2an(s, "smart"))
    except Exception:
        return None


def _arabic_with_mult(num: str, mult: str) -> float:
    value = float(num.replace(",", ""))
    for ch in mult:
        value *= _CN_MULT[ch]
    return value


def parse_quantity(span: str) -> Quantity:
    """Parse one quantity span; a span with no readable numeral gives ``value=None`` (never 0)."""
    s = _WS_RE.sub("", span.translate(_FULLWIDTH))
    m = _NUM_RE.match(s)
    if not m:
        return Quantity(None, s or None, False)
    rest = s[m.end():]
    approximate = False
    value: float | None
    if m.group("arabic") is not None:
        value = _arabic_with_mult(m.group("arabic"), m.group("amult") or "")
    elif m.group("pct") is not None:
        raw = m.group("pctnum")
        approximate = "几" in raw
        raw = raw.replace("几", "")
        value = float(raw) if re.fullmatch(r"\d+(\.\d+)?", raw) else _cn_number(raw)
        rest = "%" + rest
    else:
        raw = m.group("cn")
        if "几" in raw:
            approximate = True
            # 十几 -> 十 (10), 几十 -> 十 (10), 二十几 -> 二十 (20): the lower bound
            raw = raw.replace("几", "") or None
        value = _cn_number(raw) if raw else None
    # approximation words right after the numeral (余, 多, 几, 来); 万/亿 after them (10余万) still multiply
    while rest and rest[0] in _APPROX_CHARS + "万亿":
        ch = rest[0]
        if ch in "万亿":
            if value is not None:
                value *= _CN_MULT[ch]
        else:
            approximate = True
        rest = rest[1:]
    unit = rest or None
    if unit == "％":
        unit = "%"
    return Quantity(_as_number(value) if value is not None else None, unit, approximate)
