"""Tests of the weak labeller (training/weak.py) on synthetic sentences written for these tests."""

from __future__ import annotations

import json

import pytest

from training.weak import evaluate, main, weak_label


def labels(text: str) -> list[tuple[str, str]]:
    """(span text, label) of the keyword rules' spans in ``text``."""
    from ie.keywords import weak_label

    return [(text[s["start"]:s["end"]], s["label"]) for s in weak_label(text)]


def tagged(text: str) -> list[tuple[str, str]]:
    return [(text[s["start"]:s["end"]], s["label"]) for s in weak_label(text)]


@pytest.mark.parametrize(("text", "expected"), [
    ("2023年，我局主动公开政府信息574件，其中通过政府门户网站公开312条。",
     [("574件", "DISCLOSED_TOTAL"), ("312条", "DISCLOSED_WEBSITE")]),
    ("全年共收到政府信息公开申请18件，其中自然人申请12件，已全部办结。", [("18件", "APPLICATIONS")]),
    ("通过12345热线受理群众诉求2902件，办结2713件，办结率100%。",
     [("2902件", "HOTLINE_RECEIVED"), ("2713件", "HOTLINE_RESOLVED"), ("100%", "RESPONSE_RATE")]),
    ("举办政务公开培训班1期70余人次。", [("1期", "TRAINING"), ("70余人次", "TRAINING")]),
    ("本年度召开新闻发布会12场，发布政策解读45篇，群众满意度达到95.5%以上。",
     [("12场", "PRESS_EVENTS"), ("45篇", "INTERPRETATIONS"), ("95.5%", "RESPONSE_RATE")]),
    ("全年出版政府公报两期。", [("两期", "DISCLOSED_GAZETTE")]),
    ("收到政府信息公开申请一千二百件。", [("一千二百件", "APPLICATIONS")]),
    ("全年发布信息2.5万条，历年累计主动公开政府信息12万条。", [("2.5万条", "DISCLOSED_TOTAL")]),
    # a running total, then the year's new items in brackets: the new part is the year's figure (round r65)
    ("2025年,青河街道累计公开信息8775条(2025年新增388条),发布各类重点工作信息。", [("388条", "DISCLOSED_TOTAL")]),
    # 主动公示 is a disclosure verb; 政策解读文件 are interpretations, not documents (round r58)
    ("2024年,我局共主动公示84条信息。", [("84条", "DISCLOSED_TOTAL")]),
    ("全年发布政策解读文件10篇,其中制作图文解读5篇。", [("10篇", "INTERPRETATIONS")]),
    # 门户网 without 站 is the website too (round r56)
    ("截至2022年12月31日,我局在门户网发布信息共计251条,微信公众号发布信息58条。",
     [("251条", "DISCLOSED_WEBSITE"), ("58条", "DISCLOSED_NEWMEDIA")]),
    ("官方微博发布信息293条、微信公众号推送信息820条。",
     [("293条", "DISCLOSED_NEWMEDIA"), ("820条", "DISCLOSED_NEWMEDIA")]),
    ("规章13件（含新制定5件），行政规范性文件6件。", [("13件", "POLICY_DOCS"), ("6件", "POLICY_DOCS")]),
    # a share of the total: O for a category, tagged for a fact of its own (labels.md, parts of a figure)
    ("新增主动公开政府信息50条，其中，概况信息8条，占16%；规范性文件信息2条，占4%。",
     [("50条", "DISCLOSED_TOTAL"), ("2条", "POLICY_DOCS")]),
    # an aside in parentheses names no fact; channels summed up by 总计; the phrase after the number
    ("我局共主动公开政府信息数（除公文发布外）621条，公文发布数74件。",
     [("621条", "DISCLOSED_TOTAL"), ("74件", "POLICY_DOCS")]),
    ("在省政府网站公开专栏发布信息514条，总计2401条。", [("514条", "DISCLOSED_WEBSITE"), ("2401条", "DISCLOSED_TOTAL")]),
    ("我局收到1019宗公开政府信息的申请。", [("1019宗", "APPLICATIONS")]),
    ("收到1条相关政府信息公开申请。", [("1条", "APPLICATIONS")]),
    ("组织1次“政府开放日”活动。", [("1次", "PRESS_EVENTS")]),
    ("本街道共收到12件信息依申请公开,其中10件已经按时完成答复。", [("12件", "APPLICATIONS")]),
    # a bulletin of statistics is not the gazette
    ("编印政府公报12期，发布统计数据及分析公报116项。", [("12期", "DISCLOSED_GAZETTE")]),
    # documents named as examples (等信息) of what one channel carried count that channel's items
    ("政府公报刊登政府规章和规范性文件等信息240条。", [("240条", "DISCLOSED_GAZETTE")]),
    ("通过门户网站主动公开区政府机关政策文件112件。", [("112件", "POLICY_DOCS")]),
    ("以局门户网站、微信公众号为载体,及时公开专项整治问题、执法等工作信息1261条(其中:网站390条、微信公众号871条)。",
     [("1261条", "DISCLOSED_TOTAL"), ("390条", "DISCLOSED_WEBSITE"), ("871条", "DISCLOSED_NEWMEDIA")]),
    # information made or obtained is no disclosure figure; its 主动公开 part is the total, the other classes O
    ("本年度本局制作、获取的政府信息900条,其中主动公开文件300条,作为可依申请公开文件200条,不予公开文件400条。",
     [("300条", "DISCLOSED_TOTAL")]),
    # examples of information (等信息) that name no fact of their own
    ("通过门户网站以及新闻媒体、公告栏等多种形式,发布各类法律法规、工作动态等信息2208条。",
     [("2208条", "DISCLOSED_TOTAL")]),
    ("全年通过政府网站主动公开财政预决算、招生入学政策、政策解读等群众关心关注的信息共计86条。",
     [("86条", "DISCLOSED_WEBSITE")]),
    ("依法办理政府信息公开案件43件(含上年结转1件)。", [("43件", "APPLICATIONS")]),
    # people and meetings are no disclosure figure; the training session after them is
    ("确定1名局领导负责政府信息公开工作,召开1次局务会研究部署,组织了1次业务培训会。", [("1次", "TRAINING")]),
    ("我镇在政府网站公开各类信息15条,在微信平台上公开动态信息35条。",
     [("15条", "DISCLOSED_WEBSITE"), ("35条", "DISCLOSED_NEWMEDIA")]),
    # 采用 a method is no item adopted by others
    ("对重要政策文件,采用多种形式同步发布配套解读材料163篇。", [("163篇", "INTERPRETATIONS")]),
    # a disclosure verb before a figure of 信息; but not the outcome of applications
    ("累计公开186条信息,其中,行政网站信息主动公开42条。", [("186条", "DISCLOSED_TOTAL"), ("42条", "DISCLOSED_WEBSITE")]),
    ("共受理申请5件,公开3条信息。", [("5件", "APPLICATIONS")]),
    # a list of new-media accounts 等平台 is new media; a website in the list makes it a total
    ("依托微信公众号、视频号等平台,创新采用图文解读等形式,全年发布各类政务信息100余条。", [("100余条", "DISCLOSED_NEWMEDIA")]),
    ("依托门户网站、微信公众号等平台,全年发布各类政务信息100余条。", [("100余条", "DISCLOSED_TOTAL")]),
    # 回应 in an earlier clause does not make a received count resolved; one verb covers a whole list
    ("加强热点问题主动回应,2024年共受理群众网上来访信件34件,办结34件。",
     [("34件", "HOTLINE_RECEIVED"), ("34件", "HOTLINE_RESOLVED")]),
    ("2015年共回复在线咨询162条、在线投诉59条。", [("162条", "HOTLINE_RESOLVED"), ("59条", "HOTLINE_RESOLVED")]),
    # the verb opens a long list: 答复 …、…等1700余件; 解读《…》等政策文件 are interpretations
    # the channel that opens a sentence carries its list past a kind of document (round r39), not a total and not
    # the parts after 其中
    ("2024年,青河市人民政府办公室通过青河市人民政府网站主动公开市政府文件3件,发布信息15266条,"
     "通过微信公众号发布信息251条。",
     [("3件", "POLICY_DOCS"), ("15266条", "DISCLOSED_WEBSITE"), ("251条", "DISCLOSED_NEWMEDIA")]),
    ("通过门户网站公开规范性文件5件,全年共公开政府信息300条。", [("5件", "POLICY_DOCS"), ("300条", "DISCLOSED_TOTAL")]),
    # applications received through all the channels listed are no split by channel (round r39)
    ("2022年共收到网上申请、信件邮寄等形式的依申请公开件37件,按时序办理36件。", [("37件", "APPLICATIONS")]),
    # one kind of item through a named account (its name quoted), and examples of information listed before 等N条
    # through a named channel (round r48)
    ("2021年通过县政府网站公开发布政务信息7条,通过单位微信公众号“青河文旅”发布工作动态及信息290余条。",
     [("7条", "DISCLOSED_WEBSITE"), ("290余条", "DISCLOSED_NEWMEDIA")]),
    ("通过政府网站信息公开平台主动公开机构信息、政策文件、规划计划、人事任免、工作动态等100余条。",
     [("100余条", "DISCLOSED_WEBSITE")]),
    # press conferences that interpreted documents, counted in 场次, are press events (round r44)
    ("2024年,市人民政府召开新闻发布会解读政策文件4场次。", [("4场次", "PRESS_EVENTS")]),
    # 信息发布总数 (the number of information releases) is the total (round r42)
    ("推进政务管理规范化,全年信息发布总数534条,其中,概况类信息更新3条。", [("534条", "DISCLOSED_TOTAL")]),
    ("解读信息发布总数5条。", [("5条", "INTERPRETATIONS")]),
    # a training named after the count and a long modifier (round r43)
    ("组织1次全县政务公开具体负责人培训,不断提高工作质量。", [("1次", "TRAINING")]),
    ("通过区政府网站和信函受理依申请公开申请15件,按期办结15件。", [("15件", "APPLICATIONS")]),
    # a website's 公开栏目 (a column) is no notice board (公开栏) beside it (round r32)
    ("在青河县人民政府网站部门公开栏目中主动公开政务信息21条,微信公众平台45条。",
     [("21条", "DISCLOSED_WEBSITE"), ("45条", "DISCLOSED_NEWMEDIA")]),
    # “双微” (the 微博 and 微信 accounts together) is new media, quoted or not (round r36)
    ("局“双微”平台共计发布信息1542条。", [("1542条", "DISCLOSED_NEWMEDIA")]),
    ("全年通过两微平台发布信息300条。", [("300条", "DISCLOSED_NEWMEDIA")]),
    # 办理答复 (handled and answered) opening a long list answers what it lists (round r32)
    ("办理答复中国政府网、微博、“12345”等渠道咨询投诉500余件,办结率100%。",
     [("500余件", "HOTLINE_RESOLVED"), ("100%", "RESPONSE_RATE")]),
    ("全年答复网站留言、办事咨询系统、12345热线、信访等各渠道来信留言等800余件。",
     [("800余件", "HOTLINE_RESOLVED")]),
    ("通过文字、视频等形式,解读《青山市行政调解规定》等政策文件3份。", [("3份", "INTERPRETATIONS")]),
    # 解答 of consultations is answering them
    ("接受群众咨询300人次,解答网上用户咨询20人次。", [("300人次", "HOTLINE_RECEIVED"), ("20人次", "HOTLINE_RESOLVED")]),
    # a whole report in one cell of a web page (a trailing pipe) is prose, not a table row
    ("2013年度我镇主动公开政府信息件数为123件。二、依申请公开情况 我镇未收到申请。" + "无。" * 30 + " |",
     [("123件", "DISCLOSED_TOTAL")]),
    # the split of information made or obtained, with an aside after 政府信息
    ("全年共制作、获取政府信息(文件)1826份,其中主动公开313份,依申请公开383份,不予公开1130份。",
     [("313份", "DISCLOSED_TOTAL")]),
    # 主动公开 opens a list of examples too long for the keyword window; 动态信息 before 共计 is the total
    ("截至2021年12月,青河街道主动公开涉及疫情防控、社会救助、养老服务、公共文化服务、公共法律服务、保障性住房、"
     "安全生产等方面信息423条。", [("423条", "DISCLOSED_TOTAL")]),
    ("2022年我县共主动公开政务动态信息共计5942条(包含重点领域栏目),其中政府信息公开专栏632条。",
     [("5942条", "DISCLOSED_TOTAL"), ("632条", "DISCLOSED_WEBSITE")]),
    # 公布信息 through the website and other channels is the total; formats of posts name no channel
    ("2019年我局通过政府网站及其他形式对外公布信息共计 364篇(次)。", [("364篇", "DISCLOSED_TOTAL")]),
    ("充分利用微博、微信公众号等新媒体,以图文、视频等形式及时发布信息,全年发布信息578条,其中微博183条。",
     [("578条", "DISCLOSED_NEWMEDIA")]),
    # the documents interpreted are interpretations; the annual reports and publicity events are no facts
    ("主动公开政府信息478条;解读民生政策文件6余件。", [("478条", "DISCLOSED_TOTAL"), ("6余件", "INTERPRETATIONS")]),
    ("按时发布信息公开年报1条。", []),
    # information made after 依申请公开 in the same clause is no application count; a list after the information
    # disclosed (具体包括…等方面的内容) is what was disclosed, through the channel named before it if one is
    ("同步推进主动公开与依申请公开工作全年共制作政府信息236条,其中主动公开信息数为158条。", [("158条", "DISCLOSED_TOTAL")]),
    ("青河乡主动地公开了各类政府信息,具体包括调整领导分工、补助领取等方面的内容共计108条,通过微信公众号发布信息96条。",
     [("108条", "DISCLOSED_TOTAL"), ("96条", "DISCLOSED_NEWMEDIA")]),
    ("本年度通过政府网站公开了各类信息,主要包括人事任免、项目建设等内容共计56条。", [("56条", "DISCLOSED_WEBSITE")]),
    # the 信息公开目录 category beside 概况 and 政务动态 is a part of the total, not a channel; as a channel it stays
    ("青山市司法局主动公开政府信息402条,其中,概况类信息更新187条,政务动态信息176条,信息公开目录信息39条。",
     [("402条", "DISCLOSED_TOTAL")]),
    ("全年通过信息公开目录公开信息300条。", [("300条", "DISCLOSED_WEBSITE")]),
    # a list of examples that ends 等共计 after the channel and the verb
    ("青河街道通过青山市人民政府信息公开网站主动公开规划信息、统计信息、财政资金、政府采购、公益事业建设事项等共计80余条。",
     [("80余条", "DISCLOSED_WEBSITE")]),
    # news placed with the media through the media alone are press events; with the website, a total
    ("通过人民日报、青山日报等主流媒体公开信息121篇。", [("121篇", "PRESS_EVENTS")]),
    ("通过政府网站和新闻媒体公开信息300条。", [("300条", "DISCLOSED_TOTAL")]),
    # news media as the subject or the channel, without 通过 or a named outlet (labels.md: news placed with media);
    # not the next item of the list, nor the body's own media centre
    ("全年发布信息39条,省级媒体发布信息12条,市级媒体发布信息27条。",
     [("39条", "DISCLOSED_TOTAL"), ("12条", "PRESS_EVENTS"), ("27条", "PRESS_EVENTS")]),
    ("公开信息总数300条,其中:通过网站公开120条,通过报刊、广播、电视等媒体公开180条。",
     [("300条", "DISCLOSED_TOTAL"), ("120条", "DISCLOSED_WEBSITE"), ("180条", "PRESS_EVENTS")]),
    ("青山县融媒体中心发布信息78条。", [("78条", "DISCLOSED_TOTAL")]),
    # a running total and the year's 新增 part: the part is the year's figure, with the total's label
    ("截至2012年12月30日,我乡在县政府网站共主动公开政府信息615条,今年新增94条。", [("94条", "DISCLOSED_WEBSITE")]),
    ("累计主动公开政府信息3819条,本年度新增295条。", [("295条", "DISCLOSED_TOTAL")]),
    # all the information disclosed (on request too), then its 主动公开 part: the part is the year's total; a part
    # of an already proactive figure is not
    ("2020年,我局公开信息687条,其中主动公开668条。", [("668条", "DISCLOSED_TOTAL")]),
    ("在本委网站上共公开政府信息4738条。其中,主动公开3810条。",
     [("4738条", "DISCLOSED_WEBSITE"), ("3810条", "DISCLOSED_TOTAL")]),
    # 依申请公开事项 are applications, not the 事项 of service matters (the training and corpus gold agree)
    ("2025年,按照相关规定办理依申请公开事项2件。", [("2件", "APPLICATIONS")]),
    # 受理答复 without a conjunction counts what came in (labels.md: 受理 counts are applications)
    ("全年依法规范受理答复政府信息公开申请3件。", [("3件", "APPLICATIONS")]),
    ("答复政府信息公开申请5件。", []),
    # 发稿 on the body's own website is a website figure, not news placed with media (round r15)
    ("微信公众号发布694条,青河水利网站发稿569条。", [("694条", "DISCLOSED_NEWMEDIA"), ("569条", "DISCLOSED_WEBSITE")]),
    # 一件 after 申请 counts; reviews applied for are no disclosure applications
    ("2023年度青河街道收到政府信息公开申请一件。", [("一件", "APPLICATIONS")]),
    ("共收到有关政府信息公开的行政复议申请12件。", []),
    # channels summed as 等媒介 make a total, not the new media named among them (round r14)
    ("在政府信息平台、微博、微信等媒介上公开政务信息4287条。", [("4287条", "DISCLOSED_TOTAL")]),
    # …等多种途径 in an earlier clause of the sentence still makes a total (round r37); a part after 其中 keeps
    # its own channel (held-out s2-s203)
    ("运用青河市信息报送平台、局微信公众平台等多种途径,广泛公开政府信息,确保各类信息得到及时公开传递,"
     "自觉接受社会监督,2020年主动公开政务信息150余条。",
     [("150余条", "DISCLOSED_TOTAL")]),
    ("通过政府网站、政务新媒体等平台主动公开各类信息约19.4万条,其中:通过政府网站发布政府信息6000条。",
     [("19.4万条", "DISCLOSED_TOTAL"), ("6000条", "DISCLOSED_WEBSITE")]),
    # 余/多 before 万 (20余万条) is one quantity with its unit
    ("通过政府网站、报纸、宣传栏等媒介,主动公开政府信息20余万条。", [("20余万条", "DISCLOSED_TOTAL")]),
    # a new-media account listed with boards, leaflets and banners is no new-media figure
    ("通过青河县民政局头条号、宣传板、宣传单、横幅标语等发布信息160余条。", [("160余条", "DISCLOSED_TOTAL")]),
    # documents published on a channel are documents
    ("行政规范性文件管理方面,通过官网公布3份文件,并建立动态更新机制。", [("3份", "POLICY_DOCS")]),
    # applications handled (办理) are applications; columns opened are no items; a channel named 信息公开系统
    ("本年度市政府依申请公开信息办理数39件,全部同意公开。", [("39件", "APPLICATIONS")]),
    ("2025年新开设专栏专题9个,发布各类信息1458条。", [("1458条", "DISCLOSED_WEBSITE")]),
    ("2020年,我委在市政府信息公开系统公开25条。", [("25条", "DISCLOSED_WEBSITE")]),
    # the year's disclosures listed (等相关信息); requests named after the figure, answered or received
    ("全年共公开部门预决算、审计报告、审计执法内容及程序等相关信息206条。", [("206条", "DISCLOSED_TOTAL")]),
    ("并对群众在我委门户网站提出的327条业务咨询与意见建议作出了回复。", [("327条", "HOTLINE_RESOLVED")]),
    ("全年受理46件群众诉求,已全部办结。", [("46件", "HOTLINE_RECEIVED")]),
    # the hotline named far back, the receiving verb opening the clause
    ("12345市民服务热线作为群众反映诉求主阵地,全年受理系统派单、系统交办、市领导交办共283件。", [("283件", "HOTLINE_RECEIVED")]),
    ("一是全年在“首都之窗”更新信息78篇。", [("78篇", "DISCLOSED_WEBSITE")]),
    # a long aside listing what the figure holds; channels named back in the sentence, notice boards among them
    ("2021年青山市气象局本级累计发布各类信息(包括:天气预报、预警信号、公众服务信息)共1631条。", [("1631条", "DISCLOSED_TOTAL")]),
    ("我局通过电子显示屏、政务公开栏和微信公众号定期发布气象信息、科普知识等内容,2021年本级累计发布各类信息"
     "(包括:天气预报、预警信号、公众服务信息)共1631条。", [("1631条", "DISCLOSED_TOTAL")]),
    ("参加全市《民生在线》活动,解答群众关心的热点问题,在线答复网民提问65条。", [("65条", "HOTLINE_RESOLVED")]),
    # requests for disclosure called 诉求; one kind of item through a named channel, no list of kinds
    ("2025年,本单位接到依申请公开方面的诉求3件,均依法作出答复告知。", [("3件", "APPLICATIONS")]),
    ("累计主动公开各类政府文件2101条,区政府门户网站发布政务动态类消息3231条。",
     [("2101条", "POLICY_DOCS"), ("3231条", "DISCLOSED_WEBSITE")]),
    ("通过政府网站主动公开政务信息443条,其中工作动态类信息189条。", [("443条", "DISCLOSED_WEBSITE")]),
    # stories placed with the media (发稿) are press events; requests answered (反馈) are resolved
    ("在青山气象发稿69篇、中国气象报和中国气象局网站上发稿25篇。", [("69篇", "PRESS_EVENTS"), ("25篇", "PRESS_EVENTS")]),
    ("分局通过民心桥、地方领导留言板向群众反馈诉求问题43次。", [("43次", "HOTLINE_RESOLVED")]),
    # one channel named among several (等多样化渠道): the total
    ("2024年,依托区政府门户网站信息公开栏目、美篇平台等多样化渠道,累计发布超235条各类信息。", [("235条", "DISCLOSED_TOTAL")]),
    # posts published (公开发文) on a named channel are the channel's items
    ("通过司法局门户网站工作动态栏目平台公开发文46条。", [("46条", "DISCLOSED_WEBSITE")]),
    ("全年行政发文共21件。", [("21件", "POLICY_DOCS")]),
    # a web address in brackets between the channel and its figure says nothing
    ("2021年,我局共发布各类政务信息1634条,其中局官方网站(http://www.qingshan.example.gov.cn/)发布922条。",
     [("1634条", "DISCLOSED_TOTAL"), ("922条", "DISCLOSED_WEBSITE")]),
    # stories placed in named newspapers are press events
    ("二是我镇全年在《青山日报》《河西日报》等市、区级平台发布信息103条。", [("103条", "PRESS_EVENTS")]),
    # the account named after the figure; exchanges with users are no items published
    ("“青山发布”有粉丝16万,发布2436条微博,短视频产品28条,新媒体平台互动1200余条。",
     [("2436条", "DISCLOSED_NEWMEDIA"), ("28条", "DISCLOSED_NEWMEDIA")]),
    # one figure for intake and answer counts what came in
    ("通过电话、区长信箱等多渠道接收并回应群众咨询共计92件次,其中电话咨询65余次。", [("92件次", "HOTLINE_RECEIVED")]),
    # a website or WeChat group with notice boards and papers is several channels: the total
    ("通过微信群、报刊、公示栏、政务服务场所等公开载体公开信息128条。", [("128条", "DISCLOSED_TOTAL")]),
    ("2025年,青河乡通过县人民政府网站及乡人民政府实体公示栏主动公开各类政府信息共71条。", [("71条", "DISCLOSED_TOTAL")]),
    ("将信息公开的渠道延伸至青山公安、青山交警等微信公众平台,及时发布信息250条。", [("250条", "DISCLOSED_NEWMEDIA")]),
    ("通过微信公众号发布信息911条,今日头条公开信息244条。", [("911条", "DISCLOSED_NEWMEDIA"), ("244条", "DISCLOSED_NEWMEDIA")]),
    # one verb for a list of channels after commas; an online 问政 platform takes requests (not a TV programme)
    ("全年回复处理12345热线472件,网络问政105件,青山区信访系统45件,区长信箱3件。",
     [("472件", "HOTLINE_RESOLVED"), ("105件", "HOTLINE_RESOLVED"), ("45件", "HOTLINE_RESOLVED"),
      ("3件", "HOTLINE_RESOLVED")]),
    ("回复网民留言25条,转办群众诉求12件。", [("25条", "HOTLINE_RESOLVED"), ("12件", "HOTLINE_RECEIVED")]),
    # documents named as examples of what the one channel that opens the sentence published
    ("“青山发布”微信公众号充分发挥新媒体传播优势,实时发布政策文件等信息2000余条,粉丝量突破6.1万人。",
     [("2000余条", "DISCLOSED_NEWMEDIA")]),
    # self-media (自媒体) platforms are the body's new media, not several kinds of channel
    ("主动公开政务信息1010条,通过微信公众号等自媒体平台累计发布各类工作信息695条。",
     [("1010条", "DISCLOSED_TOTAL"), ("695条", "DISCLOSED_NEWMEDIA")]),
    ("推进主动公开政府信息在厅网站应公开尽公开,组织各类宣传活动170余次、组织参与新闻发布会14场。",
     [("14场", "PRESS_EVENTS")]),
])
def test_labels_from_left_context(text: str, expected: list[tuple[str, str]]) -> None:
    assert tagged(text) == expected


@pytest.mark.parametrize("text", [
    "联系电话：0523-86151234，邮编：225300。",
    "制定了3项制度，30个部门参与政务公开工作。",
    "全年收取信息处理费0.5万元。",
    "规章 | 0 | 0 | 0 |",
    "上年结转政府信息公开申请3件，予以公开7件。",
    "依据《条例》第二十条规定，2024年3月5日印发通知。",
    "一是加强组织领导；1、完善制度。",
    "政府信息公开查阅点接待查阅2.5万人次，发放宣传资料2000余册。",
    "全年办理政务服务事项8600件。",
    "按申请类别看，征地拆迁类183件，占64%；劳动保障类17件，占6%。",
    "设置依申请公开等10个子栏目。",
    "市政府网站共采用672条。",
    "全年被省级以上媒体采用信息15条。",
    "将监管政策文件和95项地方标准向社会征求意见。",
    "我局主要通过四条途径公开政府信息。",
    # a number inside a document title or a policy's nickname names something, it counts nothing
    "全年采用图文等形式解读了《2025年青山市10件惠企实事》。",
    "广泛宣传解读“创业富民30条”等政策。",
    # places named by what is done there, and bus lines, are counted, not applications or items (round r55)
    "安排了2名工作人员负责信息公开工作,设立了1个信息申请受理点和1个公共查阅点。",
    "每月推出重点政策专题解读,覆盖市区248条公交线路。",
])
def test_negatives_stay_untagged(text: str) -> None:
    assert weak_label(text) == []


def test_offsets_point_into_raw_noisy_text() -> None:
    text = "我局主動公開政府信息574件，其中規(guī)範性文件6件；收到政府信息公开申请 2428 条，主动公开政府信息５７４件"
    got = tagged(text)
    assert ("574件", "DISCLOSED_TOTAL") in got
    assert ("6件", "POLICY_DOCS") in got
    assert ("2428 条", "APPLICATIONS") in got
    assert ("５７４件", "DISCLOSED_TOTAL") in got


def test_evaluate_counts_strict_matches() -> None:
    gold = [{"spans": [{"start": 0, "end": 3, "label": "APPLICATIONS"}, {"start": 5, "end": 8, "label": "TRAINING"}]}]
    pred = [[{"start": 0, "end": 3, "label": "APPLICATIONS"}, {"start": 5, "end": 7, "label": "TRAINING"}]]
    s = evaluate(gold, pred)
    assert (s["APPLICATIONS"]["tp"], s["TRAINING"]["fp"], s["TRAINING"]["fn"]) == (1, 1, 1)
    assert s["micro"]["p"] == pytest.approx(0.5) and s["micro"]["r"] == pytest.approx(0.5)


def test_cli_in_out_standoff_and_eval(tmp_path, capsys) -> None:
    src = tmp_path / "in.jsonl"
    text = "全年共收到政府信息公开申请18件，办结率100%。"
    src.write_text(json.dumps({"id": "t1", "text": text}, ensure_ascii=False) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert main(["--in", str(src), "--out", str(out)]) == 0
    rec = json.loads(out.read_text(encoding="utf-8"))
    assert [text[s["start"]:s["end"]] for s in rec["spans"]] == ["18件", "100%"]
    so = tmp_path / "so.jsonl"
    assert main(["--in", str(src), "--out", str(so), "--standoff"]) == 0
    rows = [json.loads(line) for line in so.read_text(encoding="utf-8").splitlines()]
    assert rows and all(set(r) == {"id", "start", "end", "label"} for r in rows)
    gold = tmp_path / "gold.jsonl"
    gold.write_text(out.read_text(encoding="utf-8"), encoding="utf-8")
    assert main(["--eval", str(gold)]) == 0
    assert "micro" in capsys.readouterr().out


def test_quality_on_real_train_set(shared_dir) -> None:
    """Regression guard on the real train set (the rules were tuned on it; never on dev)."""
    path = shared_dir / "train" / "narrative.jsonl"
    if not path.exists():
        pytest.skip("no ../shared/train/narrative.jsonl")
    gold = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    scores = evaluate(gold, [weak_label(r["text"]) for r in gold])
    assert scores["micro"]["f1"] > 0.75


def test_rates_of_service_matters_are_no_response_rates() -> None:
    """labels.md: service matters are not requests from the public, so their rates are O; a rate about
    hotline requests or applications in the same kind of sentence stays a response rate."""
    from ie.keywords import rate_of_service_matters

    text = "全年共受理各类服务事项14435件,办结率100%。政务服务事项网上办理率达94%。"
    assert labels(text) == []
    i = text.index("100%")
    assert rate_of_service_matters(text, i, i + 4)
    kept = "12345热线交办事项办结135件,办结率100%。全年受理政府信息公开申请40件,按时办结率100%。"
    assert [lab for _, lab in labels(kept) if lab == "RESPONSE_RATE"] == ["RESPONSE_RATE", "RESPONSE_RATE"]


def test_people_are_neither_items_nor_press_events() -> None:
    """领导出席新闻发布会25人次 counts appearances, not press events; people trained stay TRAINING."""
    from ie.keywords import counts_people_for, weak_label

    text = "举办新闻发布会19场,区领导出席新闻发布会共计25人次。举办培训班2期,培训80人次。"
    got = [(text[s["start"]:s["end"]], s["label"]) for s in weak_label(text)]
    assert ("19场", "PRESS_EVENTS") in got and not any(q == "25人次" for q, _ in got)
    assert ("80人次", "TRAINING") in got
    assert counts_people_for("PRESS_EVENTS", "人次") and not counts_people_for("TRAINING", "人次")


def test_policy_briefings_are_no_press_events() -> None:
    """召开政策说明会2场 is a briefing, not a press conference (O); 政策吹风会 stays a press event."""
    from ie.keywords import label_vetoed

    text = "共召开政策说明会2场,举办3场政策说明会,举行政策吹风会6次,出席发布会12人次。"
    at = {q: (text.index(q), text.index(q) + len(q)) for q in ("2场", "3场", "6次", "12人次")}
    assert label_vetoed("PRESS_EVENTS", text, *at["2场"]) and label_vetoed("PRESS_EVENTS", text, *at["3场"])
    assert not label_vetoed("PRESS_EVENTS", text, *at["6次"])
    assert label_vetoed("PRESS_EVENTS", text, *at["12人次"]) and not label_vetoed("TRAINING", text, *at["12人次"])
    docs = "公开行政规范性文件42件,人事任免文件16件。"
    i, j = docs.index("42件"), docs.index("16件")
    assert not label_vetoed("POLICY_DOCS", docs, i, i + 3) and label_vetoed("POLICY_DOCS", docs, j, j + 3)
    papers = "全年共制发公文4476件,公开行政规范性文件12件。"
    i, j = papers.index("4476件"), papers.index("12件")
    assert label_vetoed("POLICY_DOCS", papers, i, i + 5) and not label_vetoed("POLICY_DOCS", papers, j, j + 3)
    made = "共制作政府信息3021条,其中主动公开信息1027条,依申请公开信息459条。全年依申请公开政府信息18件。"
    i, j = made.index("459条"), made.index("18件")
    assert label_vetoed("APPLICATIONS", made, i, i + 4) and not label_vetoed("APPLICATIONS", made, j, j + 3)
    # information released as on-request information is no application (round r46)
    released = "主动公开信息数为312条,作为依申请公开信息数为0条,不予公开信息数为0条。收到依申请公开0件。"
    i, j = released.index("0条"), released.index("0件")
    assert label_vetoed("APPLICATIONS", released, i, i + 2) and not label_vetoed("APPLICATIONS", released, j, j + 2)
    apps = ("共计64件。其中,通过信函提交申请的6件,占比9.38%。公民个人提出申请62件,占比96.88%;法人或其他组织提出申请3件。"
            "2023年,共收到自然人申请5件,均按规定办理。")
    for figure, vetoed in (("6件", True), ("62件", True), ("5件", False)):  # 5件: a whole named by its applicants
        i = apps.index(figure)
        assert label_vetoed("APPLICATIONS", apps, i, i + len(figure)) is vetoed, figure
    others = ("市人民政府网站采用信息228条、省民政厅采用信息345条,门户网站发布信息500条。公开人大政协建议提案办理意见66件,"
              "回复网民留言12条。制作依申请公开信息495条,收到申请7件。公民申请113宗,法人和其他组织申请11宗。")
    for figure, label, vetoed in (("228条", "DISCLOSED_WEBSITE", True), ("345条", "DISCLOSED_WEBSITE", True),
                                  ("500条", "DISCLOSED_WEBSITE", False), ("66件", "HOTLINE_RESOLVED", True),
                                  ("12条", "HOTLINE_RESOLVED", False), ("495条", "APPLICATIONS", True),
                                  ("7件", "APPLICATIONS", False), ("11宗", "APPLICATIONS", True)):
        i = others.index(figure)
        assert label_vetoed(label, others, i, i + len(figure)) is vetoed, figure
    rates = ("收到行政复议3件,均为维持具体行政行为,办结率达100%。人大建议、政协提案均已办理完毕,办结率为99%。"
             "12345热线交办事项和政协提案办理结果均已公开,办结率98%。")
    rates += "开展网站满意度测评1次,参与测评人数满意度为97%。"
    for figure, vetoed in (("100%", True), ("99%", True), ("98%", False), ("97%", True)):  # 98%: the hotline's too
        i = rates.index(figure)
        assert label_vetoed("RESPONSE_RATE", rates, i, i + len(figure)) is vetoed, figure
    running = "我乡在县政府网站共主动公开政府信息615条,今年新增94条。"
    i, j = running.index("615条"), running.index("94条")
    assert label_vetoed("DISCLOSED_WEBSITE", running, i, i + 4) and not label_vetoed("DISCLOSED_WEBSITE", running, j, j + 3)
    stock = ("发布区人民政府及办公室现行有效行政规范性文件36件,持续有效规范性文件1个,新制发规范性文件5件。"
             "集中公开现行有效的政府规章7件、规范性文件218件。")
    for figure, vetoed in (("36件", True), ("1个", True), ("5件", False), ("7件", True), ("218件", True)):
        i = stock.index(figure)
        assert label_vetoed("POLICY_DOCS", stock, i, i + len(figure)) is vetoed, figure
    consult = ("开展意见征集12期,收到公开意见建议8条。发布征集调查9期,收集意见数量63条。互动栏目(留言办理、征集调查)"
               "共收到网络用户留言49条。开展满意度调查,12345热线收到意见建议31条。")
    for figure, vetoed in (("8条", True), ("63条", True), ("49条", False), ("31条", False)):  # 49, 31: requests
        i = consult.index(figure)
        assert label_vetoed("HOTLINE_RECEIVED", consult, i, i + len(figure)) is vetoed, figure


def test_since_the_reporting_year_is_not_several_years() -> None:
    """今年以来 and <the latest year named>年以来 state the reporting year's figure; 2008年以来 in a later
    year's report, 历年 or 条例实施以来 sum several years (labels.md, time scope)."""

    assert labels("今年以来,本单位通过青河政府网和各类新媒体平台,发布各类政务信息422条。") == [("422条", "DISCLOSED_TOTAL")]
    assert labels("2021年以来,青山街道办事处主动公开信息数为286条。") == [("286条", "DISCLOSED_TOTAL")]
    assert labels("青山区2021年度报告。2008年以来,累计主动公开信息4286条。") == []
    assert labels("条例实施以来,主动公开信息286条。") == []


def test_a_figure_whose_own_clause_receives_counts_what_came_in() -> None:
    """对网民的咨询投诉件及时处理并反馈,截至目前共收到N件咨询投诉件,已办结M件: N is received, M resolved."""
    from ie.keywords import weak_label

    text = "依托青山12345便民服务平台,对网民的咨询投诉件及时处理并反馈,全年共收到1556件咨询投诉件,已办结1504件。"
    got = [(text[s["start"]:s["end"]], s["label"]) for s in weak_label(text)]
    assert got == [("1556件", "HOTLINE_RECEIVED"), ("1504件", "HOTLINE_RESOLVED")]
    # a heading's 处理 before the clause's own 接受 does not make the figure resolved
    text = "四、政府信息公开咨询处理情况 本局2017年度共接受市民针对政府信息公开的咨询12次。回复网民留言25条。"
    got = [(text[s["start"]:s["end"]], s["label"]) for s in weak_label(text)]
    assert got == [("12次", "HOTLINE_RECEIVED"), ("25条", "HOTLINE_RESOLVED")]


def test_reposted_and_published_is_the_bodys_own_figure() -> None:
    """转载 alone counts others' items (O); 转载、发布解读信息0条 and 发布转载政策解读17条 are the body's own."""

    assert labels("2022年,青山局未出台规范性文件,转载、发布解读信息0条。") == [("0条", "INTERPRETATIONS")]
    assert labels("全年发布转载政策解读17条。") == [("17条", "INTERPRETATIONS")]
    assert labels("转载重大政策信息765条。") == []


def test_applications_split_by_subject_are_no_policy_documents() -> None:
    """从申请的信息内容来看,…政策法规类1件 sorts the applications by subject (O); 发布政策法规类信息12条 stays."""
    from ie.keywords import weak_label

    text = "从申请的信息内容来看,行政许可类5件,拆迁安置信息1件,政策法规类2件。"
    assert not any(s["label"] == "POLICY_DOCS" for s in weak_label(text))
    kept = "全年在门户网站发布政策法规类信息12条。"
    assert [s["label"] for s in weak_label(kept)] != []


def test_the_bodys_own_place_inside_the_disclosure_phrase() -> None:
    """主动公开朋普镇政府信息共597条 (the town's own name inside the phrase) states the year's total, also after
    <the reporting year>年以来 that a 40-character window cuts in two; 2008年以来 in a later report does not."""

    s = "2024年以来,通过市政府政务网站、新媒体平台、宣传栏等方式主动公开青河镇政府信息共597条。"
    assert labels(s) == [("597条", "DISCLOSED_TOTAL")]
    assert labels("2024年工作。" + s.replace("2024年以来", "2008年以来")) == []
    assert labels("通过门户网站主动公开青河镇政府信息共59条。") == [("59条", "DISCLOSED_WEBSITE")]


def test_applications_received_and_answered_are_applications() -> None:
    """受理并…答复 counts what came in (labels.md: 受理 counts are APPLICATIONS); answered alone stays O."""

    assert labels("全年受理并按时限要求及时办理回复依申请公开件6件。") == [("6件", "APPLICATIONS")]
    assert labels("全年受理并办结政府信息公开申请23件。") == [("23件", "APPLICATIONS")]
    assert labels("全年答复政府信息公开申请23件。") == []
    assert labels("全年办理答复政府信息公开申请 7 件。") == [("7 件", "APPLICATIONS")]


def test_documents_the_gazette_carried_are_gazette_items() -> None:
    """编发公报24期,刊登政府规章、规范性文件等112件: the items the gazette carried (record.md prefers them to the
    issues); a clause of its own on documents stays POLICY_DOCS."""
    from ie.keywords import weak_label

    text = "全年共编发公报24期,刊登政府规章、规范性文件等112件,部门规范性文件45件。"
    assert [(text[s["start"]:s["end"]], s["label"]) for s in weak_label(text)] == [
        ("24期", "DISCLOSED_GAZETTE"), ("112件", "DISCLOSED_GAZETTE"), ("45件", "POLICY_DOCS")]


def test_news_media_reach_only_their_own_list_item() -> None:
    """The figure after 通过新闻媒体公开信息160余条 in the same list is another channel's, not news placed with
    media (the keyword rules read it as a total; the part the media placed is a press event)."""
    text = "通过新闻媒体公开信息160余条、通过其他形式公开信息60余条。"
    got = {text[sp["start"]:sp["end"]]: sp["label"] for sp in weak_label(text)}
    assert got["160余条"] == "PRESS_EVENTS" and got.get("60余条") != "PRESS_EVENTS"


def test_a_channel_named_with_a_kind_of_item_after_a_list_of_platforms() -> None:
    """其中微信公众号发布政务动态85条 after a list of platforms and no figure is the account's figure; after a figure,
    a kind of item split off it (其中政务动态…) stays O, and so does an item with siblings of its own."""
    text = ("我镇运用镇级公众号、公示栏等平台主动公开相关事项,其中微信公众号发布政务动态85条,"
            "对群众关注的相关政策进行解读。")
    assert labels(text) == [("85条", "DISCLOSED_NEWMEDIA")]
    assert ("14条", "DISCLOSED_WEBSITE") not in labels("门户网站发布信息300条,其中网站发布政务动态40条,通知公告14条。")


def test_a_list_of_examples_then_contents_is_the_disclosure_figure() -> None:
    """…、…等内容139条 after a channel's publishing verb counts what the channel published, like …等信息."""
    assert labels("通过门户网站发布政策文件、公告类信息、综合政务等内容139条。") == [("139条", "DISCLOSED_WEBSITE")]
    assert labels("我局在政府网站主动公开义务教育领域信息、基础信息、行政执法信息等274 条。") == [
        ("274 条", "DISCLOSED_WEBSITE")]


def test_a_figure_before_its_noun_after_a_clause_about_other_things() -> None:
    """发布1508条信息: the figure names what it counts after it; a category word of the clause before (宣传…工作动态)
    does not make it a category."""
    text = "全年利用电视台、报刊、网站、微信公众号等平台宣传各项工作动态,发布1508条信息。"
    assert labels(text) == [("1508条", "DISCLOSED_TOTAL")]


def test_received_and_resolved_in_one_verb_count_what_came_in() -> None:
    """受理办结部门信箱留言1条 (no conjunction) is read like 接收并回应: the requests received."""
    assert labels("今年以来受理办结部门信箱留言1条,已按时办结。") == [("1条", "HOTLINE_RECEIVED")]


def test_requests_named_after_the_figure_with_a_handling_verb_before() -> None:
    """认真办理415条次市民留言: handled (市民 after a figure names people writing, not a city)."""
    assert labels("认真办理415条次市民留言。") == [("415条次", "HOTLINE_RESOLVED")]
    assert labels("收到327条网民留言。") == [("327条", "HOTLINE_RECEIVED")]


def test_on_request_class_and_applicants_capacity_are_no_applications() -> None:
    """依申请公开0件 as a class of the documents a figure before counts, and applications counted by the applicant's
    capacity (以组织名义), are no applications received; a statement of its own after a semicolon is."""
    from ie.keywords import label_vetoed

    def vetoed(text: str, q: str) -> bool:
        i = text.rindex(q) + len(q) - 2  # the quantity (two characters) ends the needle
        return label_vetoed("APPLICATIONS", text, i, i + 2)

    assert vetoed("2021年,我镇共发文96件,其中主动公开文件0件,不公开文件96件,依申请公开0件。", "0件")
    assert vetoed("全年发布各类信息684条,其中机构概况类1条、依申请公开信息0条。", "0条")
    assert vetoed("累计公开206条,其中主动公开信息数为206条,依申请公开信息数为0条,不予公开信息数为0条。", "依申请公开信息数为0条")
    assert vetoed("以组织名义提交的政府信息申请有2件。", "2件")
    assert not vetoed("网站主动公开信息759条,其中政务动态类信息103条;依申请公开信息30条。", "30条")
    assert not vetoed("2021年,依申请公开0件。", "0件")


def test_news_media_of_a_level_and_above() -> None:
    """市级及以上媒体公开205条: news placed with media, like 省级以上媒体."""
    assert labels("市级及以上媒体公开205条。") == [("205条", "PRESS_EVENTS")]


def test_applications_submitted_through_a_channel_are_no_disclosures() -> None:
    """其中通过县政府网站在线提交10件 splits the applications by channel: no website figure."""
    from ie.keywords import label_vetoed

    text = "全年累计受理依申请公开13件,其中通过县政府网站在线提交10件,信函申请3件。"
    i = text.index("10件")
    assert label_vetoed("DISCLOSED_WEBSITE", text, i, i + 3)
    plain = "通过县政府网站发布信息10件。"
    i = plain.index("10件")
    assert not label_vetoed("DISCLOSED_WEBSITE", plain, i, i + 3)


def test_a_kind_of_event_between_the_figure_and_its_name() -> None:
    """召开3场专题新闻发布会, 12场例行新闻发布会: 专题/例行 between the figure and the event's name."""
    assert labels("2021年我局共召开3场专题新闻发布会。") == [("3场", "PRESS_EVENTS")]
    assert labels("全年举行12场例行新闻发布会。") == [("12场", "PRESS_EVENTS")]


def test_applications_handled_after_a_clause_about_requests_are_no_hotline_figure() -> None:
    """labels.md: counts of applications 办结 are O. A word about requests (诉求) a sentence earlier does not make
    the 办结 figure after the applications received a hotline figure (round r55)."""
    from ie.keywords import weak_label

    text = ("(二)依申请公开方面。加强与申请人沟通交流,精准掌握实际诉求,提高办理质量。2024年,全区共接收政府信息公开申请"
            "633件,同比上升4.6%;上年结转23件。全年共办结606件,另有50件结转下年度继续办理。")
    got = [(text[s["start"]:s["end"]], s["label"]) for s in weak_label(text)]
    assert got == [("633件", "APPLICATIONS")]
    # …while requests just before the figure still make it resolved
    text = "畅通群众诉求渠道,全年共办结群众来信606件。"
    assert [(text[s["start"]:s["end"]], s["label"]) for s in weak_label(text)] == [("606件", "HOTLINE_RESOLVED")]
