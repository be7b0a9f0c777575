"""Russian answers name a place in the case its sentence needs.

A place label ("Сахалин, Россия") is a name in the nominative; after "для" or "о" Russian
needs another case ("для Сахалин, Россия" reads wrong at once). The Russian templates ask
the case of the name ("для {place:gen}", "квота {place:in}"), which bot/engine/place_cases.py
gives from its table (vocabulary/ru_cases.json) or pymorphy3, else as a quoted name after a
noun in that case, never a wrong case. Each test gives the line before and the line now.
"""

from __future__ import annotations

import ast
import asyncio
import re
import string
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from bot.engine import AnswerEngine
from bot.engine.place_cases import inflect
from bot.engine.wording import speaking
from bot.i18n import Language, translator
from bot.markup import Case
from testkit.engine import lines_in as lines
from testkit.engine import seeded_engine

NBSP = "\xa0"


@pytest.fixture(scope="module")
def seed(tmp_path_factory: pytest.TempPathFactory) -> AnswerEngine:
    path = tmp_path_factory.mktemp("ru_cases") / "store.sqlite3"
    return asyncio.run(seeded_engine(f"sqlite+aiosqlite:///{path}"))


def test_a_wrong_amount_names_the_place_in_the_genitive(seed: AnswerEngine) -> None:
    # Before: "… (RUB) по месту «Сахалин, Россия» в месяц до удвоения, …"
    first = lines(seed, "they paid 90000 rubles, i read it myself", Language.RU)[0]
    assert first == (
        f"Нет: в статье указано 62{NBSP}000 российских рублей (RUB) для Сахалина (Россия) "
        "в месяц до удвоения, а не 90\u00a0000. После удвоения это около "
        f"124{NBSP}000 российских рублей (RUB) для Сахалина (Россия) сейчас (следует из "
        "слова «удвоили»)."
    )


def test_a_wrong_currency_names_the_quota_for_the_place(seed: AnswerEngine) -> None:
    # Before: "Нет: в статье квота (Сахалин) указана как 62 000 …"
    [line] = lines(seed, "sakhalin quota 90000 yuan?", Language.RU)
    assert line == (
        f"Нет: в статье квота для Сахалина указана как 62{NBSP}000 российских рублей (RUB) в "
        f"месяц до удвоения, а не 90{NBSP}000 китайских юаней (CNY)."
    )


def test_a_wrong_period_names_the_quota_for_the_place(seed: AnswerEngine) -> None:
    # Before: "Нет: в статье квота (Далянь) указана как 3 400 китайских юаней (CNY) …"
    [line] = lines(seed, "dalian quota 3400 yuan a week?", Language.RU)
    assert line.startswith(
        f"Нет: в статье квота для Даляня указана как 3{NBSP}400 китайских юаней (CNY) в месяц "
        "с человека (до удвоения), а не в неделю."
    )


@pytest.mark.parametrize(
    ("question", "start"),
    [
        # Before: "… квота (Сахалин, Россия) удвоилась …": an island takes "на".
        ("the sakhalin quota tripled?", "Нет: по данным статьи, квота на Сахалине (Россия) "),
        # Before: "Нет: рабочие, о которых пишет статья (Далянь, Китай), заняты …"
        (
            "the dalian workers are construction workers?",
            "Нет: рабочие в Даляне, о которых пишет статья, заняты",
        ),
        # Before: "… изменилась квота (Далянь, Китай), датирована …"
        (
            "the dalian directive was april 5?",
            "Нет: в статье директива, из-за которой изменилась квота в Даляне (Китай), датирована",
        ),
        # Before: "… курс, который следует из её цифр по месту Сахалин)"
        ("3400 yuan in rubles", "3\xa0400 китайских юаней (CNY) — это примерно"),
    ],
)
def test_a_place_after_a_preposition_is_in_its_case(
    seed: AnswerEngine, question: str, start: str
) -> None:
    first = lines(seed, question, Language.RU)[0]
    assert first.startswith(start), first
    assert "по месту" not in first and "«Сахалин" not in first, first


def test_the_cross_rate_names_the_other_place_in_the_genitive(seed: AnswerEngine) -> None:
    first = lines(seed, "3400 yuan in rubles", Language.RU)[0]
    assert "курс, который следует из её цифр для Сахалина)" in first, first


@pytest.mark.parametrize(
    ("name", "case", "form"),
    [
        ("Сахалин", "in", "на Сахалине"),
        ("Сахалин, Россия", "gen", "Сахалина (Россия)"),
        ("Далянь, Китай", "in", "в Даляне (Китай)"),
        ("Китай", "gen", "Китая"),
        # pymorphy3's dictionary: a one-word place it knows, in the genitive only.
        ("Владивосток", "gen", "Владивостока"),
        ("Южно-Сахалинск", "gen", "Южно-Сахалинска"),
        # Anything else: a noun in the case, the name quoted as it is (never a wrong case).
        ("Владивосток", "in", "в месте «Владивосток»"),
        ("Мордор", "gen", "места «Мордор»"),
        ("Шэньян", "gen", "места «Шэньян»"),
        ("Нижний Новгород", "gen", "места «Нижний Новгород»"),
        ("mars", "gen", "места «mars»"),
        ("строительство", "gen", "места «строительство»"),
    ],
)
def test_inflect(name: str, case: str, form: str) -> None:
    assert inflect(name, Case(case)) == form


def test_no_quota_for_a_place_quotes_it_after_po_zaprosu(seed: AnswerEngine) -> None:
    # Before: "В статье не приводится норма для «mars»."
    with speaking(translator(Language.RU)):
        first = seed.quota("mars").lines[0]
    assert str(first).startswith("В статье не приводится норма по запросу «mars».")


def test_templates_ask_the_case_after_a_preposition() -> None:
    """A Russian template puts a case-asking field after "для", never a bare {place}."""
    tr = translator(Language.RU)
    for english, russian in (
        ("{amount} for {place}", "{amount} для {place:gen}"),
        ("{amount}{unit} for {place} ({report})", "{amount}{unit} для {place:gen} ({report})"),
        (
            "No: the report gives {amount} for {place}, not {value} {currency}.",
            "Нет: для {place:gen} в статье указано {amount}, а не {value} {currency}.",
        ),
        (
            "No: {report} reports {amount} for {place}{unit} — {kind}, not {said}.",
            "Нет: для {place:gen} {report} сообщает {amount}{unit} — {kind}, а не {said}.",
        ),
        (
            "The report does not say anything about {subject}.",
            "В статье ничего не сказано на тему «{subject}».",
        ),
    ):
        assert tr.gettext(english) == russian


def _russian_strings() -> list[tuple[str, str]]:
    """(msgid, each Russian string) of the whole Russian catalog."""
    path = Path(__file__).parents[2] / "bot" / "locale" / "ru" / "LC_MESSAGES" / "bot.po"
    with path.open("rb") as handle:
        catalog = read_po(handle)
    found: list[tuple[str, str]] = []
    for message in catalog:
        key = message.id if isinstance(message.id, str) else message.id[0]
        text = message.string
        strings = list(text) if isinstance(text, (tuple, list)) else [text]
        found += [(key, s) for s in strings if key and s]
    return found


def test_the_russian_catalog_puts_no_place_after_a_preposition() -> None:
    """Across the whole Russian catalog: no place or subject placeholder in the nominative
    right after "для", "о"/"об", "в", "на", "из", "по"; none asking "in" (which brings its
    own preposition) after one either."""
    wrong = re.compile(
        r"(?<!\w)(для|о|об|в|на|из|по) «?\{(place|places|subject)(:in)?\}", re.IGNORECASE
    )
    assert [text for _, text in _russian_strings() if wrong.search(text)] == []


def test_every_case_asked_is_one_the_inflection_gives() -> None:
    fields = [
        (name, spec)
        for _, text in _russian_strings()
        for _, name, spec, _ in string.Formatter().parse(text)
        if name is not None and spec
    ]
    assert fields, "the catalog asks no case at all"
    assert {spec for _, spec in fields} <= set(Case)
    assert {name for name, _ in fields} <= {"place", "other"}


def test_no_cased_translation_is_filled_by_str_format() -> None:
    """``str.format`` cannot read "{place:gen}": a text whose translation asks a case must
    be filled by bot/markup.py's fmt or plain_format, never by ``_(…).format(…)``."""
    cased = {key for key, text in _russian_strings() if re.search(r"\{\w+:(gen|in)\}", text)}
    root = Path(__file__).parents[2]
    formatted: set[str] = set()
    for path in [*(root / "bot").rglob("*.py"), *(root / "db").rglob("*.py")]:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr == "format"
                and isinstance(node.func.value, ast.Call)
                and isinstance(node.func.value.func, ast.Name)
                and node.func.value.func.id in ("_", "gettext", "ngettext")
                and node.func.value.args
                and isinstance(node.func.value.args[0], ast.Constant)
            ):
                formatted.add(str(node.func.value.args[0].value))
    assert formatted, "the scan found no _(…).format(…) at all"
    assert cased & formatted == set()
