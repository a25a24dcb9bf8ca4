"""The character vocabulary of the from-scratch model and its tokenizer (one token per character).

Vocabulary = special tokens + printable ASCII + full-width punctuation + every character of the training
corpus + the most frequent CJK characters of jieba's ``dict.txt`` (frequency of a character = the sum of
the frequencies of the words that contain it).  Whitespace is the ``[SPACE]`` token (the BERT
pre-tokenizer would drop it and break the char/token alignment: ../shared/notes/stack.md §6.2).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from pathlib import Path

SPECIAL_TOKENS: tuple[str, ...] = ("[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "[SPACE]")
SPACE_TOKEN = "[SPACE]"
UNUSED = tuple(f"[unused{i}]" for i in range(1, 21))
# full-width and CJK punctuation that the normalizer may leave in place
CJK_PUNCT = "，。、；：？！“”‘’（）《》〈〉【】『』「」—…·～－〔〕｛｝［］｜／＼＂＇＃＄％＆＊＋＜＝＞＠＾＿｀°×÷±≤≥№℃‰※→←↑↓●○■□◆◇★☆"


def _is_cjk(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf"


def jieba_char_frequencies() -> Counter[str]:
    """Character frequencies from jieba's dictionary (no jieba initialisation needed)."""
    import jieba

    path = Path(jieba.__file__).resolve().parent / "dict.txt"
    freq: Counter[str] = Counter()
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            parts = line.split()
            if len(parts) < 2:
                continue
            word, count = parts[0], int(parts[1])
            for ch in set(word):
                if _is_cjk(ch):
                    freq[ch] += count
    return freq


def build_vocab(texts: Iterable[str], *, n_common_cjk: int = 3500, min_count: int = 1) -> list[str]:
    """The token list: specials, ASCII, punctuation, corpus characters (``min_count``), common CJK."""
    tokens: list[str] = list(SPECIAL_TOKENS) + list(UNUSED)
    seen = set(tokens)

    def add(ch: str) -> None:
        if ch not in seen and not ch.isspace():
            seen.add(ch)
            tokens.append(ch)

    for code in range(33, 127):
        add(chr(code))
    for ch in CJK_PUNCT:
        add(ch)
    corpus = Counter(ch for text in texts for ch in text)
    for ch, count in sorted(corpus.items(), key=lambda kv: (-kv[1], kv[0])):
        if count >= min_count:
            add(ch)
    for ch, _ in jieba_char_frequencies().most_common(n_common_cjk):
        add(ch)
    return tokens


def save_vocab(tokens: list[str], path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(t + "\n" for t in tokens), encoding="utf-8")


def make_tokenizer(vocab_path: Path):
    """A ``BertTokenizerFast`` over a char vocab (``vocab=``, not ``vocab_file=``: stack.md §6.1)."""
    from transformers import BertTokenizerFast
    from transformers.models.bert.tokenization_bert import load_vocab

    return BertTokenizerFast(
        vocab=load_vocab(str(vocab_path)),
        do_lower_case=False,
        tokenize_chinese_chars=True,
        strip_accents=False,
        additional_special_tokens=[SPACE_TOKEN],
    )


class CharEncoder:
    """Fast char -> id encoding that gives exactly one id per character, with a cached vocab dict.

    Works for the project's char vocab and for any BERT-style ``vocab.txt`` (a pretrained Chinese BERT):
    whitespace maps to ``[SPACE]`` when the vocab has it, else to ``[unused1]`` or ``[UNK]``; Latin letters
    fall back to lower case when only that form exists (uncased vocabularies).
    """

    def __init__(self, vocab: dict[str, int]) -> None:
        self.vocab = vocab
        self.unk_id = vocab["[UNK]"]
        self.pad_id = vocab["[PAD]"]
        self.cls_id = vocab["[CLS]"]
        self.sep_id = vocab["[SEP]"]
        self.mask_id = vocab.get("[MASK]", self.unk_id)
        self.space_id = vocab.get(SPACE_TOKEN, vocab.get("[unused1]", self.unk_id))
        self._cache: dict[str, int] = {}

    @classmethod
    def from_tokenizer(cls, tokenizer) -> CharEncoder:
        return cls(dict(tokenizer.get_vocab()))

    @classmethod
    def from_vocab_file(cls, path: Path) -> CharEncoder:
        lines = Path(path).read_text(encoding="utf-8").split("\n")
        return cls({tok: i for i, tok in enumerate(lines) if tok})

    def char_id(self, ch: str) -> int:
        got = self._cache.get(ch)
        if got is None:
            if ch.isspace():
                got = self.space_id
            else:
                got = self.vocab.get(ch)
                if got is None:
                    got = self.vocab.get(ch.lower(), self.unk_id)
            self._cache[ch] = got
        return got

    def encode(self, text: str) -> list[int]:
        """Ids of the characters of ``text`` (no [CLS]/[SEP])."""
        return [self.char_id(ch) for ch in text]
