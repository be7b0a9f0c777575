"""/ingest: a pasted report read into drafts (bot/engine/ingest), and each accepted
draft stored through the editors' own writes (db/editing: history rows, revision,
notices), one transaction a draft.

Draft fields are /addquota's own keys (period once, deadline, basis and basis_text,
amount_to...); anything a draft holds that the store has no field for is named to the
editor when the draft is stored.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.engine.ingest import ArticleDraft, FigureDraft, KnownPlaces, Proposal, read_report
from db import editing
from db.editing import CLAIM_FIELDS, Actor, Change
from db.editing.access import require_editor
from db.errors import N_
from db.models import Alias, Article, Claim
from db.session import read_transaction

ARTICLE_KEYS = ("outlet", "title", "caveat", "url", "date", "relies_on", "reporter")


@dataclass
class StoredFigure:
    change: Change
    # What the draft holds that the store has no field for (named to the editor).
    kept_out: list[str] = field(default_factory=list)


def quota_options(draft: FigureDraft, article_id: int) -> tuple[dict[str, str], list[str]]:
    """The /addquota options a figure draft gives, and what the store cannot take."""
    options: dict[str, str] = {}
    kept_out: list[str] = []
    for key, value in draft.fields.items():
        if not value:
            continue
        if key in CLAIM_FIELDS and key not in ("source", "article"):
            options[key] = value
        else:
            kept_out.append(f"{key.replace('_', ' ')}: {value}")
    kept_out += [f"{key.replace('_', ' ')}: {value}" for key, value in draft.extra.items()]
    if draft.source.kind != "narration":
        options["source"] = draft.source.name
    options["article"] = str(article_id)
    return options, kept_out


class IngestService:
    def __init__(self, sessions: async_sessionmaker[AsyncSession]) -> None:
        self._sessions = sessions

    async def known_places(self, actor: Actor) -> KnownPlaces:
        """Every place name and alias the store knows, and each place's country."""
        async with self._sessions() as session, read_transaction(session):
            await require_editor(session, actor, N_("paste reports in"))
            names: dict[str, str] = {}
            countries: dict[str, str] = {}
            rows = await session.execute(
                select(Claim.place, func.max(Claim.country))
                .where(Claim.place.is_not(None))
                .group_by(Claim.place)
            )
            for place, country in rows:
                if not place:
                    continue
                names[place.casefold()] = place
                if country:
                    countries[place] = country
            aliases = await session.execute(
                select(Alias.term, Alias.value).where(Alias.kind == "place")
            )
            for term, value in aliases:
                names.setdefault(term, value)
        return KnownPlaces(names, countries)

    async def read(self, actor: Actor, text: str) -> Proposal:
        return read_report(text, await self.known_places(actor))

    async def article_titled(self, actor: Actor, title: str) -> int | None:
        """An article already in the store under this title (any case), if one is."""
        async with self._sessions() as session, read_transaction(session):
            await require_editor(session, actor, N_("paste reports in"))
            found = await session.scalar(
                select(Article.id)
                .where(func.lower(Article.title) == title.strip().lower())
                .order_by(Article.id)
                .limit(1)
            )
        return int(found) if found is not None else None

    async def store_article(self, actor: Actor, draft: ArticleDraft) -> Change:
        options = {key: draft.fields[key] for key in ARTICLE_KEYS if draft.fields.get(key)}
        async with self._sessions() as session:
            return await editing.add_article(session, actor, options)

    async def store_figure(self, actor: Actor, draft: FigureDraft, article_id: int) -> StoredFigure:
        options, kept_out = quota_options(draft, article_id)
        details = None
        if draft.source.kind != "narration":
            details = {"told_to": draft.source.told_to, "country": draft.source.country}
        async with self._sessions() as session:
            change = await editing.add_quota(session, actor, options, source_details=details)
        return StoredFigure(change, kept_out)
