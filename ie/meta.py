"""Report metadata: issuer, report year, publication date (record.md "meta").

Every value comes with the offsets of its evidence in the ORIGINAL text and a confidence. Candidates are
collected from several places, each with a prior confidence (how often that kind of evidence is right,
judged on the seeds and real reports); candidates that agree reinforce each other (noisy-or), candidates
that disagree lower the winner's confidence.

- issuer: the title (``淮安市洪泽区人民政府`` above ``2024年政府信息公开工作年度报告``, or
  ``《同心县人民政府办公室2020年…年度报告》``), then the first sentences (``2016年度,泰州市…办公室根据…``),
  then the signature block (a body name on the line before the date), then the contact sentence
  (``请与启东市行政审批局…联系``). Never website metadata, never ``本报告由…编制`` (the compiler).
- year: title, ``统计期限/时限自2020年1月1日``, ``现将我局2020年度…`` and similar phrases; the opening
  ``2016年度,`` is weaker; the signature year minus one is only a low-confidence fallback
  (formats.md §1.1: never the signature date alone).
- published: the signature date or a ``发布日期``/``发文日期`` line (ISO ``YYYY-MM-DD`` or ``YYYY-MM``).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from typing import Any, Protocol

from ie.tables import table_template

__all__ = ["extract_meta", "norm_offset", "sentence_bounds", "ORG_SUFFIX"]


class _NormLike(Protocol):  # the parts of ie.normalize.Normalized used here
    original: str
    text: str
    starts: list[int]
    ends: list[int]

    def to_original(self, start: int, end: int) -> tuple[int, int]: ...


# ---------------------------------------------------------------------------------------------------------
# Text helpers shared with ie.fields

def norm_offset(norm: _NormLike, opos: int) -> int:
    """Index of the normalized character whose original range contains (or first follows) ``opos``."""
    i = bisect_right(norm.ends, opos)
    return min(i, len(norm.text))


_SENT_END = "。;;!!??\n"


def sentence_bounds(text: str, pos: int, *, stop_at_newline: bool = True) -> tuple[int, int]:
    """The sentence of normalized ``text`` around ``pos`` (ends at 。;!? and, optionally, line breaks)."""
    ends = _SENT_END if stop_at_newline else _SENT_END.replace("\n", "")
    s = pos
    while s > 0 and text[s - 1] not in ends:
        s -= 1
    e = pos
    while e < len(text) and text[e] not in ends:
        e += 1
    return s, e


# names of bodies: a run of CJK characters ending in one of these (longest suffixes first)
ORG_SUFFIX = (
    "人民政府办公室|人民政府办公厅|人民政府|政府办公室|政府办公厅|街道办事处|管理委员会|委员会|管委会|筹备处|办事处"
    "|办公室|办公厅|管理局|行政审批局|局|厅|街道|中心|署|院|委|办|镇|乡|产业园|园区|科技城|科学城|气象部门|部(?![门署])|海关|调查队|馆"
    "|消防救援支队|消防救援大队|救援支队|支队|大队"  # fire-rescue and police detachments publish their own reports
    "|中心支行|支行|分行"  # branches of the central bank (中国人民银行青山市中心支行)
    "|垦殖场|园艺场|农场|林场|牧场|茶场|渔场"  # state farms report like townships (东风垦殖场)
    "|高新区|开发区|经开区|保税区"  # zones report through their committees (临沂高新区)
    "|供销合作社|合作社|联合社|中学|小学|学校|大学|学院"  # public institutions publish them too
    "|联合会|残联|红十字会|科学技术协会|科协"  # and people's organizations (公主岭市残疾人联合会, 市残联)
    "|研究室"  # 肇庆市政府研究室
)
_ORG = rf"(?:[\u4e00-\u9fff]|[(（][\u4e00-\u9fff]{{2,8}}[)）](?=[\u4e00-\u9fff])){{1,24}}?(?:{ORG_SUFFIX})"
_ORG_LINE_RE = re.compile(rf"^\s*《?\s*({_ORG})\s*》?\s*$")
# words that follow a body name at the start of a report's first sentence
_VERB_AFTER = (
    "坚持|深入|认真|根据|以|在|全面|积极|按照|不断|始终|严格|围绕|紧紧|紧扣|高度|进一步|持续|通过|主动|着力|切实"
    "|扎实|结合|贯彻|落实|把|将|对|始终|紧密|聚焦|立足|牢固|依法|继续|大力|共|是(?:主管|负责)"
    "|的?政府信息公开工作|的?政务公开工作"
)
_FIRST_SENT_RE = re.compile(
    rf"(?:^|[,,。;:\n])\s*(?:\d{{4}}\s*年度?\s*(?:以来)?\s*[,,]?\s*)?({_ORG})(?=\s*(?:{_VERB_AFTER}))"
)
# 2020年,大英县认真贯彻…: a place as the subject speaks for its government
# 2022年,山西省退役军人事务厅准确把握…: a body named right after the year that opens the overview
# (the whole name: 福州市人民政府外事办公室, not the 福州市人民政府 it starts with)
_YEAR_THEN_ORG_RE = re.compile(rf"(?:^|[。\n])\s*(?:19|20)\d{{2}}\s*年度?\s*(?:以来)?\s*[,,]\s*({_ORG})"
                               rf"(?![\u4e00-\u9fff]{{0,2}}(?:[、和及与]))(?![\u4e00-\u9fff]{{1,4}}(?:办公室|委员会))")
_FIRST_SENT_PLACE_RE = re.compile(
    rf"(?:^|[,,。;:\n])\s*(?:\d{{4}}\s*年度?\s*(?:以来)?\s*[,,]?\s*)?"
    rf"([\u4e00-\u9fff]{{2,10}}?(?:自治区|自治县|省|县|区|市|旗|镇|乡|街)(?:(?:人民)?政府)?)(?=\s*(?:{_VERB_AFTER}))"
)
# words that disqualify a candidate body name (pronouns, generic words, the law's name)
_NOT_ORG_RE = re.compile(
    r"^(?:各|该|全|区政府|市政府|县政府|政府|中华人民共和国|国务院|党中央|上级|有关"
    # 为/对 open a clause, not a name, except a township's own (对坊乡 of 宁都县)
    r"|(?:为|对)(?![\u4e00-\u9fff]{1,3}(?:乡|镇|村|街道)(?:人民政府)?$)"
    r"|认真|做好|加强|切实|着力|深入|进一步|积极|推进|不断|持续|扎实|大力|局|委|办|厅|度(?!假))"  # 度: of 年度
    r"|^[省市区县镇乡]?(?:人民)?政府$"
    r"|本(?:单位|机关|局|办|部门|级|委|院|报告|年|街道|镇|乡|区|县|厅|中心|部|系统)|^本[市省]|我|现将|报告|根据|关于"
    r"|^(?:按照|依照|依据|结合|围绕|通过|经过|推动|指导|协调|督促|负责|带动|报送|上报|共(?!青团))|时任|在|书记"  # a clause
    r"|^(?:规范|完善|健全|提高|提升|保障|促进|制定|制订|建立|明确|集中|展示)"  # 规范市民政局…工作: a verb's object
    r"|了|作为"  # a verb phrase (及时调整了理县…, 有效地推进了全旗…, …办公室作为高新区…): no body name holds 了 or 作为
    # a clause (所有公开信息由局办公室…, 分管办公室的委领导是全委…): no body name holds 由 (but 自由贸易试验区) or 是
    r"|(?<!自)由|是|所有"
    r"|严格|按照|认真|实现|全[省市区县旗镇乡]$"  # 綦江区严格按照国务院…, 实现全市…: a clause, not a name
    r"|各(?:部门|单位|乡镇|区|县|市|街道|级|委办)"  # a list of bodies (市政府各部门和各区政府)
    r"|(?:干|全|内|局|本|东|西|南|北|中|外|支|总|各|基层|俱乐)部$|部署$"  # words in 部 that name no ministry
    r"|确保|完成|落到实处|落实|^下设|^设立|^成立"  # a clause (确保各项工作落到实处依法按时完成长通街道…)
    r"|^并(?!州)|^且|^同时"  # a clause joined to the one before (领导小组…,并下设办公室在局办公室)
    r"|党工委$|党委$|党组$|^(?:开发区|园区|高新区|经开区)$"  # party organs publish no such report; generic words
    r"|(?:政府|办公厅|办公室|局|委员会)(?:及|和|与)"  # two bodies: 省政府及省政府办公厅 (not 卫生和计划生育委员会)
)
_PLACE_SUFFIX = "自治区|自治州|自治县|省|市|区|县|旗|州|镇|乡|部(?!门)|(?<![大路])街"  # a title may name the place or ministry alone (白云街: a street)
_TITLE_KW = r"(?:政府\s*信息\s*公开|政务信息\s*公开|政务\s*公开|信息\s*公开)"  # a title may wrap or break inside it (…政府\n信息公开…, 政府信息 公开)
# a title may wrap once (…政府信息公开工作\n年度报告)
_TITLE_END = r"[^\n。《》]{0,12}?(?:\n[ \t]*[^\n。《》,,]{0,6}?)?(?:报告|年报|工作总结)(?!如下)"  # or a 工作总结
_TITLE_RE = re.compile(
    rf"《?\s*(?P<org>[^《》,,。:;\n\d]{{2,40}}?)?\s*(?P<year>(?:19|20)\d{{2}})\s*(?:年年?度?)?\s*"  # 国资委2020政府信息公开…
    rf"(?:海关|[\u4e00-\u9fff]{{2}}系统|政府(?=政务))?{_TITLE_KW}{_TITLE_END}"  # …2016年度政府政务信息公开工作报告
)
_TITLE_YEAR_FIRST_RE = re.compile(
    rf"(?P<year>(?:19|20)\d{{2}})\s*年度?\s*(?P<org>[\u4e00-\u9fff()()]{{2,30}}?)\s*{_TITLE_KW}{_TITLE_END}"
)
_TITLE_YEAR_LAST_RE = re.compile(  # 文化和旅游部政府信息公开工作2021年度报告
    rf"(?P<org>[\u4e00-\u9fff]{{2,30}}?)\s*{_TITLE_KW}(?:工作)?\s*(?P<year>(?:19|20)\d{{2}})\s*年度?报告"
)
_TITLE_NO_YEAR_RE = re.compile(rf"^[ \t]*{_TITLE_KW}(?:工作)?年度报告[ \t]*$", re.M)
# a title broken after the year, the rest on the next line: 北京市青山区人民防空办公室2020\n\n政府信息公开工作年度报告
_TITLE_BROKEN_AFTER_YEAR_RE = re.compile(
    rf"^[ \t]*(?P<org>[\u4e00-\u9fff()()]{{2,30}}?)[ \t]*(?P<year>(?:19|20)\d{{2}})[ \t]*年?度?[ \t]*\n\s*"
    rf"{_TITLE_KW}(?:工作)?(?:年度)?(?:报告|年报)[ \t]*$", re.M)
# 北街街道政府信息公开工作年度报告: a title without a year that names the body
_TITLE_ORG_NO_YEAR_RE = re.compile(
    rf"^[ \t]*(?P<org>[\u4e00-\u9fff]{{2,30}}?)\s*{_TITLE_KW}(?:工作)?(?:年度)?(?:报告|年报)[ \t]*$", re.M)
_ORG_END_RE = re.compile(rf"(?:{ORG_SUFFIX}|{_PLACE_SUFFIX})$")
_ORG_PREFIX_RE = re.compile(
    r"^(?:(?:制作|编制|撰写)?(?:现|特|并){0,2}(?:向社会|向全社会)?(?:公布|发布|公开|印发|编制|编写|编印)(?:了|的)?)+|^由|^请与|^现就"
    r"|^(?:综合|汇总)(?=[\u4e00-\u9fff]{1,6}?[省市区县州盟旗镇乡]|自治)"  # 综合自治区市场监督管理局…情况编制而成
    r"|^(?:[\u4e00-\u9fff]{0,4}标\s*题|发文字号|文\s*号|索引号|名\s*称|中文名称?|内容概述|内容摘要|摘\s*要|题\s*名)\s*(?:[::|]\s*)*"
)
# (a letter O or a digit 0 often stands for 〇: 二O一八年一月二日)
_CN_DIGIT = {"〇": 0, "○": 0, "零": 0, "O": 0, "o": 0, "Ο": 0, "0": 0,
             "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CN_DATE_LINE_RE = re.compile(
    r"^[ \t]*(?P<y>[一二][〇○零OoΟ0一二三四五六七八九]{3})\s*年\s*(?P<m>[一二三四五六七八九十]{1,2})\s*月\s*"
    r"(?:(?P<d>[一二三四五六七八九十]{1,3})\s*日)?[ \t]*$", re.M
)


def _cn_small(s: str) -> int:
    """一..三十一 -> 1..31."""
    if "十" not in s:
        return _CN_DIGIT[s]
    tens, _, ones = s.partition("十")
    return (_CN_DIGIT[tens] if tens else 1) * 10 + (_CN_DIGIT[ones] if ones else 0)


_DATE_LINE_RE = re.compile(
    r"^[ \t]*(?P<y>(?:19|20)\d{2})\s*年\s*(?P<m>\d{1,2})\s*月\s*(?:(?P<d>\d{1,2})\s*日)?[ \t]*$", re.M
)
_J = r"(?:\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,6}\))?"  # converter pinyin junk after a character
_PUB_LINE_RE = re.compile(
    rf"(?:[发發]{_J}(?:布|文|表){_J}(?:日{_J}期|时{_J}间|時{_J}間)|(?P<made>成文日期)|公开日期|信息提供日期|提供日期"
    rf"|(?P<upd>更新(?:日期|时间)|生成日期))"
    r"\s*[\]】]?\s*(?:[|::]\s*){0,2}[\[【]?\s*"  # 发文日期: | 2015-03-18 (a table row); 发布日期:[2021-01-28]
    r"(?P<y>(?:19|20)\d{2})\s*[-年/.]\s*(?P<m>\d{1,2})\s*[-月/.]\s*(?P<d>\d{1,2})"
)
_YMD = r"(?P<y>(?:19|20)\d{2})\s*[-/.年]\s*(?P<m>\d{1,2})\s*[-/.月]\s*(?P<d>\d{1,2})"
# 来源:区政府办公室 时间:2017-01-12 10:01 — a web page's byline under the title
# (also 武汉市…年度报告日期:2020-01-16 glued to the title, but not 报告时间:2014年1月1日至…, the period)
_BYLINE_DATE_RE = re.compile(rf"(?:(?:^|[ \t])(?:时间|日期)|(?<=报告)日期)[ \t]*[::][ \t]*{_YMD}", re.M)
# a date on a line of its own in the front matter (under the title of a web page): 2022-01-20 10:30
_FRONT_DATE_LINE_RE = re.compile(
    rf"^[ \t]*[•·*-]?[ \t]*[((]?[ \t]*(?:时间|日期)?[ \t]*[::]?[ \t]*{_YMD}" r"\s*日?(?:[ \tT]+\d{1,2}:\d{2}(?::\d{2})?)?"
    r"[ \t]*[))]?[ \t]*(?:(?:文章|信息)?(?:来源|作者|浏览|点击|字号|发布)[^\n]*"
    rf"|[ \t][\u4e00-\u9fff]{{2,30}}(?:{ORG_SUFFIX}))?[ \t]*$", re.M  # or the body: 2024-01-26   某某县人民政府办公室
)
# 银川市人民政府门户网站 www.yinchuan.gov.cn 2023-01-28: the site's name and address, then the page's date
_SITE_DATE_LINE_RE = re.compile(rf"^[^\n]{{0,30}}(?:网站|网)[ \t]*(?:www\.|https?://)[\w./-]+[ \t]+{_YMD}[ \t]*$", re.M)
# 来源:云南省人民政府办公厅          2020-03-31 17:13:25; 安徽省政务公开办  2018/3/26 (a line under the title):
# the page's source or author, then its date
_SOURCE_DATE_RE = re.compile(
    rf"(?:(?:信息)?来源[ \t]*[::][ \t]*[^\s\d::]{{2,30}}|^[ \t]*[\u4e00-\u9fff]{{2,20}}(?:{ORG_SUFFIX}))[ \t]+{_YMD}"
    r"(?:[ \t]+\d{1,2}:\d{2}(?::\d{2})?)?(?=[ \t]|$)", re.M)
# 来源:龙华区市场监管局日期:2019年01月15日: the source and the date glued on one byline (also an empty source: 来源:时间:…)
_SOURCE_GLUED_DATE_RE = re.compile(rf"来源[ \t]*[::][^\n::]{{0,30}}?(?:日期|时间)[ \t]*[::][ \t]*{_YMD}")
# 2023年政府信息公开工作年度报告 ( 2024-01-31 ) or …年度报告 2011-01-28: the page's date after the title
_TITLE_DATE_RE = re.compile(rf"(?:报告|年报)[ \t]*[((]?[ \t]*{_YMD}[ \t]*[))]?[ \t]*$", re.M)
_YEAR_PHRASES: list[tuple[re.Pattern[str], float, str]] = [
    (re.compile(r"统计(?:期限|时限|时间|区间)[^。\n]{0,12}?(?P<year>(?:19|20)\d{2})\s*年\s*1\s*月\s*1\s*日"),
     0.93, "统计期限"),
    (re.compile(r"现将[^。,,\n]{0,20}?(?P<year>(?:19|20)\d{2})\s*年度?"), 0.92, "现将…年度"),
    (re.compile(r"(?P<year>(?:19|20)\d{2})\s*年\s*1\s*月\s*1\s*日\s*(?:起)?\s*(?:至|到|-|—)\s*(?:(?P=year)\s*年\s*)?"
                r"12\s*月\s*31\s*日"), 0.85, "1月1日至12月31日"),
    # 截止2023年12月31日 (data as of the last day of the report year)
    (re.compile(r"截(?:止|至)(?:到|日期为|日期|时间为)?\s*(?P<year>(?:19|20)\d{2})\s*年\s*12\s*月\s*31\s*日"), 0.7,
     "截至年底"),  # also 所列数据截止日期为2022年12月31日
    (re.compile(r"截(?:止|至)(?:到)?\s*(?P<year>(?:19|20)\d{2})\s*年\s*底"), 0.6, "截至年底"),  # 截至2017年底
    (re.compile(r"(?P<year>(?:19|20)\d{2})\s*年度\s*(?:政府信息公开|政务公开)工作(?:情况|年度报告)"), 0.85,
     "年度工作情况"),
    (re.compile(r"(?P<year>(?:19|20)\d{2})\s*年度?\s*政府信息公开(?:情况)?统计表"), 0.8, "统计表标题"),
    # 2021年,县卫生健康局的政府信息公开工作严格按照…
    (re.compile(r"(?P<year>(?:19|20)\d{2})\s*年度?\s*[,,]\s*[\u4e00-\u9fff]{2,20}?的?(?:政府信息公开|政务公开)工作"
                r"(?!要点|方案|计划|实施)"), 0.6, "年+主体工作"),
    # 2020年我局严格… (not 2021年,我局将…: a plan for the next year)
    (re.compile(r"(?P<year>(?:19|20)\d{2})\s*年度?\s*[,,]?\s*(?:我|本)(?:局|办|委|区|县|市|镇|乡|街道|中心|单位|部门|机关)"
                r"(?!将)"), 0.6, "年+我局"),
    # 2019年度街道受理信息公开申请0件: the body by its kind alone (a page that names no body)
    (re.compile(r"(?P<year>(?:19|20)\d{2})\s*年度\s*(?:街道|镇|乡|局|委)(?:共|受理|收到|发生|办理|主动|累计)"), 0.5,
     "年度+主体"),
]
_OPENING_YEAR_RE = re.compile(r"[ \t]*(?P<year>(?:19|20)\d{2})\s*年度?\s*(?:以来)?\s*[,,]")
_SENTENCE_YEAR_RE = re.compile(r"(?<=[。;;\n])[ \t]*(?P<year>(?:19|20)\d{2})\s*年度?\s*[,,]")


@dataclass
class _Cand:
    value: Any
    nstart: int  # normalized offsets of the evidence
    nend: int
    prior: float
    why: str
    alias: bool = False  # the evidence is a short form of the value (省教育厅 for 湖北省教育厅)


def _combine(cands: list[_Cand]) -> tuple[_Cand, float] | None:
    """Noisy-or of the priors per value; the best value loses confidence to the strongest rival."""
    if not cands:
        return None
    by_value: dict[Any, list[_Cand]] = {}
    for c in cands:
        by_value.setdefault(c.value, []).append(c)

    def score(cs: list[_Cand]) -> float:
        miss = 1.0
        for c in cs:
            miss *= 1.0 - c.prior
        return 1.0 - miss

    ranked = sorted(by_value.values(), key=lambda cs: (score(cs), max(c.prior for c in cs)), reverse=True)
    best = max(ranked[0], key=lambda c: (not c.alias, c.prior))
    conf = score(ranked[0])
    # a rival lowers the confidence unless it is the same name cut shorter or longer (西村镇 / 西村镇政府)
    rivals = [cs for cs in ranked[1:] if not _nested(cs[0].value, best.value)]
    if rivals:
        conf *= 1.0 - 0.5 * score(rivals[0])
    return best, round(min(conf, 0.99), 4)


def _nested(a: Any, b: Any) -> bool:
    return isinstance(a, str) and isinstance(b, str) and (a.startswith(b) or b.startswith(a)
                                                          or a.endswith(b) or b.endswith(a))


def _emit(norm: _NormLike, combined: tuple[_Cand, float] | None) -> dict | None:
    if combined is None:
        return None
    cand, conf = combined
    start, end = norm.to_original(cand.nstart, cand.nend)
    return {"value": cand.value, "start": start, "end": end, "confidence": conf, "source": cand.why}


# what web pages glue before a body name: list markers, a URL (with its path: …/80458_平潭…), a gambling site's
# name (formats.md §8.7)
_JUNK_BEFORE_ORG_RE = re.compile(
    r"(?:[-–—·•*>_\s]+|(?:https?:)?(?://)?(?:www\.)?[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+(?:/[A-Za-z0-9_.%=?&-]*)*"
    r"|[\u4e00-\u9fff]{0,8}?(?:娱乐官网|娱乐平台|娱乐城|官网|官方网站|博彩|投注|彩票|棋牌|赌场|网址|体育平台|百家乐|真人))+"
)


def _clean_org(name: str) -> str:
    return re.sub(r"\s+", "", name).strip("《》“”\"' 【】[]")


def _valid_org(name: str) -> bool:
    name = _clean_org(name)
    return 3 <= len(name) <= 30 and not _NOT_ORG_RE.search(name)


def _org_cand(text: str, s: int, e: int, prior: float, why: str, *, place_ok: bool = False) -> _Cand | None:
    """A body-name candidate for ``text[s:e]``, trimmed of spaces, quotes and verbs (现公布…, 由…)."""
    raw = text[s:e]
    lead = len(raw) - len(raw.lstrip(" \t《“\"【】[]#*>、|.．"))  # 1、 北京市…; a table pipe; 4. 武汉市…
    s += lead
    raw = text[s:e]
    m = _ORG_PREFIX_RE.match(raw)
    if m and m.end() < len(raw):
        s += m.end()
    if text.startswith("的", s) and e - s > 3:  # 2012年的南平市政府信息公开工作: the 的 after a year is no name
        s += 1
    if text.startswith(("年", "年度"), s) and s > 0 and text[s - 1].isdigit() and e - s > 3:
        s += 2 if text.startswith("年度", s) else 1  # …政府信息公开年报 > 2021年高台县2021年…: the year's 年 is no name
    if re.match(r"(?:促使|使得|使|让|令)", text[s:e]):
        return None  # …发布机制,使审计局政府信息公开工作纳入…: the object of a causative verb, not a subject
    junk = _JUNK_BEFORE_ORG_RE.match(text, s, e)
    if junk and junk.end() < e:
        s = junk.end()
    raw = text[s:e]
    e -= len(raw) - len(raw.rstrip(" \t》”\""))
    tail = re.search(r"(?:关于|的)$", text[s:e])
    if tail and tail.start() > 0:  # 云南省卫生健康委关于2022年…的年度报告
        e = s + tail.start()
    verb = re.search(r"(?:正式)?(?:向社会|向全社会)?(?:发布|公布|印发)了?$", text[s:e])
    if verb and verb.start() > 0:  # a news title: 贵州省发布2016年政府信息公开工作年度报告
        e = s + verb.start()
    if re.search(r"政府机关$", text[s:e]):  # 城口县人民政府机关: the government and its offices
        e -= 2
    paren = re.search(r"[((][^()()]*[))]$", text[s:e])
    if paren and paren.start() > 0:  # 武昌经开区管委会(滨江商务区管委会): the name before the aside
        e = s + paren.start()
    inner = _PLACE_ASIDE_THEN_BODY_RE.match(text, e)
    if inner:  # 武汉经济技术开发区(汉南区)医疗保障局: a zone and its district, then the body under both
        e = inner.end()
    name = _clean_org(text[s:e])
    twice = _PLACE_TWICE_RE.match(name)
    if twice:  # 由北京市大兴区北京市大兴区发展和改革委员会编制: the place written twice
        s += text[s:e].find(name[len(twice.group(1)):])
        name = name[len(twice.group(1)):]
    verb = _HEADING_VERB_RE.match(name)
    if verb and _PLACE_FIRST_RE.match(name, verb.end()) and _valid_org(name[verb.end():]):
        # (一)加强领导,规范有序开展主动公开易门县气象局按照…: a heading run into the sentence; the body follows its verb
        s += text[s:e].find(name[verb.end():])
        name = name[verb.end():]
    if not _valid_org(name):
        return None
    if not re.search(rf"(?:{ORG_SUFFIX})$", name) and not (place_ok and _ORG_END_RE.search(name)) \
            and not (place_ok and name.endswith(("政府", "系统"))):  # a title's 江南市政府, 重庆市市场监管系统
        return None
    if name.startswith(("人民政府", "政府")):
        prior *= 0.6  # the place is missing (cut off, or overwritten by spam): a name, but not a whole one
    return _Cand(name, s, e, prior, why)


_PLACE_TWICE_RE = re.compile(r"([\u4e00-\u9fff]{1,8}?[省市区县])\1")
# a heading's verb phrase that a missing line break glues before a body name (规范有序开展主动公开易门县气象局)
_HEADING_VERB_RE = re.compile(r"[\u4e00-\u9fff]{0,8}?(?:开展|推进|做好|落实|加强|强化)[\u4e00-\u9fff]{0,6}?(?:公开|工作)")


_PLACE_ASIDE_THEN_BODY_RE = re.compile(
    rf"[(（][\u4e00-\u9fff]{{2,8}}(?:区|县|市|镇|乡|街道)[)）][\u4e00-\u9fff]{{1,12}}?(?:{ORG_SUFFIX})"
    rf"(?=\s*(?:政府信息公开|政务公开|信息公开|{_VERB_AFTER}))")
_GOV_AFTER_PLACE_RE = re.compile(r"(?:人民|自治区|自治州|自治县|省|市|区|县|旗|州|盟|镇|乡)$")
_GOV_KW_RE = re.compile(r"\s*政府(?=信息公开|政务公开)")


def _bare_place_of_title(text: str, issuer: tuple[_Cand, float] | None) -> tuple[_Cand, float] | None:
    """江南市 for ``江南市政府信息公开工作年度报告`` unless the report also names the body 江南市政府 elsewhere.

    Such a title reads two ways (江南市 + 政府信息公开, or 江南市政府 + 信息公开). :func:`_with_government` takes
    the 政府 back so that the short form can vote for a full name (江南市人民政府 of the contact line); when no
    full name won, readers write the name as the report writes it: 江南市政府 only where a sentence names the
    body so (江南市政府结合实际…), not in the website's or the gazette's name, else 江南市 (14 of 17 hand-read
    pages with such a title).
    """
    if issuer is None:
        return None
    cand, conf = issuer
    m = re.fullmatch(rf"(.*[{_LEVEL_CHARS}])政府", str(cand.value))
    if (cand.why != "title" or cand.alias or not m or m.group(1).endswith("人民")
            or text[cand.nstart:cand.nend] != cand.value or not _GOV_KW_RE.match(text, cand.nend - 2)):
        return issuer
    body = re.compile(re.escape(cand.value) + r"(?!信息|政务公开|门户|网|公报)")
    if any(b.start() != cand.nstart for b in body.finditer(text)):
        return issuer
    return _Cand(m.group(1), cand.nstart, cand.nend - 2, cand.prior, cand.why), conf


def _with_government(text: str, s: int, e: int) -> int:
    """End of a title's body name, taking back 政府 from the keyword that swallowed it.

    ``江南市政府信息公开工作年度报告`` reads as 江南市 + 政府信息公开 to the title pattern, but the report
    is the 江南市政府's (and ``江南市人民政府信息公开…`` would leave 江南市人民): a place name or 人民 right
    before 政府信息公开 keeps the 政府.
    """
    m = _GOV_KW_RE.match(text, e)
    if m and _GOV_AFTER_PLACE_RE.search(text[s:e].rstrip()) and not _GENERIC_ZONE_RE.fullmatch(text[s:e].strip()):
        return m.end()  # not 开发区 alone (2017年度开发区政府信息公开年度报告): a word, not the zone's name
    return e


_GENERIC_ZONE_RE = re.compile(r"开发区|园区|高新区|经开区|新区|工业园区|管委会")


def _front_end(norm: _NormLike, sections: list) -> int:
    """End of the front matter: the first section heading, or 600 characters."""
    heads = [s.start for s in sections if getattr(s, "key", None) != "preamble"]
    if heads:
        return min(heads)
    m = re.search(r"^\s*[一1][、.]\s*(?:总体情况|概述|基本情况|主要工作)", norm.text, re.M)
    return m.start() if m else min(len(norm.text), 600)


def _section(sections: list, key: str) -> Any | None:
    for s in sections:
        if getattr(s, "key", None) == key:
            return s
    return None


def _body_start(text: str, sec: Any) -> int:
    """Start of a section's body (after its heading line)."""
    he = getattr(sec, "heading_end", None)
    if he is None:
        nl = text.find("\n", sec.start)
        he = nl if nl >= 0 else sec.start
    return min(len(text), he + 1 if text[he:he + 1] == "\n" else he)


def _line_at(text: str, pos: int) -> tuple[int, int]:
    s = text.rfind("\n", 0, pos) + 1
    e = text.find("\n", pos)
    return s, len(text) if e < 0 else e


# ---------------------------------------------------------------------------------------------------------
# Candidates


def _inside_cited_notice(text: str, s: int, e: int) -> bool:
    """Is ``text[s:e]`` part of a longer cited document title, 《…关于做好2021年政府信息公开工作年度报告编制
    发布有关事项的通知》: a notice about the reports, whose year is not the report's?"""
    opened = text.rfind("《", max(0, s - 60), s + 1)
    if opened < 0 or "》" in text[opened:s]:
        return False
    close = text.find("》", e, e + 40)
    return close >= 0 and _NOTICE_END_RE.search(text, e, close) is not None


_NOTICE_END_RE = re.compile(r"(?:通知|意见|函|方案|要点|规定|办法|决定)$")


_REPORT_AS_OBJECT_RE = re.compile(r"(?:发布|编制|公开|报送|上报|印发|公布)了?\s*$")


def _last_years_report_item(text: str, m: re.Match) -> bool:
    """3.按照要求发布2024年政府信息公开年报; — a work item of the body (a numbered line or a clause ending in ;)
    or the last item of a list of what it disclosed (公开了…信息及2018年度…报告) that is last year's report,
    not a title (a news title 某省发布2016年…年度报告 names its own report)."""
    ls, le = _line_at(text, m.start())
    line = text[ls:le].strip()
    item = re.match(r"\d{1,2}[.、．]", line) or line.endswith((";", "；")) or "按照要求" in line
    if item and _REPORT_AS_OBJECT_RE.search(text, max(ls, m.start() - 12), m.start("year")):
        return True
    # 公开了…重点领域信息及2018年度信息公开工作报告: the last item of a list of what was disclosed
    ys = m.start("year")
    ss, _ = sentence_bounds(text, ys)
    return ys > ss and text[ys - 1] in "及和、" and _LIST_VERB_RE.search(text, ss, ys) is not None


_LIST_VERB_RE = re.compile(r"(?:公开|发布|公布|更新|编制|报送)了?")


def _title_candidates(norm: _NormLike, front_end: int) -> tuple[list[_Cand], list[_Cand]]:
    """(issuer candidates, year candidates) from the title in the front matter."""
    text = norm.text
    issuers: list[_Cand] = []
    years: list[_Cand] = []
    region_end = max(front_end, 0) or min(len(text), 600)

    def add_year(m: re.Match) -> None:
        ys, ye = m.span("year")
        years.append(_Cand(int(m.group("year")), ys, ye + 1 if text[ye:ye + 1] == "年" else ye, 0.95, "title"))

    def org_line(ls: int, le: int) -> _Cand | None:
        lm = _ORG_LINE_RE.match(text[ls:le]) or re.match(r"^\s*(\S{2,30})\s*$", text[ls:le])
        if not lm:
            return None
        return _org_cand(text, ls + lm.start(1), ls + lm.end(1), 0.93, "title", place_ok=True)

    spans: list[tuple[int, int]] = []  # titles with a year: a no-year pattern inside one is the same title
    for rx in (_TITLE_YEAR_FIRST_RE, _TITLE_YEAR_LAST_RE, _TITLE_BROKEN_AFTER_YEAR_RE):
        for m in rx.finditer(text, 0, region_end):
            if _inside_cited_notice(text, m.start(), m.end()) or _last_years_report_item(text, m):
                continue
            spans.append(m.span())
            add_year(m)
            os_, oe = m.span("org")
            c = _org_cand(text, os_, _with_government(text, os_, oe), 0.93, "title", place_ok=True)
            if c is not None:
                issuers.append(c)
    for m in _TITLE_RE.finditer(text, 0, region_end):
        if _inside_cited_notice(text, m.start(), m.end()) or _last_years_report_item(text, m):
            continue
        spans.append(m.span())
        add_year(m)
        after = re.match(rf"[ \t]+({_ORG})(?=[ \t]|$)", text[m.end():_line_at(text, m.end())[1]])
        org_ok = m.group("org") and _org_cand(text, *m.span("org"), 0.93, "title", place_ok=True)
        if not org_ok and after:  # 2018年度政府信息公开年度报告 成都市住房和城乡建设局 (a cover line)
            c = _org_cand(text, m.end() + after.start(1), m.end() + after.end(1), 0.85, "title")
            if c is not None:
                issuers.append(c)
                continue
        if m.group("org"):
            os_, oe = m.span("org")
            c = _org_cand(text, os_, _with_government(text, os_, oe), 0.93, "title", place_ok=True)
            if c is not None:
                issuers.append(c)
                continue
        # the body name on its own line just above the title line (青山镇人民政府\n关于2025年…年度报告)
        ts = m.start() + len(m.group(0)) - len(m.group(0).lstrip())
        ls, _ = _line_at(text, ts)
        if ls > 0 and not text[ls:ts].strip():
            c = org_line(*_line_at(text, ls - 1))
            if c is not None:
                issuers.append(c)
    def in_title(m: re.Match) -> bool:
        return any(a <= m.start() < b or a < m.end() <= b for a, b in spans)

    for m in _TITLE_ORG_NO_YEAR_RE.finditer(text, 0, region_end):
        if in_title(m):
            continue
        os_, oe = m.span("org")
        c = _org_cand(text, os_, _with_government(text, os_, oe), 0.9, "title", place_ok=True)
        if c is not None:
            issuers.append(c)
    # a title without a year, with the body name on the line above or below (a cover page)
    for m in _TITLE_NO_YEAR_RE.finditer(text, 0, region_end):
        if in_title(m):
            continue
        for ls, le in ((_line_at(text, m.start() - 1) if m.start() > 0 else (0, 0)), _line_at(text, m.end() + 1)):
            if le > ls:
                c = org_line(ls, le)
                if c is not None:
                    c.prior = 0.85
                    issuers.append(c)
                    break
    return issuers, years


def _first_sentence_candidates(norm: _NormLike, sections: list, front_end: int) -> list[_Cand]:
    """Body names that open a sentence in the front matter or the first paragraph of the overview."""
    text = norm.text
    regions = [(0, front_end)]
    ov = _section(sections, "overview")
    if ov is not None:
        bs = _body_start(text, ov)
        regions.append((max(0, bs - 1), min(ov.end, bs + 400)))
    elif front_end < len(text):
        regions.append((max(0, front_end - 1), min(len(text), front_end + 400)))
    out: list[_Cand] = []
    for rs, re_ in regions:
        for rx, prior in ((_FIRST_SENT_RE, 0.8), (_FIRST_SENT_PLACE_RE, 0.7), (_YEAR_THEN_ORG_RE, 0.65)):
            for m in rx.finditer(text, rs, re_):
                ss, _ = sentence_bounds(text, m.start(1))
                if "由" in text[ss:m.start(1)]:
                    continue  # 本报告由…编制: the compiler (see below)
                c = _org_cand(text, m.start(1), m.end(1), prior, "first_sentence", place_ok=rx is _FIRST_SENT_PLACE_RE)
                if c is not None:
                    out.append(c)
    # 汇总2021年度丽水市商务局的政务公开工作…: the body whose year's work the report sums up
    head_end = max(front_end, min(len(text), 600))
    for m in [*_YEAR_ORG_WORK_RE.finditer(text, 0, head_end), *_NOW_REPORT_RE.finditer(text, 0, head_end)]:
        c = _org_cand(text, m.start(1), m.end(1), 0.8, "first_sentence")
        if c is not None and (m.re is _NOW_REPORT_RE or not _OFFICE_RE.search(c.value)):
            out.append(c)
    # 根据…以及2018年度青岛市政府各部门和各区、市政府的…年度报告编制: a government's report that sums up
    # its parts names the government
    for m in _AGGREGATE_RE.finditer(text, 0, head_end):
        c = _org_cand(text, m.start(1), m.end(1), 0.7, "first_sentence", place_ok=True)
        if c is not None:
            out.append(c)
    # 本报告由X编制: X is the issuer; an office compiling for its government (由上高县人民政府办公室编制)
    # speaks for the government; 交通运输部编制了本级…年度报告, 某某税务局向社会公布本单位…年度报告: the body's own report
    for m in [*_COMPILER_RE.finditer(text, 0, head_end), *_COMPILES_OWN_RE.finditer(text, 0, head_end)]:
        s, e = m.span(1)
        gov_office = re.search(r"(?:人民)?政府(?:办公室|办公厅)$", text[s:e])
        if gov_office and gov_office.start() > 0:
            e = s + gov_office.start() + text[s + gov_office.start():e].index("政府") + 2
        c = _org_cand(text, s, e, 0.7 if gov_office else 0.75, "compiler")
        if c is not None and not _OFFICE_RE.search(c.value):
            out.append(c)
    return out


def _signature(norm: _NormLike, sections: list) -> tuple[list[_Cand], list[_Cand]]:
    """(issuer candidates, date candidates) from the signature block at the end of the report."""
    text = norm.text
    om = _section(sections, "other_matters")
    tail_start = om.start if om is not None else max(0, len(text) - 800)
    tail_start = max(tail_start, len(text) - 1500)
    issuers: list[_Cand] = []
    dates: list[_Cand] = []
    found = list(_DATE_LINE_RE.finditer(text, tail_start)) + list(_CN_DATE_LINE_RE.finditer(text, tail_start))
    if not found:
        return issuers, dates
    m = max(found, key=lambda x: x.start())
    if m.re is _CN_DATE_LINE_RE:
        y = int("".join(str(_CN_DIGIT[c]) for c in m.group("y")))
        mo = _cn_small(m.group("m"))
        d = str(_cn_small(m.group("d"))) if m.group("d") else None
    else:
        y, mo, d = int(m.group("y")), int(m.group("m")), m.group("d")
    if 1 <= mo <= 12:
        value = f"{y:04d}-{mo:02d}" + (f"-{int(d):02d}" if d and 1 <= int(d) <= 31 else "")
        prior = 0.9 if d else 0.85
        ds = m.start("y")
        de = m.end("d") + 1 if d else m.end("m") + 1
        dates.append(_Cand(value, ds, de, prior, "signature"))
    # the body name: a short line just above (or below) the date line
    for ls, le in (_line_at(text, m.start() - 1) if m.start() > 0 else (0, 0), _line_at(text, m.end() + 1)):
        if le <= ls:
            continue
        lm = _ORG_LINE_RE.match(text[ls:le])
        c = _org_cand(text, ls + lm.start(1), ls + lm.end(1), 0.85, "signature") if lm else None
        if c is not None:
            issuers.append(c)
            break
    return issuers, dates


# 现将突泉县应急管理局2021年度政府信息公开工作年度报告如下: the report is the named body's, also when it declares a
# short name first (现将某某开发建设管理委员会(以下简称管委会)2025年度…) and when it is an office (现将某某县人民政府办公室
# 2021年度…: on 16 hand-read pages with this sentence naming an office, every reader wrote that office)
_NOW_REPORT_RE = re.compile(rf"(?:现将|现就|现(?:予)?公布|特公布|现发布)\s*({_ORG})\s*(?:[(（](?:以下简称|下称|简称)[^()（）]{{0,20}}[)）])?"
                            rf"\s*(?:19|20)\d{{2}}\s*年度?\s*{_TITLE_KW}")
_YEAR_ORG_WORK_RE = re.compile(rf"(?:19|20)\d{{2}}\s*年度?\s*({_ORG})\s*的?(?:政府信息公开|政务公开|信息公开)工作")
_AGGREGATE_RE = re.compile(
    r"(?:19|20)\d{2}\s*年度?\s*([\u4e00-\u9fff]{1,12}?(?:自治区|自治州|自治县|省|市|县|区|旗|州|盟)(?:人民)?(?:政府)?)"
    r"\s*(?:各|所属)(?:级|部门|工作部门|乡镇|区|县|市|单位)[^。\n]{0,40}?年度报告")
# (an alias in brackets may follow the name: 由某某办公室(某某委员会办公室)编制)
_COMPILER_RE = re.compile(rf"由\s*({_ORG})\s*(?:[((][^()()]{{2,30}}[))])?\s*(?:根据|按照|依据|依照|编制|编写|综合|负责)")
_COMPILES_OWN_RE = re.compile(
    rf"(?:^|[,,。;;)\n])\s*({_ORG})\s*(?:特|现)?(?:编制了?\s*(?:本级(?:行政机关)?|本机关|本单位|本部门)?"
    rf"|(?:向社会|向全社会)?(?:公布|发布)了?\s*(?:本级(?:行政机关)?|本机关|本单位|本部门))\s*(?:19|20)\d{{2}}\s*年度?"
    rf"[^。\n]{{0,6}}?{_TITLE_KW}")
_OFFICE_RE = re.compile(r"(?:(?:政府|局|委|厅|中心|公开|工作|小组|党政|综合)办公室|办公厅|政务公开办|公开办|政府办|管理办)$")
_CONTACT_RE = re.compile(
    rf"(?:请|可)?与\s*({_ORG})\s*(?:政府信息公开|政务公开|信息公开)?[^,,。()()]{{0,14}}?(?:\([^()]{{0,60}}\))?\s*联系"
    rf"|(?:请|可|欢迎)(?:联系|咨询)\s*[::]?\s*({_ORG})(?=[\s,,。;;(()]|$)"
)


def _contact_candidates(norm: _NormLike) -> list[_Cand]:
    """``请与启东市行政审批局政府信息公开领导小组办公室联系`` -> 启东市行政审批局 (weak evidence)."""
    out = []
    for m in _CONTACT_RE.finditer(norm.text):
        g = 1 if m.group(1) else 2
        s, e = m.start(g), m.end(g)
        # the name runs on when the lazy match stopped inside it (章贡区人民政府|水东镇办公室)
        more = re.match(rf"[\u4e00-\u9fff]{{1,12}}?(?:{ORG_SUFFIX})(?=\s*(?:政府信息公开|政务公开|信息公开)?[^,,。]{{0,6}}联系)",
                        norm.text[e:m.end()])
        if g == 1 and more and not re.search(r"公开|领导小组", more.group(0)):
            e += more.end()
        gov = re.match(r"(?:人民)?政府(?!信息公开)", norm.text[e:e + 6])
        if gov and re.search(r"[省市区县旗州盟镇乡]$", norm.text[s:e]):  # 与青山乡|人民政府办公室联系
            e += gov.end()
        office = re.search(r"(?:人民政府|政府)(?:党政综合|综合|党政)?(?:办公室|办)$", norm.text[s:e])  # not 外事办公室
        town = re.search(r"(?:[镇乡]|街道)(?:党政|政务公开|政府信息公开|信息公开)?(?:办公室|办)$", norm.text[s:e])
        if office:  # 请与平甸乡人民政府办公室联系: the office answers for its government
            e = s + office.start() + norm.text[s + office.start():e].index("政府") + 2
        elif town:  # 章贡区人民政府水东镇办公室: the town's office answers for the town
            e = s + town.start() + (2 if norm.text[s + town.start():].startswith("街道") else 1)
        elif own := re.search(r"(?<=局|馆|委|院|厅|心|会|场|区|学|校)(?:行政|党政|综合)?办公室$", norm.text[s:e]):
            e = s + own.start()  # 请与青山区档案馆办公室联系, 太和县中医院行政办公室: the body's own office answers for it
        party = re.match(r"中共[\u4e00-\u9fff]{1,12}?委(?=[\u4e00-\u9fff]{1,12}?(?:人民政府|政府))", norm.text[s:e])
        if party:  # 中共嵊泗县委嵊泗县人民政府办公室: the joint office of the party committee and the government
            s += party.end()
        c = _org_cand(norm.text, s, e, 0.55, "contact", place_ok=bool(office))  # 铜鼓县政府(办)
        if c is not None:
            out.append(c)
    return out


_LEADING_GROUP_RE = re.compile(rf"[的了]\s*({_ORG})\s*(?:政府信息公开|政务公开|信息公开)(?:工作)?领导小组")


def _leading_group_candidates(norm: _NormLike) -> list[_Cand]:
    """``我局成立了由局长任组长…的青山县农业农村局政府信息公开工作领导小组`` -> 青山县农业农村局: the body
    whose disclosure work a leading group runs (weak evidence, used only when nothing else names a body)."""
    out = []
    for m in _LEADING_GROUP_RE.finditer(norm.text, 0, min(len(norm.text), 3000)):
        c = _org_cand(norm.text, m.start(1), m.end(1), 0.5, "leading_group")
        if c is not None:
            out.append(c)
    return out


# 截至2019年12月31日,青山乡人民政府通过信息平台…主动公开政府信息3条: the body that says it disclosed
_DISCLOSING_SUBJECT_RE = re.compile(rf"(?:^|[,,。;;\n])\s*({_ORG})(?=\s*(?:通过|主动公开|共公开|累计公开|全年公开|共发布))")


def _disclosing_subject_candidates(norm: _NormLike) -> list[_Cand]:
    """The one body named as the subject of a sentence about what it disclosed (weak evidence, used only when
    nothing else names a body; two different names are no answer)."""
    out = []
    for m in _DISCLOSING_SUBJECT_RE.finditer(norm.text, 0, min(len(norm.text), 3000)):
        c = _org_cand(norm.text, m.start(1), m.end(1), 0.5, "disclosing_subject")
        if c is not None:
            out.append(c)
    return out if len({c.value for c in out}) == 1 else []


_SENTENCE_OPENING_YEAR_RE = re.compile(
    r"(?:^|[。\n,，])[ \t]*(?:[((][一二三四五六七八九十\d]{1,2}[))][^。\n]{0,12}?[。.:：]|\d{1,2}[.、．](?=\d{4}年))?\s*"
    r"(?P<year>(?:19|20)\d{2})\s*年[度内]?\s*(?:[,，]|(?:新增|共|全年|累计)?(?:通过|主动公开|收到|受理|发布|公开)"
    rf"|{_ORG}(?=在|认真|坚持|按照|围绕|全面|深入|积极|严格|未|没有)"  # 2019年县地方志办在…
    r"|我[\u4e00-\u9fff]{0,2}?(?:局|办|委|镇|乡|街道|单位|中心|部门)(?=[\u4e00-\u9fff]))")  # 2020年度我街办未接到…


# 宣城高新区管委会2018年共通过政务信息公开系统公开…: the body, then the year, then what it disclosed
_BODY_THEN_YEAR_RE = re.compile(
    rf"(?:^|[。\n])[ \t]*{_ORG}\s*(?P<year>(?:19|20)\d{{2}})\s*年度?\s*(?:共|全年|累计)?(?:通过|主动公开|收到|受理|发布|公开)")


def _sentence_year_candidates(norm: _NormLike, pub_year: int | None) -> list[_Cand]:
    """Weak year evidence for a text with no title or data period: the year sentences open with, only when they
    all open with the same one (0.6 when it opens two or more sentences, else 0.5)."""
    found: dict[int, list[re.Match]] = {}
    for m in (*_SENTENCE_OPENING_YEAR_RE.finditer(norm.text), *_BODY_THEN_YEAR_RE.finditer(norm.text)):
        y = int(m.group("year"))
        if pub_year is None or y <= pub_year:
            found.setdefault(y, []).append(m)
    if len(found) != 1:
        return []
    (y, ms), = found.items()
    m = ms[0]
    return [_Cand(y, m.start("year"), m.end("year"), 0.5 if len(ms) == 1 else 0.6, "sentence_year")]


def _year_candidates(norm: _NormLike, sections: list, front_end: int) -> list[_Cand]:
    text = norm.text
    out: list[_Cand] = []
    for rx, prior, why in _YEAR_PHRASES:
        for m in rx.finditer(text):
            ys, ye = m.span("year")
            out.append(_Cand(int(m.group("year")), ys, ye, prior, why))
    # opening sentence of a front-matter line or of the overview: "2016年度," / "2024 年,"
    starts = [0, front_end]
    pos = 0
    for _ in range(6):
        nl = text.find("\n", pos, front_end)
        if nl < 0:
            break
        pos = nl + 1
        starts.append(pos)
    ov = _section(sections, "overview")
    if ov is not None:
        starts.append(_body_start(text, ov))
    seen: set[int] = set()
    for st in starts:
        m = _OPENING_YEAR_RE.match(text, st)
        if m and m.start("year") not in seen:
            seen.add(m.start("year"))
            out.append(_Cand(int(m.group("year")), m.start("year"), m.end("year"), 0.75, "opening"))
    # (一)主动公开情况。2022年,银湖湾滨海新区在…: a later sentence of the overview, or of the first section
    # when there is no overview (weaker)
    bs = _body_start(text, ov) if ov is not None else front_end
    if bs < len(text):
        for m in _SENTENCE_YEAR_RE.finditer(text, bs, min(ov.end if ov is not None else len(text), bs + 600)):
            if m.start("year") not in seen:
                seen.add(m.start("year"))
                out.append(_Cand(int(m.group("year")), m.start("year"), m.end("year"), 0.55, "opening"))
    return out


def _published_line_candidates(norm: _NormLike, front_end: int) -> list[tuple[str, int, int, float]]:
    """``发布日期:2017-02-24`` lines, searched in the ORIGINAL text too (the normalizer may drop them), best
    first; then an ``更新日期`` line, then a bare date line under the title."""
    out = []

    def add(m: re.Match, prior: float, original: bool) -> None:
        y, mo, d = int(m.group("y")), int(m.group("m")), int(m.group("d"))
        if 1 <= mo <= 12 and 1 <= d <= 31:
            s, e = (m.start("y"), m.end("d")) if original else norm.to_original(m.start("y"), m.end("d"))
            out.append((f"{y:04d}-{mo:02d}-{d:02d}", s, e, prior))

    # priors from the hand-checked pages (session 9): 发布日期 lines were right 56 times of 56, bare date lines
    # under the title 21 of 21, 更新日期 lines 1 of 1; the old priors (0.85 / 0.7 / 0.75) were under-confident
    # (a document's 成文日期 beside the page's 发布日期 is when it was written: the 发布日期 wins)
    def prior(m: re.Match) -> float:
        return 0.8 if m.group("upd") else 0.9 if m.group("made") else 0.95

    for m in _PUB_LINE_RE.finditer(norm.text):
        add(m, prior(m), False)
    if not out:
        for m in _PUB_LINE_RE.finditer(norm.original):
            add(m, prior(m), True)
    # a document's 生成日期/更新日期 alone does not hide the page's byline date (公文生成日期:2023-01-06 above the
    # title, 时间:2023-01-11 under it): the byline, at its higher prior, wins
    if all(c[3] < 0.9 for c in out):
        for rx in (_FRONT_DATE_LINE_RE, _BYLINE_DATE_RE, _TITLE_DATE_RE, _SITE_DATE_LINE_RE, _SOURCE_DATE_RE,
                   _SOURCE_GLUED_DATE_RE):
            for m in rx.finditer(norm.text, 0, front_end):
                add(m, 0.9, False)
    if all(c[3] < 0.9 for c in out):  # 信息来源:某某政府网 日期:2022-01-28 — the normalizer drops 信息来源 lines
        orig_end = norm.to_original(front_end, front_end)[0] if front_end < len(norm.text) else len(norm.original)
        for rx in (_BYLINE_DATE_RE, _SOURCE_DATE_RE, _SOURCE_GLUED_DATE_RE):
            for m in rx.finditer(norm.original, 0, orig_end):
                add(m, 0.9, True)
    return sorted(out, key=lambda c: -c[3])


# ---------------------------------------------------------------------------------------------------------


def extract_meta(norm: _NormLike, sections: list, tables: dict | None = None) -> dict:
    """record.md ``meta``: issuer / year / published as ``{value, start, end, confidence, source}`` or None.

    ``template`` is filled from ``tables`` when given (the lead may overwrite it).
    """
    front_end = _front_end(norm, sections)
    t_issuers, t_years = _title_candidates(norm, front_end)
    s_issuers, s_dates = _signature(norm, sections)

    if t_issuers:  # a name and date under the title are its compiler and date, not a closing signature
        s_issuers = [c for c in s_issuers if c.nstart >= front_end]
    issuer_cands = t_issuers + _first_sentence_candidates(norm, sections, front_end) + s_issuers
    if not issuer_cands:
        issuer_cands = _contact_candidates(norm) or _leading_group_candidates(norm) or _disclosing_subject_candidates(norm)
    else:
        # the contact sentence only reinforces a name found elsewhere
        names = {c.value for c in issuer_cands}
        # … or names in full a short form found there (市林业局 of 请与青山市林业局办公室联系)
        # … or the government of a place a name calls 某某镇政府 (晋安区鼓山镇人民政府 of 鼓山镇政府…年度报告)
        issuer_cands += [c for c in _contact_candidates(norm) if c.value in names
                         or any(_starts_at_level(n) and c.value.endswith(n) for n in names)
                         or any(_gov_of_same_place(n, c.value) for n in names)]
    _declared_short_names(norm.text, issuer_cands)
    _name_the_place(norm.text, issuer_cands)
    issuer = _bare_place_of_title(norm.text, _combine(_prefer_title(_merge_short_names(issuer_cands))))

    published: dict | None = None
    pub = _combine(s_dates)
    month_only = pub is not None and len(str(pub[0].value)) == 7  # a signature of year and month: 2014年2月
    lines = _published_line_candidates(norm, front_end) if pub is None or month_only else []
    if pub is not None and not (month_only and lines and lines[0][0].startswith(str(pub[0].value))):
        published = _emit(norm, pub)
    elif lines:  # (a signature of year and month, 2014年2月, yields to the page's full date of that month)
        v, s, e, p = lines[0]
        published = {"value": v, "start": s, "end": e, "confidence": p, "source": "published_line"}
    pub_year = int(published["value"][:4]) if published is not None else None

    year_cands = t_years + _year_candidates(norm, sections, front_end)
    if pub_year is not None:
        # a report cannot cover a year after its own publication (a phrase such as 2021年,我局将… is a plan)
        year_cands = [c for c in year_cands if c.value <= pub_year] or year_cands
    if not year_cands:  # a page without a title: the year its sentences open with (2011年度,兰州市共收到…)
        year_cands = _sentence_year_candidates(norm, pub_year)
    year = _combine(year_cands)
    if year is None and published is not None:
        # fallback: reports are published in Jan-Mar of the next year (条例 art. 49); weak evidence
        y, mo = pub_year or 0, int(published["value"][5:7])
        ns = norm_offset(norm, published["start"])
        year = (_Cand(y - 1 if mo <= 6 else y, ns, min(len(norm.text), ns + 4), 0.5, "publication_date"), 0.5)
    if published is not None and year is not None and pub_year is not None and pub_year < year[0].value:
        # a publication date before the end of the report year contradicts one of the two
        published["confidence"] = round(published["confidence"] * 0.6, 4)

    return {
        "issuer": _emit(norm, issuer),
        "year": _emit(norm, year),
        "published": published,
        "template": table_template(tables) if tables else None,
    }


_LEVEL_CHARS = "省市区县州盟旗镇乡"


def _starts_at_level(name: str) -> bool:
    """省教育厅, 区民政局, 自治区应急管理厅: a short form that opens with its level (the place above it left out)."""
    return name[:1] in _LEVEL_CHARS or name.startswith(("自治区", "自治州", "自治县", "自治旗"))
_GOV_OF_PLACE = r"人民政府|办事处|管委会|管理委员会"


def _abbreviates(short: str, name: str) -> bool:
    """Is ``short`` (市医保局, 青山市卫计委) a place up to its level word plus an abbreviation of what follows that
    word in ``name`` (青山市|医疗保障局, 青山市|卫生和计划生育委员会): the same last character and the other
    characters in order?"""
    i = next((k for k, ch in enumerate(short) if ch in _LEVEL_CHARS), -1)
    if i < 0 or not 3 <= len(short) - i <= 6 or short[-1] != name[-1] and not (short[-1] == "委" and name.endswith("委员会")):
        return False  # an abbreviation is short: 人民政府办公室 is no abbreviation of 人民政府政务公开办公室
    level = name.find(short[i]) if i == 0 else (i if name.startswith(short[:i + 1]) else -1)
    if level < 0:
        return False
    if len(name) - level < len(short) - i + 2:
        return False
    rest = iter(name[level + 1:])
    return all(ch in rest for ch in short[i + 1:])


def _gov_of_same_place(short: str, full: str) -> bool:
    """鼓山镇政府 and (晋安区)鼓山镇人民政府: the same place's government (the second perhaps under its upper places)."""
    m = re.fullmatch(rf"(.*[{_LEVEL_CHARS}])政府", short)
    return bool(m) and full.endswith("人民政府") and len(full) >= len(short) + 2 and full[:-4].endswith(m.group(1))


_DECLARED_SHORT_RE = re.compile(
    rf"({_ORG})\s*[(（]\s*(?:以下)?简称\s*[:：]?\s*[“\"‘「]?([^”\"’」()（）,，。]{{2,15}}?)[”\"’」]?\s*[)）]")
_LEADING_WORDS_RE = re.compile(r"(?:结合|根据|依据|按照|依照|对照|经|由|在|对|为|和|与|及|是|将|把|现将|本报告)+")


def _declared_short_names(text: str, cands: list[_Cand]) -> None:
    """国家税务总局芜湖市镜湖区税务局(以下简称“镜湖区税务局”): the report declares its short name, and a candidate
    with that short name is the body named in full (its evidence still shows the short form)."""
    full_of: dict[str, str] = {}
    for m in _DECLARED_SHORT_RE.finditer(text, 0, min(len(text), 2000)):
        s, e = m.span(1)
        lead = _LEADING_WORDS_RE.match(text, s, e)
        c = _org_cand(text, lead.end() if lead else s, e, 0.8, "declared")
        if c is not None and len(c.value) > len(m.group(2)):
            full_of[m.group(2).strip()] = c.value
    for c in cands:
        if c.value in full_of:
            c.value, c.alias = full_of[c.value], True


def _name_the_place(text: str, cands: list[_Cand]) -> None:
    """A title or first sentence that names the department without its place (住建局 2025年…年度报告, 现将林业局…)
    takes the one full name the text gives it (2025年安阳县住建局依申请…): the place is part of the body's name."""
    for c in cands:
        # a department without its place (住建局; not a town's own name, 钟山镇), or with its level only (市卫生局)
        at_level = c.value[:1] in _LEVEL_CHARS and not re.search(rf"[{_LEVEL_CHARS}]", c.value[1:])
        if c.why not in ("title", "first_sentence") or (re.search(rf"[{_LEVEL_CHARS}]", c.value) and not at_level) \
                or len(c.value) > 8 \
                or not re.search(r"(?:局|委员会|委|办公室|办|厅|中心|院|馆|所|站|队)$", c.value):
            continue
        # 2025年安阳县住建局依申请…; 《眉山市卫生局政府信息公开制度》 for 市卫生局 (a place of two or more characters)
        place = r"[\u4e00-\u9fff]{2,8}?" if at_level else rf"[\u4e00-\u9fff]{{1,8}}?[{_LEVEL_CHARS}]"
        full = {m.group(0) for m in re.finditer(rf"(?:(?<=年度)|(?<=年)(?!度)|(?<![\u4e00-\u9fff]))(?!年){place}{re.escape(c.value)}", text)}
        full = {f for f in full if _valid_org(f)  # not 一是市教育局举办…, 全市卫生局
                and not re.search(r"[与按在和的对向请并及是全本我各该]", f[:-len(c.value)])
                and (not at_level or _no_verb(f[:-len(c.value)]))}  # not 现公布市应急局, 依托武汉市财政局
        if len(full) == 1:
            c.value, c.alias = full.pop(), True


def _no_verb(words: str) -> bool:
    """No verb, adverb or function word among jieba's words of ``words`` (眉山, 安康: yes; 现公布, 依托武汉: no)."""
    import jieba.posseg

    return not any(p.flag[:1] in "vdpcurm" or p.flag in ("tg", "ad", "vn") for p in jieba.posseg.cut(words))


# a name that opens with its own place (涵江区卫生局, 河西区人民政府): the same name under the places above it
# (莆田市涵江区卫生局) is the same body
_PLACE_FIRST_RE = re.compile(r"[\u4e00-\u9fff]{1,6}?(?:区|县|市|旗|镇|乡)(?!$)")


# the parent agency that opens the full name of a vertically managed body (国家税务总局珠海市税务局), which its
# report's own sentences often leave out (2020年,珠海市税务局深入贯彻…)
_PARENT_AGENCY_RE = re.compile(r"国家税务总局|国家金融监督管理总局|国家统计局|国家外汇管理局|中国人民银行")


def _merge_short_names(cands: list[_Cand]) -> list[_Cand]:
    """省教育厅 in 现公布2021年省教育厅…报告 is the 湖北省教育厅 of the title: a name that ends another one
    votes for the longer name (its own evidence still shows the short form)."""
    names = {c.value for c in cands}
    title_names = {c.value for c in cands if c.why == "title"}
    stated_names = {c.value for c in cands if c.why in ("title", "first_sentence", "compiler")}  # not a contact line
    for c in cands:
        # a short form starts at its level (省教育厅, 区民政局) or, beside a title line that names it in full,
        # lacks only the places above it (水务局 and 船山区民政局 of 绵阳市水务局 and 遂宁市船山区民政局)
        longer = [n for n in names if len(n) > len(c.value) and n.endswith(c.value)
                  and (_starts_at_level(c.value) or (n in title_names and n[-len(c.value) - 1] in _LEVEL_CHARS)
                       or (n in stated_names and (n[-len(c.value) - 1] in _LEVEL_CHARS
                                                  or _PARENT_AGENCY_RE.fullmatch(n[:-len(c.value)]))
                           and _PLACE_FIRST_RE.match(c.value)))]
        if not longer:  # 市医保局 of 青山市医疗保障局, 青山市卫计委 of 青山市卫生和计划生育委员会
            longer = [n for n in names if len(n) > len(c.value) and _abbreviates(c.value, n)]
        if len(longer) == 1:
            c.value, c.alias = longer[0], True
    # a bare place (贵州省) in one title line and its government (贵州省人民政府) in another are one body; so are a
    # zone and its committee under its places (旅游商贸开发区 and 西安临潼旅游商贸开发区管理委员会)
    for c in cands:
        if c.value[-1:] in _LEVEL_CHARS or c.value.endswith("街道"):
            gov = [n for n in names if n.startswith(c.value) and re.fullmatch(_GOV_OF_PLACE, n[len(c.value):])]
            if not gov and c.value.endswith(("开发区", "园区", "高新区", "新区", "合作区", "试验区")):
                gov = [n for n in names if c.value in n
                       and re.fullmatch(rf"[\u4e00-\u9fff]{{1,8}}?{re.escape(c.value)}(?:管理委员会|管委会)", n)]
            if len(gov) == 1:
                c.value, c.alias = gov[0], True
    # 龙归镇政府信息公开…年度报告 names the 龙归镇人民政府 of the contact line: the short form votes for the full one
    for c in cands:
        m = re.fullmatch(rf"(.*[{_LEVEL_CHARS}])政府", c.value)
        if not m:
            continue
        place = m.group(1)
        full = [n for n in names if n.endswith("人民政府") and len(n) > 6
                and (place.endswith(n[:-4]) or n[:-4].endswith(place))]
        if len(full) == 1:
            c.value, c.alias = full[0], True
    return cands


def _prefer_title(cands: list[_Cand]) -> list[_Cand]:
    """A title names the issuer outright: later candidates only count when they agree with it."""
    titles = [c for c in cands if c.why == "title"]
    if not titles:
        return cands
    names = {c.value for c in titles}
    return titles + [c for c in cands if c.why != "title" and c.value in names]
