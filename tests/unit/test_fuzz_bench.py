"""The fuzz bench's own parts (bench/fuzz.py): the same seed makes the same questions, and
its "invented figure" check tells a made-up number from a stored one, the question's own,
a labelled derivation and a capped list's count."""

from __future__ import annotations

from bench.fuzz import Generator, invented, message_problems, stored_figures

QUESTIONS = ["how much in Sakhalin?", "сколько в Даляне?", "大连多少？", "사할린은 얼마?"]
PLACES = ["Sakhalin", "Dalian", "Mindelo"]
LABELS = ["our arithmetic", "implied"]


def test_the_same_seed_makes_the_same_questions() -> None:
    first = list(Generator(QUESTIONS, PLACES, seed=7).generate(60, 0.9))
    again = list(Generator(QUESTIONS, PLACES, seed=7).generate(60, 0.9))
    other = list(Generator(QUESTIONS, PLACES, seed=8).generate(60, 0.9))
    assert first == again
    assert first != other
    assert len(first) == 60
    assert sum(kind == "set" for kind, _ in first) == 4  # the sets' own: all of them
    assert {kind for kind, _ in first} - {"set"}  # and mutations


def test_stored_figures_come_from_the_documents_but_not_their_ids() -> None:
    document = {
        "claims": [{"id": 9731, "amount": "640", "statement": "owes 1,250 euros a month"}],
        "articles": [{"id": 555, "url": "https://x.org/77", "title": "dues"}],
    }
    figures = stored_figures([document])
    assert {640.0, 1250.0} <= set(figures)
    assert not {9731.0, 555.0, 77.0} & set(figures)


def test_an_unlabelled_number_is_invented_and_a_labelled_one_is_not() -> None:
    allowed = [62000.0]
    assert invented("Sakhalin: 62,000 rubles.", "en", "q", allowed, LABELS) == []
    assert invented("Sakhalin: 63,500 rubles.", "en", "q", allowed, LABELS) == [63500.0]
    derived = "Both: 96,000 rubles — our arithmetic from the report's figures."
    assert invented(derived, "en", "q", allowed, LABELS) == []
    # The question's own number may be echoed, in any digits or slang.
    assert invented("No: not 30,000.", "ru", "там 30 тыщ было", allowed, LABELS) == []
    assert invented("No: not 123.", "en", "а не ١٢٣?", allowed, LABELS) == []
    # A capped list's note counts the store's rows.
    assert invented("…and 29 more facts in the store.", "en", "q", allowed, LABELS) == []


def test_message_problems_catch_a_missing_caveat_and_bad_html() -> None:
    assert message_problems(["<b>fine</b>\n\n⚠️ <i>Unverified.</i>"]) == []
    assert message_problems([]) == ["no message"]
    assert any("no caveat" in p for p in message_problems(["<b>fine</b>"]))
    assert message_problems(["<b>open\n⚠️"])  # unclosed tag
