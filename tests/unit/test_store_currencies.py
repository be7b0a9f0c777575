"""The store's own currencies: a question naming a currency one of the reports states its
figures in ("riyals", "CFA francs", "риалов") asks about those figures, not about a currency
no report uses; and a gap asked alone ("by how many rials") is the gap, with no ratio or
percentage made. Over a made-up report of our own (testkit/reports/test_dial_2026.json:
Omani rials in Salalah, West African CFA francs in Niamey)."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from bot.engine import AnswerEngine
from bot.engine.world_currencies import store_currency_phrases
from bot.i18n import Language
from testkit.engine import engine_with, lines_in, text_of

DIAL = Path(__file__).parents[2] / "testkit" / "reports" / "test_dial_2026.json"
LABEL = "our arithmetic from the report's figures; the report states no such figure."


@pytest.fixture(scope="module")
def dial(tmp_path_factory: pytest.TempPathFactory) -> AnswerEngine:
    path = tmp_path_factory.mktemp("dial") / "store.sqlite3"
    return asyncio.run(engine_with(f"sqlite+aiosqlite:///{path}", DIAL))


def test_phrases_of_a_store_currency() -> None:
    phrases = store_currency_phrases(frozenset({"OMR", "XOF", "NAD", "RUB"}))
    assert phrases["omani rials"] == {"OMR"}
    assert phrases["omr"] == {"OMR"}
    assert phrases["rials"] == {"OMR"}  # the unit alone, and Russian "риал"'s gloss
    assert phrases["francs"] == {"XOF"}
    assert phrases["namibian dollars"] == {"NAD"}
    assert "dollars" not in phrases  # the reports' own unit: no currency by itself
    assert "rubles" not in phrases  # the reports' first currencies are the store's aliases


def test_gap_in_the_store_currency(dial: AnswerEngine) -> None:
    text = text_of(dial, "how much less in rials do salalah workers hand over now")
    assert (
        "Salalah: from 300 Omani rials (OMR) to 240 Omani rials (OMR) a person a month — "
        f"60 Omani rials (OMR) less — {LABEL}"
    ) in text
    assert "does not say the quota in" not in text
    assert "0.8 times" not in text and "20%" not in text


def test_percentage_asked_keeps_ratio_and_percent(dial: AnswerEngine) -> None:
    text = text_of(dial, "salalah: by how much did it fall, in percent")
    assert "60 Omani rials (OMR) less, 0.8 times the old amount, down 20%" in text


def test_named_store_currency_is_the_quota(dial: AnswerEngine) -> None:
    text = text_of(dial, "salalah quota in omani rials?")
    assert "Now: 240 Omani rials (OMR), a person a month." in text
    assert "does not say the quota in" not in text
    text = text_of(dial, "niamey, how many francs a week")
    assert "20,000 West African CFA francs (XOF) a person a week" in text
    assert "does not say the quota in" not in text


def test_other_currency_still_declined(dial: AnswerEngine) -> None:
    text = text_of(dial, "niamey quota in swiss francs")
    assert "says the quota in Swiss francs (CHF)" in text


def test_russian_gap_in_rials(dial: AnswerEngine) -> None:
    lines = lines_in(dial, "на сколько риалов меньше теперь в Салале", Language.RU)
    assert lines[0] == (
        "Salalah: с 300 оманских риалов (OMR) до 240 оманских риалов (OMR) с человека в "
        "месяц — на 60 оманских риалов (OMR) меньше — наш расчёт по цифрам статьи; в самой "
        "статье такой цифры нет."
    )


def test_seed_alone_still_declines_rials(tmp_path_factory: pytest.TempPathFactory) -> None:
    path = tmp_path_factory.mktemp("seed") / "store.sqlite3"
    seed = asyncio.run(engine_with(f"sqlite+aiosqlite:///{path}"))
    text = text_of(seed, "how much is the sakhalin quota in omani rials")
    assert "The report does not say the quota in Omani rials (OMR)" in text


def test_asserted_change_is_told_both_amounts(dial: AnswerEngine) -> None:
    text = text_of(dial, "Wrong. The Salalah quota was raised to 350 rials")
    assert (
        "No: the reports give 240 Omani rials (OMR), down from 300 Omani rials (OMR) a person "
        "a month for Salalah, Oman (Test Dial, 2 June 2026), not 350."
    ) in text
    lines = lines_in(dial, "Неправда, в Салале квоту повысили: теперь 350 риалов", Language.RU)
    assert any(
        "240 оманских риалов (OMR) (до снижения — 300 оманских риалов (OMR))" in ln for ln in lines
    ), lines
