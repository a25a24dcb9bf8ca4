"""Section splitting on the seeds, the real PDFs and tricky synthetic layouts."""

from __future__ import annotations

from ie.normalize import normalize
from ie.sections import narrative_ranges, split_sections

V2019_KEYS = ["preamble", "overview", "proactive_disclosure", "applications", "review_litigation",
              "problems_improvements", "other_matters"]


def test_table_row_labels_are_not_headings():
    text = ("一、总体情况\n全年主动公开信息10条。\n二、主动公开政府信息情况\n规章 | 0 |\n"
            "三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量 | 6 | 6 |\n"
            "四、结转下年度继续办理 | 0 | 0 |\n四、政府信息公开行政复议、行政诉讼情况\n1 | 0 |\n"
            "五、存在的主要问题及改进情况\n问题。\n六、其他需要报告的事项\n无。\n")
    secs = split_sections(text)
    assert [s.key for s in secs] == V2019_KEYS
    review = secs[4]
    assert text[review.start:review.heading_end] == "四、政府信息公开行政复议、行政诉讼情况"


def test_pdf_row_with_numbers_is_not_a_heading():
    text = "一、总体情况\n正文。\n四、结转下年度继续办理 0 0 0 0 0 0 0\n四、政府信息公开行政复议、行政诉讼情况\n"
    keys = [s.key for s in split_sections(text)]
    assert keys == ["preamble", "overview", "review_litigation"]


def test_narrative_excludes_table_sections_and_rows():
    text = ("前言主动公开10条。\n一、总体情况\n全年主动公开信息10条。\n二、主动公开政府信息情况\n"
            "第二十条第(一)项 | |\n规章 | 0 | 0 |\n五、存在的主要问题及改进情况\n问题很多。\n")
    secs = split_sections(text)
    prose = "".join(text[s:e] for s, e in narrative_ranges(text, secs))
    assert "全年主动公开信息10条" in prose and "问题很多" in prose and "前言" in prose
    assert "规章" not in prose and "第二十条" not in prose


def test_sections_of_seeds_and_pdfs(shared_dir):
    import pdfplumber

    for path in sorted((shared_dir / "seeds").glob("*.txt")):
        secs = split_sections(normalize(path.read_text(encoding="utf-8")).text)
        keys = [s.key for s in secs]
        if path.name.startswith("002"):
            assert keys[:3] == ["preamble", "overview", "proactive_disclosure"]
            assert "statistics_table" in keys and "review_litigation" in keys
        else:
            assert keys == V2019_KEYS, path.name
    for path in sorted((shared_dir / "real").glob("*.pdf")):
        with pdfplumber.open(path) as pdf:
            raw = "\n".join(p.extract_text() or "" for p in pdf.pages)
        assert [s.key for s in split_sections(normalize(raw, pdf=True).text)] == V2019_KEYS, path.name


def test_prose_with_table_words_is_narrative():
    text = ("一、总体情况\n全年主动公开信息10条。\n三、收到和处理政府信息公开申请情况\n"
            "2022年本年新收政府信息公开申请15件,上年结转2件,结转下年度继续办理1件。\n"
            "一、本年新收政府信息公开申请数量 | 15 |\n三、结转下年度继续办理 | 1 |\n"
            "五、存在的主要问题及改进情况\n问题。\n")
    secs = split_sections(text)
    prose = "".join(text[s:e] for s, e in narrative_ranges(text, secs))
    assert "本年新收政府信息公开申请15件" in prose
    assert "| 15 |" not in prose and "数量" not in prose


def test_metadata_rows_do_not_make_a_report_a_table():
    # inline headings (none recognized): the whole report is the preamble, under | metadata rows
    meta_rows = "".join(f"{k} | {v}\n" for k, v in [
        ("索引号", "000-2023-01"), ("发布机构", "青山县水利局"), ("发布日期", "2023-01-20"),
        ("主题分类", "其他"), ("文号", "无"), ("有效性", "有效")])
    prose = ("2022年,青山县水利局认真贯彻落实条例,全年主动公开政府信息356条,其中通过政府网站公开298条。"
             "全年共收到政府信息公开申请12件,均按时答复。召开新闻发布会3场,解读政策文件5件。\n") * 3
    text = meta_rows + prose
    secs = split_sections(text)
    kept = "".join(text[s:e] for s, e in narrative_ranges(text, secs))
    assert "主动公开政府信息356条" in kept
    assert "索引号" not in kept


def test_one_line_report_with_a_stray_bar_is_narrative():
    # a crawled page flattened to one line, ending in the bar of a table that was not captured
    text = ("2016年青山镇政府信息公开年度报告 本年报按照条例编制。 一、概述 我镇积极推进政务公开。"
            " 二、政府信息主动公开情况 2016年度共主动公开政府信息25条,其中工作动态19条。 附表 |")
    kept = "".join(text[s:e] for s, e in narrative_ranges(text, split_sections(text)))
    assert "共主动公开政府信息25条" in kept


def test_prose_run_into_a_table_on_one_line_keeps_its_prose():
    from ie.sections import narrative_ranges, split_sections

    prose = "一、总体情况 2019年,青山街道严格按照条例的要求,不断充实政府信息公开内容。" * 3 + "主动公开信息455条。"
    text = "青山街道办事处2019年政府信息公开工作年度报告\n" + prose + " | 信息内容 | 本年新制作数量 | 本年新公开数量 |\n"
    ranges = narrative_ranges(text, split_sections(text))
    kept = "".join(text[s:e] for s, e in ranges)
    assert "主动公开信息455条" in kept and "本年新制作数量" not in kept
