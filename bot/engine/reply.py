"""What the engine returns: a body in safe HTML and the articles it cites."""

from __future__ import annotations

from dataclasses import dataclass, field

from bot.markup import Html
from db.views import Snapshot


@dataclass
class Reply:
    lines: list[Html] = field(default_factory=list)
    # Articles whose claims the body uses: their caveats go under it.
    article_ids: list[int] = field(default_factory=list)
    claim_ids: list[int] = field(default_factory=list)
    intents: list[str] = field(default_factory=list)
    # False when the bot could not answer (off-topic, or the report is silent).
    answered: bool = True
    # Natural next questions, as (label, question) pairs, for buttons.
    follow_ups: list[tuple[str, str]] = field(default_factory=list)
    _used: set[int] = field(default_factory=set, repr=False, compare=False)

    def cite(self, article_id: int) -> None:
        if article_id not in self.article_ids:
            self.article_ids.append(article_id)

    def use(self, claim_id: int, article_id: int) -> None:
        # A set beside the list: big answers cite thousands of claims.
        if len(self._used) != len(self.claim_ids):
            self._used = set(self.claim_ids)
        if claim_id not in self._used:
            self._used.add(claim_id)
            self.claim_ids.append(claim_id)
        self.cite(article_id)

    def caveats(self, snapshot: Snapshot) -> list[tuple[str, str]]:
        """(outlet, caveat) of each cited article, else the default article's."""
        cited = [snapshot.articles[i] for i in self.article_ids if i in snapshot.articles]
        if not cited and snapshot.default_article is not None:
            cited = [snapshot.default_article]
        return [(article.outlet, article.caveat) for article in cited]
