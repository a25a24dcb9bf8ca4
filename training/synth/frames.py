"""Sentence frames, each with a stable id (``<group><nn>``), written for this project.

The group is the label a frame is mainly about (``NEG`` for frames whose quantities are all ``O``, ``FILL``
for frames without quantities).  Many frames carry several labels, or tagged and untagged quantities side
by side, because the judgement rules of labels.md are about context: 其中 breakdowns, 分别为 lists,
same-fact parts, carry-overs, outcome counts.

Ids are stable: append new frames at the end of a group's list, never reorder or delete (a held-out
evaluation names frames by id).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Frame:
    fid: str
    group: str
    template: str


_GROUPS: dict[str, list[str]] = {
    "DISCLOSED_TOTAL": [
        "{when}{subj}{disclose_v}{info}{gong}{#DISCLOSED_TOTAL:info}",
        "{when}{subj}通过{channels}{disclose_v}{info}{gong}{#DISCLOSED_TOTAL:info}",
        "{when}{disclose_v}{info}总数{gong2}{#DISCLOSED_TOTAL:info}",
        "{when}{subj}全年公开{info}{gong}{#DISCLOSED_TOTAL:info}",
        "{subj}{year}年度{gong2}{disclose_v}{info}{#DISCLOSED_TOTAL:info}，全文电子化率达{#O:pct}",
        "{when}{subj}{disclose_v}{info}{#DISCLOSED_TOTAL:info}，{qishi}{site}{#DISCLOSED_WEBSITE:info<1}、"
        "{media}{#DISCLOSED_NEWMEDIA:post<1}",
        "{when}{subj}{disclose_v}{info}{#DISCLOSED_TOTAL:info}，{qishi}{policy}{#POLICY_DOCS:doc<1}、"
        "{interp}{#INTERPRETATIONS:interp<1}",
        "全年{publish_v}{info}{gong}{#DISCLOSED_TOTAL:info}，同比增长{#O:share}",
        "{when}{subj}在{channels}{publish_v}{info}{#DISCLOSED_TOTAL:info}",
        "{when}{disclose_v}{info}{#DISCLOSED_TOTAL:info}，较{prev}年增加{#O:info<1}",
        "{subj}本年度新增{disclose_v}{info}{#DISCLOSED_TOTAL:info}，历年累计{disclose_v}{info}{#O:info}",
        "{when}{subj}{disclose_v}{info}{#DISCLOSED_TOTAL:info}，{qishi}{topic}类{#O:info<1}、{topic}类{#O:info<1}",
        "坚持“公开为常态、不公开为例外”，{when}{subj}{disclose_v}{info}{gong}{#DISCLOSED_TOTAL:info}",
        "截至{year}年底，{subj}本年度累计{disclose_v}{info}{#DISCLOSED_TOTAL:info}",
        "{when}{subj}{disclose_v}{info}{#DISCLOSED_TOTAL:info}，{qishi}机构职能类{#O:info<1}，"
        "{policy}类{#POLICY_DOCS:info<1}，{topic}类{#O:info<1}",
        "{when}{subj}{disclose_v}{info}{#DISCLOSED_TOTAL:info}，{qishi}{site}公开{#DISCLOSED_WEBSITE:info<1}，"
        "{gazette}公开{#DISCLOSED_GAZETTE:info<1}，{media}公开{#DISCLOSED_NEWMEDIA:post<1}",
    ],
    "DISCLOSED_WEBSITE": [
        "{when}{via}{site}{disclose_v}{info}{gong}{#DISCLOSED_WEBSITE:info}",
        "{site}{publish_v}{info}{#DISCLOSED_WEBSITE:info}",
        "{when}{subj}在{site}上{publish_v}{info}{#DISCLOSED_WEBSITE:info}",
        "{site}全年{gong2}{publish_v}{post_obj}{#DISCLOSED_WEBSITE:info}，网站总访问量{#O:visit}",
        "{when}{subj}{disclose_v}{info}{#DISCLOSED_TOTAL:info}，{qishi}通过{site}公开{#DISCLOSED_WEBSITE:info<1}",
        "{site}{gong2}{publish_v}{info}{#DISCLOSED_WEBSITE:info}，{qishi}{policy}{#POLICY_DOCS:doc<1}",
        "{site}{publish_v}{info}{#DISCLOSED_WEBSITE:info}，{qishi}政府信息公开信息{#O:info<1}",
        "{via}{site}{publish_v}{info}{#DISCLOSED_WEBSITE:info}，{qishi}{topic}信息{#O:info<1}",
        "{when}{subj}{via}{site}{publish_v}{info}{#DISCLOSED_WEBSITE:info}，自网站开通以来累计{publish_v}{#O:info}",
        "{site}全年更新{info}{#DISCLOSED_WEBSITE:info}，{media}{post_v}{post_obj}{#DISCLOSED_NEWMEDIA:post}",
        "{site}和{site}分别{publish_v}{info}{#DISCLOSED_WEBSITE:info}、{#DISCLOSED_WEBSITE:info}",
    ],
    "DISCLOSED_GAZETTE": [
        "{when}{gazette_v}{gazette}{#DISCLOSED_GAZETTE:issue}",
        "{when}{gazette}{gong2}{gazette_v}{#DISCLOSED_GAZETTE:issue}，刊登{info}{#DISCLOSED_GAZETTE:gzinfo}",
        "{via}{gazette}{disclose_v}{info}{#DISCLOSED_GAZETTE:gzinfo}",
        "{gazette}全年{gazette_v}{#DISCLOSED_GAZETTE:issue}，免费发放{#O:book}",
        "{when}{subj}{disclose_v}{info}{#DISCLOSED_TOTAL:info}，{qishi}{site}{#DISCLOSED_WEBSITE:info<1}，"
        "{gazette}{#DISCLOSED_GAZETTE:info<1}",
        "{gazette}{gong2}刊登{policy}{#DISCLOSED_GAZETTE:doc}",
        "{when}{gazette_v}{gazette}{#DISCLOSED_GAZETTE:issue}（总第1{d}{d}期）",
        "全年{gong2}编发{gazette}{#DISCLOSED_GAZETTE:issue}，{publish_v}{policy}{#DISCLOSED_GAZETTE:doc}",
        "{when}{subj}{gazette_v}{gazette}{#DISCLOSED_GAZETTE:issue}，并同步在{site}发布电子版",
    ],
    "DISCLOSED_NEWMEDIA": [
        "{via}{media}{post_v}{post_obj}{gong}{#DISCLOSED_NEWMEDIA:post}",
        "{media}全年{post_v}{post_obj}{#DISCLOSED_NEWMEDIA:post}，累计阅读量{#O:visit}",
        "{media}{post_v}{post_obj}{#DISCLOSED_NEWMEDIA:post}、{media}{post_v}{#DISCLOSED_NEWMEDIA:post}",
        "{when}{subj}在{media}{disclose_v}{info}{#DISCLOSED_NEWMEDIA:post}",
        "{media}{post_v}{shortvideo}{#DISCLOSED_NEWMEDIA:video}",
        "{media}粉丝数达{#O:fans}，全年{post_v}{post_obj}{#DISCLOSED_NEWMEDIA:post}",
        "全{level}{#O:dept}政务新媒体账号累计{post_v}{post_obj}{#DISCLOSED_NEWMEDIA:post}",
        "{media}{post_v}{post_obj}{#DISCLOSED_NEWMEDIA:post}，回复网民留言{#HOTLINE_RESOLVED:req}",
        "开展网上直播{#PRESS_EVENTS:event}，{media}{post_v}{shortvideo}{#DISCLOSED_NEWMEDIA:video}",
        "{media}、{media}分别{post_v}{post_obj}{#DISCLOSED_NEWMEDIA:post}、{#DISCLOSED_NEWMEDIA:post}",
        "{when}{subj}运用{media}{publish_v}{info}{#DISCLOSED_NEWMEDIA:post}，{qishi}原创信息{#O:post<1}",
    ],
    "POLICY_DOCS": [
        "{when}{subj}{policy_v}{policy}{gong}{#POLICY_DOCS:doc}",
        "{disclose_v}{policy}{#POLICY_DOCS:doc}",
        "{when}{policy_v}{policy}{#POLICY_DOCS:doc}，废止{policy}{#O:doc}",
        "{when}{subj}{disclose_v}规章{#POLICY_DOCS:doc}（含新制定{#O:doc<1}）",
        "今年{policy_v}的{#POLICY_DOCS:doc}{policy}均已在{site}公开",
        "{when}{subj}{policy_v}{policy}{#POLICY_DOCS:doc}，全部按程序进行合法性审查",
        "{policy}{#POLICY_DOCS:doc}、{policy}{#POLICY_DOCS:doc}",
        "{policy_v}{policy}{#POLICY_DOCS:doc}，并对其中{#INTERPRETATIONS:doc<1}进行了{interp}",
        "{when}{subj}{policy_v}的{policy}{gong}{#POLICY_DOCS:doc}，均已通过{site}向社会公开",
        "{when}{via}{site}{disclose_v}{policy}{#POLICY_DOCS:doc}，{qishi}{policy}{#O:doc<1}",
        "{policy_v}{policy}{#POLICY_DOCS:doc}，同时{policy_v}{policy}{#POLICY_DOCS:doc}",
    ],
    "INTERPRETATIONS": [
        "{when}{interp_v}{interp}{gong}{#INTERPRETATIONS:interp}",
        "{when}{subj}{interp_v}{interp}{#INTERPRETATIONS:interp}，{qishi}{interp}{#O:interp<1}",
        "围绕{topic}等领域{interp_v}{interp}{#INTERPRETATIONS:interp}",
        "{policy_v}{policy}{#POLICY_DOCS:doc}，{interp_v}配套{interp}{#INTERPRETATIONS:interp}",
        "{interp_v}{interp}{#INTERPRETATIONS:interp}，占{policy}总数的{#O:share}",
        "{interp}{#INTERPRETATIONS:interp}、{interp}{#INTERPRETATIONS:interp}",
        "{via}{site}{interp_v}{interp}{#INTERPRETATIONS:interp}",
        "{interp_v}{interp}{#INTERPRETATIONS:interp}，政策解读率达{#O:pct}",
        "{when}{subj}主要负责同志带头解读{policy}{gong}{#INTERPRETATIONS:interp}",
        "对{policy}进行多元化解读，形成{interp}{gong}{#INTERPRETATIONS:interp}",
    ],
    "PRESS_EVENTS": [
        "{when}{press_v}{press}{gong}{#PRESS_EVENTS:event}",
        "{when}{subj}{press_v}{#PRESS_EVENTS:event}{press}",
        "{press_v}{press}{#PRESS_EVENTS:event}、{press}{#PRESS_EVENTS:event}",
        "在{media_outlet}{news_v}{news}{#PRESS_EVENTS:article}",
        "{when}{subj}接受{media_outlet}采访{gong}{#PRESS_EVENTS:event}",
        "{press_v}{press}{#PRESS_EVENTS:event}，{qishi}{topic}专场{#O:event<1}",
        "{press_v}{press}{#PRESS_EVENTS:event}，邀请{#O:dept}部门负责人出席",
        "{media_outlet}刊发{news}{#PRESS_EVENTS:article}，其中头版{#O:article<1}",
        "{subj}主要负责同志参加{press}{#PRESS_EVENTS:event}",
        "{press}、{press}分别为{#PRESS_EVENTS:event}、{#PRESS_EVENTS:event}",
    ],
    "APPLICATIONS": [
        "{when}{subj}{app_v}{app_obj}{gong}{#APPLICATIONS:app}",
        "{when}{app_v}{app_obj}{#APPLICATIONS:app}，{qishi}自然人申请{#O:app<1}、法人或其他组织申请{#O:app<1}",
        "{when}{subj}{app_v}{app_obj}{#APPLICATIONS:app}，已全部按期办结",
        "{when}{app_v}{app_obj}{#APPLICATIONS:app}，{qishi}网上申请{#O:app<1}、当面申请{#O:app<1}、"
        "信函申请{#O:app<1}",
        "{when}{app_v}{app_obj}{#APPLICATIONS:app}（含上年结转{#O:app<1}）",
        "{when}{app_v}{app_obj}{#APPLICATIONS:app}，办结{#O:app=1}，{rate}{rate_v}{#RESPONSE_RATE:pct}",
        "{when}{app_v}{app_obj}{#APPLICATIONS:app}，{qishi}予以公开{#O:app<1}，部分公开{#O:app<1}，"
        "不予公开{#O:app<1}",
        "{when}{app_v}{app_obj}{#APPLICATIONS:app}，结转下年度办理{#O:app<1}",
        "{when}{subj}{app_v}{app_obj}数量为{#APPLICATIONS:app}，较上年减少{#O:app}",
        "{subj}{when}{gong2}{app_v}公民、法人和其他组织提出的{app_obj}{#APPLICATIONS:app}",
        "{when}{subj}{app_v}{app_obj}{#APPLICATIONS:app}，申请内容主要涉及{topic}、{topic}等方面",
        "{when}{app_v}{app_obj}{#APPLICATIONS:app}，均在法定期限内答复，答复{#O:app=1}",
    ],
    "HOTLINE_RECEIVED": [
        "{when}{via}{hotline}{req_recv_v}{req}{gong}{#HOTLINE_RECEIVED:req}",
        "{when}{req_recv_v}{hotline}{req}{#HOTLINE_RECEIVED:req}、{req}{#HOTLINE_RECEIVED:req}",
        "{when}{req_recv_v}{hotline}转办{req}{#HOTLINE_RECEIVED:req}，{req_done_v}{#HOTLINE_RESOLVED:req<1}",
        "{hotline}{req_recv_v}{req}{#HOTLINE_RECEIVED:req}，{req_done_v}{#HOTLINE_RESOLVED:req=1}，"
        "{rate}{rate_v}{#RESPONSE_RATE:pct}{after_rate}",
        "{when}{subj}通过{phone_line}接听群众咨询电话{gong}{#HOTLINE_RECEIVED:consult}",
        "{when}{subj}通过{hotline}、{hotline}等渠道{req_recv_v}{req}{#HOTLINE_RECEIVED:req}",
        "{when}{subj}受理现场及电话咨询{gong}{#HOTLINE_RECEIVED:consult}",
        "{hotline}{req_recv_v}{req}{#HOTLINE_RECEIVED:req}，{qishi}{topic}类{#O:req<1}",
        "{req_recv_v}{hotline}{#HOTLINE_RECEIVED:req}",
        "{when}{subj}{gong2}{req_recv_v}{req}{#HOTLINE_RECEIVED:req}，均及时转交相关部门办理",
    ],
    "HOTLINE_RESOLVED": [
        "{when}{req_done_v}{hotline}{req}{#HOTLINE_RESOLVED:req}",
        "{req_done_v}网民留言{#HOTLINE_RESOLVED:req}，{rate}{rate_v}{#RESPONSE_RATE:pct}",
        "{via}{hotline}{req_done_v}{req}{#HOTLINE_RESOLVED:req}",
        "{hotline}{req}已{req_done_v}{#HOTLINE_RESOLVED:req}",
        "{when}{via}{hotline}受理{req}{#HOTLINE_RECEIVED:req}，公开答复{#HOTLINE_RESOLVED:req<1}、电话答复{#HOTLINE_RESOLVED:req<1}",
        "{hotline}{gong2}办理群众{req}{#HOTLINE_RESOLVED:req}，群众{rate}{rate_v}{#RESPONSE_RATE:pct}",
        "{when}{subj}回应群众诉求{#HOTLINE_RESOLVED:req}",
        "{when}{req_done_v}{hotline}转办件{#HOTLINE_RESOLVED:req}，办理政务服务事项{#O:matter}",
    ],
    "RESPONSE_RATE": [
        "{rate}{rate_v}{#RESPONSE_RATE:pct}{after_rate}",
        "{app_obj}均在法定期限内答复，{rate}{rate_v}{#RESPONSE_RATE:pct}",
        "群众{rate}{rate_v}{#RESPONSE_RATE:pct}{after_rate}",
        "{hotline}{req}{rate}{rate_v}{#RESPONSE_RATE:pct}",
        "{when}{hotline}{req}回访满意率{rate_v}{#RESPONSE_RATE:pct}{after_rate}",
        "{req_done_v}{hotline}{req}{#HOTLINE_RESOLVED:req}，{rate}{rate_v}{#RESPONSE_RATE:pct}",
        "{rate}和{rate}分别为{#RESPONSE_RATE:pct}、{#RESPONSE_RATE:pct}",
        "申请{rate}{rate_v}{#RESPONSE_RATE:pct}，同比提高{#O:share}",
    ],
    "TRAINING": [
        "{when}{train_v}{train}{#TRAINING:session}",
        "{train_v}{train}{#TRAINING:session}，培训{trainees}{#TRAINING:people}",
        "{train_v}{train}{#TRAINING:session}{#TRAINING:people}",
        "{when}{subj}{gong2}培训{trainees}{#TRAINING:people}",
        "{train_v}{#TRAINING:session}{train}，参训人员{gong}{#TRAINING:people}",
        "组织{trainees}参加{train}{#TRAINING:session}",
        "{when}{subj}{train_v}政务公开专题讲座{gong}{#TRAINING:session}",
        "{train_v}{train}{#TRAINING:session}，覆盖{#O:dept}{deptx}",
        "{when}{subj}{train_v}{train}{gong}{#TRAINING:session}，累计培训{#TRAINING:people}",
    ],
    "NEG": [
        "{when}{subj}召开政务公开工作会议{#O:meeting}",
        "{when}{subj}制定了{#O:system}{rule}",
        "{subj}共有{#O:dept}{deptx}参与政务公开工作",
        "梳理公布{#O:matter}监管事项",
        "历年累计{disclose_v}{info}{#O:info}",
        "自平台开通以来累计{publish_v}{info}{#O:info}",
        "全年办理政务服务事项{#O:matter}",
        "政府信息公开查阅点接待群众查阅{#O:visit}",
        "发放宣传资料{#O:book}",
        "{year}年{month}月{day}日，{subj}{relay_v}{guanyu_doc}",
        "联系电话：{phone}，邮政编码：{d6}",
        "全年收取信息处理费{#O:money}",
        "严格依据{law}{art}规定做好{topic}信息公开",
        "上年结转{app_obj}{#O:app}",
        "予以公开{#O:app}，部分公开{#O:app}，不予公开{#O:app}，无法提供{#O:app}",
        "结转下年度继续办理{#O:app}",
        "{site}总访问量{#O:visit}",
        "{disclose_v}{topic}信息占{disclose_v}总量的{#O:share}",
        "{subj}配备专兼职工作人员{#O:staff}",
        "被申请行政复议{#O:app}，提起行政诉讼{#O:app}",
        "按照国务院关于政务公开工作的决策部署，{subj}{year}年{month}月召开专题会议",
        "{subj}{year}年政府信息公开工作统计期限自{year}年1月1日起至{year}年12月31日止",
        "人大代表建议{#O:doc}、政协提案{#O:doc}办理结果已全部公开",
        "更新办事指南{#O:matter}",
        "{ordinal}完善{topic}信息公开{rule}",
        "全年审批办件{#O:matter}，平均承诺时限压缩{#O:share}",
        "{press_v}{press}{#PRESS_EVENTS:event}，{qishi}疫情防控专场{#O:event<1}",
        "依申请公开办理结果：予以公开{#O:app}，不予处理{#O:app}",
        "政府信息公开查阅点现有馆藏资料{#O:book}",
        "本年度行政审批事项办件{#O:matter}，即办件占比{#O:share}",
    ],
    "FILL": [
        "{ordinal}进一步健全政府信息公开工作机制",
        "{subj}高度重视政府信息公开工作，成立了以主要负责同志为组长的领导小组",
        "{ordinal}严格落实信息发布“三审三校”{rule}",
        "根据{law}和{guanyu_doc}要求，{subj}扎实推进{topic}领域信息公开",
        "{ordinal}加强政务公开平台建设，持续优化{site}栏目设置",
        "{subj}将政务公开工作纳入年度绩效考核，强化监督保障",
        "{ordinal}聚焦{topic}等重点领域，及时回应社会关切",
        "严格执行信息发布保密审查制度，未发生泄密事件",
        "本年度未发生因政府信息公开被申请行政复议或提起行政诉讼的情况",
        "{subj}认真落实{guanyu_doc}要求，及时公开{level}政府关于{topic}工作的重要部署",
        "按照上级关于政务公开工作的统一部署，{subj}持续深化{topic}领域信息公开",
    ],
}

# How often a paragraph sentence comes from each group (labels equal; negatives more often).
GROUP_WEIGHTS: dict[str, float] = {g: 1.0 for g in _GROUPS}
GROUP_WEIGHTS["NEG"] = 2.0
GROUP_WEIGHTS["FILL"] = 1.2

_PREFIX = {
    "DISCLOSED_TOTAL": "DT", "DISCLOSED_WEBSITE": "WS", "DISCLOSED_GAZETTE": "GZ", "DISCLOSED_NEWMEDIA": "NM",
    "POLICY_DOCS": "PD", "INTERPRETATIONS": "IN", "PRESS_EVENTS": "PE", "APPLICATIONS": "AP",
    "HOTLINE_RECEIVED": "HR", "HOTLINE_RESOLVED": "HS", "RESPONSE_RATE": "RR", "TRAINING": "TR",
    "NEG": "NG", "FILL": "FL",
}

FRAMES: dict[str, Frame] = {
    f"{_PREFIX[g]}{i:02d}": Frame(f"{_PREFIX[g]}{i:02d}", g, t)
    for g, temps in _GROUPS.items()
    for i, t in enumerate(temps, start=1)
}


def frame_ids() -> list[str]:
    """All frame ids, in a stable order."""
    return list(FRAMES)


def groups() -> dict[str, list[str]]:
    """Group name -> its frame ids."""
    out: dict[str, list[str]] = {}
    for f in FRAMES.values():
        out.setdefault(f.group, []).append(f.fid)
    return out
