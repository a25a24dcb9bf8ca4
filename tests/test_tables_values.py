"""Unit tests of the rule layer's building blocks: cell values (formats.md §7.1), label matching (§7 R8,
§8.1), tokenisation (§7 R1–R7) and the checks' repair search. All texts are synthetic."""

from __future__ import annotations

import pytest

from ie.normalize import normalize
from ie.tables import parse_tables, table_template
from ie.tables import templates as T
from ie.tables.cells import tokenize
from ie.tables.values import parse_value


@pytest.mark.parametrize("raw,value,flag,unit", [
    ("18", 18, None, None),
    ("0", 0, None, None),
    ("30710", 30710, None, None),
    ("-14", -14, "signed", None),
    ("+1", 1, "signed", None),
    ("−14", -14, "signed", None),  # U+2212
    ("－14", -14, "signed", None),  # U+FF0D
    ("减少14", -14, "signed", None),
    ("增加1", 1, "signed", None),
    ("1170400元", 1170400, "unit_stripped", "元"),
    ("0.38万元", 0.38, "unit_stripped", "万元"),
    ("12件", 12, "unit_stripped", "件"),
    ("0.38", 0.38, None, None),
    ("1.5", 1.5, None, None),
    ("1,396", 1396, "thousands_sep", None),
    ("１８", 18, "fullwidth", None),
    ("本单位无制发规章职能", None, "not_applicable", None),
    ("无", None, "not_applicable", None),
    ("不涉及", None, "not_applicable", None),
    ("/", None, "not_applicable", None),
    ("-", None, "dash", None),
    ("—", None, "dash", None),
    ("——", None, "dash", None),
    ("", None, "blank", None),
    ("?", None, "blank", None),
    ("&nbsp;", None, "blank", None),
])
def test_parse_value(raw, value, flag, unit):
    pv = parse_value(raw)
    assert pv.value == value and type(pv.value) is type(value)
    assert pv.flag == flag
    assert pv.unit == unit
    assert pv.kind == ("number" if value is not None else "null")


@pytest.mark.parametrize("label", ["(四)无法提供", "4.无正当理由大量反复申请", "本年新", "上一年项目数量(指2019年事项数)",
                                   "本年增/减(指2020年增加或减少的事项数,减用负值表示,如-8)", "1.属于国家秘密"])
def test_labels_are_text_never_values(label):
    assert parse_value(label).kind == "text"


def _match(version: str, text: str) -> str | None:
    m = T.APP_LABELS[version].match(text)
    return m.spec.key if m and m.spec.kind == "row" else None


def test_label_matching_tolerance():
    assert _match("v2019", "2.其他法律行政止公开") == "denied_prohibited_by_law"  # typo of the real PDFs
    assert _match("v2019", "3.危及三安全一稳定") == "denied_security_stability"  # quotes missing
    assert _match("v2019", '3.危及"三安全一稳定"') == "denied_security_stability"
    assert _match("v2019", "(二)部分公开 (区分处理的,只计这一情形,不计其他情形)") == "partially_granted"
    assert _match("v2019", "( 二 ) 部分公开(区分处理的,只计这一情 形,不") == "partially_granted"  # cut off
    assert _match("v2019", "4.无正当理由大量反复 申请") == "not_processed_excessive"
    assert _match("v2021", "1.申请人无正当理由逾期不补正,行政机关不再处理其政府信息公开申请") == (
        "other_no_correction_overdue")
    assert _match("v2021", "3.其他") == "other_other"
    assert _match("v2021", "其他") is None  # the column header, not the row
    assert _match("v2019", "(七)总计") == "total_processed"
    assert _match("v2019", "总计") is None
    t1 = T.T1_LABELS["v2019"]
    assert t1.match("规范性档案").spec.key == "art20_1.normative_documents"  # Taiwan-phrase alias
    assert t1.match("规章(设区的市、自治州人民政府应提供相关数据)").spec.key == "art20_1.regulations"
    assert T.T1_LABELS["v2021"].match("行政规范性文件").spec.key == "art20_1.normative_documents"


def test_tokenize_r1_pads_and_blanks():
    text = "规章 |\n|\n|\n|\n||\n行政许可 |\n76 |\n|\n"
    lines, mode = tokenize(text, 0, len(text))
    assert mode == "trailing"
    kinds = [("pad" if ln.pad else [c.text for c in ln.cells]) for ln in lines]
    assert kinds == [["规章"], [""], [""], [""], "pad", ["行政许可"], ["76"], [""]]


def test_tokenize_markdown_and_leading_wrapped():
    md = "| 信息内容 | 本年制发件数 |\n|---|---|\n| 规章 | 3 |\n| 行政许可 |  |\n"
    lines, mode = tokenize(md, 0, len(md))
    assert mode == "leading"
    assert [[c.text for c in ln.cells] for ln in lines] == [["信息内容", "本年制发件数"], ["规章", "3"], ["行政许可", ""]]
    r7 = "| 指 标 名 称\n| 计量\n单位\n| 代码\n"
    lines, mode = tokenize(r7, 0, len(r7))
    assert [c.text for ln in lines for c in ln.cells] == ["指 标 名 称", "计量\n单位", "代码"]


def _synthetic_v2019(total_processed_col1: str = "3") -> str:
    """A small synthetic R2 report (template labels and made-up numbers only)."""
    rows = [("一、本年新收政府信息公开申请数量", "3"), ("二、上年结转政府信息公开申请数量", "0"),
            ("三、本年度办理结果 | (一)予以公开", "2"), ("(二)部分公开(区分处理的,只计这一情形,不计其他情形)", "1")]
    rows += [(f"{o}{lab}", "0") for k, o, lab in T.APP_ROWS["v2019"][4:-2]]
    rows += [("(七)总计", total_processed_col1), ("四、结转下年度继续办理", "0")]
    lines = ["二、主动公开政府信息情况", "第二十条第(一)项 | ||||", "信息内容 | 本年新制作数量 | 本年新公开数量 | 对外公开总数量 | |",
             "规章 | 本机关无此职能 | - |  | |", "三、收到和处理政府信息公开申请情况"]
    for label, v in rows:
        total = v if not label.startswith("(七)") else "3"
        lines.append(f"{label} | {v} | 0 | 0 | 0 | 0 | 0 | {total} | ||")
    lines += ["四、政府信息公开行政复议、行政诉讼情况", "行政复议 | 行政诉讼 | ||||||||||||",
              " | ".join(["0"] * 15) + " |", "五、存在的主要问题及改进情况", "无。"]
    return "\n".join(lines) + "\n"


def test_nulls_are_never_zero_and_offsets_point_at_raw():
    norm = normalize(_synthetic_v2019())
    tables, checks, _ = parse_tables(norm, [])
    c = tables["proactive_disclosure"]["cells"]
    assert c["art20_1.regulations.new_made"]["value"] is None
    assert c["art20_1.regulations.new_made"]["flag"] == "not_applicable"
    assert c["art20_1.regulations.new_published"]["flag"] == "dash"
    assert c["art20_1.regulations.total_published"]["flag"] == "blank"
    for t in tables.values():
        for cell in t["cells"].values():
            assert norm.original[cell["start"]:cell["end"]] == cell["raw"]
            assert 0.0 <= cell["confidence"] <= 1.0
    assert tables["applications"]["status"] == "parsed"
    assert all(ch["status"] in ("pass", "skipped") for ch in checks if ch["id"].startswith("T2"))


def test_single_slip_gets_a_suspect_and_lower_confidence():
    norm = normalize(_synthetic_v2019(total_processed_col1="30"))
    tables, checks, _ = parse_tables(norm, [])
    failing = [ch for ch in checks if ch["status"] == "fail"]
    assert {(ch["id"], ch["scope"]) for ch in failing} == {("T2-R1", "total_processed"),
                                                           ("T2-R2", "natural_person"),
                                                           ("T2-R3", "natural_person")}
    for ch in failing:
        assert ch["suspect"] == {"cell": "applications.total_processed.natural_person", "value": 30, "expected": 3}
    cell = tables["applications"]["cells"]["total_processed.natural_person"]
    assert cell["value"] == 30  # never changed
    assert cell["confidence"] < 0.3
    assert tables["applications"]["cells"]["granted.total"]["confidence"] > 0.9


def test_table_template_mixed():
    tables = {"proactive_disclosure": {"status": "parsed", "template": "v2021", "cells": {}},
              "applications": {"status": "parsed", "template": "v2019", "cells": {}},
              "review_litigation": {"status": "parsed", "cells": {}},
              "statistics_pre2019": {"status": "missing", "cells": {}}}
    assert table_template(tables) == "mixed"
    tables["applications"]["template"] = "v2021"
    assert table_template(tables) == "v2021"


def _pdf_like(first_row: str, t3_row: str) -> str:
    """Synthetic PDF-text (R5) report: space separated, no pipes."""
    lines = ["二、主动公开政府信息情况", "第二十条第(一)项", "信息内容 本年制发件数 本年废止件数 现行有效件数", "规章 0 0 0",
             "三、收到和处理政府信息公开申请情况", "申请人情况", first_row]
    for key, o, lab in T.APP_ROWS["v2019"][1:]:
        v = "10" if key == "total_processed" else ("-10" if False else "0")
        lines.append(f"{o}{lab} {v} 0 0 0 0 0 {v}" if key != "granted" else f"{o}{lab} 10 0 0 0 0 0 10")
    lines += ["四、政府信息公开行政复议、行政诉讼情况", "行政复议 行政诉讼", t3_row, "五、存在的主要问题及改进情况", "无。"]
    return "\n".join(lines) + "\n"


def test_split_number_is_named_as_a_merge_suspect():
    # `10` split into `1 0`: eight numbers for seven columns; values stay as read (by position)
    text = _pdf_like("一、本年新收政府信息公开申请数量 1 0 0 0 0 0 0 10",
                     "1 0 0 0 1 0 0 0 0 0 0 0 1 0 1")
    tables, checks, warnings = parse_tables(normalize(text, pdf=True), [])
    cells = tables["applications"]["cells"]
    assert [cells[f"new_received.{c}"]["value"] for c, _ in T.APP_COLUMNS] == [1, 0, 0, 0, 0, 0, 0]
    r1 = next(c for c in checks if (c["id"], c["scope"]) == ("T2-R1", "new_received"))
    assert r1["status"] == "fail"
    assert r1["suspect"] == {"cell": "applications.new_received.natural_person", "value": 1, "expected": 10,
                             "merge_with": "applications.new_received.commercial_enterprise"}
    assert cells["new_received.natural_person"]["confidence"] < 0.3
    assert any("8 values for 7 columns" in w for w in warnings)


def test_t3_split_number():
    text = _pdf_like("一、本年新收政府信息公开申请数量 10 0 0 0 0 0 10",
                     "1 0 0 0 0 10 0 0 0 0 0 0 0 0 0 0")  # 复议 `10 0 0 0 10` with 10 split: 16 numbers
    tables, checks, warnings = parse_tables(normalize(text, pdf=True), [])
    r1 = next(c for c in checks if c["id"] == "T3-R1")
    assert r1["status"] == "fail"
    assert r1["suspect"]["cell"] == "review_litigation.review_upheld"
    assert r1["suspect"]["expected"] == 10


def test_subtotal_column_is_recognised_and_checked():
    lines = ["三、收到和处理政府信息公开申请情况", "(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和) | 申请人情况",
             "自然人 | 法人或其他组织 | 总计", "小计 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他"]
    for key, o, lab in T.APP_ROWS["v2019"]:
        v = {"new_received": (4, 2), "granted": (3, 2), "total_processed": (4, 2), "carried_forward_out": (0, 0),
             "partially_granted": (1, 0)}.get(key, (0, 0))
        row = [v[0], v[1], v[1], 0, 0, 0, 0, v[0] + v[1]]
        lines.append(f"{o}{lab} | " + " | ".join(map(str, row)))
    lines += ["四、政府信息公开行政复议、行政诉讼情况", " | ".join(["0"] * 15), "五、存在的主要问题及改进情况"]
    tables, checks, warnings = parse_tables(normalize("\n".join(lines) + "\n"), [])
    cells = tables["applications"]["cells"]
    assert [cells[f"new_received.{c}"]["value"] for c, _ in T.APP_COLUMNS] == [4, 2, 0, 0, 0, 0, 6]
    assert cells["new_received.org_subtotal"]["value"] == 2
    r5 = [c for c in checks if c["id"] == "T2-R5"]
    assert len(r5) == len(T.APP_ROWS["v2019"]) and all(c["status"] == "pass" for c in r5)
    assert all(c["status"] == "pass" for c in checks if c["id"].startswith("T2"))


def test_corrupted_cell_is_null_with_flag():
    from ie.normalize import Normalized

    text = _synthetic_v2019()
    pos = text.index("一、本年新收政府信息公开申请数量 | ") + len("一、本年新收政府信息公开申请数量 | ")
    base = normalize(text)
    assert base.text == text
    norm = Normalized(text, text, list(range(len(text))), list(range(1, len(text) + 1)), [(pos, pos + 1)])
    tables, checks, _ = parse_tables(norm, [])
    cell = tables["applications"]["cells"]["new_received.natural_person"]
    assert (cell["value"], cell["flag"]) == (None, "corrupted")
    assert cell["confidence"] <= 0.5
    r1 = next(c for c in checks if (c["id"], c["scope"]) == ("T2-R1", "new_received"))
    assert r1["status"] == "incomplete"


@pytest.mark.parametrize("style", ["R1", "R2"])
def test_label_cell_wrapped_over_two_lines(style):
    label = ("(二)部分公开(区分处理的,只计这一情形,", "不计其他情形)")
    values = ["5", "0", "0", "0", "0", "0", "5"]
    if style == "R1":
        row = [label[0], label[1] + " |"] + [f"{v} |" for v in values] + ["||"]
    else:
        row = [label[0], label[1] + " | " + " | ".join(values) + " | ||"]
    text = _synthetic_v2019().replace(
        "(二)部分公开(区分处理的,只计这一情形,不计其他情形) | 1 | 0 | 0 | 0 | 0 | 0 | 1 | ||", "\n".join(row))
    if style == "R1":  # the rest of the table in R1 too
        lines = []
        for ln in text.split("\n"):
            if " | " in ln and ("、" in ln[:3] or ln[:1] in "(123456789"):
                cells = [c.strip() for c in ln.split("|") if c.strip()]
                lines += [f"{c} |" for c in cells] + ["||"]
            else:
                lines.append(ln)
        text = "\n".join(lines)
    tables, checks, _ = parse_tables(normalize(text), [])
    cells = tables["applications"]["cells"]
    assert [cells[f"partially_granted.{c}"]["value"] for c, _ in T.APP_COLUMNS] == [5, 0, 0, 0, 0, 0, 5]
    assert cells["granted.natural_person"]["value"] == 2


def test_narrative_mentions_are_not_tables():
    text = ("一、总体情况\n本年新收政府信息公开申请3件,均已按时答复。未发生行政复议和行政诉讼。\n"
            "二、存在的主要问题及改进情况\n无。\n")
    tables, checks, warnings = parse_tables(normalize(text), [])
    assert {k: t["status"] for k, t in tables.items()} == dict.fromkeys(tables, "missing")
    assert all(c["status"] == "skipped" for c in checks)
