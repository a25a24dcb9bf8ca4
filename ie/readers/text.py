"""Plain-text decoding: UTF-8 (with or without BOM), UTF-16, GB18030/GBK, Big5, detected from the bytes.

Why not charset-normalizer alone: on short Chinese texts it often confuses GBK and Big5 (both are
double-byte encodings over the same byte ranges), so we decode with both and count how many of the
decoded characters are common Chinese characters (simplified or traditional). Text decoded with the
wrong codec turns into rare characters and decode errors. charset-normalizer is used for non-Chinese
text and as one more candidate.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field

# Common characters of Chinese text (and of these reports), simplified and traditional forms.
_COMMON_SIMPLIFIED = (
    "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面"
    "而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把"
    "性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质"
    "气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活"
    "设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则"
    "任取据处府研信息报告机关依申请况复议诉讼收予以部无提供办维持纠审规章范废止现有效许罚收费金额万元网站布"
    "例县省室局委街道镇乡村财政预算会议培训人次依法监督检查落实推进完善加强渠道平台微博微信号栏目咨询答复"
)
_COMMON_TRADITIONAL = (
    "這個國們時來會對發動過說產種後經進著電裡體當點業應還現實兩間樣與關數線內麼質氣變條沒結問軍黨員頭資邊"
    "級圖統較將組見計別論運農幾區強決戰則據處資訊報告機關請況復議訴訟無提供辦維持糾審規範廢現許罰費額萬網"
    "縣預會議訓監督檢查實進善強臺號欄諮詢答覆開務傳總類"
)
COMMON_CJK = frozenset(_COMMON_SIMPLIFIED) | frozenset(_COMMON_TRADITIONAL)

# Candidate double-byte codecs. gb18030 is a superset of GBK and GB2312; cp950 and big5hkscs extend Big5.
_CJK_CODECS = ("gb18030", "cp950", "big5hkscs")

_SAMPLE_BYTES = 1 << 20  # score candidates on the first 1 MB only (a 20 MB file must stay fast)
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0e-\x1a\x1c-\x1f\x7f]")
_CJK_RE = re.compile(r"[\u3400-\u9fff]")
# Characters of ordinary Chinese text: ASCII, Latin-1, general/CJK punctuation, CJK, full-width forms.
_PLAUSIBLE_RE = re.compile(r"[\t\n\r\x20-\x7e\u00a0-\u00ff\u2000-\u206f\u2460-\u24ff\u25a0-\u25ff"
                           r"\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")


class NotText(ValueError):
    """The bytes are not text in any encoding we know (binary data)."""


@dataclass
class Decoded:
    text: str
    encoding: str
    warnings: list[str] = field(default_factory=list)


def _score(text: str) -> tuple[int, int, int]:
    """(common CJK chars, -decode errors, -control chars): higher is better."""
    common = sum(1 for ch in text if ch in COMMON_CJK)
    return common, -text.count("\ufffd"), -len(_CONTROL_RE.findall(text))


def _control_fraction(text: str) -> float:
    if not text:
        return 0.0
    return len(_CONTROL_RE.findall(text)) / len(text)


def _utf16_without_bom(data: bytes) -> str | None:
    """Detect BOM-less UTF-16: it must decode cleanly to mostly CJK / ASCII with common Chinese characters.

    ASCII chars put their NUL byte at odd offsets in LE and even offsets in BE (a few CJK chars such as
    U+4E00 一 add NULs to the other parity), which only decides which byte order is tried first.
    """
    sample = data[: min(len(data), _SAMPLE_BYTES) // 2 * 2]
    if len(sample) < 4:
        return None
    even_nuls = sample[0::2].count(0)
    odd_nuls = sample[1::2].count(0)
    order = ("utf-16-le", "utf-16-be") if odd_nuls >= even_nuls else ("utf-16-be", "utf-16-le")
    for enc in order:
        try:
            text = sample.decode(enc)
        except UnicodeDecodeError:
            continue
        if not text or _control_fraction(text) > 0.01:
            continue
        cjk = len(_CJK_RE.findall(text))
        if len(_PLAUSIBLE_RE.findall(text)) / len(text) < 0.9:
            continue
        if cjk and sum(1 for ch in text if ch in COMMON_CJK) < 0.1 * cjk:
            continue  # the wrong byte order turns ASCII into rare CJK characters
        if cjk or b"\x00" in sample:
            return enc
    return None


def decode_bytes(data: bytes) -> Decoded:
    """Decode text bytes; raise `NotText` for binary data. Line endings are not touched here."""
    warnings: list[str] = []
    # 1. Byte-order marks decide.
    for bom, enc in (
        (codecs.BOM_UTF32_LE, "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom) and not (enc == "utf-32" and len(data) % 4):
            text = data.decode(enc, errors="replace")
            if enc == "utf-32" and text.count("\ufffd") > 0:
                continue  # UTF-16 LE BOM followed by a NUL char looks like UTF-32 LE; try UTF-16
            if text.count("\ufffd"):
                warnings.append(f"{text.count(chr(0xFFFD))} bytes could not be decoded as {enc}")
            return _checked(Decoded(text, enc, warnings))
    # 2. UTF-16 without BOM (checked first when there are NUL bytes: NUL is valid UTF-8), then UTF-8.
    enc16 = _utf16_without_bom(data) if b"\x00" in data[:_SAMPLE_BYTES] else None
    damaged_utf8 = False
    if enc16 is None:
        try:
            return _checked(Decoded(data.decode("utf-8"), "utf-8"))
        except UnicodeDecodeError as exc:
            # A truncated (cut mid-character) or slightly damaged UTF-8 file: accept it when almost all is valid.
            text = data.decode("utf-8", errors="replace")
            n = text.count("\ufffd")
            truncated = exc.reason == "unexpected end of data" and exc.start >= len(data) - 3
            if truncated:
                return _checked(Decoded(text, "utf-8", [f"{n} invalid UTF-8 byte sequence(s) replaced"]))
            damaged_utf8 = n <= len(text) / 200  # a few bad bytes: UTF-8 competes with GBK/Big5 below
        # 3. UTF-16 without BOM and without NUL bytes (all-CJK text).
        enc16 = _utf16_without_bom(data)
    if enc16:
        return _checked(Decoded(data[: len(data) // 2 * 2].decode(enc16, errors="replace"), enc16))
    if data.count(0) > max(2, len(data) // 1000):
        raise NotText("binary data (NUL bytes)")
    # 4. Double-byte Chinese codecs, scored by common characters; charset-normalizer as a further candidate.
    sample = data[:_SAMPLE_BYTES]
    scored: list[tuple[tuple[int, int, int], str]] = []
    for enc in ("utf-8", *_CJK_CODECS) if damaged_utf8 else _CJK_CODECS:
        scored.append((_score(sample.decode(enc, errors="replace")), enc))
    guess = _charset_normalizer_guess(sample)
    if guess and guess not in _CJK_CODECS:
        try:
            scored.append((_score(sample.decode(guess, errors="replace")), guess))
        except LookupError:
            pass
    best_score, best = max(scored, key=lambda item: item[0])
    if best_score[0] == 0 and guess:
        best = guess  # no Chinese at all: trust the detector (e.g. Latin-1 or cp1252 text)
    text = data.decode(best, errors="replace")
    n_bad = text.count("\ufffd")
    if n_bad > max(3, len(text) // 200):
        raise NotText(f"not text in any known encoding ({n_bad} undecodable bytes as {best})")
    if n_bad:
        warnings.append(f"{n_bad} bytes could not be decoded as {best}")
    return _checked(Decoded(text, best, warnings))


def _charset_normalizer_guess(sample: bytes) -> str | None:
    from charset_normalizer import from_bytes

    best = from_bytes(sample[:262144]).best()
    if best is None:
        return None
    return codecs.lookup(best.encoding).name


def _checked(decoded: Decoded) -> Decoded:
    if _control_fraction(decoded.text[:_SAMPLE_BYTES]) > 0.02:
        raise NotText("binary data (many control characters)")
    return decoded


def normalize_newlines(text: str) -> str:
    """`\\r\\n` and lone `\\r` become `\\n`; a leading BOM character is dropped."""
    if text.startswith("\ufeff"):
        text = text[1:]
    return text.replace("\r\n", "\n").replace("\r", "\n")
