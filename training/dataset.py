"""Dataset builder: raw text + spans (labels.md encoding) -> normalized char sequences with BIO tags.

Steps, for every source named in the config (real train, synthetic, weakly labelled corpus, ...):

1. normalize the raw text (``ie.normalize``) and carry each raw span ``[s, e)`` onto the normalized text: the
   span becomes the normalized characters whose original ranges lie inside it;
2. remove every clause that shares a 20-character run with the dev set (``../shared/dev``), counting what
   was removed (the dev set is for measurement only);
3. assign each document to train or validation *by report group* (the excerpt's report URL, or the
   synthetic report id): paragraphs of one report never straddle the split;
4. cut documents into windows of at most ``max_len`` characters, at sentence ends where possible and never
   inside a span;
5. repeat/subsample the training windows of each source by its weight;
6. check that no validation text and no dev text leaks into training.
"""

from __future__ import annotations

import hashlib
import json
import random
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ie.keywords import N_HINT_TYPES, keyword_hints
from ie.labels import LABELS, OUTSIDE, bio_tags, label2id
from ie.normalize import normalize

REPO = Path(__file__).resolve().parents[1]
SENTENCE_END = "。；！？!?;\n"
CLAUSE_RE = re.compile(r"[^。；！？!?;\n，,]*(?:[。；！？!?;\n，,]|$)")


@dataclass
class Doc:
    """One normalized document with its spans in normalized offsets."""

    id: str
    group: str
    source: str
    text: str
    spans: list[tuple[int, int, str]]


@dataclass
class BuildStats:
    docs: Counter = field(default_factory=Counter)
    chars: Counter = field(default_factory=Counter)
    spans_lost_in_normalization: int = 0
    dev_overlap_chars_removed: Counter = field(default_factory=Counter)
    dev_overlap_spans_removed: Counter = field(default_factory=Counter)
    windows: Counter = field(default_factory=Counter)
    train_spans_per_label: Counter = field(default_factory=Counter)
    validation_spans_per_label: Counter = field(default_factory=Counter)
    heldout_frames: dict = field(default_factory=dict)
    sources_missing: list = field(default_factory=list)
    # raw records of held-out synthetic frames (evaluated after training, never trained on)
    heldout_records: list = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            k: (dict(v) if isinstance(v, Counter) else v)
            for k, v in self.__dict__.items()
            if k != "heldout_records"
        }


# ---------------------------------------------------------------------------------------------------------
# reading and normalizing


def read_jsonl(path: Path) -> Iterator[dict]:
    with Path(path).open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                yield json.loads(line)


_PAGE_SUFFIX = re.compile(r"_\d+(?=\.s?html?$)")


def report_group(rec: dict, source: str) -> str:
    """The report a record belongs to: explicit ``report``/``group``, else its URL without a page suffix."""
    for key in ("report", "group"):
        if rec.get(key):
            return f"{source}:{rec[key]}"
    if rec.get("url"):
        return "url:" + _PAGE_SUFFIX.sub("", str(rec["url"]))
    return f"{source}:{rec['id']}"


def normalize_record(rec: dict, source: str, stats: BuildStats | None = None) -> Doc:
    """Normalize a raw record and carry its spans through the normalizer's offset map."""
    norm = normalize(rec["text"])
    spans: list[tuple[int, int, str]] = []
    for sp in rec.get("spans", []):
        if sp["label"] not in LABELS:
            raise ValueError(f"{rec['id']}: unknown label {sp['label']!r}")
        s, e = norm.to_normalized(sp["start"], sp["end"])
        if e <= s:
            if stats is not None:
                stats.spans_lost_in_normalization += 1
            continue
        spans.append((s, e, sp["label"]))
    spans.sort()
    # overlapping spans are a data error; keep the first
    clean: list[tuple[int, int, str]] = []
    for sp in spans:
        if clean and sp[0] < clean[-1][1]:
            continue
        clean.append(sp)
    return Doc(str(rec["id"]), report_group(rec, source), source, norm.text, clean)


def spans_from_tags(tags: list[str]) -> list[tuple[int, int, str]]:
    """Spans of IOB2 tags (strict: an ``I-`` without a matching ``B-`` starts nothing)."""
    out: list[tuple[int, int, str]] = []
    start, label = None, None
    for i, tag in enumerate([*tags, OUTSIDE]):
        if tag.startswith("I-") and label == tag[2:]:
            continue
        if start is not None:
            out.append((start, i, label))
            start, label = None, None
        if tag.startswith("B-"):
            start, label = i, tag[2:]
    return out


# ---------------------------------------------------------------------------------------------------------
# dev-overlap removal


def ngram_set(texts: Iterable[str], n: int = 20) -> set[str]:
    grams: set[str] = set()
    for t in texts:
        grams.update(t[i : i + n] for i in range(len(t) - n + 1))
    return grams


def dev_ngrams(dev_path: Path, n: int = 20) -> set[str]:
    """All n-character runs of the dev set, on normalized text (so traditional/simplified pairs match)."""
    return ngram_set((normalize(r["text"]).text for r in read_jsonl(dev_path)), n)


def covered_mask(text: str, grams: set[str], n: int = 20) -> list[bool]:
    mask = [False] * len(text)
    for i in range(len(text) - n + 1):
        if text[i : i + n] in grams:
            for j in range(i, i + n):
                mask[j] = True
    return mask


def clause_bounds(text: str) -> list[tuple[int, int]]:
    """Clauses ending at a sentence end (the end char included)."""
    out = []
    for m in CLAUSE_RE.finditer(text):
        if m.end() > m.start():
            out.append((m.start(), m.end()))
    return out


def remove_overlap(doc: Doc, grams: set[str], n: int = 20) -> tuple[list[Doc], int, int]:
    """Drop every clause that holds a character of a run shared with ``grams``.

    Returns the kept pieces (runs of consecutive kept clauses, as documents of their own), the number of
    characters removed and the number of spans removed.  Nothing is cut inside a span: a span that
    crosses a removed clause goes with it.
    """
    if not grams or len(doc.text) < n:
        return [doc], 0, 0
    mask = covered_mask(doc.text, grams, n)
    if not any(mask):
        return [doc], 0, 0
    keep = [True] * len(doc.text)
    for s, e in clause_bounds(doc.text):
        if any(mask[s:e]):
            for i in range(s, e):
                keep[i] = False
    spans_removed = 0
    for s, e, _ in doc.spans:  # a span is all kept or all removed
        if not all(keep[s:e]):
            for i in range(s, e):
                keep[i] = False
            spans_removed += 1
    pieces: list[Doc] = []
    i = 0
    while i < len(doc.text):
        if not keep[i]:
            i += 1
            continue
        j = i
        while j < len(doc.text) and keep[j]:
            j += 1
        piece_spans = [(s - i, e - i, lab) for s, e, lab in doc.spans if s >= i and e <= j]
        if doc.text[i:j].strip():
            pieces.append(Doc(f"{doc.id}@{i}", doc.group, doc.source, doc.text[i:j], piece_spans))
        i = j
    return pieces, len(doc.text) - sum(keep), spans_removed


# ---------------------------------------------------------------------------------------------------------
# windows


def window_bounds(text: str, spans: list[tuple[int, int, str]], max_len: int = 256) -> list[tuple[int, int]]:
    """Cut ``text`` into consecutive windows of at most ``max_len`` chars.

    A cut goes after the last sentence end in the window, else after the last comma, else at ``max_len``;
    never inside a span (the cut moves before the span).
    """
    inside = [False] * (len(text) + 1)
    for s, e, _ in spans:
        for i in range(s + 1, e):
            inside[i] = True  # cutting at position i would split the span
    out = []
    start = 0
    while start < len(text):
        if len(text) - start <= max_len:
            out.append((start, len(text)))
            break
        limit = start + max_len
        cut = None
        for breaks in (SENTENCE_END, "，,、：:"):
            for i in range(limit, start + max_len // 4, -1):
                if text[i - 1] in breaks and not inside[i]:
                    cut = i
                    break
            if cut:
                break
        if cut is None:
            cut = limit
            while cut > start + 1 and inside[cut]:
                cut -= 1
        out.append((start, cut))
        start = cut
    return out


def doc_windows(doc: Doc, max_len: int, *, hints: bool = False) -> list[dict]:
    """Training windows of ``doc``; with ``hints``, each also carries the keyword hint ids of its
    characters, computed on the whole document (so a window sees the hints its context gave)."""
    rows = []
    doc_hints = keyword_hints(doc.text) if hints else None
    for s, e in window_bounds(doc.text, doc.spans, max_len):
        piece = doc.text[s:e]
        if not piece.strip():
            continue
        spans = [(a - s, b - s, lab) for a, b, lab in doc.spans if a >= s and b <= e]
        row = {
            "id": f"{doc.id}#{s}",
            "group": doc.group,
            "source": doc.source,
            "text": piece,
            "tags": bio_tags(len(piece), spans),
        }
        if doc_hints is not None:
            row["hints"] = doc_hints[s:e]
        rows.append(row)
    return rows


def segment_windows(doc: Doc, max_len: int, *, hints: bool = False) -> list[dict]:
    """Training windows in the shape the tagger runs the model on (``ie.tagger.quantity_segments``: the
    quantity clauses and the clause before each), so the model also learns from the left contexts it is
    given at inference, not only from consecutive windows that start at an arbitrary sentence."""
    from ie.tagger import quantity_segments

    rows = []
    doc_hints = keyword_hints(doc.text) if hints else None
    for s0, e0 in quantity_segments(doc.text, [(0, len(doc.text))]):
        seg_spans = [(a - s0, b - s0, lab) for a, b, lab in doc.spans if a >= s0 and b <= e0]
        for s, e in window_bounds(doc.text[s0:e0], seg_spans, max_len):
            piece = doc.text[s0 + s:s0 + e]
            if not piece.strip():
                continue
            spans = [(a - s, b - s, lab) for a, b, lab in seg_spans if a >= s and b <= e]
            row = {"id": f"{doc.id}~{s0 + s}", "group": doc.group, "source": doc.source, "text": piece,
                   "tags": bio_tags(len(piece), spans)}
            if doc_hints is not None:
                row["hints"] = doc_hints[s0 + s:s0 + e]
            rows.append(row)
    return rows


_SENTENCE_CLAUSE_RE = re.compile(r"[^。；！？!?;\n，,]{4,60}[。；！？!?;]")


def context_clauses(docs: Iterable[Doc]) -> list[tuple[str, str]]:
    """Sentence-final clauses without a quantity, with the group they come from: the unrelated text that
    :func:`context_swap_windows` puts before a quantity sentence."""
    from ie.tagger import has_quantity

    return [(d.group, m.group()) for d in docs for m in _SENTENCE_CLAUSE_RE.finditer(d.text)
            if not has_quantity(m.group())]


def context_swap_windows(doc: Doc, pool: list[tuple[str, str]], rng: random.Random, max_len: int, *,
                         hints: bool = False, copy: int = 0) -> list[dict]:
    """Segment windows whose first clause, the tail of the sentence before the quantity's own sentence, is
    replaced by a clause of another report.  At inference that clause is whatever the report wrote before;
    the model tagged the same sentence 0.99 or O depending on it, so it should learn that it rarely
    matters.  Only windows where the clause before ends a sentence are swapped (inside one sentence the
    clause before can decide the label)."""
    from ie.tagger import has_quantity, quantity_segments

    rows = []
    others = [c for g, c in pool if g != doc.group]
    if not others:
        return rows
    for s0, e0 in quantity_segments(doc.text, [(0, len(doc.text))]):
        m = CLAUSE_RE.match(doc.text, s0)
        first_end = m.end() if m else s0
        first = doc.text[s0:first_end].rstrip()
        if first_end >= e0 or not first or first[-1] not in SENTENCE_END or has_quantity(first):
            continue
        ctx = rng.choice(others)
        piece = ctx + doc.text[first_end:e0]
        if len(piece) > max_len:
            continue
        shift = len(ctx) - (first_end - s0)
        spans = [(a + shift - s0, b + shift - s0, lab) for a, b, lab in doc.spans if a >= first_end and b <= e0]
        row = {"id": f"{doc.id}^{s0}^{copy}", "group": doc.group, "source": doc.source, "text": piece,
               "tags": bio_tags(len(piece), spans)}
        if hints:
            row["hints"] = keyword_hints(piece)
        rows.append(row)
    return rows


def corrupt_hints(hints: list[int], rng: random.Random, drop: float, swap: float) -> list[int]:
    """Training noise on keyword hints: each hinted quantity loses its hint with probability ``drop`` or
    gets another label's hint with probability ``swap``, so the model does not copy the rules blindly
    (the rules were tuned on part of the training text, where they are better than on new text)."""
    out = list(hints)
    i = 0
    while i < len(out):
        if not out[i]:
            i += 1
            continue
        j = i
        while j < len(out) and out[j] == out[i]:
            j += 1
        u = rng.random()
        if u < drop:
            new = 0
        elif u < drop + swap:
            new = rng.choice([h for h in range(1, N_HINT_TYPES) if h != out[i]])
        else:
            new = out[i]
        out[i:j] = [new] * (j - i)
        i = j
    return out


# ---------------------------------------------------------------------------------------------------------
# splitting and mixing


def in_validation(group: str, fraction: float, seed: int) -> bool:
    """Deterministic group split: a hash of (seed, group) decides, independent of file order."""
    if fraction <= 0:
        return False
    h = int(hashlib.sha1(f"{seed}:{group}".encode()).hexdigest()[:8], 16)
    return h / 0xFFFFFFFF < fraction


def apply_weight(rows: list[dict], weight: float, rng: random.Random) -> list[dict]:
    """Repeat rows ``int(weight)`` times and add a random ``frac(weight)`` share once more."""
    whole = int(weight)
    out = rows * whole
    frac = weight - whole
    if frac > 0:
        out += rng.sample(rows, round(frac * len(rows)))
    return out


def resolve(path: str | Path) -> Path:
    p = Path(path)
    return p if p.is_absolute() else (REPO / p).resolve()


def synth_file(n: int, seed: int, out: Path) -> Path | None:
    """Generate ``n`` synthetic paragraphs with ``python -m training.synth`` (None when unavailable)."""
    import logging
    import subprocess
    import sys

    if out.exists() and out.stat().st_size > 0:
        return out
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_suffix(".tmp")
    cmd = [sys.executable, "-m", "training.synth", "--n", str(n), "--seed", str(seed), "--out", str(tmp)]
    try:
        subprocess.run(cmd, check=True, cwd=REPO, capture_output=True, text=True, timeout=1800)
    except (subprocess.CalledProcessError, FileNotFoundError, subprocess.TimeoutExpired) as exc:
        logging.getLogger("govie.dataset").warning("synthetic generator unavailable (%s)", exc)
        return None
    tmp.replace(out)
    return out


def load_source(src: dict, work_dir: Path | None = None) -> list[dict] | None:
    """Records of a source: ``path`` (JSONL), ``records`` given inline (tests), or ``synth: {n, seed}``
    (generated into ``work_dir``).  None when the source is unavailable (a missing generator or file)."""
    if "records" in src:
        return list(src["records"])
    if src.get("standoff"):  # the project's stand-off gold labels over a corpus kept in ../shared
        from training.gold_labels import load_standoff

        corpus = resolve(src["corpus"])
        return load_standoff(resolve(src["standoff"]), corpus) if corpus.exists() else None
    if src.get("synth"):
        n, seed = int(src["synth"]["n"]), int(src["synth"]["seed"])
        path = synth_file(n, seed, (work_dir or REPO / "runs") / f"synth_{src['name']}_{n}_{seed}.jsonl")
        return list(read_jsonl(path)) if path else None
    path = resolve(src["path"])
    if not path.exists():
        return None
    return list(read_jsonl(path))


def join_reports(records: list[dict], sep: str = "\n") -> list[dict]:
    """Join the paragraphs of one report (``report`` field) into one record, spans shifted: longer
    windows (less padding) and the context of neighbouring paragraphs, as in a real report."""
    by_report: dict[str, list[dict]] = {}
    order: list[str] = []
    for rec in records:
        key = str(rec.get("report") or rec["id"])
        if key not in by_report:
            by_report[key] = []
            order.append(key)
        by_report[key].append(rec)
    out = []
    for key in order:
        parts, spans, pos = [], [], 0
        for rec in by_report[key]:
            if parts:
                parts.append(sep)
                pos += len(sep)
            parts.append(rec["text"])
            spans.extend({**sp, "start": sp["start"] + pos, "end": sp["end"] + pos} for sp in rec.get("spans", []))
            pos += len(rec["text"])
        out.append({"id": key, "report": key, "text": "".join(parts), "spans": spans})
    return out


def record_frames(rec: dict) -> set[str]:
    """The synthetic frame ids of a record (``frame`` may be a string or a list)."""
    fr = rec.get("frames") or rec.get("frame")
    if fr is None:
        return set()
    if isinstance(fr, str):
        return {fr}
    return {str(f) for f in fr}


def split_heldout_frames(records: list[dict], fraction: float, seed: int) -> tuple[int, set[str], list[dict], list[dict]]:
    """(number of frames, the frames held out of training, their records, the other records): a record built from
    any held-out frame is held out, so the held-out frames' phrasing is never trained on."""
    frames = sorted(set().union(*(record_frames(r) for r in records)))
    held = {f for f in frames if in_validation(f, fraction, seed + 1)}
    return (len(frames), held, [r for r in records if record_frames(r) & held],
            [r for r in records if not record_frames(r) & held])


def heldout_frame_records(cfg: dict, work_dir: Path | None = None) -> list[dict]:
    """The synthetic records of the frames a config's ``data`` section holds out of training (the same ones
    ``build_dataset`` sets aside), for measuring the model on phrasings it never saw."""
    seed = int(cfg.get("seed", 13))
    out: list[dict] = []
    for src in cfg["sources"]:
        fraction = float(src.get("heldout_frame_fraction", 0.0))
        records = load_source(src, work_dir) if fraction > 0 else None
        if records:
            out.extend(split_heldout_frames(records, fraction, seed)[2])
    return out


def build_dataset(cfg: dict, *, return_stats: bool = False, work_dir: Path | None = None):
    """Build the ``DatasetDict`` (train/validation) described by the ``data`` section of a config.

    ``cfg`` keys: ``sources`` (list of {name, path|records, weight, validation_fraction}), ``dev_path``
    (overlap removal; optional), ``max_len``, ``overlap_n``, ``seed``.
    """
    from datasets import Dataset, DatasetDict

    seed = int(cfg.get("seed", 13))
    max_len = int(cfg.get("max_len", 256))
    n = int(cfg.get("overlap_n", 20))
    rng = random.Random(seed)
    stats = BuildStats()
    grams = dev_ngrams(resolve(cfg["dev_path"]), n) if cfg.get("dev_path") else set()

    # pass 1: every source's documents, normalized, dev overlap removed
    per_source: list[tuple[dict, list[Doc]]] = []
    for src in cfg["sources"]:
        name = src["name"]
        records = load_source(src, work_dir)
        if records is None:
            stats.sources_missing.append(name)
            continue
        hold_frac = float(src.get("heldout_frame_fraction", 0.0))
        if hold_frac > 0:
            n_frames, held, held_records, records = split_heldout_frames(records, hold_frac, seed)
            stats.heldout_frames[name] = {"frames": n_frames, "heldout": sorted(held)}
            stats.heldout_records.extend(held_records)
        if src.get("join_by_report"):
            records = join_reports(records)
        docs: list[Doc] = []
        for rec in records:
            doc = normalize_record(rec, name, stats)
            stats.docs[name] += 1
            stats.chars[name] += len(doc.text)
            pieces, removed_chars, removed_spans = remove_overlap(doc, grams, n)
            stats.dev_overlap_chars_removed[name] += removed_chars
            stats.dev_overlap_spans_removed[name] += removed_spans
            docs.extend(pieces)
        per_source.append((src, docs))

    # the same report reached through two sources (or two URLs) is one group: link documents that
    # share a long run of text (boilerplate runs are shorter than link_n)
    linked = [d for src, docs in per_source if not src.get("synth") for d in docs]
    link_groups(linked, int(cfg.get("link_n", 80)))
    fraction_of_group: dict[str, float] = {}
    for src, docs in per_source:
        for d in docs:
            f = float(src.get("validation_fraction", 0.0))
            fraction_of_group[d.group] = max(f, fraction_of_group.get(d.group, 0.0))

    # pass 2: split by group, windows, weights; training windows with no quantity (the tagger skips such
    # text) are kept only at the rate ``keep_no_quantity`` (default 1: all)
    from ie.tagger import has_quantity

    keep_nq = float(cfg.get("keep_no_quantity", 1.0))
    seg_rate = float(cfg.get("segment_windows", 0.0))  # extra windows in the tagger's shape, at this rate
    swap_rate = float(cfg.get("context_swap", 0.0))  # … with the sentence before taken from another report
    pool = context_clauses(d for src, docs in per_source if not src.get("synth") for d in docs
                           if not in_validation(d.group, fraction_of_group[d.group], seed)) if swap_rate > 0 else []
    hint_cfg = cfg.get("keyword_hints")
    if hint_cfg is True:
        hint_cfg = {}
    elif not hint_cfg:
        hint_cfg = None
    train_rows: list[dict] = []
    val_rows: list[dict] = []
    for src, docs in per_source:
        name = src["name"]
        src_train: list[dict] = []
        for doc in docs:
            is_val = in_validation(doc.group, fraction_of_group[doc.group], seed)
            rows = doc_windows(doc, max_len, hints=hint_cfg is not None)
            if is_val:
                val_rows.extend(rows)
                continue
            for r in rows:
                if keep_nq >= 1.0 or has_quantity(r["text"]) or rng.random() < keep_nq:
                    src_train.append(r)
                else:
                    stats.windows["train_dropped_no_quantity"] += 1
            if seg_rate > 0:  # training only: validation keeps one window shape, comparable across runs
                seg_rows = [r for r in segment_windows(doc, max_len, hints=hint_cfg is not None)
                            if seg_rate >= 1.0 or rng.random() < seg_rate]
                stats.windows[f"{name}/train_segment_windows"] += len(seg_rows)
                src_train.extend(seg_rows)
            if swap_rate > 0 and not src.get("synth"):  # a rate of 3 gives three copies, each with its own context
                swap_rows = [r for k in range(max(1, int(swap_rate)))
                             for r in context_swap_windows(doc, pool, rng, max_len, hints=hint_cfg is not None, copy=k)
                             if (swap_rate >= 1.0 or rng.random() < swap_rate)
                             and not any(covered_mask(r["text"], grams, n))]  # a new 20-char run may be dev's
                stats.windows[f"{name}/train_context_swap_windows"] += len(swap_rows)
                src_train.extend(swap_rows)
        stats.windows[f"{name}/train"] = len(src_train)
        weighted = apply_weight(src_train, float(src.get("weight", 1.0)), rng)
        if hint_cfg is not None:  # fresh noise for every weighted copy; a source may set its own rates
            drop = float(src.get("hint_drop", hint_cfg.get("drop", 0.0)))
            swap = float(src.get("hint_swap", hint_cfg.get("swap", 0.0)))
            weighted = [{**r, "hints": corrupt_hints(r["hints"], rng, drop, swap)} for r in weighted]
        stats.windows[f"{name}/train_weighted"] = len(weighted)
        train_rows.extend(weighted)
    # a short window of stock phrases can recur in unrelated reports: drop its training copies
    val_texts = {r["text"] for r in val_rows}
    before = len(train_rows)
    train_rows = [r for r in train_rows if r["text"] not in val_texts]
    stats.windows["train_dropped_same_text_as_validation"] = before - len(train_rows)
    stats.windows["validation"] = len(val_rows)
    rng.shuffle(train_rows)

    check_no_leakage(train_rows, val_rows, grams, n)
    for rows, counter in ((train_rows, stats.train_spans_per_label), (val_rows, stats.validation_spans_per_label)):
        for r in rows:
            for _, _, lab in spans_from_tags(r["tags"]):
                counter[lab] += 1

    def to_ds(rows: list[dict]) -> Dataset:
        cols = {
            "id": [r["id"] for r in rows],
            "group": [r["group"] for r in rows],
            "source": [r["source"] for r in rows],
            "text": [r["text"] for r in rows],
            "labels": [[label2id[t] for t in r["tags"]] for r in rows],
        }
        if hint_cfg is not None:
            cols["hints"] = [r["hints"] for r in rows]
        return Dataset.from_dict(cols)

    dd = DatasetDict({"train": to_ds(train_rows), "validation": to_ds(val_rows)})
    return (dd, stats) if return_stats else dd


def link_groups(docs: list[Doc], n: int = 80) -> None:
    """Union the groups of documents that share an ``n``-character run (in place: ``doc.group``)."""
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    first_of: dict[int, str] = {}
    for d in docs:
        find(d.group)
        for i in range(0, len(d.text) - n + 1):
            h = hash(d.text[i : i + n])
            g = first_of.setdefault(h, d.group)
            if g != d.group:
                a, b = find(g), find(d.group)
                if a != b:
                    parent[max(a, b)] = min(a, b)
    for d in docs:
        d.group = find(d.group)


class LeakageError(AssertionError):
    pass


def check_no_leakage(train_rows: list[dict], val_rows: list[dict], dev_grams: set[str], n: int = 20) -> None:
    """Fail when a validation report group, a validation window or a dev n-gram appears in training."""
    val_groups = {r["group"] for r in val_rows}
    train_groups = {r["group"] for r in train_rows}
    both = val_groups & train_groups
    if both:
        raise LeakageError(f"report groups in both train and validation: {sorted(both)[:5]}")
    val_texts = {r["text"] for r in val_rows if len(r["text"]) >= n}
    dup = [r["id"] for r in train_rows if r["text"] in val_texts]
    if dup:
        raise LeakageError(f"validation windows repeated in training: {dup[:5]}")
    if dev_grams:
        for r in train_rows:
            t = r["text"]
            for i in range(len(t) - n + 1):
                if t[i : i + n] in dev_grams:
                    raise LeakageError(f"dev text in training window {r['id']}: {t[i:i + n]!r}")
