"""A reply's language asked for in so many words: "what's this based on? 한국말로 설명좀",
"сколько в Даляне? answer in English", "用韩语回答".

Script and grammar (``detect``) tell the language a message is written in; a writer who
names the language of the reply they want has said more than either. The languages' names
are CLDR's (Babel's ``Locale.languages`` in each of the four locales) with the everyday
names of vocabulary/asked_language.json; Russian's adverb and prepositional forms are
derived from CLDR's adjective ("английский" -> "по-английски", "на английском"). A name
counts only in a request frame, so that a language named as a topic ("is the original in
Russian?", "in Korean won", "영어로 된 기사") changes nothing: English "in NAME" with a
request word anywhere in the message; Russian "по-NAME-ски", or "на NAME-ом" with a request
word; Chinese "用NAME", "NAME" right before a request word or "说/讲/翻译成NAME"; Korean
"NAME로/으로" followed by a request word.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

from babel import Locale

from db.kinds import Language

__all__ = ["asked_language"]

_FILE = Path(__file__).resolve().parent.parent / "engine" / "vocabulary" / "asked_language.json"
_CODES = ("en", "ru", "zh", "ko")
# "in Korean won", "in Russian media": the name is an adjective of what follows, no request.
_NOT_AFTER = r"(?!\s+[a-z]*(?:won|yuan|rubles?|money|workers?|media|news|article|source|original))"


def _alternation(words: dict[str, Language]) -> str:
    return "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))


@lru_cache(maxsize=1)
def _patterns() -> tuple[
    tuple[re.Pattern[str], dict[str, Language], re.Pattern[str]],
    tuple[re.Pattern[str], re.Pattern[str], dict[str, Language], re.Pattern[str]],
    tuple[re.Pattern[str], dict[str, Language]],
    tuple[re.Pattern[str], dict[str, Language]],
]:
    data = json.loads(_FILE.read_text(encoding="utf-8"))
    names: dict[str, dict[str, Language]] = {code: {} for code in _CODES}
    for locale_code in _CODES:
        locale = Locale.parse(locale_code)
        for target in _CODES:
            language = Language(target)
            names[locale_code][locale.languages[target].casefold()] = language
            for extra in data["names"].get(locale_code, {}).get(target, []):
                names[locale_code][extra.casefold()] = language
    requests = {code: data["request_words"][code] for code in _CODES}

    def request_re(code: str) -> re.Pattern[str]:
        words = "|".join(re.escape(w) for w in sorted(requests[code], key=len, reverse=True))
        if code in ("en", "ru"):
            return re.compile(rf"(?<![^\W\d_])(?:{words})(?![^\W\d_])")
        return re.compile(rf"(?:{words})")

    english = (
        re.compile(rf"\bin (?:plain )?({_alternation(names['en'])})\b" + _NOT_AFTER),
        names["en"],
        request_re("en"),
    )
    # Russian: CLDR's adjective "английский" -> "по-английски" and "на английском".
    adverbs: dict[str, Language] = {}
    prepositional: dict[str, Language] = {}
    for adjective, language in names["ru"].items():
        if adjective.endswith("ий"):
            adverbs["по-" + adjective[:-2] + "и"] = language
            prepositional[adjective[:-2] + "ом"] = language
    russian = (
        re.compile(rf"(?<![^\W\d_])({_alternation(adverbs)})(?![^\W\d_])"),
        re.compile(rf"(?<![^\W\d_])на ({_alternation(prepositional)})(?![^\W\d_])"),
        adverbs | prepositional,
        request_re("ru"),
    )
    zh_names = _alternation(names["zh"])
    zh_requests = request_re("zh").pattern
    chinese = (
        re.compile(
            rf"(?:用|以|说|說|讲|講|换成|換成|翻译成|翻譯成|翻成|改成)({zh_names})"
            rf"|({zh_names})(?:来|來)?(?:{zh_requests})"
        ),
        names["zh"],
    )
    ko_requests = request_re("ko").pattern
    korean = (
        re.compile(rf"({_alternation(names['ko'])})(?:로|으로)\s*(?:{ko_requests})"),
        names["ko"],
    )
    return english, russian, chinese, korean


@lru_cache(maxsize=1)
def _how_to_say() -> re.Pattern[str]:
    """ "How do you say thanks in Korean", "韩语怎么说": a word's translation asked."""
    data = json.loads(_FILE.read_text(encoding="utf-8"))
    return re.compile("|".join(f"(?:{p})" for p in data["how_to_say"].values()))


def asked_language(text: str) -> Language | None:
    """The language the message asks the reply to be in, when it names one in a request
    frame and asks no word's translation; else None."""
    found = _asked(text.casefold())
    if found is None or _how_to_say().search(text.casefold()):
        return None
    return found


def _asked(folded: str) -> Language | None:
    english, russian, chinese, korean = _patterns()
    if folded.isascii():
        if " in " not in folded:
            return None  # the common case: one substring test
        found = english[0].search(folded)
        if found is not None and english[2].search(folded):
            return english[1][found.group(1)]
        return None
    found = english[0].search(folded)
    if found is not None and english[2].search(folded):
        return english[1][found.group(1)]
    found = russian[0].search(folded)
    if found is not None:
        return russian[2][found.group(1)]
    found = russian[1].search(folded)
    if found is not None and russian[3].search(folded):
        return russian[2][found.group(1)]
    found = chinese[0].search(folded)
    if found is not None:
        return chinese[1][found.group(1) or found.group(2)]
    found = korean[0].search(folded)
    if found is not None:
        return korean[1][found.group(1)]
    return None
