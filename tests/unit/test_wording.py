"""The engine's language (bot/engine/wording.py) and its figures in that locale."""

from __future__ import annotations

import asyncio
import datetime as dt
from decimal import Decimal

from bot.engine import numbers, wording
from bot.engine.wording import speaking
from bot.i18n import Language, translator


def test_outside_speaking_the_engine_speaks_english() -> None:
    assert wording.language() == "en"
    assert wording._("Before: {figure}.") == "Before: {figure}."
    assert numbers.money(Decimal(62000), "RUB") == "62,000 rubles (RUB)"
    assert numbers.usd(Decimal(730)) == "$730"
    assert numbers.day(dt.date(2024, 3, 10)) == "10 March 2024"


def test_figures_follow_the_locale_of_the_answer() -> None:
    with speaking(translator(Language.RU)):
        assert wording.language() == "ru"
        assert numbers.money(Decimal(62000), "RUB") == "62\xa0000 российских рублей (RUB)"
        assert numbers.money(Decimal(1), "RUB") == "1 российский рубль (RUB)"
        assert numbers.usd(Decimal(730)) == "730\xa0$"
        assert numbers.reported_date(dt.date(2020, 10, 1), "month") == "октябрь 2020\u202fг."
        assert numbers.month_day(dt.date(2024, 3, 10)) == "10 марта"
    with speaking(translator(Language.ZH)):
        assert numbers.money(Decimal(3400), "CNY") == "3,400 人民币 (CNY)"
        assert numbers.usd(Decimal(470)) == "US$470"
        assert numbers.day(dt.date(2024, 3, 10)) == "2024年3月10日"
    with speaking(translator(Language.KO)):
        assert numbers.usd(Decimal("1.5")) == "US$1.50"
        assert numbers.reported_date(dt.date(2020, 10, 1), "month") == "2020년 10월"
    assert wording.language() == "en"


def test_concurrent_answers_keep_their_own_language() -> None:
    """Each asyncio task has its own context: two updates answered at once never mix."""

    async def answer(language: Language, seen: list[str]) -> None:
        with speaking(translator(language)):
            await asyncio.sleep(0.01)
            seen.append(wording.language())

    async def both() -> list[str]:
        seen: list[str] = []
        await asyncio.gather(answer(Language.RU, seen), answer(Language.KO, seen))
        return sorted(seen)

    assert asyncio.run(both()) == ["ko", "ru"]
