"""Sentence structure from spaCy's dependency parser: whom a word is said of.

Rules over character windows cannot tell "two British men were charged" from "a plot to kill
British citizens"; the parse can. The parser runs only on English sentences that carry case
cues (the model is loaded for their names anyway), and every question here answers ``None``
when the parse does not settle it, so that the caller keeps its rule-based verdict.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Token

__all__ = ["parse", "holder_is_accused", "is_victim", "after_against", "year_not_of_the_acts", "dates_a_step", "introduces_a_party"]

# Verbs of speaking: their subject is a speaker, not the accused ("Norwegian officials said").
SPEECH_VERBS = frozenset("said says say told tells tell warned warns announced announces confirmed confirms added "
                         "stated explained reported wrote noted argued claimed".split())
# Prepositions whose object is someone other than the accused: a handler, a victim, an
# authority ("passed to a Russian diplomat", "detained by Turkish police", "met with ...").
COUNTERPART_PREPOSITIONS = frozenset("to with by for from at about toward towards via".split())
# Prepositions whose object is the accused ("charges against two Dutch engineers").
ACCUSED_PREPOSITIONS = frozenset({"against"})
# Verbs whose active subject is the authority and whose object is the accused.
AUTHORITY_VERBS = frozenset("arrested arrests arrest detained detains detain charged charges charge indicted indicts "
                            "sentenced sentences sentence convicted convicts convict expelled expels expel jailed jails "
                            "acquitted acquits deported deports booked apprehended apprehends".split())
# Verbs whose object is a victim or a target of the acts, never the accused.
VICTIM_VERBS = frozenset("assassinate assassinated kill killed killing murder murdered kidnap kidnapped abduct abducted "
                         "attack attacked targeting targeted target track tracked tracking surveil monitor monitored "
                         "threaten threatened intimidate intimidated harass harassed".split())
# Nouns of a proceeding whose "of" names its subject ("the trial of two Chinese nationals").
PROCEEDING_NOUNS = frozenset("case trial arrest arrests conviction sentencing detention expulsion expulsions "
                             "extradition release indictment prosecution".split())
# Nouns of a penalty or a charge: "for" after them names the accused.
TERM_NOUNS = frozenset("sentence sentences term terms years months penalty punishment charges charge verdict".split())
GROUP_NOUNS = frozenset("group team network ring cell some all each both many most none one".split())
_TIME_WORDS = frozenset("years year months month weeks days".split())
_MODIFIER_DEPS = frozenset({"amod", "compound", "nmod", "poss", "nummod"})


_PARSE_PIPES = ("tok2vec", "tagger", "parser")
# The coarse word classes the rules ask about, from the tagger's Penn Treebank tags: the same
# as the model's attribute ruler gives for these tags, without running its matcher.
_COARSE = {"CD": "NUM", "PRP": "PRON", "PRP$": "PRON", "WP": "PRON", "WP$": "PRON", "DT": "DET", "PDT": "DET",
           "WDT": "DET", "NNP": "PROPN", "NNPS": "PROPN", "VB": "VERB", "VBD": "VERB", "VBG": "VERB", "VBN": "VERB",
           "VBP": "VERB", "VBZ": "VERB", "MD": "AUX"}


def _pos(token: Token) -> str:
    return _COARSE.get(token.tag_, "")


def parse(texts: Iterable[str], nlp: Language) -> list[Doc]:
    """Parsed docs: tagger and parser only (names come from the NER pass of their own). The
    components are called directly: ``nlp.pipe(disable=...)`` reconfigures the pipeline on
    every call, which costs more than parsing the few sentences of one article."""
    docs = [nlp.make_doc(text) for text in texts]
    pipes = [nlp.get_pipe(name) for name in _PARSE_PIPES if name in nlp.pipe_names]
    if len(docs) == 1:  # the usual case (one sentence on first need): a call costs less than a pipe
        doc = docs[0]
        for pipe in pipes:
            doc = pipe(doc)
        return [doc]
    for pipe in pipes:
        docs = list(pipe.pipe(docs))  # type: ignore[attr-defined]
    return docs


def _tokens_in(doc: Doc, start: int, end: int) -> list[Token]:
    return [t for t in doc if start <= t.idx < end]


def _holder(word: Token) -> Token:
    """The noun a nationality word is said of: itself when used as a noun ("a Singaporean"),
    else the noun it modifies ("Taiwanese soldiers"), through compounds ("Estonian Internal
    Security Service spokesman")."""
    noun = word
    while noun.dep_ in _MODIFIER_DEPS and noun.head is not noun and noun.head.i > noun.i:
        noun = noun.head
    return noun


def _role(noun: Token, step_spans: list[tuple[int, int]], depth: int = 0) -> bool | None:
    """Whether ``noun`` stands for the accused, from its place in the sentence."""
    if depth > 4:
        return None
    dep, head = noun.dep_, noun.head
    verb = head.text.lower()
    if dep == "conj" and head is not noun:
        return _role(head, step_spans, depth + 1)  # "an Egyptian and two Israeli nationals"
    if dep == "appos" and head is not noun:
        # "X, a Chinese national": the rules know apposed names; the parse only vetoes a counterpart's
        return False if _role(head, step_spans, depth + 1) is False else None
    if dep == "nsubjpass":
        return True if _in(head, step_spans) else None
    if dep == "nsubj":
        if verb in SPEECH_VERBS:
            return False  # "Norwegian officials said"
        if verb in AUTHORITY_VERBS and any(c.dep_ == "dobj" and c.text.lower() not in _TIME_WORDS for c in head.children):
            return False  # "Philippine agents arrested a man": who takes the step, not who undergoes it
        return None
    if dep == "pobj":
        return _object_of_preposition(noun, head, step_spans, depth)
    if dep == "dobj":
        if verb in AUTHORITY_VERBS and _in(head, step_spans):
            return True  # "police arrested a Chinese national"
        if verb in VICTIM_VERBS:
            return False  # "a plot to assassinate Israeli citizens"
    return None


def _object_of_preposition(noun: Token, prep: Token, step_spans: list[tuple[int, int]], depth: int) -> bool | None:
    word = prep.text.lower()
    if word in ACCUSED_PREPOSITIONS:
        return prep.head.text.lower() not in HARM_NOUNS  # not "threats against Palestinians"
    if word == "with" and prep.i > 0 and prep.doc[prep.i - 1].text.lower() in ("together", "along"):
        return None  # "together with two Filipino men": co-accused
    if word == "for" and prep.head.text.lower() in TERM_NOUNS:
        return None  # "a longer sentence of seven years for Jian G, a German citizen": the accused
    if word in COUNTERPART_PREPOSITIONS:
        return False
    if word == "of" and prep.head is not prep:
        owner = prep.head  # "the arrest of a Chinese national", "the homes of Israeli businessmen"
        if _in(owner, step_spans) or owner.text.lower() in PROCEEDING_NOUNS:
            return True
        if _pos(owner) in ("NUM", "PRON", "DET") or owner.text.lower() in GROUP_NOUNS:
            return None  # "one of two Chinese nationals", "a group of ..."
        return False
    return None


def _in(token: Token, spans: list[tuple[int, int]]) -> bool:
    return any(a <= token.idx < b for a, b in spans)


def _is_person_noun(word: str, persons: frozenset[str]) -> bool:
    return word in persons or word.removesuffix("s") in persons or word.removesuffix("es") in persons


def holder_is_accused(doc: Doc, start: int, end: int, step_spans: list[tuple[int, int]],
                      institutions: frozenset[str], persons: frozenset[str]) -> bool | None:
    """Whether the nationality word at [start, end) of the parsed sentence is said of the
    accused: ``False`` for an institution, a speaker, a counterpart or a victim, ``True`` for a
    person (one of ``persons`` or a name) who is the subject or object of a step, ``None`` when
    the parse does not tell."""
    tokens = _tokens_in(doc, start, end)
    if not tokens:
        return None
    word = tokens[-1]
    noun = _holder(word)
    # an institution's name is capitalised ("the Latvian State Security Service"); a lower-case
    # "police" inside a noun phrase is more often a parse of "official police" gone wrong
    named = [t.text.lower() for t in doc[word.i + 1 : noun.i + 1] if t.text[:1].isupper()]
    if any(t in institutions and not (t == noun.text.lower() and _is_person_noun(t, persons)) for t in named):
        return False  # "Polish Jury", "the Latvian State Security Service spokeswoman"; not "a Chinese national"
    role = _role(noun, step_spans)
    if role and not (_is_person_noun(noun.text.lower(), persons) or _pos(noun) == "PROPN" or noun is word):
        return None  # "Russian intelligence recruited him": not a person, the rules decide
    return role


def is_victim(doc: Doc, start: int, end: int) -> bool:
    """Whether the word at [start, end) is said of the victims of the acts: the object of a verb
    of harm ("a plot to assassinate Israeli citizens") or of "against" after a noun of harm."""
    tokens = _tokens_in(doc, start, end)
    if not tokens:
        return False
    noun = _holder(tokens[-1])
    if noun.dep_ == "dobj" and noun.head.text.lower() in VICTIM_VERBS:
        return True
    return _object_of_against(noun) and noun.head.head.text.lower() in HARM_NOUNS


def after_against(doc: Doc, start: int, end: int) -> bool:
    """Whether the word at [start, end) is said of the object of "against"."""
    tokens = _tokens_in(doc, start, end)
    if not tokens:
        return False
    noun = _holder(tokens[-1])
    return _object_of_against(noun) and noun.head.head.text.lower() not in HARM_NOUNS  # not "threats against X"


def _object_of_against(noun: Token) -> bool:
    return noun.dep_ == "pobj" and noun.head.text.lower() in ACCUSED_PREPOSITIONS


# Nouns of harm done to people: "against" after them names victims, not the accused.
HARM_NOUNS = frozenset("threats threat campaigns campaign attacks attack violence operations operation plot plots "
                       "crimes repression discrimination hostility war sanctions measures defamation".split())


# Subjects that are states: what they did is history, not a case.
STATE_NOUNS = frozenset("sides countries states nations governments rivals".split())
# Events of a life or of history that date no act of spying.
LIFE_VERBS = frozenset("born married graduated died founded split parted emigrated".split())
# Verbs of a career or a stay: years they govern are not the spying unless their clause speaks of it.
CAREER_VERBS = frozenset("worked works served serves studied lived employed stationed posted based".split())
_SPYING_WORDS = ("intelligence", "agent", "handler", "spy", "spie", "secret", "espionage", "source", "informant", "mss",
                 "fsb", "gru", "kgb", "svr")


def _governing_verb(token: Token) -> Token:
    verb, steps = token, 0
    while _pos(verb) not in ("VERB", "AUX") and verb.head is not verb and steps < 8:
        verb, steps = verb.head, steps + 1
    return verb


def _subjects(verb: Token) -> list[Token]:
    for _ in range(4):
        found = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if found or verb.dep_ != "conj":
            return [t for s in found for t in (s, *s.conjuncts)]
        verb = verb.head  # "parted in 1949 and have spied on each other": the first verb's subject
    return []


def year_not_of_the_acts(doc: Doc, start: int, end: int, country_spans: list[tuple[int, int]]) -> bool:
    """Whether the year at [start, end) dates something other than the accused's acts: what
    states did ("Beijing and Taipei parted in 1949 and have spied on each other"), or a career
    ("who worked in a lawmaker's office from 2018 until 2023") whose clause never speaks of spying."""
    tokens = _tokens_in(doc, start, end)
    if not tokens:
        return False
    verb = _governing_verb(tokens[0])
    subjects = _subjects(verb)
    if subjects and all(_in(s, country_spans) or s.text.lower() in STATE_NOUNS
                        for s in subjects):
        return True
    if any(t.text.lower() == "other" and t.i > 0 and doc[t.i - 1].text.lower() in ("each", "one") for t in doc):
        return True  # "have spied on each other ever since": states, not a case
    if verb.text.lower() in LIFE_VERBS:
        return True  # "born in Moscow in 1982"
    if verb.text.lower() in CAREER_VERBS:
        clause = " ".join(t.text.lower() for t in verb.subtree)
        return not any(w in clause for w in _SPYING_WORDS)
    return False


def dates_a_step(doc: Doc, start: int, end: int, step_spans: list[tuple[int, int]]) -> bool:
    """Whether the date at [start, end) is governed by a legal step ("sentenced ... on Monday
    for passing ...": Monday dates the sentencing, not the passing)."""
    tokens = _tokens_in(doc, start, end)
    return bool(tokens) and _in(_governing_verb(tokens[0]), step_spans)



_DEFINITE = frozenset("the this that these those his her their its our".split())
_INDEFINITE = frozenset("a an several two three four five six seven eight nine ten another".split())


def introduces_a_party(doc: Doc, step_spans: list[tuple[int, int]], persons: frozenset[str]) -> str | None:
    """The person noun of people a step of the sentence is done to and whom it introduces as
    new ("a former German soldier was sentenced", "Britain arrested several suspects"): in a
    round-up, another case. None when there are none."""
    for start, _end in step_spans:
        tokens = _tokens_in(doc, start, start + 1)
        if not tokens:
            continue
        verb = _governing_verb(tokens[0])
        passive = any(c.dep_ == "auxpass" for c in verb.children)
        wanted = ("dobj",) if verb.text.lower() in AUTHORITY_VERBS and not passive else ("nsubj", "nsubjpass")
        for noun in (c for c in verb.children if c.dep_ in wanted):
            if not _is_person_noun(noun.text.lower(), persons):
                continue
            marks = {c.text.lower() for c in noun.children if c.dep_ in ("det", "nummod", "amod", "poss")}
            if marks & _INDEFINITE and not marks & _DEFINITE:  # "two men", not "the four soldiers"
                # the words before the noun and the noun: "chinese national" of "a Chinese national"
                words = [t.text.lower() for t in doc[noun.left_edge.i : noun.i + 1] if t.dep_ not in ("det", "nummod")]
                return " ".join(words)
    return None
