"""Keyword labeller: rules that label quantities in raw report text (labels.md spans).

For every numeral+unit found in the text, the label comes from the nearest keyword on its LEFT within the
same clause (jieba gives the word boundaries a keyword must start on), with a few sentence-level rules for
facts that depend on the topic (办结 of hotline requests vs. of disclosure applications) and a look at the
word right after the unit (``3个部门`` counts bodies, not items).  Matching runs on a simplified,
half-width, pinyin-junk-free copy of the text whose offsets map back to the raw text.

It pre-labels text for annotation (a person only corrects; its measured quality is in data/README.md) and
gives the narrative model its keyword hints (:func:`keyword_hints`: one id per character, fed to the BERT
as ``token_type_ids``), so the model learns when the nearest keyword is right and when the sentence says
otherwise.

CLI::

    python -m training.weak --in FILE.jsonl --out FILE.jsonl      # add/replace "spans"
    python -m training.weak --eval GOLD.jsonl                      # strict span P/R/F1 per label
"""

from __future__ import annotations

import argparse
import json
import logging
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from functools import cache, lru_cache

import jieba
import opencc

from ie.channels import NEWS_OUTLET_WORDS
from ie.labels import LABELS
from ie.normalize import fold_width

jieba.setLogLevel(logging.WARNING)

# ---------------------------------------------------------------- normalisation with an offset map

_JUNK = re.compile(
    r"\((?:[a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]*|[a-z]{1,6})\)"
)
_SPAM = re.compile(r"365体育投注|比分直播|篮球比分直播|欧洲杯决赛竞猜")


@cache
def _t2s() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


@dataclass
class _Norm:
    text: str
    orig: list[int]  # orig[i] = index in the raw text of normalized char i


def _normalize(raw: str) -> _Norm:
    """Drop pinyin junk, fold widths (`ie.normalize.fold_width`), traditional -> simplified; keep the offset map."""
    drop = [False] * len(raw)
    for m in _JUNK.finditer(raw):
        if m.start() > 0 and "\u4e00" <= raw[m.start() - 1] <= "\u9fff" or raw[m.start() - 1:m.start()] == ")":
            for i in range(m.start(), m.end()):
                drop[i] = True
    chars: list[str] = []
    orig: list[int] = []
    for i, c in enumerate(raw):
        if drop[i]:
            continue
        chars.append(fold_width(c))
        orig.append(i)
    s = "".join(chars)
    conv = _t2s().convert(s)
    if len(conv) != len(s):  # a phrase conversion changed the length: convert char by char
        conv = "".join(_t2s().convert(c) for c in s)
    conv = _SPAM.sub(lambda m: "关于".ljust(len(m.group()), "_"), conv)
    return _Norm(conv, orig)


# ---------------------------------------------------------------- quantities

_CN = "零〇一二三四五六七八九十百千万两"
_UNITS = (
    "余人次|多人次|人次|篇次|条次|场次|批次|件次|个百分点|万元|元|人|名|件|条|次|场|期|篇|个|份|册|项|部|家|批|宗|起|例|"
    "则|封|本|套|种|户|张|天|年|月|日|号|%|万|亿|小项|个"
)
QTY = re.compile(
    rf"(?P<num>(?<![0-9.])[0-9]+(?:\.[0-9]+)?(?:(?:余|多)?(?:千|万|亿))?(?:余|多)?|(?<![{_CN}])[{_CN}]{{1,8}}(?:余|多)?)"
    rf"(?P<gap>[ \n]?)(?P<unit>{_UNITS})?"
)

COUNT_UNITS = set("件条次场期篇个份册项部家批宗起例则封本种") | {
    "人次", "篇次", "条次", "场次", "批次", "件次", "余人次", "多人次", "人", "名", "小项"}

# ---------------------------------------------------------------- keyword table
# (keyword, label).  The keyword nearest to the quantity on its left wins; "O" keywords veto.
# "RESOLVE" means 办结/答复: HOTLINE_RESOLVED in a sentence about public requests, else O.

#: bulletins of statistics or of a sector: not the government gazette (公报)
OTHER_BULLETINS = ("统计公报", "分析公报", "状况公报", "行业公报", "结果公报", "水资源公报", "发展公报")
KEYWORDS: list[tuple[str, str]] = [
    # disclosure totals
    ("主动公开", "DISCLOSED_TOTAL"), ("主动公示", "DISCLOSED_TOTAL"), ("公开政府信息", "DISCLOSED_TOTAL"),
    ("公开信息", "DISCLOSED_TOTAL"),
    ("发布信息", "DISCLOSED_TOTAL"), ("公布信息", "DISCLOSED_TOTAL"), ("政府信息", "DISCLOSED_TOTAL"), ("政务信息", "DISCLOSED_TOTAL"),
    ("各类信息", "DISCLOSED_TOTAL"), ("公开各类", "DISCLOSED_TOTAL"), ("信息总数", "DISCLOSED_TOTAL"),
    ("信息发布总数", "DISCLOSED_TOTAL"), ("解读信息发布总数", "INTERPRETATIONS"),  # 全年信息发布总数534条
    ("共公开", "DISCLOSED_TOTAL"), ("发布各类", "DISCLOSED_TOTAL"), ("工作信息", "DISCLOSED_TOTAL"),
    ("各项信息", "DISCLOSED_TOTAL"),
    # website
    ("门户网站", "DISCLOSED_WEBSITE"), ("门户网", "DISCLOSED_WEBSITE"), ("网站", "DISCLOSED_WEBSITE"), ("政府网", "DISCLOSED_WEBSITE"),
    ("公开专栏", "DISCLOSED_WEBSITE"), ("公开平台", "DISCLOSED_WEBSITE"), ("网络平台", "DISCLOSED_WEBSITE"),
    ("信息公开网", "DISCLOSED_WEBSITE"), ("公开目录", "DISCLOSED_WEBSITE"), ("政务网", "DISCLOSED_WEBSITE"),
    ("信息公开系统", "DISCLOSED_WEBSITE"), ("首都之窗", "DISCLOSED_WEBSITE"),  # the Beijing government portal
    ("专栏", "DISCLOSED_WEBSITE"), ("官网", "DISCLOSED_WEBSITE"), ("栏目", "DISCLOSED_WEBSITE"),
    # gazette
    ("公报", "DISCLOSED_GAZETTE"), ("政报", "DISCLOSED_GAZETTE"),
    # bulletins of statistics or of a sector are not the government gazette
    *((b, "O") for b in OTHER_BULLETINS),
    # new media
    ("微博", "DISCLOSED_NEWMEDIA"), ("微信", "DISCLOSED_NEWMEDIA"), ("公众号", "DISCLOSED_NEWMEDIA"),
    ("新媒体", "DISCLOSED_NEWMEDIA"), ("自媒体", "DISCLOSED_NEWMEDIA"), ("客户端", "DISCLOSED_NEWMEDIA"), ("短视频", "DISCLOSED_NEWMEDIA"),
    ("抖音", "DISCLOSED_NEWMEDIA"), ("视频号", "DISCLOSED_NEWMEDIA"), ("头条号", "DISCLOSED_NEWMEDIA"), ("今日头条", "DISCLOSED_NEWMEDIA"),
    ("APP", "DISCLOSED_NEWMEDIA"), ("app", "DISCLOSED_NEWMEDIA"), ("订阅号", "DISCLOSED_NEWMEDIA"),
    ("公众平台", "DISCLOSED_NEWMEDIA"), ("推送", "DISCLOSED_NEWMEDIA"),
    ("双微", "DISCLOSED_NEWMEDIA"), ("两微", "DISCLOSED_NEWMEDIA"),  # 局“双微”平台: the 微博 and 微信 accounts
    # policy documents
    ("规范性文件", "POLICY_DOCS"), ("规章", "POLICY_DOCS"), ("政策文件", "POLICY_DOCS"),
    ("政策性文件", "POLICY_DOCS"), ("部门文件", "POLICY_DOCS"), ("政府文件", "POLICY_DOCS"),
    ("法规", "POLICY_DOCS"), ("公文", "POLICY_DOCS"), ("办公室文件", "POLICY_DOCS"), ("本级文件", "POLICY_DOCS"),
    ("政府令", "POLICY_DOCS"), ("文件", "POLICY_DOCS"), ("发文", "POLICY_DOCS"), ("政策法规", "POLICY_DOCS"),
    ("政策类", "POLICY_DOCS"), ("政府办文件", "POLICY_DOCS"),
    # interpretations
    ("解读", "INTERPRETATIONS"), ("图解", "INTERPRETATIONS"), ("一图读懂", "INTERPRETATIONS"),
    ("政策解读文件", "INTERPRETATIONS"),  # 发布政策解读文件10篇: interpretations, not the documents they explain
    # press events
    ("新闻发布会", "PRESS_EVENTS"), ("发布会", "PRESS_EVENTS"), ("吹风会", "PRESS_EVENTS"),
    ("访谈", "PRESS_EVENTS"), ("开放日", "PRESS_EVENTS"), ("开放周", "PRESS_EVENTS"), ("开放月", "PRESS_EVENTS"),
    ("通气会", "PRESS_EVENTS"), ("见面会", "PRESS_EVENTS"), ("采访", "PRESS_EVENTS"), ("报道", "PRESS_EVENTS"), ("发稿", "PRESS_EVENTS"),
    ("新闻稿", "PRESS_EVENTS"), ("约稿", "PRESS_EVENTS"), ("直播", "PRESS_EVENTS"), ("问政", "PRESS_EVENTS"),
    ("网络问政", "HOTLINE_RECEIVED"), ("网上问政", "HOTLINE_RECEIVED"),  # a message platform, not a TV programme
    ("热线”节目", "PRESS_EVENTS"), ("节目", "PRESS_EVENTS"), ("新闻媒体", "PRESS_EVENTS"),
    ("刊发", "PRESS_EVENTS"), ("新闻通稿", "PRESS_EVENTS"), ("新闻", "PRESS_EVENTS"),
    # applications
    ("申请", "APPLICATIONS"), ("依申请公开", "APPLICATIONS"), ("申请公开", "APPLICATIONS"),
    ("公开申请", "APPLICATIONS"), ("信息公开案件", "APPLICATIONS"),  # 办理政府信息公开案件43件
    ("依申请公开事项", "APPLICATIONS"), ("申请公开事项", "APPLICATIONS"),  # not the 事项 of service matters
    ("行政复议申请", "O"), ("复议申请", "O"),  # reviews, not disclosure applications
    # hotline / requests
    ("热线", "HOTLINE_RECEIVED"), ("信箱", "HOTLINE_RECEIVED"), ("留言", "HOTLINE_RECEIVED"),
    ("来信", "HOTLINE_RECEIVED"), ("来电", "HOTLINE_RECEIVED"), ("诉求", "HOTLINE_RECEIVED"),
    ("咨询", "HOTLINE_RECEIVED"), ("工单", "HOTLINE_RECEIVED"), ("投诉", "HOTLINE_RECEIVED"),
    ("网帖", "HOTLINE_RECEIVED"), ("转办", "HOTLINE_RECEIVED"), ("交办件", "HOTLINE_RECEIVED"),
    ("诉求件", "HOTLINE_RECEIVED"), ("意见建议", "HOTLINE_RECEIVED"), ("问题", "HOTLINE_RECEIVED"),
    ("来访", "HOTLINE_RECEIVED"), ("信访", "HOTLINE_RECEIVED"), ("私信", "HOTLINE_RECEIVED"),
    # resolving (contextual)
    ("办结", "RESOLVE"), ("答复", "RESOLVE"), ("回复", "RESOLVE"), ("回应", "RESOLVE"), ("办理", "RESOLVE"),
    ("处理", "RESOLVE"), ("已全部回复", "RESOLVE"), ("解决", "RESOLVE"), ("解答", "RESOLVE"), ("反馈", "RESOLVE"),
    # response rates (only with %)
    ("办结率", "RATE"), ("回复率", "RATE"), ("办复率", "RATE"), ("答复率", "RATE"), ("回访率", "RATE"),
    ("满意度", "RATE"), ("满意率", "RATE"), ("办理率", "RATE"), ("按时答复", "RATE"), ("及时率", "RATE"),
    ("解决率", "RATE"), ("响应率", "RATE"), ("受理率", "RATE"),
    # training
    ("培训", "TRAINING"), ("培训班", "TRAINING"), ("讲座", "TRAINING"), ("参训", "TRAINING"),
    ("学习", "TRAINING"),
    # vetoes
    ("上年结转", "O"), ("结转", "O"), ("上年度结转", "O"), ("予以公开", "O"), ("部分公开", "O"),
    ("不予公开", "O"), ("无法提供", "O"), ("不予处理", "O"), ("不属于", "O"), ("自然人", "O"), ("法人", "O"),
    ("其他组织", "O"), ("网上申请", "O"), ("当面申请", "O"), ("信函申请", "O"), ("网络申请", "O"),
    ("现场申请", "O"), ("邮寄", "O"), ("线下", "O"), ("线上申请", "O"), ("历年累计", "O"), ("以来", "O"),
    ("查阅", "O"), ("发放", "O"), ("赠阅", "O"), ("占", "O"), ("同比", "O"), ("增长", "O"), ("增加", "O"),
    ("减少", "O"), ("下降", "O"), ("提高", "O"), ("较上年", "O"), ("比上年", "O"), ("政务服务", "O"),
    ("审批", "O"), ("办件", "O"), ("访问量", "O"), ("阅读量", "O"), ("浏览量", "O"), ("点击量", "O"),
    ("粉丝", "O"), ("关注", "O"), ("废止", "O"), ("失效", "O"), ("含", "O"), ("行政复议", "O"),
    ("行政诉讼", "O"), ("复议", "O"), ("诉讼", "O"), ("建议", "O"), ("提案", "O"), ("监管事项", "O"),
    ("事项", "O"), ("制度", "O"), ("会议", "O"), ("全文电子化", "O"), ("电子化率", "O"), ("馆藏", "O"),
    ("资料", "O"), ("宣传品", "O"), ("宣传活动", "O"), ("手册", "O"), ("处理费", "O"), ("收费", "O"), ("经费", "O"),
    ("主动公开率", "O"), ("公开及时率", "O"), ("公开率", "O"), ("采购", "O"), ("处罚", "O"), ("许可", "O"),
    ("强制", "O"), ("人员", "O"), ("工作人员", "O"),
    ("阅读", "O"), ("访问", "O"), ("浏览", "O"), ("办事指南", "O"), ("政府信息公开年报", "O"),
    ("年度报告", "O"), ("疫情", "O"), ("第", "O"), ("总第", "O"), ("约谈", "O"), ("转载", "O"),
    ("转发", "O"), ("上报", "O"), ("报送", "O"), ("编报", "O"), ("签发", "O"), ("评估", "O"),
    ("排名", "O"), ("得分", "O"), ("其他方式", "O"), ("其他", "O"), ("预决算", "O"), ("财政", "O"),
    ("重点领域", "O"), ("公示", "O"), ("通知公告", "O"), ("公告", "O"), ("动态", "O"), ("机构", "O"),
    ("概况", "O"), ("规划", "O"), ("人事", "O"), ("招聘", "O"), ("督查", "O"), ("检查", "O"),
    ("作出答复", "O"), ("免于公开", "O"), ("涉及", "O"), ("原创", "O"), ("订阅", "O"), ("用户", "O"),
    ("平台互动", "O"), ("互动交流", "O"),  # 新媒体平台互动1200余条: exchanges with users, not items published
]
_KW = sorted(KEYWORDS, key=lambda kv: -len(kv[0]))

# The word after the unit: these make the count one of other things.
_RIGHT_O = re.compile(
    r"^(?:个|家|所)?(?:部门|单位|乡镇|街道|村|社区|科室|成员单位|(?:镇|县|区|市)(?!政府|委|级|民)|领域|类|大类|方面|方式|渠道|途径|措施|举措|"
    r"账号|平台|网站|(?:子|一级|二级|三级)?栏目|制度|项目|(?:公交)?线路|字|万字|元|万元|年|月|日|号|岁|%|倍|小时|分钟|个工作日|工作日|名委员|"
    r"部分|章|节|款|(?:地方|行业|团体|国家)?标准(?!化)|"
    r"(?:工作)?(?:领导小组(?:会议)?|局务会|党组会|办公会|常务会))"  # 召开1次局务会: meetings are no fact
)
# After N个: a kind of channel or place; the count is of accounts or places (开通97个政务新媒体), not items; a place
# may be named by what is done there (设立了1个信息申请受理点: no application).
_RIGHT_O_AFTER_GE = re.compile(
    r"(?:政务新媒体|新媒体|政务微博|微博|微信|公众号|客户端|政务号|抖音|头条号|专栏|专题|板块|子站|网页|页面|"
    r"[\u4e00-\u9fff]{0,6}?(?:窗口|服务点|查阅点|公开点|受理点|查阅室|阅览室|场所))"
)


def inside_a_name(text: str, start: int, end: int) -> bool:
    """Is the quantity part of a quoted name: a document title (《2025年开远市10件惠企实事》) or a policy's
    nickname (“创业富民30条”)? Such a number names something; it counts nothing the report did."""
    for left, right in (("《", "》"), ("“", "”")):
        lo = text.rfind(left, max(0, start - 30), start)
        if lo < 0 or right in text[lo:start]:
            continue
        hi = text.find(right, end, end + 30)
        if hi >= 0 and left not in text[end:hi]:
            return True
    # straight quotes ("创业富民30条"): inside when an odd number of them opens the sentence up to the number
    sent = max(text.rfind(ch, 0, start) for ch in "。\n;；!?！？") + 1
    return text.count('"', sent, start) % 2 == 1 and '"' in text[end:end + 30]


_ANNUAL_REPORTS_BEFORE = re.compile(r"(?:年报|年度报告)(?:信息)?\s*(?:共计|共)?\s*$")


def counts_annual_reports(text: str, start: int) -> bool:
    """按时发布信息公开年报1条, 信息公开年报信息1条: a count of the annual reports themselves (one category of a
    breakdown), none of the facts of labels.md."""
    return _ANNUAL_REPORTS_BEFORE.search(text, max(0, start - 12), start) is not None


# 印发材料3000余份, 发放宣传资料2000余份, 发放2000余册 (labels.md: copies distributed are O)
_COPIES_BEFORE = re.compile(r"(?:印发|发放|分发|派发|散发|印制)(?:各类|各种)?(?:宣传|学习|解读|普法)?"
                            r"(?:材料|资料|手册|折页|宣传单|传单|明白纸|册子|单页)\s*(?:共计|共|达)?\s*$")


def counts_copies(text: str, start: int, end: int) -> bool:
    """Copies of materials printed or handed out (印发材料3000余份, 发放2000余册): labels.md leaves them ``O``."""
    before = text[max(0, start - 14):start]
    return _COPIES_BEFORE.search(before) is not None \
        or (text[end - 1:end] == "册" and re.search(r"(?:发放|印发|分发|印制)\s*$", before) is not None)


# labels.md: service matters (政务服务事项办件, 审批) are not requests from the public, so their rates are O
_SERVICE_MATTERS = re.compile(r"政务服务|服务事项|审批|办件|行政许可|许可事项")
_REQUEST_WORDS = re.compile(r"热线|咨询|诉求|留言|申请|信访|来信|来电|来访|投诉|建议|提案|信箱|求助|工单|12345|问政")


def rate_of_service_matters(text: str, start: int, end: int) -> bool:
    """A percentage about service matters, not about requests from the public (受理各类服务事项144350件,
    办结率100%; 政务服务事项网上办理率达94%): its sentence, up to the number, names service matters and no
    request, so it is none of the response rates of labels.md."""
    if not text[start:end].rstrip().endswith(("%", "％")) and not re.search(r"率[为达是到了\s]*$", text[max(0, start - 4):start]):
        return False
    sent = max(text.rfind(ch, 0, start) for ch in "。\n;；!?！？") + 1
    before = text[max(sent, start - 60):start]
    return _SERVICE_MATTERS.search(before) is not None and _REQUEST_WORDS.search(before) is None


_PEOPLE_UNITS = ("余人次", "多人次", "人次", "名次", "余人", "多人", "名", "人", "位")


def counts_people_for(label: str, unit: str) -> bool:
    """A count of people can state neither an item disclosed (确定1名局领导) nor a press event (领导出席新闻发布会
    25人次: appearances, not events): labels.md counts people only for training and for requests."""
    return (label in _DISCLOSED_LABELS or label == "PRESS_EVENTS") and unit.strip() in _PEOPLE_UNITS


# 召开政策说明会2场: a briefing for the people a policy concerns, not a press conference (labels.md's
# PRESS_EVENTS); the gold of the training text and the adjudicated dev gold both leave it O
_BRIEFING_BEFORE = re.compile(r"说明会\s*(?:共计|共|累计|合计)?\s*$")
_BRIEFING_AFTER = re.compile(r"\s*(?:政策|专题|政策解读)?说明会")


# 人事任免文件106件: appointments and removals are no policy documents (the training gold and the dev gold agree)
_APPOINTMENTS_BEFORE = re.compile(r"人事任免(?:文件|信息|类|类信息|类文件)?\s*(?:共计|共|合计)?\s*$")
# applications counted by applicant or channel (公民个人提出申请62件,占比96.88%; 其中自然人申请89件): a split of the
# year's applications, O (labels.md); a whole named by its applicants (共收到自然人申请2件) stays
_APPLICANT_OR_CHANNEL = re.compile(r"自然人|公民|个人|法人|其他组织|企业|(?:网上|网络|电子邮件|邮件|邮寄|信函|来信|当面|现场|传真|"
                                   r"线上|线下|网站|平台)(?:提交|提出|渠道)?(?:的)?(?:政府信息公开)?申请")
_SPLIT_BEFORE = re.compile(r"其中|包括|分别为")
# 共公开政府信息4738条。其中,主动公开3810条: what comes between all the information disclosed and its 主动公开 part
_PROACTIVE_PART = r"[。,，;；]?\s*其中[,，:：]?\s*主动公开(?:政府|政务)?(?:信息)?(?:数|共计|共|为)?\s*"
_PROACTIVE_PART_BETWEEN = re.compile(_PROACTIVE_PART)
_PROACTIVE_PART_AFTER = re.compile(_PROACTIVE_PART + r"\d")
_ALL_THEN_PROACTIVE = re.compile(r"(?<!主动)(?:公开|发布)了?(?:各类)?(?:政府|政务)?信息(?:共计|共|总数)?\s*\d+\s*[条件]"
                                 + _PROACTIVE_PART + r"$")


def proactive_part_of_all_disclosed(text: str, pos: int) -> bool:
    """Whether the figure at ``pos`` is the 主动公开 part of all the information disclosed right before it
    (共公开政府信息4738条。其中,主动公开3810条): that figure counts on-request disclosures too, so the part is the
    year's total (labels.md)."""
    return _ALL_THEN_PROACTIVE.search(text, max(0, pos - 60), pos) is not None


_APPLICANT_FIGURE = re.compile(r"(?:自然人|公民|法人|其他组织|企业|网上|网络|信函|当面|邮寄|传真)[^,，。;；\d]{0,10}?申请[^,，。;；\d]{0,4}?\d")
_MADE_ON_REQUEST = re.compile(r"制作[^,，。;；\d]{0,6}?依申请公开[^,，。;；\d]{0,8}$")
_PROPOSALS = re.compile(r"提案|(?:人大|代表)[^,，。;；\d]{0,6}建议")
_REVIEWS_OR_PROPOSALS = re.compile(r"复议|诉讼|" + _PROPOSALS.pattern + r"|测评")
_PUBLIC_REQUESTS = re.compile(r"热线|信箱|留言|咨询|来信|来电|诉求|投诉|12345|依申请|公开申请")
# opinions received in a public consultation (开展意见征集22期,收到公开意见建议10条; 发布征集调查39期,收到意见44条)
# are no requests from the public through hotlines, mailboxes or message boards (the training and corpus gold leave
# them O; messages received on a page that also runs surveys, 共收到网络用户留言49条, stay requests)
_CONSULTATION = re.compile(r"征集|征求意见|调查")
_OPINIONS_COUNTED = re.compile(r"(?:意见|建议|反馈)[^,，。;；:：\d]{0,6}$")
# documents still in force (现行有效行政规范性文件36件, 持续有效规范性文件1个) are a stock, not the year's
# (the training, dev and corpus gold leave all four such figures O)
_IN_FORCE_BEFORE = re.compile(r"(?:现行有效|持续有效|仍然有效|继续有效|仍有效)(?:[^，,。;；:：\d]{0,16}\d+\s*[件部个份条]、)*"
                              r"[^，,。;；:：\d]{0,16}$")  # also a later item of its list (…规章6件、规范性文件212件)


# 全年共制发公文4476件, 印发公文155件: all the official papers a body issued (notices, letters, replies), not its
# 规章, 规范性文件 or policy documents (labels.md)
_OFFICIAL_PAPERS_BEFORE = re.compile(r"(?:印发|制发|发文|收发|办理|制作)(?:各类|各种)?公文(?:共计|共|合计|总计)?\s*$")
# 制作政府信息3021条,其中主动公开信息1027条,依申请公开信息459条: the information made, split by how it is
# disclosed; its 依申请公开 class counts items of information, not applications received
_ON_REQUEST_CLASS_BEFORE = re.compile(r"依申请公开的?(?:政府)?信息(?:数|总数)?(?:共|为)?\s*$")
_MADE_THEN_SPLIT = re.compile(r"(?:制作|获取)[^。]{0,30}?\d+\s*[条件份篇个][^。]{0,4}?其中")
# 共发文96件,其中主动公开文件0件,不公开文件96件,依申请公开0件: a list item naming the on-request class of what
# the figure before counts (documents, items published), not applications received
_ON_REQUEST_ITEM = re.compile(r"\s*依申请公开的?(?:政府)?(?:信息|文件|类)?(?:数量|总数|数)?(?:共|为|是)?\s*")
_FIGURE_THEN_SPLIT = re.compile(r"\d+\s*[条件份篇个][^。]{0,4}?其中")
# 通过县政府网站在线提交10件: what applicants submitted through a channel
_SUBMITTED = re.compile(r"(?:提交|提出)(?:的)?(?:申请)?\s*(?:共计|共)?\s*$")
# 以组织名义提交的政府信息申请有2件, 以公民个人名义申请5件: applications counted by the applicant's capacity
_IN_THE_NAME_OF = re.compile(r"以[^,，。;；\d]{0,8}名义")


def label_vetoed(label: str, text: str, start: int, end: int) -> bool:
    """Quantities that cannot state ``label`` whatever the model says (labels.md; the training gold agrees):

    * disclosure figures: a running total before the year's 新增 figure (…615条,今年新增94条), all the information
      disclosed before its 主动公开 part (共公开政府信息4738条。其中,主动公开3810条), items other bodies adopted,
      applications submitted through a channel (其中通过县政府网站在线提交10件);
    * a count of people for an item disclosed or a press event; policy briefings (说明会) for a press event;
    * policy documents: appointments and removals (人事任免文件), all the official papers issued (制发公文4476件),
      documents still in force (现行有效…36件);
    * rates of reviews, deputies' proposals or website surveys for a response rate; proposals, and opinions
      given in a consultation (开展意见征集22期,收到意见建议10条), for requests;
    * applications: the on-request class of the information made (制作…依申请公开信息459条) or of the documents
      or items a figure before counts (发文96件,其中…依申请公开0件), information released as on-request information
      (作为依申请公开信息数为0条), a split by applicant or channel (其中自然人申请89件; 公民个人提出申请62件,
      占比96.88%; 以组织名义提交的申请有2件)."""
    sent = max((text.rfind(c, 0, start) for c in "。\n"), default=-1) + 1
    if label in _DISCLOSED_LABELS and _NEW_ADDED_AFTER.match(text, end):
        return True  # 共主动公开政府信息615条,今年新增94条: a running total
    if label == "DISCLOSED_TOTAL" and _PROACTIVE_PART_AFTER.match(text, end) \
            and "主动" not in last_clause(text[max(sent, start - 30):start]):
        return True  # 共公开政府信息4738条。其中,主动公开3810条: on-request disclosures counted in; the part is the total
    people = next((u for u in _PEOPLE_UNITS if text[start:end].endswith(u)), None)
    if people is not None and counts_people_for(label, people):
        return True
    if label == "POLICY_DOCS" and (_APPOINTMENTS_BEFORE.search(text, max(0, start - 14), start)
                                   or _OFFICIAL_PAPERS_BEFORE.search(text, max(0, start - 14), start)
                                   or _IN_FORCE_BEFORE.search(text, max(0, start - 60), start)):
        return True
    clause = re.split(r"[,，;；、]", text[sent:start])[-1]  # the figure's own list item
    if label in _DISCLOSED_LABELS and ADOPTED_BY_OTHERS.search(clause):
        return True  # 市人民政府网站采用信息228条: items other bodies adopted
    if label in _DISCLOSED_LABELS and _SUBMITTED.search(clause):
        return True  # 受理依申请公开13件,其中通过县政府网站在线提交10件: applications by channel, not items disclosed
    if label == "RESPONSE_RATE":
        ctx = text[max(sent, start - 50):start]
        if _REVIEWS_OR_PROPOSALS.search(ctx) and not _PUBLIC_REQUESTS.search(ctx):
            return True  # 行政复议3件,…,办结率达100%; 人大建议、政协提案…办结率100%; 网站满意度测评…100%:
            # no rate of answering the public
    if label.startswith("HOTLINE") and _PROPOSALS.search(clause):
        return True  # 公开人大政协建议提案办理意见66件: deputies' proposals are no requests from the public
    if label.startswith("HOTLINE") and _OPINIONS_COUNTED.search(clause) and _CONSULTATION.search(text, sent, start) \
            and not _PUBLIC_REQUESTS.search(clause):
        return True  # 开展意见征集22期,收到公开意见建议10条: opinions given in a consultation
    if label == "APPLICATIONS":
        if _MADE_ON_REQUEST.search(clause) or (_ON_REQUEST_CLASS_BEFORE.search(text, max(0, start - 14), start)
                                               and _MADE_THEN_SPLIT.search(text, sent, start)):
            # 制作依申请公开信息495条; 共制作政府信息3021条,其中主动公开…,依申请公开信息459条: a class of information made
            return True
        if _ON_REQUEST_ITEM.fullmatch(clause) \
                and _FIGURE_THEN_SPLIT.search(text, max(sent, text.rfind("；", 0, start) + 1, text.rfind(";", 0, start) + 1), start):
            return True  # (not after a semicolon: 主动公开信息759条,其中…;依申请公开信息30条 is a statement of its own)
        if _IN_THE_NAME_OF.search(clause):
            return True
        if "作为依申请公开" in clause:
            return True  # 作为依申请公开信息数为0条: the class of information released on request, not applications
        if _APPLICANT_OR_CHANNEL.search(clause) and (_SHARE_AFTER.match(text, end)
                                                      or _SPLIT_BEFORE.search(text, sent, start)
                                                      or _APPLICANT_FIGURE.search(text, sent, start - len(clause))):
            return True  # (公民申请113宗,法人和其他组织申请11宗: a sibling of an applicant's figure)
    return label == "PRESS_EVENTS" and (_BRIEFING_BEFORE.search(text, max(0, start - 12), start) is not None
                                        or _BRIEFING_AFTER.match(text, end) is not None)


def counts_other_things(text: str, start: int, end: int) -> bool:
    """Does the word right after a quantity ending at ``end`` make it a count of bodies, channels or other
    things (``30个部门``, ``97个政务新媒体``, ``6个类别``), or the word before it one of accounts or columns
    (``政务新媒体账号141个``), which labels.md leaves ``O``?"""
    after = text[end:end + 12]
    return (_RIGHT_O.match(after) is not None
            or text[end - 1:end] in ("个", "家", "所") and _RIGHT_O_AFTER_GE.match(after) is not None
            or text[end - 1:end] in ("个", "家") and _ACCOUNTS_BEFORE.search(text, max(0, start - 12), start) is not None)


# 建设政务新媒体账号141个, 开设政务微信1个, 全镇新媒体平台13个: the count of a kind of account, column or platform,
# in 个 after it (no such figure is tagged in any labelled set)
_ACCOUNTS_BEFORE = re.compile(r"(?:账号|帐号|账户|公众号|客户端|头条号|视频号|抖音号|小程序|子站|栏目|专栏|新媒体|微信|微博"
                              r"|平台|网站|矩阵)"
                              r"(?:总数|数量|数)?(?:共计|共|合计|总计)?(?:达到|达|为|有)?\s*$")


# 1次全县政务公开具体负责人培训: a training named after the count and the words that say who was trained
_TRAINING_NAMED_AFTER = re.compile(r"[^,，。;；、:：\d]{0,16}?培训(?:班|会)?(?=[,，。;；、]|$)")
# Phrases right after a quantity that name the fact for 举办12场新闻发布会-style sentences.
_RIGHT_KW: list[tuple[str, str]] = [
    ("新闻发布会", "PRESS_EVENTS"), ("发布会", "PRESS_EVENTS"), ("新闻发布", "PRESS_EVENTS"),
    ("在线访谈", "PRESS_EVENTS"),
    ("访谈", "PRESS_EVENTS"), ("政府开放", "PRESS_EVENTS"), ("通气会", "PRESS_EVENTS"),
    ("培训", "TRAINING"), ("业务培训", "TRAINING"), ("专题培训", "TRAINING"), ("集中培训", "TRAINING"),
    ("政策解读", "INTERPRETATIONS"), ("解读", "INTERPRETATIONS"),
    ("政府信息公开申请", "APPLICATIONS"), ("依申请公开", "APPLICATIONS"), ("信息公开申请", "APPLICATIONS"),
    ("公开政府信息的申请", "APPLICATIONS"), ("政府信息公开的申请", "APPLICATIONS"), ("信息依申请公开", "APPLICATIONS"),
    ("规范性文件", "POLICY_DOCS"), ("政策文件", "POLICY_DOCS"), ("重大政策", "POLICY_DOCS"),
    ("政府信息", "DISCLOSED_TOTAL"), ("信息", None),
    ("微博", "DISCLOSED_NEWMEDIA"),  # 发布2436条微博
]

# what may stand between a quantity and the phrase that names it: 191场市政府新闻发布活动, 1条相关政府信息公开申请,
# 1次“政府开放日”活动
_RIGHT_BODY = re.compile(r"^(?:[省市区县镇乡]政府|[省市区县]委|相关|有关|专题|主题|例行|[“\"「])+")
_HOTLINE_TOPIC = re.compile(r"热线|信箱|留言|来信|来访|来电|诉求|咨询|工单|投诉|网帖|转办|交办|私信|问政|信访|互动|提问")
_BOUNDARY = re.compile(r"[。；;！？!?\n]")
_SOFT = re.compile(r"[，,:：（）()]")
_PARTS = re.compile(r"其中|包括|含|分别")
_CATEGORY_WORDS = frozenset({"动态", "公示", "公告", "通知公告"})
# the next item of a list with its own figure (政务动态40条,通知公告14条), not a clause that goes on (…85条,对…进行解读)
_NEXT_ITEM_WITH_FIGURE = re.compile(r"[、,，;；][^,，。;；\d]{0,12}\d")
# 区政府门户网站发布政务动态类消息3231条, 微信公众号发布政务动态85条: one kind of item through a named channel
_CHANNEL_VERB_KIND = re.compile(r"(?:网站|网|平台|公众号|微博|专栏)(?:“[^“”]{1,12}”)?(?:上)?(?:发布|公开|更新|公布)了?"
                                r"(?:[\u4e00-\u9fff]{1,8}类(?:消息|信息)|[\u4e00-\u9fff]{0,4}(?:动态|公示|公告)"
                                r"(?:(?:及|和|等)(?:其他|相关)?信息)?)\s*$")  # (公众号“某某”发布工作动态及信息290余条)
_ASIDE = re.compile(r"\([^()]{1,15}\)")  # a parenthesised aside before the number (除公文发布外)
_URL_ASIDE = re.compile(r"\((?:https?://|www\.)[^()\s]{3,100}\)")
# a long aside that lists what a figure holds, right before it: …信息(包括:天气预报、预警信号)共1631条
_LONG_ASIDE_BEFORE = re.compile(r"(?P<aside>\((?:包括|含|主要有|主要包括|如)[^()]{14,60}\))\s*(?:共计|共|合计|总计)?\s*$")
_EXAMPLES_OF_INFO = re.compile(r"(?:等(?:方面|类)?的?(?:(?:政府)?信息|内容)|信息等)\s*(?:共计|共|合计)?\s*$")
# 全年共公开部门预决算、审计报告、…等相关信息206条: the year's disclosures, listed
_YEAR_LIST_OF_INFO = re.compile(r"^\s*(?:全年|本年度?|今年)(?:共|累计|共计)?(?:主动)?(?:公开|发布)了?[^,，。;；]*、[^,，。;；]*"
                                r"等(?:相关|各类)?信息\s*(?:共计|共|合计)?\s*$")
_EXAMPLES_OF_INFO_WIDE = re.compile(r"等(?:方面|类)?[^,，。;；]{0,10}?的?(?:政府)?信息\s*(?:共计|共|合计)?\s*$"
                                    r"|、[^,，。;；、]{1,12}等\s*(?:共计|共|合计)?\s*$")  # …、公益事业建设事项等共计80余条, …、工作动态等100余条
# a disclosure verb right before a figure of 信息 (累计公开186条信息, 发布了各类1200条信息)
_DISCLOSED_BEFORE = re.compile(r"(?:公开|发布)了?\s*(?:各类)?\s*(?:共计|共|累计|合计)?\s*$")
# 主动公开 followed by a list of examples (at least two 、): the list is what was disclosed
_PROACTIVE_LIST = re.compile(r"主动(?:公开|发布)(?:了|涉及|包括)?[^，,。;；:：]*、[^，,。;；:：]*、")
# 公开了各类政府信息,具体包括调整领导干部分工、…等方面的内容共计108条: the list after the disclosed information is
# what was disclosed; the figure counts it
_DISCLOSED_THEN_LIST = re.compile(
    r"(?:公开|发布)了?\s*(?:各类|各项)?(?:政府)?信息\s*[,，]\s*(?:具体|主要)?(?:包括|包含|涵盖|涉及)"
    r"[^,，。;；:：]*等(?:方面|类)?的?(?:内容|信息)\s*(?:共计|共|合计|总计)?\s*$")
_CATALOGUE_CATEGORY = re.compile(r"[,，、;；]\s*(?:政府)?信息公开目录(?:类)?(?:信息)?\s*(?:更新)?\s*(?:共|共计)?\s*$")
_CATEGORY_SIBLINGS = re.compile(r"其中[^。]*(?:概况|政务动态|工作动态|通知公告)[^。]*\d")
# News media as the channel of a publishing verb, with or without 通过/在 (省级媒体发布信息21条; 通过报刊、广播、
# 电视等媒体公开246条): labels.md counts news pieces placed with media as PRESS_EVENTS, and so does the dev gold
# (通过新闻媒体公开信息1600余条). The body's own media (政务新媒体, 融媒体中心) are not news media.
_NEWS_MEDIA = (r"(?:新闻媒体|主流媒体|中央媒体|央媒|(?:国家|中央|省|市|县|区|州|各)级(?:及?以上)?(?:新闻|主流)?媒体"
               r"|等(?:新闻)?媒体|报刊|报纸|广播|电视台?|电台|新华社|(?:日报|晚报|时报|都市报)》?)")
_MEDIA_PLACED = re.compile(_NEWS_MEDIA + r"[^,，。;；\d]{0,10}?(?:公开|发布|刊发|刊登|刊播|播发|播出|登载|推出)"
                           r"(?P<rest>[^,，。;；、\d]{0,12})$")
_MEDIA_UNITS = frozenset({"条", "篇", "次", "篇次", "则", "期", "件"})
_REQUESTS_NAMED_AFTER = re.compile(r"(?:业务咨询|网上咨询|群众咨询|咨询留言|(?:网民|群众|市民|网友)留言|群众来信|群众诉求|意见建议|诉求)")
_CARRIED_OPENS_CLAUSE = re.compile(r"\s*(?:共|全年)?(?:刊登|刊发|刊载|登载|收录)")
# 接收并回应, 受理办结: one figure for both verbs
_RECEIVED_AND_RESOLVED = re.compile(r"(?:接收|收到|受理|接到|接听)(?:(?:并|和|及|、)(?:及时)?(?:回应|答复|办理|回复|处理|解答)"
                                    r"|(?:并|和|及|、)?办结)")
_RECEIVED_OPENS_CLAUSE = re.compile(r"\s*(?:全年|本年度?|共|累计|共计)*\s*(?:受理|接到|接收|收到|接听)(?!并|和|及|、)")
_RESOLVE_OPENS_CLAUSE = re.compile(r"\s*(?:全年|本年度?|共|累计|共计)*\s*(?:答复|回复|办结|解答|办理完成|办理并?(?:答复|回复))")
_INTERPRETS_OPENS_CLAUSE = re.compile(
    r"\s*(?:全年|共|累计|共计)*\s*(?:解读|图解)了?\s*(?:[《“\"]|[\u4e00-\u9fff]{0,6}?政策(?:性)?文件\s*(?:共计|共)?\s*$)")


# 转载、发布解读信息0条, 发布转载政策解读17条: reposted and published, the body's own figure (转载 alone is others')
_REPOSTED_AND_PUBLISHED = re.compile(r"发布(?:[、和及与])?转载|转载(?:[、和及与])?发布")
_RECEIVE_VERB = re.compile(r"收到|受理|接到|接收|接受|接听|收集")
_RESOLVE_VERB = re.compile(r"办结|答复|回复|处理|解决|反馈|办理|解答|回应")
_CLAUSE_SEP = re.compile(r"[，,;；:：]")


def last_clause(before: str) -> str:
    """What follows the last comma, semicolon or colon of ``before``."""
    return before[max((mm.end() for mm in _CLAUSE_SEP.finditer(before)), default=0):]


def _long_clause(s: str, sent_start: int, start: int) -> str:
    """The clause before a quantity, up to 100 characters back (a list with 、 between its items runs long)."""
    return last_clause(s[max(sent_start, start - 100):start])


_LIST_ITEM = re.compile(r"[、和及][^,，。;；:：、]{1,10}")
# an item after a comma that only names a channel (,网络问政105件), not one with a verb or a time of its own
_COMMA_ITEM = re.compile(r"[,，](?!.*(?:转办|交办|结转|新增|上年|办结|答复|回复|办理|处理|反馈))[^,，。;；:：、\d]{1,10}")
_VERB_RECEIVED = re.compile(r"受理|收到|接收|接到|接听|接待|登记")
_TOTAL_WORD = re.compile(r"\s*[,，、;；]?\s*(?:总计|合计|共计|总共|两者合计|以上合计)\s*(?:共|为|达)?\s*")
_DISCLOSED_LABELS = frozenset({"DISCLOSED_TOTAL", "DISCLOSED_WEBSITE", "DISCLOSED_NEWMEDIA", "DISCLOSED_GAZETTE"})
_APP_SPLIT = re.compile(
    # (not the last of a list of channels: 通过区政府网站和信函受理…申请15件 names them all)
    r"(?<![和及与、])(?:网上|网络|邮寄|信函|当面|现场|传真|线上|线下|电子邮件|网站)(?:申请|受理|提交)|自然人|法人(?:或其他组织)?申请|"
    r"公民申请|结转|其他渠道"
)
# 收到网上申请、信件邮寄等形式的依申请公开件37件: the channels listed are all of them, no split
_ALL_CHANNELS_LISTED = re.compile(r"、[^,，。;；]{0,12}?等(?:各种|多种)?(?:形式|方式|渠道|途径)")
_NM = r"(?:政务)?(?:微信公众号|微信|微博|视频号|抖音号?|快手|头条号|公众号|客户端|APP|小程序)"
# a sentence that opens with the channel it speaks of (2023年,通过市政府门户网站主动公开…); a figure's clause that
# states a total; kinds of items listed before a channel's own figure
_CHANNEL_OPENS = re.compile(r"\s*(?:(?:19|20)\d{2}\s*年度?\s*[,，]?\s*)?[\u4e00-\u9fff]{0,16}?(?:通过|在|依托|利用)")
_TOTAL_MARKERS = re.compile(r"共|总计|合计|累计|全年|总量")
_KINDS_OF_DOCS = frozenset({"POLICY_DOCS", "INTERPRETATIONS"})
_SEVERAL_CHANNELS = re.compile(r"等(?:(?!微信|微博|[新自]媒体|公众|抖音|头条|客户端)[^,，。]){0,4}?(?:渠道|平台|方式|载体|途径|媒介)"
                               r"|多渠道|各类渠道|其他(?:形式|渠道|方式|途径)")
_NEWMEDIA_LIST = re.compile(rf"{_NM}(?:[、和及与]{_NM})+等(?:[新自]媒体)?平台")
_OTHER_CHANNEL = re.compile(rf"查阅场所|查阅点|信息查阅|{NEWS_OUTLET_WORDS}|公开栏(?!目)|公示栏(?!目)|档案馆|图书馆|显示屏|宣传板|宣传单|宣传栏|"
                            r"横幅|展板")
_QUOTED = re.compile(r"“(?![双两]微(?:一端)?”)[^“”]{1,20}”|\"(?![双两]微(?:一端)?\")[^\"]{1,20}\"")  # not “双微”
_APP_DONE = re.compile(r"(?:答复|办结|回复)[^，,]{0,12}申请")
_RECEIVED_AND_DONE = re.compile(r"(?:受理|收到|接收)(?:并|和|及|、)?[^，,。]{0,12}?(?:答复|办结|回复)|办理(?:并|和|及|、)?(?:答复|回复)")
_STRONG_VETO = re.compile(
    r"废止|失效|现行有效|有效存续|历年累计|报送|上报|转载|访问量|点击量|阅读量|浏览量|予以公开|不予公开|部分公开|无法提供"
)
# 市政府网站共采用672条, 被省级以上媒体采用信息15条: items others took from the body, not its own (not
# 采用多种形式发布解读材料: a method adopted)
ADOPTED_BY_OTHERS = re.compile(r"(?:采用|采纳|刊用)\s*(?:信息|稿件|新闻)?\s*(?:共计|共|达)?\s*$|被[^，,。]{0,12}(?:采用|采纳|刊用)")
_PRODUCED = re.compile(r"制作|获取|产生|形成|生成")
_DISCLOSED_VERB = re.compile(r"公开|发布|推送|刊登|刊发|更新|上传|报送|公布")
_PRODUCED_SPLIT = frozenset({"DISCLOSED_TOTAL", "POLICY_DOCS", "APPLICATIONS", "DISCLOSED_WEBSITE"})
_MULTI_YEAR = re.compile(r"(?P<since>(?:(?P<year>(?:19|20)\d\d)\s*年|今年|本年度?|年初))?以来|历年|颁布实施|总计主动公开|目前")
_YEAR = re.compile(r"(?:19|20)\d\d(?=\s*年)")


def later_year_named(text: str, year: int, before: int) -> bool:
    """Does ``text`` name a year after ``year`` before offset ``before``? Then <year>年以来 sums several years
    (2008年以来 in a 2021 report); otherwise it is the reporting year (2021年以来)."""
    return any(int(y) > year for y in _YEAR.findall(text, 0, before))


def _over_several_years(s: str, window: str, win_start: int) -> bool:
    """Does the window say the figure is summed over several years (历年, 颁布实施以来, 2008年以来)? 今年以来,
    年初以来 and <the latest year the text has named so far>年以来 are the reporting year (2021年以来 in a 2021
    report), not several years."""
    for m in _MULTI_YEAR.finditer(window):
        if m["since"] is None and m.group(0) == "以来" and m.start() <= 6 and win_start > 0:
            # the window opens inside 2024年以来: read the words the window cut off
            full = _MULTI_YEAR.search(s, max(0, win_start + m.start() - 8), win_start + m.end())
            if full is not None and full["since"] is not None:
                if full["year"] is None or not later_year_named(s, int(full["year"]), full.start()):
                    continue  # 今年以来, <the latest year named>年以来
                return True
        if m["since"] is None:
            return True  # 历年, 颁布实施以来, 目前
        if m["year"] is None:
            continue  # 今年以来, 本年度以来, 年初以来
        if later_year_named(s, int(m["year"]), win_start + m.start()):
            return True
    return False


_CHANNELS = ("DISCLOSED_WEBSITE", "DISCLOSED_NEWMEDIA", "DISCLOSED_GAZETTE")
# 政务公开栏、广播、电视、新媒体平台等形式: a list of channels; not 以图文、视频等形式 (formats of one channel's posts)
CHANNELS_THEN_FORMS = re.compile(r"(?:网站?|栏|平台|媒体|微信|微博|广播|电视|报|屏|公众号)[^,，。、]{0,4}等形式")
_GENERIC = {kw for kw, lab in KEYWORDS if lab == "DISCLOSED_TOTAL"}
_SKIP_UNITS = {"年", "月", "日", "号", "元", "万元", "天", "张", "户", "套", "亿", "万", "个百分点"}


@lru_cache(maxsize=8192)
def _segment(s: str) -> frozenset[int]:
    """Start offsets of jieba words in ``s``."""
    starts = set()
    pos = 0
    for w in jieba.cut(s, HMM=False):
        starts.add(pos)
        pos += len(w)
    return frozenset(starts)


def _keywords(window: str) -> list[tuple[int, int, str, str]]:
    """All keyword matches ``(start, end, keyword, label)`` in ``window`` that start or end on a jieba word
    boundary (政府|网站 and 门户网站 both give 网站); a match inside a longer match is dropped."""
    starts = _segment(window) | {len(window)}
    hits: list[tuple[int, int, str, str]] = []
    taken = [False] * len(window)
    for kw, lab in _KW:  # longest first
        i = window.find(kw)
        while i >= 0:
            j = i + len(kw)
            if (i in starts or j in starts or kw[0].isascii()) and not any(taken[i:j]):
                hits.append((i, j, kw, lab))
                for k in range(i, j):
                    taken[k] = True
            i = window.find(kw, i + 1)
    return sorted(hits)


# any word that names a channel, loosely (金华农业信息网, 政务号): for checking a label, not for giving one
_CHANNEL_WORDS = {
    "DISCLOSED_GAZETTE": re.compile(r"公报|政报"),
    "DISCLOSED_WEBSITE": re.compile(r"网|平台|专栏|栏目|门户"),
    "DISCLOSED_NEWMEDIA": re.compile(r"微信|微博|[新自]媒体|公众号|抖音|头条|客户端|视频号|APP|快手|号"),
}


def channels_named(text: str) -> set[str]:
    """The channel labels (website, new media, gazette) some word of ``text`` names, loosely."""
    return {lab for lab, rx in _CHANNEL_WORDS.items() if rx.search(text)}


def channels_stated(text: str) -> set[str]:
    """The channel labels the keyword rules read in ``text`` (stricter than ``channels_named``: 微信公众号平台 is new
    media alone, and account names in quotes are masked)."""
    return _channels(text, 0)


def placed_with_media(text: str, sent_start: int, pos: int) -> bool:
    """Whether the figure at ``pos`` is news placed with media: its own clause names news media as the channel
    of a publishing verb right before it, and none of the body's own channels (省级媒体发布信息21条; 通过报刊、
    广播、电视等媒体公开246条; not 通过新闻媒体公开信息1600余条、通过其他形式公开信息600余条)."""
    clause = _long_clause(text, sent_start, pos)
    m = _MEDIA_PLACED.search(clause)
    return m is not None and not _channels(clause, 0) and not re.search(r"其[他它]", m["rest"])


def _channels(window: str, frm: int) -> set[str]:
    """Channel labels named in ``window[frm:]``; account names in quotes (“某某政府网”微信公众号) are masked."""
    masked = _QUOTED.sub(lambda m: "_" * len(m.group()), window)
    return {h[3] for h in _keywords(masked) if h[0] >= frm and h[3] in _CHANNELS}


@dataclass
class _Sentence:
    """What the labeller has seen so far in the current sentence."""

    prev_label: str | None = None   # label given to the previous quantity (None = O or none yet)
    prev_any: bool = False
    parent: str | None = None       # label of the figure a 其中/包括 breakdown splits
    dt_seen: bool = False
    produced: bool = False          # a figure of information made or obtained (制作、获取的政府信息1971条) came before
    running: str | None = None      # the label of a running total that the year's 新增 figure follows
    seen: set = field(default_factory=set)  # the labels (None for O) given so far in the sentence
    proactive_part: bool = False    # the figure before counts on-request disclosures; a 其中主动公开 part follows


# 累计主动公开政府信息3819条,本年度新增295条 (the training and corpus gold agree: the total O, the new part tagged);
# also in brackets with the year: 累计公开信息8775条(2025年新增388条)
_NEW_ADDED = r"[,，;；(（]\s*(?:其中)?(?:今年|本年度?|全年|当年|年内|(?:19|20)\d{2}\s*年度?)?新增(?:信息)?(?:共计|共)?\s*"
_NEW_ADDED_AFTER = re.compile(_NEW_ADDED + r"\d")
_NEW_ADDED_BETWEEN = re.compile(_NEW_ADDED)
# 124件,占43%: a share of a bigger figure is O, unless the keywords name a fact of its own (规范性文件信息2条,占4%)
_SHARE_AFTER = re.compile(r"\s*[,，]?\s*占")
_KINDS_OF_ITEMS = frozenset({"POLICY_DOCS", "INTERPRETATIONS", "DISCLOSED_WEBSITE", "DISCLOSED_NEWMEDIA",
                             "DISCLOSED_GAZETTE"})


def _is_quantity(s: str, m: re.Match) -> bool:
    num, unit = m["num"], m["unit"] or ""
    start, end = m.start(), m.end()
    if unit in _SKIP_UNITS:
        return False
    if num[0] in _CN and (not unit or unit not in COUNT_UNITS
                          or num == "一" and not re.search(r"申请\s*$", s[max(0, start - 4):start])):
        return False  # 一 is 一件事, 一个…; but 收到政府信息公开申请一件 counts
    if not unit:
        # a bare number is tagged only as a rate or as a 数 (信息数170, 办结率达100)
        rate_or_count = re.search(r"(?:率|数|数量|事项|申请)[为达是到了\s]*$", s[max(0, start - 6):start])
        at_clause_end = re.match(r"^(?:[,，。；;\n]|$)", s[end:end + 1]) and re.match(r"[\u4e00-\u9fff]", s[start - 1:start])
        if len(num) >= 5 or not (rate_or_count or at_clause_end):
            return False
    line_start = s.rfind("\n", 0, start) + 1
    line_end = s.find("\n", end)
    line_end = line_end if line_end >= 0 else len(s)
    if "|" in s[line_start:line_end]:
        cell_start = s.rfind("|", line_start, start) + 1 or line_start
        cell_end = s.find("|", end, line_end)
        if (cell_end if cell_end >= 0 else line_end) - cell_start < 80:
            return False  # a table row; a whole report in one cell of a page (… |) is prose
    if s[max(0, start - 1):start] in ("第", "〔", "[", "-", "—", "/") or s[end:end + 1] in ("-", "号", "/") \
            or not unit and s[end:end + 1] in ("、", ".", "."):
        return False
    if re.search(r"(?:邮编|邮政编码|电话|传真|地址)[:：]?\s*$", s[max(0, start - 6):start]):
        return False
    if unit == "部" and s[end:end + 1] == "分":
        return False  # 八部分组成
    if num[0] in _CN and unit == "个":
        return False  # 两个确立, 三个满意
    return not counts_other_things(s, start, end) and not inside_a_name(s, start, end) and not counts_annual_reports(s, start) \
        and not rate_of_service_matters(s, start, end)


def produced_figure(clause: str) -> bool:
    """Is the clause before a figure about information made or obtained (制作、获取的政府信息), not disclosed?
    The last verb decides: 同步推进主动公开与依申请公开工作全年共制作政府信息236条 counts items made."""
    verbs = [*_PRODUCED.finditer(clause), *_DISCLOSED_VERB.finditer(clause)]
    return bool(verbs) and max(verbs, key=lambda m: m.start()).re is _PRODUCED


def _one_channel_or_total(text: str) -> str:
    """The channel label when ``text`` names exactly one channel, else the total."""
    chans = _channels(text, 0)
    return chans.pop() if len(chans) == 1 else "DISCLOSED_TOTAL"


def _examples_of_information(s: str, sent_start: int, start: int, window: str) -> bool:
    """Does the quantity follow a list of examples of information (…等信息) in a clause that discloses them
    through a named channel (通过政府网站主动公开…等群众关心关注的信息共计86条)?"""
    if not _EXAMPLES_OF_INFO_WIDE.search(window):  # 等群众关心关注的信息共计86条
        return False
    clause = last_clause(s[sent_start:start])
    # a channel must be named: without one, such a list names a kind of information (执法信息, 重要信息)
    return bool(_DISCLOSED_VERB.search(clause)) and bool(_channels(clause, 0))


_PROACTIVE_OWN_PLACE = re.compile(
    r"主动公开了?[\u4e00-\u9fff]{1,8}?(?:镇|乡|街道|县|区|市)(?:人民)?政府信息(?:共计|共|总计|合计|为|达)?\s*$")


def _base_label(s: str, m: re.Match, win_start: int, sent_start: int, st: _Sentence) -> str | None:
    """The label from the keywords left of the quantity (and a few right of it), before sentence rules."""
    unit = m["unit"] or ""
    start, end = m.start(), m.end()
    window = _ASIDE.sub(lambda a: "_" * len(a.group()), s[win_start:start])
    lo = win_start if win_start > start - 40 else max(sent_start, start - 160)  # bounded by a figure or sentence
    if _URL_ASIDE.search(s, lo, start):  # 局官方网站(http://wlgd.example.gov.cn/)发布922条: the address says nothing
        window = _ASIDE.sub(lambda a: "_" * len(a.group()), _URL_ASIDE.sub("", s[lo:start])[-40:])
    long_aside = _LONG_ASIDE_BEFORE.search(s, max(sent_start, start - 70), start)
    if long_aside:  # 本级累计发布各类信息(包括:天气预报、预警信号、公众服务信息)共1631条: read past the list
        after = s[long_aside.end("aside"):start]
        window = s[max(sent_start, long_aside.start("aside") - (40 - len(after))):long_aside.start("aside")] + after
    if not window.strip() and st.prev_any:
        return st.prev_label  # 1期70余人次: side by side, same fact
    if _TOTAL_WORD.fullmatch(window) and st.prev_label in _DISCLOSED_LABELS:
        return "DISCLOSED_TOTAL"  # 网站发布1887条,专栏发布514条,总计2401条: the channels summed
    hits = _keywords(window)
    nearest = hits[-1] if hits else None
    dist = len(window) - nearest[1] if nearest else 99
    if unit == "%" or (not unit and nearest and nearest[3] == "RATE"):
        if nearest and nearest[3] == "RATE" and dist <= 8:
            return "RESPONSE_RATE"
        return None
    right = _RIGHT_BODY.sub("", s[end:end + 14], count=1)[:10]  # 191场市政府新闻发布活动
    for kw, lab in _RIGHT_KW:
        if right.startswith(kw):
            if lab is None:
                # (a keyword of an earlier clause says nothing: …宣传各项工作动态,发布1508条信息)
                if (nearest is None or dist > 4 or _SOFT.search(window, nearest[1])) \
                        and _DISCLOSED_BEFORE.search(window) \
                        and "申请" not in s[sent_start:start]:  # 受理申请5件,公开3条信息: an outcome
                    nearest = (len(window), len(window), "公开信息", "DISCLOSED_TOTAL")  # 累计公开186条信息
                    dist = 0
                break
            if nearest is None or nearest[3] == "RESOLVE" or dist > 4:
                return lab
    if unit in ("次", "期", "场") and (nearest is None or dist > 4) and _TRAINING_NAMED_AFTER.match(s, end):
        return "TRAINING"  # 组织1次全县政务公开具体负责人培训: the training named after a long modifier
    if unit in ("条", "件", "个", "次", "人次", "条次", "件次") and _REQUESTS_NAMED_AFTER.match(right) \
            and "申请" not in right[:6]:
        # 对群众在我委门户网站提出的327条业务咨询与意见建议作出了回复: the requests are named after the figure;
        # 认真办理415条次市民留言: a verb of handling right before it
        rest = s[end:end + 40].split("。")[0]
        own = last_clause(s[sent_start:start])
        answered = ("对" in own and re.search(r"作出了?回复|予以回复|答复|回复|办结", rest)) \
            or re.search(r"(?:办理|处理|答复|回复|办结)了?\s*(?:共计|共)?\s*$", own)
        return "HOTLINE_RESOLVED" if answered else "HOTLINE_RECEIVED"
    if unit in ("份", "件", "个") and right.startswith("文件") and nearest is not None \
            and nearest[3] in _DISCLOSED_LABELS and _DISCLOSED_VERB.search(window[-8:]):
        return "POLICY_DOCS"  # 通过官网公布3份文件: documents published on a channel
    if not st.prev_any and unit in ("条", "件", "篇") and _examples_of_information(s, sent_start, start, window) \
            and (nearest is None or nearest[3] not in (*_DISCLOSED_LABELS, "POLICY_DOCS", "PRESS_EVENTS")):
        # 发布各类法律法规、工作动态等信息2208条, 主动公开财政预决算、政策解读…等群众关心的信息共计86条: the examples
        # do not name the fact; the verb and the channel do
        nearest = (len(window), len(window), "信息", "DISCLOSED_TOTAL")
        dist = 0
    if (nearest is None or dist > 20) and unit in ("条", "件", "篇") and _EXAMPLES_OF_INFO.search(window) \
            and _PROACTIVE_LIST.search(_long_clause(s, sent_start, start)):
        # 主动公开涉及疫情防控、社会救助、…、安全生产等方面信息423条: the verb opens a list too long for the window
        nearest = (len(window), len(window), "主动公开", "DISCLOSED_TOTAL")
        dist = 0
    if unit in ("条", "件", "篇") and not st.prev_any:
        # a list of what was disclosed: the keywords inside it (人事任免, 规范性文件) name no fact; the channel does
        m_list = _DISCLOSED_THEN_LIST.search(s, max(sent_start, start - 160), start)
        if m_list:
            return _one_channel_or_total(s[sent_start:m_list.start()])
        long = _long_clause(s, sent_start, start)
        if _YEAR_LIST_OF_INFO.search(long):
            return _one_channel_or_total(long)
    if (nearest is None or dist > 20) and unit in ("件", "条", "次", "件次", "个") \
            and _RECEIVED_OPENS_CLAUSE.match(_long_clause(s, sent_start, start)) \
            and _HOTLINE_TOPIC.search(s[sent_start:start]) and "申请" not in s[sent_start:start]:
        # 12345市民服务热线作为…主阵地,全年受理系统派单、系统交办、市领导交办共283件: the topic is far back
        return "HOTLINE_RECEIVED"
    if unit in ("条", "件", "篇") and _PROACTIVE_OWN_PLACE.search(window) \
            and (nearest is None or dist > 8 or nearest[3] == "O"):
        # 通过政务网站、新媒体平台等方式主动公开朋普镇政府信息共597条: the body's own place inside the phrase
        return _one_channel_or_total(_long_clause(s, sent_start, start))
    if (nearest is None or nearest[3] == "DISCLOSED_TOTAL") and unit in _MEDIA_UNITS \
            and placed_with_media(s, sent_start, start):
        return "PRESS_EVENTS"  # 省级媒体发布信息21条, 通过报刊、广播、电视等媒体公开246条: news placed with media
    if nearest is None or dist > 20 or (not unit and dist > 0):
        return None
    lab = nearest[3]
    clause_start = max((mm.end() for mm in _SOFT.finditer(window)), default=0)  # the window's last clause
    clause = window[clause_start:]
    if lab == "O" and (_EXAMPLES_OF_INFO.search(window) or re.search(r"动态信息\s*(?:共计|共|合计)?\s*$", window)) \
            and _DISCLOSED_VERB.search(clause):
        lab = "DISCLOSED_TOTAL"  # 发布各类法律法规、工作动态等信息2208条: the examples do not name the fact
    if lab == "O" and nearest[2] in _CATEGORY_WORDS and unit in ("条", "篇", "件"):
        # 区政府门户网站发布政务动态类消息3231条: one kind of item through a named channel, and no list of kinds
        chans = _channels(clause, 0)
        # (其中 splits a figure only when one came before: 在公众号、公示栏等平台公开,其中微信公众号发布政务动态85条)
        if len(chans) == 1 and _CHANNEL_VERB_KIND.search(clause) \
                and not (_PARTS.search(s[sent_start:start]) and st.prev_any) \
                and not _NEXT_ITEM_WITH_FIGURE.match(s, end) and "、" not in clause:
            return chans.pop()
    if lab == "POLICY_DOCS" and nearest[2] == "发文" and window[:nearest[0]].endswith(("公开", "发布")):
        # 通过司法局门户网站工作动态栏目平台公开发文46条: posts published on a channel, not documents issued
        chans = _channels(window, 0)
        if len(chans) == 1:
            return chans.pop()
    if lab == "PRESS_EVENTS" and nearest[2] == "发稿" and "DISCLOSED_NEWMEDIA" in _channels(window, 0):
        return None  # 政府网站、公众号等媒体发稿178篇: posts on the body's own accounts, not news placed with media
    if lab == "PRESS_EVENTS" and nearest[2] == "发稿" and _channels(clause, 0) == {"DISCLOSED_WEBSITE"} \
            and not re.search(r"报|刊|社|台|中国|国家|省", clause):
        return "DISCLOSED_WEBSITE"  # 宿迁水利网站发稿569条: posts on the body's own website (not 中国气象局网站上发稿)
    if lab in ("O", "RATE"):
        return None
    if lab == "RESOLVE" and nearest[2] in ("办理", "处理") and (not unit or unit in COUNT_UNITS) \
            and re.search(r"申请[^，,;；]{0,6}$", window[:nearest[0]]) and not _APP_SPLIT.search(window):
        return "APPLICATIONS"  # 依申请公开信息办理数39件, 依申请信息公开办理有69件: applications handled
    if lab == "RESOLVE":
        ctx = s[max(0, sent_start - 60):start]
        topics = list(_HOTLINE_TOPIC.finditer(ctx))
        # (…掌握实际诉求…。共接收政府信息公开申请633件;上年结转23件。全年共办结606件: the applications are nearer)
        if topics and "申请" not in ctx[topics[-1].end():] and "申请" not in s[sent_start:start]:
            # 接收并回应群众咨询共计92件次: one figure for both verbs counts what came in
            if _RECEIVED_AND_RESOLVED.search(window):
                return "HOTLINE_RECEIVED"
            own = last_clause(s[sent_start:start])
            if _RECEIVE_VERB.search(own) and not _RESOLVE_VERB.search(own):
                return "HOTLINE_RECEIVED"  # …及时处理并反馈,截至目前共收到15564件咨询投诉件: its own clause receives
            return "HOTLINE_RESOLVED"
        return None
    if lab in ("APPLICATIONS", "TRAINING", "HOTLINE_RECEIVED") and unit and unit not in COUNT_UNITS:
        return None
    if lab == "APPLICATIONS" and (_APP_SPLIT.search(clause) and not _ALL_CHANNELS_LISTED.search(clause)
                                  or (_APP_DONE.search(clause) and not _RECEIVED_AND_DONE.search(clause))):
        return None  # applications split by channel or applicant, carried over, or answered: O
        # (but 受理并办结…申请23件 counts what came in too: labels.md, 受理 counts are applications)
    if lab == "DISCLOSED_WEBSITE" and _CATALOGUE_CATEGORY.search(window) \
            and _CATEGORY_SIBLINGS.search(s[sent_start:start]):
        return None  # 其中,概况类信息187条,政务动态信息176条,信息公开目录信息39条: a category of the total, not a channel
    if lab in _CHANNELS and unit in ("个", "家") and re.search(r"(?:开设|新增|新建|设立|开通)[^，,。]{0,8}$", window) \
            and dist <= 4:
        return None  # 新开设专栏专题9个: columns opened, not items
    if lab in _CHANNELS and unit in ("个", "家") and dist == 0 and nearest[2] not in _GENERIC:
        return None  # 微信公众号1个, 专题专栏12个: counts of accounts or columns
    if lab == "DISCLOSED_TOTAL" and _over_several_years(s, window, win_start):
        return None
    if counts_people_for(lab, unit):
        return None  # 确定1名局领导…, 领导出席发布会25人次: people are never items disclosed nor events
    if lab in ("DISCLOSED_TOTAL", "APPLICATIONS") and produced_figure(clause):
        return None  # 制作获取政府信息共33条,其中主动公开信息数33条: made or obtained, the part after 其中 is disclosed
    if _STRONG_VETO.search(_REPOSTED_AND_PUBLISHED.sub("发布", clause)) or ADOPTED_BY_OTHERS.search(clause):
        return None  # 宣布废止失效文件8件, 现行有效规章207部, 报送查阅中心文件2109件
    if (lab.startswith("HOTLINE") or lab == "PRESS_EVENTS") and re.search(r"类[^，,]{0,3}$", window):
        return None  # 咨询类267件: a split of the requests by kind
    if lab == "POLICY_DOCS" and re.search(r"类\s*$", window) and "申请" in s[sent_start:start]:
        return None  # 从申请的信息内容来看,行政许可类5件,…政策法规类1件: applications split by subject
    resolves = [h for h in hits[-3:] if h[3] == "RESOLVE" and h[0] >= clause_start]
    if lab == "HOTLINE_RECEIVED" and resolves and not _RECEIVED_AND_RESOLVED.search(window[clause_start:]) \
            and not _RECEIVE_VERB.search(window, resolves[-1][1]):
        # 回复网民留言25条; not 主动回应,2024年共受理…来访信件34件, nor 咨询处理情况 本局共接受…咨询0次 (a heading's verb)
        return "HOTLINE_RESOLVED"
    if lab == "HOTLINE_RECEIVED" and re.search(r"依申请|信息公开申请", clause) and not _APP_SPLIT.search(clause) \
            and unit in COUNT_UNITS:
        return "APPLICATIONS"  # 本单位接到依申请公开方面的诉求3件: requests for disclosure
    if lab == "HOTLINE_RECEIVED" and _RESOLVE_OPENS_CLAUSE.match(_long_clause(s, sent_start, start)):
        return "HOTLINE_RESOLVED"  # 全年答复网站留言、…、信访等各渠道来信留言等N件: a long list
    if lab in ("POLICY_DOCS", "INTERPRETATIONS") and unit in ("场", "场次") and re.search(r"发布会|新闻发布", clause):
        return "PRESS_EVENTS"  # 召开新闻发布会解读政策文件4场次: events, counted in 场
    if lab == "POLICY_DOCS" and _INTERPRETS_OPENS_CLAUSE.match(clause):
        return "INTERPRETATIONS"  # 解读《某某规定》等政策文件3份: the documents interpreted
    if lab == "DISCLOSED_TOTAL" and any(h[3] == "APPLICATIONS" and h[0] >= clause_start for h in hits):
        return "APPLICATIONS" if not unit or unit in COUNT_UNITS else None
    if lab == "POLICY_DOCS" and _CARRIED_OPENS_CLAUSE.match(clause) \
            and _channels(s[sent_start:start], 0) == {"DISCLOSED_GAZETTE"}:
        return "DISCLOSED_GAZETTE"  # 编发公报24期,刊登政府规章、规范性文件等112件: the items the gazette carried
    if lab == "POLICY_DOCS" and _EXAMPLES_OF_INFO.search(window):
        # 政府公报刊登政府规章和规范性文件等信息0.24万条: documents named as examples of what a channel carried
        chans = _channels(window, clause_start)
        if not chans and _DISCLOSED_VERB.search(clause) and "类" not in clause \
                and not re.search(r"文件[^,，。]{0,4}(?:栏目|专栏)", s[sent_start:start]):  # not a column of documents
            # “某某发布”微信公众号充分发挥新媒体优势,实时发布政策文件等信息2000余条: the channel opens the sentence
            chans = _channels(s[sent_start:start], 0)
        if len(chans) == 1:
            return chans.pop()
    if lab == "DISCLOSED_TOTAL" and placed_with_media(s, sent_start, start):
        return "PRESS_EVENTS"  # 通过人民日报、南方日报等主流媒体公开信息121篇: news placed with the media
    if lab == "DISCLOSED_TOTAL" or lab in _CHANNELS:
        # the channel named in the clause decides; several channels (门户网站、微博等渠道) make a total
        chans = _channels(window, clause_start)
        where = window  # where other channels would share the figure: beyond its clause, the whole sentence
        if not chans:
            chans = _channels(window, 0)
            where = s[sent_start:start]
        if not chans and st.prev_label is None:
            chans = _channels(where, 0)
        elif not chans and st.prev_label in _KINDS_OF_DOCS and st.seen <= {*_KINDS_OF_DOCS, None} \
                and _CHANNEL_OPENS.match(where) and not _TOTAL_MARKERS.search(clause) and not _PARTS.search(where):
            # 通过某某市人民政府网站主动公开…文件3件,发布信息15266条: the channel that opens the sentence carries
            # the list after kinds of items too (not 全年共公开…300条, a total; not the parts after 其中)
            chans = _channels(where, 0)
        # (in the words the channels came from, since any split: …运用…平台、局微信公众平台等多种途径,…,主动公开政务
        # 信息150余条; not 通过网站、新媒体等平台公开…196万条,其中:通过政府网站…发布政府信息6000条)
        said = re.split(r"其中|包括", where)[-1]
        several = _SEVERAL_CHANNELS.search(said) or CHANNELS_THEN_FORMS.search(said)
        if several and chans == {"DISCLOSED_NEWMEDIA"} and _NEWMEDIA_LIST.search(said):
            several = None  # 依托微信公众号、视频号等平台…发布各类政务信息100余条: a list of new-media accounts
        if len(chans) == 1 and not several and not _OTHER_CHANNEL.search(where):
            return chans.pop()
        if chans and lab in _CHANNELS and (len(chans) > 1 or several):  # 门户网站信息公开栏目、美篇平台等多样化渠道
            return "DISCLOSED_TOTAL"
    return lab


def weak_label(text: str) -> list[dict]:
    """Pre-label ``text``; returns spans ``{"start", "end", "label"}`` with offsets into ``text``."""
    norm = _normalize(text)
    s = norm.text
    spans: list[dict] = []
    st = _Sentence()
    sent_start = 0
    prev_end = 0
    for m in QTY.finditer(s):
        if not m["num"]:
            continue
        start = m.start()
        b = max((mm.end() for mm in _BOUNDARY.finditer(s, sent_start, start)), default=sent_start)
        if b > sent_start or start == 0:
            sent_start = b
            st = _Sentence()
            prev_end = sent_start
        if not _is_quantity(s, m):
            continue
        win_start = max(sent_start, prev_end, start - 40)
        lab = _base_label(s, m, win_start, sent_start, st)
        between = s[prev_end:start]
        proactive_part = st.proactive_part and _PROACTIVE_PART_BETWEEN.fullmatch(between) is not None
        st.proactive_part = False
        if lab in ("DISCLOSED_TOTAL", "DISCLOSED_WEBSITE") and _PROACTIVE_PART_AFTER.match(s, m.end()) \
                and "主动" not in last_clause(s[sent_start:start]):
            # 共公开政府信息4738条。其中,主动公开3810条: on-request disclosures counted in; the part is the total
            st.proactive_part = True
            if lab == "DISCLOSED_TOTAL":
                lab = None
        if st.running is not None and _NEW_ADDED_BETWEEN.fullmatch(between):
            lab, st.running = st.running, None  # …615条,今年新增94条: the year's figure, the running total's label
        elif lab in _DISCLOSED_LABELS and _NEW_ADDED_AFTER.match(s, m.end()):
            st.running, lab = lab, None  # 累计主动公开政府信息3819条,本年度新增295条: a running total, O
        if ")" in between:
            st.parent = None  # the parenthesised breakdown is over
        if st.prev_any and _PARTS.search(between) and st.prev_label:
            st.parent = st.prev_label
        if _SHARE_AFTER.match(s, m.end()) and lab not in _KINDS_OF_ITEMS:
            continue  # 征地拆迁类183件,占64%: a category's share of a bigger figure
        if st.produced and _PARTS.search(s[sent_start:start]) and lab in _PRODUCED_SPLIT:
            # the split of the information made or obtained: its 主动公开 part is the total, the rest
            # (作为可依申请公开文件498条, 不予公开991条) are classes of information, not applications
            lab = "DISCLOSED_TOTAL" if "主动公开" in s[prev_end:start] else None
        if st.parent is not None and lab is not None:
            if lab == st.parent or lab == "DISCLOSED_TOTAL" or st.parent in ("APPLICATIONS", "HOTLINE_RECEIVED") \
                    and lab in ("APPLICATIONS", "HOTLINE_RECEIVED"):
                lab = None
        if proactive_part:
            lab = "DISCLOSED_TOTAL"
        if lab == "HOTLINE_RECEIVED" and st.prev_label == "HOTLINE_RESOLVED" \
                and (_LIST_ITEM.fullmatch(between) or _COMMA_ITEM.fullmatch(between)) \
                and not _VERB_RECEIVED.search(between):
            # 回复在线咨询162条、在线投诉59条; 回复处理12345热线472件,网络问政105件: one verb for the whole list
            lab = "HOTLINE_RESOLVED"
        if lab == "DISCLOSED_TOTAL" and st.prev_label == "DISCLOSED_GAZETTE":
            lab = "DISCLOSED_GAZETTE"  # 印发政府公报10期,公开政府信息107条
        if lab == "DISCLOSED_TOTAL":
            if st.dt_seen:
                lab = None
            st.dt_seen = True
        if lab is None and not st.produced:
            clause = _ASIDE.sub(lambda a: "_" * len(a.group()), s[win_start:start])  # 获取政府信息(文件)1826份
            st.produced = produced_figure(clause[max((mm.end() for mm in _SOFT.finditer(clause)), default=0):])
        prev_end = m.end()
        st.prev_any = True
        st.prev_label = lab
        st.seen.add(lab)
        if lab is None:
            continue
        unit = m["unit"] or ""
        end = m.end() if unit else m.end("num")
        spans.append({"start": norm.orig[start], "end": norm.orig[end - 1] + 1, "label": lab})
    return spans


# ---------------------------------------------------------------- hints for the model

#: ``token_type_ids`` of the hinted model: 0 = no keyword label here, ``1 + LABELS.index(label)`` inside a
#: quantity the keyword rules give ``label``.
HINT_IDS: dict[str, int] = {lab: i + 1 for i, lab in enumerate(LABELS)}
N_HINT_TYPES = len(LABELS) + 1


def warm_up() -> None:
    """Load jieba's dictionary now (about 0.7 s) rather than inside the first text's timing."""
    jieba.initialize()


def hints_from_spans(n: int, spans: list[dict] | list[tuple[int, int, str]]) -> list[int]:
    """One hint id per character of a text of length ``n`` from keyword spans (dicts or triples)."""
    out = [0] * n
    for sp in spans:
        s, e, lab = (sp["start"], sp["end"], sp["label"]) if isinstance(sp, dict) else sp
        for i in range(max(0, s), min(n, e)):
            out[i] = HINT_IDS[lab]
    return out


def keyword_hints(text: str) -> list[int]:
    """One hint id per character of ``text``: the keyword rules' label of the quantity it is in, else 0."""
    return hints_from_spans(len(text), weak_label(text))


# ---------------------------------------------------------------- evaluation


def evaluate(gold: list[dict], pred: list[list[dict]]) -> dict[str, dict[str, float]]:
    """Strict span P/R/F1 (same start, end and label) per label and micro."""
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    for g, p in zip(gold, pred):
        gs = {(s["start"], s["end"], s["label"]) for s in g["spans"]}
        ps = {(s["start"], s["end"], s["label"]) for s in p}
        for s in gs & ps:
            tp[s[2]] += 1
        for s in ps - gs:
            fp[s[2]] += 1
        for s in gs - ps:
            fn[s[2]] += 1
    out: dict[str, dict[str, float]] = {}
    for lab in [*LABELS, "micro"]:
        if lab == "micro":
            t, f_p, f_n = sum(tp.values()), sum(fp.values()), sum(fn.values())
        else:
            t, f_p, f_n = tp[lab], fp[lab], fn[lab]
        p = t / (t + f_p) if t + f_p else 0.0
        r = t / (t + f_n) if t + f_n else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        out[lab] = {"p": p, "r": r, "f1": f, "tp": t, "fp": f_p, "fn": f_n}
    return out


def format_report(scores: dict[str, dict[str, float]]) -> str:
    lines = [f"{'label':20s} {'P':>6s} {'R':>6s} {'F1':>6s} {'tp':>5s} {'fp':>5s} {'fn':>5s}"]
    for lab, s in scores.items():
        lines.append(f"{lab:20s} {s['p']:6.3f} {s['r']:6.3f} {s['f1']:6.3f} {s['tp']:5d} {s['fp']:5d} {s['fn']:5d}")
    return "\n".join(lines)


def _read(path: str) -> list[dict]:
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m training.weak", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--in", dest="inp", help="JSONL with a text field to pre-label")
    ap.add_argument("--out", help="output JSONL (the input records with weak spans)")
    ap.add_argument("--standoff", action="store_true", help="write only id/start/end/label rows, never the text")
    ap.add_argument("--eval", help="gold JSONL: print strict span P/R/F1 per label and micro")
    args = ap.parse_args(argv)
    if args.eval:
        gold = _read(args.eval)
        print(format_report(evaluate(gold, [weak_label(r["text"]) for r in gold])))
    if args.inp:
        recs = _read(args.inp)
        out = open(args.out, "w", encoding="utf-8") if args.out else sys.stdout
        try:
            for r in recs:
                spans = weak_label(r["text"])
                if args.standoff:
                    for s in spans:
                        out.write(json.dumps({"id": r["id"], **s}, ensure_ascii=False) + "\n")
                else:
                    out.write(json.dumps({**r, "spans": spans}, ensure_ascii=False) + "\n")
        finally:
            if args.out:
                out.close()
    if not args.eval and not args.inp:
        ap.error("give --in FILE (with --out) or --eval FILE")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
