"""Person names in Chinese, Japanese and Korean sentences (``cases/_cjk_names.py``): the forms the
press and the authorities print, full names found by each language's tool, and the people around
the accused (judges, speakers, counterparts) left out. Sentences written for this test."""

from __future__ import annotations

import pytest

from spyglass.understand.cases import _cjk_names
from spyglass.understand.cases.facts import SentenceFacts, facts_of
from spyglass.understand.sentences import Sentence

NAMES: list[tuple[str, str, list[str]]] = [
    # Chinese: the authorities' forms, Simplified and Traditional
    ("zh", "法院以间谍罪判处刘某有期徒刑十年。", ["刘某"]),
    ("zh", "检察机关依法对周某某提起公诉。", ["周某某"]),
    ("zh", "在校大学生王某某与同学李某被判处有期徒刑。", ["王某某", "李某"]),
    ("zh", "以间谍罪判处日本籍男子山下某有期徒刑三年。", ["山下某"]),
    ("zh", "前海軍士官長黃姓男子與同單位的林姓士官被控洩密。", ["黃姓男子", "林姓"]),
    ("zh", "歐陽某某涉嫌為境外刺探國家秘密。", ["歐陽某某"]),
    # ... full names introduced by a role, a person noun or a step, ended by a particle or a stop
    ("zh", "調查局拘提退役陸軍上校陳志明，並搜索其住處。", ["陳志明"]),
    ("zh", "陳志明自2019年起受中國國家安全部人員吸收。", ["陳志明"]),
    ("zh", "被告人张家豪被控为境外窃取国家秘密。", ["张家豪"]),
    ("zh", "台北地檢署起訴退役中將高安國等人。", ["高安國"]),
    ("zh", "國軍士官長謝宗翰2019年起多次洩密。", ["謝宗翰"]),
    # ... not names: a place after a preposition, an institution, everyday words
    ("zh", "搜索其位於桃園的住處。", []),
    ("zh", "台灣高等法院今日審結一起共諜案。", []),
    ("zh", "海巡署一名士官疑似翻拍機密資料。", []),
    # ... officials, speakers and counterparts are not the accused
    ("zh", "审判长王某宣读判决。", []),
    ("zh", "发言人赵某某表示，中方依法审理此案。", []),
    ("zh", "他将资料交给化名李某的境外人员。", []),
    # Japanese: fugashi's 人名, names before 容疑者 or 被告 the dictionary lacks
    ("ja", "東京都町田市の元社員、佐々木健二容疑者（52）を逮捕した。", ["佐々木健二"]),
    ("ja", "元防衛省技官、高橋誠被告（61）の判決で、東京地裁は懲役3年を言い渡した。", ["高橋誠"]),
    ("ja", "警視庁は中国籍の王建国容疑者（45）を書類送検した。", ["王建国"]),
    ("ja", "公安部はロシア人のイワノフ・セルゲイ容疑者を逮捕した。", ["イワノフ・セルゲイ"]),
    ("ja", "佐藤裁判長は「悪質な犯行だ」と述べた。", []),
    ("ja", "元陸上自衛隊1等陸佐の男性（64）を起訴した。", []),
    # Korean: privacy forms, a full name with an age or 씨, kiwipiepy's proper nouns
    ("ko", "경찰은 김모(45)씨를 구속했다고 밝혔다.", ["김모"]),
    ("ko", "전 노조 간부 최모씨 등 4명을 구속기소했다.", ["최모"]),
    ("ko", "군무원 A씨에게 징역 15년을 선고했다.", ["A씨"]),
    ("ko", "대법원은 한철민(52)에게 무기징역을 선고한 원심을 확정했다.", ["한철민"]),
    ("ko", "검찰은 정혜진 씨를 국가보안법 위반 혐의로 기소했다.", ["정혜진"]),
    ("ko", "간첩 혐의로 기소된 남궁민수가 첫 공판에 출석했다.", ["남궁민수"]),
    ("ko", "서울중앙지법 김철수 부장판사는 징역 10년을 선고했다.", []),
    ("ko", "러시아 측에 자료를 넘긴 혐의로 기소됐다.", []),
]


@pytest.mark.parametrize(("lang", "sentence", "names"), NAMES)
def test_names_in(lang: str, sentence: str, names: list[str]) -> None:
    assert [n.text for n in _cjk_names.names_in(sentence, lang)] == names


def _article(lang: str, *sentences: str) -> list[SentenceFacts]:
    facts = []
    start = 0
    for i, text in enumerate(sentences):
        facts.append(facts_of(i, Sentence(start, start + len(text), text), lang=lang))
        start += len(text) + 1
    _cjk_names.read_cjk_persons(facts, lang)
    return facts


LATER_MENTIONS: list[tuple[str, tuple[str, ...], list[list[str]]]] = [
    # a later form by surname carries the form that introduced the person
    ("zh", ("前海軍士官長黃姓男子被控洩密給中共。", "合議庭判處黃男有期徒刑十二年。"), [["黃姓男子"], ["黃姓男子"]]),
    ("zh", ("調查局拘提退役上校陳志明。", "陳嫌向法院聲請羈押獲准。"), [["陳志明"], ["陳志明"]]),
    ("ja", ("佐々木健二容疑者（52）を逮捕した。", "佐々木容疑者は容疑を認めている。"), [["佐々木健二"], ["佐々木健二"]]),
    ("ko", ("경찰은 김모(45)씨를 구속했다.", "김씨는 혐의를 인정했다."), [["김모"], ["김모"]]),
    # a surname never introduced is not a later mention ("林男" alone is no one's)
    ("zh", ("合議庭判處林男有期徒刑五年。",), [[]]),
]


@pytest.mark.parametrize(("lang", "sentences", "persons"), LATER_MENTIONS)
def test_later_mentions_are_the_person_met_first(lang: str, sentences: tuple[str, ...], persons: list[list[str]]) -> None:
    facts = _article(lang, *sentences)
    assert [[h.text for h in f.persons] for f in facts] == persons


def test_other_languages_have_no_cjk_names() -> None:
    assert _cjk_names.names_in("Chen Zhiming was arrested.", "en") == []


def test_every_language_names_its_tool() -> None:
    assert set(_cjk_names.TOOLS) == _cjk_names.CJK_LANGS


def test_the_chinese_word_veto_is_jiebas_own_tag_table_where_a_name_can_stand() -> None:
    """The words read from jieba's dictionary file answer as jieba's loaded tag table does for
    every word a full name can be: two to four characters starting as a surname does."""
    import jieba
    import jieba.posseg

    jieba.setLogLevel(60)
    tagger = jieba.posseg.POSTokenizer(jieba.Tokenizer())
    tagger.load_word_tag(jieba.get_dict_file())
    starts = {surname[0] for surname in _cjk_names.surnames("zh")}
    asked = [word for word in tagger.word_tag_tab if word[:1] in starts and 2 <= len(word) <= 4]
    assert len(asked) > 50_000  # the dictionary, not an empty file
    for word in asked:
        assert _cjk_names._not_a_word(word) == tagger.word_tag_tab[word].startswith("nr"), word
    assert not _cjk_names._not_a_word("高等")  # an everyday word that starts like a name
    assert _cjk_names._not_a_word("陳志明")  # a name the dictionary does not hold


@pytest.mark.parametrize(("lang", "loader", "sentence", "name"), [
    ("ko", "_kiwi", "간첩 혐의로 기소된 남궁민수가 첫 공판에 출석했다.", "남궁민수"),
    ("zh", "_jieba_words", "被告人张家豪被控为境外窃取国家秘密。", "张家豪"),
])
def test_a_language_tool_is_loaded_by_the_first_sentence_that_needs_it(
    lang: str, loader: str, sentence: str, name: str
) -> None:
    """Preparing a language loads its tables, not its name tool: a crawl whose pages in the
    language are never about espionage never holds kiwipiepy's 200 MB model."""
    from spyglass.settings import load_settings
    from spyglass.understand import Analyzer

    tool = getattr(_cjk_names, loader)
    tool.cache_clear()
    Analyzer(load_settings()).prepare(lang)
    assert tool.cache_info().currsize == 0
    assert [n.text for n in _cjk_names.names_in(sentence, lang)] == [name]
    assert tool.cache_info().currsize == 1
