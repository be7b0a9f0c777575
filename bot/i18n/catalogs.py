"""The committed ``.po`` catalogs, compiled by Babel when a process first needs one.

Compiling in memory (``read_po`` then ``write_mo`` into a buffer) instead of shipping
``.mo`` files: nothing generated is committed, nothing is written next to the installed
package (which may be read-only), and a ``.mo`` older than its ``.po`` cannot exist.
It costs a few milliseconds per language, once per process.
"""

from __future__ import annotations

import gettext
import io
from importlib import resources

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from bot.i18n import DEFAULT_LANGUAGE, Language

DOMAIN = "bot"


def po_text(language: Language) -> bytes:
    """The committed catalog of a language."""
    path = resources.files("bot") / "locale" / language.value / "LC_MESSAGES" / f"{DOMAIN}.po"
    return path.read_bytes()


def compile_catalog(language: Language) -> bytes:
    """The ``.mo`` bytes of a language's catalog; fuzzy entries are left out, as msgfmt does."""
    catalog = read_po(io.BytesIO(po_text(language)), locale=language.value, domain=DOMAIN)
    buffer = io.BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    return buffer.getvalue()


def translations(language: Language) -> gettext.NullTranslations:
    """The compiled translations of a language; English is the code's own texts."""
    if language == DEFAULT_LANGUAGE:
        return gettext.NullTranslations()
    return gettext.GNUTranslations(io.BytesIO(compile_catalog(language)))
