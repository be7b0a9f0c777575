"""The one walk through pymorphy3's word graph that translit.py and neighbour_words.py share
(bot/engine/graph_walk.py)."""

from __future__ import annotations

from bot.engine import graph_walk, neighbour_words, translit


def test_the_cheapest_dictionary_word_wins_the_usual_reading_first() -> None:
    spellings = translit.scheme().spellings
    assert graph_walk.cheapest("skolko", spellings) == "сколько"  # a soft sign restored
    assert graph_walk.cheapest("sakhaline", spellings) == "сахалине"
    assert graph_walk.cheapest("qqq", spellings) is None  # no Russian word at all


def test_an_unlisted_letter_is_kept_only_when_asked() -> None:
    letters = {"а": (("о", 1), ("а", 0))}
    strict = graph_walk.Spellings(letters, 1, frozenset(), max_cost=2)
    keeping = graph_walk.Spellings(letters, 1, frozenset(), max_cost=2, keep_unlisted=True)
    # "малако": only "а" is listed; the other letters pass as they are only when kept.
    assert graph_walk.cheapest("малако", strict) is None
    assert graph_walk.cheapest("малако", keeping) == "молоко"


def test_both_readers_read_through_it() -> None:
    assert translit.cyrillic("skolko") == "сколько"
    assert neighbour_words.russian_word("здаваць") == "сдавать"
