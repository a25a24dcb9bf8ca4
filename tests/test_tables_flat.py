"""Tables flattened onto one line with their cells run together (one public archive's crawl of report pages)."""

from __future__ import annotations

import random

import pytest
from helpers.table_render import random_report, render

from ie.normalize import normalize
from ie.sections import split_sections
from ie.tables import parse_tables
from ie.tables.flat import split_cells, unflatten


def _t2(v: list[int]) -> bool:
    return v[-1] == sum(v[:-1])


@pytest.mark.parametrize("run,ncol,check,want", [
    ("8 0 0 0 0 0 8", 7, _t2, ["8", "0", "0", "0", "0", "0", "8"]),  # spaced: as printed
    ("3000003", 7, _t2, ["3", "0", "0", "0", "0", "0", "3"]),  # one digit a cell
    ("713000074", 7, _t2, ["71", "3", "0", "0", "0", "0", "74"]),  # the only split whose sum holds
    ("10 0 0 0 01", 7, _t2, ["1", "0", "0", "0", "0", "0", "1"]),  # spaces are certain boundaries
    ("000", 3, None, ["0", "0", "0"]),
    ("1215", 3, None, None),  # no arithmetic to choose among 1|2|15, 1|21|5, 12|1|5
    ("123", 2, lambda v: True, None),  # two readings: none is taken
    ("1111112", 7, _t2, None),  # one digit a cell, but the sum fails: not read
])
def test_split_cells(run, ncol, check, want):
    assert split_cells(run, ncol, check) == want


def test_flattened_real_shape():
    # the shape of the crawled pages (made-up numbers): one line, labels and digits glued
    text = ("2022年青山县公安局政府信息公开工作年度报告 一、总体情况 本年度依法公开。 二、主动公开政府信息情况 "
            "第二十条第(一)项信息内容本年制发件数本年废止件数现行有效件数规章000行政规范性文件005"
            "第二十条第(五)项信息内容本年处理决定数量行政许可52第二十条第(六)项信息内容本年处理决定数量行政处罚19"
            "行政强制7第二十条第(八)项信息内容本年收费金额(单位:万元)行政事业性收费9116.36 "
            "三、收到和处理政府信息公开申请情况 申请人情况 自然人 法人或其他组织 总计 "
            "一、本年新收政府信息公开申请数量713000074二、上年结转政府信息公开申请数量 1000001"
            "三、本年度办理结果 (一)予以公开 210000021(二)部分公开(区分处理的,只计这一情形,不计其他情形) 8100009"
            "(三)不予公开 1.属于国家秘密00000002.其他法律行政法规禁止公开 0000000(七)总计 723000075"
            "四、结转下年度继续办理 0000000 四、政府信息公开行政复议、行政诉讼情况 行政复议 行政诉讼 结果维持结果纠正"
            "其他结果尚未审结总计 未经复议直接起诉 复议后起诉 结果维持结果纠正其他结果尚未审结总计结果维持结果纠正其他结果"
            "尚未审结总计 0 1 1 0 2 1 0 0 0 1 0 0 0 0 0 五、存在的主要问题及改进情况 无。\n")
    norm = normalize(text)
    tables, _, warnings = parse_tables(norm, split_sections(norm.text))
    t1, t2, t3 = (tables[k]["cells"] for k in ("proactive_disclosure", "applications", "review_litigation"))
    assert t1["art20_1.normative_documents.in_force"]["value"] == 5
    assert t1["art20_5.administrative_licensing.decisions"]["value"] == 52
    assert t1["art20_6.administrative_coercion.decisions"]["value"] == 7
    assert t1["art20_8.administrative_fees.fee_amount_wan_yuan"]["value"] == 9116.36
    assert t2["new_received.natural_person"]["value"] == 71 and t2["new_received.total"]["value"] == 74
    assert t2["carried_over_in.total"]["value"] == 1
    assert t2["partially_granted.natural_person"]["value"] == 8
    assert t2["total_processed.total"]["value"] == 75
    assert t3["review_total"]["value"] == 2 and t3["litigation_direct_total"]["value"] == 1
    # a cut the sums chose is less sure than a digit per cell
    assert t2["new_received.total"]["confidence"] < t2["carried_over_in.total"]["confidence"]
    for t in tables.values():
        for c in t["cells"].values():
            if not c.get("derived"):
                assert norm.original[c["start"]:c["end"]] == c["raw"]
    assert any("one line" in w for w in warnings)


def test_flattened_pre2019_table_with_two_glued_columns():
    """A 统计表 printed with no space anywhere (made-up figures in the crawl's shape): this year's and all
    years' values glued (``206912106``), the next row's ordinal glued after them (``…121062.政府公报``). A cut
    is taken only when one reading fits: the first at most the second, a numbered part at most its whole,
    else the figure the prose states about the row's fact; otherwise the cell stays null."""
    text = ("青河县人民政府2016年政府信息公开工作年度报告\n"
            "2016年全县主动公开政府信息2069条，其中民生类信息21条。全年未收到政府信息公开申请，"
            "未发生行政复议和行政诉讼，未收取信息处理费。"
            "附件：政府信息公开情况统计表指标名称计量单位2016年度历年累计主动公开文件数条206912106"
            "其中：1.政府网站公开数条2069121062.政府公报公开数条07受理依申请公开信息总数条00"
            "其中：1.当面申请数条002.网上申请数条00对申请的答复总数条1215行政复议数件00行政诉讼数件01。"
            "另处理信息公开投诉件3件。\n")
    norm = normalize(text)
    tables, _, _ = parse_tables(norm, split_sections(norm.text))
    pre = tables["statistics_pre2019"]
    cells = pre["cells"]
    assert pre["status"] == "parsed"
    assert cells["proactive_total"]["value"] == 2069  # 2069 | 12106: 20 | 6912106 and 206 | 912106 fit too
    assert cells["channel_website"]["value"] == 2069  # the trailing 2 is the next row's ordinal
    assert cells["channel_gazette"]["value"] == 0 and cells["requests_received"]["value"] == 0
    assert cells["admin_review_total"]["value"] == 0 and cells["litigation_total"]["value"] == 0
    assert not any("投诉" in k for k in cells)  # the prose after the table is no row
    answered = next(c for k, c in cells.items() if "答复总数" in k)
    assert answered["value"] is None and answered["flag"] == "corrupted"  # 1 | 215 or 12 | 15: not guessed
    for c in cells.values():
        if c.get("value") is not None:
            assert norm.original[c["start"]:c["end"]] == str(c["value"])


@pytest.mark.parametrize("seed", range(12))
def test_flattened_tables_never_give_a_wrong_number(seed):
    rng = random.Random(seed)
    t1 = rng.choice(["v2019", "v2021"])
    report = random_report(rng, t1, rng.choice(["v2019", "v2021"]), blank_ok=False)
    text = render(report, "RF")
    norm = normalize(text)
    tables, _, _ = parse_tables(norm, split_sections(norm.text))
    read = 0
    for key, expected in report.expected.items():
        cells = tables[key]["cells"]
        for ckey, (want, _) in expected.items():
            got = cells.get(ckey)
            if got is None or got["value"] is None:
                assert got is None or got.get("flag") in ("corrupted", "blank"), (key, ckey, got)
                continue
            assert got["value"] == want, (key, ckey, got, want)
            if not got.get("derived"):
                assert norm.original[got["start"]:got["end"]] == got["raw"]
            read += 1
    assert read > 0


def test_flattened_table_rows_are_not_prose():
    from ie.extract import _without
    from ie.tables import unflatten

    text = ("2022年青山县公安局政府信息公开工作年度报告 一、总体情况 本年度主动公开信息12条。 "
            "三、收到和处理政府信息公开申请情况 申请人情况 自然人 法人或其他组织 总计 "
            "一、本年新收政府信息公开申请数量713000074二、上年结转政府信息公开申请数量 1000001"
            "三、本年度办理结果 (一)予以公开 210000021(二)部分公开(区分处理的,只计这一情形,不计其他情形) 8100009"
            "(七)总计 723000075四、结转下年度继续办理 0000000 五、存在的主要问题及改进情况 无。\n")
    norm = normalize(text)
    flat = unflatten(norm)
    kept = "".join(norm.text[s:e] for s, e in _without([(0, len(norm.text))], flat.tables))
    assert "主动公开信息12条" in kept
    assert "713000074" not in kept and "723000075" not in kept


def test_prose_naming_the_rows_is_not_a_flattened_table():
    text = ("三、收到和处理政府信息公开申请情况 2022年,本机关本年新收政府信息公开申请15件,上年结转政府信息公开申请2件。"
            "本年度办理结果中,予以公开10件,部分公开3件,不予公开中属于国家秘密0件,其他法律行政法规禁止公开1件,"
            "本机关不掌握相关政府信息2件,重复申请1件,结转下年度继续办理0件。全部在法定期限内答复,今后我们将进一步加强培训。")
    assert unflatten(normalize(text)) is None
