"""Meta (issuer, year, published) on synthetic text and on the seeds / real PDFs (values read off the documents)."""

from __future__ import annotations

import pytest
from helpers.reports import load_report

from ie.meta import extract_meta, norm_offset, sentence_bounds
from ie.normalize import normalize
from ie.sections import split_sections
from ie.tables import table_template


def meta_of(text: str, pdf: bool = False) -> tuple[dict, str]:
    norm = normalize(text, pdf=pdf)
    return extract_meta(norm, split_sections(norm.text)), text


def _check_offsets(meta: dict, original: str) -> None:
    for key in ("issuer", "year", "published"):
        v = meta[key]
        if v is None:
            continue
        assert 0 <= v["start"] < v["end"] <= len(original)
        assert 0.0 <= v["confidence"] <= 1.0


# ---------------------------------------------------------------------------------------------------------
# synthetic reports (made-up bodies and numbers)

SYNTH_TITLE = """青山市河西区人民政府
2022年政府信息公开工作年度报告
本报告由青山市河西区人民政府办公室编制。报告中所列数据统计期限自2022年1月1日起至2022年12月31日止。
一、总体情况
2022年,青山市河西区人民政府坚持依法公开。
六、其他需要报告的事项
无。
"""

SYNTH_SIGNATURE = """根据《条例》规定,现将我局2021年度政府信息公开工作情况报告如下:
一、总体情况
2021年,我局认真做好公开工作。2022年,我局将继续努力。
六、其他需要报告的事项
本报告中所列数据的统计期限自2021年1月1日起至2021年12月31日止。如有疑问请与青山市河西区交通运输局办公室联系。
青山市河西区交通运输局
2022年1月20日
"""

SYNTH_NONE = """2023年,我局认真贯彻落实条例。现将我局2023年度政府信息公开工作的情况报告如下:
一、总体情况
(一)加强领导。
六、其他需要报告的事项
无。
2024年2月
"""


def test_title_names_issuer_and_year():
    meta, text = meta_of(SYNTH_TITLE)
    assert meta["issuer"]["value"] == "青山市河西区人民政府"
    assert text[meta["issuer"]["start"]:meta["issuer"]["end"]] == "青山市河西区人民政府"
    assert meta["issuer"]["confidence"] >= 0.9
    assert meta["year"]["value"] == 2022
    assert text[meta["year"]["start"]:meta["year"]["end"]].startswith("2022")
    assert meta["published"] is None  # no signature date, no 发布日期 line
    _check_offsets(meta, text)


def test_compiler_is_not_the_issuer():
    # "本报告由…办公室编制" names the office that compiled the report, never the issuer
    meta, _ = meta_of(SYNTH_TITLE)
    assert "办公室" not in meta["issuer"]["value"]


def test_signature_block_names_issuer_and_date():
    meta, text = meta_of(SYNTH_SIGNATURE)
    assert meta["issuer"]["value"] == "青山市河西区交通运输局"
    assert meta["year"]["value"] == 2021  # 现将…2021年度 and 统计期限, not the later "2022年,我局将…"
    assert meta["published"]["value"] == "2022-01-20"
    assert text[meta["published"]["start"]:meta["published"]["end"]] == "2022年1月20日"
    _check_offsets(meta, text)


def test_no_issuer_is_null_and_month_only_date():
    meta, _ = meta_of(SYNTH_NONE)
    assert meta["issuer"] is None
    assert meta["year"]["value"] == 2023
    assert meta["published"]["value"] == "2024-02"


def test_year_never_the_signature_year_alone():
    text = "一、总体情况\n我办认真做好工作。\n六、其他需要报告的事项\n无。\n2020年1月\n"
    meta, _ = meta_of(text)
    # only a weak fallback (reports appear in Jan-Mar of the next year), with a low confidence
    assert meta["year"]["value"] == 2019
    assert meta["year"]["confidence"] <= 0.6


def test_published_line_in_metadata():
    text = "- 发布日期:2018-03-05 10:00\n2017年度,青山市河西区档案局根据要求积极推进公开工作。\n一、概述\n无。\n"
    meta, text = meta_of(text)
    assert meta["published"]["value"] == "2018-03-05"
    assert meta["issuer"]["value"] == "青山市河西区档案局"
    assert meta["year"]["value"] == 2017


def test_template_from_tables():
    assert table_template({}) is None
    tables = {"proactive_disclosure": {"status": "parsed", "template": "v2021"},
              "applications": {"status": "parsed", "template": "v2019"},
              "statistics_pre2019": {"status": "missing"}}
    assert table_template(tables) == "mixed"
    tables["applications"]["template"] = "v2021"
    assert table_template(tables) == "v2021"


def test_helpers():
    text = "甲。乙丙丁;戊\n己"
    assert sentence_bounds(text, 3) == (2, 5)
    assert sentence_bounds(text, 7) == (6, 7)
    norm = normalize("ＡＢ  C")
    assert norm_offset(norm, 0) == 0


# ---------------------------------------------------------------------------------------------------------
# the seeds and the real PDFs: values read off the documents by hand

SEEDS = {
    # file: (issuer or None, year, year_min_conf, published or None)
    "000_fa92f58d60610388.txt": ("启东市行政审批局", 2020, 0.9, "2021-01-05"),
    "001_168a611abdf0e580.txt": ("同心县人民政府办公室", 2020, 0.9, None),
    "002_0ae8e60dae54bef5.txt": ("泰州市政务服务管理办公室", 2016, 0.9, "2017-02-24"),
    "003_8cf4eacbad86ba13.txt": ("东里街道", 2019, 0.0, "2020-01"),
    "004_2c468072c6150875.txt": (None, 2024, 0.9, "2025-01-09"),
}


@pytest.mark.parametrize("name", sorted(SEEDS))
def test_seed_meta(shared_dir, name):
    issuer, year, year_conf, published = SEEDS[name]
    text, pdf = load_report(shared_dir / "seeds" / name)
    meta, _ = meta_of(text, pdf)
    _check_offsets(meta, text)
    if issuer is None:
        assert meta["issuer"] is None
    else:
        assert meta["issuer"]["value"] == issuer
    assert meta["year"]["value"] == year
    assert meta["year"]["confidence"] >= year_conf
    if published is None:
        assert meta["published"] is None
    else:
        assert meta["published"]["value"] == published


def test_seed_003_year_is_uncertain(shared_dir):
    # signed 2020年1月 with no title or 统计期限: the year is a guess and says so
    text, _ = load_report(shared_dir / "seeds" / "003_8cf4eacbad86ba13.txt")
    meta, _ = meta_of(text)
    assert meta["year"]["confidence"] < 0.7


# 2023: the title says 洪泽区人民政府 and the compiler line 由淮安市洪泽区人民政府办公室…编制: the same body, named
# in full as the 2024 title names it
@pytest.mark.parametrize("name,issuer,year", [("hzq2023.pdf", "淮安市洪泽区人民政府", 2023),
                                              ("hzq2024.pdf", "淮安市洪泽区人民政府", 2024)])
def test_real_pdf_meta(shared_dir, name, issuer, year):
    text, _ = load_report(shared_dir / "real" / name)
    meta, _ = meta_of(text, pdf=True)
    _check_offsets(meta, text)
    assert meta["issuer"]["value"] == issuer
    assert meta["issuer"]["confidence"] >= 0.9
    assert "".join(text[meta["issuer"]["start"]:meta["issuer"]["end"]].split()) == issuer
    assert meta["year"]["value"] == year
    assert meta["published"] is None  # neither PDF carries a signature date


def test_year_first_title_and_chinese_numeral_date():
    text = ("2023年度青山市河西区教育局政府信息公开工作年度报告\n一、总体情况\n2023年,我局依法公开。\n"
            "六、其他需要报告的事项\n无。\n青山市河西区教育局\n二〇二四年一月十五日\n")
    meta, text = meta_of(text)
    assert meta["issuer"]["value"] == "青山市河西区教育局"
    assert meta["year"]["value"] == 2023
    assert meta["published"]["value"] == "2024-01-15"
    assert text[meta["published"]["start"]:meta["published"]["end"]] == "二〇二四年一月十五日"
    # a letter O for 〇 (round r41)
    meta, text = meta_of(text.replace("二〇二四年", "二O二四年"))
    assert meta["published"]["value"] == "2024-01-15"


def test_traditional_title_maps_to_simplified_value():
    text = "《青山縣人民政府辦公室2021年政府信息公開工作年度報告》現予公布。\n一、總體情況\n無。\n"
    meta, text = meta_of(text)
    assert meta["issuer"]["value"] == "青山县人民政府办公室"
    assert text[meta["issuer"]["start"]:meta["issuer"]["end"]] == "青山縣人民政府辦公室"
    assert meta["year"]["value"] == 2021


@pytest.mark.parametrize("text,issuer,year", [
    ("青山市2018年政府信息公开工作年度报告\n一、概述\n无。\n", "青山市", 2018),  # a place names its government
    ("根据条例规定,现公布青山县水利局2020年政府信息公开工作年度报告。\n一、总体情况\n无。\n", "青山县水利局", 2020),
    ("2019年度青山区民政局政务公开工作年度报告\n一、总体情况\n无。\n", "青山区民政局", 2019),
    ("文化和体育部政府信息公开工作2021年度报告\n一、总体情况\n无。\n", "文化和体育部", 2021),
    ("青山市教育局2021年信息公开工作年报\n一、总体情况\n无。\n", "青山市教育局", 2021),
    ("青山市青龙乡人民政府2015年年度政府信息公开工作年度报告\n本年度报告根据条例编制。\n", "青山市青龙乡人民政府", 2015),
    # the body on its own line above a title that opens with 关于 (round r65)
    ("青山市青河区大场镇人民政府\n关于2025年政府信息公开工作年度报告\n本年度报告根据条例编制。\n",
     "青山市青河区大场镇人民政府", 2025),
    # the verbs of a preamble before a title-like phrase are no name (round r59)
    ("根据条例和省政府办公厅通知要求,制作并向社会公布青山市城管局2021年度政府信息公开工作年度报告。\n一、总体情况\n无。\n",
     "青山市城管局", 2021),
    ("政府信息公开工作年度报告\n青山经开区管委会(青山商务区管委会)\n2024年1月8日\n一、总体情况\n2023年,青山经开区管委会坚持公开。\n",
     "青山经开区管委会", 2023),
    ("本报告由青山县地震局根据条例编制。统计期限为2022年1月1日至2022年12月31日。\n一、总体情况\n无。\n",
     "青山县地震局", 2022),
])
def test_title_variants(text, issuer, year):
    meta, text = meta_of(text)
    assert meta["issuer"]["value"] == issuer
    assert text[meta["issuer"]["start"]:meta["issuer"]["end"]].startswith(issuer[:2])
    assert meta["year"]["value"] == year


def test_compiling_office_speaks_for_its_government():
    """The template preamble of a government's report: 本报告由X县人民政府办公室…编制. The office compiles the
    government's report (an office's own report has its own title); other offices name no issuer."""
    text = "本报告由青山县人民政府办公室根据条例编制。统计期限为2022年1月1日至2022年12月31日。\n一、总体情况\n无。\n"
    meta, _ = meta_of(text)
    assert meta["issuer"]["value"] == "青山县人民政府" and meta["issuer"]["confidence"] <= 0.7
    meta, _ = meta_of(text.replace("青山县人民政府办公室", "青山县政务公开办"))
    assert meta["issuer"] is None


def test_names_with_common_characters():
    meta, _ = meta_of("本溪市人民政府2021年政府信息公开工作年度报告\n一、总体情况\n无。\n")
    assert meta["issuer"]["value"] == "本溪市人民政府"


@pytest.mark.parametrize("title,issuer", [
    # 江南市 + 政府信息公开 or 江南市政府 + 信息公开: the name as the report writes it elsewhere (readers wrote
    # the bare place in 14 of 17 such pages), 江南市政府 where a sentence names the body so
    ("2022年江南市政府信息公开工作年度报告", "江南市"),
    ("2022年江南市政府信息公开工作年度报告\n江南市政府门户网站", "江南市"),  # a website's name is no body
    ("2022年江南市政府信息公开工作年度报告\n江南市政府坚持依法公开。", "江南市政府"),
    ("2022年江南市人民政府信息公开工作年度报告", "江南市人民政府"),  # not 江南市人民
    ("江南市政府信息公开工作2022年度报告", "江南市"),
    ("2022年江南市交通运输局政府信息公开工作年度报告", "江南市交通运输局"),  # a bureau keeps its name
])
def test_title_keyword_does_not_swallow_the_government(title, issuer):
    meta, text = meta_of(title + "\n一、总体情况\n2022年,全市共主动公开政府信息5000条。\n")
    assert meta["issuer"]["value"] == issuer
    assert text[meta["issuer"]["start"]:meta["issuer"]["end"]] == issuer
    assert meta["year"]["value"] == 2022


@pytest.mark.parametrize("front,date", [
    ("青山县水利局2022年政府信息公开工作年度报告\n更新日期:2023-01-20\n", "2023-01-20"),
    ("青山县水利局2022年政府信息公开工作年度报告\n2023-01-20 10:30\n", "2023-01-20"),
    ("青山县水利局2022年政府信息公开工作年度报告\n发布时间:2023-01-18 更新日期:2023-01-20\n", "2023-01-18"),
    # page dates beside the title: a byline, a date in parentheses, a table row, a date in brackets
    ("青山县交通运输局2022年政府信息公开工作年度报告\n\n2023-01-10 20:58文章来源:交通局\n", "2023-01-10"),
    ("2023年政府信息公开工作年度报告 ( 2024-01-31 )\n\n(青山市住房和城乡建设管理委员会)\n", "2024-01-31"),
    ("发文日期: | 2015-03-18 10:27:17 | 发布机构: | 青山区卫计局 |\n", "2015-03-18"),
    ("青山市生态环境局2020年政府信息公开工作年度报告\n发布日期:[2021-01-28]\n", "2021-01-28"),
    # a document's 生成日期 above the title does not hide the page's 时间 under it; source and date glued
    ("  • 公文生成日期:2023-01-06\n青山区卫生健康局2022年政府信息公开工作年度报告\n时间:2023-01-11 11:18\n",
     "2023-01-11"),
])
def test_publication_date_under_the_title(front, date):
    meta, text = meta_of(front + "一、总体情况\n2022年,我局认真贯彻落实条例。\n")
    assert meta["published"]["value"] == date
    assert text[meta["published"]["start"]:meta["published"]["end"]] == date


def test_source_and_date_glued_on_one_byline():
    meta, text = meta_of("青山区市场监管局2018年政府信息公开工作报告\n\n来源:青山区市场监管局日期:2019年01月15日 【 字体: "
                         "打印\n一、概述\n2018年我局认真贯彻落实条例。\n")
    assert meta["published"]["value"] == "2019-01-15"
    assert text[meta["published"]["start"]:meta["published"]["end"]] == "2019年01月15"
    # a byline whose source is left empty (round r53)
    meta, text = meta_of("青山市人民政府办公室2022年政府信息公开工作年度报告\n\n投稿:abc  来源:时间:2023年01月30日\n\n"
                         "一、总体情况\n本年报所列数据统计期限为2022年1月1日至2022年12月31日。\n")
    assert meta["published"]["value"] == "2023-01-30"
    assert text[meta["published"]["start"]:meta["published"]["end"]] == "2023年01月30"


@pytest.mark.parametrize("prefix", ["娱乐官网", "某某体育平台", "www.example-bet.com", "- ", "http://abc.cc/",
                                    "https://www.abc.gov.cn/zwgk/201603/80458_"])
def test_junk_before_the_issuer_is_stripped(prefix):
    meta, text = meta_of(f"{prefix}青山县人民政府外事办公室2022年政府信息公开工作年度报告\n一、总体情况\n无。\n")
    issuer = meta["issuer"]
    assert issuer["value"] == "青山县人民政府外事办公室"
    assert text[issuer["start"]:issuer["end"]] == "青山县人民政府外事办公室"


def test_issuer_without_its_place_is_doubtful():
    meta, _ = meta_of("娱乐官网人民政府外事办公室2022年政府信息公开工作年度报告\n一、总体情况\n无。\n")
    assert meta["issuer"]["value"] == "人民政府外事办公室"
    assert meta["issuer"]["confidence"] < 0.7


@pytest.mark.parametrize("sentence,year", [
    ("本报告所列数据截止2023年12月31日。", 2023),
    ("本报告中使用的数据统计期限为2021年1月1日至12月31日。", 2021),
    ("本报告所列数据截止日期为2022年12月31日,电子版可在网站下载。", 2022),
])
def test_year_from_the_data_period(sentence, year):
    meta, _ = meta_of(f"政府信息公开工作年度报告\n一、总体情况\n{sentence}\n")
    assert meta["year"]["value"] == year


def test_leading_group_names_the_issuer_when_nothing_else_does():
    text = ("一、总体情况\n根据条例要求,现将我局2021年政府信息公开年度报告如下:\n(一)加强组织领导。我局成立了由局长任组长,"
            "分管领导任副组长的青山县农业农村局政府信息公开工作领导小组,下设办公室。\n")
    meta, original = meta_of(text)
    assert meta["issuer"]["value"] == "青山县农业农村局"
    assert meta["issuer"]["source"] == "leading_group" and meta["issuer"]["confidence"] <= 0.5
    _check_offsets(meta, original)
    titled = "青山县林业局2021年政府信息公开工作年度报告\n" + text  # a title outranks it
    assert meta_of(titled)[0]["issuer"]["value"] == "青山县林业局"


def test_contact_block_names_the_issuer():
    meta, text = meta_of("一、总体情况\n全年公开信息10条。\n六、其他需要报告的事项\n无。如有疑问请联系:青山镇党政办公室,电话1234567。\n")
    assert meta["issuer"]["value"] == "青山镇"  # the town's office answers for the town
    assert meta["issuer"]["source"] == "contact"


@pytest.mark.parametrize("text,full", [
    # 省教育厅 in the first sentence is the title's 湖山省教育厅
    ("湖山省教育厅2021年政府信息公开工作年度报告\n根据条例,现公布2021年省教育厅政府信息公开工作年度报告。\n"
     "一、总体情况\n2021年,省教育厅坚持依法公开。\n", "湖山省教育厅"),
    # a title's 青山镇政府 is the signature's 青山区青山镇人民政府
    ("青山镇政府信息公开工作2016年度报告\n一、概述\n无。\n六、其他需要报告的事项\n无。\n"
     "青山区青山镇人民政府\n2017年3月1日\n", "青山区青山镇人民政府"),
    # a page title without the city (水务局, 河东区民政局) above the report's own title with it
    ("2018年水务局政府信息公开工作年度报告\n发布时间:2019-01-08\n青山市水务局2018年政府信息公开工作年度报告\n"
     "一、概述\n无。\n", "青山市水务局"),
    ("2016年河东区民政局政府信息公开工作年度报告\n青山市河东区民政局\n2016年政府信息公开工作年度报告\n一、概述\n无。\n",
     "青山市河东区民政局"),
    # a bare place and its government: the government's name
    ("青山省\n2016年政府信息公开工作年度报告\n青山省人民政府2016年政府信息公开工作年度报告\n一、概述\n无。\n", "青山省人民政府"),
])
def test_short_form_votes_for_the_full_name(text, full):
    meta, original = meta_of(text)
    assert meta["issuer"]["value"] == full
    assert original[meta["issuer"]["start"]:meta["issuer"]["end"]] == full
    assert meta["issuer"]["confidence"] > 0.9  # the two forms agree: no rival lowers the confidence
    _check_offsets(meta, original)


@pytest.mark.parametrize("text,full", [
    # 现公布 names the report's body in full; the overview's 市医保局 abbreviates it
    ("发布日期:2026-01-19 19:07 来源:\n根据条例规定,现公布青山市医疗保障局2025年政府信息公开工作年度报告如下。\n"
     "一、总体情况\n2025年,市医保局坚持依法公开。\n", "青山市医疗保障局"),
    # the contact line names in full the short form of the overview
    ("本报告结合2025年我局政府信息公开工作编制而成。如对本报告有任何疑问,请与青山市林业局办公室联系(电话:0000-1234567)。\n"
     "一、总体情况\n2025年,市林业局坚持依法公开。\n", "青山市林业局"),
])
def test_abbreviations_and_short_forms_vote_for_the_full_name(text, full):
    meta, original = meta_of(text)
    assert meta["issuer"]["value"] == full
    _check_offsets(meta, original)


def test_year_of_a_page_without_title_from_its_sentences():
    text = ("二、主动公开政府信息的情况\n(一)公开的主要内容\n各政府机关对政府信息进行了梳理,2011年新增主动公开政府信息"
            "5301条。\n三、依申请公开情况\n2011年度,青山市共收到申请26件。\n")
    meta, original = meta_of(text)
    assert meta["year"]["value"] == 2011 and meta["year"]["confidence"] <= 0.6
    _check_offsets(meta, original)
    two = "二、主动公开\n各机关梳理了信息,2011年新增主动公开政府信息5301条,2012年新增主动公开政府信息6000条。\n"
    assert meta_of(two)[0]["year"] is None  # two different years: no guess


def test_site_name_address_and_date_line():
    front = "青山市人民政府办公室2022年政府信息公开工作年度报告\n\n青山市人民政府门户网站 www.example.gov.cn 2023-01-28 \n\n"
    meta, _ = meta_of(front + "一、总体情况\n无。\n")
    assert meta["published"]["value"] == "2023-01-28"


def test_title_wrapped_inside_its_keyword_and_an_archive_as_body():
    text = ("青山市河东区档案馆2025年政府\n信息公开工作年度报告\n根据条例编制本报告。\n一、总体情况\n无。\n"
            "六、其他需要报告的事项\n如有疑问请与青山市河东区档案馆办公室联系。\n")
    meta, original = meta_of(text)
    assert meta["issuer"]["value"] == "青山市河东区档案馆" and meta["issuer"]["source"] == "title"
    assert meta["year"]["value"] == 2025
    _check_offsets(meta, original)
    contact_only = "一、总体情况\n无。\n六、其他需要报告的事项\n如有疑问请与青山市河东区档案馆办公室联系。\n"
    assert meta_of(contact_only)[0]["issuer"]["value"] == "青山市河东区档案馆"  # the body's own office answers for it


def test_a_name_and_its_shorter_form_are_no_rivals():
    meta, _ = meta_of("河西镇政府2020年政府信息公开工作年度报告\n河西镇2020年政府信息公开工作年度报告\n一、概述\n无。\n")
    assert meta["issuer"]["value"] in ("河西镇", "河西镇政府")
    assert meta["issuer"]["confidence"] > 0.9
    meta, _ = meta_of("河西镇2020年政府信息公开工作年度报告\n青山县人民政府2020年政府信息公开工作年度报告\n一、概述\n无。\n")
    assert meta["issuer"]["confidence"] < 0.6  # another body is a rival


@pytest.mark.parametrize("front,issuer,date", [
    ("【2019】青山县交通运输局2019年政府信息公开工作年度报告\n来源: 更新时间:2020/01/18\n", "青山县交通运输局", "2020-01-18"),
    ("青山区2016年政府信息公开工作年度报告\n来源:区人民政府办公室 时间:2017-01-12 10:01\n", "青山区", "2017-01-12"),
    ("青山县卫生健康局2024年政府信息公开工作年度报告\n 时间:2025-01-21      来源:\n", "青山县卫生健康局", "2025-01-21"),
    ("东山街道2023年度政府信息公开工作年度报告\n发表日期:2024-01-26 15:35:23 发布机构:政务服务管理局\n"
     "发文字号 东山街道2023年度政府信息公开工作年度报告号\n", "东山街道", "2024-01-26"),
    # a metadata table's 标 题 | … cell; a date before the 发布: label; a bracketed date under the title
    ("成文日期 | 2023-01-16 | 发布日期 | 2023-01-16 |\n标 题 | 青山县教育和体育局2022年政府信息公开工作年度报告 | ||\n",
     "青山县教育和体育局", "2023-01-16"),
    ("青山县人民政府2020年度政府信息公开工作年度报告 | |||\n2021-02-09 发布:青山县人民政府办公室 点击数: | ||\n",
     "青山县人民政府", "2021-02-09"),
    ("青山县应急管理局2020年政府信息公开\n年度报告\n(2021年1月22日)\n", "青山县应急管理局", "2021-01-22"),
    # bodies named 海关 and 调查队
    ("您的位置:首页 > 公开年报\n\n青山海关2017年海关政府信息公开年度工作报告\n发布时间:2018-03-20\n", "青山海关", "2018-03-20"),
    ("2018年国家统计局青山调查队政府信息公开工作报告\n\n来源: 发布时间:2019-03-20 09:51:00 浏览次数:\n",
     "国家统计局青山调查队", "2019-03-20"),
])
def test_web_page_headers(front, issuer, date):
    meta, _ = meta_of(front + "一、总体情况\n本年度依法公开政府信息。\n")
    assert meta["issuer"]["value"] == issuer
    assert meta["published"]["value"] == date


@pytest.mark.parametrize("text,issuer", [
    ("青山省卫生健康委关于2022年度政府信息公开工作的年度报告\n一、总体情况\n无。\n", "青山省卫生健康委"),
    ("青山经济开发区信息公开2018年度报告\n一、总体情况\n无。\n", "青山经济开发区"),
    ("一、总体情况\n2022年,为全局依法公开信息。\n六、其他需要报告的事项\n如有疑问请与青山乡人民政府办公室联系。\n", "青山乡人民政府"),
])
def test_more_title_and_contact_shapes(text, issuer):
    meta, _ = meta_of(text)
    assert meta["issuer"]["value"] == issuer


@pytest.mark.parametrize("front,date", [
    ("[ 成文日期 ] | 2019-03-25\n", "2019-03-25"),
    ("2022年01月18日来源:1\n", "2022-01-18"),
])
def test_more_publication_lines(front, date):
    meta, _ = meta_of("青山县民政局2021年政府信息公开工作年度报告\n" + front + "一、总体情况\n无。\n")
    assert meta["published"]["value"] == date


@pytest.mark.parametrize("text,issuer,year", [
    ("# 青山县人民政府2024年政府信息公开工作年度报告\n## 一、总体情况\n无。\n", "青山县人民政府", 2024),
    ("正文\n2024 年青山市科委政府信息公开工作\n年度报告\n一、总体情况\n2024年,市科委坚持公开。\n", "青山市科委", 2024),
])
def test_markdown_and_wrapped_titles(text, issuer, year):
    meta, _ = meta_of(text)
    assert meta["issuer"]["value"] == issuer
    assert meta["year"]["value"] == year


@pytest.mark.parametrize("text,issuer", [
    ("一、总体情况\n无。\n六、其他需要报告的事项\n如有疑问请与向阳区人民政府办公室联系。\n", "向阳区人民政府"),  # 向 starts a place
    ("镇政府2022年政府信息公开工作年度报告\n一、总体情况\n无。\n", None),  # a generic word, not a name
    ("一、总体情况\n无。\n六、其他需要报告的事项\n如有疑问请与局办公室联系。\n", None),
    ("现编写青山县2017年度政府信息公开工作年度报告\n一、总体情况\n无。\n", "青山县"),
    ("一、总体情况\n2022年,我县认真贯彻落实条例,积极推进全县政府信息公开工作。\n", None),  # a verb phrase
    ("编制本年度报告。\n一、总体情况\n(一)主动公开。主要内容涵盖政策法规、决策部署落实情况等21类大项。\n", None),
    ("一、概述\n我局已成立领导小组,下设办公室,负责日常工作。\n", None),
    ("一、总体情况\n开发区党工委高度重视政府信息公开工作。\n", None),  # a party organ, a generic word
    ("本年报由青山市河东区生态环境局编写了2022年度政府信息公开工作年度报告。\n一、总体情况\n无。\n",
     "青山市河东区生态环境局"),
    ("一、概述\n全年公开信息10条。如对本报告有任何疑问,请与青山县水利局政府信息公开工作领导小组办公室联系。\n", "青山县水利局"),
    ("一、总体情况\n2025年,青山街道依法公开。年初即对全年工作进行谋划部署,确保各项工作落到实处依法按时完成青山街道"
     "2025年政府信息公开年度报告,主动接受社会监督。\n", "青山街道"),
    ("青山区河西街道办事处2022年政府信息公开工作年度报告\n结合我街道实际,编制并向社会公开青山区河西街道2022年"
     "政府信息公开工作年度报告。\n一、总体情况\n无。\n", "青山区河西街道办事处"),  # two verbs before the name
])
def test_generic_and_verb_prefixed_names(text, issuer):
    meta, _ = meta_of(text)
    assert (meta["issuer"] or {}).get("value") == issuer


def test_bulleted_date_line_under_the_title():
    meta, _ = meta_of("青山县教育局2020年政府信息公开工作年度报告\n• 2021-01-29\n一、总体情况\n无。\n")
    assert meta["published"]["value"] == "2021-01-29"


@pytest.mark.parametrize("text,issuer,year", [
    # a title without a year that names the body on the same line
    ("西街街道政府信息公开工作年度报告\n一、总体情况\n2024年,我街道依法公开。\n", "西街街道", 2024),
    ("现特向社会公布青田乡2018年度政府信息公开年度报告\n一、总体情况\n无。\n", "青田乡", 2018),
    # a government and its offices together (县政府机关) are the government
    ("青山县人民政府机关\n2020年政府信息公开工作年度报告\n一、总体情况\n无。\n", "青山县人民政府", 2020),
    # no title: a place, or a bureau's work, opens the overview
    ("县政府编制了2020年度政府信息公开工作报告。\n一、总体情况\n2020年,青山县认真贯彻落实条例。\n", "青山县", 2020),
    ("根据条例规定,青田镇政府结合实际工作,认真编制了2016年度政府信息公开年度报告。\n一、总体情况\n无。\n", "青田镇政府", 2016),
    ("一、总体情况\n(一)总体情况。2021年,县水利局的政府信息公开工作严格按照要求开展。\n", "县水利局", 2021),
    # the contact is a town's office inside a district government's name
    ("一、总体情况\n2019年以来,我镇积极公开。\n如有疑问,请与河西区人民政府青山镇办公室联系。\n",
     "河西区人民政府青山镇", 2019),
    # a ministry compiles its own report (traditional script: the normalizer simplifies it)
    ("按照《條例》,青山運輸部編制了本級行政機關2019年政府信息公開工作年度報告。\n一、總體情況\n無。\n",
     "青山运输部", 2019),
    # the overview's first sentence, right after its heading
    ("根据条例编制本报告,统计期限自2023年1月1日至12月31日止。\n一、总体情况\n2023年青山市住房和城乡建设局坚持依法公开。\n",
     "青山市住房和城乡建设局", 2023),
    # a government's office compiles for the government; 按照区… is a verb, not a body
    ("本年报由河西区青山镇人民政府编制的2018年度政府信息公开年度报告。\n一、概述\n按照区政府信息公开工作规定有关要求,"
     "2018年,我镇高度重视。\n", "河西区青山镇人民政府", 2018),
    ("本年度报告由青山县人民政府办公室编制。\n一、总体情况\n2017年,我县依法公开。\n", "青山县人民政府", 2017),
    # 本街道 is a pronoun; the year from a later sentence of the overview
    ("一、总体情况\n本年度报告结合2020年度本街道政府信息公开工作情况编制而成。\n", None, 2020),
    ("一、总体情况\n(一)主动公开情况。2022年,银湖湾新区在目录系统主动公开信息86条。\n", "银湖湾新区", 2022),
    # a person in a clause is no body; the year from the first section when there is no overview
    ("本年度報告由青山市公安局編制。\n一、政府信息主動公開情況\n為方便公眾了解信息,市公安局堅持公開。\n"
     "1.網站公開情況。2016年,市公安局網站發布信息1694條。\n2016年时任区长张三在国务院办公厅全面推进政务公开研讨会上发言。\n",
     "青山市公安局", 2016),
])
def test_names_without_a_standard_title(text, issuer, year):
    meta, _ = meta_of(text)
    assert (meta["issuer"] or {}).get("value") == issuer
    assert (meta["year"] or {}).get("value") == year


@pytest.mark.parametrize("text,issuer", [
    # the compiling office and its date under a two-line title are not a signature
    ("青山市人民政府2016年\n政府信息公开工作年度报告\n青山市人民政府办公室\n2017年3月\n本报告依据条例编制。\n", "青山市人民政府"),
    # a page label glued before the title
    ("公报标题青山市卫健委2019年政府信息公开工作年度报告\n一、总体情况\n无。\n", "青山市卫健委"),
    # a cover line: title, then the body
    ("2018 年度政府信息公开 年度报告 青山市住房和城乡建设局 2019.\n本报告依据条例编制。\n", "青山市住房和城乡建设局"),
    ("青山市市场监管系统2023年政府信息公开工作年度报告\n一、总体情况\n无。\n", "青山市市场监管系统"),
    # no title: the body whose year of work the report sums up
    ("本年度报告根据条例要求,汇总2021年度青山市商务局的政务公开工作开展情况编制而成。\n一、总体情况\n无。\n",
     "青山市商务局"),
])
def test_more_cover_and_opening_shapes(text, issuer):
    meta, _ = meta_of(text)
    assert (meta["issuer"] or {}).get("value") == issuer


@pytest.mark.parametrize("text,issuer", [
    ("一、总体情况\n无。\n若有疑问,请联系青山镇人民政府党政综合办公室(电话:0597-1234567)。\n", "青山镇人民政府"),
    ("一、总体情况\n无。\n如有疑问,请与青山市公安局(地址:青山市红旗路36号;邮编:266700;电话:1234567)联系。\n",
     "青山市公安局"),
])
def test_contact_lines_with_asides(text, issuer):
    meta, _ = meta_of(text)
    assert meta["issuer"]["value"] == issuer


def test_information_provided_date_line():
    meta, _ = meta_of("青山县教育局2018年政府信息公开工作年度报告\n信息提供日期 : 2019-02-20 16:48来源 : 教育局\n"
                      "一、总体情况\n无。\n")
    assert meta["published"]["value"] == "2019-02-20"


def test_now_we_publish_the_bodys_report():
    meta, _ = meta_of("根据条例,现将青山县应急管理局2021年度政府信息公开工作年度报告如下。\n一、总体情况\n"
                      "(一)主动公开。2021年,县应急管理局共公开各类政务信息122条。\n")
    assert meta["issuer"]["value"] == "青山县应急管理局"


@pytest.mark.parametrize("sentence,issuer", [
    # a short name declared between the body and the year (round r70)
    ("现将青山市青河新区开发建设管理委员会(以下简称管委会)2025年度政府信息公开工作年度报告予以公开。", "青山市青河新区开发建设管理委员会"),
    # an office's own report: readers write the office (16 of 16 hand-read pages with this sentence)
    ("现将青山东湖新技术开发区党政办公室(以下简称“办公室”)2025年度信息公开工作报告如下。", "青山东湖新技术开发区党政办公室"),
    ("现将青河县人民政府办公室2021年度政府信息公开工作年度报告如下。", "青河县人民政府办公室"),
])
def test_now_we_publish_names_the_body_after_a_short_name_and_an_office(sentence, issuer):
    meta, _ = meta_of(f"根据《条例》要求,{sentence}\n一、总体情况\n本年度,办公室依法公开政府信息。\n"
                      "如有疑问,请与管委会党政办联系。\n")
    assert meta["issuer"]["value"] == issuer


@pytest.mark.parametrize("text,issuer", [
    # a verb phrase that ends in a place is no name; the contact line names the government
    ("一、概述\n(一)加强领导。根据人事变动,及时调整了青河县政府信息公开工作领导小组。\n如有疑问,请与青河县人民政府"
     "信息公开办公室联系。\n", "青河县人民政府"),
    # list markers and table pipes glued before the title's name
    ("1、 青山市西城区兴隆街道办事处 2016 年度 政府信息公开工作年度报告\n一、概述\n无。\n", "青山市西城区兴隆街道办事处"),
    ("标题: | 青山区卫生和计划生育局2014年政府信息公开工作年度报告 | ||\n一、概述\n无。\n", "青山区卫生和计划生育局"),
    # a page's 内容概述 label before the title
    ("索引号 1234-GK-2015\n内容概述 青山市卫生局2014年政府信息公开工作年度报告\n一、概述\n无。\n", "青山市卫生局"),
    # a news title: the place publishes its report
    ("青川省发布2016年政府信息公开工作年度报告\n\n27日,青川省人民政府正式发布年度报告。\n", "青川省"),
    # a science city as a body
    ("根据条例及省市区有关文件要求,青山科技城以深化政务公开为主线,不断健全组织机构。\n一、概述\n无。\n", "青山科技城"),
    # a government's report that sums up its departments' reports
    ("本报告根据《条例》以及2018年度青山市政府各部门和各区政府的信息公开工作年度报告编制。\n一、概述\n无。\n",
     "青山市政府"),
    # the overview opens with the year and the body's name, whatever the verb
    ("本年度报告根据《条例》的要求编制。\n一、总体情况\n2022年,青川省退役军人事务厅准确把握新要求,全面推进公开。\n",
     "青川省退役军人事务厅"),
])
def test_issuer_in_more_page_shapes(text, issuer):
    meta, original = meta_of(text)
    assert meta["issuer"]["value"] == issuer
    _check_offsets(meta, original)


@pytest.mark.parametrize("text,issuer,year", [
    # a state farm's title; its own office in the contact line answers for the farm
    ("红旗场2024年政府信息公开工作年度报告\n根据条例要求,我场编制本报告。如有疑问,请与青山县红旗垦殖场办公室联系。\n"
     "一、总体情况\n无。\n", "青山县红旗垦殖场", 2024),
    ("\n \n   \n      园艺场2020年政府信息公开工作年度报告\n一、总体情况\n2020年园艺场主动公开信息105条。\n",
     "园艺场", 2020),
    # a page without a title whose numbered paragraphs open with the year
    ("依据条例之规定,制作本报告。\n一、总体情况\n1.2019年政府信息公开专栏全年主动公开政府信息282条。\n"
     "2.2019年收到政府信息公开申请2件。\n", None, 2019),
    # a cited notice about the reports names another year than the report's statistics period
    ("根据《青川市人民政府办公厅关于做好2021年政府信息公开工作年度报告编制发布有关事项的通知》等文件要求,由青河县"
     "人民政府办公室编制本报告。本报告中所列数据的统计时限自2022年1月1日至2022年12月31日。\n一、总体情况\n无。\n",
     "青河县人民政府", 2022),
])
def test_farms_numbered_years_and_cited_notices(text, issuer, year):
    meta, original = meta_of(text)
    assert (meta["issuer"] or {}).get("value") == issuer
    assert meta["year"]["value"] == year
    _check_offsets(meta, original)


@pytest.mark.parametrize("text,issuer,published", [
    # a source and its date after a long run of blanks; a body and a slash date under the title
    ("2019年青川省政府信息公开工作年度报告\n来源:青川省人民政府办公厅          2020-03-31 17:13:25 【字体:\n"
     "一、总体情况\n无。\n", "青川省", "2020-03-31"),
    ("青川省人民政府2017年政府信息公开工作报告\n青川省政务公开办  2018/3/26\n\n一、概述\n无。\n", "青川省人民政府",
     "2018-03-26"),
    # list markers glued before the title by a web page, and its date glued after it
    ("1.\n4. 青山市江汉区审计局2019年政府信息公开工作年度报告日期:2020-01-16 18:03信息来源:江汉区人民政府\n"
     "一、总体情况\n无。\n", "青山市江汉区审计局", "2020-01-16"),
    # an untitled page: the 信息来源 line (dropped from the text as boilerplate) still dates the page
    ("青山市住房公积金中心\n\n信息来源:青川政府网 日期:2022-01-28\n\n  根据《条例》要求,编制发布本年报。\n一、总体情况\n无。\n",
     "青山市住房公积金中心", "2022-01-28"),
    # the period of the report is no publication date; a verb phrase is no name
    ("2014年度青川省人民政府信息公开工作报告\n  • 报告时间:2014年1月1日至12月31日\n一、概述\n无。\n",
     "青川省人民政府", None),
    # the date, then the body, on a line under the title; a date after the title on its line (rounds r32, r34)
    ("青河县政府信息公开工作2023年度报告\n2024-01-26   青河县人民政府办公室\n\n一、总体情况\n无。\n",
     "青河县", "2024-01-26"),
    ("2010年青山市青河区青河路街道办事处政府信息公开工作年度报告 2011-01-28\n\n一、概述\n无。\n",
     "青山市青河区青河路街道办事处", "2011-01-28"),
    # a document's 成文日期 beside the page's 发布日期 (a metadata table): the 发布日期 (round r48)
    ("青河县审计局2021年政府信息公开工作年度报告\n主 题 词 | 审计局 年度报告 | 成文日期 | 2022-01-21 00:00 |\n"
     "文 号 | 〔〕号 | 发布日期 | 2022-01-27 19:48 |\n一、总体情况\n无。\n", "青河县审计局", "2022-01-27"),
    # a compiler's year and month under the title yields to the page's full date of that month
    ("2013年青山市青河街道办事处政府信息公开年度报告\n发布日期:2014-02-07 00:00:00 文章来源:本网\n"
     "青山市青河街道办事处\n2014年2月\n引 言\n无。\n", "青山市青河街道办事处", "2014-02-07"),
])
def test_source_lines_and_glued_dates(text, issuer, published):
    meta, original = meta_of(text)
    assert (meta["issuer"] or {}).get("value") == issuer
    assert (meta["published"] or {}).get("value") == published
    _check_offsets(meta, original)


@pytest.mark.parametrize("text,issuer,year", [
    # an untitled page: 截至2017年底 in the overview gives the year
    ("如对本报告有任何疑问,请联系:青山市卫生健康委员会办公室,联系电话7705020。\n一、概述\n我委领导高度重视政府信息公开工作。截至2017年底,本委政府信息公开工作运行正常。\n"
     "二、主动公开政府信息情况\n到2017年底,累计主动公开政府信息3100条。\n", "青山市卫生健康委员会", 2017),
    # the joint office of the party committee and the government answers for the government
    ("根据《条例》编制本报告。本报告统计期限为2016年1月1日至12月31日。如对本报告有任何疑问,请与中共青河县委青河县人民政府"
     "办公室联系。\n一、概述\n无。\n", "青河县人民政府", 2016),
    # a title that names the department without its place takes the one full name the text gives
    ("住建局 2025 年政府信息公开工作年度报告\n一、总体情况\n无。\n(二)依申请公开:2025年青河县住建局依申请信息公开办理有6件。\n",
     "青河县住建局", 2025),
    # a detachment is a body; its title may wrap before the year
    ("青河区消防救援支队\n政府信息公开工作2025年度报告\n一、总体情况\n2025年,青河区消防救援支队深入贯彻落实《条例》。\n",
     "青河区消防救援支队", 2025),
    # no title: the year every sentence opens with, also before 通过 or as 年内 (round r55)
    ("一、总体情况\n(一)主动公开。2021年度通过政务网主动公开信息数240余条。\n(二)依申请公开。2021年内,青河街道共办理"
     "4件政府信息公开申请。\n", "青河街道", 2021),
    # a branch of the central bank: 中心支行, not 中心 (round r53)
    ("一、总体情况\n2019年,中国人民银行青山市中心支行主动公开信息10401条,收到政府信息公开申请2件。\n",
     "中国人民银行青山市中心支行", 2019),
    # the same for a first sentence that names the department alone
    ("根据《条例》要求,现将林业局2018年度政府信息公开工作报告公布如下。\n一、概述\n无。\n二、主动公开政府信息情况\n"
     "青山县林业局累计主动公开政府信息280条。\n", "青山县林业局", 2018),
    # …but a list marker before the name is no place (一是市教育局举办…)
    ("教育局2023年政府信息公开工作年度报告\n一、总体情况\n一是市教育局举办政务公开培训。\n", "教育局", 2023),
    # two bodies joined by 及 are no one issuer
    ("本年度报告根据《条例》编制。\n一、总体情况\n2021年,青川省人民政府办公厅认真落实政务公开要求。\n(一)主动公开\n"
     "2021年,省政府及省政府办公厅共制发规章6件。\n", "青川省人民政府办公厅", 2021),
])
def test_untitled_pages_year_end_and_joined_bodies(text, issuer, year):
    meta, original = meta_of(text)
    assert (meta["issuer"] or {}).get("value") == issuer
    assert (meta["year"] or {}).get("value") == year
    _check_offsets(meta, original)


@pytest.mark.parametrize("text,issuer,year", [
    # a page without a title: the province that opens the first sentence, after the year
    ("2016年,青川省按照党中央、国务院各项工作要求,认真落实有关意见,全省政务公开工作迈出新步伐。\n", "青川省", 2016),
    # the year opens a clause whose subject is the body
    ("一、总体情况\n根据条例规定和省、市、县政府信息公开工作要求,2019年县地方志办在领导小组的指导下,全面贯彻文件精神。\n",
     "县地方志办", 2019),
    # a hospital's or a zone's own office in the contact line answers for the body; a zone is a body
    ("本报告中所列数据的统计时限自2019年1月1日至2019年12月31日。如对本报告有任何疑问,请与青河县中医院行政办公室联系。\n",
     "青河县中医院", 2019),
    ("本报告中所列数据的统计时限自2023年1月1日至2023年12月31日。如有疑问,请与青山市高新区党政办公室联系。\n",
     "青山市高新区", 2023),
    # 的 between the year and the place is no part of the name
    ("本报告中所列数据的统计时限自2012年1月1日至2012年12月31日。\n一、概述\n"
     "2012年的青川市政府信息公开工作,根据国务院、省政府的统一部署,稳步推进。\n", "青川市", 2012),
])
def test_untitled_pages_opening_with_year_and_body(text, issuer, year):
    meta, original = meta_of(text)
    assert meta["issuer"]["value"] == issuer
    assert meta["year"]["value"] == year
    _check_offsets(meta, original)


def test_a_government_department_named_after_its_government():
    # 青山市人民政府外事办公室 is a department, not the government's general office (人民政府办公室)
    text = ("依据条例及有关通知精神,青山市人民政府外事办公室编制形成本年度报告。如有疑问,可与青山市人民政府外事办公室"
            "联系(电话:87621190)。\n一、总体情况\n2025年,青山市人民政府外事办公室深入学习贯彻有关精神。\n")
    meta, original = meta_of(text)
    assert meta["issuer"]["value"] == "青山市人民政府外事办公室"
    _check_offsets(meta, original)
    # but a body's name is not run on into the verb phrase after it
    text = "一、总体情况\n2024年,市应急局通过局门户网站和微信公众号共公开信息1057条。\n"
    meta, _ = meta_of(text)
    assert meta["issuer"]["value"] == "市应急局"


@pytest.mark.parametrize("text,issuer", [
    # the compiler's name with an alias in brackets; a functional office is a body, not a general office
    ("根据通知要求,由青山区行政审批服务管理办公室(公共资源交易管理委员会办公室)编制的2017年度政府信息公开工作"
     "年度报告。\n一、概述\n无。\n", "青山区行政审批服务管理办公室"),
    # a clause that opens with 共报送 names no body
    ("一、概述\n2014年,共报送市局相关工作信息73条。\n", None),
])
def test_compilers_with_aliases_and_clauses_that_are_no_names(text, issuer):
    meta, _ = meta_of(text)
    assert (meta["issuer"] or {}).get("value") == issuer


def test_a_verb_phrase_before_the_place_is_no_name():
    text = ("根据条例,特向社会公布我旗2021年度信息公开年度报告。\n一、总体情况\n2021年,我旗围绕要求,推动了全旗政府信息工作"
            "深入开展,推动全旗政府信息公开工作扎实有效地开展。\n")
    meta, _ = meta_of(text)
    assert meta["issuer"] is None


@pytest.mark.parametrize("text,year", [
    # a work item that publishes last year's report is no title
    ("一、总体情况\n2025年,我局认真贯彻落实《条例》。\n(一)政府信息主动公开情况\n1.发布公示公告5条;\n"
     "2.按照要求发布2024年政府信息公开年报;\n3.更新栏目信息33条。\n", 2025),
    # last year's report as the last item of what was disclosed is no title
    ("一、总体情况\n在网站上主动公开信息493条,公开了人事信息、财政信息等重点领域信息及2018年度信息公开工作报告。"
     "2019年度我局共收到3件依申请公开。\n", 2019),
    # the body, then the year, then what it disclosed
    ("二、主动公开政府信息情况\n青山高新区管委会2018年共通过政务信息公开系统公开政府文件、政务信息276条。\n", 2018),
])
def test_untitled_pages_years_from_the_work_described(text, year):
    meta, original = meta_of(text)
    assert (meta["year"] or {}).get("value") == year
    _check_offsets(meta, original)


def test_the_year_word_is_no_part_of_a_name():
    # 2023年度市商务局: 度 belongs to 年度; the title's 商务局 has no full name in the text
    text = ("信息名称: 商务局2023年政府信息公开工作年度报告\n一、总体情况\n(一)主动公开\n"
            "2023年度市商务局通过政府网站主动公开政务信息114条。\n")
    meta, original = meta_of(text)
    assert meta["issuer"]["value"] in ("商务局", "市商务局")
    _check_offsets(meta, original)


def test_the_year_of_a_page_that_names_no_body():
    # 2019年度街道…: 度 is no part of a name; the year is the one every statement opens with
    text = ("(二)政府信息依申请公开情况\n2019年度街道受理信息公开申请0件。\n(三)复议、诉讼和申诉情况\n"
            "2019年度街道发生行政复议案0件。\n")
    meta, original = meta_of(text)
    assert meta["issuer"] is None
    assert meta["year"]["value"] == 2019
    _check_offsets(meta, original)


def test_the_body_that_says_what_it_disclosed_when_nothing_else_names_one():
    text = ("根据条例的规定,编制2019年度我乡信息公开工作年度报告。\n一、总体情况\n2019年我乡高度重视政府信息公开工作。\n"
            "二、主动公开政府信息情况\n截至2019年12月31日,青山乡人民政府通过信息平台累计主动公开政府信息3条。\n")
    meta, original = meta_of(text)
    assert meta["issuer"]["value"] == "青山乡人民政府" and meta["issuer"]["confidence"] <= 0.5
    _check_offsets(meta, original)


@pytest.mark.parametrize("title,issuer", [
    ("青山市河西区供销合作社2018年政府信息公开工作年度报告", "青山市河西区供销合作社"),
    ("2014年青山第二中學 政府信息公開工作年度報告", "青山第二中学"),
    ("湖北省青山市气象部门2022年政府信息公开工作年度报告", "湖北省青山市气象部门"),
])
def test_public_institutions_publish_reports_too(title, issuer):
    meta, original = meta_of(title + "\n根据条例的规定,现公布本年度报告。\n一、概述\n无。\n")
    assert meta["issuer"]["value"] == issuer
    _check_offsets(meta, original)


@pytest.mark.parametrize("text,issuer", [
    # a verb phrase after the place is no part of the name
    ("一、总体情况\n2020年,青江区严格按照国务院办公厅的要求,推进政务公开工作。\n", "青江区"),
    # 实现全市… is a clause; the title of a work summary names the city
    ("青山市2019年政务公开工作总结\n2019年,我市政务公开工作扎实推进,实现全市政务公开工作在新起点上再提升。\n", "青山市"),
    # the government's office in the contact line (政府办) answers for the government
    ("特向社会公布2021年度本级政府信息公开年度报告。如对本报告有任何疑问,请与青河县政府办政务公开股联系。\n"
     "一、总体情况\n我县全面推进政务公开。\n", "青河县政府"),
])
def test_clauses_summaries_and_short_offices(text, issuer):
    meta, original = meta_of(text)
    assert (meta["issuer"] or {}).get("value") == issuer
    _check_offsets(meta, original)


@pytest.mark.parametrize("text,issuer,year", [
    # a title broken after its year beats the site's header above it
    ("青山市河西区人民政府\n\n政府信息公开年报\n\n青山市河西区人民防空办公室2020\n\n政府信息公开工作年度报告\n\n"
     "本报告由河西区人民防空办公室编制。\n一、概述\n无。\n", "青山市河西区人民防空办公室", 2020),
    # 开发区 + 政府信息公开: 政府 belongs to the keyword; the metadata table's title names the zone
    ("标 题 | 青山经济技术开发区2017年政府信息公开年度报告 |\n"
     "内容概述 | 特向社会公布2017年度开发区政府信息公开年度报告。 |\n一、概述\n无。\n", "青山经济技术开发区", None),
    # a street named without its office opens the overview
    ("一、总体情况\n2022年,青云街以新时代思想为指导,全面推进政务公开工作。\n(一)主动公开方面\n"
     "2022年青云街政府网站公开政府信息84条。\n", "青云街", None),
    # a title whose year is written without 年
    ("青山自治区政府国资委2020政府信息公开工作年度报告\n根据通知要求,现将报告公布如下。\n一、总体情况\n无。\n",
     "青山自治区政府国资委", 2020),
    # a title that says 政府政务信息公开 (traditional script)
    ("青山省環境保護廳2016年度政府政務信息公開工作報告\n依據條例,現將有關情況報告如下。\n一、總體情況\n無。\n",
     "青山省环境保护厅", 2016),
    # a blank inside the title keyword
    ("青石港区文化和旅游局2025年度政府信息 公开工作年度报告\n发布时间:2026-01-20\n一、总体情况\n无。\n",
     "青石港区文化和旅游局", None),
])
def test_titles_and_openings_that_name_the_body(text, issuer, year):
    meta, original = meta_of(text)
    assert meta["issuer"]["value"] == issuer
    if year is not None:
        assert meta["year"]["value"] == year
    _check_offsets(meta, original)


def test_a_verb_ending_like_a_body_is_no_name() -> None:
    """学校专题研究部署…: 部署 is a verb, so 学校专题研究部 is no body."""
    meta, _ = meta_of("一、总体情况\n2021年,学校专题研究部署政务公开工作,开展了1次专题线上培训。\n")
    assert (meta["issuer"] or {}).get("value") != "学校专题研究部"


@pytest.mark.parametrize("text,issuer", [
    # 使审计局政府信息公开工作纳入…: 审计局 is what the mechanism acts on, not the sentence's subject
    ("引言\n本报告是根据《条例》要求,由青山市河西区审计局编制的2009年度政府信息公开年度报告。\n"
     "一、概述\n2009年,我局建立起了正常发布机制,使审计局政府信息公开工作纳入规范化轨道。\n", "青山市河西区审计局"),
    # a short name the report declares (以下简称) stands for the full name
    ("本报告依据《条例》要求,结合国家税务总局青山市河西区税务局(以下简称“河西区税务局”)政府信息公开工作"
     "有关统计数据撰写。\n一、总体情况\n2022年,河西区税务局坚持以公开为常态。\n", "国家税务总局青山市河西区税务局"),
    # a body that describes itself opens the overview
    ("一、总体情况\n青山市卫生健康委是主管全市医疗卫生健康事业的市政府职能部门,按照《条例》的要求开展"
     "政府信息公开工作。\n", "青山市卫生健康委"),
    # the title's 河西区卫生局 and the compiler's 青山市河西区卫生局 are one body
    ("2011年河西区卫生局政府信息公开年报\n一、引言\n本年报是根据《规定》要求,由青山市河西区卫生局编制的"
     "2011年度政府信息公开年度报告。\n", "青山市河西区卫生局"),
    # a township's 政务公开办 in the contact line answers for the township
    ("根据《条例》的规定,现编制2013年度政府信息公开工作年度报告。\n一、概述\n本年度工作正常。\n"
     "如对本报告有任何疑问,请与青河满族乡政务公开办联系。\n", "青河满族乡"),
    # a title's 青河镇政府 takes the contact line's full name of the same place's government
    ("2023年度青河镇政府信息公开年度报告\n本报告依据《条例》编制。如对本报告有疑问,"
     "请与青山区青河镇人民政府办公室联系。\n一、总体情况\n本年度工作正常。\n", "青山区青河镇人民政府"),
    # 对 opens clauses (对全县…), but 对坊乡 is a township
    ("对坊乡2023年政府信息公开工作年度报告\n根据《条例》,编制本年度报告。\n一、总体情况\n本年度工作正常。\n", "对坊乡"),
    # a zone and its district in brackets, then the body under both (session 15's table pages)
    ("一、总体情况\n2020年,青山经济技术开发区(青河区)医疗保障局政府信息公开工作在管委会的领导下稳步推进。\n",
     "青山经济技术开发区(青河区)医疗保障局"),
    # a clause joined with 并 (并下设办公室在局办公室) names no body; the 现将…年度报告 sentence does
    ("按照《条例》要求,现将河西区交通运输局2018年政务信息公开年度报告向社会发布。\n一、概述\n(一)加强组织领导。"
     "我局成立了领导小组,认真落实了工作机制。领导小组对工作进行了部署,并下设办公室在局办公室,由办公室人员负责"
     "日常工作。\n", "河西区交通运输局"),
    # a zone's short name in the sentences, its committee under its places in the 现将 sentence (round r33)
    ("本报告依据《条例》编制。2024年,青河开发区紧密结合实际,积极推进政务公开。现将青山市青河开发区管理委员会"
     "2024年度政府信息公开工作情况报告如下:\n一、总体情况\n2024年,青河开发区高度重视政府信息公开。\n",
     "青山市青河开发区管理委员会"),
    # a preparatory office (筹备处) is a body (round r34)
    ("2014年青山市青河区东湖街道办事处筹备处政府信息公开工作年度报告\n本报告由青山市青河区东湖街道办事处筹备处编制。\n"
     "一、概述\n2014年,东湖街道坚持依法公开。\n", "青山市青河区东湖街道办事处筹备处"),
    # 省机关事务局 abbreviates the compiler's full name 青川省机关事务管理局 (round r35)
    ("本报告由青川省机关事务管理局根据《条例》的要求编制。\n一、总体情况\n2022年,省机关事务局坚持依法公开。"
     "省机关事务局认真落实《条例》。\n", "青川省机关事务管理局"),
    # 自由贸易 holds 由 but is no clause; a name may hold a parenthesised place (round r33)
    ("来源:\n\n中国(青川)自由贸易试验区青河片区管理委员会2022年政府信息公开工作年度报告\n\n"
     "根据《条例》等规定,发布本年度报告。\n一、总体情况\n今年以来,我委高度重视。\n",
     "中国(青川)自由贸易试验区青河片区管理委员会"),
    # a verb before a short name (规范市民政局政府信息公开工作) is no part of it (round r40)
    ("一、总体情况\n(一)加强组织领导。明确由局办公室牵头。\n(二)健全工作制度。制订《青山市民政局政府信息公开指南》,"
     "规范市民政局政府信息公开工作。如有疑问,请与青山市民政局办公室联系。\n", "青山市民政局"),
    ("本报告由青山市青山区卫生和计划生育委员会编制。\n一、概述\n(一)在门户网站上建立了青山区卫生计生委的政府信息公开"
     "专栏,集中展示青山区卫生计生委主动公开的政府信息。\n", "青山市青山区卫生和计划生育委员会"),  # 集中展示 (round r51)
    # the page title names the body in full, the report's own title as 自治区…厅 (round r72)
    ("青川回族自治区应急管理厅2023年政府信息公开年度报告\n自治区应急管理厅\n2023年政府信息公开工作年度报告\n"
     "根据《条例》要求,编制本报告。\n一、总体情况\n2023年,自治区应急管理厅不断加强政务公开工作。\n", "青川回族自治区应急管理厅"),
    # the title's 市卫生局 takes the one full name the text gives it, in a document's title (round r72)
    ("2013年市卫生局政府信息公开工作年度报告\n现将市卫生局2013年度政府信息公开工作情况报告如下:\n一、概述\n"
     "市卫生局制定了《青山市卫生局政府信息公开制度》,明确了工作职责。\n", "青山市卫生局"),
    # a verb before the short form is no place: 现公布市应急局 names no city
    ("根据《条例》规定,现公布市应急局2021年度政府信息公开工作年度报告。\n一、总体情况\n2021年,市应急局依法公开。\n",
     "市应急局"),
    # a people's organization (round r74): its title writes only 市残联, its first sentence the full name
    ("市残联政府信息公开工作年度报告\n2025年,青山市残疾人联合会(以下简称“市残联”)在市委、市政府的领导下,"
     "严格遵循《条例》要求。现将2025年度市残联政府信息公开工作报告如下。\n一、总体情况\n本年度工作正常。\n", "青山市残疾人联合会"),
    # 综合 before the body is the verb of the compiling sentence (round r80)
    ("自治区市场监督管理局2019年政府信息公开工作年度报告\n本报告根据《条例》的要求,综合自治区市场监督管理局政府信息"
     "公开工作情况编制而成。\n一、总体情况\n本年度工作正常。\n", "自治区市场监督管理局"),
    # a government's research office (round r78)
    ("青山市政府研究室2023年政府信息公开工作年度报告\n根据《条例》的规定和要求,现公布本年度报告。\n一、总体情况\n无。\n",
     "青山市政府研究室"),
    # 现就X2022年…年度报告予以公开 (round r80): the place's report, never 现就 in the name
    ("根据《条例》要求,现就青山市东河区2022年政府信息公开工作年度报告予以公开。\n一、总体情况\n"
     "2022年,东河区认真贯彻落实《条例》。\n", "青山市东河区"),
])
def test_issuer_shapes_of_held_out_pages(text, issuer):
    """Shapes the hand-read pages showed, with made-up names: the fourth session's, from the zone's committee on the
    nineteenth's, and from 自治区…厅 on the twenty-first's (rounds r70–r80)."""
    meta, original = meta_of(text)
    assert meta["issuer"]["value"] == issuer
    _check_offsets(meta, original)


@pytest.mark.parametrize("sentence", [
    "(三)政府信息管理情况。建立健全了信息公开机制,所有公开信息由局办公室主动收集,经主要领导审核签发。",
    "(一)工作机构情况\n按照我委领导小组分工,分管办公室的委领导是全委政府信息公开工作的负责人。",
])
def test_clauses_are_no_issuer(sentence):
    meta, _ = meta_of(f"一、总体情况\n2020年,我局没有依申请公开事项。\n{sentence}\n")
    assert meta["issuer"] is None


def test_year_from_sentences_that_open_with_it_and_the_body():
    """No title year and no data period: the one year the sentences open with (2020年度我街办…, 2020年青河街道办未…),
    weakly."""
    text = ("青河街道办事处政府信息公开工作年度报告\n\n一、总体情况\n\n(二)政府信息依申请公开情况\n\n"
            "2020年度我街办未接到提出公开政府信息的申请。\n\n(四)行政复议、行政诉讼情况\n\n"
            "2020年青河街道办未发生因政府信息公开申请提起的行政复议和行政诉讼。\n")
    meta, original = meta_of(text)
    assert meta["year"]["value"] == 2020 and meta["year"]["confidence"] <= 0.6
    _check_offsets(meta, original)


def test_a_breadcrumb_year_glued_before_the_title_is_no_part_of_the_name():
    """A page whose breadcrumb ends in the year runs into the title (…政府信息公开年报 > 2021年青山县2021年…):
    the 年 of that year is no part of the body's name."""
    text = ("当前位置 : 首页 > 政务公开 > 政府信息公开年报 > 2021年青山县2021年政府信息公开工作报告 索引号 6207/2022-00062\n"
            "2021年,我县坚持以人民为中心,全县主动公开政府信息共计1443条。\n")
    meta, _ = meta_of(text)
    assert meta["issuer"]["value"] == "青山县"
    _check_offsets(meta, text)


def test_a_vertically_managed_bodys_full_name_wins_over_its_short_form():
    """国家税务总局青山市税务局向社会公布本单位…年度报告 names the body; its sentences say 青山市税务局, which votes for
    the full name (readers write the full one)."""
    text = ("根据《中华人民共和国政府信息公开条例》要求,国家税务总局青山市税务局向社会公布本单位2020年政府信息公开工作"
            "年度报告。\n一、总体情况\n2020年,青山市税务局深入贯彻政务公开的决策部署。青山市税务局全年主动公开信息120条。\n")
    meta, _ = meta_of(text)
    assert meta["issuer"]["value"] == "国家税务总局青山市税务局"
    _check_offsets(meta, text)


def test_an_infobox_key_and_a_glued_heading_are_no_part_of_the_name():
    """中文名 | 青山县人民政府2011年…年度报告 (an infobox row): the key is no name; (一)加强领导,规范有序开展主动公开
    青山县气象局按照… (a heading run into the sentence): the body follows the heading's verb."""
    text = "中文名 | 青山县人民政府2011年政府信息公开年度报告 | 发布单位 | 青山县人民政府 |\n一、概述\n全年主动公开信息120条。\n"
    meta, _ = meta_of(text)
    assert meta["issuer"]["value"] == "青山县人民政府"
    glued = ("青山县气象局政府信息公开工作年度报告\n一、总体情况\n(一)加强领导,规范有序开展主动公开青山县气象局按照《目录》,"
             "坚持以公开为常态。\n")
    meta, text2 = meta_of(glued)
    assert meta["issuer"]["value"] == "青山县气象局"
    _check_offsets(meta, text2)
    from ie.meta import _org_cand

    i = glued.index("规范有序")
    c = _org_cand(glued, i, glued.index("按照"), 0.8, "first_sentence")
    assert c is not None and c.value == "青山县气象局" and glued[c.nstart:c.nend] == "青山县气象局"


def test_a_place_written_twice_before_the_body_counts_once():
    """由青山市河西区青山市河西区发展和改革委员会编制: the source repeats the place; the name has it once."""
    text = ("本报告是根据《条例》要求,由青山市河西区青山市河西区发展和改革委员会编制的2013年度政府信息公开年度报告。\n"
            "一、概述\n全年主动公开信息303条。\n")
    meta, _ = meta_of(text)
    assert meta["issuer"]["value"] == "青山市河西区发展和改革委员会"
    _check_offsets(meta, text)
