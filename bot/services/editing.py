"""Every editor change and listing (db/editing), each call in a session of its own.

The db functions own the transactions and check rights inside them; this service
owns the sessions, so handlers never touch the database.
"""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.engine.money import MoneyMention, find_money
from bot.engine.wording import ngettext
from db import editing
from db.editing import Actor, Change
from db.kinds import ClaimKind
from db.models import Alias, Article, ChangeLogEntry, Claim, ClaimTranslation, Editor, Source


class EditingService:
    def __init__(self, sessions: async_sessionmaker[AsyncSession]) -> None:
        self._sessions = sessions

    # ----- listings

    async def claims(
        self, actor: Actor, word: str | None = None, *, active_only: bool = True
    ) -> list[Claim]:
        async with self._sessions() as session:
            return await editing.list_claims(session, actor, word, active_only=active_only)

    async def claim(self, actor: Actor, claim_id: int) -> Claim:
        async with self._sessions() as session:
            return await editing.get_claim(session, actor, claim_id)

    async def figure_hint(self, actor: Actor, claim_id: int) -> tuple[list[str], int]:
        """For a fact whose text holds money amounts: the note and prefilled /addquota
        lines (the country taken from its source where known), and its article id."""
        async with self._sessions() as session:
            claim = await editing.get_claim(session, actor, claim_id)
            source = await session.get(Source, claim.source_id)
        return figure_hint(claim, source.country if source else None), claim.article_id

    async def articles(self, actor: Actor) -> list[Article]:
        async with self._sessions() as session:
            return await editing.list_articles(session, actor)

    async def sources(self, actor: Actor) -> list[Source]:
        async with self._sessions() as session:
            return await editing.list_sources(session, actor)

    async def aliases(self, actor: Actor) -> list[Alias]:
        async with self._sessions() as session:
            return await editing.list_aliases(session, actor)

    async def history(self, actor: Actor, claim_id: int) -> list[ChangeLogEntry]:
        async with self._sessions() as session:
            return await editing.history(session, actor, claim_id)

    async def translations(
        self, actor: Actor, claim_id: int
    ) -> tuple[Claim, list[ClaimTranslation]]:
        async with self._sessions() as session:
            return await editing.list_translations(session, actor, claim_id)

    async def editors(self, actor: Actor) -> list[Editor]:
        async with self._sessions() as session:
            return await editing.list_editors(session, actor)

    async def editor_ids(self) -> list[int]:
        async with self._sessions() as session:
            return await editing.editor_ids(session)

    # ----- changes

    async def add_quota(self, actor: Actor, options: dict[str, str]) -> Change:
        async with self._sessions() as session:
            return await editing.add_quota(session, actor, options)

    async def add_fact(self, actor: Actor, options: dict[str, str]) -> Change:
        async with self._sessions() as session:
            return await editing.add_fact(session, actor, options)

    async def add_article(self, actor: Actor, options: dict[str, str]) -> Change:
        async with self._sessions() as session:
            return await editing.add_article(session, actor, options)

    async def edit_claim(
        self,
        actor: Actor,
        claim_id: int,
        options: dict[str, str],
        *,
        reason: str | None = None,
        expected_version: int | None = None,
    ) -> Change:
        async with self._sessions() as session:
            return await editing.edit_claim(
                session, actor, claim_id, options, reason=reason, expected_version=expected_version
            )

    async def edit_article(
        self, actor: Actor, article_id: int, options: dict[str, str], reason: str | None
    ) -> Change:
        async with self._sessions() as session:
            return await editing.edit_article(session, actor, article_id, options, reason)

    async def edit_source(
        self, actor: Actor, source_id: int, options: dict[str, str], reason: str | None
    ) -> Change:
        async with self._sessions() as session:
            return await editing.edit_source(session, actor, source_id, options, reason)

    async def supersede(
        self, actor: Actor, old_id: int, new_id: int, reason: str | None = None
    ) -> Change:
        async with self._sessions() as session:
            return await editing.supersede(session, actor, old_id, new_id, reason)

    async def retract(
        self,
        actor: Actor,
        claim_id: int,
        reason: str | None,
        *,
        expected_version: int | None = None,
    ) -> Change:
        async with self._sessions() as session:
            return await editing.retract(
                session, actor, claim_id, reason, expected_version=expected_version
            )

    async def restore(self, actor: Actor, claim_id: int, reason: str | None) -> Change:
        async with self._sessions() as session:
            return await editing.restore(session, actor, claim_id, reason)

    async def undo(self, actor: Actor) -> Change:
        async with self._sessions() as session:
            return await editing.undo(session, actor)

    async def add_alias(self, actor: Actor, term: str, kind: str, value: str) -> Change:
        async with self._sessions() as session:
            return await editing.add_alias(session, actor, term, kind, value)

    async def set_translation(
        self, actor: Actor, claim_id: int, language: str, text: str
    ) -> Change:
        async with self._sessions() as session:
            return await editing.set_translation(session, actor, claim_id, language, text)

    async def remove_translation(self, actor: Actor, claim_id: int, language: str) -> Change:
        async with self._sessions() as session:
            return await editing.remove_translation(session, actor, claim_id, language)

    async def grant(self, actor: Actor, user_id: int) -> bool:
        async with self._sessions() as session:
            return await editing.grant(session, actor, user_id)

    async def revoke(self, actor: Actor, user_id: int) -> bool:
        async with self._sessions() as session:
            return await editing.revoke(session, actor, user_id)


# ----- figures inside a fact's text


def figure_hint(claim: Claim, country: str | None = None) -> list[str]:
    """Lines telling an editor that a fact's text holds money figures that "how much"
    questions will not read, each with an /addquota command prefilled from the fact."""
    if claim.kind != ClaimKind.FACT:
        return []
    # One line per distinct figure: a text may repeat one ("12,000 yuan ... 12,000 yuan").
    distinct: dict[tuple[object, ...], MoneyMention] = {}
    for mention in find_money(claim.statement):
        distinct.setdefault((mention.amount, mention.amount_high, mention.currency), mention)
    mentions = list(distinct.values())
    if not mentions:
        return []
    shown = ", ".join(_mention_text(m) for m in mentions)
    contains = ngettext(
        'This fact contains a figure ({figures}) that "how much" questions will not '
        "read as a figure. To store one as a figure, check the country and place "
        "(fill in any ?) and send:",
        'This fact contains figures ({figures}) that "how much" questions will not '
        "read as a figure. To store one as a figure, check the country and place "
        "(fill in any ?) and send:",
        len(mentions),
    )
    lines = ["ℹ️ " + contains.format(figures=shown)]
    lines += [addquota_command(claim, mention, country) for mention in mentions]
    return lines


def _mention_text(mention: MoneyMention) -> str:
    text = f"{mention.amount.normalize():,f}"
    if mention.amount_high is not None:
        text += f" to {mention.amount_high.normalize():,f}"
    return f"{text} {mention.currency}"


def addquota_command(claim: Claim, mention: MoneyMention, country: str | None = None) -> str:
    """/addquota prefilled from a fact and one money mention in its text."""
    parts = ["/addquota", f"country={country or '?'}", f"place={_quoted(claim.place or '?')}"]
    parts.append(f"amount={mention.amount.normalize():f}")
    if mention.amount_high is not None:
        parts.append(f"amount_high={mention.amount_high.normalize():f}")
    parts.append(f"currency={mention.currency}")
    if mention.usd is not None and mention.currency != "USD":
        parts.append(f"usd={mention.usd.normalize():f}")
        if mention.usd_high is not None:
            parts.append(f"usd_high={mention.usd_high.normalize():f}")
    if mention.usd_approx:
        parts.append("approx=yes")
    if mention.period:
        parts.append(f"period={mention.period}")
    if mention.basis:
        parts.append(f"basis={mention.basis}")
    parts += [
        f"topic={_quoted(claim.topic)}",
        f"text={_quoted(claim.statement)}",
        f"source=#{claim.source_id}",
        f"article={claim.article_id}",
    ]
    return " ".join(parts)


def _quoted(text: str) -> str:
    """A value as the command arguments read it back (bot/args.py): in straight quotes, or
    in typographic ones when it holds straight quotes, so the text stays as written."""
    text = " ".join(text.split())
    if '"' not in text:
        return f'"{text}"'
    if "“" not in text and "”" not in text:
        return f"“{text}”"
    return '"' + text.replace('"', "'") + '"'
