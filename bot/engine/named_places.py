"""Places the reports do not cover, named in Russian, Chinese or Korean, that neither the
lexicon's cues (CLDR's time-zone cities, the vocabulary's "elsewhere") nor the analysers'
own place tags (pymorphy3's Geox, jieba's ns) caught: "в Улан-Баторе", "乌法的工人",
"카잔에서", "우파 노동자".

A name the gazetteer knows (bot/engine/gazetteer.py) counts where the frame calls it a place
(vocabulary/<lang>.json "place_frames": "в X", "在X", "X的", "X에서", "X 노동자"), or where it
is no ordinary word of the language ("находка" is a find, "진주" a pearl). A word no
gazetteer or dictionary knows is not taken from the frame alone here, unlike English: the
text is folded, and "в вотсапе" is slang typed in lower case, not a town.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass

from bot.engine.analysis import (
    chinese_tokens,
    chinese_word,
    russian_place_lemmas,
    russian_reading,
    simplified,
)
from bot.engine.gazetteer import known_place
from bot.engine.language import Language

_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*", re.UNICODE)
_HANGUL = re.compile(r"[\uac00-\ud7a3]")
# Chinese: a name jieba cut into single characters ("乌" "法") is joined again, up to this.
MAX_HAN = 4
# Korean: a name this long is no everyday word ("우파" is, "카잔" may be; "울란바토르" is not).
KO_LONG_NAME = 3


@dataclass(frozen=True)
class PlaceFrames:
    """Words around a name that call it a place: before it, after it, and (Korean) the
    particle written on to it."""

    before: frozenset[str] = frozenset()
    after: frozenset[str] = frozenset()
    particles: tuple[str, ...] = ()
    # Words after which no word is a place: a negation ("没开封的" is unopened).
    negations: frozenset[str] = frozenset()
    # First-person words: "我在义乌" says where the asker is (plain_places.teller_places),
    # the words of being there that may come between, and words pointing back to a place.
    tellers: frozenset[str] = frozenset()
    between: frozenset[str] = frozenset()
    deictics: frozenset[str] = frozenset()
    # "по Приморью", "про Находку": words of asking about a thing, a place's frame only for a
    # word the analyser also reads as a place's name (plain_places.plain_words).
    about: frozenset[str] = frozenset()
    # Words right after a place said right after a first-person word that make it where the
    # asker is from: "我丹东的", "俺大连人".
    origin: frozenset[str] = frozenset()

    @classmethod
    def of(cls, data: dict[str, list[str]]) -> PlaceFrames:
        particles = sorted(data.get("particles", ()), key=len, reverse=True)
        return cls(
            frozenset(data.get("before", ())),
            frozenset(data.get("after", ())),
            tuple(particles),
            frozenset(data.get("negations", ())),
            frozenset(data.get("tellers", ())),
            frozenset(data.get("teller_between", ())),
            frozenset(data.get("deictics", ())),
            frozenset(data.get("about", ())),
            frozenset(data.get("teller_origin", ())),
        )


# Words of a region's name written in lower case after its first word: "Амурская область",
# "Еврейская автономная область", "Хабаровский край".
GENERIC_NAME_WORDS = frozenset(
    {"область", "края", "край", "автономная", "автономный", "округ", "республика"}
)


def name_case(name: str) -> str:
    """ "юго-восточная азия" -> "Юго-Восточная Азия", "амурская область" -> "Амурская
    область": each word of three letters or more capitalised, but a generic word after the
    first."""
    return re.sub(
        r"[^\W\d_]{3,}",
        lambda m: (
            m.group(0)
            if m.start() and m.group(0) in GENERIC_NAME_WORDS
            else m.group(0).capitalize()
        ),
        name,
    )


def named_case(name: str, language: Language) -> str:
    """A place typed in lower case, shown as a name: "beijing" -> "Beijing", "амурская
    область" -> "Амурская область"."""
    return shown_name(name) if language is Language.RU else name.title()


def shown_name(name: str) -> str:
    """ "улан-батор" -> "Улан-Батор", "уфа" -> "Уфа" (the analysers' lemmas are folded)."""
    shown = name_case(name)
    return shown[:1].upper() + shown[1:]


def named_places(
    text: str,
    tokens: Sequence[str],
    language: Language,
    known: Collection[str],
    frames: PlaceFrames,
    suffixes: Sequence[str] = (),
) -> list[str]:
    """The uncovered places ``text`` (folded) names, as shown in an answer; ``tokens``:
    its analysed words (jieba's segments); ``suffixes``: the Korean particles and endings,
    longest first."""
    if language is Language.RU:
        return _russian(text, known, frames)
    if language is Language.ZH:
        return _chinese(tokens, known, frames)
    if language is Language.KO:
        return _korean(text, known, frames, suffixes)
    return []


def _russian(text: str, known: Collection[str], frames: PlaceFrames) -> list[str]:
    found: list[str] = []
    previous = ""
    for word in _WORD.findall(text):
        framed, previous = previous in frames.before, word
        # A hyphenated name is read as two words ("улан батор"), so a table's "улан-батор"
        # never matched it: it counts here.
        hyphened = "-" in word
        if word.isascii() or len(word) <= 2 or (word in known and not hyphened):
            continue
        lemmas, ordinary = russian_reading(word)
        if not hyphened and any(lemma in known for lemma in lemmas):
            continue
        place = next((name for name in _russian_forms(word, lemmas) if known_place(name)), None)
        if ordinary and place is not None and not _declined_place(word, lemmas, place):
            continue  # "в порту", "по мосту": the port and the bridge, not Porto or Most
        if place is not None and (framed or not ordinary) and shown_name(place) not in found:
            found.append(shown_name(place))
    return found


def _declined_place(word: str, lemmas: Sequence[str], place: str) -> bool:
    """Whether an ordinary word the gazetteer spells is also declined as that place: its
    likeliest lemma is the name and the dictionary reads it as a place too ("в находке":
    Nakhodka). Not "порту" (likeliest "порт"; the indeclinable Porto only spelled alike)
    nor "мосту" (no place reading: the Czech town Most is not in the dictionary)."""
    return bool(lemmas) and place == lemmas[0] and place in russian_place_lemmas(word)


_CASE_ENDINGS = ("е", "у", "а", "ом", "ем", "и", "ю", "ой", "ей", "я")


def _russian_forms(word: str, lemmas: Sequence[str]) -> list[str]:
    """The names a Russian word may be a form of: its lemmas, the word itself, and a
    name pymorphy3 does not hold with its soft sign back ("тяньцзине" -> "тяньцзинь")."""
    stems = [word[: -len(end)] for end in _CASE_ENDINGS if word.endswith(end)]
    return [
        *lemmas,
        word,
        *(f"{stem}ь" for stem in (*lemmas, *stems) if stem[-1:] not in "аеиоуыэюяь"),
    ]


def _chinese(tokens: Sequence[str], known: Collection[str], frames: PlaceFrames) -> list[str]:
    found: list[str] = []
    for start in range(len(tokens)):
        for end in range(min(len(tokens), start + MAX_HAN), start, -1):
            pieces = tokens[start:end]
            # One segment, or single characters jieba could not join ("乌" "法").
            if end - start > 1 and any(len(p) != 1 for p in pieces):
                continue
            name = "".join(pieces)
            if len(name) < 2 or name in known or not known_place(name):
                continue
            before = tokens[start - 1] if start else ""
            after = tokens[end] if end < len(tokens) else ""
            framed = before in frames.before or after in frames.after
            if before in frames.negations:
                break  # "没开封的罐头": unopened, not Kaifeng
            if (framed or not chinese_word(name)) and name not in found:
                found.append(name)
            break
    return found


def tagged_chinese_place(
    place: str, tokens: Sequence[str], frames: PlaceFrames, known: Collection[str]
) -> bool:
    """Whether a word jieba tags a place (ns) is read as one here: after no negation, and,
    unless the gazetteer knows it or a frame calls it a place ("在朝阳", "朝阳的工人"), not
    as the modifier of the ordinary word after it ("朝阳群众", "台大期末考": a district's
    busybodies, a university's exams; "蒙古国之" and "蒙古国朝鲜工人" stay places: the
    word after is no ordinary one, or one the tables know)."""
    if place not in tokens:
        return True
    at = tokens.index(place)
    before = tokens[at - 1] if at else ""
    if before in frames.negations:
        return False
    after = tokens[at + 1] if at + 1 < len(tokens) else ""
    if known_place(place) or before in frames.before or after in frames.after:
        return True
    return not (len(after) >= 2 and chinese_word(after) and after not in known)


def ordinary_use(
    place: str,
    language: Language,
    typed: str,
    tagged: Collection[str],
    frames: PlaceFrames,
    known: Collection[str],
) -> bool:
    """Whether a name found in ``typed`` (a part of a message, folded) is used as no place
    there: inside a work's title, or (Chinese) a word jieba tags a place (``tagged``) that
    ``tagged_chinese_place`` does not read as one."""
    titles = titled(typed)
    if titles and place in simplified(titles):
        return True
    return (
        language is Language.ZH
        and place in tagged
        and not tagged_chinese_place(place, chinese_tokens(typed), frames, known)
    )


_TITLE = re.compile(r"《[^》]*》|〈[^〉]*〉|『[^』]*』")


def titled(text: str) -> str:
    """The titles of works in ``text`` (《荒漠甘泉》, 『토지』), joined: a place named inside
    one names no place the asker means."""
    return " ".join(_TITLE.findall(text))


def _korean(
    text: str, known: Collection[str], frames: PlaceFrames, suffixes: Sequence[str]
) -> list[str]:
    found: list[str] = []
    raw = text.split()
    for index, word in enumerate(raw):
        word = word.strip("?!.,~")
        if not _HANGUL.search(word) or word in known:
            continue
        following = raw[index + 1] if index + 1 < len(raw) else ""
        after = any(following.startswith(w) for w in frames.after)
        for stem, particle in _stems(word, suffixes):
            if len(stem) < 2 or stem in known or not known_place(stem):
                continue
            framed = particle in frames.particles or after
            if (framed or len(stem) >= KO_LONG_NAME) and stem not in found:
                found.append(stem)
            break
    return found


def _stems(word: str, suffixes: Sequence[str]) -> list[tuple[str, str]]:
    """The word itself, then without each particle or ending it ends with, longest first
    ("카잔에서" -> "카잔", "에서")."""
    stems = [(word, "")]
    stems += [(word[: -len(s)], s) for s in suffixes if word.endswith(s) and len(word) > len(s)]
    return stems
