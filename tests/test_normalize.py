"""The normalizer: junk removal and an exact, monotonic offset map (hypothesis property tests)."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ie.normalize import PINYIN_SYLLABLES, fold_width, normalize, to_simplified

# Traditional and simplified characters, digits, punctuation; no `?`, `(`, `|` (those are junk markers).
ALPHABET = list("政府信息公開開條例規範數據網站發布結轉區內監權經統鄉鎮申請報告年度件條次主動公开办理") + \
    list("0123456789，。、：；“”《》 ")
JUNK_A = ["(jù)", "(guī)", "(shù)", "(wǎng)", "(fā)", "(jié)", "（jù）", "(zhuǎn)", "(qū)", "(nèi)"]
JUNK_B = ["(wen)", "(he)(he)", "(gong)(gong)(gong)", "(kai)"]


@st.composite
def junky_text(draw):
    """A clean text, and the same text with converter junk inserted; returns both plus the index map."""
    lines = draw(st.lists(st.text(alphabet=ALPHABET, min_size=0, max_size=40), min_size=1, max_size=6))
    clean = "\n".join(lines)
    out: list[str] = []
    pos_of: list[int] = []  # clean index -> index in the junky text
    n = 0
    for ch in clean:
        pos_of.append(n)
        out.append(ch)
        n += 1
        if "\u4e00" <= ch <= "\u9fff" and draw(st.integers(0, 4)) == 0:
            junk = draw(st.sampled_from(JUNK_A + JUNK_B))
            out.append(junk)
            n += len(junk)
    return clean, "".join(out), pos_of


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(junky_text())
def test_junk_is_removed_and_map_is_exact(sample):
    clean, junky, pos_of = sample
    norm = normalize(junky)
    assert norm.text == normalize(clean).text == to_simplified(fold_width(clean))
    assert len(norm.starts) == len(norm.ends) == len(norm.text)
    for i in range(len(norm.text)):
        assert norm.to_original(i, i + 1) == (pos_of[i], pos_of[i] + 1)
    assert norm.starts == sorted(norm.starts) and norm.ends == sorted(norm.ends)


@settings(max_examples=100, deadline=None)
@given(junky_text(), st.data())
def test_spans_map_back_to_the_same_text(sample, data):
    clean, junky, pos_of = sample
    norm = normalize(junky)
    if not norm.text:
        return
    s = data.draw(st.integers(0, len(norm.text) - 1))
    e = data.draw(st.integers(s + 1, len(norm.text)))
    os_, oe = norm.to_original(s, e)
    # the original span, with its junk removed and simplified, is exactly the normalized span
    assert normalize(junky[os_:oe]).text == norm.text[s:e]
    assert norm.to_normalized(os_, oe) == (s, e)


def test_pinyin_junk_toned_and_toneless():
    raw = "根據(jù)《條例》規(guī)定，文(wen)章(zhang)共和(he)(he)國，統(tǒng) 計 指 標，（jù）據"
    norm = normalize(raw)
    assert "(" not in norm.text and "（" not in norm.text
    assert norm.text == "根据《条例》规定,文章共和国,统 计 指 标,据"


def test_legitimate_parentheses_survive():
    raw = "(一)主动公开情况。附件(a)与(2)号文件,规定(试行)"
    assert normalize(raw).text == raw


def test_spam_replaced_by_guanyu_and_offsets_cover_the_spam():
    raw = "全面落实党中央、国务院365体育投注全面推进政务公开工作的决策部署"
    norm = normalize(raw)
    assert "国务院关于全面推进" in norm.text
    i = norm.text.index("关于")
    s, e = norm.to_original(i, i + 2)
    assert raw[s:e] == "365体育投注"
    assert "比分直播" not in normalize("国务院办公厅比分直播,篮球比分直播印发通知").text


def test_boilerplate_lines_dropped_report_lines_kept():
    raw = ("扫一扫在手机上查看当前页面\n一、总体情况\n主动公开政府信息574件。\n"
           "上一篇: 某某通知\n主办:某市人民政府 承办:某市大数据局\n某ICP备0900464号-5 网站标识码:1234\n")
    norm = normalize(raw)
    assert norm.text == "一、总体情况\n主动公开政府信息574件。\n"


def test_question_mark_junk_and_mojibake_marked():
    raw = "主辦:同心縣人民政府????承辦:x\n內容規范?!锻目h人民政府公報》\n一、主動公開情況 | ? | ? |\n"
    norm = normalize(raw)
    moj = norm.text.index("?!")
    assert norm.is_corrupted(moj, moj + 3)
    assert "| ? | ? |" in norm.text  # table blanks are left to the rule layer
    assert norm.text.startswith("内容规范")  # the 主办/承办 footer line is boilerplate
    assert not norm.is_corrupted(0, 4)


def test_gbk_pipe_inside_mojibake_is_not_a_cell_separator():
    norm = normalize("位于固?hào)|鎮(zhèn)的服务点")
    assert "|" not in norm.text


def test_full_width_folded():
    norm = normalize("主动公开政府信息５７４件，（一）")
    assert norm.text == "主动公开政府信息574件,(一)"


def test_pdf_wrapped_lines_joined_and_page_numbers_dropped():
    body = "二〇二三年本机关坚持以公开为常态不公开为例外的原则持续推进政务公开标准化规范化建设全年主动公开政府信息"
    lines = [body[i:i + 30] for i in range(0, len(body), 30)]
    raw = "\n".join(lines) + "1136条。\n- 2 -\n一、总体情况\n"
    norm = normalize(raw, pdf=True)
    assert body + "1136条。\n一、总体情况\n" == norm.text
    i = norm.text.index("1136条")
    s, e = norm.to_original(i, i + 5)
    assert raw[s:e] == "1136条"


def test_a_pdf_line_ending_inside_a_list_goes_on():
    """2019年一、二、|三、四季度: the next line starts like a list heading (三、) but continues the list."""
    first = "及时更新政府信息公开目录并按季度编制报表全年完成2019年一、二、"
    raw = first + "\n三、四季度报表编制工作,全年主动公开政府信息19891条。\n(二)依申请公开\n"
    norm = normalize(raw, pdf=True)
    assert first + "三、四季度报表编制工作,全年主动公开政府信息19891条。\n(二)依申请公开\n" == norm.text


def test_pdf_rows_of_the_pre2019_table_stay_rows():
    """统计表 rows as PDF text end with unit and number; a long one is no wrapped sentence."""
    row = "(一)主动公开政府信息数 (不同渠道和方式公开相同信息计1条) 条 396"
    prose = "本机关坚持以公开为常态不公开为例外的原则推进政务公开标准化规范化建设工作成效明显"
    raw = "\n".join([prose] * 8 + [row, "其中:主动公开规范性文件数 条 0", "制发规范性文件总数 件 0"]) + "\n"
    norm = normalize(raw, pdf=True)
    assert row + "\n其中:主动公开规范性文件数 条 0\n" in norm.text


def test_cjk_radicals_standing_for_ideographs_are_folded():
    """PDF text from some fonts: Kangxi radicals and the radicals supplement for whole ideographs, one for one."""
    raw = "⻘⼭县⼈⺠政府办公室2023年政府信息公开⼯作年度报告\n全年主动公开政府信息⼀百条,⾨户⽹站发布⻓⽂36条。"
    norm = normalize(raw)
    assert norm.text.startswith("青山县人民政府办公室2023年政府信息公开工作年度报告\n")
    assert "门户网站发布长文36条" in norm.text
    assert len(norm.text) == len(raw)  # one character for one: the offsets stay where they were
    i = norm.text.index("人民政府")
    assert raw[slice(*norm.to_original(i, i + 4))] == "⼈⺠政府"
    from ie.meta import extract_meta
    from ie.sections import split_sections

    meta = extract_meta(norm, split_sections(norm.text))
    assert meta["issuer"]["value"] == "青山县人民政府办公室" and meta["year"]["value"] == 2023


def test_soft_breaks_from_the_layout_decide_the_joins():
    # a PDF line with digits holds more characters than one without: the widths mislead, the layout does not
    raw = ("二〇二三年本机关在政府网站平台主动公开政府信息\n1136条,公开政府常务会议7期,解读信息发布7条,其中图\n"
           "解3条。\n(二)依申请公开情况\n")
    soft = [raw.index("\n"), raw.index("\n", raw.index("其中图"))]
    norm = normalize(raw, pdf=True, soft_breaks=soft)
    assert norm.text == ("二〇二三年本机关在政府网站平台主动公开政府信息1136条,公开政府常务会议7期,解读信息发布7条,"
                         "其中图解3条。\n(二)依申请公开情况\n")
    assert normalize(raw, pdf=True, soft_breaks=[]).text == raw  # no soft break: nothing joined
    # a sentence that ends at the margin goes on into its paragraph's next line (not into a heading)
    raw = "全年主动公开政府信息1136条。\n其中通过门户网站公开1000条。\n(二)依申请公开情况\n"
    soft = [raw.index("\n"), raw.index("\n", raw.index("1000条"))]
    assert normalize(raw, pdf=True, soft_breaks=soft).text == (
        "全年主动公开政府信息1136条。其中通过门户网站公开1000条。\n(二)依申请公开情况\n")


def test_pinyin_whitelist_is_real_pinyin():
    assert {"wang", "zhuan", "jie", "he", "gong", "kai"} <= PINYIN_SYLLABLES
    assert "xyz" not in PINYIN_SYLLABLES


def test_seeds_have_no_junk_or_spam(shared_dir):
    import re

    for path in sorted((shared_dir / "seeds").glob("*.txt")):
        norm = normalize(path.read_text(encoding="utf-8"))
        assert not re.search(r"\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,6}\)", norm.text), path.name
        assert "体育投注" not in norm.text and "ICP备" not in norm.text
        assert to_simplified(norm.text) == norm.text, path.name


def test_a_sentence_with_spam_words_is_not_a_spam_title():
    text = "一、总体情况\n2022年,发布视频新闻12条,图解8期,其中新闻发布会15场。\n"
    assert "视频新闻12条" in normalize(text).text


def test_a_short_hard_wrapped_excerpt_is_joined():
    # a page of PDF text saved as .txt: eight lines of one width are enough to see the wrap
    text = ("时效性和安全性。印发《关于调整青山市生态环境局信息主动公\n"
            "开基本目录的通知》,根据年度工作要点及时调整市生态环境局\n"
            "主动公开目录。加大规范性文件主动公开,全年制发规范性文件\n"
            "0 件,废止 0 件,现行有效 1 件。政府信息公开保密审查制度,\n"
            "依规对政府信息进行审查,确保公开内容准确无误安全可靠有效。\n"
            "深化政府信息公开平台建设,不断完善升级网站首页布局和栏目\n"
            "设置,优化网站总体架构、栏目和页面链接,丰富门户网站内容\n"
            "提升网站实用性和便民性。同时加大政务新媒体公开力度和频次\n"
            "(四)政府信息公开平台建设\n")
    norm = normalize(text)
    assert "全年制发规范性文件0 件" in norm.text
    assert "\n(四)政府信息公开平台建设" in norm.text  # a heading still starts its line
    s = norm.text.index("0 件")
    assert text[slice(*norm.to_original(s, s + 3))] == "0 件"


def test_taiwan_wording_of_a_traditional_mirror_is_folded() -> None:
    """A mirror that converts a page with phrases writes 政府信息 as 政府資訊: folded back to 信息 (same length, offsets
    kept), but only in a traditional line; 政务资讯 in a simplified report stays."""
    n = normalize("青河區信訪辦主動公開政府資訊40條,網路問政12件。")
    assert n.text == "青河区信访办主动公开政府信息40条,网络问政12件。"
    assert n.to_original(13, 16) == (13, 16)
    assert normalize("政务资讯栏目发布120条。").text == "政务资讯栏目发布120条。"
