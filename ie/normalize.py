"""Text normalization that never loses evidence.

Every stage is a list of edits on the current text; after each stage the offset map is composed so that
every character of the normalized text knows the span of the *original* text it came from
(``original[starts[i]:ends[i]]``). Any span found later in the normalized text can therefore be reported
with original offsets (``Normalized.to_original``).

Stages (formats.md §9): line endings → width folding → traditional→simplified (OpenCC t2s) →
converter pinyin junk → boilerplate and spam title lines → spam phrases → ``?`` junk →
PDF line wraps and page numbers → marking of GBK mojibake and stray ``?`` as corrupted.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

__all__ = ["Normalized", "normalize", "to_simplified", "fold_width", "PINYIN_SYLLABLES"]

Edit = tuple[int, int, str]  # (start, end, replacement) on the current text

# ---------------------------------------------------------------------------------------------------------
# The result


@dataclass
class Normalized:
    """Normalized text plus its map back to the original."""

    original: str
    text: str
    starts: list[int]
    ends: list[int]
    corrupted: list[tuple[int, int]] = field(default_factory=list)

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map the normalized span ``[start, end)`` to the original text (end exclusive)."""
        if not 0 <= start <= end <= len(self.text):
            raise ValueError(f"span ({start}, {end}) outside normalized text of length {len(self.text)}")
        if start == end:
            pos = self.starts[start] if start < len(self.starts) else len(self.original)
            return pos, pos
        return self.starts[start], self.ends[end - 1]

    def to_normalized(self, ostart: int, oend: int) -> tuple[int, int]:
        """The normalized span made of the characters whose original ranges lie inside ``[ostart, oend)``.

        Used to carry labelled spans (given on raw text) onto the normalized text. Returns an empty
        span at the right place when nothing of the range survives normalization.
        """
        from bisect import bisect_left, bisect_right

        s = bisect_left(self.starts, ostart)
        e = bisect_right(self.ends, oend)
        # a replacement character may cover more than the range; skip such characters at the edges
        while s < e and self.starts[s] < ostart:
            s += 1
        while e > s and self.ends[e - 1] > oend:
            e -= 1
        return s, max(s, e)

    def is_corrupted(self, start: int, end: int) -> bool:
        """True when the normalized span overlaps a span marked as mojibake or ``?`` junk."""
        return any(s < end and start < e for s, e in self.corrupted)


# ---------------------------------------------------------------------------------------------------------
# Offset-map machinery


def _apply_edits(text: str, starts: list[int], ends: list[int], edits: list[Edit]) -> tuple[str, list, list]:
    """Apply sorted, non-overlapping edits and compose the offset map.

    A replacement character maps to the whole original span of what it replaced, so the maps stay
    monotonic; an insertion (empty range) maps to the empty original span at that point.
    """
    if not edits:
        return text, starts, ends
    out: list[str] = []
    ns: list[int] = []
    ne: list[int] = []
    pos = 0
    n = len(text)
    for s, e, repl in edits:
        if s < pos:
            raise ValueError("overlapping edits")
        out.append(text[pos:s])
        ns.extend(starts[pos:s])
        ne.extend(ends[pos:s])
        if repl:
            if s < e:
                os_, oe = starts[s], ends[e - 1]
            else:
                os_ = starts[s] if s < n else (ends[-1] if ends else 0)
                oe = os_
            out.append(repl)
            ns.extend([os_] * len(repl))
            ne.extend([oe] * len(repl))
        pos = e
    out.append(text[pos:])
    ns.extend(starts[pos:])
    ne.extend(ends[pos:])
    return "".join(out), ns, ne


def _regex_edits(pattern: re.Pattern[str], text: str, repl: str = "") -> list[Edit]:
    return [(m.start(), m.end(), repl) for m in pattern.finditer(text)]


# ---------------------------------------------------------------------------------------------------------
# Width folding (formats.md §8.9): one character for one character, so the map is unchanged.

_WIDTH_TABLE = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)}
_WIDTH_TABLE.update({0x3000: 0x20, 0x00A0: 0x20, 0xFE52: ord("."), 0xFE5D: ord("〔"), 0xFE5E: ord("〕"),
                     0x2212: ord("-"), 0x200B: 0x20, 0xFEFF: 0x20, 0x2002: 0x20, 0x2003: 0x20, 0x2009: 0x20})


# CJK radicals for ideographs: PDF text from some fonts (Chromium's, WPS's) maps glyphs to the Kangxi radicals
# (⼈ U+2F08 for 人, ⽣ for 生) and the radicals supplement (⺠ U+2EA0 for 民, ⻓ for 长), so 同⼼县⼈⺠政府 matched
# no keyword. NFKC knows the Kangxi block (some to traditional forms, 門 for ⾨, which the t2s stage then
# simplifies); for the supplement it knows two, so the whole characters among the rest are listed here.
_RADICALS_SUPPLEMENT = dict(zip(
    "⺁⺇⺌⺎⺐⺒⺓⺛⺝⺞⺠⺢⺧⺩⺬⺮⺯⺰⺲⺶⺻⺼⺽⻁⻄⻅⻆⻇⻉⻋⻑⻓⻔⻗⻘⻙⻚⻛⻜⻝⻟⻡⻢⻣⻤⻥⻦⻧⻨⻩⻪⻬⻮⻰",
    "厂几小兀尢巳幺旡月歺民氺牛王示竹糸纟罒羊聿月臼虎西见角角贝车長长门雨青韦页风飞食食首马骨鬼鱼鸟卤麦黄黾齐齿龙",
    strict=True))
for _cp in [*range(0x2E80, 0x2EF4), *range(0x2F00, 0x2FD6), *range(0xF900, 0xFADA)]:
    _ch = chr(_cp)
    _to = _RADICALS_SUPPLEMENT.get(_ch) or unicodedata.normalize("NFKC", _ch)
    if len(_to) == 1 and _to != _ch and "\u4e00" <= _to <= "\u9fff":
        _WIDTH_TABLE[_cp] = ord(_to)


def fold_width(s: str) -> str:
    """Fold full-width ASCII, ideographic/no-break spaces, a few look-alikes and CJK radicals standing for
    ideographs to plain forms (one character for one character)."""
    return s.translate(_WIDTH_TABLE)


# ---------------------------------------------------------------------------------------------------------
# Traditional → simplified


@lru_cache(maxsize=1)
def _t2s():
    import opencc

    return opencc.OpenCC("t2s")


def to_simplified(s: str) -> str:
    """OpenCC t2s (used for matching labels and by the normalizer)."""
    return _t2s().convert(s)


# Taiwan wording that mirror sites put in when they convert a mainland page with phrases (OpenCC s2twp): 政府信息
# becomes 政府資訊, which t2s leaves as 政府资讯 and no keyword knows. Folded back, same length, only in lines
# that were written in traditional characters (in a simplified line 政务资讯 is the mainland word for news).
_TW_PHRASES = {"资讯": "信息", "网路": "网络", "软体": "软件", "简讯": "短信"}
_TW_PHRASE_RE = re.compile("|".join(_TW_PHRASES))


def _t2s_same_length(text: str) -> str:
    """Convert to simplified keeping the length, so the map stays one-to-one.

    OpenCC converts phrase by phrase; in the rare line where that changes the length, fall back to
    converting character by character. A line that was traditional also gets its Taiwan wording folded
    (``_TW_PHRASES``).
    """
    if _t2s().convert(text) == text:
        return text  # nothing traditional (most reports)
    out = []
    for line in text.split("\n"):
        c = _t2s().convert(line)
        if len(c) != len(line):
            chars = []
            for ch in line:
                cc = _t2s().convert(ch)
                chars.append(cc if len(cc) == 1 else ch)
            c = "".join(chars)
        if c != line:
            c = _TW_PHRASE_RE.sub(lambda m: _TW_PHRASES[m.group()], c)
        out.append(c)
    return "\n".join(out)


# ---------------------------------------------------------------------------------------------------------
# Converter pinyin junk (formats.md §8.1)

_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
_PY_FORM_A = re.compile(rf"[(（](?=[a-zü{_TONED}]{{1,6}}[)）])[a-zü]*[{_TONED}][a-zü{_TONED}]*[)）]")
_PY_GROUP = re.compile(r"[(（]([a-z]{1,6})[)）]")
_PY_FORM_B = re.compile(r"(?<=[\u4e00-\u9fff)）])(?:[(（][a-z]{1,6}[)）])+")

_INITIALS = ["zh", "ch", "sh", "b", "p", "m", "f", "d", "t", "n", "l", "g", "k", "h", "j", "q", "x",
             "r", "z", "c", "s", "y", "w", ""]
_FINALS = ["a", "o", "e", "i", "u", "v", "ai", "ei", "ui", "ao", "ou", "iu", "ie", "ve", "ue", "er", "an",
           "en", "in", "un", "vn", "ang", "eng", "ing", "ong", "ia", "iao", "ian", "iang", "iong", "ua",
           "uo", "uai", "uan", "uang", "ueng", "van"]


def _build_syllables() -> frozenset[str]:
    syl = set()
    for i in _INITIALS:
        for f in _FINALS:
            s = i + f
            if i in ("j", "q", "x", "y") and f.startswith("v"):
                s = i + "u" + f[1:]
            syl.add(s.replace("v", "u") if i in ("j", "q", "x", "y") else s)
    # drop obviously impossible short forms that are common in legitimate text markers
    return frozenset(x for x in syl if len(x) >= 2)


PINYIN_SYLLABLES = _build_syllables()


def _pinyin_edits(text: str) -> list[Edit]:
    edits = _regex_edits(_PY_FORM_A, text)
    taken = {e[0] for e in edits}
    for m in _PY_FORM_B.finditer(text):
        groups = _PY_GROUP.findall(m.group(0))
        if groups and all(g in PINYIN_SYLLABLES for g in groups) and m.start() not in taken:
            edits.append((m.start(), m.end(), ""))
    edits.sort()
    # form A inside a form B run cannot happen (form B has no tone marks), but guard against overlap
    merged: list[Edit] = []
    for e in edits:
        if merged and e[0] < merged[-1][1]:
            continue
        merged.append(e)
    return merged


# ---------------------------------------------------------------------------------------------------------
# Boilerplate lines and spam (formats.md §8.4, §8.7)

_BOILERPLATE = re.compile(
    r"^\s*(?:"
    r"扫一扫|[【\[]?(?:打印本页|打印|关闭窗口|关闭|收藏)[】\]]?\s*$|字体[:：]|分享(?:到)?[:：]|上一篇|下一篇|"
    r"文件下载|关联文件|附件下载[:：]|当前位置[:：]|您(?:当前)?所在(?:的)?位置|技术支持[:：]|运维电话|"
    r"主办[:：]|承办[:：]|[-·]?\s*信息来源[:：]|[-·]?\s*浏览次数|[-·]?\s*访问量|首页\s*[|>]|"
    r"选择特殊符号|选择搜索类型|请输入搜索|网站地图|本站已支持|版权所有|"
    r"索引号\s*\||发布机构\s*\||文号\s*\|"
    r")")
_BOILERPLATE_ANY = re.compile(r"ICP备|网站标识码|公网安备|All Rights Reserved|Copyright\s*©?", re.I)

_SPAM_TERMS = [r"\d*体育投注", r"(?:足球|篮球)?比分直播", r"欧洲杯决赛竞猜", r"世界杯竞猜", r"百家乐",
               r"娱乐城", r"真人视讯", r"博彩公司", r"网上赌场", r"(?:足球|体育)?彩票投注", r"澳门(?:新)?葡京"]
_SPAM = re.compile(rf"(?:{'|'.join(_SPAM_TERMS)})(?:[,、](?:{'|'.join(_SPAM_TERMS)}))*")
_REPORT_WORDS = re.compile(r"政府|公开|报告|信息|年度|条例|工作")
_SPAM_TITLE_WORDS = re.compile(r"精品|在线观看|成人|国产|视频|av|AV|日韩|欧美|无码|投注|彩票|娱乐|赌")
_CJK = re.compile(r"[\u4e00-\u9fff]")


def _line_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every line including its newline."""
    spans = []
    pos = 0
    for line in text.splitlines(keepends=True):
        spans.append((pos, pos + len(line)))
        pos += len(line)
    return spans


def _is_spam_title(line: str) -> bool:
    if "。" in line:
        return False  # a sentence of the report (发布视频新闻12条。…), never a spam page title
    parts = re.split(r"[_,，|]", line)
    return len(parts) >= 3 and not _REPORT_WORDS.search(line) and bool(_SPAM_TITLE_WORDS.search(line))


def _boilerplate_edits(text: str) -> list[Edit]:
    edits = []
    leading = True
    for s, e in _line_spans(text):
        line = text[s:e].strip()
        if not line:
            continue
        drop = bool(_BOILERPLATE.match(line)) and len(line) < 80
        drop = drop or (bool(_BOILERPLATE_ANY.search(line)) and len(line) < 160)
        if leading and not drop and _is_spam_title(line):
            drop = True
        if drop:
            edits.append((s, e, ""))
        elif _REPORT_WORDS.search(line):
            leading = False
    return edits


def _spam_edits(text: str) -> list[Edit]:
    edits = []
    for m in _SPAM.finditer(text):
        before = text[m.start() - 1] if m.start() > 0 else ""
        repl = "关于" if _CJK.match(before) else ""
        edits.append((m.start(), m.end(), repl))
    return edits


# ---------------------------------------------------------------------------------------------------------
# `?` junk (formats.md §8.3)

_QRUN = re.compile(r"\?{2,}")
_LEADING_Q = re.compile(r"^\?+[ \t]*", re.M)


def _qjunk_edits(text: str) -> list[Edit]:
    edits: list[Edit] = []
    for s, e in _line_spans(text):
        line = text[s:e]
        if "|" in line:  # table cells: `? |` is a blank cell, leave it to the rule layer
            continue
        m = _LEADING_Q.match(line)
        lead_end = s + m.end() if m and m.end() > 0 else s
        if lead_end > s:
            edits.append((s, lead_end, ""))
        for q in _QRUN.finditer(line):
            qs, qe = s + q.start(), s + q.end()
            if qs >= lead_end:
                edits.append((qs, qe, " "))
    return edits


# ---------------------------------------------------------------------------------------------------------
# PDF line wraps and page numbers

# a page number on a line of its own (- 2 -, 第2页 共5页, 2/5): dropped here, skipped by the PDF reader's line joins
PAGE_NUMBER_LINE = re.compile(r"^\s*(?:[-—–－]\s*\d{1,4}\s*[-—–－]|第\s*\d{1,4}\s*页(?:\s*[,/，]?\s*共\s*\d{1,4}\s*页)?|"
                              r"\d{1,4}\s*/\s*\d{1,4})\s*$")
_BLOCK_START = re.compile(r"^\s*(?:[一二三四五六七八九十]+、|[(（][一二三四五六七八九十\d]+[)）]|\d{1,2}[、.．]|"
                          r"[①-⑳]|第[一二三四五六七八九十\d]+[条章节]|附[件:：]|[一二三四五六七八九十]是)")
_SENTENCE_END = tuple("。！？；：!?;:》”\"")
_NUMERIC_ROW = re.compile(r"(?:\S+\s+){0,3}?(?:-?\d+(?:\.\d+)?\s+){2,}-?\d+(?:\.\d+)?\s*$")
# a row of the pre-2019 统计表 as PDF text: label, unit, number (主动公开政府信息数 (…计1条) 条 396)
_UNIT_START = re.compile(r"(?:条|件|期|次|个|篇|项|场|人|万|亿|余|多|%|％|份|家|批|部)")
_UNIT_THEN_NUMBER = re.compile(r"\s(?:条|件|次|个|人|人次|万元|元|期|篇|项|场|份)\s+-?\d+(?:\.\d+)?\s*$")


def _looks_wrapped(lines: list[str]) -> int | None:
    """Return the typical full-line width when most longer lines share it (a wrapped layout)."""
    widths = [len(x.rstrip()) for x in lines if len(x.strip()) >= 10]
    if len(widths) < 8:
        return None
    mode, count = Counter(widths).most_common(1)[0]
    near = sum(1 for w in widths if abs(w - mode) <= 2)
    return mode if near >= 6 and near >= 0.4 * len(widths) and mode >= 20 else None


def _wrap_edits(text: str, force: bool, soft: set[int] | None = None) -> list[Edit]:
    """Edits that drop page-number lines and join lines wrapped mid-sentence. ``soft`` (PDF, from the layout) holds
    the offsets of the newlines that end lines running to the right margin; without it the line widths decide."""
    spans = _line_spans(text)
    lines = [text[s:e] for s, e in spans]
    edits: list[Edit] = []
    for (s, e), line in zip(spans, lines, strict=True):
        if PAGE_NUMBER_LINE.match(line.strip("\n")) and line.strip():
            edits.append((s, e, ""))
    dropped = {s for s, _, _ in edits}
    width = 0  # with the layout's soft breaks, the line widths are not consulted
    if soft is None:
        found = _looks_wrapped([ln for (s, _), ln in zip(spans, lines, strict=True) if s not in dropped])
        if found is None and not force:
            return edits
        if found is None:
            widths = sorted(len(x.rstrip()) for x in lines if len(x.strip()) >= 10)
            if not widths:
                return edits
            found = widths[int(0.9 * (len(widths) - 1))]
        width = found
    kept = [(s, e) for s, e in spans if s not in dropped]
    for (s, e), (ns, ne) in zip(kept, kept[1:], strict=False):
        cur = text[s:e].rstrip("\n")
        nxt = text[ns:ne].strip()
        body = cur.rstrip()
        if not body or not nxt or "|" in body or "|" in nxt:
            continue
        if body.endswith(_SENTENCE_END) and (soft is None or not body.endswith("。")):
            continue
        if soft is not None:
            if s + len(cur) not in soft:
                continue
            if body[-1].isdigit() and not _UNIT_START.match(nxt):
                continue  # a table row's last cell at the margin; prose splits 2428 | 条 only before the unit
        elif len(body) < width - 3:
            continue
        if (_BLOCK_START.match(nxt) and not body.endswith("、")) or _NUMERIC_ROW.match(body) or _NUMERIC_ROW.match(nxt) \
                or _UNIT_THEN_NUMBER.search(body):
            continue  # (a line that ends inside a list, 2019年一、二、|三、四季度, goes on whatever the next starts with)
        if not (_CJK.match(body[-1]) or body[-1] in ",，、(（“" or body[-1].isdigit()
                or (soft is not None and body[-1] in ")）》”。")):  # at the margin, a closing mark wraps too
            continue
        # delete the newline (and trailing spaces) between the two parts of one sentence
        edits.append((s + len(body), e, ""))
    edits.sort()
    return edits


# ---------------------------------------------------------------------------------------------------------
# GBK mojibake and stray `?` (formats.md §8.2): marked, not repaired

_MOJI_PINYIN = re.compile(rf"\?[a-zü{_TONED}]+\)[\x40-\x7e]{{1,3}}")
_MOJI_TRAIL = re.compile(r"\?[^\n?]{0,15}?[_h}\]|]")
_MOJI_PUNCT = re.compile(r"\?[!。][^\n|]{0,6}")
_STRAY_Q = re.compile(r"\?")


def _corrupted_ranges(text: str) -> list[tuple[int, int]]:
    ranges: list[tuple[int, int]] = []

    def add(s: int, e: int) -> None:
        if not any(a < e and s < b for a, b in ranges):
            ranges.append((s, e))

    for pat in (_MOJI_PINYIN, _MOJI_TRAIL, _MOJI_PUNCT):
        for m in pat.finditer(text):
            line_start = text.rfind("\n", 0, m.start()) + 1
            line_end = text.find("\n", m.start())
            line = text[line_start: line_end if line_end >= 0 else len(text)]
            if pat is _MOJI_TRAIL and line.count("|") > 1:
                continue  # a table row: `? |` is a blank cell
            add(m.start(), m.end())
    for m in _STRAY_Q.finditer(text):
        line_start = text.rfind("\n", 0, m.start()) + 1
        line_end = text.find("\n", m.start())
        line = text[line_start: line_end if line_end >= 0 else len(text)]
        if "|" in line:
            continue
        add(m.start(), m.end())
    ranges.sort()
    return ranges


# ---------------------------------------------------------------------------------------------------------


def normalize(text: str, *, pdf: bool = False, soft_breaks: Iterable[int] | None = None) -> Normalized:
    """Normalize report text; see the module docstring for the stages.

    ``pdf=True`` always joins lines wrapped mid-sentence; otherwise they are joined only when the text
    looks like wrapped fixed-width lines. ``soft_breaks`` (a PDF reader's: offsets in ``text`` of the newlines
    after lines that run to the right margin) decides which lines wrapped instead of their widths.
    """
    original = text
    starts = list(range(len(text)))
    ends = list(range(1, len(text) + 1))
    cur = text

    cur, starts, ends = _apply_edits(cur, starts, ends, _regex_edits(re.compile(r"\r\n?"), cur, "\n"))
    cur = fold_width(cur)
    cur = _t2s_same_length(cur)
    cur, starts, ends = _apply_edits(cur, starts, ends, _pinyin_edits(cur))
    cur, starts, ends = _apply_edits(cur, starts, ends, _boilerplate_edits(cur))
    cur, starts, ends = _apply_edits(cur, starts, ends, _spam_edits(cur))
    cur, starts, ends = _apply_edits(cur, starts, ends, _qjunk_edits(cur))
    soft = None
    if soft_breaks is not None:  # the reader's offsets, mapped to this stage's text
        wanted = set(soft_breaks)
        soft = {i for i, o in enumerate(starts) if o in wanted}
    cur, starts, ends = _apply_edits(cur, starts, ends, _wrap_edits(cur, force=pdf, soft=soft))

    corrupted = _corrupted_ranges(cur)
    if corrupted:  # a `|` inside mojibake is a trail byte, not a cell separator
        chars = list(cur)
        for s, e in corrupted:
            for i in range(s, e):
                if chars[i] == "|":
                    chars[i] = "\ufffd"
        cur = "".join(chars)
    return Normalized(original=original, text=cur, starts=starts, ends=ends, corrupted=corrupted)
