"""Problems of a store document that its schema cannot see row by row: pydantic's errors
turned into one line each with their JSON path (``claims[3].amount: …``), the same id twice in
a section, and rows pointing at an article or a source the document does not list."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any

# --------------------------------------------------------------------------- messages

_TYPE_MESSAGES = {
    "missing": "is missing",
    "string_type": "must be text",
    "int_type": "must be a whole number",
    "bool_type": "must be true or false",
    "list_type": "must be a list",
    "model_type": "must be an object",
    "dict_type": "must be an object",
    "model_attributes_type": "must be an object",
    "extra_forbidden": "is not a field of this format",
    "none_required": "must be null",
}


def _path(location: Sequence[int | str]) -> str:
    path = ""
    for part in location:
        path += f"[{part}]" if isinstance(part, int) else (f".{part}" if path else str(part))
    return path


def describe(error: Any) -> str:
    where = _path(error["loc"])
    if error["type"] == "literal_error":
        message = f"must be {error['ctx']['expected']}"
    else:
        message = _TYPE_MESSAGES.get(error["type"], error["msg"])
    return f"{where}: {message}" if where else message


# --------------------------------------------------------------------------- checks across rows


def _ids(rows: Any, key: str) -> list[Any]:
    """The ``key`` of every row that has a usable one (bad rows are reported elsewhere)."""
    if not isinstance(rows, list):
        return []
    return [
        row[key]
        for row in rows
        if isinstance(row, dict) and isinstance(row.get(key), int | str) and row.get(key) != ""
    ]


def duplicates(doc: dict[str, Any]) -> list[str]:
    problems = []
    for section, key in (
        ("articles", "id"),
        ("sources", "id"),
        ("claims", "id"),
        ("editors", "user_id"),
        ("languages", "telegram_id"),
    ):
        counts = Counter(_ids(doc.get(section), key))
        problems += [
            f"{section}: {key} {value} appears {count} times"
            for value, count in counts.items()
            if count > 1
        ]
    return problems


def references(doc: dict[str, Any]) -> list[str]:
    """Rows point at articles and sources of the document, when it lists them."""
    problems = []
    articles, sources = set(_ids(doc.get("articles"), "id")), set(_ids(doc.get("sources"), "id"))
    for section, key, known in (
        ("sources", "article_id", articles),
        ("claims", "article_id", articles),
        ("claims", "source_id", sources),
    ):
        if not known or not isinstance(doc.get(section), list):
            continue
        for n, row in enumerate(doc[section]):
            if isinstance(row, dict) and isinstance(row.get(key), int) and row[key] not in known:
                target = "article" if key == "article_id" else "source"
                problems.append(f"{section}[{n}].{key}: there is no {target} {row[key]} in it")
    return problems
