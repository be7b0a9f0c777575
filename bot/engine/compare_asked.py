"""Whether a comparison cue asks a comparison of places.

"Which country's workers are affected" names no comparison: a "which" cue compares only
beside a comparative word ("which country pays more"; the words are data,
``comparative_words`` in bot/engine/vocabulary/en.json). "Sakhalin old vs new" compares one
place before and after: its quota, which gives both, not the other place's.
"""

from __future__ import annotations

from bot.engine.language import Language
from bot.engine.text import words
from bot.engine.understanding import Understanding
from bot.engine.vocabulary import Intent, Vocabulary


def settle_compare(s: Understanding, vocabulary: Vocabulary) -> None:
    if Intent.COMPARE not in s.intents or not vocabulary.comparative_words:
        return
    english = s.language is Language.EN  # the comparative words are English
    one_place = len(s.places) + len(s.countries) == 1 and not s.pair_asked
    if one_place and s.before and s.now:
        s.intents = [Intent.QUOTA if i == Intent.COMPARE else i for i in s.intents]
    elif english and not vocabulary.comparative_words & set(words(s.text)) and not s.operations:
        s.intents = [Intent.LIST if i == Intent.COMPARE else i for i in s.intents]
    s.intents = list(dict.fromkeys(s.intents))
