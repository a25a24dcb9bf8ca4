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
