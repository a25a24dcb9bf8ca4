"""Narrative tagger: the char-BERT token classifier run over the narrative sections of a report.

``Tagger.load(path=None)`` loads ``models/default`` (or ``$GOVIE_MODEL``, or ``path``);
``Tagger.tag(norm, ranges)`` returns narrative items shaped as in ../shared/spec/record.md, with offsets into
``norm.original``.

Speed: only clauses that can hold a quantity (an Arabic digit that is not part of a date, or a Chinese
numeral followed by a measure word) are run through the model, together with the clause before each (the
context that says which fact a number states).  Long stretches are cut into overlapping windows; each
character takes its prediction from the window where it sits farthest from an edge.  Windows are sorted
by length and batched.  The window is the length the model was fine-tuned on (``govie_inference.json``,
written by training): the position embeddings beyond it were never trained.

Runtime: the fused ONNX graph the model directory names (``ie.onnx_model``, ONNX Runtime, no torch import)
when onnxruntime is installed, else torch; both give the same spans (``training/benchmark.py`` checks it).
"""

from __future__ import annotations

import json
import math
import os
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ie.labels import CHANNEL_LABELS, LABELS, OUTSIDE
from ie.onnx_model import runtime_available as onnx_runtime_available
from ie.quantity import parse_quantity
from ie.vocab import CharEncoder

DEFAULT_MODEL_DIR = Path(__file__).resolve().parents[1] / "models" / "default"

_CLAUSE_RE = re.compile(r"[^。；！？!?;\n]*(?:[。；！？!?;\n]|$)")
_DATE_RE = re.compile(r"\d{2,4}\s*年|\d{1,2}\s*月|\d{1,2}\s*日|\d{1,2}\s*时|\d{1,2}[:：]\d{2}")
_DIGIT_RE = re.compile(r"[0-9０-９]")
_NUMBER_AT_LINE_END = re.compile(r"[0-9０-９一二两三四五六七八九十百千万余多][ \t]*\n$")
_HEADING_LIKE = re.compile(r"(?:[一二三四五六七八九十]+、|[(（][一二三四五六七八九十\d]+[)）]|\d+[.、])|.{0,12}$")
_CN_QTY_RE = re.compile(r"[一二两三四五六七八九十百千万]+[余多几]*\s*[件条次场期篇个份项部家批人名宗起余多万%％]")


# A quantity as labels.md bounds it: the numeral (Arabic or Chinese, with 千/万/亿 and 余/多/几) and the
# measure word or unit right after it (spaces allowed between).  Longest units first.
_UNITS = sorted(
    "件 条 次 场 期 篇 个 份 册 项 部 家 批 人 人次 余人次 篇次 条次 件次 批次 场次 个百分点 % 例 宗 起 种 封 则 名 "
    "期次 小项 万人次 万条 万件 万次 余条 余件 余次 余篇 余场 余份 余项 多条 多件 多次 多篇 多场 多人次 多批次 "
    "余万条 余万件 余万人次 个次 人份 本 套 部次 张 幅 集 单 项次".split(),
    key=len,
    reverse=True,
)
_QTY_RE = re.compile(
    r"(?:[0-9]+(?:,[0-9]{3}(?![0-9]))*(?:\.[0-9]+)?|[零〇一二两三四五六七八九十百千万亿]+)"
    r"(?:[千万亿])?(?:[余多几])?(?:[万亿])?"  # 4千余条, 2.5万条, 20余万条
    r"[ \t\n]*(?:" + "|".join(re.escape(u) for u in _UNITS) + r")?"
)


def quantity_candidates(text: str) -> list[tuple[int, int]]:
    """Spans of ``text`` shaped like a labels.md quantity (numeral + unit); Chinese numerals need a unit."""
    out = []
    for m in _QTY_RE.finditer(text):
        s, e = m.start(), m.end()
        while e > s and text[e - 1] in " \t\n":
            e -= 1
        if not text[s].isdigit() and not any(text[e - len(u) : e] == u for u in _UNITS):
            continue  # a Chinese numeral without a unit is a word (一是, 统一), not a quantity
        if s > 0 and text[s - 1] in ".0123456789":
            continue
        if e < len(text) and text[e] in "年月日号时届级〕]" and text[s:e][-1:] not in "件条次场期篇个份项%":
            continue  # a date, a year, a document number: never a quantity of labels.md
        out.append((s, e))
    return out


# 两个关键, 四个意识: slogans; 二次传播, 二次开发: "secondary", no count (a count of times is 两次 or 2次)
_RHETORICAL_COUNT_RE = re.compile(r"[一两二三四五六七八九十]个|二次")
_CJK_RE = re.compile(r"[\u4e00-\u9fff]")


def is_rhetorical_count(text: str, start: int, end: int) -> bool:
    """两个关键, 三个方面, 四个意识: a small Chinese numeral + 个 before a noun is a slogan, never one of the
    counted facts of labels.md (reports write their counts in Arabic digits); 二次 before a word is
    "secondary" (政策文件的二次传播)."""
    return (_RHETORICAL_COUNT_RE.fullmatch(text, start, end) is not None
            and _CJK_RE.match(text, end) is not None)


def _never_a_fact(text: str, start: int, end: int) -> bool:
    """Quantities labels.md always leaves ``O`` whatever the model says: slogans, counts of bodies, channels
    or other things (the word after the unit decides, as in the keyword rules), numbers inside a name, counts
    of the annual reports themselves, copies of materials handed out and rates of service matters."""
    from ie.keywords import (
        counts_annual_reports,
        counts_copies,
        counts_other_things,
        inside_a_name,
        rate_of_service_matters,
    )

    return (is_rhetorical_count(text, start, end) or counts_other_things(text, start, end) or inside_a_name(text, start, end)
            or counts_annual_reports(text, start) or counts_copies(text, start, end)
            or rate_of_service_matters(text, start, end))


# 其中 right after a figure (…24件,其中…), or opening the next sentence (…191场。其中,疫情防控…151场)
_PART_AFTER_RE = re.compile(r"[^。！？!?\n\d]{0,3}[。,，;；:：]?\s*(?:其中|包括|含)|[(（](?=[^)）\d]{0,12}\d)")  # or 7319条(微博5548条、…)
_SENTENCE_OPENS_WITH_PART_RE = re.compile(r"[。！？!?\n]\s*其中[^。！？!?\n\d]*$")
_SENTENCE_END_CHARS = "。！？!?\n"
_LIST_GAP_RE = re.compile(r"[^。！？!?\n\d()（）]{0,12}")


def drop_same_fact_parts(text: str, spans: list[tuple]) -> list[tuple]:
    """labels.md, parts of a figure: a part that states the *same* fact as the figure it splits is ``O``
    (发布会191场, 其中疫情防控151场 → only 191场; 收到申请24件,其中平台收到11件).  ``spans`` are
    ``(start, end, label, ...)`` in text order; a span with the label of the figure before it, split off by
    其中/包括/含 right after that figure or opening the next sentence with 其中, is dropped, and so are the
    further parts of that label in the same sentence.  (A part with another label, 其中通过门户网站公开1133条
    inside a total, stays.)  The keyword rules apply the same rule inside a sentence; the model does not
    always follow them: on the training text the model tagged 6 such parts and the gold has all 6 ``O``.

    A split into channels (通过公开平台公开信息677条,其中政府网站387条、微信服务号290条) is the other case:
    when the parts carry two or more channel labels, the figure split is the total and every part stays."""
    out: list[tuple] = []
    split: tuple[set[str], int] | None = None  # (labels of the parts being dropped, end of the last one)
    for i, sp in enumerate(spans):
        s, lab = sp[0], sp[2]
        if split is not None and lab in split[0] and _LIST_GAP_RE.fullmatch(text, split[1], s):
            split = (split[0], sp[1])  # 其中A 5件、B 3件: the next part of the same list
            continue
        split = None
        split_figures = _figures_split_by_next_sentence(text, out, s)
        if lab in split_figures and _figure_value(text[s:sp[1]]) not in split_figures[lab]:
            split = ({lab}, sp[1])  # 发布活动191场,领导出席25人次。其中,疫情防控发布会151场
            continue
        prev = out[-1] if out else None
        part_labels = _SAME_FACT_PARTS.get(prev[2], {prev[2]}) if prev is not None else set()
        if prev is not None and lab in part_labels and s - prev[1] < 200 and _first_part(text, prev[1], s):
            if lab == "DISCLOSED_TOTAL" and _made_or_obtained(text, prev[0]):
                out[-1] = sp  # 共制作政府信息3021条,其中主动公开信息1027条: the part is the disclosure figure
                continue
            if lab in CHANNEL_LABELS and len(_channel_labels_of_parts(text, spans, i)) >= 2:
                out[-1] = (*prev[:2], "DISCLOSED_TOTAL", *prev[3:])  # the channels of one total
                out.append(sp)
                continue
            split = (part_labels, sp[1])
            continue
        out.append(sp)
    return out


# the labels a part of a figure may carry and still state its fact: requests handled, split by channel, are requests
# handled, whatever the model calls a part (共办理网民留言1993件,其中,办理12345热线1925件,市长信箱31件: round r60)
_SAME_FACT_PARTS = {"HOTLINE_RESOLVED": {"HOTLINE_RESOLVED", "HOTLINE_RECEIVED"}}


_SENTENCE_OPENING_PART_RE = re.compile(r"\s*其中")


def _figure_value(span: str) -> float | None:
    return parse_quantity(span).value


def _figures_split_by_next_sentence(text: str, kept: list[tuple], start: int) -> dict[str, set[float | None]]:
    """The figures (label → values) a sentence opening with 其中 splits, for a figure at ``start`` in it.

    After a sentence of one figure (…54条。其中…) the split is that figure's, which ``_first_part`` handles.
    After a sentence of several figures, tagged or not (全年共举办191场发布活动,领导出席25人次。其中,疫情防控发布
    会151场; 网站公开信息754条,新媒体2808条,其他方式54条。其中,微信公众号1205条、门户网站1014条), the split is of
    everything the sentence listed, and a part with the label of one of its tagged figures states that fact
    again (labels.md: 发布会191场, 其中疫情防控151场 → only 191场).  The same figure written again
    (…网站发布信息5469条…。其中通过网站发布信息5469条,专栏2620条…; 2.1万余条 … 2.1万条) restates it before its own
    parts, and stays."""
    here = max(text.rfind(c, 0, start) for c in _SENTENCE_END_CHARS)
    if here < 0 or not _SENTENCE_OPENING_PART_RE.match(text, here + 1):
        return {}
    before = max(text.rfind(c, 0, here) for c in _SENTENCE_END_CHARS) + 1
    tagged = [sp for sp in kept if before <= sp[0] < here]
    if not tagged or (len(tagged) == 1 and not _DIGIT_RE.search(text, tagged[0][1], here)):
        return {}
    figures: dict[str, set[float | None]] = {}
    for sp in tagged:
        figures.setdefault(sp[2], set()).add(_figure_value(text[sp[0]:sp[1]]))
    return figures


def _made_or_obtained(text: str, start: int) -> bool:
    """Does the clause before the figure at ``start`` count information made or obtained (制作、获取), which
    labels.md leaves ``O``?"""
    from ie.keywords import produced_figure

    clause_start = max((text.rfind(c, 0, start) for c in "，,；;。\n"), default=-1) + 1
    return produced_figure(text[clause_start:start])


def _channel_labels_of_parts(text: str, spans: list[tuple], first: int) -> set[str]:
    """Channel labels of the spans from ``first`` to the end of its sentence or the next semicolon."""
    # the list of parts ends with its sentence or at a semicolon (…其中专栏412篇;通过微博发布信息1093条: a new statement)
    ends = [j for j in (text.find(c, spans[first][0]) for c in (*_SENTENCE_END_CHARS, ";", "；")) if j >= 0]
    stop = min(ends, default=len(text))
    return {sp[2] for sp in spans[first:] if sp[0] < stop and sp[2] in CHANNEL_LABELS}


def _first_part(text: str, prev_end: int, start: int) -> bool:
    """Is the figure at ``start`` the first figure of a 其中/包括/含 split of the figure ending at ``prev_end``
    (in the same sentence, or in the next one when that opens with 其中)?"""
    m = _PART_AFTER_RE.match(text, prev_end)
    if m and not _figure_digits(text, m.end(), start) and not _has_break(text, prev_end, start, allow_first=True):
        return True
    # the next sentence opens with 其中 and the figure was the last of its own sentence (…54条。其中: the split
    # may be of everything the sentence listed, not of the figure before)
    m = _SENTENCE_OPENS_WITH_PART_RE.search(text, prev_end, start)
    return m is not None and _count_breaks(text, prev_end, start) == 1 and not _DIGIT_RE.search(text, prev_end, m.start())


# a hotline's number (其中收到并办理12345市民热线投诉540件) names a channel; it is no figure
_HOTLINE_NUMBER_RE = re.compile(r"(?<![0-9])123[0-9]{2}(?![0-9])")


def _figure_digits(text: str, start: int, end: int) -> bool:
    """Are there digits between ``start`` and ``end`` other than a hotline's number?"""
    return _DIGIT_RE.search(_HOTLINE_NUMBER_RE.sub("", text[start:end])) is not None


def _count_breaks(text: str, start: int, end: int) -> int:
    return sum(text.count(c, start, end) for c in _SENTENCE_END_CHARS)


def _has_break(text: str, start: int, end: int, *, allow_first: bool) -> bool:
    """Is there a sentence end between ``start`` and ``end`` (beyond one right after ``start``, the 。 before
    a sentence-opening 其中, when ``allow_first``)?"""
    n = _count_breaks(text, start, end)
    if allow_first and n == 1:
        m = _PART_AFTER_RE.match(text, start)
        return not (m and _count_breaks(text, start, m.end()) == 1)
    return n > 0


def has_quantity(clause: str) -> bool:
    """Could this clause hold a tagged quantity? (Dates and years alone do not count.)"""
    if _DIGIT_RE.search(_DATE_RE.sub("", clause)):
        return True
    return bool(_CN_QTY_RE.search(clause))


def quantity_segments(text: str, ranges: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """The stretches of ``text`` the tagger runs the model on: quantity clauses plus the clause before each
    (training also builds windows of this shape, so the model sees the contexts it will be given)."""
    out: list[tuple[int, int]] = []
    for rs, re_ in ranges:
        clauses = [(rs + m.start(), rs + m.end()) for m in _CLAUSE_RE.finditer(text[rs:re_])
                   if m.end() > m.start()]
        keep = [False] * len(clauses)
        for i, (s, e) in enumerate(clauses):
            if has_quantity(text[s:e]):
                keep[i] = True
                j = i - 1
                while j > 0 and not text[clauses[j][0]:clauses[j][1]].strip():
                    j -= 1
                above = text[clauses[j][0]:clauses[j][1]].strip() if j >= 0 else ""
                if j < i - 1 and above and above[-1] not in "。；;！!？?:：" and not _HEADING_LIKE.match(above):
                    for k in range(j, i):  # PDF text: 共计发布信息\n\n7435 条 — one sentence across blank lines
                        keep[k] = True
                elif i > 0:
                    keep[i - 1] = True
                if i + 1 < len(clauses) and _NUMBER_AT_LINE_END.search(text[s:e]):
                    keep[i + 1] = True  # PDF text: 公开1133\n条 — the unit is on the next line
        i = 0
        while i < len(clauses):
            if not keep[i]:
                i += 1
                continue
            j = i
            while j + 1 < len(clauses) and keep[j + 1]:
                j += 1
            out.append((clauses[i][0], clauses[j][1]))
            i = j + 1
    return out


@dataclass
class Prediction:
    """A span predicted on the normalized text."""

    start: int
    end: int
    label: str
    confidence: float


def usable_cores() -> int:
    """CPU cores this process may run on (its affinity mask where the OS has one)."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def resolve_model_dir(path: str | Path | None = None) -> Path:
    if path is not None:
        return Path(path)
    env = os.environ.get("GOVIE_MODEL")
    return Path(env) if env else DEFAULT_MODEL_DIR


class Tagger:
    """Loaded model + char encoder.  ``window``/``stride`` are in characters."""

    def __init__(self, model: Any, encoder: CharEncoder, id2label: dict[int, str], *, window: int = 254,
                 overlap: int = 48, batch_size: int = 32, model_dir: Path | None = None,
                 o_scale: float = 1.0, keyword_hints: bool = False, fusion: dict | None = None) -> None:
        self.model = model
        self.encoder = encoder
        self.id2label = id2label
        self.label2id = {v: k for k, v in id2label.items()}
        self.window = window
        self.overlap = overlap
        self.batch_size = batch_size
        self.model_dir = model_dir
        self.o_scale = o_scale
        self.keyword_hints = keyword_hints  # the model reads the keyword rules' labels as token types
        self.fusion = fusion  # candidate-level combination with the keyword rules (see fuse_candidates)

    # ----------------------------------------------------------------------------------------------------
    @classmethod
    def load(cls, path: str | Path | None = None, *, quantize: bool | None = None,
             threads: int | None = None, runtime: str | None = None, onnx_file: str | None = None) -> Tagger:
        """Load a model directory (config.json, weights, vocab.txt or tokenizer files).

        ``runtime``: ``"onnx"`` runs the ONNX graph named by ``govie_inference.json`` (``"onnx": FILE``)
        with ONNX Runtime and never imports torch; ``"torch"`` runs the safetensors checkpoint.  Default:
        ``$GOVIE_RUNTIME``, else ONNX when the directory names a graph and onnxruntime is installed.
        ``onnx_file`` names another graph file of the directory.  ``quantize`` (torch only): dynamic int8 on the Linear layers; default from
        ``govie_inference.json`` (``{"quantize": true}``), else off.  ``threads``: intra-op threads
        (default ``$GOVIE_THREADS`` or the usable cores, at most 4).
        """
        model_dir = resolve_model_dir(path)
        if not (model_dir / "config.json").exists():
            raise FileNotFoundError(f"no model in {model_dir} (config.json missing)")
        if threads is None:
            threads = int(os.environ.get("GOVIE_THREADS", "0")) or min(4, usable_cores())
        opts: dict[str, Any] = {}
        inf_path = model_dir / "govie_inference.json"
        if inf_path.exists():
            opts = json.loads(inf_path.read_text(encoding="utf-8"))
        runtime = runtime or os.environ.get("GOVIE_RUNTIME") or None
        graph = onnx_file or opts.get("onnx")
        graph_path = model_dir / graph if graph else None
        if runtime == "onnx" and (graph_path is None or not graph_path.exists()):
            raise FileNotFoundError(f"no ONNX graph {graph or ''} in {model_dir}")
        if runtime is None:
            runtime = "onnx" if graph_path is not None and graph_path.exists() and onnx_runtime_available() else "torch"
        if runtime == "onnx":
            from ie.onnx_model import OnnxTokenClassifier

            model: Any = OnnxTokenClassifier(graph_path, model_dir / "config.json", threads=threads)
        else:
            model = _load_torch(model_dir, threads, bool(opts.get("quantize", False)) if quantize is None
                                else quantize)
        encoder = _encoder_for(model_dir)
        if opts.get("keyword_hints") or opts.get("fusion"):
            from ie.keywords import warm_up

            warm_up()
        id2label = {int(k): v for k, v in model.config.id2label.items()}
        window = min(int(opts.get("window", 254)), int(model.config.max_position_embeddings) - 2)
        overlap = min(int(opts.get("overlap", 48)), window // 4)
        return cls(model, encoder, id2label, model_dir=model_dir, window=window, overlap=overlap,
                   o_scale=float(opts.get("o_scale", 1.0)),
                   keyword_hints=bool(opts.get("keyword_hints", False)), fusion=opts.get("fusion"))

    @property
    def runtime(self) -> str:
        return "onnx" if hasattr(self.model, "run_numpy") else "torch"

    def forward(self, ids, mask, types):
        """Logits (numpy ``batch x length x n_tags``) for int64 numpy inputs; ``types`` may be None."""
        run = getattr(self.model, "run_numpy", None)
        if run is not None:
            return run(ids, mask, types)
        import torch

        extra = {"token_type_ids": torch.from_numpy(types)} if types is not None else {}
        with torch.inference_mode():
            out = self.model(input_ids=torch.from_numpy(ids), attention_mask=torch.from_numpy(mask), **extra)
        return out.logits.float().numpy()

    # ----------------------------------------------------------------------------------------------------
    def segments(self, text: str, ranges: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
        """The stretches of ``text`` to run the model on (``quantity_segments``)."""
        return quantity_segments(text, ranges)

    def windows(self, start: int, end: int) -> list[tuple[int, int]]:
        """Overlapping windows of at most ``self.window`` chars covering ``[start, end)``."""
        if end - start <= self.window:
            return [(start, end)]
        step = self.window - self.overlap
        out = []
        s = start
        while True:
            e = min(s + self.window, end)
            out.append((s, e))
            if e >= end:
                break
            s += step
        return out

    def predict_probs(self, text: str, ranges: Iterable[tuple[int, int]], hints=None):
        """Per-character tag probabilities (numpy, len(text) x n_tags) over the segments; None elsewhere.
        ``hints``: keyword hint ids per character (computed here when the model reads them and none given)."""
        import numpy as np

        ranges = list(ranges)
        wins: list[tuple[int, int]] = []
        for s, e in self.segments(text, ranges):
            wins.extend(self.windows(s, e))
        if not self.keyword_hints or not wins:
            hints = None
        elif hints is None:
            hints = self.hints(text, ranges)
        n_tags = len(self.id2label)
        probs = np.zeros((len(text), n_tags), dtype=np.float32)
        best_margin = np.full(len(text), -1, dtype=np.int32)
        covered = np.zeros(len(text), dtype=bool)
        if not wins:
            return probs, covered
        enc = self.encoder
        for batch in length_batches(wins, self.batch_size):
            n = max(e - s for s, e in batch) + 2
            ids = np.full((len(batch), n), enc.pad_id, dtype=np.int64)
            mask = np.zeros((len(batch), n), dtype=np.int64)
            types = np.zeros((len(batch), n), dtype=np.int64)
            for i, (s, e) in enumerate(batch):
                row = [enc.cls_id, *enc.encode(text[s:e]), enc.sep_id]
                ids[i, : len(row)] = row
                mask[i, : len(row)] = 1
                if hints is not None:
                    types[i, 1 : 1 + e - s] = hints[s:e]
            logits = self.forward(ids, mask, types if hints is not None else None).astype(np.float32)
            logits -= logits.max(axis=-1, keepdims=True)
            p = np.exp(logits)
            p /= p.sum(axis=-1, keepdims=True)
            for i, (s, e) in enumerate(batch):
                length = e - s
                pos = np.arange(length)
                margin = np.minimum(pos, length - 1 - pos)
                # an edge of the whole segment is a real edge, not a window cut
                better = margin > best_margin[s:e]
                idx = np.nonzero(better)[0]
                probs[s + idx] = p[i, 1 + idx]
                best_margin[s + idx] = margin[idx]
                covered[s:e] = True
        return probs, covered

    @staticmethod
    def hints(text: str, ranges: Iterable[tuple[int, int]]):
        """Keyword hint ids (``ie.keywords``) per character of ``text``, each range labelled on its own."""
        import numpy as np

        from ie.keywords import keyword_hints

        out = np.zeros(len(text), dtype=np.int64)
        for s, e in ranges:
            out[s:e] = keyword_hints(text[s:e])
        return out

    def corrected_probs(self, text: str, ranges: Iterable[tuple[int, int]], hints=None):
        """``predict_probs`` with the O down-weighting of training undone (a prior shift by ``o_scale``)
        and every character the model did not see set to ``O``."""
        import numpy as np

        probs, covered = self.predict_probs(text, ranges, hints)
        o_id = self.label2id[OUTSIDE]
        if self.o_scale != 1.0:
            probs[:, o_id] *= self.o_scale
            probs /= np.maximum(probs.sum(axis=1, keepdims=True), 1e-12)
        probs[~covered, o_id] = 1.0
        return probs, covered

    def predict(self, text: str, ranges: Iterable[tuple[int, int]] | None = None) -> list[Prediction]:
        """Spans predicted on (normalized) ``text``, within ``ranges`` (default: all of it)."""
        from ie.keywords import label_vetoed

        if ranges is None:
            ranges = [(0, len(text))]
        ranges = list(ranges)
        hints = self.hints(text, ranges) if (self.keyword_hints or self.fusion) else None
        probs, covered = self.corrected_probs(text, ranges, hints)
        o_id = self.label2id[OUTSIDE]
        if self.fusion:
            fused = [(s, e, lab, conf)
                     for s, e, lab, conf in fuse_candidates(text, probs, covered, hints, self.id2label, self.fusion)
                     if not _never_a_fact(text, s, e) and not label_vetoed(lab, text, s, e)]
            return [Prediction(s, e, lab, round(conf, 4)) for s, e, lab, conf in drop_same_fact_parts(text, fused)]
        out = []
        for s, e, label in snap_to_quantities(text, decode_spans(probs, self.id2label), probs, self.id2label):
            if not text[s:e].strip() or _never_a_fact(text, s, e):
                continue
            # confidence: geometric mean over the span of P(inside, this label), times P(O) just after it
            ids = [self.label2id[f"B-{label}"], self.label2id[f"I-{label}"]]
            logp = sum(math.log(max(float(probs[i, ids].sum()), 1e-9)) for i in range(s, e)) / (e - s)
            conf = math.exp(logp)
            if e < len(text) and covered[e]:
                conf *= float(probs[e, o_id])
            out.append(Prediction(s, e, label, round(min(1.0, conf), 4)))
        return out

    # ----------------------------------------------------------------------------------------------------
    def tag(self, norm: Any, ranges: Sequence[Any] | None = None) -> list[dict]:
        """Narrative items for the sections ``ranges`` of ``norm`` (``(start, end)`` pairs or Sections)."""
        spans = _as_ranges(ranges, len(norm.text))
        items = []
        for p in self.predict(norm.text, spans):
            ostart, oend = norm.to_original(p.start, p.end)
            span_text = norm.text[p.start : p.end]
            q = parse_quantity(span_text)
            value = q.value
            corrupted = getattr(norm, "is_corrupted", lambda s, e: False)(p.start, p.end)
            if corrupted:
                value = None
            items.append(
                {
                    "label": p.label,
                    "text": norm.original[ostart:oend],
                    "start": ostart,
                    "end": oend,
                    "value": value,
                    "unit": q.unit,
                    "approximate": q.approximate,
                    "confidence": round(p.confidence * (0.5 if corrupted else 1.0), 4),
                }
            )
        return items


def length_batches(wins: list[tuple[int, int]], batch_size: int,
                   pad_slack: float = 0.05) -> list[list[tuple[int, int]]]:
    """Windows grouped into batches of near-equal length, shortest first.

    Padding is computed like real tokens (a padded batch of one report's windows was 35 % padding), so a
    batch only grows while its padded size stays within ``1 + pad_slack`` of its real size; a window that
    would break that starts a new batch, down to batches of one (one ONNX Runtime call per window costs
    far less than the padding it saves).
    """
    out: list[list[tuple[int, int]]] = []
    real = 0
    for w in sorted(wins, key=lambda w: w[1] - w[0]):
        n = w[1] - w[0] + 2
        if out and len(out[-1]) < batch_size and n * (len(out[-1]) + 1) <= (1 + pad_slack) * (real + n):
            out[-1].append(w)
            real += n
        else:
            out.append([w])
            real = n
    return out


def _as_ranges(ranges: Sequence[Any] | None, n: int) -> list[tuple[int, int]]:
    if ranges is None:
        return [(0, n)]
    out = []
    for r in ranges:
        if hasattr(r, "start") and hasattr(r, "end"):
            out.append((int(r.start), int(r.end)))
        else:
            out.append((int(r[0]), int(r[1])))
    return sorted(out)


def _bi_ids(id2label: dict[int, str], labels: Sequence[str]):
    """Column indices of ``B-<label>`` and of ``I-<label>`` for each of ``labels``, in that order."""
    import numpy as np

    ids = {t: i for i, t in id2label.items()}
    return np.array([ids[f"B-{lab}"] for lab in labels]), np.array([ids[f"I-{lab}"] for lab in labels])


def decode_spans(probs, id2label: dict[int, str]) -> list[tuple[int, int, str]]:
    """Spans from per-character tag probabilities (numpy ``n x n_tags``), decided span-wise.

    A character is inside a span when ``P(O) < 0.5`` (the B and I mass of all labels together); a run of
    such characters is cut where the B mass exceeds the I mass; each span takes the label with the most
    B+I mass summed over its characters.  Plain argmax over the 25 tags would call a character ``O``
    whenever the span mass is split between labels, and would let the label change inside a span.
    """

    o_id = next(i for i, t in id2label.items() if t == OUTSIDE)
    labels = sorted({t[2:] for t in id2label.values() if t != OUTSIDE})
    b_ids, i_ids = _bi_ids(id2label, labels)
    p_b = probs[:, b_ids]
    p_i = probs[:, i_ids]
    inside = probs[:, o_id] < 0.5
    starts_here = p_b.sum(axis=1) > p_i.sum(axis=1)
    spans = []
    k, n = 0, len(probs)
    while k < n:
        if not inside[k]:
            k += 1
            continue
        j = k + 1
        while j < n and inside[j] and not starts_here[j]:
            j += 1
        mass = (p_b[k:j] + p_i[k:j]).sum(axis=0)
        spans.append((k, j, labels[int(mass.argmax())]))
        k = j
    return spans


def snap_to_quantities(text: str, spans: list[tuple[int, int, str]], probs,
                       id2label: dict[int, str]) -> list[tuple[int, int, str]]:
    """Put predicted spans on the numeral+unit boundaries of labels.md.

    Each quantity candidate that overlaps a predicted span becomes one span (fragments of one quantity
    merge), labelled by the B+I mass summed over the candidate; a predicted span that overlaps no
    candidate is dropped (no numeral: not a quantity).  The model decides whether and which fact; the
    boundaries are rules.
    """

    if not spans:
        return spans
    labels = sorted({t[2:] for t in id2label.values() if t != OUTSIDE})
    b_ids, i_ids = _bi_ids(id2label, labels)
    cands = quantity_candidates(text)
    out: list[tuple[int, int, str]] = []
    used = set()
    for s, e, _label in spans:
        hit = [c for c in cands if c[0] < e and s < c[1]]
        for c in hit:
            if c in used:
                continue
            used.add(c)
            mass = (probs[c[0] : c[1], b_ids] + probs[c[0] : c[1], i_ids]).sum(axis=0)
            out.append((c[0], c[1], labels[int(mass.argmax())]))
    out.sort()
    clean: list[tuple[int, int, str]] = []
    for sp in out:
        if clean and sp[0] < clean[-1][1]:
            continue
        clean.append(sp)
    return clean


def candidate_classes(text: str, probs, covered, hints, id2label: dict[int, str]):
    """For every quantity candidate the model saw: ``(start, end, p, k)`` with ``p`` the mean over its
    characters of P(O) and of each label's B+I mass (order ``["O", *LABELS]``) and ``k`` the index in that
    order of the keyword rules' label (0 = none)."""
    import numpy as np

    o_id = next(i for i, t in id2label.items() if t == OUTSIDE)
    b_ids, i_ids = _bi_ids(id2label, LABELS)
    mass = np.concatenate([probs[:, [o_id]], probs[:, b_ids] + probs[:, i_ids]], axis=1).astype(np.float64)
    out = []
    for s, e in quantity_candidates(text):
        if not covered[s:e].all() or not text[s:e].strip():
            continue
        p = mass[s:e].mean(axis=0)
        p /= max(p.sum(), 1e-12)
        k = 0
        if hints is not None:
            nz = [int(h) for h in hints[s:e] if h]
            k = max(set(nz), key=nz.count) if nz else 0
        out.append((s, e, p, k))
    return out


def fusion_scores(p, k: int, params: dict):
    """Class scores of one candidate: ``a * log p + b * [keyword label] + bias`` (bias on O only)."""
    import numpy as np

    z = float(params["a"]) * np.log(np.clip(p, 1e-6, 1.0))
    if k:
        z[k] += float(params["b"])
    z[0] += float(params.get("bias_o", 0.0))
    return z


def fuse_candidates(text: str, probs, covered, hints, id2label: dict[int, str],
                    params: dict) -> list[tuple[int, int, str, float]]:
    """Decide every quantity candidate by combining the model's class probabilities with the keyword
    rules' label (a product of experts whose three weights ``training/fusion.py`` fits on the validation
    split).  Returns ``(start, end, label, probability)`` for the candidates not decided ``O``.

    A label whose probability is under ``params["min_confidence"]`` is not reported: when the other readings
    (O and the other labels) are together more likely, reporting the span costs more precision than it adds
    recall (the F1-optimal threshold is about F1/2; ``training/fusion.py`` measures it)."""
    import numpy as np

    from ie.keywords import (
        channels_named,
        channels_stated,
        last_clause,
        placed_with_media,
        proactive_part_of_all_disclosed,
    )

    classes = [OUTSIDE, *LABELS]
    min_conf = float(params.get("min_confidence", 0.0))
    out = []
    for s, e, p, k in candidate_classes(text, probs, covered, hints, id2label):
        z = fusion_scores(p, k, params)
        q = np.exp(z - z.max())
        q /= q.sum()
        j = int(q.argmax())
        conf = float(q[j])
        if classes[k] == "PRESS_EVENTS" and j in (0, k, TOTAL_ID, *CHANNEL_IDS) \
                and placed_with_media(text, sent := _sentence_start(text, s), s) \
                and "历年" not in text[sent:s] and not _since_an_earlier_year(text, sent, s):
            # 省级媒体发布信息21条, 通过报刊、广播、电视等媒体公开246条: news placed with media (labels.md; the dev
            # gold too); the training text has few, and the model reads 媒体发布 as the body's new media (or the
            # 公开信息 after it as a total)
            j, conf = k, max(float(q[k]), MEDIA_PLACEMENT_CONFIDENCE)
        elif k and j != k:  # the model overrules the keyword rules: two readings where the rules stand
            sent = _sentence_start(text, s)
            plain = _plain_statement(text, sent, s, classes[k])
            if classes[k] == "DISCLOSED_TOTAL" and j and classes[j] in CHANNEL_LABELS \
                    and len(channels_named(clause := last_clause(text[sent:s]))) >= 2 and "分别" not in clause \
                    and not _NEW_MEDIA_SUMMED_UP.search(clause):
                # 在新闻报纸、网站、微信公众号发布信息220多篇: the figure's own clause names several channels, so
                # it is all of them (the keyword rules' reading), not the one the model picked (but 网站和公众号分别
                # 发布信息353条、542条: one each; nor 通过微博微信网站等自媒体平台发布信息769条: the list is new media)
                j, conf = k, max(float(q[k]), KEYWORD_READING_CONFIDENCE)
            elif classes[k] == "DISCLOSED_NEWMEDIA" and classes[j] == "DISCLOSED_TOTAL" \
                    and channels_stated(text[sent:s]) == {classes[k]} and float(q[k] + q[j]) > float(q[0]):
                # 在局微信公众号平台“某某审计”…全年累计主动公开政府信息100条: the model reads the disclosure phrase as
                # the total, the keyword rules the new-media account the sentence names alone; both say a disclosure
                # figure (more likely than O together), and the account is the sentence's. (Not for a website or
                # platform: 依托…信息公开平台,主动公开政府信息共93条 is read as the total, rightly, by readers too.)
                j, conf = k, max(float(q[k]), KEYWORD_READING_CONFIDENCE)
            elif classes[k] == "POLICY_DOCS" and classes[j] == "DISCLOSED_GAZETTE" \
                    and _DOCUMENT_KIND.search(clause := last_clause(text[sent:s])) \
                    and not _GAZETTE_OR_EXAMPLES.search(clause):
                # 刊印《某某公报》3期,新增行政规范性文件18件; 发布网上政府公报4期,刊载规范性文件16件: normative or policy
                # documents counted in a clause of their own after the gazette's are documents (the gold agrees), unlike
                # the gazette's items named by example (刊登政府规章、规范性文件等112件) or plain 文件 it carried
                # (全年出刊48期,汇集文件398份; 共刊登市政府文件47个: the gazette's items in the training gold)
                j, conf = k, max(float(q[k]), KEYWORD_READING_CONFIDENCE)
            elif j and classes[j] in CHANNEL_LABELS and classes[j] not in channels_named(text[sent:s]):
                # 编印《某某公报》4期。制发行政规范性文件6件: a channel's label for a figure whose sentence names no such
                # channel comes from the sentence before; the keyword label stands (with its own, lower, probability)
                j, conf = k, max(float(q[k]), PLAIN_STATEMENT_CONFIDENCE) if plain else float(q[k])
            elif j == 0 and plain:
                # 我镇信息主动公开292条, 主动公开政府信息300余条: the plain statement of the year's disclosures;
                # the model's veto there came from the clauses around it (pages with no figure tagged at all).
                # At least PLAIN_STATEMENT_CONFIDENCE: the fused probability of a vetoed label is near 0 by design
                j, conf = k, max(float(q[k]), PLAIN_STATEMENT_CONFIDENCE)
            elif classes[k] == "DISCLOSED_TOTAL" and _SUMMED_AFTER_FIGURES_RE.search(text, max(sent, s - 16), s):
                # 官网发布1887条,专栏发布514条,总计2401条: the channels summed are the total (the keyword rules'
                # reading; the model copies the channel label of the figures before)
                j, conf = k, max(float(q[k]), PLAIN_STATEMENT_CONFIDENCE)
            elif classes[k] == "DISCLOSED_TOTAL" and (_PRODUCED_THEN_PROACTIVE_RE.search(text, sent, s)
                                                      or proactive_part_of_all_disclosed(text, s)):
                # 制作、获取政府信息614条,其中主动公开29条: no training excerpt has this pre-2019 shape, so the model
                # misses it; the keyword rules' reading was right on all 8 hand-checked pages that have it
                j, conf = k, PRODUCED_SPLIT_CONFIDENCE
        elif k and j == k and conf < PLAIN_STATEMENT_CONFIDENCE \
                and _plain_statement(text, _sentence_start(text, s), s, classes[k]):
            # the model agrees with the keyword rules, only less surely: no lower than where its veto would leave
            # the plain statement (年主动公开各类信息23条 at 0.49 was dropped, the same figure vetoed was kept)
            conf = PLAIN_STATEMENT_CONFIDENCE
        if j and conf >= min_conf:
            out.append((s, e, classes[j], conf))
    return out


#: the least confidence of the media-placement reading above: it agrees with the 5 such figures of a span set
#: labelled by hand from labels.md and with the dev and corpus gold (2), not with one training excerpt whose gold
#: leaves its 2 O; 0.5 stays below that small sample
MEDIA_PLACEMENT_CONFIDENCE = 0.5
CHANNEL_IDS = tuple(1 + LABELS.index(lab) for lab in sorted(CHANNEL_LABELS))  # class ids (0 is O)
TOTAL_ID = 1 + LABELS.index("DISCLOSED_TOTAL")
#: the least confidence of the three readings above where the keyword rules' label overrules the model's other
#: disclosure label (several channels → the total; one new-media account → new media; documents after a gazette's
#: issues → documents)
KEYWORD_READING_CONFIDENCE = 0.6
_NEW_MEDIA_SUMMED_UP = re.compile(r"等(?:政务)?[新自]媒体")
_GAZETTE_OR_EXAMPLES = re.compile(r"公报|政报|等")
_DOCUMENT_KIND = re.compile(r"规范性文件|政策文件|规章")
#: the confidence of the 主动公开-part rule above: its reading was right 8 times of 8 on hand-checked web pages
PRODUCED_SPLIT_CONFIDENCE = 0.9
#: the least confidence of the plain-statement rule: 155 of 173 such candidates of the training text are disclosure
#: figures, and on 25 hand-read sets of real page openings the headline values at the confidence it gave (the
#: 0.5–0.6 band, mostly this rule's) were right 25 times of 31 (2026-12-04, sixteenth session); 0.5 under-stated
#: that (field ECE on those sets 0.055 at 0.5, 0.051 at 0.75; on the validation split 0.032 and 0.037, both within
#: its noise floor of 0.034)
PLAIN_STATEMENT_CONFIDENCE = 0.75
_SUMMED_AFTER_FIGURES_RE = re.compile(r"\d\s*[条件篇][,，、;；]\s*(?:总计|合计|共计|总共)\s*$")
_PRODUCED_THEN_PROACTIVE_RE = re.compile(
    r"(?:制作|获取)[^。]{0,30}?\d+\s*[条件份篇个][^。]{0,12}?其中[,，:：]?\s*(?:主动公开|公开)[^,，。\d]{0,8}?$")
# 主动公开政府信息300余条, 主动公开朋普镇政府信息共597条 (the body's own place named), 1、主动公开政府信息的情况:40条
_PROACTIVE_PHRASE_RE = re.compile(
    r"(?:主动公开|主动发布)了?(?:各类|各项)?(?:[\u4e00-\u9fff]{1,8}?(?:镇|乡|街道|县|区|市)(?:人民)?)?(?:政府|政务)?信息"
    r"(?:共计|共|总计|合计|为|达|的情况\s*[:：]|的?(?:数量|总数|条数)(?:共计|共|为|是|达)?\s*[:：]?)?\s*$"
    r"|信息主动公开(?:共计|共)?\s*$")
# 主动公开涉及疫情防控、社会救助、…、安全生产等方面信息423条: the same statement, its kinds of information listed
# (or with the list right after the verb: 主动(向社会)公开组织机构、部门文件、…、办事指南等各类信息48条; or after
# 主动公开的政府信息主要包括, its list long: …、政策解读、回应关切等多个领域政府信息500余条)
_PROACTIVE_LIST_RE = re.compile(
    r"主动(?:向社会)?公开了?(?:的(?:政府|政务)?信息(?:主要)?)?(?:(?:涉及|包括|包含)[^。;；]{4,200}?|[^。;；,，]{2,40}?、[^。;；]{2,100}?)"
    r"等(?:多个|各个)?(?:方面|领域|类)?的?(?:各类|相关)?(?:政府|政务)?信息(?:共计|共)?\s*$")
# 全年公开政府信息74条: the same statement without 主动, when the keyword rules read the year's total (no channel,
# no application in the sentence) and no other count comes before it in its sentence
_POLICY_DOCS_PHRASE_RE = re.compile(r"(?:制发|印发|出台|制定|新制定)了?(?:行政)?规范性文件(?:共计|共|总计)?\s*$")
_DISCLOSED_PHRASE_RE = re.compile(
    r"(?<!申请)公开了?(?:各类|各项)?(?:政府|政务)信息(?:共计|共|总计|合计|达)?\s*$")
_COUNT_BEFORE_RE = re.compile(r"\d\s*(?:条|件|篇|项|个|份)")  # 公开行政许可24条,公开政务信息23条: one kind of several
_NOT_THE_YEARS_OWN_RE = re.compile(
    r"累计|截至|截止|历年|(?<!今年)(?<!本年)(?<!年度)(?<!年初)(?<!\d年)(?<!\d\s年)以来|其中|直属|各区|各县|各部门|各单位")
_YEAR_SINCE_RE = re.compile(r"((?:19|20)\d\d)\s*年以来")
_SENTENCE_END_RE = re.compile(r"[。！？!?\n]")


def _plain_statement(text: str, sent: int, pos: int, keyword_label: str) -> bool:
    """Whether the figure at ``pos`` is the plain statement of the year's disclosures (主动公开政府信息300余条) or
    of the normative documents made (制发行政规范性文件2件) that the keyword rules read as ``keyword_label``."""
    if keyword_label == "POLICY_DOCS":  # 制发行政规范性文件2件: all 20 such figures of the gold sets are documents
        return bool(_POLICY_DOCS_PHRASE_RE.search(text, max(sent, pos - 16), pos)) \
            and not _NOT_THE_YEARS_OWN_RE.search(text, sent, pos)
    if keyword_label not in ("DISCLOSED_TOTAL", "DISCLOSED_WEBSITE"):
        return False
    said = (_PROACTIVE_PHRASE_RE.search(text, max(sent, pos - 24), pos)
            or _PROACTIVE_LIST_RE.search(text, max(sent, pos - 220), pos)
            or (keyword_label == "DISCLOSED_TOTAL" and _DISCLOSED_PHRASE_RE.search(text, max(sent, pos - 24), pos)
                and not _COUNT_BEFORE_RE.search(text, sent, pos)))
    return bool(said) and not _NOT_THE_YEARS_OWN_RE.search(text, sent, pos) \
        and not _since_an_earlier_year(text, sent, pos)


def _since_an_earlier_year(text: str, sent: int, pos: int) -> bool:
    """2008年以来 in a 2021 report sums several years; <the latest year the text names>年以来 is that year."""
    from ie.keywords import later_year_named

    return any(later_year_named(text, int(m.group(1)), m.start()) for m in _YEAR_SINCE_RE.finditer(text, sent, pos))


def _sentence_start(text: str, pos: int) -> int:
    return max((m.end() for m in _SENTENCE_END_RE.finditer(text, max(0, pos - 300), pos)), default=0)


def repair_spans(tags: Sequence[str]) -> list[tuple[int, int, str]]:
    """BIO repair: an ``I-X`` that does not continue an ``X`` span starts one; returns (start, end, label)."""
    spans: list[tuple[int, int, str]] = []
    start, label = None, None
    for i, tag in enumerate([*tags, OUTSIDE]):
        prefix, _, lab = tag.partition("-")
        if prefix == "I" and lab == label:
            continue
        if start is not None:
            spans.append((start, i, label))
            start, label = None, None
        if prefix in ("B", "I"):
            start, label = i, lab
    return spans


def _encoder_for(model_dir: Path) -> CharEncoder:
    vocab = model_dir / "vocab.txt"
    if vocab.exists():
        return CharEncoder.from_vocab_file(vocab)
    from transformers import AutoTokenizer

    return CharEncoder.from_tokenizer(AutoTokenizer.from_pretrained(str(model_dir)))


def _load_torch(model_dir: Path, threads: int, quantize: bool) -> Any:
    import torch
    from transformers import BertForTokenClassification
    from transformers.utils import logging as hf_logging

    torch.set_num_threads(threads)
    hf_logging.disable_progress_bar()  # govie's own progress bar is the only one on stderr
    model = BertForTokenClassification.from_pretrained(str(model_dir), dtype=torch.float32)
    model.eval()
    return quantize_int8(model) if quantize else model


def quantize_int8(model: Any) -> Any:
    """Torch dynamic int8 quantization of the Linear layers (weights int8, activations fp32)."""
    import warnings

    import torch

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return torch.ao.quantization.quantize_dynamic(model, {torch.nn.Linear}, dtype=torch.qint8)
