"""The answer engine over many phrasings, with no Telegram: question in, facts out."""

from __future__ import annotations

import asyncio
import re

import pytest

from bot.engine import AnswerEngine
from bot.sending.messages import build_messages
from testkit.engine import seeded_engine, text_of


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> AnswerEngine:
    # The engine is plain Python once built: one seeded store serves the module.
    path = tmp_path_factory.mktemp("engine") / "store.sqlite3"
    return asyncio.run(seeded_engine(f"sqlite+aiosqlite:///{path}"))


# (question, phrases the answer must contain, phrases it must not contain)
QUESTIONS: list[tuple[str, list[str], list[str]]] = [
    # Quotas by place, country, sector, currency.
    (
        "What was the quota in Russia?",
        ["62,000 rubles", "124,000", "implied by “doubled”"],
        ["yuan"],
    ),
    ("how much do the workers in sakhalin owe now?", ["124,000 rubles", "implied"], ["3,400"]),
    ("fish plant workers china quota", ["3,400 yuan", "6,800 yuan", "March 10"], ["rubles"]),
    ("dalian", ["3,400 yuan"], ["62,000"]),
    ("quota in rubles", ["62,000 rubles"], ["3,400"]),
    ("how much yuan do they pay", ["3,400 yuan"], ["62,000"]),
    ("construction workers quota", ["Sakhalin", "62,000"], ["Dalian"]),
    ("seafood", ["Dalian", "3,400"], ["Sakhalin"]),
    ("sakalin qouta", ["62,000 rubles"], []),
    ("DALIAN QUOTA NOW", ["6,800 yuan"], []),
    ("what do workers in china have to pay after the increase", ["6,800 yuan", "implied"], []),
    ("Сахалин", ["62,000"], []),
    ("大连", ["3,400"], []),
    # Dollars.
    (
        "how much is that in dollars",
        ["nearly $730", "nearly $470", "about $1,460", "about $940"],
        [],
    ),
    ("sakhalin quota in usd", ["$730", "$1,460"], []),
    # Dates.
    ("when was the directive", ["March 10", "no year"], []),
    ("when did the quota in russia change", ["no date"], []),
    ("what year did this happen", ["no year"], ["2024", "2025", "2026"]),
    # Sources and the article.
    ("who says so?", ["a source in Russia", "Daily NK", "a source in China", "narration"], []),
    ("who is the source for the dalian figure", ["a source in China"], []),
    ("who reported this", ["HNGN", "Daily NK"], []),
    ("what is the title of the article", ["North Korea Doubles Foreign Currency Quotas"], []),
    ("who published it", ["HNGN"], []),
    # Verification.
    (
        "is any of this confirmed",
        ["none of this is independently verified", "cannot independently verify"],
        [],
    ),
    ("can i trust this", ["none of this is independently verified"], []),
    ("is it true?", ["none of this is independently verified"], []),
    # Reasons and context.
    (
        "why did they raise the quotas",
        ["Eighth Party Congress", "patriotic movement", "celebration of victory"],
        [],
    ),
    ("what's loyalty cash", ["loyalty money"], []),
    ("what is loyalty money", ["foreign currency"], []),
    ("do they work longer hours", ["longer hours"], []),
    ("can they save money and go home", ["savings", "married"], []),
    ("marriage", ["married"], []),
    ("can the workers protest", ["no means of protesting"], []),
    ("what do locals think", ["sympathetic locals", "feel very sorry"], []),
    ("young female workers", ["Young female North Korean workers must obey"], []),
    ("how much do they earn", ["takes most of what"], []),
    # Comparisons, lists, sectors, units.
    ("russia vs china", ["62,000 rubles", "3,400 yuan", "our arithmetic"], []),
    ("compare sakhalin and dalian", ["Sakhalin", "Dalian"], []),
    ("list all quotas", ["#1", "#2", "62,000", "3,400"], []),
    ("what sectors", ["construction", "seafood processing"], []),
    ("is it per person or per month", ["per person", "per month"], []),
    # Two questions in one.
    ("what is the quota in dalian and who said it?", ["3,400 yuan", "a source in China"], []),
    ("sakhalin quota? is it verified?", ["62,000", "none of this is independently verified"], []),
    # The report is silent.
    ("how many workers are there", ["does not say how many workers"], []),
    ("what is the quota in vietnam", ["does not", "Sakhalin"], ["62,000 rubles a person"]),
    ("quota in moscow", ["does not mention Moscow"], []),
    ("what about south korea", ["does not", "covers"], []),
    # A yearly figure is our arithmetic, labelled: neither amount asked, so at the stated
    # one and at the one implied by "doubled", each said which.
    (
        "how much will they pay in a year",
        [
            "monthly quotas only",
            "744,000 rubles",
            "our arithmetic",
            "(before the doubling)",
            "1,488,000 rubles",
            "(implied by “doubled”)",
        ],
        [],
    ),
    ("did they double it", ["doubled"], ["I answer questions"]),
    ("which country pays more", ["our arithmetic"], []),
    ("where are the workers", ["Sakhalin", "Dalian"], []),
    ("what currency", ["rubles", "yuan"], []),
    ("is the dalian figure true", ["3,400 yuan", "none of this is independently verified"], []),
    ("who is the chinese source", ["a source in China"], ["a source in Russia"]),
    # Off topic and odd input.
    ("what's the weather like", ["only answer questions"], []),
    ("", ["only answer questions"], []),
    ("😀😀😀", ["only answer questions"], []),
    ("<b>hi</b> '; DROP TABLE claims; --", [], []),
]


@pytest.mark.parametrize(("question", "expected", "forbidden"), QUESTIONS)
def test_answers(
    engine: AnswerEngine, question: str, expected: list[str], forbidden: list[str]
) -> None:
    answer = text_of(engine, question)
    for phrase in expected:
        assert phrase in answer, f"{question!r}: expected {phrase!r} in\n{answer}"
    for phrase in forbidden:
        assert phrase not in answer, f"{question!r}: did not expect {phrase!r} in\n{answer}"
    assert "HNGN cannot independently verify the claims." in answer


def test_never_states_a_year(engine: AnswerEngine) -> None:
    for question, _, _ in QUESTIONS:
        assert not re.search(r"\b(19|20)\d\d\b", text_of(engine, question)), question


def test_every_number_comes_from_the_store_or_is_labelled(engine: AnswerEngine) -> None:
    stored = {"62,000", "730", "3,400", "470", "10"}
    # Each derived number, and the label its line must carry.
    derived = {
        "124,000": "implied",
        "1,460": "implied",
        "6,800": "implied",
        "940": "implied",
        "260": "our arithmetic",
        "744,000": "our arithmetic",
        "40,800": "our arithmetic",
        # A year at the new amount too, when neither the old nor the new one is asked.
        "1,488,000": "our arithmetic",
        "81,600": "our arithmetic",
    }
    for question, _, _ in QUESTIONS:
        lines = text_of(engine, question).splitlines()
        # Claim ids such as [#12] or (#1, #5) are citations, not figures.
        cited = [re.sub(r"#\d+", "", ln) for ln in lines]
        for line, number in ((ln, n) for ln in cited for n in re.findall(r"\d+(?:,\d{3})*", ln)):
            assert number in stored | derived.keys(), f"{question!r}: unexplained number {number}"
            if number in derived:
                assert derived[number] in line, f"{question!r}: {number} unlabelled in {line!r}"


def test_long_and_hostile_input_is_answered(engine: AnswerEngine) -> None:
    for question in ("sakhalin " * 2000, "\u202edalian\u200b quota", "q" * 10_000):
        reply = engine.answer(question)
        assert reply.lines


def test_unanswerable_questions_are_marked(engine: AnswerEngine) -> None:
    assert not engine.answer("what's the weather like").answered
    assert not engine.answer("quota in moscow").answered
    assert engine.answer("quota in dalian").answered


def test_a_quota_without_dollars_or_unit_reads_right(engine: AnswerEngine) -> None:
    import dataclasses
    from decimal import Decimal

    from bot.engine.compose import Composer
    from bot.engine.reply import Reply

    base = engine.snapshot.claim(1)
    assert base is not None
    bare = dataclasses.replace(base, usd_amount=None, period=None, basis=None)
    lines = Composer(engine.snapshot, {"RU": "Russia"}).quota_block(bare, Reply())
    text = "\n".join(lines)
    assert "Before: 62,000 rubles (RUB)." in text
    assert "Now: doubled, so 124,000 rubles (RUB) — " in text
    assert ",." not in text and ", —" not in text
    assert bare.amount == Decimal(62000)


def big_engine(engine: AnswerEngine, quotas: int) -> AnswerEngine:
    """The seed plus ``quotas`` synthetic quota figures, each for its own place."""
    import dataclasses

    from db.snapshot import Snapshot

    seed = engine.snapshot
    template = seed.claim(1)
    assert template is not None and template.is_quota
    start = max(c.id for c in seed.claims) + 1
    extra = tuple(
        dataclasses.replace(template, id=start + n, place=f"Testville {n:05d}", change_date=None)
        for n in range(quotas)
    )
    snapshot = Snapshot(
        revision=seed.revision + 1,
        articles=seed.articles,
        sources=seed.sources,
        claims=seed.claims + extra,
        aliases=seed.aliases,
        default_article_id=seed.default_article_id,
    )
    return AnswerEngine(snapshot)


STORE_WIDE_QUESTIONS = [
    "/quotas",
    "all quotas",
    "Who says so?",
    "quotas in dollars",
    "when did the quotas change",
    "what jobs do they do",
    "is it per person or per month",
    "Russia vs China",
    "quota in Russia",
    "quota in Narnia",
    "quota in moscow",
]


@pytest.mark.parametrize("question", STORE_WIDE_QUESTIONS)
def test_store_wide_answers_stay_short_however_large_the_store(
    engine: AnswerEngine, question: str
) -> None:
    big = big_engine(engine, 3_000)
    reply = big.answer(question)
    messages = build_messages(reply.lines, reply.caveats(big.snapshot))
    # One question, at most two messages, however large the store.
    assert len(messages) <= 2, (question, len(messages))
    assert "cannot independently verify" in messages[-1]
    # Every claim it cites is one it shows: hidden claims are counted, not cited.
    assert len(reply.claim_ids) <= 40


def test_a_capped_list_says_how_many_it_left_out(engine: AnswerEngine) -> None:
    from bot.engine.compose import LIST_LIMIT

    big = big_engine(engine, 50)
    text = text_of(big, "/quotas")
    assert text.count("• #") == LIST_LIMIT
    assert f"…and {52 - LIST_LIMIT:,} more quota figures in the store" in text
    assert "Ask about one place" in text
    # A place beyond the first page is still answered on its own.
    assert "Testville 00049" in text_of(big, "quota in Testville 00049")
    covered = text_of(big, "quota in Narnia")
    assert "Sakhalin, Russia; Dalian, China; Testville 00000, Russia;" in covered
    assert "; and 42 other places." in covered


def test_small_stores_are_not_capped(engine: AnswerEngine) -> None:
    text = text_of(engine, "/quotas")
    assert "more quota figures" not in text
    assert "Sakhalin" in text and "Dalian" in text


def test_did_you_mean_offers_close_places_only_for_unknown_words(engine: AnswerEngine) -> None:
    reply = engine.answer("quota in shakalin")
    assert not reply.answered
    assert ("Did you mean Sakhalin?", "Sakhalin quota") in reply.follow_ups
    # The button's question answers by itself.
    assert "62,000 rubles" in text_of(engine, "Sakhalin quota")
    # Words the bot knows are not taken for misspelt places.
    plain = engine.answer("how many workers are affected")
    assert not any(label.startswith("Did you mean") for label, _ in plain.follow_ups)


def test_did_you_mean_stays_cheap_and_bounded_in_a_large_store(engine: AnswerEngine) -> None:
    big = big_engine(engine, 3_000)
    reply = big.answer("quota in Testvile 00049 shakalin dalain testvill")
    offers = [label for label, _ in reply.follow_ups if label.startswith("Did you mean")]
    assert len(offers) <= 3
    assert len(reply.follow_ups) <= big.MAX_FOLLOW_UPS + 1


def test_claim_index_selects_what_a_scan_would(engine: AnswerEngine) -> None:
    from bot.engine.compose import ClaimIndex, Composer

    big = big_engine(engine, 300)
    claims = [c for c in big.snapshot.claims if c.is_quota and c.active]
    index = ClaimIndex(claims)
    for question in ["quota in Russia", "Testville 00042 quota", "yuan", "seafood", "Dalian"]:
        u = big.understand(question)
        assert u.has_subject, question
        scan = [c for c in claims if Composer.matches(c, u)]
        assert index.select(u) == scan, question


def test_the_engine_offers_what_handlers_took_from_its_composer(engine: AnswerEngine) -> None:
    from bot.engine.reply import Reply

    quotas = engine.quota_claims()
    assert [c.place for c in quotas] == ["Sakhalin", "Dalian"]
    sakhalin = quotas[0]
    assert engine.attribution(sakhalin) == engine.composer.attribution(sakhalin)
    assert engine.attribution(sakhalin) == (
        "Source: HNGN's own narration (no source named) — unverified [#1]"
    )
    assert engine.claim_line(sakhalin) == engine.composer.claim_line(sakhalin)
    assert engine.covered() == ("It covers quota figures for Sakhalin, Russia and Dalian, China.")
    reply = Reply()
    block = engine.quota_block(sakhalin, reply)
    assert block[1] == "Before: 62,000 rubles (RUB), nearly $730, a person a month."
    assert reply.claim_ids[0] == sakhalin.id
    retracted = Reply()
    line = engine.retraction_line(sakhalin, retracted)
    assert line.startswith("The figure for Sakhalin, Russia (#1) was retracted on")
    assert retracted.claim_ids == [sakhalin.id]


def test_no_engine_module_is_over_500_lines() -> None:
    from pathlib import Path

    import bot.engine

    folder = Path(bot.engine.__file__).parent
    sizes = {p.name: len(p.read_text(encoding="utf-8").splitlines()) for p in folder.glob("*.py")}
    assert {name: size for name, size in sizes.items() if size > 500} == {}
