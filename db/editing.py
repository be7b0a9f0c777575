"""Editor services: who may edit, and every change to the store.

Each public function takes an ``AsyncSession`` and an ``Actor`` and owns its
transaction: it checks the actor's rights inside that transaction (a handler
filter is never the only guard), validates every value with ``db.validation``,
writes its ``change_log`` rows and calls ``bump_revision`` before committing, so
answers follow the store at once and nothing is half written.

Errors are ``EditingError`` subclasses whose message is one plain-text line for
the editor; the Telegram layer adds the usage line.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, TypeVar

from sqlalchemy import delete, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm.exc import StaleDataError

from db.announce import (
    FieldChange,
    NoticeAction,
    announce_article,
    announce_claim,
    announce_source,
    announce_undo,
)
from db.errors import OneLineError
from db.models import Alias, Article, ChangeLogEntry, Claim, Editor, Source, utcnow
from db.revision import bump_revision
from db.session import read_transaction, write_transaction
from db.validation import (
    ALIAS_KINDS,
    BASIS_MAX_LEN,
    CHANGES,
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
    USER_ID_MAX,
    ValidationError,
    clean_text,
    country_name,
    normalize_alias_term,
    normalize_alias_value,
    normalize_country,
    normalize_currency,
    parse_amount,
    parse_choice,
    parse_id,
    parse_iso_date,
    parse_url,
    parse_yes_no,
)

T = TypeVar("T")

# Written in place of a value to clear an optional field: /edit 5 quote=-
CLEAR = "-"
NARRATION = "the article's own narration"


class EditingError(OneLineError):
    """A refused change; ``str(error)`` is one line meant for the editor."""


class NotAuthorized(EditingError):
    pass


class NotFound(EditingError):
    pass


class Conflict(EditingError):
    pass


class InvalidValue(EditingError):
    pass


@dataclass(frozen=True)
class Actor:
    """Who asks: a numeric Telegram user id, and the owner ids from the settings."""

    user_id: int
    owners: frozenset[int] = frozenset()

    @property
    def is_owner(self) -> bool:
        return self.user_id in self.owners


@dataclass
class Change:
    """What one editor action did: its history batch and the rows it touched."""

    batch: str
    entity_type: str
    entity_id: int
    action: str
    fields: list[tuple[str, str | None, str | None]] = field(default_factory=list)
    note: str | None = None
    # Subscribed chats queued for a notice of this change (db/notices.py).
    notified: int = 0


# Change.action -> what subscribers read it as (db/announce.py is the one notice path).
NOTICE_ACTIONS = {
    "create": NoticeAction.ADD,
    "edit": NoticeAction.CORRECT,
    "retract": NoticeAction.RETRACT,
    "restore": NoticeAction.RESTORE,
}


async def _queue_notices(session: AsyncSession, claim: Claim, change: Change) -> None:
    """In the change's own transaction: the notice commits or rolls back with it."""
    action = NOTICE_ACTIONS[change.action]
    change.notified = await announce_claim(session, claim, action, change.fields)


# ----------------------------------------------------------------------------- roles


async def role_of(session: AsyncSession, actor: Actor) -> str | None:
    """ "owner", "editor" or None. Reads the editors table in the caller's transaction."""
    if actor.is_owner:
        return "owner"
    if await session.get(Editor, actor.user_id) is not None:
        return "editor"
    return None


async def check_role(session: AsyncSession, actor: Actor) -> str | None:
    """The actor's role, in a short transaction of its own (for handlers and menus)."""
    async with read_transaction(session):
        return await role_of(session, actor)


async def _require_editor(session: AsyncSession, actor: Actor, what: str) -> None:
    if await role_of(session, actor) is None:
        raise NotAuthorized(f"Only editors can {what}.")


def _require_owner(actor: Actor, what: str) -> None:
    if not actor.is_owner:
        raise NotAuthorized(f"Only owners can {what}.")


async def _write(session: AsyncSession, work: Callable[[], Awaitable[T]]) -> T:
    """Run ``work`` in one write transaction; lost races become a polite Conflict."""
    try:
        async with write_transaction(session):
            return await work()
    except StaleDataError:
        raise Conflict(
            "It was changed by someone else meanwhile; nothing was written. Try again."
        ) from None
    except IntegrityError:
        raise Conflict(
            "That clashes with a change made meanwhile; nothing was written. Try again."
        ) from None


def _batch() -> str:
    return str(uuid.uuid4())


def as_text(value: Any) -> str | None:
    """How values are kept in the change log (and turned back by ``_from_text``)."""
    if value is None:
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Decimal):
        return format(value.normalize(), "f")
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    return str(value)


_TYPES: dict[str, type] = {
    "amount": Decimal,
    "usd_amount": Decimal,
    "usd_is_approx": bool,
    "source_id": int,
    "article_id": int,
    "retracted_at": dt.datetime,
    "corrected_at": dt.datetime,
    "published_on": dt.date,
    "is_default": bool,
}


def _from_text(attr: str, value: str | None) -> Any:
    if value is None:
        return None
    kind = _TYPES.get(attr)
    if kind is Decimal:
        return Decimal(value)
    if kind is bool:
        return value == "true"
    if kind is int:
        return int(value)
    if kind is dt.datetime:
        return dt.datetime.fromisoformat(value)
    if kind is dt.date:
        return dt.date.fromisoformat(value)
    return value


def _log(
    session: AsyncSession,
    batch: str,
    actor: Actor,
    entity_type: str,
    entity_id: int,
    action: str,
    field_name: str | None = None,
    old: Any = None,
    new: Any = None,
    reason: str | None = None,
) -> None:
    session.add(
        ChangeLogEntry(
            batch=batch,
            entity_type=entity_type,
            entity_id=entity_id,
            action=action,
            field=field_name,
            old_value=as_text(old),
            new_value=as_text(new),
            reason=reason,
            editor_id=actor.user_id,
        )
    )


# ----------------------------------------------------------------------------- field specs


def _text(max_len: int) -> Callable[[str, str], str]:
    def parse(value: str, name: str) -> str:
        return clean_text(value, name, max_len)

    return parse


def _line(max_len: int) -> Callable[[str, str], str]:
    def parse(value: str, name: str) -> str:
        return clean_text(value, name, max_len, multiline=False)

    return parse


@dataclass(frozen=True)
class FieldSpec:
    attr: str
    parse: Callable[[str, str], Any]
    optional: bool = True
    quota_only: bool = False
    help: str = ""


CLAIM_FIELDS: dict[str, FieldSpec] = {
    "topic": FieldSpec("topic", _line(TOPIC_MAX_LEN), optional=False, help="a short topic word"),
    "text": FieldSpec("statement", _text(STATEMENT_MAX_LEN), optional=False, help="the statement"),
    "quote": FieldSpec("quote", _text(QUOTE_MAX_LEN), help="the verbatim quote"),
    "place": FieldSpec("place", _line(NAME_MAX_LEN), help="a place name"),
    "source": FieldSpec("source_id", lambda v, n: v, optional=False, help="a source id or name"),
    "article": FieldSpec("article_id", lambda v, n: parse_id(v), optional=False, help="an id"),
    "country": FieldSpec("country", lambda v, n: normalize_country(v), quota_only=True),
    "sector": FieldSpec("sector", _line(NAME_MAX_LEN), quota_only=True),
    "amount": FieldSpec("amount", lambda v, n: parse_amount(v, n), optional=False, quota_only=True),
    "currency": FieldSpec(
        "currency", lambda v, n: normalize_currency(v), optional=False, quota_only=True
    ),
    "usd": FieldSpec("usd_amount", lambda v, n: parse_amount(v, n), quota_only=True),
    "approx": FieldSpec(
        "usd_is_approx", lambda v, n: parse_yes_no(v), optional=False, quota_only=True
    ),
    "period": FieldSpec("period", lambda v, n: parse_choice(v, n, PERIODS), quota_only=True),
    "basis": FieldSpec("basis", _line(BASIS_MAX_LEN), quota_only=True),
    "change": FieldSpec("change", lambda v, n: parse_choice(v, n, CHANGES), quota_only=True),
    "date": FieldSpec("change_date", _line(NAME_MAX_LEN), quota_only=True),
}

ARTICLE_FIELDS: dict[str, FieldSpec] = {
    "outlet": FieldSpec("outlet", _line(NAME_MAX_LEN), optional=False),
    "title": FieldSpec("title", _line(TITLE_MAX_LEN), optional=False),
    "caveat": FieldSpec("caveat", _text(REASON_MAX_LEN), optional=False),
    "url": FieldSpec("url", lambda v, n: parse_url(v)),
    "reporter": FieldSpec("reporter", _line(NAME_MAX_LEN)),
    "relies_on": FieldSpec("relies_on", _line(NAME_MAX_LEN)),
    "date": FieldSpec("published_on", lambda v, n: parse_iso_date(v)),
}

SOURCE_FIELDS: dict[str, FieldSpec] = {
    "name": FieldSpec("name", _line(SOURCE_MAX_LEN), optional=False),
    "kind": FieldSpec("kind", lambda v, n: parse_choice(v, n, SOURCE_KINDS), optional=False),
    "told_to": FieldSpec("told_to", _line(NAME_MAX_LEN)),
    "country": FieldSpec("country", lambda v, n: normalize_country(v)),
    "notes": FieldSpec("notes", _text(REASON_MAX_LEN)),
    "article": FieldSpec("article_id", lambda v, n: parse_id(v), optional=False),
}


def _parse_fields(
    specs: dict[str, FieldSpec], values: dict[str, str], *, allow_clear: bool
) -> dict[str, Any]:
    """Editor key -> parsed value (None for a cleared optional field)."""
    parsed: dict[str, Any] = {}
    for key, raw in values.items():
        spec = specs.get(key)
        if spec is None:
            raise InvalidValue(f'unknown field "{key}"; the fields are: {", ".join(specs)}')
        if allow_clear and raw.strip() == CLEAR:
            if not spec.optional:
                raise InvalidValue(f'"{key}" cannot be cleared')
            parsed[key] = None
            continue
        try:
            parsed[key] = spec.parse(raw, key)
        except ValidationError as error:
            raise InvalidValue(error.message) from None
    return parsed


# ----------------------------------------------------------------------------- lookups


async def _default_article_id(session: AsyncSession) -> int:
    article_id = await session.scalar(
        select(Article.id).order_by(Article.is_default.desc(), Article.id).limit(1)
    )
    if article_id is None:
        raise NotFound("There is no article yet: add one with /addarticle first.")
    return int(article_id)


async def _article(session: AsyncSession, article_id: int) -> Article:
    article = await session.get(Article, article_id)
    if article is None:
        raise NotFound(f"There is no article #{article_id}. See /articles.")
    return article


async def _claim(session: AsyncSession, claim_id: int) -> Claim:
    claim = await session.get(Claim, claim_id)
    if claim is None:
        raise NotFound(f"There is no fact #{claim_id}. See /facts.")
    return claim


async def _resolve_source(
    session: AsyncSession, actor: Actor, batch: str, value: str | None, article_id: int
) -> int:
    """A source by id ("#3", "3") or exact name; else a new anonymous one for the article."""
    if value is None:
        narration = await session.scalar(
            select(Source.id)
            .where(Source.article_id == article_id, Source.kind == "narration")
            .order_by(Source.id)
            .limit(1)
        )
        if narration is not None:
            return int(narration)
        return await _new_source(session, actor, batch, NARRATION, "narration", article_id)
    raw = value.strip()
    if raw.removeprefix("#").isdigit():
        source_id = parse_id(raw)
        if await session.get(Source, source_id) is None:
            raise NotFound(f"There is no source #{source_id}. See /sources.")
        return source_id
    try:
        name = clean_text(raw, "source", SOURCE_MAX_LEN, multiline=False)
    except ValidationError as error:
        raise InvalidValue(error.message) from None
    found = await session.scalar(
        select(Source.id)
        .where(func.lower(Source.name) == name.lower())
        .order_by((Source.article_id == article_id).desc(), Source.id)
        .limit(1)
    )
    if found is not None:
        return int(found)
    return await _new_source(session, actor, batch, name, "anonymous", article_id)


async def _new_source(
    session: AsyncSession, actor: Actor, batch: str, name: str, kind: str, article_id: int
) -> int:
    source = Source(name=name, kind=kind, article_id=article_id)
    session.add(source)
    await session.flush()
    _log(session, batch, actor, "source", source.id, "create", new=name)
    return source.id


# ----------------------------------------------------------------------------- editors


async def grant(session: AsyncSession, actor: Actor, user_id: int) -> bool:
    """Make ``user_id`` an editor; False when they already were one (or are an owner)."""
    _require_owner(actor, "grant editing rights")
    _check_user_id(user_id)

    async def work() -> bool:
        if user_id in actor.owners or await session.get(Editor, user_id) is not None:
            return False
        session.add(Editor(user_id=user_id, granted_by=actor.user_id))
        _log(session, _batch(), actor, "editor", 0, "grant", "user_id", None, user_id)
        await bump_revision(session)  # snapshots carry the editor ids
        return True

    return await _write(session, work)


async def revoke(session: AsyncSession, actor: Actor, user_id: int) -> bool:
    _require_owner(actor, "revoke editing rights")
    _check_user_id(user_id)
    if user_id in actor.owners:
        raise InvalidValue(
            f"{user_id} is an owner: owners are set in ADMIN_USER_IDS, not with /revoke"
        )

    async def work() -> bool:
        editor = await session.get(Editor, user_id)
        if editor is None:
            return False
        await session.delete(editor)
        _log(session, _batch(), actor, "editor", 0, "revoke", "user_id", user_id, None)
        await bump_revision(session)  # snapshots carry the editor ids
        return True

    return await _write(session, work)


def _check_user_id(user_id: int) -> None:
    if not 0 < user_id <= USER_ID_MAX:
        raise InvalidValue("a Telegram user id is a positive whole number like 123456789")


def parse_user_id(text: str) -> int:
    value = text.strip()
    if not value.isascii() or not value.isdigit() or len(value) > 16:
        raise InvalidValue(
            "give the numeric Telegram user id (like 123456789), not a username; "
            "the user can get it from @userinfobot"
        )
    user_id = int(value)
    _check_user_id(user_id)
    return user_id


async def list_editors(session: AsyncSession, actor: Actor) -> list[Editor]:
    async with read_transaction(session):
        await _require_editor(session, actor, "list the editors")
        return list(await session.scalars(select(Editor).order_by(Editor.user_id)))


async def editor_ids(session: AsyncSession) -> list[int]:
    """Every stored editor's id (for the per-chat command menus)."""
    async with read_transaction(session):
        return list(await session.scalars(select(Editor.user_id).order_by(Editor.user_id)))


# ----------------------------------------------------------------------------- claims


def quota_statement(values: dict[str, Any], country: str) -> str:
    """A plain statement for a quota added by command (the figures are the claim)."""
    sector = f" {values['sector']}" if values.get("sector") else ""
    period = f" a {values['period']}" if values.get("period") else ""
    basis = f" per {values['basis']}" if values.get("basis") else ""
    change = values.get("change")
    verb = f" ({change} from this amount)" if change and change != "none" else ""
    amount = f"{values['amount'].normalize():,f}"
    with contextlib.suppress(ValidationError):
        country = country_name(country)
    return (
        f"In {values['place']}, {country}, the quota of North Korean{sector} workers is "
        f"{amount} {values['currency']}{period}{basis}{verb}."
    )


async def _add_claim(
    session: AsyncSession,
    actor: Actor,
    kind: str,
    values: dict[str, Any],
    source_raw: str | None,
) -> Change:
    """The transaction shared by /addquota and /addfact, after their own validation."""

    async def work() -> Change:
        await _require_editor(
            session, actor, "add quota figures" if kind == "quota" else "add facts"
        )
        batch = _batch()
        article_id = values.get("article_id") or await _default_article_id(session)
        await _article(session, article_id)
        values["article_id"] = article_id
        values["source_id"] = await _resolve_source(session, actor, batch, source_raw, article_id)
        claim = Claim(kind=kind, status="active", **values)
        session.add(claim)
        await session.flush()
        _log(session, batch, actor, "claim", claim.id, "create", new=claim.statement)
        await bump_revision(session)
        change = Change(batch, "claim", claim.id, "create")
        await _queue_notices(session, claim, change)
        return change

    return await _write(session, work)


async def add_quota(session: AsyncSession, actor: Actor, options: dict[str, str]) -> Change:
    required = ("country", "place", "amount", "currency")
    missing = [key for key in required if key not in options]
    if missing:
        raise InvalidValue(f'"{missing[0]}=" is missing')
    allowed = {
        "country", "place", "sector", "amount", "currency", "usd", "approx", "period",
        "basis", "change", "date", "source", "article", "text", "quote", "topic",
    }  # fmt: skip
    unknown = [key for key in options if key not in allowed]
    if unknown:
        raise InvalidValue(
            f'unknown field "{unknown[0]}"; the fields are: {", ".join(sorted(allowed))}'
        )
    source_raw = options.get("source")
    parsed = _parse_fields(
        CLAIM_FIELDS, {k: v for k, v in options.items() if k != "source"}, allow_clear=False
    )
    values: dict[str, Any] = {CLAIM_FIELDS[k].attr: v for k, v in parsed.items()}
    values.setdefault("topic", "quota")
    # "nearly $730" only when the editor says the dollar figure is approximate.
    values["usd_is_approx"] = bool(parsed.get("approx", False))
    if "statement" not in values:
        values["statement"] = quota_statement(parsed, values["country"])

    return await _add_claim(session, actor, "quota", values, source_raw)


async def add_fact(session: AsyncSession, actor: Actor, options: dict[str, str]) -> Change:
    for key in ("topic", "text"):
        if key not in options:
            raise InvalidValue(f'"{key}=" is missing')
    allowed = ("topic", "text", "quote", "place", "source", "article")
    unknown = [key for key in options if key not in allowed]
    if unknown:
        raise InvalidValue(f'unknown field "{unknown[0]}"; the fields are: {", ".join(allowed)}')
    source_raw = options.get("source")
    parsed = _parse_fields(
        CLAIM_FIELDS, {k: v for k, v in options.items() if k != "source"}, allow_clear=False
    )
    values = {CLAIM_FIELDS[k].attr: v for k, v in parsed.items()}

    return await _add_claim(session, actor, "fact", values, source_raw)


async def edit_claim(
    session: AsyncSession,
    actor: Actor,
    claim_id: int,
    options: dict[str, str],
    *,
    reason: str | None = None,
    expected_version: int | None = None,
) -> Change:
    """Correct fields of a claim; sets corrected_at. ``expected_version`` (from a
    dialogue that showed the old value) refuses the edit if the claim moved on."""
    if not options:
        raise InvalidValue("give at least one field=value to change")
    source_raw = options.get("source")
    parsed = _parse_fields(
        CLAIM_FIELDS, {k: v for k, v in options.items() if k != "source"}, allow_clear=True
    )
    if source_raw is not None and source_raw.strip() == CLEAR:
        raise InvalidValue('"source" cannot be cleared')
    reason = _reason(reason, required=False)

    async def work() -> Change:
        await _require_editor(session, actor, "edit facts")
        claim = await _claim(session, claim_id)
        if expected_version is not None and claim.version != expected_version:
            raise Conflict(
                f"#{claim_id} was changed by someone else meanwhile; nothing was written. "
                "Look at it again and retry."
            )
        if claim.kind != "quota":
            for key in parsed:
                if CLAIM_FIELDS[key].quota_only:
                    raise InvalidValue(f'#{claim_id} is not a quota figure: "{key}" does not apply')
        elif any(key in QUOTA_REQUIRED and value is None for key, value in parsed.items()):
            raise InvalidValue(f"a quota figure needs {', '.join(QUOTA_REQUIRED)}")
        new_values = {CLAIM_FIELDS[k].attr: v for k, v in parsed.items()}
        batch = _batch()
        if "article_id" in new_values:
            await _article(session, new_values["article_id"])
        if source_raw is not None:
            article_id = new_values.get("article_id", claim.article_id)
            new_values["source_id"] = await _resolve_source(
                session, actor, batch, source_raw, article_id
            )
        change = Change(batch, "claim", claim_id, "edit")
        for attr, value in new_values.items():
            old = getattr(claim, attr)
            if as_text(old) == as_text(value):
                continue
            setattr(claim, attr, value)
            change.fields.append((attr, as_text(old), as_text(value)))
            _log(session, batch, actor, "claim", claim_id, "edit", attr, old, value, reason)
        if not change.fields:
            raise InvalidValue(f"#{claim_id} already has these values: nothing to change")
        figures = {"amount", "currency", "place", "country", "sector", "period", "basis", "change"}
        if claim.kind == "quota" and "statement" not in new_values and figures & set(new_values):
            # The stored sentence must not go on stating the old figure (exports show it).
            sentence = quota_statement(
                {key: getattr(claim, key) for key in figures}, claim.country or ""
            )
            if sentence != claim.statement:
                _log(session, batch, actor, "claim", claim_id, "edit", "statement",
                     claim.statement, sentence, reason)  # fmt: skip
                claim.statement = sentence
        old_corrected = claim.corrected_at
        claim.corrected_at = utcnow()
        claim.updated_at = claim.corrected_at
        _log(session, batch, actor, "claim", claim_id, "edit", "corrected_at", old_corrected,
             claim.corrected_at, reason)  # fmt: skip
        await session.flush()
        await bump_revision(session)
        await _queue_notices(session, claim, change)
        return change

    return await _write(session, work)


def _reason(reason: str | None, *, required: bool) -> str | None:
    if reason is None or not reason.strip():
        if required:
            raise InvalidValue("a reason is required")
        return None
    try:
        return clean_text(reason, "reason", REASON_MAX_LEN, multiline=False)
    except ValidationError as error:
        raise InvalidValue(error.message) from None


async def retract(
    session: AsyncSession,
    actor: Actor,
    claim_id: int,
    reason: str | None,
    *,
    expected_version: int | None = None,
) -> Change:
    """Withdraw a claim: it stays in the store (with its history) but is no longer told."""
    cleaned = _reason(reason, required=True)

    async def work() -> Change:
        await _require_editor(session, actor, "retract facts")
        claim = await _claim(session, claim_id)
        if expected_version is not None and claim.version != expected_version:
            raise Conflict(f"#{claim_id} was changed by someone else meanwhile; try again.")
        if claim.status == "retracted":
            raise InvalidValue(f"#{claim_id} is already retracted (restore it with /restore)")
        batch = _batch()
        now = utcnow()
        new = {"status": "retracted", "retracted_at": now, "retraction_reason": cleaned}
        change = Change(batch, "claim", claim_id, "retract")
        for attr, value in new.items():
            old = getattr(claim, attr)
            setattr(claim, attr, value)
            change.fields.append((attr, as_text(old), as_text(value)))
            _log(session, batch, actor, "claim", claim_id, "retract", attr, old, value, cleaned)
        claim.updated_at = now
        await session.flush()
        await bump_revision(session)
        await _queue_notices(session, claim, change)
        return change

    return await _write(session, work)


async def restore(
    session: AsyncSession, actor: Actor, claim_id: int, reason: str | None = None
) -> Change:
    cleaned = _reason(reason, required=False)

    async def work() -> Change:
        await _require_editor(session, actor, "restore facts")
        claim = await _claim(session, claim_id)
        if claim.status == "active":
            raise InvalidValue(f"#{claim_id} is not retracted")
        batch = _batch()
        new: dict[str, Any] = {"status": "active", "retracted_at": None, "retraction_reason": None}
        change = Change(batch, "claim", claim_id, "restore")
        for attr, value in new.items():
            old = getattr(claim, attr)
            setattr(claim, attr, value)
            change.fields.append((attr, as_text(old), as_text(value)))
            _log(session, batch, actor, "claim", claim_id, "restore", attr, old, value, cleaned)
        claim.updated_at = utcnow()
        await session.flush()
        await bump_revision(session)
        await _queue_notices(session, claim, change)
        return change

    return await _write(session, work)


# ----------------------------------------------------------------------------- articles, sources


async def add_article(session: AsyncSession, actor: Actor, options: dict[str, str]) -> Change:
    for key in ("outlet", "title", "caveat"):
        if key not in options:
            raise InvalidValue(f'"{key}=" is missing')
    parsed = _parse_fields(ARTICLE_FIELDS, options, allow_clear=False)
    values = {ARTICLE_FIELDS[k].attr: v for k, v in parsed.items()}

    async def work() -> Change:
        await _require_editor(session, actor, "add articles")
        article = Article(is_default=False, **values)
        session.add(article)
        await session.flush()
        batch = _batch()
        _log(session, batch, actor, "article", article.id, "create", new=article.title)
        await bump_revision(session)
        return Change(batch, "article", article.id, "create")

    return await _write(session, work)


async def _edit_entity(
    session: AsyncSession,
    actor: Actor,
    model: type[Article] | type[Source],
    entity_type: str,
    entity_id: int,
    specs: dict[str, FieldSpec],
    options: dict[str, str],
    reason: str | None,
    expected_version: int | None,
) -> Change:
    if not options:
        raise InvalidValue("give at least one field=value to change")
    parsed = _parse_fields(specs, options, allow_clear=True)
    values = {specs[k].attr: v for k, v in parsed.items()}
    cleaned = _reason(reason, required=False)

    async def work() -> Change:
        await _require_editor(session, actor, f"edit {entity_type}s")
        entity: Article | Source | None = await session.get(model, entity_id)
        if entity is None:
            raise NotFound(f"There is no {entity_type} #{entity_id}. See /{entity_type}s.")
        if expected_version is not None and entity.version != expected_version:
            raise Conflict(
                f"{entity_type} #{entity_id} was changed by someone else meanwhile; nothing was "
                "written. Look at it again and retry."
            )
        if "article_id" in values:
            await _article(session, values["article_id"])
        batch = _batch()
        change = Change(batch, entity_type, entity_id, "edit")
        for attr, value in values.items():
            old = getattr(entity, attr)
            if as_text(old) == as_text(value):
                continue
            setattr(entity, attr, value)
            change.fields.append((attr, as_text(old), as_text(value)))
            _log(session, batch, actor, entity_type, entity_id, "edit", attr, old, value, cleaned)
        if not change.fields:
            raise InvalidValue(f"{entity_type} #{entity_id} already has these values")
        entity.updated_at = utcnow()
        await session.flush()  # the version check (version_id_col) happens here
        await bump_revision(session)
        if isinstance(entity, Article):
            change.notified = await announce_article(session, entity, change.fields)
        else:
            change.notified = await announce_source(session, entity, change.fields)
        return change

    return await _write(session, work)


async def edit_article(
    session: AsyncSession,
    actor: Actor,
    article_id: int,
    options: dict[str, str],
    reason: str | None = None,
    *,
    expected_version: int | None = None,
) -> Change:
    """``expected_version`` (the version the editor saw) refuses the edit if it moved on."""
    return await _edit_entity(
        session,
        actor,
        Article,
        "article",
        article_id,
        ARTICLE_FIELDS,
        options,
        reason,
        expected_version,
    )


async def edit_source(
    session: AsyncSession,
    actor: Actor,
    source_id: int,
    options: dict[str, str],
    reason: str | None = None,
    *,
    expected_version: int | None = None,
) -> Change:
    """``expected_version`` (the version the editor saw) refuses the edit if it moved on."""
    return await _edit_entity(
        session,
        actor,
        Source,
        "source",
        source_id,
        SOURCE_FIELDS,
        options,
        reason,
        expected_version,
    )


# ----------------------------------------------------------------------------- aliases


def _alias_value(kind: str, value: str) -> str:
    try:
        return normalize_alias_value(kind, value)
    except ValidationError as error:
        raise InvalidValue(error.message) from None


def normalize_term(term: str) -> str:
    """Aliases are stored as the engine reads questions: NFKC, casefolded, one space."""
    try:
        return normalize_alias_term(term)
    except ValidationError as error:
        raise InvalidValue(error.message) from None


async def add_alias(
    session: AsyncSession,
    actor: Actor,
    term: str,
    kind: str,
    value: str,
    *,
    expected_version: int | None = None,
) -> Change:
    """Teach a word, or re-point one; ``expected_version`` guards a re-pointing."""
    if kind not in ALIAS_KINDS:
        raise InvalidValue(f'the kind must be one of {", ".join(ALIAS_KINDS)}, not "{kind[:20]}"')
    normalized = normalize_term(term)
    clean_value = _alias_value(kind, value)

    async def work() -> Change:
        await _require_editor(session, actor, "teach the bot words")
        batch = _batch()
        alias = await session.scalar(
            select(Alias).where(Alias.term == normalized, Alias.kind == kind)
        )
        change = Change(batch, "alias", 0, "alias")
        if alias is None:
            alias = Alias(term=normalized, kind=kind, value=clean_value)
            session.add(alias)
            await session.flush()
            _log(session, batch, actor, "alias", alias.id, "create", "value", None, clean_value)
        elif alias.value == clean_value:
            raise InvalidValue(f'"{normalized}" already means {kind} {clean_value}')
        elif expected_version is not None and alias.version != expected_version:
            raise Conflict(
                f'"{normalized}" was changed by someone else meanwhile; nothing was written. '
                "Look at it again and retry."
            )
        else:
            old = alias.value
            alias.value = clean_value
            _log(session, batch, actor, "alias", alias.id, "edit", "value", old, clean_value)
        change.entity_id = alias.id
        change.fields.append(("value", None, clean_value))
        change.note = await _alias_note(session, kind, clean_value)
        await bump_revision(session)
        return change

    return await _write(session, work)


async def _alias_note(session: AsyncSession, kind: str, value: str) -> str | None:
    """A warning when no active claim has the value the alias points at."""
    column = {"place": Claim.place, "sector": Claim.sector, "topic": Claim.topic}.get(kind)
    if kind == "country":
        column = Claim.country
    elif kind == "currency":
        column = Claim.currency
    if column is None:
        return None
    found = await session.scalar(
        select(func.count()).select_from(Claim).where(func.lower(column) == value.lower())
    )
    if found:
        return None
    return f"No fact has {kind} {value} yet, so the word finds nothing until one does."


async def list_aliases(session: AsyncSession, actor: Actor) -> list[Alias]:
    async with read_transaction(session):
        await _require_editor(session, actor, "list aliases")
        return list(await session.scalars(select(Alias).order_by(Alias.kind, Alias.term)))


# ----------------------------------------------------------------------------- listings


async def list_claims(
    session: AsyncSession, actor: Actor, word: str | None = None, *, active_only: bool = True
) -> list[Claim]:
    async with read_transaction(session):
        await _require_editor(session, actor, "list the facts with ids")
        query = select(Claim).order_by(Claim.id)
        if active_only:
            query = query.where(Claim.status == "active")
        claims = list(await session.scalars(query))
    if word:
        needle = normalize_term(word)
        claims = [c for c in claims if needle in _haystack(c)]
    return claims


def _haystack(claim: Claim) -> str:
    parts = (claim.place, claim.topic, claim.statement, claim.sector, claim.country,
             claim.currency, claim.quote, f"#{claim.id}")  # fmt: skip
    return " ".join(p for p in parts if p).casefold()


async def get_claim(session: AsyncSession, actor: Actor, claim_id: int) -> Claim:
    async with read_transaction(session):
        await _require_editor(session, actor, "look at facts")
        return await _claim(session, claim_id)


async def list_articles(session: AsyncSession, actor: Actor) -> list[Article]:
    async with read_transaction(session):
        await _require_editor(session, actor, "list the articles")
        return list(await session.scalars(select(Article).order_by(Article.id)))


async def list_sources(session: AsyncSession, actor: Actor) -> list[Source]:
    async with read_transaction(session):
        await _require_editor(session, actor, "list the sources with ids")
        return list(await session.scalars(select(Source).order_by(Source.id)))


async def history(session: AsyncSession, actor: Actor, claim_id: int) -> list[ChangeLogEntry]:
    async with read_transaction(session):
        await _require_editor(session, actor, "see the history")
        await _claim(session, claim_id)
        return list(
            await session.scalars(
                select(ChangeLogEntry)
                .where(ChangeLogEntry.entity_type == "claim", ChangeLogEntry.entity_id == claim_id)
                .order_by(ChangeLogEntry.id)
            )
        )


# ----------------------------------------------------------------------------- undo

UNDOABLE = ("create", "edit", "retract", "restore")


async def undo(session: AsyncSession, actor: Actor) -> Change:
    """Take back the actor's own last change (one batch), if nothing changed it since."""

    async def work() -> Change:
        await _require_editor(session, actor, "undo changes")
        last = await session.scalar(
            select(ChangeLogEntry)
            .where(
                ChangeLogEntry.editor_id == actor.user_id,
                ChangeLogEntry.undone.is_(False),
                ChangeLogEntry.action.in_(UNDOABLE),
                ChangeLogEntry.entity_type.in_(("claim", "article", "source", "alias")),
            )
            .order_by(ChangeLogEntry.id.desc())
            .limit(1)
        )
        if last is None:
            raise NotFound("You have no change left to undo.")
        rows = list(
            await session.scalars(
                select(ChangeLogEntry)
                .where(ChangeLogEntry.batch == last.batch)
                .order_by(ChangeLogEntry.id.desc())
            )
        )
        batch = _batch()
        reason = f"undo of change {last.batch[:8]}"
        main = next((r for r in reversed(rows) if r.entity_type == last.entity_type), last)
        change = Change(batch, main.entity_type, main.entity_id, "undo", note=main.action)
        touched: dict[tuple[str, int], list[FieldChange]] = {}
        for row in rows:
            before = len(change.fields)
            await _undo_row(session, actor, row, batch, reason, change)
            touched.setdefault((row.entity_type, row.entity_id), []).extend(change.fields[before:])
            row.undone = True
        await session.flush()
        await bump_revision(session)
        change.notified = await announce_undo(session, touched)
        return change

    return await _write(session, work)


_MODELS: dict[str, Any] = {"claim": Claim, "article": Article, "source": Source, "alias": Alias}


async def _changed_since(session: AsyncSession, row: ChangeLogEntry) -> bool:
    """Whether a later change of ``row``'s entity, by anyone, is still in effect."""
    later = await session.scalar(
        select(func.count())
        .select_from(ChangeLogEntry)
        .where(
            ChangeLogEntry.entity_type == row.entity_type,
            ChangeLogEntry.entity_id == row.entity_id,
            ChangeLogEntry.id > row.id,
            ChangeLogEntry.batch != row.batch,
            ChangeLogEntry.undone.is_(False),
            ChangeLogEntry.action != "undo",
        )
    )
    return bool(later)


async def _undo_row(
    session: AsyncSession,
    actor: Actor,
    row: ChangeLogEntry,
    batch: str,
    reason: str,
    change: Change,
) -> None:
    model = _MODELS[row.entity_type]
    entity = await session.get(model, row.entity_id)
    if entity is None:
        raise Conflict(f"{row.entity_type} #{row.entity_id} no longer exists; cannot undo")
    if row.action == "create":
        # A creation has no field to compare: it is refused when any later change to the
        # row is still in effect (the same rule as a field changed again since).
        if await _changed_since(session, row):
            raise Conflict(
                f"{row.entity_type} #{row.entity_id} was changed again since it was added; "
                "undo refused, nothing was written"
            )
        if row.entity_type == "claim":
            now = utcnow()
            for attr, value in (("status", "retracted"), ("retracted_at", now),
                                ("retraction_reason", reason)):  # fmt: skip
                old = getattr(entity, attr)
                setattr(entity, attr, value)
                _log(session, batch, actor, "claim", entity.id, "undo", attr, old, value, reason)
                change.fields.append((attr, as_text(old), as_text(value)))
            return
        # An article, source or alias nobody uses yet can simply go again.
        if row.entity_type == "article" and await session.scalar(
            select(func.count()).select_from(Claim).where(Claim.article_id == entity.id)
        ):
            raise Conflict(f"article #{entity.id} is cited by facts now; cannot undo")
        if row.entity_type == "source" and await session.scalar(
            select(func.count()).select_from(Claim).where(Claim.source_id == entity.id)
        ):
            # The source came with a claim in the same batch: keep it (the claim is kept too).
            return
        await session.execute(delete(model).where(model.id == entity.id))
        _log(session, batch, actor, row.entity_type, row.entity_id, "undo", None,
             row.new_value, None, reason)  # fmt: skip
        change.fields.append(("(created)", row.new_value, None))
        return
    if row.field is None:
        return
    current = as_text(getattr(entity, row.field))
    # Timestamps move with every change; the values an editor typed must be unchanged.
    if current != row.new_value and _TYPES.get(row.field) is not dt.datetime:
        raise Conflict(
            f"{row.entity_type} #{row.entity_id} was changed again since ({row.field} is now "
            f"{current}); undo refused, nothing was written"
        )
    old_value = _from_text(row.field, row.old_value)
    setattr(entity, row.field, old_value)
    _log(session, batch, actor, row.entity_type, row.entity_id, "undo", row.field,
         current, old_value, reason)  # fmt: skip
    change.fields.append((row.field, current, row.old_value))


__all__ = [
    "ALIAS_KINDS",
    "ARTICLE_FIELDS",
    "CHANGES",
    "CLAIM_FIELDS",
    "PERIODS",
    "SOURCE_FIELDS",
    "Actor",
    "Change",
    "Conflict",
    "EditingError",
    "InvalidValue",
    "NotAuthorized",
    "NotFound",
    "add_alias",
    "add_article",
    "add_fact",
    "add_quota",
    "check_role",
    "edit_article",
    "edit_claim",
    "edit_source",
    "editor_ids",
    "get_claim",
    "grant",
    "history",
    "list_aliases",
    "list_articles",
    "list_claims",
    "list_editors",
    "list_sources",
    "restore",
    "retract",
    "revoke",
    "role_of",
    "undo",
]
