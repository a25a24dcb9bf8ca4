"""Tagger mechanics with a stand-in model (no training): clause skipping, overlapping windows, BIO
repair, offsets into the original text, values and confidences."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import torch

from ie.labels import label2id
from ie.normalize import normalize
from ie.tagger import Tagger, has_quantity, repair_spans
from ie.vocab import CharEncoder, build_vocab

UNITS = "件条"


class RuleModel(torch.nn.Module):
    """Logits that tag <digits><space?><unit> as APPLICATIONS (件) or DISCLOSED_TOTAL (条)."""

    def __init__(self, encoder: CharEncoder) -> None:
        super().__init__()
        self.inv = {i: t for t, i in encoder.vocab.items()}
        self.calls = 0

    def forward(self, input_ids, attention_mask):
        self.calls += 1
        b, n = input_ids.shape
        logits = torch.zeros((b, n, len(label2id)))
        for i in range(b):
            chars = "".join(self.inv[int(x)] if len(self.inv[int(x)]) == 1 else "#" for x in input_ids[i])
            tags = ["O"] * n
            for m in re.finditer(r"\d+#?[件条]", chars):
                label = "APPLICATIONS" if m.group()[-1] == "件" else "DISCLOSED_TOTAL"
                tags[m.start()] = f"B-{label}"
                for k in range(m.start() + 1, m.end()):
                    tags[k] = f"I-{label}"
            for k, t in enumerate(tags):
                logits[i, k, label2id[t]] = 10.0
        return type("Out", (), {"logits": logits})()


def make_tagger(**kw) -> Tagger:
    enc = CharEncoder({t: i for i, t in enumerate(build_vocab(["收到申请件条主动公开信息"], n_common_cjk=3000))})
    model = RuleModel(enc)
    return Tagger(model, enc, {i: t for t, i in label2id.items()}, **kw)


def test_items_point_into_original_text() -> None:
    raw = "打印本页\n本機關收到政府信息公開申請１２件，主動公開信息 345 條。\n2023年5月联系电话12345678。"
    norm = normalize(raw)
    items = make_tagger().tag(norm, [(0, len(norm.text))])
    got = [(it["text"], it["label"], it["value"], it["unit"]) for it in items]
    assert got == [("１２件", "APPLICATIONS", 12, "件"), ("345 條", "DISCLOSED_TOTAL", 345, "条")]
    for it in items:
        assert raw[it["start"] : it["end"]] == it["text"]
        assert 0.9 < it["confidence"] <= 1.0
        assert it["approximate"] is False


def test_long_text_windows_overlap_and_cover_everything() -> None:
    sent = "我局收到申请{n}件。"
    raw = "".join(sent.format(n=i + 10) for i in range(300))
    norm = normalize(raw)
    tagger = make_tagger(window=100, overlap=30, batch_size=4)
    items = tagger.tag(norm, [(0, len(norm.text))])
    assert [it["value"] for it in items] == [i + 10 for i in range(300)]
    assert all(raw[it["start"] : it["end"]] == it["text"] for it in items)
    assert tagger.model.calls > 1


def test_sections_and_quantity_free_clauses_are_skipped() -> None:
    raw = "一、总体情况\n我局进一步加强组织领导。\n二、主动公开\n主动公开信息12条。\n表格|3|4件\n"
    norm = normalize(raw)
    tagger = make_tagger()
    start = norm.text.index("二、")
    end = norm.text.index("表格")
    segs = tagger.segments(norm.text, [(start, end)])
    assert all(start <= s < e <= end for s, e in segs)
    assert "进一步" not in "".join(norm.text[s:e] for s, e in segs)
    items = tagger.tag(norm, [(start, end)])
    assert [it["text"] for it in items] == ["12条"]


def test_unit_on_the_next_line_is_kept() -> None:
    """PDF text breaks lines anywhere: the clause after a number at a line end holds its unit."""
    raw = "主动公开信息12\n条,收到申请3\n件。\n进一步加强。"
    norm = normalize(raw)
    tagger = make_tagger()
    segs = tagger.segments(norm.text, [(0, len(norm.text))])
    assert "".join(norm.text[s:e] for s, e in segs) == "主动公开信息12\n条,收到申请3\n件。"
    items = tagger.tag(norm, [(0, len(norm.text))])
    assert [(it["text"], it["value"]) for it in items] == [("12\n条", 12), ("3\n件", 3)]


def test_has_quantity_ignores_dates() -> None:
    assert not has_quantity("2023年5月12日,我局召开会议")
    assert has_quantity("收到申请12件")
    assert has_quantity("举办培训两期")
    assert not has_quantity("进一步统一思想")


def test_bio_repair() -> None:
    tags = ["O", "I-TRAINING", "I-TRAINING", "O", "B-APPLICATIONS", "I-TRAINING", "O"]
    assert repair_spans(tags) == [(1, 3, "TRAINING"), (4, 5, "APPLICATIONS"), (5, 6, "TRAINING")]


def test_decode_spans_marginal_and_label_by_mass() -> None:
    import numpy as np

    from ie.tagger import decode_spans

    id2label = {i: t for t, i in label2id.items()}
    probs = np.zeros((6, len(label2id)))
    probs[0, label2id["O"]] = 1.0
    # chars 1-3 form one span: P(O) < 0.5 everywhere, but the label mass is split; 4 starts a new one
    probs[1, [label2id["B-APPLICATIONS"], label2id["B-TRAINING"], label2id["O"]]] = [0.35, 0.3, 0.35]
    probs[2, [label2id["I-APPLICATIONS"], label2id["I-TRAINING"], label2id["O"]]] = [0.3, 0.4, 0.3]
    probs[3, [label2id["I-APPLICATIONS"], label2id["O"]]] = [0.6, 0.4]
    probs[4, [label2id["B-TRAINING"], label2id["O"]]] = [0.9, 0.1]
    probs[5, label2id["O"]] = 0.9
    probs[5, label2id["I-TRAINING"]] = 0.1
    assert decode_spans(probs, id2label) == [(1, 4, "APPLICATIONS"), (4, 5, "TRAINING")]


def test_quantity_candidates_follow_span_boundaries() -> None:
    from ie.tagger import quantity_candidates

    text = ("主动公开信息574条,网站1133 条,2.5万人次,70余人次,一千二百件,两期,95.5%,一是统一,2023年,共计1,500条,信息数170,"
            "微博4千余条,20余万条,")
    got = [text[s:e] for s, e in quantity_candidates(text)]
    assert got == ["574条", "1133 条", "2.5万人次", "70余人次", "一千二百件", "两期", "95.5%", "1,500条", "170",
                   "4千余条", "20余万条"]


def test_snap_merges_fragments_and_drops_numberless_spans() -> None:
    import numpy as np

    from ie.tagger import snap_to_quantities

    id2label = {i: t for t, i in label2id.items()}
    text = "收到申请1234件,依据条例"
    probs = np.zeros((len(text), len(label2id)))
    probs[:, label2id["O"]] = 1.0
    for k in (4, 5, 7, 8):  # fragments of 1234件, mostly APPLICATIONS
        probs[k] = 0
        probs[k, label2id["I-APPLICATIONS"]] = 1.0
    probs[6] = 0
    probs[6, label2id["I-TRAINING"]] = 1.0
    spans = [(4, 6, "APPLICATIONS"), (6, 7, "TRAINING"), (7, 9, "APPLICATIONS"), (13, 14, "POLICY_DOCS")]
    assert snap_to_quantities(text, spans, probs, id2label) == [(4, 9, "APPLICATIONS")]


def test_fuse_candidates_combines_model_and_keywords() -> None:
    """The fusion decides each numeral+unit candidate from the model's class mass and the keyword label:
    a strong keyword vote wins a near tie, a confident model overrules the keyword, O stays O."""
    import numpy as np

    from ie.keywords import HINT_IDS
    from ie.labels import id2label, label2id
    from ie.tagger import fuse_candidates

    text = "收到申请12件,办结9件,共3个部门。"
    n = len(text)
    probs = np.zeros((n, len(id2label)))
    probs[:, label2id["O"]] = 1.0

    def put(span: str, dist: dict[str, float]) -> None:
        s = text.index(span)
        for i in range(s, s + len(span)):
            probs[i] = 0.0
            for lab, p in dist.items():
                probs[i, label2id[lab if lab == "O" else ("B-" if i == s else "I-") + lab]] = p

    put("12件", {"APPLICATIONS": 0.45, "HOTLINE_RECEIVED": 0.55})      # near tie
    put("9件", {"HOTLINE_RESOLVED": 0.97, "O": 0.03})                   # the model is sure
    covered = np.ones(n, dtype=bool)
    hints = np.zeros(n, dtype=int)
    s = text.index("12件")
    hints[s : s + 3] = HINT_IDS["APPLICATIONS"]
    s = text.index("9件")
    hints[s : s + 2] = HINT_IDS["APPLICATIONS"]
    out = fuse_candidates(text, probs, covered, hints, id2label, {"a": 1.0, "b": 1.0, "bias_o": 0.0})
    got = {text[s:e]: (lab, p) for s, e, lab, p in out}
    assert got["12件"][0] == "APPLICATIONS"
    assert got["9件"][0] == "HOTLINE_RESOLVED"
    assert "3个" not in got and all(0.0 < p <= 1.0 for _, p in got.values())


def test_fusion_reports_a_label_only_when_it_is_more_likely_than_not() -> None:
    """A candidate whose best label is under ``min_confidence`` (the other readings together outweigh it) is
    not reported; one over the bar is, with its probability."""
    import numpy as np

    from ie.labels import id2label, label2id
    from ie.tagger import fuse_candidates

    text = "释疑解惑39次,收到申请12件。"
    n = len(text)
    probs = np.zeros((n, len(id2label)))
    probs[:, label2id["O"]] = 1.0
    for span, dist in (("39次", {"HOTLINE_RECEIVED": 0.4, "HOTLINE_RESOLVED": 0.3, "O": 0.3}),
                       ("12件", {"APPLICATIONS": 0.9, "O": 0.1})):
        s = text.index(span)
        for i in range(s, s + len(span)):
            probs[i] = 0.0
            for lab, p in dist.items():
                probs[i, label2id[lab if lab == "O" else ("B-" if i == s else "I-") + lab]] = p
    params = {"a": 1.0, "b": 1.0, "bias_o": 0.0}
    hints = np.zeros(n, dtype=int)
    every = {text[s:e]: (lab, p) for s, e, lab, p in
             fuse_candidates(text, probs, np.ones(n, dtype=bool), hints, id2label, params)}
    assert every["39次"][0] == "HOTLINE_RECEIVED" and every["39次"][1] < 0.5
    kept = {text[s:e]: lab for s, e, lab, _ in
            fuse_candidates(text, probs, np.ones(n, dtype=bool), hints, id2label, {**params, "min_confidence": 0.5})}
    assert kept == {"12件": "APPLICATIONS"}


def test_a_part_stating_the_same_fact_as_its_total_is_dropped() -> None:
    """labels.md, parts of a figure: 发布会19场, 其中…15场 keeps only the total, also when 其中 opens the next
    sentence or lists several parts; a part with another label, or a figure after a parenthesised split, stays."""
    from ie.tagger import drop_same_fact_parts

    def run(text: str, labelled: list[tuple[str, str]]) -> list[str]:
        spans, pos = [], 0
        for q, lab in labelled:
            pos = text.index(q, pos)
            spans.append((pos, pos + len(q), lab, 0.9))
            pos += len(q)
        return [text[s:e] for s, e, *_ in drop_same_fact_parts(text, spans)]

    assert run("青山区举办新闻发布会19场,其中疫情防控发布会15场。", [("19场", "PRESS_EVENTS"), ("15场", "PRESS_EVENTS")]) \
        == ["19场"]
    assert run("共举行新闻发布会19场,围绕重点工作解读政策。其中,疫情防控发布会累计举行15场,及时发布。",
               [("19场", "PRESS_EVENTS"), ("15场", "PRESS_EVENTS")]) == ["19场"]
    # 其中 after a sentence of several figures splits everything it listed: a part with the label of one of them
    # states that fact again (each channel's own figure), whatever its place in the list; another label stays
    listed = "通过网站公开信息75条,通过新媒体公开信息280条,通过其他方式公开5条。其中,微信公众号发布120条、门户网站101条。"
    assert run(listed, [("75条", "DISCLOSED_WEBSITE"), ("280条", "DISCLOSED_NEWMEDIA"), ("120条", "DISCLOSED_NEWMEDIA"),
                        ("101条", "DISCLOSED_WEBSITE")]) == ["75条", "280条"]
    # labels.md's own example with an untagged figure between the total and the sentence opening with 其中
    assert run("全年共举办191场新闻发布活动,领导出席发布会共计25人次。其中,疫情防控发布会累计举行151场,全年受理申请8件。",
               [("191场", "PRESS_EVENTS"), ("151场", "PRESS_EVENTS"), ("8件", "APPLICATIONS")]) == ["191场", "8件"]
    # the same figure written again after 其中 restates it before its own parts: it stays, its parts go
    again = "网站发布信息5469条,新闻媒体公开1600余条。其中通过网站发布信息5469条,专栏发布信息2620条。"
    assert run(again, [("5469条", "DISCLOSED_WEBSITE"), ("1600余条", "PRESS_EVENTS"), ("5469条", "DISCLOSED_WEBSITE"),
                       ("2620条", "DISCLOSED_WEBSITE")]) == ["5469条", "1600余条", "5469条"]
    again = "网站公开信息2.1万余条,新媒体公开信息1.5万余条。其中,网站主动公开政府信息2.1万条,同比增加500余条。"
    assert run(again, [("2.1万余条", "DISCLOSED_WEBSITE"), ("1.5万余条", "DISCLOSED_NEWMEDIA"), ("2.1万条", "DISCLOSED_WEBSITE")]) \
        == ["2.1万余条", "1.5万余条", "2.1万条"]
    # a hotline's number inside the first part names a channel, not a figure (round r61)
    assert run("全年共受理各类网站咨询投诉938件;其中收到并办理12345市民热线投诉540件;受理县长信箱256件;",
               [("938件", "HOTLINE_RECEIVED"), ("540件", "HOTLINE_RECEIVED"), ("256件", "HOTLINE_RECEIVED")]) == ["938件"]
    # requests handled, split by channel: whatever label the model gives a part, it states the same fact (round r60)
    assert run("全年共办理网民留言1993件,其中,办理12345网上群众热线1925件,市长信箱31件,人民网留言办理8件。",
               [("1993件", "HOTLINE_RESOLVED"), ("1925件", "HOTLINE_RECEIVED"), ("31件", "HOTLINE_RECEIVED"),
                ("8件", "HOTLINE_RESOLVED")]) == ["1993件"]
    assert run("收到申请24件,其中网上申请11件、信函申请9件。办结率100%。",
               [("24件", "APPLICATIONS"), ("11件", "APPLICATIONS"), ("9件", "APPLICATIONS"), ("100%", "RESPONSE_RATE")]) \
        == ["24件", "100%"]
    assert run("主动公开政府信息574件,其中通过门户网站公开133件。",
               [("574件", "DISCLOSED_TOTAL"), ("133件", "DISCLOSED_WEBSITE")]) == ["574件", "133件"]
    assert run("公开规章13件(含新制定5件,修改4件),公开规范性文件42件。", [("13件", "POLICY_DOCS"), ("42件", "POLICY_DOCS")]) \
        == ["13件", "42件"]
    # parts in brackets right after the figure (round r15); a bracketed word that is no split leaves the next figure
    assert run("政务新媒体7319条(微博5548条、微信1771条)。", [("7319条", "DISCLOSED_NEWMEDIA"),
                                                     ("5548条", "DISCLOSED_NEWMEDIA"), ("1771条", "DISCLOSED_NEWMEDIA")]) \
        == ["7319条"]
    assert run("召开新闻发布(通气)会6场,刊(播)发新闻近1100篇。", [("6场", "PRESS_EVENTS"), ("1100篇", "PRESS_EVENTS")]) \
        == ["6场", "1100篇"]
    channels = "通过公开平台公开政府信息677条,其中政府网站信息387条、微信服务号发布信息290条。"
    spans = [(channels.index(q), channels.index(q) + len(q), lab, 0.9) for q, lab in
             (("677条", "DISCLOSED_WEBSITE"), ("387条", "DISCLOSED_WEBSITE"), ("290条", "DISCLOSED_NEWMEDIA"))]
    assert [(channels[s:e], lab) for s, e, lab, _ in drop_same_fact_parts(channels, spans)] == [
        ("677条", "DISCLOSED_TOTAL"), ("387条", "DISCLOSED_WEBSITE"), ("290条", "DISCLOSED_NEWMEDIA")]
    # after a semicolon the figures are new statements, not parts: the split is the website's alone
    site = "通过青山民政网公开各类政府信息3561篇,其中政府信息公开专栏412篇;通过青山民政微博发布信息1093条。"
    spans = [(site.index(q), site.index(q) + len(q), lab, 0.9) for q, lab in
             (("3561篇", "DISCLOSED_WEBSITE"), ("412篇", "DISCLOSED_WEBSITE"), ("1093条", "DISCLOSED_NEWMEDIA"))]
    assert [(site[s:e], lab) for s, e, lab, _ in drop_same_fact_parts(site, spans)] == [
        ("3561篇", "DISCLOSED_WEBSITE"), ("1093条", "DISCLOSED_NEWMEDIA")]
    assert run("公开政府信息57件。全年受理申请8件。其中,依申请公开3件。",
               [("57件", "DISCLOSED_TOTAL"), ("8件", "APPLICATIONS"), ("3件", "APPLICATIONS")]) == ["57件", "8件"]
    # the information made, split by how it is disclosed: the 主动公开 part is the disclosure figure, not its parent
    assert run("2018年,共制作政府信息3021条,其中主动公开信息1027条,依申请公开信息459条。",
               [("3021条", "DISCLOSED_TOTAL"), ("1027条", "DISCLOSED_TOTAL")]) == ["1027条"]


def _fused(text: str, spans: list[tuple[str, str]], model: dict[str, float], params: dict) -> dict[str, str]:
    """``fuse_candidates`` on ``text`` whose quantities ``spans`` (span text, keyword label) all get the class
    probabilities ``model`` from the model (O elsewhere): {span text: fused label} of what it reports."""
    import numpy as np

    from ie.keywords import HINT_IDS
    from ie.labels import id2label, label2id
    from ie.tagger import fuse_candidates

    n = len(text)
    probs = np.zeros((n, len(id2label)))
    probs[:, label2id["O"]] = 1.0
    hints = np.zeros(n, dtype=int)
    for span, hint in spans:
        st = text.index(span)
        for i in range(st, st + len(span)):
            probs[i] = 0.0
            for label, p in model.items():
                tag = "O" if label == "O" else ("B-" if i == st else "I-") + label
                probs[i, label2id[tag]] = p
        hints[st:st + len(span)] = HINT_IDS[hint]
    out = fuse_candidates(text, probs, np.ones(n, dtype=bool), hints, id2label, params)
    return {text[a:b]: lab for a, b, lab, _ in out}


def test_a_channel_label_needs_its_channel_in_the_sentence() -> None:
    """The model's gazette label for a figure whose own sentence names no gazette (the gazette was in the
    sentence before) yields to the keyword label; one whose sentence names it stands."""
    text = "编印《青山区人民政府公报》4期。制发行政规范性文件6件。公报刊登文件9件。"
    got = _fused(text, [("4期", "DISCLOSED_GAZETTE"), ("6件", "POLICY_DOCS"), ("9件", "POLICY_DOCS")],
                 {"DISCLOSED_GAZETTE": 0.9, "POLICY_DOCS": 0.1}, {"a": 1.0, "b": 1.0, "bias_o": 0.0})
    assert got == {"4期": "DISCLOSED_GAZETTE", "6件": "POLICY_DOCS", "9件": "DISCLOSED_GAZETTE"}


def test_several_channels_in_the_figures_clause_make_a_total() -> None:
    """The keyword rules' total for a figure whose own clause names several channels (报纸、网站、微信公众号) stands
    against the model's one channel; a clause naming one channel leaves the model's reading."""
    params = {"a": 1.0, "b": 1.0, "bias_o": 0.0}
    text = "2022年,我委共在新闻报纸、网站、微信公众号发布信息220多篇。"
    assert _fused(text, [("220多篇", "DISCLOSED_TOTAL")], {"DISCLOSED_NEWMEDIA": 0.95, "DISCLOSED_TOTAL": 0.05},
                  params) == {"220多篇": "DISCLOSED_TOTAL"}
    one = "2022年,我委在微信公众号发布信息220多篇。"
    assert _fused(one, [("220多篇", "DISCLOSED_TOTAL")], {"DISCLOSED_NEWMEDIA": 0.95, "DISCLOSED_TOTAL": 0.05},
                  params) == {"220多篇": "DISCLOSED_NEWMEDIA"}
    each = "官方网站和微信公众号分别发布信息353条。"
    assert _fused(each, [("353条", "DISCLOSED_TOTAL")], {"DISCLOSED_NEWMEDIA": 0.95, "DISCLOSED_TOTAL": 0.05},
                  params) == {"353条": "DISCLOSED_NEWMEDIA"}


def test_the_one_channel_a_sentence_names_beats_the_models_total() -> None:
    """在局微信公众号平台…全年累计主动公开政府信息100条: the model's total and the keyword rules' new media both read a
    disclosure figure; the channel the sentence names (alone) decides. A list summed up as new media (微博微信网站等
    自媒体平台) is no several-channel total either."""
    params = {"a": 1.0, "b": 1.0, "bias_o": 0.0}
    text = "在局微信公众号平台“青山审计”,重点公开审计公告等信息,全年累计主动公开政府信息100条。"
    assert _fused(text, [("100条", "DISCLOSED_NEWMEDIA")], {"DISCLOSED_TOTAL": 0.9, "DISCLOSED_NEWMEDIA": 0.05,
                                                             "O": 0.05}, params) == {"100条": "DISCLOSED_NEWMEDIA"}
    two = "在门户网站和微信公众号,全年累计主动公开政府信息100条。"
    assert _fused(two, [("100条", "DISCLOSED_NEWMEDIA")], {"DISCLOSED_TOTAL": 0.9, "DISCLOSED_NEWMEDIA": 0.05,
                                                            "O": 0.05}, params) == {"100条": "DISCLOSED_TOTAL"}
    web = "依托市政府信息公开平台,2012年,我委主动公开政府信息共93条。"  # a website: the model's total stands
    assert _fused(web, [("93条", "DISCLOSED_WEBSITE")], {"DISCLOSED_TOTAL": 0.9, "DISCLOSED_WEBSITE": 0.05,
                                                          "O": 0.05}, params) == {"93条": "DISCLOSED_TOTAL"}
    summed = "通过政府网站发布信息53条,通过微博微信网站等自媒体平台发布信息769条。"
    got = _fused(summed, [("53条", "DISCLOSED_WEBSITE"), ("769条", "DISCLOSED_TOTAL")],
                 {"DISCLOSED_NEWMEDIA": 0.9, "DISCLOSED_WEBSITE": 0.05, "DISCLOSED_TOTAL": 0.05}, params)
    assert got.get("769条") != "DISCLOSED_TOTAL"

def test_normative_documents_after_the_gazettes_issues_are_documents() -> None:
    """刊印《某某公报》3期,新增行政规范性文件18件: the documents' own clause names a kind of document and no gazette, so
    the keyword rules' POLICY_DOCS stands against the model's gazette; plain 文件 the gazette carried stays the gazette's."""
    params = {"a": 1.0, "b": 1.0, "bias_o": 0.0}
    model = {"DISCLOSED_GAZETTE": 0.9, "POLICY_DOCS": 0.05, "O": 0.05}
    text = "刊印《青山区人民政府公报》3期,新增行政规范性文件18件,废止24件。"
    assert _fused(text, [("18件", "POLICY_DOCS")], model, params) == {"18件": "POLICY_DOCS"}
    carried = "高质量办好市政府公报,全年出刊48期,汇集文件398份。"
    assert _fused(carried, [("398份", "POLICY_DOCS")], model, params) == {"398份": "DISCLOSED_GAZETTE"}

def test_plain_statements_the_model_doubts() -> None:
    """主动公开政府信息数量4条 and 制发行政规范性文件2件 are plain statements: the keyword label stands where the model
    leans to O."""
    params = {"a": 1.0, "b": 0.5, "bias_o": 1.0}
    text = "2025年卫健局通过市政府网站主动公开政府信息数量4条。认真开展清理,制发行政规范性文件2件。"
    got = _fused(text, [("4条", "DISCLOSED_WEBSITE"), ("2件", "POLICY_DOCS")],
                 {"O": 0.6, "DISCLOSED_WEBSITE": 0.2, "POLICY_DOCS": 0.2}, params)
    assert got == {"4条": "DISCLOSED_WEBSITE", "2件": "POLICY_DOCS"}

def test_fusion_fit_recovers_a_useful_rule() -> None:
    """On candidates where the keyword label is right 90 % of the time and the model is noisy, the fitted
    weights trust the keyword vote (b > 0) and beat the model alone."""
    import numpy as np

    from training.fusion import fit, prf, scores

    rng = np.random.default_rng(0)
    n, c = 600, 13
    Y = rng.integers(0, c, n)
    K = np.where(rng.random(n) < 0.9, Y, rng.integers(0, c, n))
    logits = rng.normal(0, 1.0, (n, c))
    logits[np.arange(n), Y] += 1.0
    P = np.exp(logits) / np.exp(logits).sum(axis=1, keepdims=True)
    theta = fit(P, K, Y)
    assert theta[1] > 0
    assert prf(scores(theta, P, K).argmax(axis=1), Y, 0)["f1"] > prf(P.argmax(axis=1), Y, 0)["f1"]


def test_length_batches_bound_padding_and_keep_every_window() -> None:
    from ie.tagger import length_batches

    wins = [(0, 126), (200, 326), (10, 20), (30, 41), (50, 110), (400, 526), (600, 602)]
    batches = length_batches(wins, batch_size=2)
    assert sorted(w for b in batches for w in b) == sorted(wins)
    assert all(len(b) <= 2 for b in batches)
    for b in batches:
        real = sum(e - s + 2 for s, e in b)
        assert (max(e - s for s, e in b) + 2) * len(b) <= 1.05 * real
    assert [(0, 126), (200, 326)] in batches, "equal lengths share a batch"


def test_rhetorical_counts_are_not_quantities():
    from ie.tagger import is_rhetorical_count

    text = "紧扣两个关键,收到申请一个。开展图解26个。"
    assert is_rhetorical_count(text, 2, 4)  # 两个关键
    assert not is_rhetorical_count(text, 11, 13)  # 一个。: a count
    assert not is_rhetorical_count(text, 18, 21)  # 26个
    text = "强化政策文件的二次传播,召开会议2次。"
    assert is_rhetorical_count(text, 7, 9)  # 二次传播: secondary, no count
    assert not is_rhetorical_count(text, 16, 18)  # 2次


def test_numbers_inside_a_name_are_never_a_fact():
    from ie.tagger import _never_a_fact

    text = "解读《2025年青山市10件惠企实事》,宣传“创业富民30条”,推送“双公示”信息1790件。"
    assert _never_a_fact(text, text.index("10件"), text.index("10件") + 2)
    assert _never_a_fact(text, text.index("30条"), text.index("30条") + 3)
    assert not _never_a_fact(text, text.index("1790件"), text.index("1790件") + 5)  # after the quotes
    plain = '解读"创业富民30条"等政策,推送"双公示"信息1790件,"互联网+"服务12件。'  # straight quotes
    assert _never_a_fact(plain, plain.index("30条"), plain.index("30条") + 3)
    assert not _never_a_fact(plain, plain.index("1790件"), plain.index("1790件") + 5)


def test_sentence_broken_by_blank_lines_keeps_its_start() -> None:
    """PDF text: 共计发布信息\\n\\n7435 条 is one sentence; a heading above a blank line is not part of it."""
    tagger = make_tagger()
    raw = "门户网站及微博微信平台共计发布信息\n\n7435 条,其中行政规范性文件\n\n38 条。"
    norm = normalize(raw)
    kept = "".join(norm.text[s:e] for s, e in tagger.segments(norm.text, [(0, len(norm.text))]))
    assert kept.startswith("门户网站及微博微信平台共计发布信息")
    raw = "(一)主动公开方面\n\n2022年,主动公开市政府规章13件。"
    norm = normalize(raw)
    kept = "".join(norm.text[s:e] for s, e in tagger.segments(norm.text, [(0, len(norm.text))]))
    assert "主动公开方面" not in kept and "规章13件" in kept


def test_counts_of_channels_and_bodies_are_never_facts() -> None:
    """labels.md: counts of other bodies (30个部门) and of accounts or places are O, whatever the model says."""
    from ie.keywords import counts_other_things
    from ie.tagger import _never_a_fact

    def counts(needle: str, nth: int = 0) -> bool:
        start = text.index(needle) if nth == 0 else text.rindex(needle)
        return counts_other_things(text, start, start + len(needle))

    text = ("组织97个政务新媒体转载信息1200条,覆盖30个部门;微信公众号推送信息97个。"
            "建设政务新媒体账号141个,发布信息23813条。")
    assert counts("97个") and counts("30个") and not counts("1200条")
    assert counts("141个") and not counts("23813条")  # the count of accounts comes after their name
    end = text.rindex("97个") + 3
    assert not _never_a_fact(text, end - 3, end)  # 推送信息97个。: items
    text = "全镇新媒体平台13个,发布工作动态等信息200余条;开设子网站2个。"  # platforms and websites (round r75)
    assert counts("13个") and counts("2个") and not counts("200余条")


def test_shipped_model_leaves_counts_of_accounts_out(repo_dir: Path) -> None:
    if not (repo_dir / "models" / "default" / "config.json").exists():
        pytest.skip("no narrative model in models/default")
    from ie.tagger import Tagger

    text = "积极构建政务新媒体矩阵,组织各级政府网站和97个政务新媒体,及时转载重要信息。全年通过政府网站公开信息1247条。"
    spans = {text[p.start:p.end] for p in Tagger.load().predict(text)}
    assert "97个" not in spans and "1247条" in spans


def test_the_proactive_part_of_information_made_is_the_total() -> None:
    """制作、获取政府信息N条,其中主动公开M条 (pre-2019 reports): the keyword rules' total stands against the model,
    with the rule's measured confidence; the figure made or obtained is no total."""
    import numpy as np

    from ie.keywords import keyword_hints
    from ie.labels import id2label, label2id
    from ie.tagger import PRODUCED_SPLIT_CONFIDENCE, fuse_candidates

    text = "2014年共制作、获取政府信息614条,其中主动公开29条,不予公开583条。"
    n = len(text)
    probs = np.zeros((n, len(id2label)))
    probs[:, label2id["O"]] = 1.0  # a model that never saw this shape
    hints = np.array(keyword_hints(text))
    out = fuse_candidates(text, probs, np.ones(n, dtype=bool), hints, id2label,
                          {"a": 0.5, "b": 1.4, "bias_o": 1.6})
    assert [(text[s:e], lab, conf) for s, e, lab, conf in out] == [
        ("29条", "DISCLOSED_TOTAL", PRODUCED_SPLIT_CONFIDENCE)]


def test_a_plain_statement_of_the_years_disclosures_stands_against_a_veto() -> None:
    """我镇信息主动公开292条: when the model says O there (the clauses around it misled it), the keyword rules' total
    stands, at no less than the rule's floor; a cumulative figure or a part after 其中 does not."""
    import numpy as np

    from ie.keywords import keyword_hints
    from ie.labels import id2label, label2id
    from ie.tagger import PLAIN_STATEMENT_CONFIDENCE, fuse_candidates

    params = {"a": 0.5, "b": 1.4, "bias_o": 1.6}
    for text, want in (("2022年,我镇信息主动公开292条。", ["292条"]),
                       ("截至2022年底,累计主动公开政府信息3044条。", []),
                       ("网站发布信息426条,其中法定主动公开信息166条。", [])):
        n = len(text)
        probs = np.zeros((n, len(id2label)))
        probs[:, label2id["O"]] = 0.6
        probs[:, label2id["B-DISCLOSED_TOTAL"]] = 0.4
        hints = np.array(keyword_hints(text))
        out = fuse_candidates(text, probs, np.ones(n, dtype=bool), hints, id2label, params)
        got = [text[s:e] for s, e, lab, conf in out if lab in ("DISCLOSED_TOTAL", "DISCLOSED_WEBSITE")]
        assert got == want, text
        assert all(conf == PLAIN_STATEMENT_CONFIDENCE for s, e, lab, conf in out if text[s:e] == "292条")


def test_copies_of_materials_handed_out_are_never_a_fact():
    from ie.tagger import _never_a_fact

    text = "开展学习交流活动65场、印发材料3000余份,发放宣传资料200份,发放2000余册,印发规范性文件12件。"
    for figure in ("3000余份", "200份", "2000余册"):
        assert _never_a_fact(text, text.index(figure), text.index(figure) + len(figure))
    assert not _never_a_fact(text, text.index("12件"), text.index("12件") + 3)  # documents issued


def test_a_numbered_line_stating_the_years_disclosures() -> None:
    """1、主动公开政府信息的情况:40条 is the plain statement of the year's disclosures (the keyword rules' reading
    stands against the model's veto, at the plain statement's confidence)."""
    from ie.tagger import _PROACTIVE_PHRASE_RE, _since_an_earlier_year

    for before in ("1、主动公开政府信息的情况:", "主动公开政府信息共", "主动公开朋普镇政府信息共"):
        assert _PROACTIVE_PHRASE_RE.search(before), before
    from ie.tagger import _PROACTIVE_LIST_RE

    listed = "青河街道主动公开涉及疫情防控、社会救助、养老服务、公共文化服务、安全生产等方面信息"
    assert _PROACTIVE_LIST_RE.search(listed) and not _PROACTIVE_LIST_RE.search("主动公开涉及疫情防控的文件")
    assert not _PROACTIVE_PHRASE_RE.search("主动公开政府信息的目录:")
    text = "2021年工作。2008年以来主动公开政府信息共597条。"
    assert _since_an_earlier_year(text, text.index("2008"), text.index("597"))
    text = "2024年以来主动公开政府信息共597条。"
    assert not _since_an_earlier_year(text, 0, text.index("597"))


def test_channels_summed_by_zongji_are_the_total() -> None:
    """官网发布信息1887条,专栏发布514条,总计2401条: the keyword rules' total stands against the model's channel
    label (it copies the label of the figures before)."""
    from ie.tagger import _SUMMED_AFTER_FIGURES_RE

    text = "局官网发布信息1887条,省政府网站公开专栏发布514条,总计2401条。"
    s = text.index("2401")
    assert _SUMMED_AFTER_FIGURES_RE.search(text, s - 16, s)
    got = _fused(text, [("1887条", "DISCLOSED_WEBSITE"), ("514条", "DISCLOSED_WEBSITE"), ("2401条", "DISCLOSED_TOTAL")],
                 {"DISCLOSED_WEBSITE": 0.99, "DISCLOSED_TOTAL": 0.01},  # the model says website for all three
                 {"a": 1.0, "b": 1.0, "bias_o": 0.0, "min_confidence": 0.5})
    assert got == {"1887条": "DISCLOSED_WEBSITE", "514条": "DISCLOSED_WEBSITE", "2401条": "DISCLOSED_TOTAL"}


def test_the_years_statement_without_zhudong_stands_against_a_veto() -> None:
    """全年公开政府信息74条 (no 主动): the keyword rules' total stands against the model's veto or its channel label
    (its sentence names no channel), at the plain statement's floor; not one kind after another count
    (公开行政许可24条,公开政务信息23条) and not a cumulative figure."""
    from ie.tagger import PLAIN_STATEMENT_CONFIDENCE

    params = {"a": 1.0, "b": 1.0, "bias_o": 0.0, "min_confidence": PLAIN_STATEMENT_CONFIDENCE}
    text = "青河镇高度重视政府信息公开工作。全年公开政府信息74条,有力促进了各项工作。"
    assert _fused(text, [("74条", "DISCLOSED_TOTAL")], {"O": 0.95, "DISCLOSED_TOTAL": 0.05}, params) \
        == {"74条": "DISCLOSED_TOTAL"}
    text = "2020年,青川街道围绕群众关注的政府信息主动公开171条。"
    assert _fused(text, [("171条", "DISCLOSED_TOTAL")], {"DISCLOSED_WEBSITE": 0.95, "DISCLOSED_TOTAL": 0.05},
                  params) == {"171条": "DISCLOSED_TOTAL"}
    for text, figure in (("青山县住建委共公开行政许可24条,公开政务信息23条。", "23条"),
                         ("截至2020年底,累计公开政府信息3044条。", "3044条")):
        assert _fused(text, [(figure, "DISCLOSED_TOTAL")], {"O": 0.95, "DISCLOSED_TOTAL": 0.05}, params) == {}, text


def test_a_listed_statement_and_a_hesitant_model_keep_the_plain_statement() -> None:
    """主动(向社会)公开组织机构、部门文件、…等各类信息48条 is the year's plain statement, its kinds listed right after
    the verb; and a model that agrees with the keyword rules only at 0.49 keeps the figure at the floor, as its
    veto would (held-out pages of 2026-12-04, sixteenth session, with made-up names)."""
    from ie.tagger import _PROACTIVE_LIST_RE, PLAIN_STATEMENT_CONFIDENCE

    for before in ("青河街道在政府信息公开平台共主动公开组织机构、部门文件、工作动态、办事指南等各类信息",
                   "通过政府网、公众号等方式主动向社会公开政策文件、重点领域、财政预决算等信息"):
        assert _PROACTIVE_LIST_RE.search(before), before
    assert not _PROACTIVE_LIST_RE.search("主动公开组织机构信息")
    params = {"a": 1.0, "b": 1.0, "bias_o": 0.0, "min_confidence": PLAIN_STATEMENT_CONFIDENCE}
    text = "2021年,青河街道在政府信息公开平台共主动公开组织机构、部门文件、工作动态、办事指南等各类信息48条。"
    assert _fused(text, [("48条", "DISCLOSED_WEBSITE")], {"O": 0.9, "DISCLOSED_WEBSITE": 0.1}, params) \
        == {"48条": "DISCLOSED_WEBSITE"}
    text = "全面梳理公开目录。年主动公开各类信息23条,所有信息均按时公开。"
    hesitant = {"O": 0.42, "DISCLOSED_TOTAL": 0.46, "DISCLOSED_WEBSITE": 0.12}  # TOTAL wins, under the bar
    params = dict(params, b=0.0)
    assert _fused(text, [("23条", "DISCLOSED_TOTAL")], hesitant, params) == {"23条": "DISCLOSED_TOTAL"}
    assert _fused("青山县住建委共公开行政许可24条,公开政务信息23条。", [("23条", "DISCLOSED_TOTAL")], hesitant,
                  params) == {}  # one kind after another count: no plain statement


def test_a_long_list_after_what_the_disclosures_include_is_the_plain_statement() -> None:
    """主动公开的政府信息主要包括…、…等多个领域政府信息500余条: the same statement, its list after 主要包括 and longer
    than 100 characters (rounds r72 and d of 2026-12-05/04, made-up list)."""
    from ie.tagger import _PROACTIVE_LIST_RE, PLAIN_STATEMENT_CONFIDENCE

    kinds = "、".join(["政府领导", "机构职能", "人事信息", "政策文件", "权力运行结果", "政府工作报告",
                      "年度重点工作任务分解执行及落实情况", "政府会议", "应急管理", "国民经济和社会发展规划",
                      "经济和社会发展统计信息", "财政资金", "公共资源交易", "土地利用", "政策解读", "回应关切"])
    text = f"(一)主动公开。2023年,我镇主动公开的政府信息主要包括{kinds}等多个领域政府信息500余条。"
    assert len(kinds) > 100
    assert _PROACTIVE_LIST_RE.search(text, 0, text.index("500余条"))
    params = {"a": 1.0, "b": 1.0, "bias_o": 0.0, "min_confidence": PLAIN_STATEMENT_CONFIDENCE}
    assert _fused(text, [("500余条", "DISCLOSED_TOTAL")], {"O": 0.9, "DISCLOSED_TOTAL": 0.1}, params) \
        == {"500余条": "DISCLOSED_TOTAL"}
    assert _fused(f"我镇公开的信息主要包括{kinds}等多个领域信息500余条。", [("500余条", "DISCLOSED_TOTAL")],
                  {"O": 0.9, "DISCLOSED_TOTAL": 0.1}, params) == {}  # no 主动公开: the model's veto stands


def test_the_proactive_part_of_all_information_disclosed_is_the_total() -> None:
    """共公开政府信息4738条。其中,主动公开3810条: the first figure counts on-request disclosures too, so the 主动公开
    part is the year's total (labels.md) even where the model says O (no training excerpt has the shape)."""
    params = {"a": 1.0, "b": 1.0, "bias_o": 0.0, "min_confidence": 0.5}
    text = "2015年度在本委网站上共公开政府信息4738条。其中,主动公开3810条,包括机构概况。"
    got = _fused(text, [("4738条", "DISCLOSED_WEBSITE"), ("3810条", "DISCLOSED_TOTAL")],
                 {"O": 0.95, "DISCLOSED_WEBSITE": 0.05}, params)
    assert got.get("3810条") == "DISCLOSED_TOTAL"
    text = "2020年,我局主动公开政府信息500条。其中,主动公开300条。"  # a part of an already proactive figure
    assert "300条" not in _fused(text, [("500条", "DISCLOSED_TOTAL"), ("300条", "DISCLOSED_TOTAL")],
                                {"O": 0.95, "DISCLOSED_TOTAL": 0.05}, params)
