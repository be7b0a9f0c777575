"""Reading Russian, Chinese and Korean words as the vocabulary's forms.

One function, ``analyse``, turns a part of a message into the tokens the phrase tables are
keyed on, and names the place-like words the tables do not know:

- Russian: pymorphy3 (OpenCorpora dictionaries, shipped in pymorphy3-dicts-ru) gives each
  word's lemma ("на сахалине" -> "на сахалин"); of a word's readings the first whose lemma
  the tables know wins ("даляне" -> "далянь", not "даляна"). A reading tagged Geox (a place
  name) that the tables do not know is an unknown place ("во владивостоке").
- Chinese: traditional characters become simplified (OpenCC's t2s tables, in
  opencc-python-reimplemented), then jieba segments the text, with every known term added
  to its dictionary so that a cue is never split; a segment tagged ns (a place) that the
  tables do not know is an unknown place ("沈阳").
- Korean: kiwipiepy was measured (tests/questions/README.md: about 500 MB resident), far
  over the memory budget, so a word (eojeol) is read as the longest known term it begins
  with ("사할린에서" -> "사할린"; a run of Latin letters is never cut: "rfa는" -> "rfa"), else
  with its particles and endings (ko.json) taken off.

The libraries load once a process: in the background at start-up (``warm_up``, in a
thread, bot/runtime.py), else on the first question in their language; a question that
comes while they load waits for that load instead of starting another. Nothing is
downloaded (jieba's dictionary and pymorphy3's ship in their packages); the one file
written is jieba's trimmed table, kept in the folder ``keep_tables_in`` names (the store's
data folder), never in the temp folder.
"""

from __future__ import annotations

import json
import logging
import marshal
import os
import re
import sys
import threading
from collections.abc import Callable, Collection
from contextlib import suppress
from dataclasses import dataclass, field
from functools import lru_cache, wraps
from pathlib import Path
from typing import Any, TypeVar

from bot.engine.korean_runs import better_reading
from bot.engine.language import Language

_WORD = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*|\$|%", re.UNICODE)
_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_HANGUL = re.compile(r"[\uac00-\ud7a3]")
# Hangul syllables and jamo ("ᄅᄋ" after folding "ㄹㅇ").
_ALL_HANGUL = re.compile(r"[\uac00-\ud7a3\u1100-\u11ff\u3131-\u318e]+")


@dataclass
class Analysis:
    tokens: list[str] = field(default_factory=list)
    # Place names the libraries recognise that the tables do not know, in lemma form.
    places: list[str] = field(default_factory=list)


T = TypeVar("T")


def _once(load: Callable[[], T]) -> Callable[[], T]:
    """``load()`` once a process. A thread that asks while another is loading waits for
    that load rather than starting its own (the warm-up thread and a question)."""
    lock = threading.Lock()
    loaded: list[T] = []

    @wraps(load)
    def get() -> T:
        if not loaded:
            with lock:
                if not loaded:
                    loaded.append(load())
        return loaded[0]

    return get


@_once
def _morph() -> Any:
    import pymorphy3

    return pymorphy3.MorphAnalyzer(lang="ru")


def morph() -> Any:
    """pymorphy3's Russian analyser (loaded once a process)."""
    return _morph()


def first_tags(word: str) -> frozenset[str]:
    """The grammemes of a Russian word's likeliest reading ("Geox", "Name", "NOUN")."""
    parses = _morph().parse(word)
    return frozenset(parses[0].tag.grammemes) if parses else frozenset()


def russian_words() -> tuple[Any, bytes]:
    """pymorphy3's graph of every Russian word form and the byte that ends a whole word
    (bot/engine/translit.py walks it letter by letter)."""
    words = _morph().dictionary.words
    return words.dct, words._payload_separator


@_once
def _simplifier() -> Any:
    from opencc import OpenCC

    return OpenCC("t2s")


# jieba's dictionary holds 349,046 words; the rarest (used fewer than this many times in
# its corpus) are left out: a third of the words and about half the memory
# (tests/questions/README.md), and the question sets segment the same.
MIN_WORD_FREQUENCY = 20

_tables_folder: Path | None = None


def keep_tables_in(folder: Path | None) -> None:
    """Where jieba's trimmed table is kept between processes (None: nowhere, built anew
    each process). Read on the first load after this."""
    global _tables_folder
    _tables_folder = folder


@_once
def _jieba() -> Any:
    jieba = _import_jieba()
    jieba.setLogLevel(logging.WARNING)
    tokenizer = jieba.Tokenizer()
    tokenizer.FREQ, tokenizer.total, _ = _chinese_tables()
    # Initialised by hand: jieba's own initialize() would build its full table and write
    # it to the temp folder.
    tokenizer.initialized = True
    # jieba words never kept whole, a cue inside them ("外派的人交多少": 人 and 交)
    zh = json.loads((Path(__file__).parent / "vocabulary" / "zh.json").read_text("utf-8"))
    for word in zh.get("split_words", ()):
        tokenizer.del_word(word)
    return tokenizer


def _import_jieba() -> Any:
    """jieba, imported without pkg_resources: jieba._compat imports it (0.06-0.14 s of CPU
    and a deprecation warning) only to open its own files, and opens them by path when it
    is missing."""
    if "jieba" in sys.modules:
        return sys.modules["jieba"]
    hidden = "pkg_resources" not in sys.modules
    if hidden:
        sys.modules["pkg_resources"] = None  # type: ignore[assignment]  # import fails
    try:
        import jieba
    finally:
        if hidden:
            del sys.modules["pkg_resources"]
    return jieba


def tables_file() -> str:
    """The name of jieba's trimmed table in the tables folder (its inputs in the name)."""
    from importlib.metadata import version

    python = f"py{sys.version_info.major}{sys.version_info.minor}"
    return f"quota-facts-jieba-{version('jieba')}-{MIN_WORD_FREQUENCY}-{python}.marshal"


@_once
def _chinese_tables() -> tuple[dict[str, int], int, frozenset[str]]:
    """jieba's frequency table (trimmed), its total, and the words it tags ns (a place
    name): read from the tables folder when it holds them (0.03 s of CPU), else built
    from jieba's dictionary (0.25 s) and kept there for the next process."""
    path = _tables_folder / tables_file() if _tables_folder is not None else None
    if path is not None:
        with suppress(OSError, ValueError, EOFError, TypeError):
            frequencies, total, places = marshal.loads(path.read_bytes())
            return frequencies, total, frozenset(places)
    frequencies, total, place_list = _prefix_dictionary(MIN_WORD_FREQUENCY)
    if path is not None:
        with suppress(OSError):
            partial = path.with_name(f"{path.name}.{os.getpid()}")
            partial.write_bytes(marshal.dumps((frequencies, total, place_list)))
            partial.replace(path)
    return frequencies, total, frozenset(place_list)


def _prefix_dictionary(minimum: int) -> tuple[dict[str, int], int, list[str]]:
    """jieba's word -> frequency table (every prefix of a word present, as 0) and the
    total, as jieba's own loader builds it, from the words used at least ``minimum`` times;
    and every word its dictionary tags ns (read here rather than through jieba.posseg,
    whose tables would double jieba's memory). One pass over the dictionary."""
    frequencies: dict[str, int] = {}
    total = 0
    places: list[str] = []
    # Read a line at a time: the whole text and its lines at once would add 40 MB to the
    # peak (tracemalloc), and the peak at 100,000 claims is what the budget counts.
    dictionary = Path(_import_jieba().__file__).with_name("dict.txt")
    with dictionary.open(encoding="utf-8") as lines:
        for line in lines:
            word, count, *tag = line.split()
            if tag and tag[0] == "ns":
                places.append(word)
            used = int(count)
            if used < minimum:
                continue
            frequencies[word] = used
            total += used
            for end in range(1, len(word)):
                prefix = word[:end]
                if prefix not in frequencies:
                    frequencies[prefix] = 0
    return frequencies, total, places


def _chinese_places() -> frozenset[str]:
    """The words jieba's own dictionary tags ns (a place name)."""
    return _chinese_tables()[2]


def chinese_word(word: str) -> bool:
    """A word jieba's table holds that is not tagged a place ("东方" the east, not 东方市)."""
    return bool(_jieba().FREQ.get(word)) and word not in _chinese_places()


def warm_up() -> None:
    """Load every analyser now (for a thread at start-up): pymorphy3's dictionaries,
    OpenCC's tables, jieba and its table."""
    _morph()
    _simplifier()
    _jieba()


_added_to_jieba: set[str] = set()


def teach_chinese(terms: Collection[str]) -> None:
    """Keep these terms whole when segmenting (once each, a process)."""
    tokenizer = _jieba()
    for term in terms:
        if term not in _added_to_jieba and _HAN.search(term) and " " not in term:
            tokenizer.add_word(term, freq=100_000)
            _added_to_jieba.add(term)


def simplified(text: str) -> str:
    """Traditional Chinese characters as simplified ones (other characters unchanged)."""
    if not _HAN.search(text):
        return text
    return str(_simplifier().convert(text))


def analyse(
    text: str, language: Language, known: Collection[str], suffixes: tuple[str, ...] = ()
) -> Analysis:
    """The tokens of ``text`` (already folded) in the tables' forms, and unknown places."""
    if language is Language.RU:
        return _russian(text, known)
    if language is Language.ZH:
        return _chinese(text, known)
    if language is Language.KO:
        return _korean(text, known, suffixes)
    return Analysis(tokens=_WORD.findall(text))


# Particles written on to a Russian word with a hyphen ("копят-то", "скажи-ка"); on a
# question word they make another word ("кто-то" is "someone").
_PARTICLES = ("-то", "-ка", "-таки", "-де")
_INDEFINITE = frozenset(
    "кто что чего чему чем кого кому ком где когда как какой какая какое какие какого куда "
    "откуда почему зачем сколько чей чья чье чьи".split()
)


def _russian(text: str, known: Collection[str]) -> Analysis:
    result = Analysis()
    for word in _WORD.findall(text):
        if word.endswith(_PARTICLES) and word not in known:
            stem = word.rsplit("-", 1)[0]
            word = word if stem in _INDEFINITE else stem
        if word in known or word.isascii() or len(word) <= 2:
            # (A preposition stays as typed: "к" is no "как" a table knows.)
            result.tokens.append(word)
            continue
        lemmas, place = _readings(word)
        fallback = lemmas[0] if lemmas else word
        if not _guessed_as_noun(word):
            # A word pymorphy3's dictionary does not hold, guessed as a verb or the like
            # ("даляни" -> "далянуть"): the word as typed suits the typo corrector better;
            # a guessed noun keeps its lemma ("сахолину" -> "сахолин").
            fallback = word
        lemma = next((lemma for lemma in lemmas if lemma in known), fallback)
        result.tokens.append(lemma)
        if place is not None and lemma not in known:
            result.places.append(place)
    return result


@lru_cache(maxsize=8192)
def _guessed_as_noun(word: str) -> bool:
    """In pymorphy3's dictionary, or not but read first as a noun."""
    if _morph().word_is_known(word):
        return True
    parses = _morph().parse(word)
    return bool(parses) and parses[0].tag.POS == "NOUN"


@lru_cache(maxsize=8192)
def russian_reading(word: str) -> tuple[tuple[str, ...], bool]:
    """A Russian word's lemmas, and whether its likeliest reading is an ordinary word of the
    dictionary, not a place's name ("находке" is a find; "уфе" is Ufa)."""
    lemmas, _ = _readings(word)
    parses = _morph().parse(word)
    ordinary = _morph().word_is_known(word) and bool(parses) and "Geox" not in parses[0].tag
    return lemmas, ordinary


@lru_cache(maxsize=8192)
def russian_place_lemmas(word: str) -> frozenset[str]:
    """The lemmas of a Russian word's readings as a place name (Geox) in pymorphy3's
    dictionary ("находке" -> находка; "мосту" -> none: the Czech town Most is no reading)."""
    return frozenset(
        p.normal_form.replace("ё", "е") for p in _morph().parse(word) if "Geox" in p.tag
    )


@lru_cache(maxsize=8192)
def _readings(word: str) -> tuple[tuple[str, ...], str | None]:
    """A Russian word's lemmas, likeliest first, and the lemma of a reading as a place
    name (Geox) among the first three, when the likeliest reading is a noun. Cached:
    pymorphy3 looks a word up in pure Python (about 0.1 ms), and people use the same few
    hundred words."""
    parses = _morph().parse(word)
    lemmas = tuple(dict.fromkeys(p.normal_form.replace("ё", "е") for p in parses))
    # Only a word read first as a noun: "куда" is first "where", though a river too.
    noun = bool(parses) and parses[0].tag.POS == "NOUN"
    geo = next((p for p in parses[:3] if "Geox" in p.tag), None) if noun else None
    if geo is not None and parses[0].score >= 3 * geo.score and "Geox" not in parses[0].tag:
        geo = None  # "кампанию" is far likelier the campaign than the Italian region
    place = geo.normal_form if geo is not None else None
    return lemmas, place


def chinese_tokens(text: str) -> list[str]:
    """jieba's words of ``text`` as typed (simplified), before any table read a phrase
    out of it: the words around a name as the asker wrote them."""
    words = (word.strip() for word in _jieba().lcut(simplified(text), HMM=True))
    return [word for word in words if word and _WORD.fullmatch(word)]


def _chinese(text: str, known: Collection[str]) -> Analysis:
    result = Analysis()
    text = simplified(text)
    places = _chinese_places()
    for word in _jieba().lcut(text, HMM=True):
        word = word.strip()
        if not word or not _WORD.fullmatch(word):
            continue
        result.tokens.append(word)
        if word in places and word not in known and len(word) >= 2:
            result.places.append(word)
    return result


# A figure glued to a Hangul word, not to a counter ("1년", "10명", "2배", "6만" stay).
_FIGURE_BEFORE_HANGUL = re.compile(
    r"(?<=\d)(?=[\uac00-\ud7a3])(?![년월일명인배주시만천백억개달살])"
)


# "…헌금이라고 말해줘", "…낸다고 해봐": a word quoted (-다고, -라고, -냐고) before a verb of
# saying is what the asker tells the bot to say; read as the "라고 말해" cue. A question
# word quoted ("뭐라고 해요": what is it called) asks instead.
_QUOTED = ("다고", "라고", "냐고")
_SAYING = ("말해", "말하", "해", "써", "대답")
_ASKING = ("뭐", "무엇", "무어", "어떻", "어떤", "왜", "누구", "언제", "어디")


def _korean(text: str, known: Collection[str], suffixes: tuple[str, ...]) -> Analysis:
    result = Analysis()
    previous = ""
    # "124,000루블은": the figure and the word are two ("루블" is the currency).
    for word in _WORD.findall(_FIGURE_BEFORE_HANGUL.sub(" ", text)):
        quoted = previous.endswith(_QUOTED) and not previous.startswith(_ASKING)
        previous = word
        if quoted and word.startswith(_SAYING):
            result.tokens += ["라고", "말해"]
            continue
        if word in known or not _HANGUL.search(word):
            result.tokens.append(word)
            continue
        tokens = _korean_word(word, known, suffixes)
        southern = _initial_sound_law(word)
        if southern != word and not any(token in known for token in tokens):
            # North Korean spelling keeps an initial ㄹ/ㄴ ("로동자"): read the South's too.
            tokens = _korean_word(southern, known, suffixes)
        if _ALL_HANGUL.fullmatch(word):  # a run typed with no spaces: "돈왜올림"
            tokens = better_reading(word, tokens, known, suffixes)
        result.tokens.extend(tokens)
    return result


# Hangul syllables: initial consonant ㄴ = 2, ㄹ = 5, ㅇ = 11; vowels ㅑ ㅕ ㅖ ㅛ ㅠ ㅣ.
_SYLLABLE, _INITIALS, _VOWELS = 0xAC00, 588, 28
_IOTA = frozenset({2, 3, 6, 7, 12, 17, 20})


def _initial_sound_law(word: str) -> str:
    """The South Korean spelling of a word's first syllable (두음 법칙): 로동 -> 노동,
    리익 -> 이익, 녀성 -> 여성; other words unchanged."""
    code = ord(word[0]) - _SYLLABLE
    if not 0 <= code < 11172:
        return word
    initial, vowel = divmod(code, _INITIALS)[0], (code % _INITIALS) // _VOWELS
    if initial == 5:
        initial = 11 if vowel in _IOTA else 2
    elif initial == 2 and vowel in _IOTA - {7}:
        initial = 11
    else:
        return word
    first = chr(_SYLLABLE + initial * _INITIALS + code % _INITIALS)
    return first + word[1:]


# Words written together with no space between them ("할당량이얼마임") are read one after
# another, at most this many.
MAX_JOINED = 4


def _korean_word(word: str, known: Collection[str], suffixes: tuple[str, ...]) -> list[str]:
    """The longest known term the word begins with ("노동자들은" -> "노동자"); what follows,
    when it is a known word ("다롄보다" -> "보다") or more words written without a space
    ("할당량이얼마임" -> "할당량", "얼마"); else the word without its particle or ending."""
    tokens: list[str] = []
    while word and len(tokens) < MAX_JOINED:
        for end in range(len(word) - 1, 0, -1):
            stem = word[:end]
            if _inside_latin(word, end):
                continue  # "rfa는" is "rfa" and a particle, not "rf" (Russia) and "a"
            if stem in known and (end >= 2 or word[end:] in suffixes):
                break
        else:
            if not tokens:
                tokens.append(_strip(word, suffixes))
            elif word in known and word not in suffixes:
                tokens.append(word)
            break
        tokens.append(stem)
        rest = word[end:]
        if rest in known and rest not in suffixes:  # "충성자금이란": no Iran (이란)
            tokens.append(rest)
            break
        if rest in suffixes:
            break
        # The particle after the first word, then the next word ("이" + "얼마임").
        particle = next((p for p in suffixes if rest.startswith(p) and len(rest) > len(p)), "")
        word = rest[len(particle) :]
        if len(word) < 2:
            break
    return tokens


def _inside_latin(word: str, end: int) -> bool:
    """Whether cutting ``word`` at ``end`` splits a run of Latin letters or figures (a name
    typed in Latin letters is one word; only Hangul after it is a particle or another word)."""
    return word[end - 1].isascii() and word[end].isascii()


def _strip(word: str, suffixes: tuple[str, ...]) -> str:
    """A Korean word without its particle or ending (the longest that leaves a stem)."""
    for suffix in suffixes:  # longest first
        if word.endswith(suffix) and len(word) > len(suffix):
            return word[: -len(suffix)]
    return word
