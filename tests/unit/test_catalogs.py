"""The interface catalogs (bot/locale): every text the code marks is in the template and
translated, not fuzzy, with the same placeholders, in every language; they compile."""

from __future__ import annotations

import io
import re
import string
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from bot.i18n import DEFAULT_LANGUAGE, Language, translator
from bot.i18n.catalogs import compile_catalog, po_text

ROOT = Path(__file__).resolve().parents[2]
TEMPLATE = ROOT / "bot" / "locale" / "bot.pot"
TRANSLATED = [language for language in Language if language != DEFAULT_LANGUAGE]
PLURALS = {Language.RU: 3, Language.ZH: 1, Language.KO: 1}
# A command named in a text ("/facts"), not a slash inside a word ("n/a", "asked/answered").
COMMAND = re.compile(r"(?<![\w/])/[a-z]+")


# bot, and db's refusals (db/errors.py: marked with db's own N_, translated in bot).
EXTRACTED = ("bot", "db")


def _code_messages() -> set[str | tuple[str, ...]]:
    """What the code marks for translation now, extracted by Babel as babel.cfg says."""
    found: set[str | tuple[str, ...]] = set()
    for folder in EXTRACTED:
        for _file, _line, message, _comments, _context in extract_from_dir(
            str(ROOT / folder), method_map=[("**.py", "python")]
        ):
            found.add(message if isinstance(message, str) else tuple(message))
    return found


def _ids(data: bytes, locale: str | None = None) -> dict[str | tuple[str, ...], object]:
    catalog = read_po(io.BytesIO(data), locale=locale)
    return {m.id if isinstance(m.id, str) else tuple(m.id): m for m in catalog if m.id}


def placeholders(text: str) -> list[str]:
    """The ``{name}`` fields of a text, in order ({{ and }} are not fields)."""
    return sorted(name for _, name, _, _ in string.Formatter().parse(text) if name is not None)


def test_the_template_holds_every_text_the_code_marks() -> None:
    in_code = _code_messages()
    in_template = set(_ids(TEMPLATE.read_bytes()))
    assert in_code - in_template == set(), "run the extract command in babel.cfg"
    assert in_template - in_code == set(), "the template has texts the code no longer uses"


@pytest.mark.parametrize("language", TRANSLATED, ids=str)
def test_every_text_is_translated_not_fuzzy_with_the_same_placeholders(
    language: Language,
) -> None:
    template = _ids(TEMPLATE.read_bytes())
    catalog = read_po(io.BytesIO(po_text(language)), locale=language.value)
    translated = {m.id if isinstance(m.id, str) else tuple(m.id): m for m in catalog if m.id}
    assert catalog.num_plurals == PLURALS[language]
    missing = [key for key in template if key not in translated]
    assert missing == []
    problems = []
    for key, message in translated.items():
        if key not in template:
            problems.append(("obsolete", key))
            continue
        if message.fuzzy:
            problems.append(("fuzzy", key))
        ids = [key] if isinstance(key, str) else list(key)
        strings = (
            [message.string] if isinstance(message.string, str) else list(message.string or ())
        )
        if isinstance(key, tuple) and len(strings) != PLURALS[language]:
            problems.append(("plural forms", key))
        for text in strings:
            if not text or not text.strip():
                problems.append(("untranslated", key))
            elif placeholders(text) != placeholders(ids[0]):
                problems.append(("placeholders", key))
            elif COMMAND.findall(text) != COMMAND.findall(ids[0]):
                problems.append(("commands", key))
    assert problems == []


def test_no_text_is_marked_inside_an_f_string() -> None:
    """Babel (on Python 3.11) does not look inside f-strings: a text marked there would
    be missing from every catalog without any test noticing."""
    pattern = re.compile(r"""\bf(["']).*\{[^}]*\b(_|N_|gettext|ngettext)\(""")
    found = [
        f"{path.relative_to(ROOT)}:{number}"
        for folder in EXTRACTED
        for path in sorted((ROOT / folder).rglob("*.py"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if pattern.search(line)
    ]
    assert found == []


def test_the_placeholder_check_sees_a_difference() -> None:
    assert placeholders("Subscribed to {label}.") == ["label"]
    assert placeholders("Подписка: {lable}.") != placeholders("Subscribed to {label}.")
    assert placeholders("{{literal}} {n}") == ["n"]


@pytest.mark.parametrize("language", TRANSLATED, ids=str)
def test_each_catalog_compiles_and_translates(language: Language) -> None:
    assert compile_catalog(language).startswith(b"\xde\x12\x04\x95")  # a GNU .mo file
    tr = translator(language)
    assert tr.gettext("Who says so?") != "Who says so?"
    assert tr.gettext("a text no catalog has") == "a text no catalog has"


def test_russian_plural_forms_come_from_the_catalog() -> None:
    tr = translator(Language.RU)
    assert [
        tr.ngettext("{names} and {count} more", "{names} and {count} more", n) for n in (1, 3, 5)
    ] == ["{names} и ещё {count}"] * 3


def test_english_is_the_code_itself() -> None:
    tr = translator(Language.EN)
    assert tr.gettext("Who says so?") == "Who says so?"
    assert tr.ngettext("{names} and {count} more", "x", 2) == "x"


@pytest.mark.parametrize("language", TRANSLATED, ids=str)
def test_no_text_is_defined_twice_in_a_catalog(language: Language) -> None:
    """Catalogs merge by union (.gitattributes): two branches adding the same text would
    leave it twice, and the later definition would silently win."""
    ids = re.findall(r'^msgid "(.*)"\n((?:"(?:.*)"\n)*)', po_text(language).decode(), re.M)
    texts = [first + "".join(re.findall(r'^"(.*)"$', rest, re.M)) for first, rest in ids]
    repeated = sorted({t for t in texts if texts.count(t) > 1})
    assert repeated == []


def test_the_command_check_sees_commands_not_slashes_in_words() -> None:
    assert COMMAND.findall("See /facts, then /undo.") == ["/facts", "/undo"]
    assert COMMAND.findall("answered: n/a; http://x") == []
