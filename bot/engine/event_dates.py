"""A publication cue beside a dated event: "когда вышла директива про удвоение", "指令哪天发的".

"Вышла", "发的", "come out" ask when something was issued; the vocabularies read them as the
article's publication date, the commonest thing asked so. When the part names an event the
report dates (an order, a directive, the change it made) and not the article itself, the date
asked is the event's: the date line answers it (the directive of March 10), not "the article
carries no publication date". Words: vocabulary/event_dates.json.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from bot.engine.vocabulary import Attribute, Intent

if TYPE_CHECKING:
    from bot.engine.understanding import Understanding

FILE = Path(__file__).parent / "vocabulary" / "event_dates.json"


@lru_cache(maxsize=1)
def _patterns() -> dict[str, tuple[re.Pattern[str], re.Pattern[str]]]:
    data = json.loads(FILE.read_text(encoding="utf-8"))
    return {
        language: (re.compile(data["events"][language]), re.compile(data["pieces"][language]))
        for language in data["events"]
    }


def event_date_asked(s: Understanding) -> bool:
    """Turn a part's publication date into the date of the event it names, when it names
    one and not the article; whether it did."""
    if Attribute.PUBLICATION_DATE not in s.attributes:
        return False  # the common case: one membership test
    patterns = _patterns().get(str(s.language))
    if patterns is None:
        return False
    text = s.text.casefold()
    events, pieces = patterns
    if not events.search(text) or pieces.search(text):
        return False
    s.attributes.remove(Attribute.PUBLICATION_DATE)
    if Intent.DATE not in s.intents:
        s.intents.append(Intent.DATE)
    return True
