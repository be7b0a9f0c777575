"""From JSON text to a document of the current version, before the schema checks it.

The text is read within the size and depth limits, with exact decimals; a document of an
older version that this bot still reads (versions 1 to 3) is carried over to the current
one (version 3 adds only the translations, which an older document has none of; version 4
only a quarter period, change_percent, amount_is and amount_bound, none of which an older
document has, so its claims read as they always did).
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from decimal import Decimal
from itertools import accumulate
from typing import Any

from db.figures import parse_basis
from db.validation import ValidationError

MAX_DOCUMENT_BYTES = 5_000_000
# The format nests three levels (document, list, row); anything much deeper is not a store.
MAX_DOCUMENT_DEPTH = 8
# An editor reads the problems in a chat: the first ones, and how many more there are.
MAX_PROBLEMS_SHOWN = 20


class DocumentError(ValueError):
    """The document cannot be imported; ``problems`` holds one line for each reason."""

    def __init__(self, problems: Sequence[str]) -> None:
        self.problems = list(problems)
        super().__init__("\n".join(self.lines()))

    def lines(self) -> list[str]:
        shown = self.problems[:MAX_PROBLEMS_SHOWN]
        hidden = len(self.problems) - len(shown)
        if hidden:
            shown.append(f"… and {hidden} more {'problem' if hidden == 1 else 'problems'}")
        return shown


# --------------------------------------------------------------------------- parsing

_JSON_STRING = re.compile(r'"(?:[^"\\]++|\\.)*+"', re.DOTALL)
_NOT_A_BRACKET = re.compile(r"[^\[\]{}]++")


def _nesting_depth(text: str) -> int:
    """How deep arrays and objects nest, counted without recursion (strings skipped)."""
    brackets = _NOT_A_BRACKET.sub("", _JSON_STRING.sub("", text))
    return max(accumulate(1 if ch in "[{" else -1 for ch in brackets), default=0)


def _refuse_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a number JSON allows")


def load_json(raw: bytes | str) -> Any:
    """JSON text to Python, within the size and depth limits; decimals stay exact."""
    if len(raw) > MAX_DOCUMENT_BYTES:
        raise DocumentError([f"the document is larger than {MAX_DOCUMENT_BYTES:,} bytes"])
    if isinstance(raw, bytes):
        try:
            raw = raw.decode("utf-8")
        except UnicodeDecodeError as error:
            raise DocumentError([f"the document is not UTF-8 text ({error.reason})"]) from None
    depth = _nesting_depth(raw)
    too_deep = (
        f"the document nests {{}} levels deep; a store document nests at most {MAX_DOCUMENT_DEPTH}"
    )
    if depth > MAX_DOCUMENT_DEPTH:
        raise DocumentError([too_deep.format(depth)])
    try:
        return json.loads(raw, parse_float=Decimal, parse_constant=_refuse_constant)
    except RecursionError:  # not reached after the depth check; kept as the last guard
        raise DocumentError([too_deep.format("too many")]) from None
    except ValueError as error:
        raise DocumentError([f"not valid JSON ({error})"]) from None


# --------------------------------------------------------------------------- versions

_NEW_IN_2 = {
    "claims": {
        "amount_high",
        "usd_high",
        "share_low",
        "share_high",
        "share_of",
        "deadline",
        "deadline_on",
        "deadline_precision",
        "basis_text",
        "amount_to",
        "usd_to",
        "change_on",
        "change_on_precision",
        "superseded_by",
    },
    "articles": {"published_precision"},
}


# Claims' fields and the period that version 4 adds.
_NEW_IN_4 = frozenset({"change_percent", "amount_is", "amount_bound"})
_QUARTER = "quarter"


def upgrade_document(doc: dict[str, Any]) -> dict[str, Any]:
    """A version 1 document as version 2 says the same: a basis outside the closed choice
    keeps its words in basis_text (basis "other"); a dated article's date is a whole day.
    Version 1 has none of version 2's fields: such a field there is refused."""
    if doc.get("version") != 1:
        return doc
    upgraded = dict(doc)
    for section, new_fields in _NEW_IN_2.items():
        rows = doc.get(section)
        if not isinstance(rows, list):
            continue
        converted: list[Any] = []
        for row in rows:
            if not isinstance(row, dict) or new_fields & set(row):
                converted.append(row)  # the schema reports it (extra fields below)
                continue
            row = dict(row)
            if section == "articles" and isinstance(row.get("published_on"), str):
                row["published_precision"] = "day"
            basis = row.get("basis")
            if section == "claims" and isinstance(basis, str):
                try:
                    row["basis"] = parse_basis(basis)
                except ValidationError:
                    row["basis"], row["basis_text"] = "other", basis
            converted.append(row)
        upgraded[section] = converted
    return upgraded


def older_version_extras(doc: dict[str, Any]) -> list[str]:
    """Fields a version 1 or 2 document cannot have: those of a later version."""
    problems = []
    if doc.get("version") in (1, 2) and "translations" in doc:
        problems.append("translations: is not a field of versions 1 and 2 (write version 3)")
    if doc.get("version") in (1, 2, 3):
        rows = doc.get("claims")
        for n, row in enumerate(rows if isinstance(rows, list) else []):
            if not isinstance(row, dict):
                continue
            # (A null is no value: a later export relabelled by hand still reads.)
            problems += [
                f"claims[{n}].{key}: is not a field of versions 1 to 3 (write version 4)"
                for key in sorted(_NEW_IN_4 & set(row))
                if row[key] is not None
            ]
            if row.get("period") == _QUARTER:
                problems.append(
                    f"claims[{n}].period: quarter is not a period of versions 1 to 3 "
                    "(write version 4)"
                )
    if doc.get("version") != 1:
        return problems
    for section, new_fields in _NEW_IN_2.items():
        rows = doc.get(section)
        for n, row in enumerate(rows if isinstance(rows, list) else []):
            if isinstance(row, dict):
                problems += [
                    f"{section}[{n}].{key}: is not a field of version 1 (write version 2)"
                    for key in sorted(new_fields & set(row))
                ]
    return problems
