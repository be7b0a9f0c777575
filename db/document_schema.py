"""The one schema of the store document (seed, export, import), checked before any write.

Every field is checked for its type, range and length with the very functions and limits
of ``db.validation`` that the editor commands use, so a value an editor could not type
cannot arrive by import either. Problems are reported one line each, with their JSON
path (``claims[3].amount: …``), all of them at once, and nothing is written.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from decimal import Decimal
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    PlainValidator,
    ValidationInfo,
    field_validator,
    model_validator,
)
from pydantic import ValidationError as SchemaError
from pydantic_core import PydanticCustomError

from db.document_reading import MAX_DOCUMENT_BYTES as MAX_DOCUMENT_BYTES
from db.document_reading import MAX_DOCUMENT_DEPTH as MAX_DOCUMENT_DEPTH
from db.document_reading import DocumentError as DocumentError
from db.document_reading import older_version_extras, upgrade_document
from db.figures import figure_problems, parse_basis, parse_change_percent, parse_share
from db.validation import (
    ALIAS_KINDS,
    AMOUNT_BOUNDS,
    AMOUNT_SIDES,
    BASIS_TEXT_MAX_LEN,
    CHANGES,
    ID_MAX,
    NAME_MAX_LEN,
    PERIODS,
    QUOTA_REQUIRED,
    QUOTE_MAX_LEN,
    REASON_MAX_LEN,
    SOURCE_KINDS,
    SOURCE_MAX_LEN,
    STATEMENT_MAX_LEN,
    TITLE_MAX_LEN,
    TOPIC_MAX_LEN,
    TRANSLATION_MAX_LEN,
    USER_ID_MAX,
    ValidationError,
    clean_text,
    normalize_alias_term,
    normalize_alias_value,
    normalize_country,
    normalize_currency,
    parse_amount,
    parse_choice,
    parse_iso_date,
    parse_url,
)

DOCUMENT_FORMAT = "quota-facts-store"
# 2 (issue 11): general figures (ranges, shares, once, deadline, basis wording, "from X
# to Y", dated changes, superseded_by) and articles' date precision. Version 1 documents
# are still read: upgrade_document carries them over.
# 3 (issue 12): the editors' translations of statements and quotes ("translations").
# 4: a quarter period, a change given as a percentage (change_percent) with the side of
# it the amount is (amount_is), and an amount given only as a bound (amount_bound).
DOCUMENT_VERSION = 4
READABLE_VERSIONS = (1, 2, 3, 4)
# History rows are kept as written; their limits are their columns' (db/models.py).
_BATCH_MAX_LEN = 36
_HISTORY_NAME_MAX_LEN = 20
_HISTORY_FIELD_MAX_LEN = 40
_HISTORY_VALUE_MAX_LEN = 100_000


# --------------------------------------------------------------------------- field types


def _problem(message: str) -> PydanticCustomError:
    return PydanticCustomError("store_value", "{message}", {"message": message})


def _checked(parse: Callable[[Any], Any]) -> Callable[[Any], Any]:
    """Run a db.validation function, turning its one-line message into a schema error."""

    def check(value: Any) -> Any:
        try:
            return parse(value)
        except ValidationError as error:
            raise _problem(error.message) from None

    return check


def _text(max_len: int, *, multiline: bool) -> Any:
    def check(value: str, info: ValidationInfo) -> str:
        name = info.field_name or "text"
        return _checked(lambda v: clean_text(v, name, max_len, multiline=multiline))(value)

    return AfterValidator(check)


def _choice(choices: Iterable[str]) -> Any:
    options = tuple(choices)

    def check(value: str, info: ValidationInfo) -> str:
        return _checked(lambda v: parse_choice(v, info.field_name or "value", options))(value)

    return AfterValidator(check)


def _id_in(low: int, high: int, what: str) -> Any:
    def check(value: int) -> int:
        if not low <= value <= high:
            raise _problem(f"{what} must be from {low} to {high:,}, not {value}")
        return value

    return AfterValidator(check)


def _amount(value: Any, info: ValidationInfo) -> Decimal:
    """Amounts as the export writes them ("62000.5"), or as JSON numbers, exactly."""
    if isinstance(value, bool) or not isinstance(value, str | int | Decimal | float):
        raise _problem("must be a number greater than 0, like 62000 or 3400.5, as text")
    if isinstance(value, str):
        text = value
    elif isinstance(value, float):
        text = repr(value)
    else:
        text = format(Decimal(value), "f")
    return _checked(lambda v: parse_amount(v, info.field_name or "amount"))(text)


def _timestamp(value: Any) -> dt.datetime:
    """ISO 8601 text; without a zone it is UTC, as the store keeps it (db/models.UtcDateTime)."""
    if isinstance(value, str):
        try:
            parsed = dt.datetime.fromisoformat(value)
        except ValueError:
            pass
        else:
            if parsed.tzinfo is None:
                return parsed.replace(tzinfo=dt.UTC)
            return parsed.astimezone(dt.UTC)
    raise _problem("must be a date and time like 2024-03-10T12:00:00+00:00")


def _date(value: Any) -> dt.date:
    if not isinstance(value, str):
        raise _problem("must be a date written YYYY-MM-DD, like 2024-03-10")
    return _checked(parse_iso_date)(value)


RowId = Annotated[int, _id_in(1, ID_MAX, "an id")]
UserId = Annotated[int, _id_in(1, USER_ID_MAX, "a Telegram user id")]
Line = Annotated[str, _text(NAME_MAX_LEN, multiline=False)]
Amount = Annotated[Decimal, PlainValidator(_amount)]
Timestamp = Annotated[dt.datetime, PlainValidator(_timestamp)]
Country = Annotated[str, AfterValidator(_checked(normalize_country))]
Day = Annotated[dt.date, PlainValidator(_date)]
Precision = Literal["year", "month", "day"]
Wording = Annotated[str, _text(BASIS_TEXT_MAX_LEN, multiline=False)]


def _share(value: Any, info: ValidationInfo) -> Decimal:
    """A percentage above 0 and at most 100, as text ("70") or a JSON number."""
    number = _amount(value, info)
    return _checked(lambda v: parse_share(v, info.field_name or "share")[0])(format(number, "f"))


Share = Annotated[Decimal, PlainValidator(_share)]


def _change_percent(value: Any, info: ValidationInfo) -> Decimal:
    """A change's percentage above 0, as text ("25") or a JSON number (version 4)."""
    number = _amount(value, info)
    return _checked(lambda v: parse_change_percent(v, info.field_name or "change_percent"))(
        format(number, "f")
    )


ChangePercent = Annotated[Decimal, PlainValidator(_change_percent)]


class _Row(BaseModel):
    # Strict: a number where text belongs, or "yes" for a boolean, is refused, not coerced;
    # an unknown key is a typo whose value would otherwise be dropped without a word.
    model_config = ConfigDict(strict=True, extra="forbid", frozen=True)


class ArticleRow(_Row):
    id: RowId
    outlet: Line
    title: Annotated[str, _text(TITLE_MAX_LEN, multiline=False)]
    caveat: Annotated[str, _text(REASON_MAX_LEN, multiline=True)]
    url: Annotated[str, AfterValidator(_checked(parse_url))] | None = None
    reporter: Line | None = None
    relies_on: Line | None = None
    published_on: Day | None = None
    published_precision: Precision | None = None
    is_default: bool = False

    @model_validator(mode="after")
    def _precision(self) -> ArticleRow:
        if (self.published_on is None) != (self.published_precision is None):
            raise _problem("published_on and published_precision go together")
        return self


class SourceRow(_Row):
    id: RowId
    name: Annotated[str, _text(SOURCE_MAX_LEN, multiline=False)]
    kind: Annotated[str, _choice(SOURCE_KINDS)] = "anonymous"
    told_to: Line | None = None
    country: Country | None = None
    article_id: RowId
    notes: Annotated[str, _text(REASON_MAX_LEN, multiline=True)] | None = None


# Fields only a quota figure has (the commands refuse them on a plain fact too).
QUOTA_ONLY = (
    "country", "sector", "amount", "currency", "usd_amount", "period", "basis", "change",
    "change_date", "amount_high", "usd_high", "share_low", "share_high", "share_of",
    "deadline", "deadline_on", "deadline_precision", "basis_text", "amount_to", "usd_to",
    "change_on", "change_on_precision", "change_percent", "amount_is", "amount_bound",
)  # fmt: skip


class ClaimRow(_Row):
    id: RowId
    kind: Literal["fact", "quota"] = "fact"
    topic: Annotated[str, _text(TOPIC_MAX_LEN, multiline=False)]
    statement: Annotated[str, _text(STATEMENT_MAX_LEN, multiline=True)]
    quote: Annotated[str, _text(QUOTE_MAX_LEN, multiline=True)] | None = None
    place: Line | None = None
    source_id: RowId
    article_id: RowId
    status: Literal["active", "retracted"] = "active"
    retraction_reason: Annotated[str, _text(REASON_MAX_LEN, multiline=False)] | None = None
    retracted_at: Timestamp | None = None
    corrected_at: Timestamp | None = None
    country: Country | None = None
    sector: Line | None = None
    amount: Amount | None = None
    currency: Annotated[str, AfterValidator(_checked(normalize_currency))] | None = None
    usd_amount: Amount | None = None
    usd_is_approx: bool = True
    period: Annotated[str, _choice(PERIODS)] | None = None
    basis: Annotated[str, AfterValidator(_checked(parse_basis))] | None = None
    change: Annotated[str, _choice(CHANGES)] | None = None
    change_date: Line | None = None
    amount_high: Amount | None = None
    usd_high: Amount | None = None
    share_low: Share | None = None
    share_high: Share | None = None
    share_of: Wording | None = None
    deadline: Wording | None = None
    deadline_on: Day | None = None
    deadline_precision: Precision | None = None
    basis_text: Wording | None = None
    amount_to: Amount | None = None
    usd_to: Amount | None = None
    change_on: Day | None = None
    change_on_precision: Precision | None = None
    superseded_by: RowId | None = None
    change_percent: ChangePercent | None = None
    amount_is: Annotated[str, _choice(AMOUNT_SIDES)] | None = None
    amount_bound: Annotated[str, _choice(AMOUNT_BOUNDS)] | None = None

    @model_validator(mode="after")
    def _quota_fields(self) -> ClaimRow:
        if self.superseded_by == self.id:
            raise _problem("a claim cannot supersede itself")
        if self.kind == "quota":
            missing = [key for key in QUOTA_REQUIRED if getattr(self, key) is None]
            if missing:
                raise _problem(f"a quota figure needs {', '.join(missing)}")
            values = {key: getattr(self, key) for key in QUOTA_ONLY}
            share_high = self.share_high
            if (
                share_high is not None
                and self.share_low is not None
                and share_high <= self.share_low
            ):
                raise _problem("share_high must be above share_low")
            problems = figure_problems(values)
            if problems:
                raise _problem("; ".join(problems))
        else:
            extra = [key for key in QUOTA_ONLY if getattr(self, key) is not None]
            if extra:
                raise _problem(f"only a quota figure has {', '.join(extra)}; this is a fact")
        return self


class AliasRow(_Row):
    term: Annotated[str, AfterValidator(_checked(normalize_alias_term))]
    kind: Annotated[str, _choice(ALIAS_KINDS)]
    value: str

    @field_validator("value")
    @classmethod
    def _value_of_kind(cls, value: str, info: ValidationInfo) -> str:
        kind = info.data.get("kind")
        if kind is None:
            return value  # the kind's own problem is reported
        return _checked(lambda v: normalize_alias_value(kind, v))(value)


class EditorRow(_Row):
    user_id: UserId
    granted_by: UserId
    granted_at: Timestamp | None = None


def _history_text(max_len: int) -> Any:
    def check(value: str, info: ValidationInfo) -> str:
        if len(value) > max_len:
            raise _problem(f"at most {max_len:,} characters, not {len(value):,}")
        return value

    return AfterValidator(check)


class HistoryRow(_Row):
    batch: Annotated[str, _history_text(_BATCH_MAX_LEN)] | None = None
    entity_type: Annotated[str, _history_text(_HISTORY_NAME_MAX_LEN)]
    entity_id: Annotated[int, _id_in(0, ID_MAX, "an id")]
    action: Annotated[str, _history_text(_HISTORY_NAME_MAX_LEN)]
    field: Annotated[str, _history_text(_HISTORY_FIELD_MAX_LEN)] | None = None
    old_value: Annotated[str, _history_text(_HISTORY_VALUE_MAX_LEN)] | None = None
    new_value: Annotated[str, _history_text(_HISTORY_VALUE_MAX_LEN)] | None = None
    reason: Annotated[str, _history_text(REASON_MAX_LEN)] | None = None
    editor_id: Annotated[int, _id_in(1, USER_ID_MAX, "a Telegram user id")] | None = None
    created_at: Timestamp | None = None
    undone: bool = False


def _chat_id(value: int, info: ValidationInfo) -> int:
    if type(value) is not int or value == 0 or abs(value) > USER_ID_MAX:
        raise _problem("must be a Telegram user or group id")
    return value


class LanguageRow(_Row):
    """A language preference (/language; a subscribed group's): private data, like editors."""

    telegram_id: Annotated[int, AfterValidator(_chat_id)]
    language: Literal["en", "ru", "zh", "ko"]


class TranslationRow(_Row):
    """An editor's translation of a claim's statement or quote (version 3)."""

    claim_id: RowId
    language: Literal["ru", "zh", "ko"]
    text: Annotated[str, _text(TRANSLATION_MAX_LEN, multiline=True)]


class StoreDocument(_Row):
    """The whole document. Lists left out are left alone by a merge."""

    format: Literal["quota-facts-store"]
    version: Literal[1, 2, 3, 4]
    note: str | None = None
    exported_at: Timestamp | None = None
    articles: list[ArticleRow] = []
    sources: list[SourceRow] = []
    claims: list[ClaimRow] = []
    aliases: list[AliasRow] = []
    editors: list[EditorRow] = []
    history: list[HistoryRow] = []
    # Written only when there are some (with the editors): older documents have none.
    languages: list[LanguageRow] = []
    translations: list[TranslationRow] = []


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


def _describe(error: Any) -> str:
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


def _duplicates(doc: dict[str, Any]) -> list[str]:
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


def _alias_duplicates(document: StoreDocument) -> list[str]:
    counts = Counter((alias.term, alias.kind) for alias in document.aliases)
    problems = [
        f'aliases: "{term}" ({kind}) appears {count} times'
        for (term, kind), count in counts.items()
        if count > 1
    ]
    translations = Counter((row.claim_id, row.language) for row in document.translations)
    return problems + [
        f"translations: claim {claim_id} ({language}) appears {count} times"
        for (claim_id, language), count in translations.items()
        if count > 1
    ]


def _references(doc: dict[str, Any]) -> list[str]:
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


def check_document(doc: Any) -> StoreDocument:
    """The document, validated whole and cleaned as the commands clean; else DocumentError."""
    if not isinstance(doc, dict):
        raise DocumentError(["the document must be a JSON object"])
    if doc.get("format") != DOCUMENT_FORMAT:
        raise DocumentError([f'"format" must be "{DOCUMENT_FORMAT}"'])
    version = doc.get("version")
    if type(version) is not int or version not in READABLE_VERSIONS:
        readable = " and ".join(map(str, READABLE_VERSIONS))
        raise DocumentError([f"unsupported version {version!r} (this bot reads {readable})"])
    problems: list[str] = older_version_extras(doc)
    doc = upgrade_document(doc)
    document: StoreDocument | None = None
    try:
        document = StoreDocument.model_validate(doc)
    except SchemaError as error:
        problems += [_describe(item) for item in error.errors(include_url=False)]
    problems += _duplicates(doc) + _references(doc)
    if document is not None:
        problems += _alias_duplicates(document)
    if problems or document is None:
        raise DocumentError(problems)
    return document
