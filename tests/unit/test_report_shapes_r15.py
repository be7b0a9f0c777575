"""Report shapes of round 15, over a made-up report of our own (testkit/reports/
test_keel_2026.json: a cut from 800 to 600 rials in Nizwa, Oman; a figure for a team of 40 in
Choibalsan, Mongolia; a range in Karakol, Kyrgyzstan whose two sources disagree on a rise;
a quarterly figure in Ebebiyin, Equatorial Guinea), with wordings written for these tests,
not the sets': a change names the amount before it and the one after it (never the one
before as the new one); a question of which way it went is answered, not corrected; sources
who speak of a change are heard; a city no report covers, named in a covered country, gets
none of the covered city's figures; a group's figure asked per member is split over the
head count its own basis gives, labelled.
"""

from __future__ import annotations

import asyncio
import re
from pathlib import Path

import pytest

from bot.engine import AnswerEngine
from bot.engine.wording import speaking
from bot.i18n import DEFAULT_LANGUAGE, detect, translator
from testkit.engine import engine_with, text_of

REPORTS = Path(__file__).parents[2] / "testkit" / "reports"


@pytest.fixture(scope="module")
def keel(tmp_path_factory: pytest.TempPathFactory) -> AnswerEngine:
    path = tmp_path_factory.mktemp("keel") / "store.sqlite3"
    return asyncio.run(engine_with(f"sqlite+aiosqlite:///{path}", REPORTS / "test_keel_2026.json"))


def body(engine: AnswerEngine, question: str) -> str:
    """The reply in the question's language, without its caveat lines."""
    language = detect(question) or DEFAULT_LANGUAGE
    with speaking(translator(language)):
        lines = text_of(engine, question).splitlines()
    return "\n".join(line for line in lines if line and not line.startswith("⚠️"))


# ----- a cut names the amount before and the one after ------------------------------------


@pytest.mark.parametrize(
    "question",
    [
        "nizwa quota went up to 800 right??",
        "the nizwa payment was raised, wasn't it",
        "my cousin says nizwa hiked it",
    ],
)
def test_a_cut_asserted_as_a_rise_names_the_old_and_the_new_amount(
    keel: AnswerEngine, question: str
) -> None:
    text = body(keel, question)
    assert "does not say it went up for Nizwa, Oman" in text
    assert "a fall of 25 %, from 800 to 600 Omani rials (OMR) a person a month" in text
    assert "to 800" not in text  # never the old amount as the new one


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("nizwa went up or down?", "Down: Test Keel (24 November 2026) on Nizwa, Oman: it "
         "reports a fall of 25 %, from 800 to 600"),
        ("did the nizwa quota rise or fall this year", "Down:"),
        ("низва: квоту подняли или снизили?", "Снизилась: Test Keel"),
        ("尼兹瓦的指标是涨了还是降了", "下降：Test Keel"),
        ("니즈와 할당량 올랐어 아니면 내렸어?", "내렸습니다: Test Keel"),
    ],
)  # fmt: skip
def test_which_way_it_went_is_answered_not_corrected(
    keel: AnswerEngine, question: str, expected: str
) -> None:
    text = body(keel, question)
    assert expected in text
    assert "No:" not in text and "Нет:" not in text


def test_a_cut_asserted_of_a_figure_with_no_change_says_so(keel: AnswerEngine) -> None:
    text = body(keel, "the ebebiyin quota was lowered, right")
    assert "does not say it went down for Ebebiyin" in text
    assert "it gives no change, only 1,200,000" in text


def test_a_factor_asserted_is_set_against_the_reported_one(keel: AnswerEngine) -> None:
    text = body(keel, "nizwa cut it by half?")
    assert "No: Test Keel (24 November 2026) does not say that for Nizwa, Oman" in text
    assert "from 800 to 600" in text
    # The right factor asserted gets no "No".
    assert "No:" not in body(keel, "so the nizwa quota is 600 now, after the cut from 800?")


def test_the_drop_itself_is_our_labelled_arithmetic(keel: AnswerEngine) -> None:
    text = body(keel, "by how many rials did nizwa drop by")
    assert "200 Omani rials (OMR) less" in text
    assert "our arithmetic" in text


def test_a_cut_dated_by_month_is_no_directive(keel: AnswerEngine) -> None:
    text = body(keel, "nizwa quota")
    assert "When: September (the report gives no year)." in text
    assert "directive" not in text
    assert "Когда: сентябрь" in body(keel, "низва квота")


# ----- sources who disagree on a change ----------------------------------------------------


@pytest.mark.parametrize(
    "question",
    [
        "did they raise it in karakol?",
        "karakol quota went up in november, confirm",
        "do the karakol sources agree whether it went up",
        "в караколе квоту повысили?",
        "卡拉科尔的指标上调了吗",
    ],
)
def test_sources_who_speak_of_a_change_are_both_heard(keel: AnswerEngine, question: str) -> None:
    text = body(keel, question)
    assert "says the quota was raised in November" in text
    assert "has not changed this year" in text or "Nothing changed this year" in text
    assert "does not say it went up" not in text
    assert "gives no change" not in text


# ----- a city no report covers, in a covered country ---------------------------------------


@pytest.mark.parametrize(
    ("question", "city", "country", "figures"),
    [
        ("muscat, oman quota?", "Muscat", "Oman", ("800", "600")),
        ("workers in ulaanbaatar, mongolia — how much?", "Ulaanbaatar", "Mongolia",
         ("80,000,000",)),
        ("osh kyrgyzstan. same as karakol?", "Osh", "Kyrgyzstan", ("25,000", "32,000")),
        ("quota in bata, equatorial guinea", "Bata", "Equatorial Guinea", ("1,200,000",)),
    ],
)  # fmt: skip
def test_an_uncovered_city_gets_no_covered_citys_figures(
    keel: AnswerEngine, question: str, city: str, country: str, figures: tuple[str, ...]
) -> None:
    text = body(keel, question)
    assert f"mentions {city}" in text
    assert f"In {country}, the reports cover only" in text
    for figure in figures:
        assert figure not in text


def test_the_covered_country_alone_still_gets_its_figures(keel: AnswerEngine) -> None:
    assert "600 Omani rials" in body(keel, "oman quota")


# ----- a group's figure per member ----------------------------------------------------------


@pytest.mark.parametrize(
    "question",
    [
        "choibalsan team, split evenly, what does each seamstress owe",
        "how much is that per person in choibalsan",
        "чойбалсан: сколько платит каждая швея?",
        "乔巴山每个女工交多少",
    ],
)
def test_a_team_figure_per_member_uses_the_reports_head_count(
    keel: AnswerEngine, question: str
) -> None:
    digits = re.sub(r"[\s,]", "", body(keel, question))
    assert "2000000" in digits  # 80,000,000 / 40
    assert "80000000" in digits


def test_each_month_is_no_member_split(keel: AnswerEngine) -> None:
    text = body(keel, "how much does choibalsan pay each month")
    assert "2,000,000" not in text
    assert "80,000,000" in text
