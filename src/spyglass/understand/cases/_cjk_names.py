"""Person names in Chinese, Japanese and Korean news, kept in their script, and which of them may
be the accused.

Each language is read by what found its names best on our sentences (the names table of
``tests/understand/cases/test_cjk_names.py`` and the accused of the news paragraphs of
``tests/understand/languages``; precision / recall over the table's names; see ``TOOLS``):

- Chinese: the forms the authorities print (刘某, 王某某, 黃姓男子, then 黃男, 林嫌) and full names
  where a role, "被告" or a step introduces them and a particle or a stop ends them (上校陳志明，);
  jieba's dictionary vetoes everyday words that start like a name (高等, 海巡): 1.00 / 1.00, all 7
  accused of the paragraphs. jieba's own person tags (posseg ``nr``, filtered by surname) need its
  HMM, 12-36 ms a sentence, and read Traditional text badly: 0.55 / 0.46, 4 of 7.
- Japanese: fugashi with unidic-lite, whose dictionary tags 人名 (姓, 名); a run of kanji or
  katakana before 容疑者 or 被告 is a name too (a Chinese or Russian name the dictionary lacks):
  1.00 / 1.00 together, fugashi alone 0.75 / 0.75.
- Korean: the privacy forms (김모(45)씨, A씨, 한철민(52)) and kiwipiepy's proper nouns (NNP) that
  start with a surname: 1.00 / 1.00 together, the forms alone 1.00 / 0.83, kiwipiepy alone 0.75 / 0.50.

The forms, surnames and the words that make a name an official's or a counterpart's are data
(``tables/cjk_names.tsv``, ``tables/cjk_surnames.tsv``). Each tool is loaded once, on the first
sentence that needs it, off the clock of that sentence's document.
Later mentions by surname ("黃男", "김씨", "高橋被告") are the person met first with that surname:
every mention carries that first printed form, so a proceeding sees one person.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache, wraps
from typing import TYPE_CHECKING, Any, TypeVar

from spyglass.budget import off_the_clock
from spyglass.understand import lexicon
from spyglass.understand.lexicon.hits import Hit, countries_in, roles_in, services_in
from spyglass.understand.tables import read_rows, split_cell

if TYPE_CHECKING:
    from spyglass.understand.cases.facts import SentenceFacts

__all__ = ["CJK_LANGS", "TOOLS", "Name", "names_in", "read_cjk_persons"]

CJK_LANGS = frozenset({"zh", "ja", "ko"})
TOOLS = {"zh": "rules + jieba dictionary", "ja": "fugashi + unidic-lite", "ko": "rules + kiwipiepy NNP"}

_HAN = "[\u4e00-\u9fff]"
_KANA = "[\u30a1-\u30fa]"
_HANGUL = "[\uac00-\ud7af]"


@dataclass(frozen=True)
class Name:
    """A person's name in one sentence: its span, the printed form, the surname that links
    later mentions, and the rule that found it."""

    start: int
    end: int
    text: str
    surname: str
    rule: str


@cache
def _rows() -> dict[tuple[str, str], tuple[tuple[str, str], ...]]:
    """(lang, kind) -> ((id, pattern), ...); rows that repeat an id continue its pattern."""
    joined: dict[tuple[str, str, str], str] = {}
    for rid, lang, kind, pattern in read_rows("cjk_names.tsv", 4):
        joined[(lang, kind, rid)] = joined.get((lang, kind, rid), "") + pattern
    out: dict[tuple[str, str], list[tuple[str, str]]] = {}
    for (lang, kind, rid), pattern in joined.items():
        out.setdefault((lang, kind), []).append((rid, pattern))
    return {key: tuple(rows) for key, rows in out.items()}


@cache
def surnames(lang: str) -> tuple[str, ...]:
    """The surnames of ``lang``, longest first (two-character surnames before their first one)."""
    found = {s for row_lang, cell in read_rows("cjk_surnames.tsv", 2) if row_lang == lang for s in split_cell(cell)}
    return tuple(sorted(found, key=len, reverse=True))


def _alternation(words: Iterable[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True)) or "(?!)"


def _fill(pattern: str, lang: str, known: Iterable[str] = ()) -> str:
    return (pattern.replace("{S}", f"(?:{_alternation(surnames(lang))})").replace("{K}", f"(?:{_alternation(known)})")
            .replace("{H}", _HAN).replace("{KANA}", _KANA))


@cache
def _patterns(lang: str, kind: str) -> tuple[tuple[str, re.Pattern[str]], ...]:
    return tuple((rid, re.compile(_fill(p, lang))) for rid, p in _rows().get((lang, kind), ()))


@cache
def _one(lang: str, kind: str) -> re.Pattern[str] | None:
    """All rows of one kind as one pattern (context, end, suffix, not_before, not_after)."""
    rows = _rows().get((lang, kind), ())
    return re.compile("|".join(f"(?:{_fill(p, lang)})" for _rid, p in rows)) if rows else None


@cache
def _back(lang: str, known: frozenset[str]) -> tuple[tuple[str, re.Pattern[str]], ...]:
    """The later-mention forms of ``lang`` for the surnames met so far in an article."""
    return tuple((rid, re.compile(_fill(p, lang, known))) for rid, p in _rows().get((lang, "back"), ()))


def _by_forms(text: str, patterns: Iterable[tuple[str, re.Pattern[str]]]) -> list[Name]:
    out = []
    for rid, pattern in patterns:
        for m in pattern.finditer(text):
            out.append(Name(m.start("name"), m.end("name"), m.group("name"), m.group("surname"), rid))
    return out


_T = TypeVar("_T")


def _tool(load: Callable[[], _T]) -> Callable[[], _T]:
    """``load`` run once, on the first sentence that needs the tool, off its document's clock
    (``budget.off_the_clock``). Not before: a crawl whose pages in the language are never about
    espionage never holds the tool (kiwipiepy's model alone is 200 MB in each worker)."""

    @cache
    @wraps(load)
    def loaded() -> _T:
        with off_the_clock():
            return load()

    return loaded


# ---------------------------------------------------------------- Chinese


@_tool
def _jieba_words() -> frozenset[str]:
    """The words of jieba's dictionary that may look like a name here and are none: two to four
    characters, starting as a Chinese surname does, tagged other than a person name (``nr``).
    Read straight from its dictionary file (0.2 s, about 16,000 words): loading jieba's
    tokenizer for its tag table took a second and 115 MB, for 349,046 words this never asks."""
    import jieba

    starts = {surname[0] for surname in surnames("zh")}
    words: dict[str, str] = {}
    with jieba.get_dict_file() as lines:  # the dictionary in jieba's package: nothing is downloaded
        for line in lines:
            word, _frequency, tag = line.decode("utf-8").split()
            if word[:1] in starts and 2 <= len(word) <= _LONGEST_NAME:
                words[word] = tag  # a word listed twice keeps its last tag, as jieba's own table does
    return frozenset(word for word, tag in words.items() if not tag.startswith("nr"))


_LONGEST_NAME = 4  # a surname of one or two characters, a given name of one or two (``_zh_full_names``)
_PRIVACY_MARKS = frozenset("某姓男女嫌")


def _zh_full_names(text: str) -> list[Name]:
    """A surname and one or two characters, introduced by a role, a person noun or a step and
    ended by punctuation, a particle or a verb: "上校陳志明，", "被告人张家豪被控". The longer name
    is taken where both end well ("陳志明自" not "陳志"); a dictionary word that is no name is not one."""
    context, end = _one("zh", "context"), _one("zh", "end")
    if context is None or end is None:
        return []
    role_ends = {h.end for h in roles_in(text, "zh")}
    out: list[Name] = []
    for m in _surname_re("zh").finditer(text):
        start = m.start()
        if start not in role_ends and not context.search(text, max(0, start - 6), start):
            continue
        for length in (2, 1):
            stop = m.end() + length
            given = text[m.end() : stop]
            if len(given) < length or not re.fullmatch(f"{_HAN}+", given) or set(given) & _PRIVACY_MARKS:
                continue  # "刘某", "黃姓", "林男" are the authorities' forms, read by the table
            if end.match(text[stop:]) and _not_a_word(text[start:stop]):
                out.append(Name(start, stop, text[start:stop], m.group(), "name.zh.full"))
                break
    return out


@cache
def _surname_re(lang: str) -> re.Pattern[str]:
    return re.compile(_alternation(surnames(lang)))


def _not_a_word(name: str) -> bool:
    return name not in _jieba_words()


# ---------------------------------------------------------------- Japanese


@_tool
def _fugashi() -> Any:
    """fugashi's MeCab tagger with unidic-lite (loaded once)."""
    import fugashi

    return fugashi.Tagger()


def _ja_names(text: str) -> list[Name]:
    """Runs of fugashi's 人名 words: 姓 then 名 ("佐々木健二"), a 姓 alone ("高橋"), foreign names
    (一般) joined by ・ ("イワノフ・セルゲイ")."""
    out: list[Name] = []
    pos, run = 0, list[tuple[int, int, str]]()  # (start, end, kind) of the words of one name
    for word in _fugashi()(text):
        start = text.find(word.surface, pos)
        if start < 0:
            continue
        pos = start + len(word.surface)
        kind = word.feature.pos4 if word.feature.pos3 == "人名" else "・" if word.surface == "・" and run else ""
        if kind in ("姓", "一般") and run and run[-1][2] != "・" and not (kind == "一般" and run[-1][2] == "一般"):
            out.append(_ja_run(text, run))  # a new surname starts a new name
            run = []
        if kind:
            run.append((start, pos, kind))
        elif run:
            out.append(_ja_run(text, run))
            run = []
    if run:
        out.append(_ja_run(text, run))
    return [n for n in out if n.surname]


def _ja_run(text: str, run: list[tuple[int, int, str]]) -> Name:
    while run and run[-1][2] == "・":
        run = run[:-1]
    if not run or run[0][2] not in ("姓", "一般"):
        return Name(0, 0, "", "", "name.ja.fugashi")  # a given name alone says too little
    first = run[0]
    return Name(first[0], run[-1][1], text[first[0] : run[-1][1]], text[first[0] : first[1]], "name.ja.fugashi")


def _ja_before_suffix(text: str) -> list[Name]:
    """The kanji or katakana right before 容疑者/被告: a name the dictionary may lack (王建国)."""
    suffix = _one("ja", "suffix")
    if suffix is None:
        return []
    out = []
    for m in re.finditer(rf"(?:[\u4e00-\u9fff々]{{2,5}}|{_KANA}[\u30a0-\u30ff・]{{1,20}})(?=(?:{suffix.pattern}))", text):
        word = m.group()
        if roles_in(word, "ja") or countries_in(word, "ja") or services_in(word):
            continue  # "元社員", "中国人": a role or a nationality, not a name
        out.append(Name(m.start(), m.end(), word, word.split("・")[0], "name.ja.before_suffix"))
    return out


# ---------------------------------------------------------------- Korean


@_tool
def _kiwi() -> Any:
    """kiwipiepy's analyser with its packaged model (loaded once)."""
    from kiwipiepy import Kiwi

    return Kiwi(load_typo_dict=False, load_multi_dict=False)  # typo and multi-word dictionaries: half the load time


def _ko_proper_nouns(text: str) -> list[Name]:
    """kiwipiepy's proper nouns of three or four syllables that start with a surname and name
    no state, place or service ("한철민", not "러시아" nor "서울중앙지법")."""
    starts = tuple(surnames("ko"))
    out = []
    for token in _kiwi().tokenize(text):
        word = token.form
        if token.tag != "NNP" or not 3 <= len(word) <= 4 or not word.startswith(starts):
            continue
        if countries_in(word, "ko") or services_in(word) or lexicon.is_place_name(word) or roles_in(word, "ko"):
            continue
        surname = next(s for s in starts if word.startswith(s))
        out.append(Name(token.start, token.start + token.len, word, surname, "name.ko.kiwi"))
    return out


# ---------------------------------------------------------------- one sentence, one article


def _tool_names(text: str, lang: str) -> list[Name]:
    if lang == "zh":
        return _zh_full_names(text)
    if lang == "ja":
        return [*_ja_names(text), *_ja_before_suffix(text)]
    if _ko_name_run(text):
        return _ko_proper_nouns(text)
    return []


@cache
def _ko_candidate() -> re.Pattern[str]:
    """A surname and two syllables, then a particle or 씨: where a bare name may stand ("한철민에게")."""
    return re.compile(rf"(?<!{_HANGUL})(?:{_alternation(surnames('ko'))}){_HANGUL}{{2}}(?:[은는이가을를의와과도]|에게|\s?씨)")


def _ko_name_run(text: str) -> bool:
    """Whether kiwipiepy may find a name here: its analysis costs 2 ms a sentence, the check nothing."""
    return _ko_candidate().search(text) is not None


def _accused(text: str, name: Name, lang: str) -> bool:
    """Not an official, a speaker or a counterpart by the words around the name."""
    before, after = _one(lang, "not_before"), _one(lang, "not_after")
    if before is not None and before.search(text[max(0, name.start - 8) : name.start]):
        return False
    return not (after is not None and after.match(text[name.end : name.end + 40]))


def names_in(text: str, lang: str, known: frozenset[str] = frozenset(), tools: bool = True,
             met: dict[str, str] | None = None) -> list[Name]:
    """Names of one sentence that may be the accused, left to right: the language's printed
    forms first, then the tool's names (unless ``tools`` is false), then later mentions of
    ``known`` surnames and the printed forms already ``met`` (printed form -> surname)."""
    if lang not in CJK_LANGS:
        return []
    found = [*_by_forms(text, _patterns(lang, "intro")), *(_tool_names(text, lang) if tools else ())]
    if known:
        found += _by_forms(text, _back(lang, known))
    if met:
        found += [Name(m.start(), m.end(), m.group(), met[m.group()], "name.met")
                  for m in re.finditer(_alternation(met), text)]
    kept: list[Name] = []
    for name in found:
        if any(k.start < name.end and name.start < k.end for k in kept):
            continue  # the first reading of a span wins (a printed form over a tool's guess)
        if countries_in(name.text, lang) and name.rule != "name.zh.back":
            continue
        if _accused(text, name, lang):
            kept.append(name)
    return sorted(kept, key=lambda n: n.start)


def read_cjk_persons(all_facts: list[SentenceFacts], lang: str) -> None:
    """Fill ``persons`` of the cue sentences and ``refs`` of every sentence. A surname met first
    in one form is the same person in every later form; each mention carries the first one."""
    first: dict[str, str] = {}  # surname -> the printed form that introduced the person
    for f in all_facts:
        # the tools read the sentences that may name the accused; the rest are read for later mentions
        met = {printed: surname for surname, printed in first.items()}
        names = names_in(f.text, lang, frozenset(first), tools=f.is_cue, met=met)
        for name in names:
            first.setdefault(name.surname, name.text)
        hits = [Hit(n.start, n.end, first[n.surname], first[n.surname], n.rule, "PERSON") for n in names]
        f.persons = hits if f.is_cue else []
        f.refs = list(dict.fromkeys(h.text for h in hits))
