"""Numerals as reports write them: Arabic, Chinese (一千二百, 两), 万 forms, 余/多 approximations, percentages.

Each quantity is rendered as a ``(numeral, unit)`` pair of strings; the span of labels.md covers both
(``70`` + ``余人次``, ``2.5万`` + ``条``, ``95.5`` + ``%``).  Digit width and the gap between numeral and
unit are noise, applied later (noise.py), so they are not decided here.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass

import cn2an

# Measure words per quantity kind, with weights (most frequent first).
UNITS: dict[str, list[tuple[str, int]]] = {
    "info": [("条", 70), ("件", 12), ("篇", 8), ("条次", 4), ("则", 2), ("项", 2), ("个", 2)],
    "post": [("条", 55), ("篇", 25), ("期", 6), ("个", 5), ("篇次", 4), ("次", 3), ("条次", 2)],
    "video": [("个", 40), ("条", 35), ("部", 10), ("期", 15)],
    "doc": [("件", 60), ("份", 15), ("个", 10), ("条", 10), ("部", 3), ("篇", 2)],
    "issue": [("期", 100)],
    "gzinfo": [("条", 50), ("件", 35), ("篇", 15)],
    "interp": [("篇", 35), ("条", 30), ("件", 12), ("个", 10), ("份", 8), ("期", 3), ("次", 2)],
    "event": [("场", 45), ("次", 40), ("期", 8), ("场次", 5), ("批次", 2)],
    "article": [("篇", 55), ("条", 20), ("次", 15), ("篇次", 10)],
    "app": [("件", 80), ("条", 7), ("份", 5), ("宗", 3), ("个", 3), ("起", 2)],
    "req": [("件", 55), ("条", 30), ("个", 5), ("封", 5), ("次", 5)],
    "consult": [("人次", 50), ("次", 30), ("个", 10), ("件", 10)],
    "session": [("次", 45), ("期", 30), ("场", 20), ("批", 5)],
    "people": [("人次", 70), ("人", 25), ("名", 5)],
    # negatives
    "dept": [("个", 100)],
    "system": [("项", 70), ("个", 20), ("套", 10)],
    "book": [("册", 50), ("份", 40), ("本", 10)],
    "visit": [("人次", 80), ("次", 20)],
    "matter": [("件", 80), ("项", 20)],
    "meeting": [("次", 80), ("场", 20)],
    "staff": [("名", 60), ("人", 40)],
    "fans": [("人", 50), ("个", 20), ("户", 30)],
}

# Magnitude (min, max) on a log scale per kind.
RANGES: dict[str, tuple[int, int]] = {
    "info": (5, 60000), "post": (5, 8000), "video": (2, 600), "doc": (1, 400), "issue": (1, 24), "gzinfo": (1, 900),
    "interp": (1, 300), "event": (1, 80), "article": (3, 2000), "app": (1, 2500), "req": (2, 20000),
    "consult": (10, 30000), "session": (1, 20), "people": (8, 3000), "dept": (3, 80), "system": (1, 30),
    "book": (100, 20000), "visit": (50, 50000), "matter": (50, 200000), "meeting": (1, 30), "staff": (1, 60),
    "fans": (300, 900000),
}

CN_OK_UNITS = set("件条次场期篇个份项批宗起人名部册本")


@dataclass(frozen=True)
class Quantity:
    """A rendered quantity: the numeral (``1200``, ``一千二百``, ``2.5万``, ``70余``) and its unit."""

    numeral: str
    unit: str
    value: float


def pick_unit(rng: random.Random, kind: str) -> str:
    units, weights = zip(*UNITS[kind])
    return rng.choices(units, weights=weights)[0]


def draw_value(rng: random.Random, kind: str, below: int | None = None) -> int:
    """A log-uniform integer in the kind's range (strictly below ``below`` when given and possible)."""
    lo, hi = RANGES[kind]
    if below is not None:
        hi = max(1, below - 1)
        lo = min(lo, hi)
    v = int(round(math.exp(rng.uniform(math.log(lo), math.log(hi + 0.999)))))
    return max(lo, min(hi, v))


def chinese_numeral(rng: random.Random, v: int, unit: str) -> str:
    """一千二百, 十二, 两 (for 2 before a measure word, sometimes), 二十五."""
    s = cn2an.an2cn(v)
    if v == 2 and rng.random() < 0.6:
        s = "两"
    elif v >= 1000 and s.startswith("二") and rng.random() < 0.3:
        s = "两" + s[1:]
    return s


def render_count(rng: random.Random, kind: str, value: int | None = None, unit: str | None = None,
                 allow_chinese: bool = True) -> Quantity:
    """Render a count of ``kind``; chooses the numeral style (plain, 余/多, 万, Chinese)."""
    unit = unit or pick_unit(rng, kind)
    v = value if value is not None else draw_value(rng, kind)
    r = rng.random()
    if v >= 10000 and r < 0.45:
        # 2.5万条, 4万余条, 1.35万条
        w = v / 10000
        digits = rng.choice([0, 1, 1, 2])
        num = f"{w:.{digits}f}".rstrip("0").rstrip(".") if digits else str(int(w))
        suffix = rng.choice(["", "", "余", "多"])
        return Quantity(num + "万" + suffix, unit, float(num) * 10000)
    if v >= 30 and r < 0.22:
        step = 100 if v >= 1000 else 10
        v2 = max(step, v // step * step)
        approx = rng.choice(["余", "余", "多"])
        if unit == "人次" and rng.random() < 0.5:
            return Quantity(str(v2), approx + unit, v2)
        return Quantity(str(v2) + approx, unit, v2)
    if allow_chinese and unit and unit[0] in CN_OK_UNITS and r > 0.93 and v < 100000:
        if v > 100:
            v = int(str(v)[:2].ljust(len(str(v)), "0"))  # 一千二百, not 一千二百三十七
        return Quantity(chinese_numeral(rng, v, unit), unit, v)
    return Quantity(str(v), unit, v)


def render_percent(rng: random.Random, low: float = 85.0) -> Quantity:
    """100% most of the time, otherwise 85–99.9 with 0 or 1 decimal; ％ sometimes; rarely no unit."""
    if rng.random() < 0.6:
        num = "100"
    elif rng.random() < 0.5:
        num = str(rng.randint(int(low), 99))
    else:
        num = f"{rng.uniform(low, 99.9):.1f}"
    unit = rng.choices(["%", "％", ""], weights=[85, 12, 3])[0]
    return Quantity(num, unit, float(num))


def render_share(rng: random.Random) -> Quantity:
    """A share or growth rate (O): 87%, 12.5%, 3.2个百分点."""
    num = f"{rng.uniform(0.5, 95):.{rng.choice([0, 1, 2])}f}"
    if num.endswith(".0"):
        num = num[:-2]
    unit = rng.choices(["%", "％", "个百分点"], weights=[80, 10, 10])[0]
    return Quantity(num, unit, float(num))
