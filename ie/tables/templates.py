"""The one place for the row/column labels and keys of every statistical table template.

formats.md §2 (第二十条 table, v2019/v2021), §3 (applications), §4 (review/litigation), §5 (pre-2019
统计表). Also the tolerant label matcher: labels are compared after ``canon`` (width folding, pinyin
junk, whitespace, quotes and list punctuation removed, Taiwan-phrase aliases), with the leading ordinal
(``一、`` ``(一)`` ``1.``) split off and parenthesised annotations stripped. Digits inside a label stay part
of the label: matching never yields a number.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

# ---------------------------------------------------------------------------------------------------------
# Table 1: 第二十条 (keys of record.md)

ART20_TITLE = re.compile(r"第二十条\s*第?\s*[(（]?\s*([一二三四五六七八九十]+)\s*[)）]?\s*项")
ART20_SUBTABLE = {"一": "art20_1", "五": "art20_5", "六": "art20_6", "八": "art20_8", "九": "art20_9"}

# sub-table -> (rows, columns) per version; rows are (key, label variants)
T1_TEMPLATES: dict[str, dict[str, tuple[list[tuple[str, tuple[str, ...]]], list[tuple[str, str]]]]] = {
    "v2019": {
        "art20_1": ([("regulations", ("规章",)), ("normative_documents", ("规范性文件", "行政规范性文件"))],
                    [("new_made", "本年新制作数量"), ("new_published", "本年新公开数量"),
                     ("total_published", "对外公开总数量")]),
        "art20_5": ([("administrative_licensing", ("行政许可",)),
                     ("other_external_services", ("其他对外管理服务事项",))],
                    [("prev_year_items", "上一年项目数量"), ("items_change", "本年增/减"),
                     ("decisions", "处理决定数量")]),
        "art20_6": ([("administrative_penalty", ("行政处罚",)), ("administrative_coercion", ("行政强制",))],
                    [("prev_year_items", "上一年项目数量"), ("items_change", "本年增/减"),
                     ("decisions", "处理决定数量")]),
        "art20_8": ([("administrative_fees", ("行政事业性收费",))],
                    [("prev_year_items", "上一年项目数量"), ("items_change", "本年增/减")]),
        "art20_9": ([("centralized_procurement", ("政府集中采购",))],
                    [("procurement_items", "采购项目数量"), ("procurement_amount", "采购总金额")]),
    },
    "v2021": {
        "art20_1": ([("regulations", ("规章",)), ("normative_documents", ("行政规范性文件", "规范性文件"))],
                    [("issued", "本年制发件数"), ("repealed", "本年废止件数"), ("in_force", "现行有效件数")]),
        "art20_5": ([("administrative_licensing", ("行政许可",))], [("decisions", "本年处理决定数量")]),
        "art20_6": ([("administrative_penalty", ("行政处罚",)), ("administrative_coercion", ("行政强制",))],
                    [("decisions", "本年处理决定数量")]),
        "art20_8": ([("administrative_fees", ("行政事业性收费",))],
                    [("fee_amount_wan_yuan", "本年收费金额(单位:万元)")]),
    },
}
# substrings of the canonical table-1 text that vote for a version
T1_MARKERS = {
    "v2021": ("制发件数", "废止件数", "现行有效件数", "本年收费金额", "本年处理决定数量", "行政规范性文件"),
    "v2019": ("新制作数量", "新公开数量", "对外公开总数", "上一年项目", "上一年", "本年增/减", "采购项目数量",
              "政府集中采购", "采购总金额"),
}
T1_HEADERS = ("信息内容",)

# ---------------------------------------------------------------------------------------------------------
# Table 2: applications

APP_COLUMNS: list[tuple[str, str]] = [
    ("natural_person", "自然人"), ("commercial_enterprise", "商业企业"), ("research_institution", "科研机构"),
    ("social_welfare_org", "社会公益组织"), ("legal_service_org", "法律服务机构"), ("other_org", "其他"),
    ("total", "总计"),
]
APP_SUBTOTAL = "org_subtotal"  # a 法人或其他组织 subtotal column some apps add (not in the official table)
# (key, ordinal, label); ordinal as printed in the official template
_APP_HEAD = [
    ("new_received", "一、", "本年新收政府信息公开申请数量"),
    ("carried_over_in", "二、", "上年结转政府信息公开申请数量"),
    ("granted", "(一)", "予以公开"),
    ("partially_granted", "(二)", "部分公开(区分处理的,只计这一情形,不计其他情形)"),
    ("denied_state_secret", "1.", "属于国家秘密"),
    ("denied_prohibited_by_law", "2.", "其他法律行政法规禁止公开"),
    ("denied_security_stability", "3.", "危及“三安全一稳定”"),
    ("denied_third_party_rights", "4.", "保护第三方合法权益"),
    ("denied_internal_affairs", "5.", "属于三类内部事务信息"),
    ("denied_process_information", "6.", "属于四类过程性信息"),
    ("denied_enforcement_case_file", "7.", "属于行政执法案卷"),
    ("denied_administrative_inquiry", "8.", "属于行政查询事项"),
    ("unavailable_not_held", "1.", "本机关不掌握相关政府信息"),
    ("unavailable_needs_creation", "2.", "没有现成信息需要另行制作"),
    ("unavailable_unclear_after_correction", "3.", "补正后申请内容仍不明确"),
    ("not_processed_petition_complaint", "1.", "信访举报投诉类申请"),
    ("not_processed_duplicate", "2.", "重复申请"),
    ("not_processed_publication", "3.", "要求提供公开出版物"),
    ("not_processed_excessive", "4.", "无正当理由大量反复申请"),
    ("not_processed_confirm_or_reissue", "5.", "要求行政机关确认或重新出具已获取信息"),
]
_APP_OTHER_2019 = [("other_handling", "(六)", "其他处理")]
_APP_OTHER_2021 = [
    ("other_no_correction_overdue", "1.", "申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"),
    ("other_fee_unpaid_overdue", "2.", "申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"),
    ("other_other", "3.", "其他"),
]
_APP_TAIL = [("total_processed", "(七)", "总计"), ("carried_forward_out", "四、", "结转下年度继续办理")]
APP_ROWS: dict[str, list[tuple[str, str, str]]] = {
    "v2019": _APP_HEAD + _APP_OTHER_2019 + _APP_TAIL,
    "v2021": _APP_HEAD + _APP_OTHER_2021 + _APP_TAIL,
}
APP_GROUPS = [("三、", "本年度办理结果"), ("(三)", "不予公开"), ("(四)", "无法提供"), ("(五)", "不予处理")]
APP_GROUP_2021 = ("(六)", "其他处理")
APP_HEADERS = ("申请人情况", "法人或其他组织", "本列数据的勾稽关系为", "收到和处理政府信息公开申请情况") + tuple(
    lab for _, lab in APP_COLUMNS)
APP_V2021_MARKERS = ("逾期不补正", "缴纳费用", "逾期未按收费")
APP_DENIED = [k for k, _, _ in _APP_HEAD if k.startswith("denied_")]
APP_UNAVAILABLE = [k for k, _, _ in _APP_HEAD if k.startswith("unavailable_")]
APP_NOT_PROCESSED = [k for k, _, _ in _APP_HEAD if k.startswith("not_processed_")]
APP_OTHER_SUBROWS = [k for k, _, _ in _APP_OTHER_2021]

# ---------------------------------------------------------------------------------------------------------
# Table 3: review / litigation (15 cells in this order)

_T3_LEAVES = ["upheld", "corrected", "other", "pending", "total"]
T3_KEYS: list[str] = ([f"review_{x}" for x in _T3_LEAVES] + [f"litigation_direct_{x}" for x in _T3_LEAVES]
                      + [f"litigation_after_review_{x}" for x in _T3_LEAVES])
T3_HEADER_WORDS = ("行政复议", "行政诉讼", "结果维持", "结果纠正", "其他结果", "尚未审结", "总计", "未经复议直接起诉",
                   "复议后起诉")

# ---------------------------------------------------------------------------------------------------------
# Pre-2019 统计表 (formats.md §5): groups by keyword, rows by keyword within the group, first match wins.

P_GROUPS: list[tuple[str, str]] = [
    ("proactive", r"主动公开情况|主动公开政府信息情况"),
    ("responses", r"回应解读"),
    ("fees", r"收取的?费用|收费"),
    ("requests", r"依申请公开情况|依申请公开"),
    ("review", r"行政复议"),
    ("litigation", r"行政诉讼"),
    ("complaints", r"举报投诉"),
    ("mailbox", r"意见箱"),
    ("org", r"机构建设|保障经费"),
    ("meetings", r"会议和培训|培训情况"),
    ("power_cases", r"行政权力办件"),
]
# group -> [(key, pattern)], tried in order against the canonical label (ordinal kept)
P_ROWS: dict[str, list[tuple[str, str]]] = {
    "proactive": [
        ("proactive_normative_docs", r"其中.*规范性文件"),
        ("normative_docs_issued", r"制发.*规范性文件"),
        ("proactive_total", r"主动公开政府信息数"),
        ("channel_gazette", r"公报"),
        ("channel_website", r"网站"),
        ("channel_weibo", r"微博"),
        ("channel_wechat", r"微信"),
        ("channel_other", r"其他方式"),
    ],
    "responses": [
        ("responses_hot_topics", r"热点|舆情"),
        ("press_conferences_by_head", r"主要负责.*新闻发布"),
        ("press_conferences", r"新闻发布"),
        ("online_interviews_by_head", r"主要负责.*访谈"),
        ("online_interviews", r"访谈"),
        ("policy_interpretations", r"政策解读"),
        ("weibo_wechat_responses", r"微博|微信"),
        ("other_responses", r"其他方式"),
    ],
    "requests": [
        ("requests_in_person", r"当面"),
        ("requests_fax", r"传真"),
        ("requests_online", r"网络申请|网上申请|电子邮件"),
        ("requests_letter", r"信函"),
        ("requests_received", r"收到申请"),
        ("requests_closed_on_time", r"按时办结"),
        ("requests_closed_extended", r"延期办结"),
        ("requests_closed", r"办结数"),
        ("requests_answered", r"申请答复数"),
        ("ans_already_public", r"已主动公开"),
        ("ans_partially_granted", r"部分公开"),
        ("ans_denied", r"不同意公开"),
        ("ans_granted", r"同意公开"),
        ("denied_state_secret", r"国家秘密"),
        ("denied_commercial_secret", r"商业秘密"),
        ("denied_privacy", r"个人隐私"),
        ("denied_security_stability", r"危及|国家安全"),
        ("denied_not_gov_info", r"所指政府信息|不是《?条例"),
        ("denied_other_legal", r"法律法规规定的其他"),
        ("ans_not_this_agency", r"不属于本"),
        ("ans_not_exist", r"不存在"),
        ("ans_told_to_amend", r"更改补充"),
        ("ans_told_other_channel", r"其他途径"),
        ("source_party_gov", r"党政机关"),
        ("source_social_groups", r"社会团体"),
        ("source_enterprises", r"企业"),
        ("source_media_workers", r"媒体从业"),
        ("source_media", r"宣传媒体|媒体"),
        ("source_researchers", r"科研人员"),
        ("source_research", r"科研院校|科研"),
        ("source_lawyers", r"律师"),
        ("source_citizens", r"公民"),
        ("source_other", r"^\d+\.其他$"),
    ],
    "review": [
        ("admin_review_total", r"行政复议数"),
        ("review_upheld", r"维持"),
        ("review_corrected", r"纠错|纠正"),
        ("review_other", r"其他情形"),
    ],
    "litigation": [
        ("litigation_total", r"行政诉讼数"),
        ("litigation_upheld", r"维持|驳回"),
        ("litigation_corrected", r"纠错|纠正"),
        ("litigation_other", r"其他情形"),
    ],
    "complaints": [("complaints", r"举报投诉")],
    "mailbox": [("mailbox_letters", r"意见箱")],
    "fees": [("fees_collected", r"费用|收费")],
    "org": [
        ("dedicated_units", r"专门机构"),
        ("reading_points", r"查阅点"),
        ("staff_fulltime", r"专职"),
        ("staff_parttime", r"兼职"),
        ("staff_total", r"工作人员数|人员数"),
        ("special_funds", r"专项经费|经费"),
    ],
    "meetings": [
        ("meetings", r"会议"),
        ("training_sessions", r"培训班"),
        ("trainees", r"接受培训|培训人员"),
    ],
    "power_cases": [
        ("power_cases_licensing", r"行政许可"),
        ("power_cases_penalty", r"行政处罚"),
        ("power_cases_coercion", r"行政强制"),
        ("power_cases_levy", r"行政征收"),
        ("power_cases_payment", r"行政给付"),
        ("power_cases_adjudication", r"行政裁决"),
        ("power_cases_confirmation", r"行政确认"),
        ("power_cases_reward", r"行政奖励"),
        ("power_cases_requisition", r"行政征用"),
        ("power_cases_other", r"其他行政权力"),
    ],
}
# an older provincial form prints its rows with no group rows (主动公开文件数 条 201 370 · 其中:1.政府网站公开数 ·
# 受理依申请公开信息总数 · 行政复议数 · 行政诉讼数): rows by keyword alone, tried in order
P_UNGROUPED: list[tuple[str, str]] = [
    ("channel_website", r"网站公开"),
    ("channel_gazette", r"公报公开"),
    ("proactive_total", r"主动公开(?:政府)?(?:信息|文件)(?:总)?数"),
    ("requests_in_person", r"当面申请"),
    ("requests_received", r"受理(?:政府信息)?依申请公开(?:信息)?总数|受理.{0,6}申请(?:总)?数|收到申请(?:总)?数"),
    ("admin_review_total", r"行政复议数"),
    ("litigation_total", r"行政诉讼数"),
]
P_ANCHOR = re.compile(r"统\s*计\s*指\s*标|指\s*标\s*名\s*称")
P_HEADERS = ("统计指标", "指标名称", "单位", "计量单位", "统计数", "代码", "本期实际", "本年累计")

# ---------------------------------------------------------------------------------------------------------
# Label canonicalisation and matching

_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
_PINYIN_JUNK = re.compile(rf"[(（][a-zü]*[{_TONED}][a-zü{_TONED}]*[)）]")
_CANON_TABLE = str.maketrans({
    **{cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)},
    0x3000: None, 0x00A0: None, 0xFE52: ".", 0x3014: "(", 0x3015: ")",
    "“": None, "”": None, '"': None, "‘": None, "’": None, "'": None, "「": None, "」": None,
    "、": None, ",": None, ";": None, "。": None, "?": None, "\ufffd": None,
})
_WS = re.compile(r"\s+")
_ALIASES = [("档案", "文件"), ("製", "制"), ("麵", "面"), ("係", "系"), ("採", "采"), ("徵", "征"), ("于", "于")]
ORDINAL = re.compile(r"^(?:([一二三四五六七八九十]+)[、.,]|\(([一二三四五六七八九十]+|\d{1,2})\)|(\d{1,2})[.、](?!\d))")
_ANNOT = re.compile(r"\([^()]*\)")


@lru_cache(maxsize=16384)
def canon(s: str) -> str:
    """Matching form of a label: no whitespace, quotes or list punctuation; ASCII parentheses."""
    s = _PINYIN_JUNK.sub("", s)
    # ordinal "一、" must survive the removal of "、": rewrite it first
    s = _WS.sub("", s)
    m = re.match(r"^([一二三四五六七八九十]+)、", s)
    if m:
        s = m.group(1) + "." + s[m.end():]
    s = s.translate(_CANON_TABLE)
    for a, b in _ALIASES:
        if a in s:
            s = s.replace(a, b)
    return s


def split_ordinal(c: str) -> tuple[str | None, str]:
    """(ordinal, rest) of a canonical label; the ordinal is normalised to ``cn:一``, ``p:一``, ``n:1``."""
    m = ORDINAL.match(c)
    if not m:
        return None, c
    if m.group(1):
        return "cn:" + m.group(1), c[m.end():]
    if m.group(2):
        return "p:" + m.group(2), c[m.end():]
    return "n:" + m.group(3), c[m.end():]


def core(body: str) -> str:
    """Body with parenthesised annotations removed (``部分公开(区分处理的…)`` → ``部分公开``)."""
    out = _ANNOT.sub("", body)
    out = out.split("(")[0] if "(" in out else out  # an annotation cut off by a truncated cell
    return out or body


def _bigrams(s: str) -> frozenset[str]:
    return frozenset(s[i:i + 2] for i in range(len(s) - 1)) if len(s) > 1 else frozenset((s,))


@dataclass(frozen=True)
class LabelSpec:
    key: str  # row/column key, or a marker such as "group:…" / "header"
    kind: str  # row | group | header
    ordinal: str | None
    body: str  # core of the canonical label
    bigrams: frozenset[str] = field(default_factory=frozenset)


def make_spec(key: str, kind: str, label: str) -> LabelSpec:
    o, rest = split_ordinal(canon(label))
    b = core(rest)
    return LabelSpec(key, kind, o, b, _bigrams(b))


@dataclass(frozen=True)
class LabelMatch:
    spec: LabelSpec
    score: float


class LabelSet:
    """A set of label specs with tolerant matching (exact, prefix, truncated, bigram Dice)."""

    def __init__(self, specs: list[LabelSpec]):
        self.specs = specs
        self._exact: dict[str, list[LabelSpec]] = {}
        for sp in specs:
            self._exact.setdefault(sp.body, []).append(sp)

    def match(self, text: str) -> LabelMatch | None:
        if "。" in text:
            return None  # a sentence of prose, never a label
        c = canon(text)
        if not c or not any("\u4e00" <= ch <= "\u9fff" for ch in c):
            return None
        o, rest = split_ordinal(c)
        b = core(rest)
        return self._match(o, b)

    @lru_cache(maxsize=4096)  # noqa: B019 - label sets are module-level singletons
    def _match(self, o: str | None, b: str) -> LabelMatch | None:
        best: LabelMatch | None = None

        def consider(sp: LabelSpec, score: float) -> None:
            nonlocal best
            if sp.ordinal and o and sp.ordinal != o:
                score *= 0.8
            if best is None or score > best.score:
                best = LabelMatch(sp, score)

        for sp in self._exact.get(b, ()):
            if len(sp.body) <= 2 and sp.ordinal and o != sp.ordinal:
                continue  # `3.其他` / `(七)总计` need their ordinal (vs the columns 其他 / 总计)
            consider(sp, 1.0)
        if best is not None and best.score >= 1.0:
            return best
        if len(b) < 2:
            return best
        bb = _bigrams(b)
        for sp in self.specs:
            if len(sp.body) <= 2:
                continue
            if b.startswith(sp.body) and len(sp.body) >= 3:
                consider(sp, 0.95 if len(sp.body) >= 4 else 0.9)  # trailing annotation/extra words
            elif sp.body.startswith(b) and len(b) >= 2 and len(b) >= 0.35 * len(sp.body):
                consider(sp, 0.85)  # truncated cell (`自然`, `社会`, `本年新`)
            elif len(b) >= 4:
                inter = len(bb & sp.bigrams)
                if inter:
                    dice = 2 * inter / (len(bb) + len(sp.bigrams))
                    if dice >= 0.6:
                        consider(sp, 0.9 * dice)
        if best is not None and best.score < 0.6:
            return None
        return best


def _t1_specs(version: str) -> LabelSet:
    specs = []
    for sub, (rows, cols) in T1_TEMPLATES[version].items():
        for key, labels in rows:
            for lab in labels:
                specs.append(make_spec(f"{sub}.{key}", "row", lab))
        for _, lab in cols:
            specs.append(make_spec("header", "header", lab))
    for lab in T1_HEADERS:
        specs.append(make_spec("header", "header", lab))
    return LabelSet(specs)


def _app_specs(version: str) -> LabelSet:
    specs = [make_spec(key, "row", f"{o}{lab}") for key, o, lab in APP_ROWS[version]]
    specs += [make_spec("group", "group", f"{o}{lab}") for o, lab in APP_GROUPS]
    if version == "v2021":
        specs.append(make_spec("group", "group", "".join(APP_GROUP_2021)))
    specs += [make_spec("header", "header", lab) for lab in APP_HEADERS]
    return LabelSet(specs)


T1_LABELS = {v: _t1_specs(v) for v in T1_TEMPLATES}
APP_LABELS = {v: _app_specs(v) for v in APP_ROWS}
T3_LABELS = LabelSet([make_spec("header", "header", w) for w in T3_HEADER_WORDS])
