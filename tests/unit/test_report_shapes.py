"""Reports shaped unlike the seed: arithmetic on a figure of any period (a week, a quarter, a
day given as a floor, a yearly range; a change stated from one amount to another), a report's
statements where the question asks with words the topics do not file (a day off, passports,
a crew that misses its target), and a source asked about by the words a report describes it
with. Over a made-up report of our own (testkit/reports/sample_gazette_2024.json), the two
made-up reports of the report sets (the wordings fixed there, as tests) and the shapes and
almanac fixtures; each negative says what must not change.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from bot.engine import AnswerEngine
from bot.engine.period_sums import HOW, factor
from bot.i18n import Language
from db.kinds import Period
from testkit.engine import EXAMPLE_ALMANAC, SAMPLE_GAZETTE, engine_with, lines_in, text_of

REPORTS = Path(__file__).parents[2] / "testkit" / "reports"
LABEL = "our arithmetic from the report's figures"


def _engine(tmp: pytest.TempPathFactory, name: str, *documents: Path) -> AnswerEngine:
    path = tmp.mktemp(name) / "store.sqlite3"
    return asyncio.run(engine_with(f"sqlite+aiosqlite:///{path}", *documents))


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> AnswerEngine:
    return _engine(tmp_path_factory, "sample", SAMPLE_GAZETTE)


@pytest.fixture(scope="module")
def courier(tmp_path_factory: pytest.TempPathFactory) -> AnswerEngine:
    return _engine(tmp_path_factory, "courier", REPORTS / "test_courier_2022.json")


@pytest.fixture(scope="module")
def ledger(tmp_path_factory: pytest.TempPathFactory) -> AnswerEngine:
    return _engine(tmp_path_factory, "ledger", REPORTS / "test_ledger_2022.json")


@pytest.fixture(scope="module")
def shapes(tmp_path_factory: pytest.TempPathFactory) -> AnswerEngine:
    return _engine(tmp_path_factory, "shapes", REPORTS / "test_shapes_2023.json")


@pytest.fixture(scope="module")
def almanac(tmp_path_factory: pytest.TempPathFactory) -> AnswerEngine:
    return _engine(tmp_path_factory, "almanac", EXAMPLE_ALMANAC)


def body(engine: AnswerEngine, question: str) -> str:
    """The reply without its caveat lines."""
    lines = text_of(engine, question).splitlines()
    return "\n".join(line for line in lines if not line.startswith("⚠️"))


# ----- the conversions themselves ---------------------------------------------------------


def test_every_conversion_between_two_periods_has_its_words_and_factor() -> None:
    periods = [p for p in Period if p != Period.ONCE]
    for source in periods:
        for target in periods:
            if source != target:
                assert (source, target) in HOW
                assert float(factor(source, target) * factor(target, source)) == pytest.approx(1)
    assert factor(Period.DAY, Period.WEEK) == 7  # a week is seven days, not 365 / 52
    assert float(factor(Period.QUARTER, Period.MONTH)) == pytest.approx(1 / 3)
    assert factor(Period.WEEK, Period.YEAR) == 52


# ----- a figure of any period, worked out for another -------------------------------------


@pytest.mark.parametrize(
    ("question", "wanted", "unwanted"),
    [
        # A weekly figure raised from 5,000 to 6,000: at the new amount unless asked before.
        ("novosibirsk per year?", "312,000 rubles (RUB) a year (× fifty-two weeks)", "260,000"),
        ("sawmill hands in novosibirsk, yearly total", "312,000", "260,000"),
        ("novosibirsk before the rise, per year", "260,000 rubles (RUB) a year", "312,000"),
        # A quarterly figure, a month and a year (quarters.py's sentence); a week; in dollars.
        ("almaty per month", "300,000 Kazakhstani tenges (KZT) a month (900,000 ÷ 3)", "62,000"),
        ("almaty per week", "69,231 Kazakhstani tenges (KZT) a week (÷ thirteen weeks)", "62,000"),
        ("almaty quota a year in dollars", "$8,000 a year (× four quarters)", "3,600,000"),
        # A yearly range stays a range.
        (
            "muscat yearly per month?",
            "100 to 125 Omani rials (OMR) a month",
            "1,200 to 1,500 Omani rials (OMR) a year —",
        ),
    ],
)
def test_a_figure_of_any_period_is_worked_out_for_the_period_asked(
    sample: AnswerEngine, question: str, wanted: str, unwanted: str
) -> None:
    text = body(sample, question)
    assert wanted in text and LABEL in text, text
    assert unwanted not in text, text
    assert "so no monthly or yearly sum is made of it" not in text, text


def test_a_bound_is_said_to_be_one_and_not_worked_out(sample: AnswerEngine) -> None:
    text = body(sample, "bangkok laundry per week")
    assert "only a lower bound (“at least”), not one figure" in text, text
    assert "7,000" not in text and LABEL not in text, text


def test_a_question_offering_periods_as_alternatives_asks_the_period(sample: AnswerEngine) -> None:
    text = body(sample, "is the muscat figure per month or per year?")
    assert "a month (÷ twelve months)" not in text and LABEL not in text, text


def test_a_period_asked_in_another_language_is_read_from_its_words(sample: AnswerEngine) -> None:
    for question in ("阿拉木图每月交多少", "알마티 한 달에 얼마"):
        lines = " ".join(lines_in(sample, question, Language.EN))
        assert "300,000" in lines and "900,000 ÷ 3" in lines, lines


@pytest.mark.parametrize(
    ("question", "wanted"),
    [
        ("gdansk shipyard: 40 bucks a day minimum, so per week minimum?", None),
        ("UB garment worker, how much a year at the new rate (52 weeks)", "7,800"),
        ("dubai yearly quota per month?", "1,500 to 1,833 UAE dirhams (AED) a month"),
    ],
)
def test_the_report_sets_wordings(
    courier: AnswerEngine, ledger: AnswerEngine, question: str, wanted: str | None
) -> None:
    if wanted is None:  # report4: at least US$40 a day, a week
        text = body(courier, question)
        # (The document gives "at least" only in its words: no bound field, so no "at least".)
        assert "280 US dollars (USD) a week (× seven days)" in text, text
    else:  # report3: a weekly figure from 100 to 150, a yearly range
        text = body(ledger, question)
        assert wanted in text and LABEL in text, text


def test_a_quarterly_figure_before_a_reported_percentage_rise(shapes: AnswerEngine) -> None:
    text = body(shapes, "khabarovsk per month before the rise")
    assert "360,000" in text and "(450,000 ÷ 1.25)" in text, text
    assert "120,000 rubles (RUB) a month" in text, text
    text = body(shapes, "khabarovsk per year")
    assert "1,800,000 rubles (RUB) a year (450,000 × 4)" in text, text


def test_a_monthly_figure_from_one_amount_to_another_sums_the_new_one(
    almanac: AnswerEngine,
) -> None:
    text = body(almanac, "gdansk per year")
    assert "450 euros (EUR) a person a month (the amount after the change)" in text, text
    assert "5,400 euros (EUR) a year" in text and "3,600" not in text, text
    text = body(almanac, "gdansk per year before the rise")
    assert "3,600 euros (EUR) a year" in text and "5,400" not in text, text


@pytest.mark.parametrize(
    ("engine_name", "question", "wanted"),
    [
        ("sample", "by how much did the novosibirsk weekly quota go up in percent", "up 20%"),
        ("sample", "novosibirsk: how many times the old weekly amount?", "1.2 times"),
        ("almanac", "by what percent did the gdansk quota rise", "up 50%"),
        ("ledger", "by how much did the UB weekly quota go up, in %", "up 50%"),
    ],
)
def test_a_stated_change_as_gap_ratio_and_percent(
    request: pytest.FixtureRequest, engine_name: str, question: str, wanted: str
) -> None:
    text = body(request.getfixturevalue(engine_name), question)
    assert wanted in text and LABEL in text, text


def test_the_seed_monthly_sums_are_unchanged(sample: AnswerEngine) -> None:
    text = body(sample, "sakhalin per year")
    assert "744,000" in text and "1,488,000" in text, text
    assert "Novosibirsk" not in text, text


# ----- a report's statements where no topic files them --------------------------------------


@pytest.mark.parametrize(
    ("engine_name", "question", "wanted"),
    [
        ("courier", "do the gdansk guys ever get a day off", "Sunday"),
        ("courier", "do the loggers in tynda get to keep their passports?", "passports"),
        ("courier", "what happens to a logging crew that misses its target", "halved"),
        ("ledger", "how long are the shifts for the UB garment workers", "12-hour shifts"),
        ("ledger", "do the sewing workers get any day off?", "Sunday"),
        ("sample", "do the almaty pipe fitters get holidays off?", "public holidays"),
        ("sample", "can the novosibirsk sawmill hands keep their phones", "mobile phones"),
        ("sample", "what happens to a novosibirsk brigade that falls behind", "bread"),
    ],
)
def test_a_reports_fact_answers_what_its_topics_do_not_file(
    request: pytest.FixtureRequest, engine_name: str, question: str, wanted: str
) -> None:
    text = body(request.getfixturevalue(engine_name), question)
    assert wanted in text, text
    assert "None of the 2 reports" not in text, text


@pytest.mark.parametrize(
    ("engine_name", "question", "unwanted"),
    [
        ("courier", "what do the loggers near tynda actually earn a month", "passports"),
        ("courier", "how big is one IT team in vientiane, how many people", "betting"),
        ("courier", "what happens to the gdansk welders if they don't pay", "What the reports"),
        ("courier", "which company runs the logging camps around tynda?", "passports"),
        ("ledger", "whats the wage for the sewing girls in UB", "12-hour"),
        ("ledger", "how many north korean workers are in dubai restaurants?", "night shifts"),
        ("sample", "how many workers are in the almaty crews", "holidays"),
        ("sample", "what wage do the novosibirsk sawmill hands get", "bread"),
    ],
)
def test_a_fact_that_only_shares_the_subject_is_no_answer(
    request: pytest.FixtureRequest, engine_name: str, question: str, unwanted: str
) -> None:
    text = body(request.getfixturevalue(engine_name), question)
    assert "does not say" in text or "None of the" in text, text
    assert unwanted not in text, text


# ----- a source asked about by the words a report describes it with ---------------------


@pytest.mark.parametrize(
    ("engine_name", "question", "wanted"),
    [
        ("courier", "what exactly did the embassy guy say", "fabrication"),
        ("courier", "what did the counsellor say", "fabrication"),
        ("courier", "what does the subcontractor say", "Sunday"),
        ("courier", "who denied it and when did the article come out", "Ri Chol Ho"),
        ("sample", "what did the trade attache say", "slander"),
        ("sample", "what did the engineer say", "gas pipelines"),
        ("sample", "what did the consulate guy say", "slander"),
    ],
)
def test_a_source_by_its_description(
    request: pytest.FixtureRequest, engine_name: str, question: str, wanted: str
) -> None:
    text = body(request.getfixturevalue(engine_name), question)
    assert wanted in text, text


@pytest.mark.parametrize(
    "question", ["who is the president of russia", "what time is it in warsaw rn"]
)
def test_a_place_or_another_subject_names_no_source(courier: AnswerEngine, question: str) -> None:
    text = body(courier, question)
    assert "I can only answer" in text, text
    assert "said:" not in text and "IT workers" not in text, text


# ----- a kind of work named like an ordinary word -----------------------------------------


def test_it_is_the_it_sector_only_before_a_word_for_people(courier: AnswerEngine) -> None:
    assert "37,500,000" in body(courier, "it guys quota?")
    assert "37,500,000" in body(courier, "how much do the IT teams in vientiane pay")
    assert "37,500,000" not in body(courier, "who denied it")


# ----- named sources --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("engine_name", "question", "named"),
    [
        ("courier", "is anyone on record denying any of this", "Ri Chol Ho"),
        ("sample", "who are the sources, are any of them named?", "Pak Sample Chol"),
        ("sample", "is anyone named on the record here", "Pak Sample Chol"),
    ],
)
def test_a_named_source_is_named_not_denied(
    request: pytest.FixtureRequest, engine_name: str, question: str, named: str
) -> None:
    text = body(request.getfixturevalue(engine_name), question)
    assert f"The reports name: {named}" in text, text
    assert "The others speak anonymously:" in text, text
    assert "says who the sources are" not in text, text


def test_with_anonymous_sources_only_the_silence_stands(almanac: AnswerEngine) -> None:
    text = body(almanac, "who are the sources, are any of them named?")
    assert "The reports name" not in text, text
    assert "says who the sources are" in text, text


def test_a_named_source_of_another_place_is_not_named_for_this_one(
    ledger: AnswerEngine,
) -> None:
    text = body(ledger, "is the dubai source named or anonymous")
    assert "Batbayar" not in text and "anonymous" in text, text
    text = body(ledger, "is the ulaanbaatar source named?")
    assert "The reports name: Batbayar Test" in text, text


# ----- a figure stored without a period, whose own words name one ------------------------


def test_a_figure_whose_basis_words_name_a_quarter_is_not_summed_as_monthly(
    courier: AnswerEngine,
) -> None:
    # report4's Tynda figure: no period field, basis "each logger, every quarter".
    text = body(courier, "logging target per year then? (tynda)")
    assert "1,800,000 rubles (RUB) a year (× four quarters)" in text, text
    assert "5,400,000" not in text and "× twelve months" not in text, text
    assert "the report gives no new amount" in text, text


def test_a_period_named_with_no_figure_asked_converts_nothing(courier: AnswerEngine) -> None:
    text = body(courier, "ok and a month?")
    assert LABEL not in text, text


# ----- a stored place named in Cyrillic -----------------------------------------------------


@pytest.mark.parametrize(
    ("engine_name", "question", "figure"),
    [
        ("courier", "скока щас сдают лесорубы под тындой за квартал", "450"),
        ("courier", "сколько в год выходит с одного лесоруба в тынде", "1 800 000"),
        ("sample", "сколько платят в Новосибирске в неделю", "000"),
    ],
)
def test_a_stored_place_written_in_cyrillic_is_that_place(
    request: pytest.FixtureRequest, engine_name: str, question: str, figure: str
) -> None:
    lines = " ".join(lines_in(request.getfixturevalue(engine_name), question, Language.RU))
    assert figure in lines.replace("\u00a0", " ").replace("\u202f", " "), lines
    assert "не упоминается" not in lines, lines


def test_a_cyrillic_name_near_no_stored_place_is_still_not_covered(courier: AnswerEngine) -> None:
    lines = " ".join(lines_in(courier, "сколько платят в Омске", Language.RU))
    assert "не упоминается Омск" in lines, lines


def test_cyrillic_spelling_is_compared_by_letters() -> None:
    from bot.engine.cyrillic_places import latin, stored_place

    places = {"Tynda", "Gdansk", "Ulaanbaatar", "Oslo"}
    assert latin("Улан-Батор") == "ulanbator"
    assert stored_place("Тында", places) == "Tynda"
    assert stored_place("Гданьск", places) == "Gdansk"
    assert stored_place("Улан-Батор", places) == "Ulaanbaatar"
    assert stored_place("Ош", places) is None  # short names must match exactly
    assert stored_place("Омск", places) is None
