"""Chinese news, read end to end: paragraphs written for this test (invented people, units and
wording in the style of Taiwanese and Hong Kong reports in Traditional characters, and mainland
state-security announcements and court reports in Simplified ones), each with what an annotator
following SCHEMA.md would record. They were written before the Chinese rules and are kept as a
generalisation check: a failure is a weakness of the rules, not a text to fit.

Before the Chinese rules: 1 of 12 right (the drama review only). After: 12 of 12.
"""

from __future__ import annotations

import pytest

from spyglass.understand import quantities
from tests.understand.languages._news import NewsRow, check_news

NEWS: list[NewsRow] = [
    ("tw-arrest", "退役上校涉替中共蒐集軍情 調查局拘提聲押獲准",
     "法務部調查局昨（12）日拘提退役陸軍上校陳志明，並搜索其位於桃園的住處。檢調調查，陳志明自2019年起"
     "至2023年間，受中國國家安全部人員吸收，利用舊識關係向現役軍官打探部隊演訓資料，先後收受新台幣50萬元"
     "報酬。桃園地檢署複訊後，認其涉犯國家安全法等罪嫌重大，向法院聲請羈押獲准。",
     {"stage": "arrested", "sponsor": "CN", "service": "國家安全部", "target": "TW", "names": "陳志明",
      "count": 1, "payments": [(500000, "TWD")], "period": (2019, 2023)}),
    ("tw-two-sentenced", "海軍士官洩密給中共 高院判刑12年",
     "台灣高等法院今（20）日審結一起共諜案，前海軍士官長黃姓男子與同單位的林姓士官，被控在2020年至2022年"
     "間，將艦艇部署及操演計畫拍照後，透過通訊軟體交給中國大陸情報人員，黃男先後收受新台幣120萬元。合議庭"
     "依違反國家安全法等罪，判處黃男有期徒刑十二年、林男有期徒刑七年六個月，並褫奪公權。全案仍可上訴。",
     {"stage": "sentenced", "sponsor": "CN", "target": "TW", "names": "黃", "count": 2, "months": (90, 144),
      "payments": [(1200000, "TWD")], "period": (2020, 2022)}),
    ("cn-engineer-sentenced", "国家安全机关披露：军工研究所工程师被境外间谍策反 获刑十年",
     "国家安全部微信公众号近日披露一起案件。某军工研究所工程师刘某在网上求职时，被境外间谍情报机关人员以"
     "“咨询顾问”名义接触，2020年至2022年间先后向对方提供涉密文件30余份，收取报酬共计4.5万元人民币。国家"
     "安全机关依法对刘某采取强制措施。经审理，法院以间谍罪判处刘某有期徒刑十年，剥夺政治权利三年。",
     {"stage": "sentenced", "sponsor": None, "target": "CN", "names": "刘某", "months": (120, 120),
      "payments": [(45000, "CNY")], "period": (2020, 2022), "roles": ["工程师"]}),
    ("cn-charged-for-taiwan", "受台湾间谍情报机关指使搜集军事情报 周某某被提起公诉",
     "记者从福建省人民检察院获悉，被告人周某某于2021年通过网络结识台湾地区“军情局”人员，此后多次前往沿海"
     "军事管理区拍摄舰船照片，获取报酬人民币3.2万元。日前，检察机关以涉嫌间谍罪依法对周某某提起公诉。",
     {"stage": "charged", "sponsor": "TW", "service": "军情局", "target": "CN", "names": "周某某",
      "payments": [(32000, "CNY")], "period": (2021, None)}),
    ("ee-expels-russians", "爱沙尼亚驱逐两名俄罗斯外交官",
     "爱沙尼亚外交部27日宣布，将俄罗斯驻塔林大使馆的两名外交官列为“不受欢迎的人”，并要求他们在72小时内"
     "离境。爱沙尼亚方面称，两人从事与其外交官身份不符的活动，曾试图收集北约在当地驻军的情报。俄方表示将"
     "作出回应。",
     {"stage": "expelled", "sponsor": "RU", "target": "EE", "count": 2}),
    ("tw-suspect-bail", "海巡士官疑翻拍機密傳陸方 檢方分案偵辦",
     "海巡署一名林姓上士疑似在2023年間，將巡防艦勤務資料翻拍後，透過社群軟體傳送給中國大陸人士。國安單位"
     "掌握線報後，由調查局約談林男到案說明，台南地檢署已依國家機密保護法分案偵辦，訊後諭令以新台幣20萬元"
     "交保。",
     {"stage": "suspected", "sponsor": "CN", "target": "TW", "names": "林", "payments": [],
      "period": (2023, 2023)}),
    ("hk-arrest", "國安處拘捕兩男 涉為外國情報機構收集情報",
     "香港警務處國家安全處昨日在觀塘及荃灣拘捕兩名男子，年齡分別為34歲及41歲，涉嫌違反《維護國家安全條例》"
     "中的間諜活動罪。消息指，兩人自2023年起受英國情報機構指示，收集本港社運人士的活動資料，並收取約港幣18萬元"
     "報酬。",
     {"stage": "arrested", "sponsor": "GB", "count": 2, "payments": [(180000, "HKD")], "period": (2023, None)}),
    ("cn-japanese-sentenced", "日本籍男子犯间谍罪一审被判处有期徒刑三年六个月",
     "北京市第二中级人民法院15日公开宣判，以间谍罪判处日本籍男子山下某有期徒刑三年六个月，并处没收个人财产"
     "5万元人民币。法院审理查明，山下某自2017年起接受日本情报机关的任务，多次在华搜集情报。外交部发言人表示，"
     "中方依法审理此案，保障了当事人的各项权利。",
     {"stage": "sentenced", "sponsor": "JP", "target": "CN", "nationality": ["JP"], "names": "山下某",
      "months": (42, 42), "payments": [], "period": (2017, None)}),
    ("cn-students-suspended", "大学生向境外人员出售军港照片 被判有期徒刑两年",
     "据浙江省某市中级人民法院消息，在校大学生王某某2022年在网络兼职平台结识一名自称“杂志编辑”的境外人员，"
     "此后按对方要求多次拍摄军港停泊舰艇照片，获利8000余元。法院以为境外非法提供国家秘密罪判处王某某有期徒刑"
     "两年，缓刑三年。另一名参与拍摄的同学李某被判处有期徒刑一年六个月，缓刑两年。",
     {"stage": "sentenced", "sponsor": None, "target": "CN", "names": "王某某", "count": 2, "months": (18, 24),
      "payments": [(8000, "CNY")], "period": (2022, None)}),
    ("tw-stats", "國安局：去年共諜案起訴人數創新高",
     "國家安全局向立法院提交的報告指出，2024年經檢方起訴的共諜案共31件、涉案被告79人，2023年則為22件、被告"
     "48人，2022年為14件。報告分析，中共滲透對象以退役及現役軍人為大宗，占涉案人數逾六成。",
     {"no_case": True, "stats": {(2024, 31), (2023, 22), (2022, 14)}}),
    ("drama-review", "谍战剧《风声暗涌》收官 豆瓣评分8.6",
     "由陈立执导的谍战剧《风声暗涌》昨晚播出大结局。该剧讲述了1940年代上海地下工作者潜伏敌营、传递情报的"
     "故事，男主角在最后一集身份暴露、英勇牺牲的情节引发观众热议。制片方透露，第二季剧本已进入创作阶段，"
     "预计明年开机。",
     {"relevant": False}),
    ("trade-secret", "晶片設計公司控前工程師竊密 跳槽對手被起訴",
     "新竹一家晶片設計公司指控前研發工程師離職前下載大量電路設計檔案，跳槽至同業競爭對手後用於新產品開發。"
     "新竹地檢署偵結，依違反營業秘密法將該名工程師起訴，並求償新台幣3億元。業界形容此案是典型的「商業間諜」"
     "案件。",
     {"relevant": False}),
]


# Probes of generality, written after the first rules with forms the paragraphs above do not use
# (Hong Kong court words, a life term, digits in a term, a suspended term, sums that are no payment):
# 2 of 5 right when written; a failure is a rule that did not generalise.
PROBES: list[NewsRow] = [
    ("probe-cn-detained", "国家安全机关破获境外间谍策反案 一人被刑事拘留",
     "国家安全机关近日破获一起境外间谍情报机关策反案件，犯罪嫌疑人张某被依法刑事拘留。经查，张某自2021年起多次向境"
     "外人员出售涉密资料，获利共计12万元。",
     {"stage": "arrested", "names": "张某", "sponsor": None, "target": "CN", "payments": [(120000, "CNY")],
      "period": (2021, None)}),
    ("probe-tw-digits", "前陸軍上尉為中共發展組織 判刑6年8月",
     "台灣高等法院今天判決，前陸軍上尉吳姓男子於2018年至2021年間，受中國大陸人士指示，吸收現役軍人加入共諜組織"
     "，並收受新台幣300萬元，依違反國家安全法判處有期徒刑6年8月。",
     {"stage": "sentenced", "months": (80, 80), "sponsor": "CN", "target": "TW", "payments": [(3000000, "TWD")],
      "period": (2018, 2021), "names": "吳"}),
    ("probe-cz-expel", "捷克宣布驱逐一名俄罗斯外交官",
     "捷克外交部周二宣布，俄罗斯驻布拉格大使馆一名外交官被列为不受欢迎的人，须在三日内离境。捷方称，该外交官从事间谍活"
     "动。",
     {"stage": "expelled", "sponsor": "RU", "target": "CZ", "count": 1}),
    ("probe-cn-life", "前国家机关工作人员黄某被判处无期徒刑",
     "据报道，前国家机关工作人员黄某在2015年至2019年间，为境外间谍情报机关窃取、提供大量国家秘密，收取报酬折合"
     "人民币近百万元。法院以间谍罪判处黄某无期徒刑，剥夺政治权利终身，并处罚金人民币20万元。",
     {"stage": "sentenced", "months": ("life", "life"), "names": "黄某", "target": "CN", "period": (2015, 2019)}),
    ("probe-hk-charged", "兩男被控違反國安條例 今提堂",
     "兩名男子被控違反《維護國家安全條例》中的境外干預罪，今日在西九龍裁判法院提堂。控方指，兩人於2024年間協助外國"
     "情報機構收集本港人士資料。",
     {"stage": "charged", "count": 2, "period": (2024, 2024)}),
]
NEWS += PROBES


# Numbers, terms and sums in Chinese forms, read by the quantity readers (``understand/quantities``).
QUANTITIES: list[tuple[str, str, object]] = [
    ("number", "三百二十", 320), ("number", "十二", 12), ("number", "两", 2), ("number", "一亿六千万", 160_000_000),
    ("number", "4.5万", 45_000), ("number", "30余万", 300_000), ("number", "二十五万", 250_000),
    ("term", "判處有期徒刑十二年", 144), ("term", "有期徒刑七年六個月", 90), ("term", "有期徒刑一年又六个月", 18),
    ("term", "有期徒刑三年零六个月", 42), ("term", "判处有期徒刑7年6月。", 90), ("term", "有期徒刑三年半", 42),
    ("term", "无期徒刑", "life"), ("term", "2019年4月", None), ("term", "15日公开宣判", None),
    ("money", "收受新台幣50萬元", (500_000, "TWD")), ("money", "收取4.5万元人民币", (45_000, "CNY")),
    ("money", "获取报酬人民币3.2万元", (32_000, "CNY")), ("money", "收取约港幣18萬元", (180_000, "HKD")),
    ("money", "获利8000余元", (8000, "CNY")), ("money", "20万美元", (200_000, "USD")),
]

# Paragraphs the rules do not read yet, with the reason (strict: a pass must remove the mark).
FAILING: dict[str, str] = {}


def _param(row: NewsRow) -> object:
    marks = [pytest.mark.xfail(strict=True, reason=FAILING[row[0]])] if row[0] in FAILING else []
    return pytest.param(*row[1:], id=row[0], marks=marks)


@pytest.mark.parametrize(("title", "body", "want"), [_param(row) for row in NEWS])
def test_chinese_news(title: str, body: str, want: dict[str, object]) -> None:
    check_news(title, body, want, "zh")


@pytest.mark.parametrize(("kind", "text", "value"), QUANTITIES)
def test_chinese_quantities(kind: str, text: str, value: object) -> None:
    if kind == "number":
        assert quantities.number_of(text, "zh") == value
    elif kind == "term":
        assert [d.value for d in quantities.durations_as_quantities(text, "zh")][:1] == ([value] if value is not None else [])
    else:
        assert [(m.amount, m.currency) for m in quantities.money_in(text, "zh")] == [value]
