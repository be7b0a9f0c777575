"""Whether a part asks when, in its language's own shapes ("когда удвоили", "什么时候翻倍的",
"언제부터 두배로"): beside the quota or its change, the date line answers it, not the quota
block, as English's "when" does (answering.py). Patterns: vocabulary/date_asks.json."""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

from bot.engine.language import Language
from bot.engine.understanding import Understanding

FILE = Path(__file__).parent / "vocabulary" / "date_asks.json"


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern[str]]:
    raw = json.loads(FILE.read_text(encoding="utf-8"))
    return {language: re.compile(p) for language, p in raw.items() if language != "note"}


def when_word(text: str, language: Language) -> bool:
    """Whether the text has a word that asks when, in ``language``."""
    pattern = _patterns().get(str(language))
    return pattern is not None and pattern.search(text.casefold()) is not None


def asks_when(segment: Understanding) -> bool:
    """A part asking when, and no amount beside it ("사할린얼마?…언제부터?" keeps the figures)."""
    return when_word(segment.text, segment.language) and not segment.amount_hinted
