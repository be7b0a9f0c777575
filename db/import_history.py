"""The history rows of an import's articles, sources and aliases (db/transfer.py).

Written through the editors' own path (db/editing/changelog.py): one row per changed
field, one per created or removed row, so /undo's "a later change still in effect" check
and the history see an import's changes as they see an editor's. The actor is the
importing owner, or None (no editor id) for the command line and the seed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from db.editing.access import Actor
from db.editing.changelog import Change, apply_fields, log_change
from db.kinds import ChangeAction, EntityType
from db.models import Alias, Article, Claim, Source


@dataclass
class ImportLog:
    """One import's batch and actor; ``created`` is how its creations are named."""

    session: AsyncSession
    batch: str
    editor_id: int | None
    actor: Actor | None = field(init=False)
    created: ChangeAction = field(init=False)

    def __post_init__(self) -> None:
        self.actor = Actor(self.editor_id) if self.editor_id else None
        # As for claims: an owner's import "import", the command line and the seed "seed".
        self.created = ChangeAction.IMPORT if self.editor_id else ChangeAction.SEED

    def created_row(self, entity_type: EntityType, entity_id: int, value: Any) -> None:
        """As for an imported fact: no field, the new row named (title, name, value)."""
        log_change(self.session, self.batch, self.actor, entity_type, entity_id, self.created,
                   None, None, value)  # fmt: skip

    def changed(self, entity_type: EntityType, entity: Any, values: dict[str, Any]) -> None:
        """Sets the values that differ, one history row each (unchanged ones untouched)."""
        change = Change(self.batch, entity_type, entity.id, ChangeAction.IMPORT)
        apply_fields(self.session, self.actor, change, entity, values, None)

    def removed(self, entity_type: EntityType, entity_id: int, value: Any) -> None:
        """No field, the removed row named as old value, no new value."""
        log_change(self.session, self.batch, self.actor, entity_type, entity_id,
                   ChangeAction.IMPORT, None, value, None)  # fmt: skip


@dataclass(frozen=True)
class StoreRows:
    """What a replace is about to remove: ids (and alias keys) with the value named."""

    articles: dict[int, str]
    sources: dict[int, str]
    claims: dict[int, str]
    aliases: dict[tuple[str, str], tuple[int, str]]


async def store_rows(session: AsyncSession) -> StoreRows:
    async def pairs(*columns: Any) -> list[Any]:
        return list((await session.execute(select(*columns))).all())

    return StoreRows(
        articles=dict(await pairs(Article.id, Article.title)),
        sources=dict(await pairs(Source.id, Source.name)),
        claims=dict(await pairs(Claim.id, Claim.statement)),
        aliases={
            (term, kind): (alias_id, value)
            for alias_id, term, kind, value in await pairs(
                Alias.id, Alias.term, Alias.kind, Alias.value
            )
        },
    )


def log_removed(log: ImportLog, before: StoreRows, document: Any) -> None:
    """After a replace: one row for each article, source, fact and alias it did not keep."""
    kept_ids = {
        EntityType.ARTICLE: {row.id for row in document.articles},
        EntityType.SOURCE: {row.id for row in document.sources},
        EntityType.CLAIM: {row.id for row in document.claims},
    }
    for entity_type, rows in (
        (EntityType.ARTICLE, before.articles),
        (EntityType.SOURCE, before.sources),
        (EntityType.CLAIM, before.claims),
    ):
        for entity_id, label in sorted(rows.items()):
            if entity_id not in kept_ids[entity_type]:
                log.removed(entity_type, entity_id, label)
    kept_aliases = {(row.term, row.kind) for row in document.aliases}
    for key, (alias_id, value) in sorted(before.aliases.items()):
        if key not in kept_aliases:
            log.removed(EntityType.ALIAS, alias_id, value)
