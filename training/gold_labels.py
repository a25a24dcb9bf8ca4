"""Stand-off gold narrative labels: join span annotations with the corpus text they point into.

The real report text must not live in the repository, so hand-checked labels for the excerpts of
``../shared/corpus/excerpts.jsonl`` are kept *stand-off* (``data/labels/corpus_gold.jsonl``)::

    {"id": "c0007", "sha256": "<sha256 of the excerpt text, utf-8>", "spans": [{"start": 3, "end": 8, "label": "..."}]}

``load_standoff`` joins them back with the corpus by id and returns records in the encoding of
``spec/labels.md`` (``{"id", "text", "spans"}``, character offsets into the raw text, end exclusive).
The sha256 guards against a corpus that changed under the labels: offsets into a different text would
silently label the wrong characters, so any mismatch is an error, never a skip.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from ie.labels import LABELS


class GoldLabelError(ValueError):
    """The stand-off labels do not fit the corpus they claim to annotate."""


def text_sha256(text: str) -> str:
    """The sha256 (hex) of ``text`` encoded as utf-8, as stored in the stand-off file."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _read_jsonl(path: Path) -> list[dict[str, Any]]:
    rows = []
    with path.open(encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                rows.append(json.loads(line))
            except json.JSONDecodeError as exc:
                raise GoldLabelError(f"{path}:{n}: not valid JSON ({exc.msg})") from exc
    return rows


def _check_spans(rid: str, text: str, spans: list[dict[str, Any]]) -> list[dict[str, Any]]:
    out = []
    prev_end = -1
    for sp in sorted(spans, key=lambda s: (s.get("start", -1), s.get("end", -1))):
        start, end, label = sp.get("start"), sp.get("end"), sp.get("label")
        if not isinstance(start, int) or not isinstance(end, int):
            raise GoldLabelError(f"{rid}: span {sp} has non-integer offsets")
        if not 0 <= start < end <= len(text):
            raise GoldLabelError(f"{rid}: span [{start}, {end}) lies outside the text (length {len(text)})")
        if label not in LABELS:
            raise GoldLabelError(f"{rid}: unknown label {label!r}")
        if start < prev_end:
            raise GoldLabelError(f"{rid}: span [{start}, {end}) overlaps the previous span")
        prev_end = end
        out.append({"start": start, "end": end, "label": label})
    return out


def load_standoff(path: str | Path, corpus_path: str | Path) -> list[dict[str, Any]]:
    """Join the stand-off labels at ``path`` with the corpus at ``corpus_path``.

    Returns one ``{"id", "text", "spans"}`` record per labelled excerpt, in the order of ``path``;
    an excerpt with ``"spans": []`` is returned too (a checked negative). Raises ``GoldLabelError``
    when an id is missing from the corpus or repeated, a sha256 differs, or a span is out of range,
    overlapping or has an unknown label.
    """
    corpus: dict[str, str] = {}
    for row in _read_jsonl(Path(corpus_path)):
        corpus[row["id"]] = row["text"]
    records = []
    seen: set[str] = set()
    for row in _read_jsonl(Path(path)):
        rid = row.get("id")
        if rid in seen:
            raise GoldLabelError(f"{rid}: labelled twice in {path}")
        seen.add(rid)
        if rid not in corpus:
            raise GoldLabelError(f"{rid}: not in the corpus {corpus_path}")
        text = corpus[rid]
        if row.get("sha256") != text_sha256(text):
            raise GoldLabelError(f"{rid}: sha256 mismatch, the corpus text changed since it was labelled")
        records.append({"id": rid, "text": text, "spans": _check_spans(rid, text, row.get("spans", []))})
    return records
