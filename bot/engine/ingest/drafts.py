"""What the report reader proposes: plain data, kept as JSON in the dialogue store.

Every value is text as an editor would type it after /addarticle or /addquota
(``amount`` "62,000", ``currency`` "RUB"...), so an edited value goes through the
same checks as a typed command. ``origin`` says where each value came from: "text"
(found in the report), "proposed" (written by the bot, e.g. a caveat in our words) or
"guess" (found, but by a weak cue: check it).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass
class SourceDraft:
    name: str
    kind: str = "anonymous"  # anonymous | narration
    told_to: str | None = None
    country: str | None = None  # ISO 3166 alpha-2

    @classmethod
    def narration(cls) -> SourceDraft:
        return cls("the article's own narration", "narration")


@dataclass
class ArticleDraft:
    # outlet, title, caveat, url, date (YYYY-MM-DD), relies_on: /addarticle's keys.
    fields: dict[str, str] = field(default_factory=dict)
    origin: dict[str, str] = field(default_factory=dict)
    # Found but not storable as a field (e.g. "reprinted by American Military News").
    notes: list[str] = field(default_factory=list)


@dataclass
class FigureDraft:
    # /addquota's keys: country, place, sector, amount, currency, usd, approx, period,
    # basis, change, date, text (the statement), quote.
    fields: dict[str, str] = field(default_factory=dict)
    source: SourceDraft = field(default_factory=SourceDraft.narration)
    # What the report says that a figure has a field for only in a wider claim model:
    # deadline, change_from, change_to, also (e.g. "the same amount for each spouse").
    extra: dict[str, str] = field(default_factory=dict)
    origin: dict[str, str] = field(default_factory=dict)


@dataclass
class Proposal:
    article: ArticleDraft
    figures: list[FigureDraft]
    # Every attributed source the reader found, in order of appearance.
    sources: list[SourceDraft] = field(default_factory=list)

    def to_state(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_state(cls, data: dict[str, Any]) -> Proposal:
        article = ArticleDraft(**data["article"])
        figures = [
            FigureDraft(
                fields=dict(f["fields"]),
                source=SourceDraft(**f["source"]),
                extra=dict(f["extra"]),
                origin=dict(f["origin"]),
            )
            for f in data["figures"]
        ]
        return cls(article, figures, [SourceDraft(**s) for s in data.get("sources", [])])
