"""Tests of the synthetic report generator (training/synth)."""

from __future__ import annotations

import json
import re
from collections import Counter

import opencc
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ie.labels import LABELS
from training.synth import FRAMES, NO_NOISE, NoiseConfig, frame_ids, paragraphs, reports
from training.synth.__main__ import main as synth_main
from training.synth.noise import to_traditional
from training.synth.numbers import UNITS

_UNITS = {u for kind in UNITS.values() for u, _ in kind} | {"%", "％", "余人次", "多人次"}
_UNITS |= {to_traditional(u) for u in _UNITS}
UNIT_RE = "|".join(sorted((re.escape(u) for u in _UNITS), key=len, reverse=True))
NUM_RE = r"(?:[0-9０-９]+(?:[.．][0-9０-９]+)?(?:万|萬)?|[零一二三四五六七八九十百千万萬两兩]+)(?:余|餘|多)?"
SPAN_RE = re.compile(rf"(?:{NUM_RE})[ \n]?(?:{UNIT_RE})?")
DIGIT = re.compile(r"[0-9０-９.．]")
T2S = opencc.OpenCC("t2s")
PINYIN_JUNK = re.compile(r"\([a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]*\)")


@pytest.fixture(scope="module")
def sample() -> list[dict]:
    return list(paragraphs(2000, 7))


@pytest.fixture(scope="module")
def report_sample() -> list[dict]:
    return list(reports(12, 11))


def check_spans(rec: dict) -> None:
    text = rec["text"]
    prev_end = 0
    for sp in rec["spans"]:
        assert sp["label"] in LABELS
        assert 0 <= sp["start"] < sp["end"] <= len(text)
        assert sp["start"] >= prev_end, f"overlapping or unsorted spans in {rec['id']}"
        prev_end = sp["end"]
        s = text[sp["start"]:sp["end"]]
        assert SPAN_RE.fullmatch(s), f"{rec['id']}: span {s!r} is not numeral+unit"
        # the whole numeral is inside: no digit right before the span
        assert sp["start"] == 0 or not DIGIT.match(text[sp["start"] - 1]), (rec["id"], s)
        assert sp["end"] == len(text) or not DIGIT.match(text[sp["end"]]) or not s[-1].isdigit(), (rec["id"], s)


def test_spans_exact_and_valid(sample: list[dict], report_sample: list[dict]) -> None:
    for rec in sample + report_sample:
        check_spans(rec)
        assert set(rec) >= {"id", "text", "spans", "frame", "report"}


def test_every_label_covered_and_no_frame_dominates(sample: list[dict]) -> None:
    labels = Counter(sp["label"] for r in sample for sp in r["spans"])
    for lab in LABELS:
        assert labels[lab] >= 100, f"{lab} only {labels[lab]} spans"
    primary = Counter(r["frame"] for r in sample)
    assert primary.most_common(1)[0][1] / len(sample) < 0.05
    contains = Counter(f for r in sample for f in set(r["frames"]))
    assert contains.most_common(1)[0][1] / len(sample) < 0.05
    assert len(contains) >= 0.9 * len(FRAMES)  # nearly every frame shows up in 2,000 paragraphs


def test_same_seed_same_bytes_different_seed_differs() -> None:
    a = [json.dumps(r, ensure_ascii=False) for r in paragraphs(300, 1)]
    b = [json.dumps(r, ensure_ascii=False) for r in paragraphs(300, 1)]
    c = [json.dumps(r, ensure_ascii=False) for r in paragraphs(300, 2)]
    assert a == b
    assert a != c
    assert [r["id"] for r in paragraphs(3, 5)] == ["synth-5-0", "synth-5-1", "synth-5-2"]
    ra = [r["text"] for r in reports(2, 4)]
    assert ra == [r["text"] for r in reports(2, 4)]


def _outside_spans(rec: dict, pattern: str) -> bool:
    """True when ``pattern`` occurs in the text and no span overlaps that occurrence."""
    hits = [m for m in re.finditer(pattern, rec["text"])]
    return any(all(not (sp["start"] < m.end() and m.start() < sp["end"]) for sp in rec["spans"]) for m in hits)


NEGATIVES = {
    "year": r"20[12][0-9]年",
    "date": r"[0-9]{1,2}月[0-9]{1,2}日",
    "phone": r"0[0-9]{3}-[0-9]{7,8}",
    "money": r"[0-9.]+(?:万元|元)",
    "article": r"第[二三四五]十[一二三四五六七八九]?条",
    "list marker": r"(?:^|[。；，,\n])(?:一是|二是|1、|\(一\))",
    "rules": r"[0-9一二三四五六七八九十]+(?:项|个|套)(?:制度|工作机制|管理办法|工作规范|制度规定|工作流程)",
    "other bodies": r"[0-9]+个(?:部门|科室|成员单位|直属单位|乡镇)",
    "cumulative": r"(?:历年累计|自平台开通以来|自网站开通以来)[^0-9]{0,12}[0-9]+",
    "same-fact part": r"含新制定[0-9]+",
    "applicant split": r"自然人申请[0-9]+",
    "carry-over": r"(?:上年结转|结转下年度(?:继续)?办理)[^0-9，。]{0,14}[0-9]+",
    "outcome": r"予以公开[0-9]+",
    "service matters": r"政务服务事项[0-9]+",
    "reading room": r"查阅[0-9]+",
    "copies": r"发放[^0-9，。]{0,6}[0-9]+",
    "share": r"占[^0-9，。]{0,10}[0-9.]+[%％]",
}


def test_negatives_present_and_untagged() -> None:
    recs = list(paragraphs(3000, 9, noise=NO_NOISE))
    for name, pat in NEGATIVES.items():
        found = [r for r in recs if re.search(pat, r["text"])]
        assert found, f"no {name} negative generated"
        assert all(_outside_spans(r, pat) for r in found), f"a {name} negative is inside a span"


def test_noise_rates(sample: list[dict]) -> None:
    cfg = NoiseConfig()
    by_report: dict[str, list[dict]] = {}
    for r in sample:
        by_report.setdefault(r["report"], []).append(r)
    texts = ["".join(x["text"] for x in rs) for rs in by_report.values()]
    n = len(texts)
    trad = sum(T2S.convert(t) != t for t in texts) / n
    assert abs(trad - cfg.p_trad) < 0.08
    junk = sum(bool(PINYIN_JUNK.search(t)) for t in texts) / n
    assert abs(junk - cfg.p_trad * cfg.p_junk_given_trad) < 0.07
    fullwidth = sum(bool(re.search("[０-９]", t)) for t in texts) / n
    assert abs(fullwidth - cfg.p_fullwidth) < 0.05
    spans = [r["text"][s["start"]:s["end"]] for r in sample for s in r["spans"]]
    gap = sum(" " in s or "\n" in s for s in spans) / len(spans)
    assert abs(gap - cfg.p_gap_space - cfg.p_gap_newline) < 0.03
    qjunk = sum("?" in r["text"] for r in sample) / len(sample)
    assert abs(qjunk - cfg.p_qjunk) < 0.03
    assert any(re.search(r"365体育投注|比分直播|欧洲杯决赛竞猜|澳门葡京|体育彩票开奖", t) for t in texts)
    assert any(re.search(r"\n(?:- \d+ -|\d+|— \d+ —|第\d+页)\n", r["text"]) for r in sample)
    assert any("\n" in r["text"] for r in sample)
    assert any(re.search(r"[一二三四五六七八九十两兩]+[件条條次场場期篇个個份]", s) for s in spans)
    assert any(re.search(r"万|萬", s) for s in spans) and any(re.search("[余餘多]", s) for s in spans)


def test_all_noise_on_keeps_spans_exact() -> None:
    loud = NoiseConfig(p_trad=1.0, p_junk_given_trad=1.0, p_toneless=0.5, p_fullwidth=0.5, p_pdf=0.5,
                       p_spam=1.0, p_spam_report=1.0, p_qjunk=1.0, p_wrap=1.0, p_page=1.0,
                       p_gap_space=0.5, p_gap_newline=0.3, p_space_around=0.5)
    recs = list(paragraphs(400, 3, noise=loud))
    for r in recs:
        check_spans(r)
        for sp in r["spans"]:
            s = r["text"][sp["start"]:sp["end"]]
            assert "(" not in s and "?" not in s
    assert all(T2S.convert(r["text"]) != r["text"] for r in recs if re.search("[\u4e00-\u9fff]{8}", r["text"]))
    assert any(re.search(r"\([a-z]+\)", r["text"]) for r in recs)  # toneless junk
    assert all(not PINYIN_JUNK.search(r["text"][s["start"]:s["end"]]) for r in recs for s in r["spans"])


def test_clean_text_has_no_noise() -> None:
    for r in paragraphs(300, 4, noise=NO_NOISE):
        assert "?" not in r["text"] and not re.search("[０-９]", r["text"])
        assert T2S.convert(r["text"]) == r["text"]


def test_holdout_frames_absent() -> None:
    held = ["DT01", "DT02", "AP03", "TR02", "NG05", "HR04"]
    recs = list(paragraphs(1500, 5, exclude_frames=held))
    assert not {f for r in recs for f in r["frames"]} & set(held)
    only = list(paragraphs(200, 5, only_frames=held))
    used = {f for r in only for f in r["frames"]}
    assert used <= set(held) and len(used) == len(held)
    with pytest.raises(KeyError):
        list(paragraphs(1, 1, exclude_frames=["XX99"]))
    assert len(frame_ids()) == len(set(frame_ids())) == len(FRAMES)


def test_reports_have_sections_tables_and_no_table_spans(report_sample: list[dict]) -> None:
    for r in report_sample:
        t = re.sub(r"\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)", "", r["text"])
        t = T2S.convert(re.sub(r"[\n? ]", "", re.sub(r"\n(?:- \d+ -|\d+|— \d+ —|第\d+页)\n", "", t)))
        for head in ("总体情况", "主动公开政府信息情况", "收到和处理政府信息公开申请情况", "行政复议",
                     "存在", "其他需要报告的事项", "第二十条第(一)项|", "本年新收政府信息公开申请数量"):
            assert head in t, (r["id"], head)
        lines = []
        pos = 0
        for line in r["text"].split("\n"):
            lines.append((pos, pos + len(line), " | " in line))
            pos += len(line) + 1
        table_lines = [(a, b) for a, b, is_table in lines if is_table]
        assert len(table_lines) > 30
        for sp in r["spans"]:
            assert not any(a <= sp["start"] < b for a, b in table_lines), "a span inside a table"
        assert {s["label"] for s in r["spans"]} >= {"DISCLOSED_TOTAL", "APPLICATIONS"} or len(r["spans"]) > 5


def test_cli(tmp_path) -> None:
    out = tmp_path / "x.jsonl"
    assert synth_main(["--n", "50", "--seed", "1", "--out", str(out), "--holdout-frames", "DT", "AP01,AP02"]) == 0
    recs = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(recs) == 50
    assert not any(f.startswith("DT") or f in ("AP01", "AP02") for r in recs for f in r["frames"])
    out2 = tmp_path / "r.jsonl"
    assert synth_main(["--n", "2", "--seed", "1", "--kind", "reports", "--out", str(out2)]) == 0
    assert len(out2.read_text(encoding="utf-8").splitlines()) == 2


@settings(max_examples=15, deadline=None)
@given(rates=st.lists(st.floats(min_value=0.0, max_value=1.0), min_size=13, max_size=13),
       seed=st.integers(min_value=0, max_value=10_000))
def test_spans_exact_under_any_noise_rates(rates: list[float], seed: int) -> None:
    cfg = NoiseConfig(*rates)
    for rec in paragraphs(40, seed, noise=cfg):
        check_spans(rec)
    for rec in reports(1, seed, noise=cfg):
        check_spans(rec)
