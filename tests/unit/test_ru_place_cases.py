"""Russian answers name a place where the nominative is right.

A place label ("Сахалин, Россия") is a name in the nominative; after "для" or "о" Russian
needs another case ("для Сахалин, Россия" reads wrong at once). The Russian templates put the
label where the nominative reads: in parentheses, before a colon, or quoted after "по месту"
/ "по запросу" / "на тему". Each test gives the line before the fix and the line now.
"""

from __future__ import annotations

import asyncio
import re
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from bot.engine import AnswerEngine
from bot.engine.wording import speaking
from bot.i18n import Language, translator
from testkit.engine import lines_in as lines
from testkit.engine import seeded_engine

NBSP = "\xa0"


@pytest.fixture(scope="module")
def seed(tmp_path_factory: pytest.TempPathFactory) -> AnswerEngine:
    path = tmp_path_factory.mktemp("ru_cases") / "store.sqlite3"
    return asyncio.run(seeded_engine(f"sqlite+aiosqlite:///{path}"))


def test_a_wrong_amount_names_the_place_after_the_figure(seed: AnswerEngine) -> None:
    # Before: "… 62 000 российских рублей (RUB) для Сахалин, Россия в месяц до удвоения, …"
    first = lines(seed, "they paid 90000 rubles, i read it myself", Language.RU)[0]
    assert first == (
        f"Нет: в статье указано 62{NBSP}000 российских рублей (RUB) по месту «Сахалин, Россия» "
        "в месяц до удвоения, а не 90\u00a0000."
    )


def test_a_wrong_currency_names_the_place_in_parentheses(seed: AnswerEngine) -> None:
    # Before: "Нет: в статье квота для Сахалин указана как 62 000 … а не 90 000 китайских …"
    [line] = lines(seed, "sakhalin quota 90000 yuan?", Language.RU)
    assert line == (
        f"Нет: в статье квота (Сахалин) указана как 62{NBSP}000 российских рублей (RUB) в месяц "
        f"до удвоения, а не 90{NBSP}000 китайских юаней (CNY)."
    )


def test_a_wrong_period_names_the_place_in_parentheses(seed: AnswerEngine) -> None:
    # Before: "Нет: в статье квота для Далянь указана как 3 400 китайских юаней (CNY) …"
    [line] = lines(seed, "dalian quota 3400 yuan a week?", Language.RU)
    assert line.startswith(
        f"Нет: в статье квота (Далянь) указана как 3{NBSP}400 китайских юаней (CNY) в месяц "
        "с человека (до удвоения), а не в неделю."
    )


def test_no_quota_for_a_place_quotes_it_after_po_zaprosu(seed: AnswerEngine) -> None:
    # Before: "В статье не приводится норма для «mars»."
    with speaking(translator(Language.RU)):
        first = seed.quota("mars").lines[0]
    assert str(first).startswith("В статье не приводится норма по запросу «mars».")


def test_no_template_puts_a_place_after_dlya_or_o() -> None:
    """No Russian template puts {place} or {subject} straight after "для" or "о"."""
    tr = translator(Language.RU)
    for english, russian in (
        ("{amount} for {place}", "{amount} по месту «{place}»"),
        ("{amount}{unit} for {place} ({report})", "{amount}{unit} по месту «{place}» ({report})"),
        (
            "No: the report gives {amount} for {place}, not {value} {currency}.",
            "Нет. {place}: в статье указано {amount}, а не {value} {currency}.",
        ),
        (
            "No: {report} reports {amount} for {place}{unit} — {kind}, not {said}.",
            "Нет. {place}: {report} сообщает {amount}{unit} — {kind}, а не {said}.",
        ),
        (
            "The report does not say anything about {subject}.",
            "В статье ничего не сказано на тему «{subject}».",
        ),
    ):
        assert tr.gettext(english) == russian


def test_the_russian_catalog_puts_no_place_after_a_preposition() -> None:
    """Across the whole Russian catalog: no place or subject placeholder right after
    "для", "о"/"об", "в", "на", "из" (it would stand in the nominative there)."""
    path = Path(__file__).parents[2] / "bot" / "locale" / "ru" / "LC_MESSAGES" / "bot.po"
    with path.open("rb") as handle:
        catalog = read_po(handle)
    wrong = re.compile(r"(?<!\w)(для|о|об|в|на|из) «?\{(place|places|subject)\}")
    found: list[str] = []
    for message in catalog:
        text = message.string
        strings = list(text) if isinstance(text, (tuple, list)) else [text]
        found += [s for s in strings if s and wrong.search(s)]
    assert found == []
