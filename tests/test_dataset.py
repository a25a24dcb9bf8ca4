"""Dataset builder: spans carried through normalization, BIO tags, dev-overlap removal, group split."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ie.labels import bio_tags, id2label
from training.dataset import (
    Doc,
    LeakageError,
    build_dataset,
    check_no_leakage,
    normalize_record,
    remove_overlap,
    spans_from_tags,
    window_bounds,
)


def _rec(rid: str, text: str, spans: list[tuple[str, str]], **extra) -> dict:
    """A record whose spans are given as (span text, label), located in order of appearance."""
    out, pos = [], 0
    for span_text, label in spans:
        s = text.index(span_text, pos)
        out.append({"start": s, "end": s + len(span_text), "label": label})
        pos = s + len(span_text)
    return {"id": rid, "text": text, "spans": out, **extra}


def test_spans_carried_through_traditional_and_junk() -> None:
    text = "打印本页\n本機關全年主動公開政府信息５７４條??其中通過門戶網站公開 1133 條，办结率达100％。"
    rec = _rec("t1", text, [("５７４條", "DISCLOSED_TOTAL"), ("1133 條", "DISCLOSED_WEBSITE"),
                            ("100％", "RESPONSE_RATE")])
    doc = normalize_record(rec, "test")
    got = [(doc.text[s:e], lab) for s, e, lab in doc.spans]
    assert got == [("574条", "DISCLOSED_TOTAL"), ("1133 条", "DISCLOSED_WEBSITE"), ("100%", "RESPONSE_RATE")]
    assert "打印本页" not in doc.text and "机关" in doc.text


def test_bio_tags_and_back() -> None:
    spans = [(2, 6, "APPLICATIONS"), (6, 8, "TRAINING")]
    tags = bio_tags(10, spans)
    assert tags == ["O", "O", "B-APPLICATIONS", "I-APPLICATIONS", "I-APPLICATIONS", "I-APPLICATIONS",
                    "B-TRAINING", "I-TRAINING", "O", "O"]
    assert spans_from_tags(tags) == spans
    # strict: a dangling I- starts nothing
    assert spans_from_tags(["O", "I-TRAINING", "O"]) == []


def test_windows_never_cut_a_span() -> None:
    text = ("我局收到申请12件。" * 40)[:300]
    spans = [(i + 6, i + 9, "APPLICATIONS") for i in range(0, 290, 10)]
    bounds = window_bounds(text, spans, max_len=64)
    assert bounds[0][0] == 0 and bounds[-1][1] == len(text)
    assert all(e - s <= 64 for s, e in bounds)
    assert all(a[1] == b[0] for a, b in zip(bounds, bounds[1:]))
    for s, e, _ in spans:
        assert any(ws <= s and e <= we for ws, we in bounds)


def test_dev_overlap_removed_clause_wise() -> None:
    shared = "根据条例第二十条规定现将本年度工作情况报告如下"
    doc = Doc("d", "g", "s", f"甲机关{shared}。主动公开信息12条,办结率100%。", [])
    doc.spans = [(doc.text.index("12条"), doc.text.index("12条") + 3, "DISCLOSED_TOTAL")]
    grams = {shared[i : i + 20] for i in range(len(shared) - 19)}
    pieces, removed, spans_removed = remove_overlap(doc, grams)
    kept = "".join(p.text for p in pieces)
    assert shared not in kept and "主动公开信息12条" in kept
    assert removed == len(f"甲机关{shared}。") and spans_removed == 0
    assert [(p.text[s:e], lab) for p in pieces for s, e, lab in p.spans] == [("12条", "DISCLOSED_TOTAL")]


def _records(n_reports: int) -> list[dict]:
    recs = []
    for r in range(n_reports):
        for p in range(3):
            text = f"第{r}号报告的第{p}段:全年主动公开政府信息{100 + r * 3 + p}条,收到政府信息公开申请{r + p + 1}件。"
            recs.append(_rec(f"r{r}-p{p}", text, [(f"{100 + r * 3 + p}条", "DISCLOSED_TOTAL"),
                                                  (f"{r + p + 1}件", "APPLICATIONS")], report=f"rep{r}"))
    return recs


def test_build_dataset_group_split_and_dev_removal(tmp_path: Path) -> None:
    dev_text = "这是开发集里的一句很长的话用来检验重叠文本的删除是否正确无误"
    dev = tmp_path / "dev.jsonl"
    dev.write_text(json.dumps({"id": "dev1", "text": dev_text, "spans": []}, ensure_ascii=False) + "\n")
    recs = _records(30)
    recs.append(_rec("leak", f"{dev_text}。主动公开信息5条。", [("5条", "DISCLOSED_TOTAL")], report="rep0"))
    cfg = {"seed": 3, "dev_path": str(dev), "max_len": 64,
           "sources": [{"name": "toy", "records": recs, "weight": 2, "validation_fraction": 0.3}]}
    dd, stats = build_dataset(cfg, return_stats=True)
    assert stats.dev_overlap_chars_removed["toy"] == len(dev_text) + 1
    train_groups = set(dd["train"]["group"])
    val_groups = set(dd["validation"]["group"])
    assert train_groups and val_groups and not train_groups & val_groups
    assert all(dev_text[:20] not in t for t in dd["train"]["text"])
    # weight 2: every training window appears twice
    assert len(dd["train"]) == 2 * stats.windows["toy/train"]
    row = dd["train"][0]
    tags = [id2label[i] for i in row["labels"]]
    assert len(tags) == len(row["text"])
    assert {lab for _, _, lab in spans_from_tags(tags)} == {"DISCLOSED_TOTAL", "APPLICATIONS"}
    # same seed, same split
    dd2 = build_dataset(cfg)
    assert dd2["validation"]["id"] == dd["validation"]["id"]


def test_segment_windows_in_the_taggers_shape() -> None:
    from ie.tagger import quantity_segments
    from training.dataset import segment_windows

    text = "一、总体情况\n我局高度重视政务公开工作。全年主动公开政府信息57条,办结率100%。加强组织领导。\n"
    s = text.index("57条")
    doc = Doc("d", "g", "s", text, [(s, s + 3, "DISCLOSED_TOTAL")])
    rows = segment_windows(doc, 64, hints=True)
    assert [r["text"] for r in rows] == [text[a:b] for a, b in quantity_segments(text, [(0, len(text))])]
    assert "加强组织领导" not in "".join(r["text"] for r in rows)  # a clause without a quantity after it
    row = rows[0]
    spans = spans_from_tags(row["tags"])
    assert [(row["text"][a:b], lab) for a, b, lab in spans] == [("57条", "DISCLOSED_TOTAL")]
    assert len(row["hints"]) == len(row["text"]) and any(row["hints"])


def test_segment_windows_are_added_to_training_only() -> None:
    recs = _records(30)
    base = {"seed": 3, "max_len": 64, "sources": [{"name": "toy", "records": recs, "validation_fraction": 0.3}]}
    dd0, st0 = build_dataset(base, return_stats=True)
    dd1, st1 = build_dataset({**base, "segment_windows": 1.0}, return_stats=True)
    assert dd1["validation"]["id"] == dd0["validation"]["id"]
    assert st1.windows["toy/train_segment_windows"] > 0
    assert len(dd1["train"]) == len(dd0["train"]) + st1.windows["toy/train_segment_windows"]


def test_context_swap_replaces_only_the_sentence_before() -> None:
    import random

    from training.dataset import context_clauses, context_swap_windows

    text = "本局认真贯彻规章和规范性文件。全年通过政府网站发布信息652条,其中政策解读12篇。加强培训。"
    a, c = text.index("652条"), text.index("12篇")
    doc = Doc("d", "g1", "s", text, [(a, a + 4, "DISCLOSED_WEBSITE"), (c, c + 3, "INTERPRETATIONS")])
    other = Doc("o", "g2", "s", "我局高度重视政务公开工作,切实加强组织领导。", [])
    pool = context_clauses([doc, other])
    assert ("g2", "切实加强组织领导。") in pool and not any("652" in clause for _, clause in pool)
    rows = context_swap_windows(doc, pool, random.Random(1), 128, hints=True)
    assert [r["text"] for r in rows] == ["切实加强组织领导。全年通过政府网站发布信息652条,其中政策解读12篇。"]
    row = rows[0]
    assert [(row["text"][s:e], lab) for s, e, lab in spans_from_tags(row["tags"])] == [
        ("652条", "DISCLOSED_WEBSITE"), ("12篇", "INTERPRETATIONS")]
    assert len(row["hints"]) == len(row["text"]) and any(row["hints"])
    # inside one sentence the clause before can decide the label: no swap
    same = "通过政府网站,全年发布信息652条。"
    s = same.index("652条")
    assert context_swap_windows(Doc("e", "g3", "s", same, [(s, s + 4, "DISCLOSED_WEBSITE")]), pool,
                                random.Random(1), 128) == []


def test_leakage_check_catches_shared_group() -> None:
    row = {"id": "a", "group": "g1", "text": "x" * 30, "tags": ["O"] * 30}
    with pytest.raises(LeakageError):
        check_no_leakage([row], [dict(row, id="b")], set())


def test_real_train_file_carries_every_span(shared_dir: Path) -> None:
    from ie.normalize import fold_width, to_simplified
    from training.dataset import read_jsonl

    n = 0
    for rec in read_jsonl(shared_dir / "train" / "narrative.jsonl"):
        doc = normalize_record(rec, "real")
        assert len(doc.spans) == len(rec["spans"])
        for (s, e, lab), sp in zip(doc.spans, sorted(rec["spans"], key=lambda x: x["start"])):
            assert lab == sp["label"]
            assert doc.text[s:e] == to_simplified(fold_width(rec["text"][sp["start"] : sp["end"]]))
            n += 1
    assert n > 500


def test_link_groups_joins_documents_sharing_a_long_run() -> None:
    from training.dataset import link_groups

    long_run = "本年度我们把这一段很长的独特文字同时放进了两个来源之中以便检验分组是否会把它们归为同一个报告" * 2
    a = Doc("a", "url:a", "s1", "开头不同的文字。" + long_run, [])
    b = Doc("b", "url:b", "s2", long_run + "结尾也不同。", [])
    c = Doc("c", "url:c", "s1", "完全无关的另一份报告的文字内容。" * 10, [])
    link_groups([a, b, c], n=40)
    assert a.group == b.group != c.group


def test_join_reports_shifts_spans() -> None:
    from training.dataset import join_reports

    recs = [_rec("p1", "收到申请12件。", [("12件", "APPLICATIONS")], report="r1"),
            _rec("p2", "办结率100%。", [("100%", "RESPONSE_RATE")], report="r1"),
            _rec("p3", "培训3次。", [("3次", "TRAINING")], report="r2")]
    joined = join_reports(recs)
    assert [j["id"] for j in joined] == ["r1", "r2"]
    j = joined[0]
    assert j["text"] == "收到申请12件。\n办结率100%。"
    assert [j["text"][s["start"]:s["end"]] for s in j["spans"]] == ["12件", "100%"]


def test_calibration_validation_split_is_the_training_split(tmp_path: Path) -> None:
    """ie.calibration.validation_records (what the fusion is fitted on) must hold out exactly the documents
    training held out, whatever the run's own seed: a sweep over seeds once fitted its fusion weights on
    documents the model had trained on."""
    from ie.calibration import validation_records

    recs = [_rec(f"r{i}", f"第{i}号机关全年收到申请{i + 3}件。", [(f"{i + 3}件", "APPLICATIONS")], report=f"rep{i}")
            for i in range(40)]
    train_path = tmp_path / "narrative.jsonl"
    train_path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in recs), encoding="utf-8")
    data = {"max_len": 64, "keep_no_quantity": 1.0,
            "sources": [{"name": "real_train", "path": str(train_path), "weight": 1, "validation_fraction": 0.3}]}
    dd = build_dataset(data)
    held_texts = set(dd["validation"]["text"])
    assert 0 < len(held_texts) < len(recs)
    for seed in (13, 1):
        cfg_path = tmp_path / f"cfg{seed}.yaml"
        cfg_path.write_text(json.dumps({"seed": seed, "data": data}), encoding="utf-8")  # JSON is YAML
        got = validation_records(train_path, cfg_path)
        assert {r["text"] for r in got} == held_texts


def test_heldout_frames_are_the_ones_training_sets_aside(tmp_path: Path, capsys) -> None:
    """``python -m training.evaluate --heldout-frames CONFIG`` measures the records ``build_dataset`` holds out of
    training: the same frames, none of them in the training data."""
    import yaml

    from training.dataset import heldout_frame_records, record_frames
    from training.evaluate import main as evaluate_main
    from training.synth import paragraphs

    cfg = {"seed": 13, "max_len": 64,
           "sources": [{"name": "synth", "records": list(paragraphs(120, 1)), "weight": 1,
                        "validation_fraction": 0.1, "heldout_frame_fraction": 0.2}]}
    held = heldout_frame_records(cfg)
    dd, stats = build_dataset(cfg, return_stats=True)
    assert held and [r["id"] for r in held] == [r["id"] for r in stats.heldout_records]
    held_frames = set(stats.heldout_frames["synth"]["heldout"])
    assert all(record_frames(r) & held_frames for r in held)
    trained = {i.split("#")[0] for i in (*dd["train"]["id"], *dd["validation"]["id"])}  # window ids: doc#k
    assert trained and not trained & {r["id"] for r in held}
    # the command line reads the config's data section and reports on exactly those records
    cfg["sources"][0]["records"] = held[:5] + [r for r in cfg["sources"][0]["records"] if r not in held][:5]
    config = tmp_path / "c.yaml"
    config.write_text(yaml.safe_dump({"seed": 13, "data": cfg}, allow_unicode=True), encoding="utf-8")
    assert evaluate_main(["--heldout-frames", str(config)]) == 0
    out = capsys.readouterr().out
    assert f"frames held out by {config}" in out and "5 documents" in out
