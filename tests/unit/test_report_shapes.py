"""Reports shaped unlike the seed: which figures a question's subjects and words ask for
(subject_fit.py), a figure due per a unit its own basis names (basis_units.py), the gap
between a range's ends (range_ends.py), a country's name before its currency's unit
(world_currencies.country_unit_phrases) and a dollar range's sums. The end-to-end cases
use the made-up Test Harbor report (testkit/reports/test_harbor_2026.json)."""

from __future__ import annotations

import asyncio
import datetime as dt
from decimal import Decimal as D
from pathlib import Path
from typing import Any

import pytest

from bot.engine import AnswerEngine
from bot.engine.basis_units import BasisUnits
from bot.engine.figures import read_figures
from bot.engine.language import Language as Lang
from bot.engine.period_counts import weeks_counted
from bot.engine.range_ends import ends_asked
from bot.engine.subject_fit import asked_directions, by_direction, fitted, qualified
from bot.engine.understanding import Understanding
from bot.engine.vocabulary import Attribute, Intent, load
from bot.engine.world_currencies import country_unit_phrases
from bot.i18n import Language
from db.views import ClaimView
from testkit.engine import engine_with, lines_in

HARBOR = Path(__file__).parents[2] / "testkit" / "reports" / "test_harbor_2026.json"


def claim(**fields: Any) -> ClaimView:
    base: dict[str, Any] = {
        "id": 1, "kind": "quota", "topic": "dues", "statement": "s", "quote": None,
        "place": "Tashkent", "source_id": 1, "article_id": 1, "status": "active",
        "retracted_at": None, "retraction_reason": None, "corrected_at": None,
        "created_at": dt.datetime(2026, 9, 14, tzinfo=dt.UTC), "country": "UZ",
        "sector": "construction", "amount": D(1500000), "currency": "UZS",
    }  # fmt: skip
    return ClaimView(**{**base, **fields})


TASHKENT = claim(id=1, change="decreased", amount_to=D(1200000), basis_text="each builder")
SAKHALIN = claim(id=2, place="Sakhalin", country="RU", amount=D(62000), currency="RUB",
                 change="doubled")  # fmt: skip
COLOMBO = claim(id=3, place="Colombo", country="LK", sector="fishing", amount=D(36000),
                currency="USD", basis_text="the whole crew of each trawler, together")  # fmt: skip
MAPUTO = claim(id=4, place="Maputo", country="MZ", sector="dock work", amount=D(1900),
               currency="MZN", usd_amount=D(30), period="day",
               basis_text="each docker, for every 12-hour shift")  # fmt: skip


def asking(text: str, **fields: Any) -> Understanding:
    return Understanding(text=text, **fields)


# ----- subject_fit


def test_a_kind_of_work_beside_a_place_qualifies_it() -> None:
    u = asking("tashkent builders weekly", places=["Tashkent"], sectors=["construction"])
    assert qualified([TASHKENT, SAKHALIN], u) == [TASHKENT]


def test_a_kind_of_work_with_no_figure_at_the_place_is_a_subject_of_its_own() -> None:
    u = asking("tashkent and the fishermen", places=["Tashkent"], sectors=["fishing"])
    assert qualified([TASHKENT, COLOMBO], u) == [TASHKENT, COLOMBO]


def test_the_directions_a_question_names_in_each_language() -> None:
    assert asked_directions("builders weekly after the cut?") == {"decreased"}
    assert asked_directions("сколько после того как снизили") == {"decreased"}
    assert asked_directions("塔什干下调后多少") == {"decreased"}
    assert asked_directions("건설 노동자들 주당 얼마로 깎였어?") == {"decreased"}
    assert asked_directions("the one that was raised") == {"increased"}
    assert asked_directions("what's the cut for builders") == set()  # a share, not a change
    assert asked_directions("went down or went up? which rose") == {"decreased", "increased"}


def test_a_direction_asked_keeps_the_figures_that_went_that_way() -> None:
    assert by_direction([SAKHALIN, TASHKENT], "builders after the cut") == [TASHKENT]
    assert by_direction([SAKHALIN, TASHKENT], "builders after the rise") == [SAKHALIN]
    assert by_direction([SAKHALIN, TASHKENT], "builders, lowered or raised?") == [
        SAKHALIN,
        TASHKENT,
    ]
    assert by_direction([COLOMBO, MAPUTO], "after the cut") == [COLOMBO, MAPUTO]  # none did


def test_places_each_named_are_not_chosen_between_by_a_change_said_of_them() -> None:
    u = asking("tashkent was cut like sakhalin, right", places=["Tashkent", "Sakhalin"])
    assert fitted([TASHKENT, SAKHALIN], u) == [TASHKENT, SAKHALIN]


# ----- basis_units


@pytest.mark.parametrize(
    ("text", "language", "count"),
    [
        ("how much per shift at the docks", Lang.EN, 1),
        ("maputo per shift?", Lang.EN, 1),
        ("one docker in a six-shift week", Lang.EN, 6),
        ("а сколько за смену на разгрузке", Lang.RU, 1),
        ("一周上六个班，一共交多少", Lang.ZH, 6),
        ("교대당 얼마 내요", Lang.KO, 1),
    ],
)
def test_a_unit_a_stored_basis_names_asks_its_figure(text: str, language: Lang, count: int) -> None:
    segment = asking(text, language=language, attributes=[Attribute.WORK_TIME])
    BasisUnits([MAPUTO, TASHKENT]).read(segment)
    assert Intent.QUOTA in segment.intents
    assert segment.attributes == []
    assert segment.places == ["Maputo"]
    assert segment.unit_count == count


def test_the_hours_of_a_shift_are_not_its_figure() -> None:
    segment = asking("how long is a shift in maputo", places=["Maputo"])
    BasisUnits([MAPUTO]).read(segment)
    assert segment.unit_count is None and segment.intents == []


def test_no_stored_figure_per_shift_reads_nothing() -> None:
    segment = asking("how much per shift", attributes=[Attribute.WORK_TIME])
    BasisUnits([TASHKENT, COLOMBO]).read(segment)
    assert segment.attributes == [Attribute.WORK_TIME] and segment.unit_count is None


# ----- range ends, currencies, signs


def test_the_words_for_a_ranges_ends() -> None:
    assert ends_asked("how many times bigger is the top of the kolwezi range than the bottom")
    assert ends_asked("苏瓦范围最高和最低差多少斐济元")
    assert not ends_asked("how much more does sakhalin pay than dalian")


def test_a_countrys_name_before_its_currencys_unit() -> None:
    suva = claim(place="Suva", country="FJ", currency="FJD", amount=D(1200))
    phrases = country_unit_phrases([suva, SAKHALIN, COLOMBO])
    assert phrases["fiji dollars"] == "FJD" and phrases["fiji dollar"] == "FJD"
    assert not any(code in ("RUB", "USD") for code in phrases.values())


# ----- end to end, over the Test Harbor report


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> AnswerEngine:
    path: Path = tmp_path_factory.mktemp("harbor") / "harbor.sqlite3"
    return asyncio.run(engine_with(f"sqlite+aiosqlite:///{path}", HARBOR))


def test_builders_after_the_cut_are_tashkents_alone(engine: AnswerEngine) -> None:
    said = " ".join(lines_in(engine, "builders weekly after the cut?", Language.EN))
    assert "1,200,000" in said and "124,000" not in said and "28,615" not in said


def test_a_six_shift_week_is_six_times_the_figure_per_shift(engine: AnswerEngine) -> None:
    lines = lines_in(engine, "maputo docker, a six-shift week, meticais and dollars?", Language.EN)
    assert lines[0] == (
        "Maputo (Test Harbor, 14 September 2026): 1,900 Mozambican meticals (MZN) ($30) is due "
        "for each shift (the report's words: “each docker, for every 12-hour shift”); 6 × 1,900 "
        "Mozambican meticals (MZN) ($30) = 11,400 Mozambican meticals (MZN) ($180) — our "
        "arithmetic from the report's figures; the report states no such figure."
    )


def test_per_shift_is_the_figure_not_the_hours(engine: AnswerEngine) -> None:
    lines = lines_in(engine, "how much per shift at the docks", Language.EN)
    assert lines[0].startswith("Maputo, Mozambique")
    assert "Quota: 1,900 Mozambican meticals (MZN), nearly $30, a person a day." in lines


def test_the_gap_between_a_ranges_ends(engine: AnswerEngine) -> None:
    assert lines_in(engine, "苏瓦范围最高和最低差多少斐济元？", Language.ZH)[0].endswith(
        "范围为1,200 斐济元 (FJD)至1,500 斐济元 (FJD) 每人每月；上限比下限多300 斐济元 (FJD)"
        "——我们根据报道中的数字所做的计算；报道本身并未给出这一数字。"
    )


def test_fiji_dollars_are_the_figures_own_currency(engine: AnswerEngine) -> None:
    said = lines_in(
        engine, "suva packers: the range over a whole year in fiji dollars", Language.EN
    )
    assert said[0].startswith("Suva (Test Harbor, 14 September 2026): 1,200 to 1,500 Fijian")
    assert "14,400 to 18,000 Fijian dollars (FJD) a year" in said[0]


def test_a_dollar_range_has_its_sign_at_both_ends(engine: AnswerEngine) -> None:
    said = lines_in(engine, "suva in dollars a year", Language.EN)[0]
    assert "$530 to $660 a person a month is about $6,360 to $7,920 a year" in said


# ----- spans in weeks, "N of them"


@pytest.mark.parametrize(
    ("text", "language", "weeks"),
    [
        ("how much in malabo over 4 weeks", Lang.EN, 4),
        ("malabo, four-week total?", Lang.EN, 4),
        ("сколько выйдет в малабо за 4 недели", Lang.RU, 4),
        ("马拉博4个星期一共多少", Lang.ZH, 4),
        ("말라보 4주 동안 얼마", Lang.KO, 4),
        ("malabo per week", Lang.EN, None),
        ("马拉博一周多少", Lang.ZH, None),
    ],
)
def test_a_span_counted_in_weeks(text: str, language: Lang, weeks: int | None) -> None:
    assert weeks_counted(text, language) == weeks


def test_n_of_them_is_a_head_count() -> None:
    assert read_figures("if there's about 120 of them, per worker", load("en")).headcount == 120


def test_a_weekly_figure_over_weeks(engine: AnswerEngine) -> None:
    said = lines_in(engine, "tashkent builders over 4 weeks, how much", Language.EN)[0]
    assert said == (
        "Tashkent (Test Harbor, 14 September 2026): 1,200,000 Uzbekistani som (UZS) a person a "
        "week over 4 weeks comes to 4,800,000 Uzbekistani som (UZS) — our arithmetic from the "
        "report's figures; the report states no such figure."
    )
