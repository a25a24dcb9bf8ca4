"""Noise of real report text (formats.md §8), applied piece by piece so spans stay exact.

Only plain-text pieces get junk inserted.  Numerals and units are only re-written in place (traditional
characters, full-width digits), and the one thing added inside a quantity is the gap that labels.md allows
between numeral and unit (a space or a line break).
"""

from __future__ import annotations

import random
import unicodedata
from dataclasses import dataclass
from functools import cache

import opencc

from .template import Piece

# Simplified characters whose traditional form differs, with the syllable the converter appends.
_PINYIN_SIMPLIFIED = {
    "数": "shù", "网": "wǎng", "发": "fā", "规": "guī", "结": "jié", "业": "yè", "区": "qū", "内": "nèi",
    "监": "jiān", "权": "quán", "经": "jīng", "统": "tǒng", "乡": "xiāng", "镇": "zhèn", "构": "gòu",
    "现": "xiàn", "态": "tài", "据": "jù", "调": "diào", "创": "chuàng", "稳": "wěn", "转": "zhuǎn",
    "续": "xù", "联": "lián", "执": "zhí", "环": "huán", "节": "jié", "优": "yōu", "协": "xié", "术": "shù",
    "医": "yī", "质": "zhì", "务": "wù", "开": "kāi", "关": "guān", "门": "mén", "报": "bào", "应": "yìng",
    "时": "shí", "办": "bàn", "计": "jì", "动": "dòng", "过": "guò", "资": "zī", "讯": "xùn", "审": "shěn",
    "会": "huì", "议": "yì", "读": "dú", "图": "tú", "视": "shì", "频": "pín", "热": "rè", "线": "xiàn",
    "话": "huà", "电": "diàn", "举": "jǔ", "训": "xùn", "级": "jí", "县": "xiàn", "员": "yuán", "实": "shí",
    "问": "wèn", "访": "fǎng", "满": "mǎn", "处": "chǔ", "类": "lèi", "项": "xiàng", "单": "dān", "体": "tǐ",
    "众": "zhòng", "达": "dá", "阅": "yuè", "载": "zài", "闻": "wén", "传": "chuán", "场": "chǎng",
    "为": "wèi", "对": "duì", "进": "jìn", "专": "zhuān", "题": "tí", "设": "shè", "导": "dǎo", "责": "zé",
    "领": "lǐng", "书": "shū", "记": "jì", "长": "zhǎng", "织": "zhī", "财": "cái", "预": "yù", "决": "jué",
    "护": "hù", "险": "xiǎn", "卫": "wèi", "健": "jiàn", "农": "nóng", "营": "yíng",
    "商": "shāng", "价": "jià", "标": "biāo", "准": "zhǔn", "馆": "guǎn",
    "录": "lù", "栏": "lán", "纳": "nà", "绩": "jì", "考": "kǎo", "核": "hé", "强": "qiáng",
}

TONE_VOWELS = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"

SPAM = ["365体育投注", "比分直播", "欧洲杯决赛竞猜", "篮球比分直播", "澳门葡京", "体育彩票开奖"]


@cache
def _s2t() -> opencc.OpenCC:
    return opencc.OpenCC("s2t")


def to_traditional(s: str) -> str:
    return _s2t().convert(s)


@cache
def traditional_pinyin() -> dict[str, str]:
    """Traditional character -> tone-marked syllable, for characters whose traditional form differs."""
    out = {}
    for simp, py in _PINYIN_SIMPLIFIED.items():
        trad = to_traditional(simp)
        if trad != simp and len(trad) == 1:
            out[trad] = py
    return out


def toneless(py: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", py) if not unicodedata.combining(c)).replace("ü", "v")


@dataclass
class NoiseConfig:
    """Rates: per report (``p_trad``, ``p_fullwidth``, ``p_pdf``), per paragraph, per quantity."""

    p_trad: float = 0.2
    p_junk_given_trad: float = 0.6
    p_toneless: float = 0.3
    p_fullwidth: float = 0.06
    p_pdf: float = 0.15
    p_spam: float = 0.5          # per 关于 occurrence in a report that has spam
    p_spam_report: float = 0.08  # reports with injected spam
    p_qjunk: float = 0.05        # paragraphs with ? junk
    p_wrap: float = 0.06         # non-PDF paragraphs with a stray line break
    p_page: float = 0.25         # PDF paragraphs with a page-number line
    p_gap_space: float = 0.06    # quantities with a space between numeral and unit
    p_gap_newline: float = 0.01  # quantities with a line break between numeral and unit
    p_space_around: float = 0.05 # quantities with spaces around them (PDF text)


NO_NOISE = NoiseConfig(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)


@dataclass
class Profile:
    """Noise that stays fixed over one report."""

    trad: bool = False
    junk: bool = False
    junk_toneless: bool = False
    junk_chars: frozenset[str] = frozenset()
    fullwidth: bool = False
    pdf: bool = False
    wrap_width: int = 36
    spam: bool = False


def draw_profile(rng: random.Random, cfg: NoiseConfig) -> Profile:
    trad = rng.random() < cfg.p_trad
    junk = trad and rng.random() < cfg.p_junk_given_trad
    chars = sorted(traditional_pinyin())
    marked = frozenset(c for c in chars if rng.random() < 0.7) if junk else frozenset()
    return Profile(
        trad=trad, junk=junk, junk_toneless=junk and rng.random() < cfg.p_toneless, junk_chars=marked,
        fullwidth=rng.random() < cfg.p_fullwidth, pdf=rng.random() < cfg.p_pdf,
        wrap_width=rng.randint(28, 42), spam=rng.random() < cfg.p_spam_report,
    )


_FW = {ord(c): chr(ord(c) + 0xFEE0) for c in "0123456789.%"}


def _junk(py: str, toneless_form: bool, rng: random.Random) -> str:
    if not toneless_form:
        return f"({py})"
    reps = 1 if rng.random() < 0.8 else rng.randint(2, 4)
    return f"({toneless(py)})" * reps


def apply_noise(pieces: list[Piece], prof: Profile, cfg: NoiseConfig, rng: random.Random,
                page_no: int = 1) -> list[Piece]:
    """Return noisy pieces (the input is not modified)."""
    out = [Piece(p.text, p.role, p.qid, p.label) for p in pieces]
    if prof.trad:
        for p in out:
            p.text = to_traditional(p.text)
    if prof.spam:
        for p in out:
            if p.role == "text":
                for word in ("关于", "關於"):
                    while word in p.text and rng.random() < cfg.p_spam:
                        p.text = p.text.replace(word, rng.choice(SPAM), 1)
    if prof.junk:
        table = traditional_pinyin()
        for p in out:
            if p.role == "text":
                p.text = "".join(
                    c + (_junk(table[c], prof.junk_toneless, rng) if c in prof.junk_chars else "")
                    for c in p.text)
    if prof.fullwidth:
        for p in out:
            p.text = p.text.translate(_FW) if p.role in ("num", "unit") or rng.random() < 0.5 else p.text
    out = _gaps(out, cfg, rng)
    if rng.random() < cfg.p_qjunk:
        _insert(out, rng, rng.choice(["?", "??", "????", "? ", "?"]))
    if prof.pdf:
        out = _pdf_wrap(out, prof.wrap_width, rng, page_no if rng.random() < cfg.p_page else None)
    elif rng.random() < cfg.p_wrap:
        _insert(out, rng, "\n")
    return [p for p in out if p.text]


def _gaps(pieces: list[Piece], cfg: NoiseConfig, rng: random.Random) -> list[Piece]:
    out: list[Piece] = []
    for i, p in enumerate(pieces):
        nxt = pieces[i + 1] if i + 1 < len(pieces) else None
        if p.role == "num" and out and out[-1].role == "text" and rng.random() < cfg.p_space_around:
            out[-1].text += " "
            if nxt is not None and nxt.role == "unit" and nxt.qid == p.qid:
                nxt_after = pieces[i + 2] if i + 2 < len(pieces) else None
                if nxt_after is not None and nxt_after.role == "text":
                    nxt_after.text = " " + nxt_after.text
        out.append(p)
        if p.role == "num" and nxt is not None and nxt.role == "unit" and nxt.qid == p.qid:
            r = rng.random()
            if r < cfg.p_gap_newline:
                out.append(Piece("\n", "gap", p.qid, p.label))
            elif r < cfg.p_gap_newline + cfg.p_gap_space:
                out.append(Piece(" ", "gap", p.qid, p.label))
    return out


def _insert(pieces: list[Piece], rng: random.Random, s: str) -> None:
    """Insert ``s`` at a random position inside a plain-text piece (never inside a quantity)."""
    texts = [p for p in pieces if p.role == "text" and p.text]
    if not texts:
        return
    p = rng.choices(texts, weights=[len(t.text) for t in texts])[0]
    k = rng.choice(_safe_positions(p.text))
    p.text = p.text[:k] + s + p.text[k:]


def _safe_positions(text: str) -> list[int]:
    """Insertion points not inside a parenthesised run (pinyin junk such as ``(tǐ)`` stays whole)."""
    out = []
    depth = 0
    for k in range(len(text) + 1):
        if depth == 0:
            out.append(k)
        if k < len(text):
            depth += {"(": 1, ")": -1}.get(text[k], 0)
            depth = max(depth, 0)
    return out


def _pdf_wrap(pieces: list[Piece], width: int, rng: random.Random, page_no: int | None) -> list[Piece]:
    """Break lines every ``width`` characters as PDF text does; breaks due inside a quantity go into the
    numeral/unit gap or after the quantity.  Optionally one break carries a page-number line."""
    out: list[Piece] = []
    col = 0
    pending = False
    page_line = None
    if page_no is not None:
        page_line = rng.choice([f"\n- {page_no} -\n", f"\n{page_no}\n", f"\n— {page_no} —\n", f"\n第{page_no}页\n"])

    def brk() -> str:
        nonlocal page_line
        if page_line and rng.random() < 0.5:
            s, page_line = page_line, None
            return s
        return "\n"

    for p in pieces:
        if p.role != "text":
            if "\n" in p.text:
                col = 0
                pending = False
            col += len(p.text)
            if col >= width:
                pending = True
            out.append(p)
            continue
        buf = []
        depth = 0
        for ch in p.text:
            depth = max(0, depth + {"(": 1, ")": -1}.get(ch, 0))
            if (pending or col >= width) and depth == 0 and ch != ")":
                if ch not in "，。；、,":  # keep punctuation on the line it ends
                    buf.append(brk())
                    col = 0
                    pending = False
            buf.append(ch)
            col = 0 if ch == "\n" else col + 1
        out.append(Piece("".join(buf)))
    return out
