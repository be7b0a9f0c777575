"""A report's own sources and changes, read from its stored fields (round 11): who denied or
confirmed what it says (stances.py), a change asserted of a named place that its report
states otherwise (change_premises.py), and the sources of one place only (sourcing.py,
silences.py). Over a made-up report of our own (testkit/reports/test_signal_2026.json: a
Kenyan ministry spokesman who denies, a Windhoek councillor who confirms, a rise of 30 %, an
unchanged figure and a share of pay) with wordings written for these tests; each negative
says what must not change.
"""

from __future__ import annotations

import asyncio
from decimal import Decimal
from pathlib import Path

import pytest

from bot.engine import AnswerEngine
from bot.engine.share_premises import asserted_percents
from bot.engine.stances import asks_stance
from bot.i18n import Language
from testkit.engine import engine_with, lines_in, text_of

REPORTS = Path(__file__).parents[2] / "testkit" / "reports"
DENIAL = (
    "• Test only: Otieno Testa, a spokesman for Kenya's labour ministry, denied that any North "
    "Korean crane operators work at the Mombasa port. Source: Otieno Testa, a made-up "
    "spokesman for Kenya's labour ministry, who told Test Signal; carried by Test Signal — "
    "unverified [#1404]"
)
DENIER = "What Otieno Testa, a made-up spokesman for Kenya's labour ministry said:"
CONFIRMER = "What Hilma Testing, a made-up councillor in Windhoek said:"


def _engine(tmp: pytest.TempPathFactory, name: str, *documents: Path) -> AnswerEngine:
    path = tmp.mktemp(name) / "store.sqlite3"
    return asyncio.run(engine_with(f"sqlite+aiosqlite:///{path}", *documents))


@pytest.fixture(scope="module")
def signal(tmp_path_factory: pytest.TempPathFactory) -> AnswerEngine:
    return _engine(tmp_path_factory, "signal", REPORTS / "test_signal_2026.json")


@pytest.fixture(scope="module")
def courier(tmp_path_factory: pytest.TempPathFactory) -> AnswerEngine:
    return _engine(tmp_path_factory, "courier", REPORTS / "test_courier_2022.json")


@pytest.fixture(scope="module")
def seed(tmp_path_factory: pytest.TempPathFactory) -> AnswerEngine:
    return _engine(tmp_path_factory, "seed")


def body(engine: AnswerEngine, question: str) -> list[str]:
    """The reply's lines without its caveat lines."""
    lines = text_of(engine, question).splitlines()
    return [line for line in lines if line and not line.startswith("⚠️")]


# ----- who denied or confirmed it ----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "language", "asked"),
    [
        ("did kenya deny it?", "en", True),
        ("any official reaction from the ministry", "en", True),
        ("did the police there confirm it", "en", True),  # a weak cue with a holder
        ("is it confirmed?", "en", False),  # whether it is verified: no stance asked
        ("can you confirm the figure", "en", False),
        ("кто это опроверг?", "ru", True),
        ("власти подтвердили?", "ru", True),
        ("это подтверждено?", "ru", False),
        ("官方有没有否认", "zh", True),
        ("这个证实了吗", "zh", False),
        ("정부가 부인했어?", "ko", True),
        ("부인이 같이 갔어?", "ko", False),  # 부인, a wife: no denial
    ],
)
def test_a_stance_is_asked_by_its_words_in_each_language(
    text: str, language: str, asked: bool
) -> None:
    assert asks_stance(text, language) is asked


def test_a_denial_of_a_named_country_is_its_sources_words(signal: AnswerEngine) -> None:
    assert body(signal, "did kenya deny it?") == [DENIER, DENIAL]


def test_a_confirmation_asked_of_a_place_is_only_that_places(signal: AnswerEngine) -> None:
    lines = body(signal, "did anyone in windhoek confirm the cooks are there")
    assert CONFIRMER in lines
    assert DENIER not in lines
    assert any("confirmed that North Korean cooks work" in line for line in lines)


def test_a_stance_with_no_place_shows_every_stored_one(signal: AnswerEngine) -> None:
    lines = body(signal, "the ministry denied it so it's fake")
    assert lines.index(DENIER) < lines.index(CONFIRMER)
    assert "No — none of this is independently verified." in lines


def test_a_stance_read_off_topic_is_still_answered(signal: AnswerEngine) -> None:
    lines = lines_in(signal, "정부가 부인했어?", Language.KO)
    assert any("denied that any North Korean crane operators" in line for line in lines)


def test_no_stance_is_shown_when_none_is_asked_or_stored(
    signal: AnswerEngine, seed: AnswerEngine
) -> None:
    assert not any(line.startswith("What ") for line in body(signal, "is it confirmed?"))
    assert not any("said:" in line for line in body(seed, "did the government deny it?"))


# ----- a change asserted of a named place --------------------------------------------------


def test_doubled_of_a_rise_by_a_percentage_says_the_rise(signal: AnswerEngine) -> None:
    lines = body(signal, "the mombasa payment doubled like sakhalin's, right?")
    assert lines[0] == (
        "No: Test Signal (2 March 2026) does not say it doubled for Mombasa, Kenya: it reports "
        "a rise of 30 %, to 1,300 US dollars (USD) a person a month."
    )
    # Sakhalin's doubling is the report's own: no line says otherwise of it.
    assert not any("for Sakhalin" in line for line in lines)


def test_a_rise_asserted_of_unchanged_figures_says_each_as_reported(
    signal: AnswerEngine,
) -> None:
    lines = body(signal, "windhoek cooks went up last year, how much by")
    assert lines[0] == (
        "No: Test Signal (2 March 2026) does not say it went up for Windhoek, Namibia: it says "
        "the figure is unchanged: 250 US dollars (USD) a person a week."
    )
    # The cooks are asked (basis_work.by_whom): not the kitchen porters' share beside them.
    assert not any("55 percent" in line for line in lines)
    both = body(signal, "windhoek hotel kitchens went up last year, how much by")
    assert both[:2] == [
        "No: Test Signal (2 March 2026) does not say it went up for Windhoek, Namibia: it says "
        "the figure is unchanged: 250 US dollars (USD) a person a week.",
        "No: Test Signal (2 March 2026) does not say it went up for Windhoek, Namibia: it gives "
        "no change, only 55 percent of their monthly pay a person a month.",
    ]


def test_a_change_asserted_as_reported_is_not_contradicted(
    signal: AnswerEngine, seed: AnswerEngine
) -> None:
    assert not any(line.startswith("No:") for line in body(signal, "mombasa went up 30% right"))
    assert not any("does not say it" in line for line in body(seed, "sakhalin doubled, right?"))


def test_the_change_premise_in_russian_chinese_and_korean(signal: AnswerEngine) -> None:
    ru = lines_in(signal, "момбаса выросла вдвое, как сахалин?", Language.RU)
    assert ru[0] == (
        "Нет, Mombasa, Кения: Test Signal (2 марта 2026\u202fг.) не пишет, что сумма удвоилась; "
        "там сказано: повышение на 30 %, сейчас — 1\xa0300 долларов США (USD) с человека в месяц."
    )
    zh = lines_in(signal, "Mombasa翻倍了吗", Language.ZH)
    assert zh[0].startswith("不对：Test Signal")
    assert "上调30%，变为1,300" in zh[0]  # the amount after the rise, as stated
    ko = lines_in(signal, "Mombasa 두 배로 올랐지?", Language.KO)
    assert ko[0].startswith("아닙니다: Test Signal")
    assert "30% 인상, 현재 1,300" in ko[0]


# ----- the sources of one place ------------------------------------------------------------


def test_a_places_sources_are_its_own_reports(courier: AnswerEngine, seed: AnswerEngine) -> None:
    tynda = "\n".join(body(courier, "who's the source for the tynda stuff"))
    assert "logging-camp supervisor near Tynda" in tynda
    assert "Daily NK" not in tynda  # another report's source in Russia
    # The seed's source in Russia is Sakhalin's own report's.
    assert "a source in Russia" in "\n".join(body(seed, "who is the source for sakhalin"))


def test_named_and_anonymous_sources_of_a_place_are_that_places(signal: AnswerEngine) -> None:
    lines = body(signal, "mombasa sources, are they named?")
    assert (
        "The reports name: Otieno Testa, a made-up spokesman for Kenya's labour ministry "
        "(who told Test Signal)." in lines
    )
    assert (
        "The others speak anonymously: a made-up crane operator at the Mombasa port "
        "(who told Test Signal)." in lines
    )


# ----- a share of pay asserted -------------------------------------------------------------


def test_percentages_are_read_in_each_languages_writing() -> None:
    assert asserted_percents("they hand over 90% of pay") == [Decimal(90)]
    assert asserted_percents("отдают 85 процентов зарплаты") == [Decimal(85)]
    assert asserted_percents("上交九成工资") == [Decimal(90)]
    assert asserted_percents("월급의 80퍼센트") == [Decimal(80)]
    assert asserted_percents("no share here, 300 dollars") == []


def test_a_share_asserted_otherwise_is_answered_with_the_stored_share(
    signal: AnswerEngine,
) -> None:
    assert body(signal, "the signal says porters hand over 80% of their pay")[0] == (
        "No: Test Signal (2 March 2026) reports 55 percent of their monthly pay a person a "
        "month for Windhoek, Namibia, not 80 %."
    )
    zh = lines_in(signal, "报道说Windhoek搬运工上交九成工资，对吧", Language.ZH)
    assert zh[0].startswith("不对：Test Signal")
    assert zh[0].endswith("不是90%。")


def test_a_share_as_reported_or_a_change_in_percent_is_no_premise(signal: AnswerEngine) -> None:
    assert not any(
        line.startswith("No:") for line in body(signal, "windhoek porters give 55% of pay right?")
    )
    assert not any(
        "percent of their monthly pay" in line and line.startswith("No:")
        for line in body(signal, "mombasa went up 30% right")
    )


# ----- a wrong amount of a figure that did not double --------------------------------------


def test_twice_a_figure_that_did_not_double_is_a_wrong_amount(signal: AnswerEngine) -> None:
    assert body(signal, "mombasa guys pay 2600 dollars a month right?")[0] == (
        "No: the reports give 1,300 US dollars (USD) a person a month for Mombasa, Kenya "
        "(Test Signal, 2 March 2026), not $2,600."
    )
    # Twice a doubled figure is the report's implied amount: no "No".
    assert body(signal, "sakhalin is 124000 rubles now right?")[0].startswith("Sakhalin, Russia")


def test_a_wrong_amount_of_a_changed_figure_is_set_against_its_figure_now(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    ledger = _engine(tmp_path_factory, "ledger", REPORTS / "test_ledger_2022.json")
    assert body(ledger, "so it's $200 a week in ulaanbaatar now, right?")[0] == (
        "No: the reports give 150 US dollars (USD), up from 100 US dollars (USD) a person a "
        "week for Ulaanbaatar, Mongolia (Test Ledger, June 2022), not $200."
    )
    assert body(ledger, "ulaanbaatar was 120 a week before right?")[0] == (
        "No: the reports give 100 US dollars (USD) a person a week for Ulaanbaatar, Mongolia "
        "(Test Ledger, June 2022), not 120."
    )


# ----- the outlet of one subject -----------------------------------------------------------


def test_the_outlet_asked_of_a_place_is_its_own_reports(signal: AnswerEngine) -> None:
    mombasa = body(signal, "which outlet ran the mombasa thing")
    assert "Published by: Test Signal" in mombasa
    assert "Published by: HNGN" not in mombasa
    sakhalin = body(signal, "which outlet is behind the sakhalin doubling")
    assert "Published by: HNGN" in sakhalin
    assert "Published by: Test Signal" not in sakhalin
    # Asked of no subject: every report.
    every = body(signal, "which outlet ran the story")
    assert {"Published by: HNGN", "Published by: Test Signal"} <= set(every)
