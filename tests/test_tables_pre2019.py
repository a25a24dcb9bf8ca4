"""Pre-2019 统计表 (formats.md §5) in several renderings, from a synthetic table built from the template's
row labels (no real report text): known rows go to their keys, unknown rows to `extra.<label>`, group rows
are not cells, and the P- checks run."""

from __future__ import annotations

import pytest

from ie.normalize import normalize
from ie.tables import parse_tables

# (label, unit, value); value None = a group row (`? | ?`)
ROWS = [
    ("一、主动公开情况", None, None),
    ("(一)主动公开政府信息数 (不同渠道和方式公开相同信息计1条)", "条", 120),
    ("其中:主动公开规范性文件数", "条", 3),
    ("制发规范性文件总数", "件", 4),
    ("(二)通过不同渠道和方式公开政府信息的情况", None, None),
    ("1.政府公报公开政府信息数", "条", 10),
    ("2.政府网站公开政府信息数", "条", 100),
    ("3.政务微博公开政府信息数", "条", 20),
    ("4.政务微信公开政府信息数", "条", 0),
    ("5.其他方式公开政府信息数", "条", 5),
    ("三、依申请公开情况", None, None),
    ("(一)收到申请数", "件", 7),
    ("1.当面申请数", "件", 2),
    ("2.传真申请数", "件", 0),
    ("3.网络申请数", "件", 4),
    ("4.信函申请数", "件", 1),
    ("四、行政复议数量", "件", 1),
    ("(一)维持具体行政行为数", "件", 1),
    ("(二)被依法纠错数", "件", 0),
    ("(三)其他情形数", "件", 0),
    ("七、依申请公开信息收取的费用", "万元", 0.5),
    ("八、机构建设和保障经费情况", None, None),
    ("(三)从事政府信息公开工作人员数", "人", 3),
    ("1.专职人员数(不包括政府公报及政府网站工作人员数)", "人", 1),
    ("2.兼职人员数", "人", 2),
    ("(五)自定义统计项目", "个", 9),
]
EXPECTED = {"proactive_total": 120, "proactive_normative_docs": 3, "normative_docs_issued": 4,
            "channel_gazette": 10, "channel_website": 100, "channel_weibo": 20, "channel_wechat": 0,
            "channel_other": 5, "requests_received": 7, "requests_in_person": 2, "requests_fax": 0,
            "requests_online": 4, "requests_letter": 1, "admin_review_total": 1, "review_upheld": 1,
            "review_corrected": 0, "review_other": 0, "fees_collected": 0.5, "staff_total": 3, "staff_fulltime": 1,
            "staff_parttime": 2, "extra.自定义统计项目": 9}


def _render(style: str) -> str:
    head = ["附:本机关2016年度政府信息公开统计表"]
    if style == "R2i":  # a column-index row under the header (甲 乙 1)
        body = ["统 计 指 标 | 单位 | 统计数 |", "甲 | 乙 | 1 |"] + [
            f"{lab} | {'' if u is None else u} | {'' if v is None else v} |" for lab, u, v in ROWS]
    elif style == "R2s":  # a leading 序号 column
        body = ["序号 | 统 计 指 标 | 单位 | 统计数 |"] + [
            f"{k + 1} | {lab} | {'' if u is None else u} | {'' if v is None else v} |" for k, (lab, u, v) in enumerate(ROWS)]
    elif style == "R1i":  # one cell per line, a column-index row under the header
        body = ["统 计 指 标 |", "单位 |", "统计数 |", "甲 |", "乙 |", "1 |"]
        for lab, u, v in ROWS:
            body += [f"{lab} |", f"{'' if u is None else u} |".strip(), f"{'' if v is None else v} |".strip()]
    elif style == "R1s":  # one cell per line with a leading 序号 column
        body = ["序号 |", "统 计 指 标 |", "单位 |", "统计数 |"]
        for k, (lab, u, v) in enumerate(ROWS):
            body += [f"{k + 1} |", f"{lab} |", f"{'' if u is None else u} |".strip(), f"{'' if v is None else v} |".strip()]
    elif style == "R2":
        body = ["统 计 指 标 | 单位 | 统计数 |"] + [
            f"{lab} | {'?' if u is None else u} | {'?' if v is None else v} |" for lab, u, v in ROWS]
    elif style == "R1":
        body = ["统 计 指 标 |", "单位 |", "统计数 |"]
        for lab, u, v in ROWS:
            body += [f"{lab} |", f"{'' if u is None else u} |".strip(), f"{'' if v is None else v} |".strip()]
    elif style == "R7":  # leading pipes, wrapped cells, a 代码 column
        body = ["指 标 名 称", "| 计量", "单位", "| 代码", "| 统计数"]
        for k, (lab, u, v) in enumerate(ROWS):
            if v is None:
                body += [f"| {lab}", "| ?", "| ?", "| ?"]
            else:
                body += [f"| {lab[:9]}"] + ([lab[9:]] if lab[9:] else []) + [f"| {u}", f"| {k + 1}", f"| {v}"]
    else:  # R5: PDF text, group rows have no numbers
        body = ["统计指标 单位 统计数"] + [lab if v is None else f"{lab} {u} {v}" for lab, u, v in ROWS]
    return "\n".join(["一、概述", "本机关依法做好政府信息公开工作。"] + head + body) + "\n"


@pytest.mark.parametrize("style", ["R1", "R2", "R5", "R7", "R2i", "R1i", "R2s", "R1s"])
def test_pre2019_table(style):
    norm = normalize(_render(style))
    tables, checks, _ = parse_tables(norm, [])
    st = tables["statistics_pre2019"]
    assert (st["status"], st["template"]) == ("parsed", "pre2019")
    assert {k: c["value"] for k, c in st["cells"].items()} == EXPECTED
    assert st["cells"]["fees_collected"]["unit"] == "万元"
    for key in ("proactive_disclosure", "applications", "review_litigation"):
        assert tables[key]["status"] == "missing"
    status = {c["id"]: c["status"] for c in checks if c["id"].startswith("P-")}
    assert status["P-R1"] == "pass" and status["P-R5"] == "pass" and status["P-R7"] == "pass"
    assert status["P-R8"] == "pass"  # Σ channels (135) ≥ proactive_total (120)
    assert status["P-R2"] == "skipped"  # rows not in this table


def test_unreadable_statistics_table_still_names_its_template():
    from ie.tables import table_template

    text = "一、概述\n无。\n附:本机关2016年度政府信息公开统计表\n统计指标单位统计数一、主动公开情况(一)主动公开政府信息数条120\n"
    norm = normalize(text)
    tables, _, _ = parse_tables(norm, [])
    st = tables["statistics_pre2019"]
    assert st["status"] == "unreadable" and st["cells"] == {}
    assert table_template(tables) == "pre2019"
