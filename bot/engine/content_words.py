"""Words of another subject in a Russian, Chinese or Korean question, found the way English
finds them (relevance.py ``foreign_words``): a content word that nothing the engine knows
holds.

A content word is, in Russian, a noun or verb in pymorphy3's dictionary (its lemma, as the
analysis reads it; no name of a place); in Chinese, a word of two characters or more in
jieba's table (no place name); in Korean, a noun: a word before a noun's particle ("일식은"),
or a bare word with no verb's ending. It is of another subject when the language's tables do
not hold it, the report's own words in that language (the editors' translations of its
claims) do not use it, and it is none of the generic words of vocabulary/content_words.json
("человек", "问题", "사람"). So "为什么天空是蓝色的", "다음 일식은 언제야" and "почему
северная корея отправила солдат" hold a word of another subject, as "why is the sky blue"
does, with no list of such words.
"""

from __future__ import annotations

import json
import re
from collections.abc import Collection, Container, Iterable
from dataclasses import dataclass, replace
from functools import cache, lru_cache
from itertools import pairwise

from bot.engine.figures import mentions_own_pay
from bot.engine.language import Language
from bot.engine.relevance import MAX_UNKNOWN, core_tie
from bot.engine.second_opinion import reads_off_topic
from bot.engine.understanding import Understanding
from bot.engine.vocabulary import FOLDER, Intent
from bot.engine.worker_nouns import worker_nouns
from db.views import ClaimView

_CYRILLIC = re.compile(r"[а-яё]+(?:-[а-яё]+)*")
_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]+")
_HANGUL = re.compile(r"[\uac00-\ud7a3]+")
_DIGIT = re.compile(r"\d")


@dataclass(frozen=True)
class ContentRules:
    function: frozenset[str]
    min_letters: int
    parts: frozenset[str] = frozenset()
    not_tags: frozenset[str] = frozenset()
    noun_endings: tuple[str, ...] = ()
    verb_endings: tuple[str, ...] = ()
    own: frozenset[str] = frozenset()


@cache
def rules(language: Language) -> ContentRules | None:
    data = json.loads((FOLDER / "content_words.json").read_text(encoding="utf-8"))
    table = data.get(language.value)
    if table is None:
        return None
    return ContentRules(
        function=frozenset(table.get("function", ())),
        min_letters=int(table.get("min_letters", 2)),
        parts=frozenset(table.get("parts", ())),
        not_tags=frozenset(table.get("not_tags", ())),
        noun_endings=tuple(sorted(table.get("noun_endings", ()), key=len, reverse=True)),
        verb_endings=tuple(table.get("verb_endings", ())),
        own=frozenset(table.get("own", ())),
    )


def unknown_content(
    piece: str, tokens: Iterable[str], language: Language, known: Container[str]
) -> list[str]:
    """The content words of a part (``tokens``: the analysis's reading of ``piece``) that
    ``known`` (the tables' words and the report's own) does not hold."""
    table = rules(language)
    if table is None:
        return []
    if language is Language.RU:
        words = [t for t in tokens if _CYRILLIC.fullmatch(t) and _russian_content(t, table)]
    elif language is Language.ZH:
        words = [t for t in tokens if _HAN.fullmatch(t) and _chinese_content(t, table)]
    else:
        # (a word the tables know whole, "아시는", is no noun with a particle: "아시")
        eojeols = [word for word in piece.split() if word.strip("?!.,~…") not in known]
        words = [w for w in (korean_noun(word, table) for word in eojeols) if w]
        words = [w for w in words if not _korean_known(w, known)]
    found = [w for w in words if w not in known and w not in table.function]
    return list(dict.fromkeys(found))


@lru_cache(maxsize=8192)
def _russian_content(lemma: str, table: ContentRules) -> bool:
    from bot.engine.analysis import morph

    if len(lemma) < table.min_letters:
        return False
    analyser = morph()
    if not analyser.word_is_known(lemma):
        return False  # slang, a typo or a name pymorphy3 only guesses: no other subject
    parses = analyser.parse(lemma)
    tag = parses[0].tag if parses else None
    return bool(
        tag is not None and tag.POS in table.parts and not (set(tag.grammemes) & table.not_tags)
    )


def _chinese_content(word: str, table: ContentRules) -> bool:
    from bot.engine.analysis import chinese_word

    return len(word) >= table.min_letters and chinese_word(word)


def korean_noun(word: str, table: ContentRules) -> str:
    """The noun a Korean word is, without its particle ("일식은" -> "일식"), or ""."""
    hangul = _HANGUL.fullmatch(word.strip("?!.,~…"))
    if hangul is None:
        return ""
    word = hangul.group()
    for ending in table.noun_endings:
        if word.endswith(ending) and len(word) - len(ending) >= table.min_letters:
            return word[: -len(ending)]
    if len(word) < table.min_letters or word.endswith(table.verb_endings):
        return ""
    return word


def _korean_known(noun: str, known: Container[str]) -> bool:
    """A noun the tables read as a known term and what follows it ("사할린쪽")."""
    return any(noun[:end] in known for end in range(len(noun), 1, -1))


def report_words(texts: Iterable[str], language: Language) -> frozenset[str]:
    """The words of the report's own text in ``language`` (the editors' translations of
    its claims), as the analysis reads them: they are no other subject's."""
    from bot.engine.analysis import analyse

    found: set[str] = set()
    table = rules(language)
    for text in texts:
        if language is Language.KO and table is not None:
            found.update(n for n in (korean_noun(w, table) for w in text.split()) if n)
        else:
            found.update(analyse(text.casefold(), language, ()).tokens)
    return frozenset(found)


@cache
def _question_words(language: Language) -> tuple[str, ...]:
    data = json.loads((FOLDER / f"{language.value}.json").read_text(encoding="utf-8"))
    return tuple(data.get("question_words", ()))


def asks_in(piece: str, language: Language) -> bool:
    """Whether a Russian, Chinese or Korean part holds one of its language's question words,
    also inside a longer cue ("什么时候结束", "언제까지")."""
    if language is Language.EN:
        return False
    if language is Language.RU:
        return bool(set(_question_words(language)) & set(piece.split()))
    return any(word in piece for word in _question_words(language))


def names_own(piece: str, tokens: Iterable[str], language: Language) -> bool:
    """Whether a Russian, Chinese or Korean part names the asker ("мне", "我的", "내")."""
    table = rules(language)
    if table is None:
        return False
    if language is Language.ZH:
        return any(word in piece for word in table.own)
    words = set(tokens) | set(piece.split())
    return bool(words & table.own)


# Languages whose unknown words right after a cue word are nouns ("할당 표본추출"): Korean's
# (content words are its nouns); English, Russian and Chinese ones may be verbs ("quota
# enforced", "把额度加倍").
_COMPOUNDS = frozenset({Language.KO})
_TRANSLATED = (Language.RU, Language.ZH, Language.KO)


class _Both:
    """Membership in either of two sets, without joining them."""

    def __init__(self, first: Container[str], second: Container[str]) -> None:
        self._first, self._second = first, second

    def __contains__(self, item: object) -> bool:
        return item in self._first or item in self._second


def only_a_place(segment: Understanding) -> bool:
    """A part tied to the report by a covered place alone, asking nothing of the report:
    "누가 지금 대련 시장이에요?", "what time is it in sakhalin". Its unread words may be
    another subject's (the second opinion decides), as in a part naming no place."""
    asks = (
        segment.asks_report
        or segment.intents
        or segment.weak_intents
        or segment.topics
        or segment.weak_topics
        or segment.attributes
        or segment.weak_attributes
    )  # ("为什么大连的任务这么重": "why" asks the report's reasons)
    if not segment.places or asks:
        return False
    return not core_tie(replace(segment, places=[]))


def placed_alone(segment: Understanding) -> bool:
    """A part tied to the report by a covered place alone, whose only ask is what a bare
    question word reads — when ("什么时候", "언제"), why ("为什么", "왜"), how much ("多少钱",
    "얼마") —: "大连什么时候开始供暖", "다롄 집값 얼마야". Its unread words are then what it
    asks about, another subject's, with no second opinion needed."""
    if segment.language not in (Language.ZH, Language.KO) or not segment.places:
        return False  # (a Russian noun, "полгода", is no other subject's so readily)
    if set(segment.intents) - {Intent.DATE} or segment.operations or _DIGIT.search(segment.text):
        return False  # "다롄 얼마 내요": the quota's own verb; "大连3400": a figure typed
    topics = [t for t in segment.topics if not (t == "reason" and segment.question_words)]
    return not core_tie(replace(segment, places=[], topics=topics))


class ContentReader:
    """Per snapshot: the report's own words in each language (read on first use), and what a
    part's content words say of its subject (``read``)."""

    def __init__(self, claims: Iterable[ClaimView]) -> None:
        self._translated = {
            language: tuple(
                c.translations[language.value] for c in claims if language.value in c.translations
            )
            for language in _TRANSLATED
        }
        self._own: dict[Language, frozenset[str]] = {}

    def own_words(self, language: Language) -> frozenset[str]:
        own = self._own.get(language)
        if own is None:
            own = self._own[language] = report_words(self._translated[language], language)
        return own

    def read(
        self,
        segment: Understanding,
        piece: str,
        tokens: list[str],
        analysed: str,
        known: Container[str],
        skip: Collection[str],
    ) -> None:
        """Sets the part's unread words (a word of another subject where the learned second
        opinion reads the part so: "派兵", not "厂子"), a word of another subject right after
        a cue word, and the asker's own pay named."""
        language = segment.language
        read = tokens if language is Language.EN else analysed.split()
        if language in _TRANSLATED:
            both = _Both(known, self.own_words(language))
            unread = [w for w in unknown_content(piece, read, language, both) if w not in skip]
            # "а по штукатурам что", "锯木的师傅们呢": people named by their work are the
            # report's workers, whatever the trade (worker_nouns.py)
            if workers := worker_nouns(
                piece.split() if language is Language.KO else read, language
            ):
                segment.people_pronoun = segment.domain = segment.strong_domain = True
                unread = [w for w in unread if not any(w in x or x in w for x in workers)]
            segment.unread = unread
            # ("сколько стоит … на сахалине": a listed noun asked by its question word is
            # what the part asks, as "what's the weather" is)
            asked = [p for p in segment.listed_foreign if asks_in(p, language)]
            segment.other_asked = segment.other_asked or bool(asked)
            # Only where the report's own words do not tie the part (relevance.py): the
            # model is asked no more than that.
            weak = not core_tie(segment) or only_a_place(segment)
            country = bool(segment.countries)
            few = bool(unread) and len(unread) <= MAX_UNKNOWN
            if few and (placed_alone(segment) or (weak and reads_off_topic(piece, country))):
                segment.foreign += unread
        if language in _COMPOUNDS:
            segment.compound_foreign = any(
                first in segment.ties and second in segment.foreign
                for first, second in pairwise(read)
            )
        segment.own_pay = mentions_own_pay(piece) or names_own(piece, read, language)
