"""A git merge driver for the gettext catalogs (bot/locale): merges by message, not by line.

Two branches that add texts next to each other in a sorted catalog conflict line by line
(and a union merge runs their entries together); by message they never conflict. Enable
it once per clone (.gitattributes names the driver):

    git config merge.catalog.driver ".venv/bin/python scripts/merge_catalogs.py %O %A %B"

For each message id: kept when both sides agree; added when only one side added it;
dropped when one side removed it and the other left it as it was; when both changed it,
ours wins unless ours is unchanged from the base. Writes the result to %A, sorted, without
locations (as babel.cfg's commands write them). Regenerate bot.pot after the merge.
"""

from __future__ import annotations

import sys
from pathlib import Path

from babel.messages.catalog import Catalog, Message
from babel.messages.pofile import read_po, write_po

MessageKey = str | tuple[str, ...]


def _read(path: str) -> Catalog:
    with Path(path).open("rb") as handle:
        return read_po(handle)


def _key(message: Message) -> MessageKey:
    return message.id if isinstance(message.id, str) else tuple(message.id)


def _entries(catalog: Catalog) -> dict[MessageKey, Message]:
    return {_key(m): m for m in catalog if m.id}


def _same(a: Message | None, b: Message | None) -> bool:
    if a is None or b is None:
        return a is b
    return a.string == b.string and a.flags == b.flags


def merge(base: Catalog, ours: Catalog, theirs: Catalog) -> Catalog:
    old, mine, other = _entries(base), _entries(ours), _entries(theirs)
    result = Catalog(locale=ours.locale, domain=ours.domain, fuzzy=False)
    result.mime_headers = ours.mime_headers
    for key in sorted({*mine, *other}, key=str):
        here, there, before = mine.get(key), other.get(key), old.get(key)
        if here is None:
            chosen = None if before is not None and _same(there, before) else there
        elif there is None:
            chosen = None if before is not None and _same(here, before) else here
        else:
            chosen = there if _same(here, before) else here
        if chosen is not None:
            result[chosen.id] = chosen
    return result


def main(argv: list[str]) -> int:
    base_path, ours_path, theirs_path = argv
    merged = merge(_read(base_path), _read(ours_path), _read(theirs_path))
    with Path(ours_path).open("wb") as handle:
        write_po(handle, merged, no_location=True, sort_output=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
