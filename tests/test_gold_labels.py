"""The stand-off gold loader (synthetic corpus) and the real stand-off file against the shared corpus."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from ie.labels import LABELS
from training.gold_labels import GoldLabelError, load_standoff, text_sha256

REPO = Path(__file__).resolve().parents[1]
GOLD = REPO / "data" / "labels" / "corpus_gold.jsonl"

# Synthetic excerpts written for this test (no real report text).
SYNTH = {
    "s1": "某镇全年主动公开信息120条,其中网站发布80条。收到申请3件。",
    "s2": "本单位未收到申请。",
}


def _write(path: Path, rows: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return path


def _corpus(tmp_path: Path) -> Path:
    return _write(
        tmp_path / "corpus.jsonl", [{"id": k, "text": v, "kind": "annual_report"} for k, v in SYNTH.items()]
    )


def _span(rid: str, piece: str, label: str) -> dict:
    start = SYNTH[rid].index(piece)
    return {"start": start, "end": start + len(piece), "label": label}


def test_load_joins_text_and_keeps_negatives(tmp_path: Path) -> None:
    labels = _write(
        tmp_path / "gold.jsonl",
        [
            {
                "id": "s1",
                "sha256": text_sha256(SYNTH["s1"]),
                "spans": [_span("s1", "3件", "APPLICATIONS"), _span("s1", "120条", "DISCLOSED_TOTAL")],
            },
            {"id": "s2", "sha256": text_sha256(SYNTH["s2"]), "spans": []},
        ],
    )
    recs = load_standoff(labels, _corpus(tmp_path))
    assert [r["id"] for r in recs] == ["s1", "s2"]
    assert recs[0]["text"] == SYNTH["s1"]
    got = [(recs[0]["text"][s["start"] : s["end"]], s["label"]) for s in recs[0]["spans"]]
    assert got == [("120条", "DISCLOSED_TOTAL"), ("3件", "APPLICATIONS")]  # sorted by start
    assert recs[1]["spans"] == []


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ({"id": "s1", "sha256": "0" * 64, "spans": []}, "sha256 mismatch"),
        ({"id": "zz", "sha256": text_sha256("x"), "spans": []}, "not in the corpus"),
        (
            {
                "id": "s2",
                "sha256": text_sha256(SYNTH["s2"]),
                "spans": [{"start": 5, "end": 99, "label": "TRAINING"}],
            },
            "outside the text",
        ),
        (
            {
                "id": "s2",
                "sha256": text_sha256(SYNTH["s2"]),
                "spans": [{"start": 2, "end": 2, "label": "TRAINING"}],
            },
            "outside the text",
        ),
        (
            {
                "id": "s2",
                "sha256": text_sha256(SYNTH["s2"]),
                "spans": [{"start": 0, "end": 2, "label": "MONEY"}],
            },
            "unknown label",
        ),
        (
            {
                "id": "s1",
                "sha256": text_sha256(SYNTH["s1"]),
                "spans": [
                    {"start": 8, "end": 12, "label": "DISCLOSED_TOTAL"},
                    {"start": 10, "end": 13, "label": "TRAINING"},
                ],
            },
            "overlaps",
        ),
    ],
)
def test_mismatches_raise(tmp_path: Path, row: dict, message: str) -> None:
    labels = _write(tmp_path / "gold.jsonl", [row])
    with pytest.raises(GoldLabelError, match=message):
        load_standoff(labels, _corpus(tmp_path))


def test_duplicate_id_raises(tmp_path: Path) -> None:
    row = {"id": "s2", "sha256": text_sha256(SYNTH["s2"]), "spans": []}
    labels = _write(tmp_path / "gold.jsonl", [row, row])
    with pytest.raises(GoldLabelError, match="labelled twice"):
        load_standoff(labels, _corpus(tmp_path))


NUMERAL_START = re.compile(r"[0-9０-９零〇一二两兩三四五六七八九十百千]")


def test_real_standoff_spans_land_on_quantities(shared_dir: Path) -> None:
    """Every gold span in the repo's stand-off file is a numeral+unit per labels.md in the real corpus."""
    recs = load_standoff(GOLD, shared_dir / "corpus" / "excerpts.jsonl")
    assert len(recs) >= 100
    n_spans = 0
    for rec in recs:
        for sp in rec["spans"]:
            piece = rec["text"][sp["start"] : sp["end"]]
            assert NUMERAL_START.match(piece), (rec["id"], piece)
            assert "以上" not in piece and "左右" not in piece, (rec["id"], piece)
            assert sp["label"] in LABELS
            n_spans += 1
    assert n_spans >= 100


def test_dev_field_values_point_at_the_dev_texts(shared_dir):
    """data/labels/dev_fields.jsonl (a reader's headline values of the dev excerpts): one line per dev excerpt,
    the text it was read on unchanged (sha256), the 16 record.md keys, numbers or null."""
    import hashlib

    from ie.record import FIELD_KEYS

    dev = {r["id"]: r["text"] for r in map(json.loads, (shared_dir / "dev" / "narrative.jsonl").open(encoding="utf-8"))}
    rows = [json.loads(line) for line in (REPO / "data" / "labels" / "dev_fields.jsonl").open(encoding="utf-8")]
    assert sorted(r["id"] for r in rows) == sorted(dev)
    for r in rows:
        assert r["sha256"] == hashlib.sha256(dev[r["id"]].encode("utf-8")).hexdigest(), r["id"]
        assert set(r["fields"]) == set(FIELD_KEYS)
        assert all(v is None or isinstance(v, (int, float)) for v in r["fields"].values())
        assert isinstance(r["single_channel_total"], bool)
