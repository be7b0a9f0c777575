"""Articles, sources and aliases, and the editors' listings of the store."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from db.announce import announce_article, announce_source
from db.editing.access import Actor, require_editor
from db.editing.changelog import (
    Change,
    apply_fields,
    log_change,
    new_batch,
    run_write,
)
from db.editing.claims import find_article, find_claim
from db.editing.errors import Conflict, InvalidValue, NotFound, entity_name
from db.editing.fields import (
    ARTICLE_FIELDS,
    SOURCE_FIELDS,
    FieldSpec,
    clean_reason,
    parse_fields,
    to_attrs,
)
from db.errors import N_, Text
from db.kinds import ChangeAction, ClaimStatus, EntityType
from db.models import Alias, Article, ChangeLogEntry, Claim, Source, utcnow
from db.revision import bump_revision
from db.session import read_transaction
from db.validation import (
    ALIAS_KINDS,
    ValidationError,
    normalize_alias_term,
    normalize_alias_value,
)

# What /editarticle and /editsource do ("Only editors can edit articles.").
EDIT_WHAT = {EntityType.ARTICLE: N_("edit articles"), EntityType.SOURCE: N_("edit sources")}
# /editarticle and /editsource of an id the store does not have.
NOT_FOUND = {
    EntityType.ARTICLE: N_("There is no article #{article_id}. See /articles."),
    EntityType.SOURCE: N_("There is no source #{source_id}. See /sources."),
}


async def add_article(session: AsyncSession, actor: Actor, options: dict[str, str]) -> Change:
    for key in ("outlet", "title", "caveat"):
        if key not in options:
            raise InvalidValue(N_('"{key}=" is missing'), key=key)
    parsed = parse_fields(ARTICLE_FIELDS, options, allow_clear=False)
    values = to_attrs(ARTICLE_FIELDS, parsed)

    async def work() -> Change:
        await require_editor(session, actor, N_("add articles"))
        article = Article(is_default=False, **values)
        session.add(article)
        await session.flush()
        batch = new_batch()
        log_change(
            session,
            batch,
            actor,
            EntityType.ARTICLE,
            article.id,
            ChangeAction.CREATE,
            new=article.title,
        )
        await bump_revision(session)
        return Change(batch, EntityType.ARTICLE, article.id, ChangeAction.CREATE)

    return await run_write(session, work)


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
        raise InvalidValue(N_("give at least one field=value to change"))
    parsed = parse_fields(specs, options, allow_clear=True)
    values = to_attrs(specs, parsed)
    cleaned = clean_reason(reason, required=False)

    async def work() -> Change:
        await require_editor(session, actor, EDIT_WHAT[EntityType(entity_type)])
        entity: Article | Source | None = await session.get(model, entity_id)
        if entity is None:
            raise NotFound(
                NOT_FOUND[EntityType(entity_type)], article_id=entity_id, source_id=entity_id
            )
        if expected_version is not None and entity.version != expected_version:
            raise Conflict(
                N_(
                    "{entity} #{entity_id} was changed by someone else meanwhile; nothing was "
                    "written. Look at it again and retry."
                ),
                entity=entity_name(entity_type),
                entity_id=entity_id,
            )
        if "article_id" in values:
            await find_article(session, values["article_id"])
        batch = new_batch()
        change = Change(batch, entity_type, entity_id, ChangeAction.EDIT)
        apply_fields(session, actor, change, entity, values, cleaned)
        if not change.fields:
            raise InvalidValue(
                N_("{entity} #{entity_id} already has these values"),
                entity=entity_name(entity_type),
                entity_id=entity_id,
            )
        entity.updated_at = utcnow()
        await session.flush()  # the version check (version_id_col) happens here
        await bump_revision(session)
        if isinstance(entity, Article):
            change.notified = await announce_article(session, entity, change.fields)
        else:
            change.notified = await announce_source(session, entity, change.fields)
        return change

    return await run_write(session, work)


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
        EntityType.ARTICLE,
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
        EntityType.SOURCE,
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
        raise InvalidValue(error.text) from None


def normalize_term(term: str) -> str:
    """Aliases are stored as the engine reads questions: NFKC, casefolded, one space."""
    try:
        return normalize_alias_term(term)
    except ValidationError as error:
        raise InvalidValue(error.text) from None


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
        raise InvalidValue(
            N_('the kind must be one of {kinds}, not "{kind}"'),
            kinds=", ".join(ALIAS_KINDS),
            kind=kind[:20],
        )
    normalized = normalize_term(term)
    clean_value = _alias_value(kind, value)

    async def work() -> Change:
        await require_editor(session, actor, N_("teach the bot words"))
        batch = new_batch()
        alias = await session.scalar(
            select(Alias).where(Alias.term == normalized, Alias.kind == kind)
        )
        change = Change(batch, EntityType.ALIAS, 0, ChangeAction.ALIAS)
        if alias is None:
            alias = Alias(term=normalized, kind=kind, value=clean_value)
            session.add(alias)
            await session.flush()
            log_change(
                session,
                batch,
                actor,
                EntityType.ALIAS,
                alias.id,
                ChangeAction.CREATE,
                "value",
                None,
                clean_value,
            )
        elif alias.value == clean_value:
            raise InvalidValue(
                N_('"{term}" already means {kind} {value}'),
                term=normalized,
                kind=kind,
                value=clean_value,
            )
        elif expected_version is not None and alias.version != expected_version:
            raise Conflict(
                N_(
                    '"{term}" was changed by someone else meanwhile; nothing was written. '
                    "Look at it again and retry."
                ),
                term=normalized,
            )
        else:
            old = alias.value
            alias.value = clean_value
            log_change(
                session,
                batch,
                actor,
                EntityType.ALIAS,
                alias.id,
                ChangeAction.EDIT,
                "value",
                old,
                clean_value,
            )
        change.entity_id = alias.id
        change.fields.append(("value", None, clean_value))
        change.note = await _alias_note(session, kind, clean_value)
        await bump_revision(session)
        return change

    return await run_write(session, work)


async def _alias_note(session: AsyncSession, kind: str, value: str) -> Text | None:
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
    return Text(
        N_("No fact has {kind} {value} yet, so the word finds nothing until one does."),
        kind=kind,
        value=value,
    )


async def list_aliases(session: AsyncSession, actor: Actor) -> list[Alias]:
    async with read_transaction(session):
        await require_editor(session, actor, N_("list aliases"))
        return list(await session.scalars(select(Alias).order_by(Alias.kind, Alias.term)))


# ----------------------------------------------------------------------------- listings


async def list_claims(
    session: AsyncSession, actor: Actor, word: str | None = None, *, active_only: bool = True
) -> list[Claim]:
    async with read_transaction(session):
        await require_editor(session, actor, N_("list the facts with ids"))
        query = select(Claim).order_by(Claim.id)
        if active_only:
            query = query.where(Claim.status == ClaimStatus.ACTIVE)
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
        await require_editor(session, actor, N_("look at facts"))
        return await find_claim(session, claim_id)


async def list_articles(session: AsyncSession, actor: Actor) -> list[Article]:
    async with read_transaction(session):
        await require_editor(session, actor, N_("list the articles"))
        return list(await session.scalars(select(Article).order_by(Article.id)))


async def list_sources(session: AsyncSession, actor: Actor) -> list[Source]:
    async with read_transaction(session):
        await require_editor(session, actor, N_("list the sources with ids"))
        return list(await session.scalars(select(Source).order_by(Source.id)))


async def history(session: AsyncSession, actor: Actor, claim_id: int) -> list[ChangeLogEntry]:
    async with read_transaction(session):
        await require_editor(session, actor, N_("see the history"))
        await find_claim(session, claim_id)
        return list(
            await session.scalars(
                select(ChangeLogEntry)
                .where(
                    ChangeLogEntry.entity_type == EntityType.CLAIM,
                    ChangeLogEntry.entity_id == claim_id,
                )
                .order_by(ChangeLogEntry.id)
            )
        )
