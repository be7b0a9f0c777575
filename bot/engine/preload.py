"""What the first question would otherwise wait for, loaded at start-up (Runtime.warm_up runs
this in a thread a little after start): the Russian, Chinese and Korean analysers and cue
tables, the gazetteer and word lists, the concepts' cues (concept_facts.py), the sourcing
cues (source_aspects.py), and the intent model of the second opinion."""

from __future__ import annotations

from bot.engine import gazetteer, written_chinese
from bot.engine.analysis import warm_up as load_analysers
from bot.engine.concept_facts import warm_up as load_concepts
from bot.engine.intent_model import shipped_model
from bot.engine.language import Language
from bot.engine.latin_cities import warm_up as warm_latin_cities
from bot.engine.lexicon import analysed_lexicon
from bot.engine.source_aspects import warm_up as load_sourcing_cues


def preload() -> None:
    load_analysers()
    written_chinese.warm_up()
    gazetteer.warm_up()
    load_concepts()
    load_sourcing_cues()
    for language in Language:
        if language is not Language.EN:
            analysed_lexicon(language)
            warm_latin_cities(str(language))
    # 74 ms, else in the time of the first question the rules are unsure of.
    shipped_model()
