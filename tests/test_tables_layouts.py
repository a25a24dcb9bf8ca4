"""Table layouts and cut-offs seen on real report pages, written here as synthetic tables."""

from __future__ import annotations

import random

import pytest
from helpers.table_render import random_report, render

from ie.normalize import normalize
from ie.sections import split_sections
from ie.tables import parse_tables, table_template

# the title and header rows of table 2 as PDF text prints them
T2_HEAD = ("三、收到和处理政府信息公开申请情况\n(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和) 申请人情况\n"
           "自然人 法人或其他组织 总计\n商业企业 科研机构 社会公益组织 法律服务机构 其他\n")


def _parse(text: str) -> dict:
    norm = normalize(text)
    tables, _, _ = parse_tables(norm, split_sections(norm.text))
    return tables


def _values(table: dict) -> dict:
    return {k: c["value"] for k, c in table["cells"].items()}


def test_article_20_title_with_a_space():
    report = random_report(random.Random(7), "v2019", "v2019", blank_ok=False)
    text = render(report, "R5").replace("第二十条第", "第二十条 第")
    tables = _parse(text)
    want = {k: v for k, (v, _) in report.expected["proactive_disclosure"].items()}
    assert tables["proactive_disclosure"]["status"] == "parsed"
    assert _values(tables["proactive_disclosure"]) == want


def test_truncated_applications_table_has_no_template():
    # a page cut off after the 不予公开 rows: nothing tells v2019 from v2021
    report = random_report(random.Random(3), "v2021", "v2021", blank_ok=False)
    text = render(report, "R5")
    cut_from = text.index("(四)无法提供")
    text = text[:cut_from] + text[text.index("四、政府信息公开行政复议"):]
    tables = _parse(text)
    apps = tables["applications"]
    assert apps["template"] is None
    assert apps["cells"]["new_received.total"]["value"] == report.expected["applications"]["new_received.total"][0]
    assert table_template(tables) == "v2021"  # the 第二十条 table alone decides; not "mixed"


def test_blank_line_cells_keep_their_column():
    # one cell per line, an empty cell is an empty line: a lone total must not land in the first column
    text = ("三、收到和处理政府信息公开申请情况\n(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和)\n"
            "申请人情况\n自然人\n法人或其他组织\n总计\n商业企业\n科研机构\n社会公益组织\n法律服务机构\n其他\n"
            "一、本年新收政府信息公开申请数量\n3\n\n\n\n\n\n3\n"
            "二、上年结转政府信息公开申请数量\n\n\n\n\n\n\n\n"
            "三、本年度办理结果\n(一)予以公开\n\n\n\n\n\n\n\n"
            "四、结转下年度继续办理\n\n\n\n\n\n\n\n"
            "五、存在的主要问题及改进情况\n无。\n")
    apps = _parse(text)["applications"]
    cells = apps["cells"]
    assert cells["new_received.natural_person"]["value"] == 3
    assert cells["new_received.total"]["value"] == 3
    assert cells["new_received.commercial_enterprise"]["value"] is None
    assert cells["carried_over_in.total"]["value"] is None  # blank, not 0


def test_paragraph_cells_with_separating_blank_lines_are_not_blank_cells():
    report = random_report(random.Random(11), "v2019", "v2019", blank_ok=False)
    tables = _parse(render(report, "RP"))
    want = {k: v for k, (v, _) in report.expected["applications"].items()}
    assert _values(tables["applications"]) == want


def _strip_numbers(text: str) -> str:
    """Drop the trailing numeric tokens of every line (and lines of numbers only)."""
    out = []
    for ln in text.split("\n"):
        toks = ln.split()
        while toks and toks[-1].lstrip("-").replace(".", "", 1).isdigit():
            toks.pop()
        if toks or not ln.strip():
            out.append(" ".join(toks))
    return "\n".join(out)


def test_tables_with_labels_only_are_empty_not_unreadable():
    # a township with nothing to report: PDF text prints the labels, blank cells leave no trace
    report = random_report(random.Random(5), "v2021", "v2021", blank_ok=False)
    text = _strip_numbers(render(report, "R5"))
    tables = _parse(text)
    for key in ("proactive_disclosure", "applications", "review_litigation"):
        t = tables[key]
        assert t["status"] == "empty", key
        assert t["cells"] and all(c["value"] is None and c["flag"] == "blank" for c in t["cells"].values())
    assert "new_received.total" in tables["applications"]["cells"]


def test_a_page_with_table_3_alone():
    report = random_report(random.Random(9), "v2019", "v2019", blank_ok=False)
    text = render(report, "R5")
    body = text[text.index("四、政府信息公开行政复议"):]
    tables = _parse("本机关2022年政府信息公开工作年度报告(续)\n" + body)
    want = {k: v for k, (v, _) in report.expected["review_litigation"].items()}
    assert tables["review_litigation"]["status"] == "parsed"
    assert _values(tables["review_litigation"]) == want


def test_prose_about_review_is_not_table_3():
    tables = _parse("一、总体情况\n本年度未发生因政府信息公开引起的行政复议、行政诉讼案件。\n五、存在的主要问题及改进情况\n无。\n")
    assert tables["review_litigation"]["status"] == "missing"


def test_short_row_whose_last_value_is_the_sum_puts_it_in_the_total():
    text = (T2_HEAD +
            "一、本年新收政府信息公开申请数量 2 1 3\n二、上年结转政府信息公开申请数量 0 0 0 0 0 0 0\n"
            "四、结转下年度继续办理 0 0 0 0 0 0 0\n五、存在的主要问题及改进情况\n无。\n")
    cells = _parse(text)["applications"]["cells"]
    assert cells["new_received.total"]["value"] == 3
    assert cells["new_received.natural_person"]["value"] == 2
    assert cells["new_received.commercial_enterprise"]["value"] == 1
    assert cells["new_received.research_institution"]["value"] is None


def test_a_row_the_template_lacks_is_kept_in_cell_style_too():
    report = random_report(random.Random(1), "v2021", "v2021", blank_ok=False)
    for rendering, row in (("R1", "地方性法规 |\n3 |\n1 |\n12 |\n"), ("R5", "地方性法规 3 1 12\n")):
        text = render(report, rendering)
        at = text.index("第二十条第(五)项")
        tables = _parse(text[:at] + row + text[at:])
        cells = _values(tables["proactive_disclosure"])
        assert [cells.get(f"extra.地方性法规.{i}") for i in (1, 2, 3)] == [3, 1, 12], rendering
        want = {k: v for k, (v, _) in report.expected["proactive_disclosure"].items()}
        assert {k: v for k, v in cells.items() if not k.startswith("extra.")} == want


def test_all_zero_short_row_follows_its_neighbours():
    # a site that leaves blank cells out: 3 3 is natural person + total, so 0 0 is too
    text = (T2_HEAD +
            "一、本年新收政府信息公开申请数量 3 3\n二、上年结转政府信息公开申请数量 0 0\n"
            "五、存在的主要问题及改进情况\n无。\n")
    cells = _parse(text)["applications"]["cells"]
    assert cells["new_received.total"]["value"] == 3
    assert cells["carried_over_in.total"]["value"] == 0
    assert cells["carried_over_in.commercial_enterprise"]["value"] is None


def test_a_page_that_starts_with_the_last_row_of_table_2():
    text = ("四、结转下年度继续办理 0 0 0 0 0 0 0\n四、政府信息公开行政复议、行政诉讼情况\n行政复议 行政诉讼\n"
            "结果维持 结果纠正 其他结果 尚未审结 总计 未经复议直接起诉 复议后起诉\n"
            "结果维持 结果纠正 其他结果 尚未审结 总计 结果维持 结果纠正 其他结果 尚未审结 总计\n"
            + " ".join(["0"] * 15) + "\n五、存在的主要问题及改进情况\n无。\n")
    tables = _parse(text)
    apps = tables["applications"]
    assert apps["cells"]["carried_forward_out.total"]["value"] == 0
    assert apps["template"] is None  # the last row does not tell the template
    assert tables["review_litigation"]["cells"]["review_total"]["value"] == 0


def test_digits_glued_to_labels_are_not_an_empty_table():
    # text scraped without cell separators: the values are there, only unreadable; never "all blank"
    text = ("四、政府信息公开行政复议、行政诉讼情况\n行政复议行政诉讼结果维持结果纠正其他结果尚未审结总计未经复议直接起诉复议后起诉"
            "结果维持结果纠正其他结果尚未审结总计结果维持结果纠正其他结果尚未审结总计10203120001200000\n"
            "五、存在的主要问题及改进情况\n无。\n")
    assert _parse(text)["review_litigation"]["status"] != "empty"


def test_table_3_as_three_markdown_tables():
    head = "| 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |\n|---|---|---|---|---|\n"
    text = ("## 四、政府信息公开行政复议、行政诉讼情况\n### 行政复议\n" + head + "| 2 | 1 | 0 | 1 | 4 |\n\n"
            "### 行政诉讼(未经复议直接起诉)\n" + head + "| 3 | 0 | 0 | 0 | 3 |\n\n"
            "### 行政诉讼(复议后起诉)\n" + head + "| 0 | 0 | 1 | 0 | 1 |\n\n## 五、存在的主要问题及改进情况\n无。\n")
    cells = _values(_parse(text)["review_litigation"])
    assert cells["review_total"] == 4 and cells["review_upheld"] == 2
    assert cells["litigation_direct_total"] == 3
    assert cells["litigation_after_review_total"] == 1 and cells["litigation_after_review_other"] == 1


@pytest.mark.parametrize("sep", [" | ", " "])  # pipes, or PDF text with the header row on one line
def test_table_1_without_its_first_title_row(sep):
    # the page lost 第二十条第(一)项: its header and rows stand before the (五) title
    rows = [["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"], ["规章", "0", "0", "2"],
            ["行政规范性文件", "3", "1", "17"], ["第二十条第(五)项"], ["信息内容", "本年处理决定数量"], ["行政许可", "8"]]
    text = ("二、主动公开政府信息情况\n" + "".join(sep.join(r) + (" |" if sep != " " else "") + "\n" for r in rows)
            + "三、收到和处理政府信息公开申请情况\n")
    cells = _values(_parse(text)["proactive_disclosure"])
    assert cells["art20_1.normative_documents.issued"] == 3
    assert cells["art20_1.regulations.in_force"] == 2
    assert cells["art20_5.administrative_licensing.decisions"] == 8
    # misprinted titles (第二十一条) for the first two sub-tables, one cell per paragraph
    text = ("二、主动公开政府信息工作情况\n\n第二十一条第(一)项\n\n信息内容\n\n本年新制作数量\n\n本年新公开数量\n\n"
            "对外公开总数量\n\n规章\n\n0\n\n0\n\n0\n\n规范性文件\n\n2\n\n2\n\n5\n\n第二十一条第(五)项\n\n信息内容\n\n"
            "上一年项目数量\n\n本年增/减\n\n处理决定数量\n\n行政许可\n\n7\n\n/\n\n9\n\n第二十条第(六)项\n\n信息内容\n\n"
            "上一年项目数量\n\n本年增/减\n\n处理决定数量\n\n行政处罚\n\n0\n\n/\n\n3\n\n")
    cells = _values(_parse(text)["proactive_disclosure"])
    assert cells["art20_1.normative_documents.total_published"] == 5
    assert cells["art20_5.administrative_licensing.decisions"] == 9


def test_article_20_title_without_its_second_di():
    text = ("二、主动公开政府信息情况\n第二十条(一)项 |\n信息内容 | 本年新 制作数量 | 本年新 公开数量 | 对外公开总数量 |\n"
            "规章 | 0 | 0 | 0 |\n规范性文件 | 4 | 4 | 9 |\n第二十条(五)项 |\n"
            "信息内容 | 上一年项目数量 | 本年增/减 | 处理决定数量 |\n行政许可 | 12 | +(2) -(1) | 30 |\n")
    table = _parse(text)["proactive_disclosure"]
    assert table["template"] == "v2019"
    cells = _values(table)
    assert cells["art20_1.normative_documents.new_made"] == 4
    assert cells["art20_5.administrative_licensing.items_change"] == 1  # +2 -1: the net change
    assert cells["art20_5.administrative_licensing.decisions"] == 30


def test_a_change_written_with_zeng_in_pdf_text():
    # PDF text (space separated): 本年增/减 written 增10 is a value, not the end of the label
    text = ("二、主动公开政府信息情况\n第二十条第(一)项\n信息内容 本年新 本年新 对外公开总数量\n规章 0 0 0\n"
            "规范性文件 0 0 0\n第二十条第(五)项\n信息内容 上一年项目数量 本年增/减 处理决定数量\n行政许可 8 增10 18\n"
            "其他对外管理服务事项 0 减2 0\n三、收到和处理政府信息公开申请情况\n")
    cells = _values(_parse(text)["proactive_disclosure"])
    assert cells["art20_5.administrative_licensing.prev_year_items"] == 8
    assert cells["art20_5.administrative_licensing.items_change"] == 10
    assert cells["art20_5.administrative_licensing.decisions"] == 18
    assert cells["art20_5.other_external_services.items_change"] == -2


def test_row_labels_followed_by_their_definitions():
    # a page that printed the template's notes into the label cells
    text = ("二、主动公开政府信息情况\n第二十条第(一)项 |\n信息内容 |\n本年新 |\n本年新 |\n对外公开总数量 |\n|\n"
            "规章:地方行政规章指省、自治区、直辖市的人民政府根据法律制定的规章。 |\n1 |\n1 |\n3 |\n|\n"
            "规范性文件:是指各级人民政府及其派出机关依照法定权限、程序制定并公开发布的文件。 |\n0 |\n2 |\n5 |\n|\n")
    cells = _values(_parse(text)["proactive_disclosure"])
    assert cells["art20_1.regulations.total_published"] == 3
    assert cells["art20_1.normative_documents.new_published"] == 2


def test_one_merged_cell_per_row_of_table_2_is_its_total():
    # every row of table 2 holds one value and pads: the page merged the applicant columns into one cell
    head = ("三、收到和处理政府信息公开申请情况\n(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和) | 申请人情况 | "
            "||||||||\n自然人 | 法人或其他组织 | 总计 | |||||||\n商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | |||||\n")
    rows = ("一、本年新收政府信息公开申请数量 | 2 | ||||||||\n二、上年结转政府信息公开申请数量 | 0 | ||||||||\n"
            "三、本年度办理结果 | (一)予以公开 | 2 | |||||||\n")
    apps = _parse(head + rows)["applications"]
    cells = _values(apps)
    assert cells["new_received.total"] == 2 and cells["carried_over_in.total"] == 0
    assert cells["granted.total"] == 2
    assert cells["new_received.natural_person"] is None  # not guessed
    assert apps["cells"]["new_received.total"]["confidence"] < 0.9
    # a row that writes its natural-person column and its total is read as written
    both = rows.replace("| 2 | ||||||||", "| 2 | 0 | 0 | 0 | 0 | 0 | 2 | |")
    cells = _values(_parse(head + both)["applications"])
    assert cells["new_received.natural_person"] == 2 and cells["new_received.total"] == 2
