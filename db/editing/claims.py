"""Claims: add, correct, retract and restore a fact or a quota figure."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from db.editing.access import Actor, require_editor
from db.editing.changelog import (
    Change,
    apply_fields,
    log_change,
    new_batch,
    queue_claim_notices,
    run_write,
)
from db.editing.errors import Conflict, InvalidValue, NotFound
from db.editing.fields import CLAIM_FIELDS, CLEAR, clean_reason, parse_fields, to_attrs
from db.editing.quota_statements import quota_statement
from db.errors import N_
from db.figures import figure_problems
from db.kinds import (
    ChangeAction,
    ClaimKind,
    ClaimStatus,
    EntityType,
    SourceKind,
)
from db.models import Article, Claim, Source, utcnow
from db.revision import bump_revision
from db.validation import (
    QUOTA_REQUIRED,
    SOURCE_MAX_LEN,
    ValidationError,
    clean_text,
    parse_id,
)

NARRATION = "the article's own narration"

# The figure attributes a generated quota statement states.
STATEMENT_FIGURES = (
    "amount", "amount_high", "currency", "share_low", "share_high", "share_of", "place",
    "country", "sector", "period", "basis", "basis_text", "change", "amount_to", "deadline",
    "change_percent", "amount_is", "amount_bound",
)  # fmt: skip
# Every figure attribute, checked together (db.figures.figure_problems).
FIGURE_ATTRS = (
    *STATEMENT_FIGURES, "usd_amount", "usd_high", "usd_to", "deadline_on",
    "deadline_precision", "change_on", "change_on_precision",
)  # fmt: skip


def _figure_values(claim: Claim) -> dict[str, Any]:
    return {key: getattr(claim, key) for key in FIGURE_ATTRS}


async def default_article_id(session: AsyncSession) -> int:
    article_id = await session.scalar(
        select(Article.id).order_by(Article.is_default.desc(), Article.id).limit(1)
    )
    if article_id is None:
        raise NotFound(N_("There is no article yet: add one with /addarticle first."))
    return int(article_id)


async def find_article(session: AsyncSession, article_id: int) -> Article:
    article = await session.get(Article, article_id)
    if article is None:
        raise NotFound(
            N_("There is no article #{article_id}. See /articles."), article_id=article_id
        )
    return article


async def find_claim(session: AsyncSession, claim_id: int) -> Claim:
    claim = await session.get(Claim, claim_id)
    if claim is None:
        raise NotFound(N_("There is no fact #{claim_id}. See /facts."), claim_id=claim_id)
    return claim


async def resolve_source(
    session: AsyncSession,
    actor: Actor,
    batch: str,
    value: str | None,
    article_id: int,
    details: dict[str, str | None] | None = None,
) -> int:
    """A source by id ("#3", "3") or exact name; else a new anonymous one for the article.

    With ``details`` (told_to, country: a report read by /ingest) only this article's
    sources count as the same name, and a new one gets the details."""
    if value is None:
        narration = await session.scalar(
            select(Source.id)
            .where(Source.article_id == article_id, Source.kind == SourceKind.NARRATION)
            .order_by(Source.id)
            .limit(1)
        )
        if narration is not None:
            return int(narration)
        return await new_source(session, actor, batch, NARRATION, SourceKind.NARRATION, article_id)
    raw = value.strip()
    if raw.removeprefix("#").isdigit():
        source_id = parse_id(raw)
        if await session.get(Source, source_id) is None:
            raise NotFound(
                N_("There is no source #{source_id}. See /sources."), source_id=source_id
            )
        return source_id
    try:
        name = clean_text(raw, "source", SOURCE_MAX_LEN, multiline=False)
    except ValidationError as error:
        raise InvalidValue(error.text) from None
    query = select(Source.id).where(func.lower(Source.name) == name.lower())
    if details is not None:
        query = query.where(Source.article_id == article_id)
    found = await session.scalar(
        query.order_by((Source.article_id == article_id).desc(), Source.id).limit(1)
    )
    if found is not None:
        return int(found)
    return await new_source(session, actor, batch, name, SourceKind.ANONYMOUS, article_id, details)


async def new_source(
    session: AsyncSession,
    actor: Actor,
    batch: str,
    name: str,
    kind: str,
    article_id: int,
    details: dict[str, str | None] | None = None,
) -> int:
    extra = {key: value for key, value in (details or {}).items() if value is not None}
    source = Source(name=name, kind=kind, article_id=article_id, **extra)
    session.add(source)
    await session.flush()
    log_change(session, batch, actor, EntityType.SOURCE, source.id, ChangeAction.CREATE, new=name)
    for key, value in extra.items():
        log_change(session, batch, actor, EntityType.SOURCE, source.id, ChangeAction.CREATE,
                   key, None, value)  # fmt: skip
    return source.id


def _figure_check(values: dict[str, Any]) -> None:
    problems = figure_problems(values)
    if problems:
        raise InvalidValue(problems[0])


async def _check_superseding(session: AsyncSession, claim_id: int | None, new_id: int) -> None:
    """A claim is superseded by another existing claim, never by itself or in a loop."""
    if new_id == claim_id:
        raise InvalidValue(N_("#{claim_id} cannot supersede itself"), claim_id=new_id)
    later = await session.get(Claim, new_id)
    if later is None:
        raise NotFound(N_("There is no fact #{claim_id}. See /facts."), claim_id=new_id)
    if claim_id is not None and later.superseded_by == claim_id:
        raise InvalidValue(
            N_("#{new_id} is itself superseded by #{claim_id}: not both ways"),
            new_id=new_id,
            claim_id=claim_id,
        )


async def _add_claim(
    session: AsyncSession,
    actor: Actor,
    kind: str,
    values: dict[str, Any],
    source_raw: str | None,
    source_details: dict[str, str | None] | None = None,
) -> Change:
    """The transaction shared by /addquota and /addfact, after their own validation."""

    async def work() -> Change:
        await require_editor(
            session, actor, N_("add quota figures") if kind == ClaimKind.QUOTA else N_("add facts")
        )
        batch = new_batch()
        article_id = values.get("article_id") or await default_article_id(session)
        await find_article(session, article_id)
        values["article_id"] = article_id
        values["source_id"] = await resolve_source(
            session, actor, batch, source_raw, article_id, source_details
        )
        claim = Claim(kind=kind, status=ClaimStatus.ACTIVE, **values)
        session.add(claim)
        await session.flush()
        log_change(
            session,
            batch,
            actor,
            EntityType.CLAIM,
            claim.id,
            ChangeAction.CREATE,
            new=claim.statement,
        )
        await bump_revision(session)
        change = Change(batch, EntityType.CLAIM, claim.id, ChangeAction.CREATE)
        await queue_claim_notices(session, claim, change)
        return change

    return await run_write(session, work)


async def add_quota(
    session: AsyncSession,
    actor: Actor,
    options: dict[str, str],
    *,
    source_details: dict[str, str | None] | None = None,
) -> Change:
    """``source_details`` (told_to, country): for a new source named by ``source=``."""
    required = ("country", "place", *(() if "share" in options else ("amount", "currency")))
    missing = [key for key in required if key not in options]
    if missing:
        raise InvalidValue(N_('"{key}=" is missing'), key=missing[0])
    allowed = set(CLAIM_FIELDS)
    unknown = [key for key in options if key not in allowed]
    if unknown:
        raise InvalidValue(
            N_('unknown field "{key}"; the fields are: {fields}'),
            key=unknown[0],
            fields=", ".join(sorted(allowed)),
        )
    source_raw = options.get("source")
    parsed = parse_fields(
        CLAIM_FIELDS, {k: v for k, v in options.items() if k != "source"}, allow_clear=False
    )
    values: dict[str, Any] = to_attrs(CLAIM_FIELDS, parsed)
    values.setdefault("topic", "quota")
    # "nearly $730" only when the editor says the dollar figure is approximate.
    values["usd_is_approx"] = bool(parsed.get("approx", False))
    _figure_check(values)
    if "statement" not in values:
        values["statement"] = quota_statement(values, values["country"])

    return await _add_claim(session, actor, ClaimKind.QUOTA, values, source_raw, source_details)


async def add_fact(session: AsyncSession, actor: Actor, options: dict[str, str]) -> Change:
    for key in ("topic", "text"):
        if key not in options:
            raise InvalidValue(N_('"{key}=" is missing'), key=key)
    allowed = ("topic", "text", "quote", "place", "source", "article")
    unknown = [key for key in options if key not in allowed]
    if unknown:
        raise InvalidValue(
            N_('unknown field "{key}"; the fields are: {fields}'),
            key=unknown[0],
            fields=", ".join(allowed),
        )
    source_raw = options.get("source")
    parsed = parse_fields(
        CLAIM_FIELDS, {k: v for k, v in options.items() if k != "source"}, allow_clear=False
    )
    values = to_attrs(CLAIM_FIELDS, parsed)

    return await _add_claim(session, actor, ClaimKind.FACT, values, source_raw)


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
        raise InvalidValue(N_("give at least one field=value to change"))
    source_raw = options.get("source")
    parsed = parse_fields(
        CLAIM_FIELDS, {k: v for k, v in options.items() if k != "source"}, allow_clear=True
    )
    if source_raw is not None and source_raw.strip() == CLEAR:
        raise InvalidValue(N_('"{key}" cannot be cleared'), key="source")
    reason = clean_reason(reason, required=False)

    async def work() -> Change:
        await require_editor(session, actor, N_("edit facts"))
        claim = await find_claim(session, claim_id)
        if expected_version is not None and claim.version != expected_version:
            raise Conflict(
                N_(
                    "#{claim_id} was changed by someone else meanwhile; nothing was written. "
                    "Look at it again and retry."
                ),
                claim_id=claim_id,
            )
        if claim.kind != ClaimKind.QUOTA:
            for key in parsed:
                if CLAIM_FIELDS[key].quota_only:
                    raise InvalidValue(
                        N_('#{claim_id} is not a quota figure: "{key}" does not apply'),
                        claim_id=claim_id,
                        key=key,
                    )
        elif any(key in QUOTA_REQUIRED and value is None for key, value in parsed.items()):
            raise InvalidValue(
                N_("a quota figure needs {fields}"), fields=", ".join(QUOTA_REQUIRED)
            )
        new_values = to_attrs(CLAIM_FIELDS, parsed)
        if claim.kind == ClaimKind.QUOTA:
            _figure_check({**_figure_values(claim), **new_values})
        if new_values.get("superseded_by") is not None:
            await _check_superseding(session, claim_id, new_values["superseded_by"])
        batch = new_batch()
        if "article_id" in new_values:
            await find_article(session, new_values["article_id"])
        if source_raw is not None:
            article_id = new_values.get("article_id", claim.article_id)
            new_values["source_id"] = await resolve_source(
                session, actor, batch, source_raw, article_id
            )
        change = Change(batch, EntityType.CLAIM, claim_id, ChangeAction.EDIT)
        apply_fields(session, actor, change, claim, new_values, reason)
        if not change.fields:
            raise InvalidValue(
                N_("#{claim_id} already has these values: nothing to change"), claim_id=claim_id
            )
        if (
            claim.kind == ClaimKind.QUOTA
            and "statement" not in new_values
            and set(STATEMENT_FIGURES) & set(new_values)
        ):
            # The stored sentence must not go on stating the old figure (exports show it).
            sentence = quota_statement(_figure_values(claim), claim.country or "")
            if sentence != claim.statement:
                log_change(session, batch, actor, EntityType.CLAIM, claim_id, ChangeAction.EDIT,
                           "statement", claim.statement, sentence, reason)  # fmt: skip
                claim.statement = sentence
        if set(new_values) - {"superseded_by"}:
            # A correction; marking the claim superseded is not one (the report said it).
            old_corrected = claim.corrected_at
            claim.corrected_at = utcnow()
            log_change(session, batch, actor, EntityType.CLAIM, claim_id, ChangeAction.EDIT,
                       "corrected_at", old_corrected, claim.corrected_at, reason)  # fmt: skip
        claim.updated_at = utcnow()
        await session.flush()
        await bump_revision(session)
        await queue_claim_notices(session, claim, change)
        return change

    return await run_write(session, work)


async def supersede(
    session: AsyncSession, actor: Actor, old_id: int, new_id: int, reason: str | None = None
) -> Change:
    """/supersede: the later claim ``new_id`` supersedes ``old_id`` (an /edit of its field)."""
    return await edit_claim(session, actor, old_id, {"superseded_by": f"#{new_id}"}, reason=reason)


async def retract(
    session: AsyncSession,
    actor: Actor,
    claim_id: int,
    reason: str | None,
    *,
    expected_version: int | None = None,
) -> Change:
    """Withdraw a claim: it stays in the store (with its history) but is no longer told."""
    cleaned = clean_reason(reason, required=True)

    async def work() -> Change:
        await require_editor(session, actor, N_("retract facts"))
        claim = await find_claim(session, claim_id)
        if expected_version is not None and claim.version != expected_version:
            raise Conflict(
                N_("#{claim_id} was changed by someone else meanwhile; try again."),
                claim_id=claim_id,
            )
        if claim.status == ClaimStatus.RETRACTED:
            raise InvalidValue(
                N_("#{claim_id} is already retracted (restore it with /restore)"),
                claim_id=claim_id,
            )
        now = utcnow()
        new = {"status": ClaimStatus.RETRACTED, "retracted_at": now, "retraction_reason": cleaned}
        return await _set_status(session, actor, claim, ChangeAction.RETRACT, new, cleaned, now)

    return await run_write(session, work)


async def restore(
    session: AsyncSession, actor: Actor, claim_id: int, reason: str | None = None
) -> Change:
    cleaned = clean_reason(reason, required=False)

    async def work() -> Change:
        await require_editor(session, actor, N_("restore facts"))
        claim = await find_claim(session, claim_id)
        if claim.status == ClaimStatus.ACTIVE:
            raise InvalidValue(N_("#{claim_id} is not retracted"), claim_id=claim_id)
        new: dict[str, Any] = {
            "status": ClaimStatus.ACTIVE,
            "retracted_at": None,
            "retraction_reason": None,
        }
        return await _set_status(session, actor, claim, ChangeAction.RESTORE, new, cleaned)

    return await run_write(session, work)


# ----------------------------------------------------------------------------- articles, sources


async def _set_status(
    session: AsyncSession,
    actor: Actor,
    claim: Claim,
    action: ChangeAction,
    new: dict[str, Any],
    reason: str | None,
    now: dt.datetime | None = None,
) -> Change:
    """Retract or restore: the fields, their history rows, the revision, the notices."""
    batch = new_batch()
    change = Change(batch, EntityType.CLAIM, claim.id, action)
    apply_fields(session, actor, change, claim, new, reason, skip_unchanged=False)
    claim.updated_at = now or utcnow()
    await session.flush()
    await bump_revision(session)
    await queue_claim_notices(session, claim, change)
    return change
