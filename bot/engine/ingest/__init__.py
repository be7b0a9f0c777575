"""Reading a pasted report into drafts (plain Python: no Telegram, no database)."""

from bot.engine.ingest.drafts import ArticleDraft, FigureDraft, Proposal, SourceDraft
from bot.engine.ingest.reader import KnownPlaces, read_report

__all__ = ["ArticleDraft", "FigureDraft", "KnownPlaces", "Proposal", "SourceDraft", "read_report"]
