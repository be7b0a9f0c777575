"""Several reports side by side: which report a claim comes from, how a figure's amount,
period and basis read, and in what order figures from different reports are shown.

With one report in the store nothing here changes a word of an answer: a report is named
only when the store holds claims from more than one (``Reports.several``).

Fields the general claim model adds (ranges, shares, deadlines, the report's own wording
of a basis, superseded figures, month-precision dates) are read with ``getattr`` defaults,
so the engine works on views with or without them.
"""

from __future__ import annotations

import copy
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import Any

from bot.engine.figure_text import (
    BASIS_TEXTS,
    FIGURE_TEXTS,
    MONTH,
    ONCE,
    PER_PERIOD_TEXTS,
    PERIOD_TEXTS,
    FigureWords,
    _words,
    amount_text,
    answered_by,
    article_date,
    basis_as_reported,
    basis_words,
    count,
    country_name,
    deadline_text,
    dollars_text,
    is_monthly,
    is_once,
    not_monthly,
    per_period,
    periods_said,
    place_name,
    report_label,
    undated,
    unit,
    value,
    why_no_sum,
    words,
)
from bot.engine.local_names import source_name
from bot.engine.reply import Reply
from bot.engine.wording import _, ngettext
from bot.markup import Html, bold, fmt
from db.views import ArticleView, ClaimView, Snapshot


def _bounded(name: str) -> str:
    """A name as a pattern, not inside a longer word of its own script: a Latin name is
    found beside Chinese or Korean letters ("Test Beacon有没有"), not inside "hngnx"."""
    latin = name.isascii()
    before, after = (r"(?<![a-z0-9])", r"(?![a-z0-9])") if latin else (r"(?<!\w)", r"(?!\w)")
    return f"{before}{re.escape(name)}{after}"


def outlet_names(article: ArticleView) -> tuple[str, ...]:
    """How a message may name a report's outlet, folded: "radio free asia", "rfa"."""
    names = [article.outlet, *([article.relies_on] if article.relies_on else [])]
    found = []
    for name in names:
        found.append(name.casefold())
        initials = "".join(w[0] for w in name.split() if w[:1].isupper())
        if len(initials) >= 2 and len(name.split()) >= 2:
            found.append(initials.casefold())
    return tuple(dict.fromkeys(found))


# ----- reports ---------------------------------------------------------------------------


def _recency(article: ArticleView | None) -> tuple[int, int, int]:
    """Sort key, newest first: dated reports by date, then undated ones (latest added first)."""
    if article is None:
        return (2, 0, 0)
    if article.published_on is None:
        return (1, 0, -article.id)
    return (0, -article.published_on.toordinal(), -article.id)


# Reports named one by one in a sentence ("None of the 7 reports (…; and 2 more)").
NAMED_REPORTS = 5

# Which reports give a figure, a quota topic, a place, a sector.
Evidence = tuple[
    dict[Decimal, set[int]], dict[str, set[int]], dict[str, set[int]], dict[str, set[int]]
]


# (one pattern for every outlet name, name -> report), and (long name, its initials).
Names = tuple[tuple[re.Pattern[str] | None, dict[str, int]], list[tuple[re.Pattern[str], str]]]


class Reports:
    """The reports a snapshot's current claims come from."""

    def __init__(self, snapshot: Snapshot, *, several: bool | None = None) -> None:
        """``several``: the store holds several reports, though ``snapshot`` (the claims of
        the reports a question names) may hold one."""
        self.snapshot = snapshot
        self._cited = Counter(c.article_id for c in snapshot.active_claims)
        cited = dict.fromkeys(c.article_id for c in snapshot.active_claims)
        active = [snapshot.articles[i] for i in cited if i in snapshot.articles]
        self.articles: tuple[ArticleView, ...] = tuple(sorted(active, key=_recency))
        self.several = len(self.articles) > 1 if several is None else several
        self._by: Evidence | None = None
        self._patterns: Names | None = None
        self._countries: dict[str, set[int]] | None = None
        # claim id -> the claims it supersedes (the figures "reported earlier").
        self.earlier: dict[int, list[ClaimView]] = {}
        superseded = [c for c in snapshot.claims if c.superseded_by is not None]
        for claim in superseded:
            if claim.status != "retracted" and claim.superseded_by is not None:
                self.earlier.setdefault(claim.superseded_by, []).append(claim)

    def carried(
        self, snapshot: Snapshot, removed: Sequence[ClaimView], added: Sequence[ClaimView]
    ) -> Reports | None:
        """These reports for the next snapshot (an incremental reload: ``removed`` and
        ``added`` are the changed claims' old and new versions), when they stay the same
        reports and no superseding changed; else None (make them anew: a pass over every
        claim, ~80 ms at 100,000)."""
        if any(value(c, "superseded_by") is not None for c in (*removed, *added)):
            return None
        cited = self._cited.copy()
        cited.subtract(c.article_id for c in removed if c.active)
        cited.update(c.article_id for c in added if c.active)
        if {i for i, n in cited.items() if n > 0} != {i for i, n in self._cited.items() if n > 0}:
            return None
        carried = copy.copy(self)
        carried.snapshot, carried._cited = snapshot, cited
        carried._by = carried._patterns = carried._countries = None
        return carried

    def label(self, article_id: int) -> str:
        article = self.snapshot.articles.get(article_id)
        return report_label(article) if article is not None else _("an unknown report")

    def by(self, article_id: int) -> str:
        """ "RFA (October 2020)", "HNGN (undated)": a report as the subject of a sentence."""
        article = self.snapshot.articles.get(article_id)
        if article is None:
            return _("An unknown report")
        return _("{outlet} ({date})").format(
            outlet=article.outlet, date=article_date(article) or undated()
        )

    def names(self) -> str:
        """The reports, newest first: "RFA, October 2020; HNGN, undated" (the first few,
        then how many more)."""
        shown = [report_label(a) for a in self.articles[:NAMED_REPORTS]]
        hidden = len(self.articles) - len(shown)
        # Translators: the separator between reports named in a row
        # ("RFA, October 2020; HNGN, undated").
        listed = _("; ").join(shown)
        if not hidden:
            return listed
        return ngettext(
            "{reports}; and {count} more", "{reports}; and {count} more", hidden
        ).format(reports=listed, count=count(hidden))

    def outlets(self) -> str:
        return ", ".join(dict.fromkeys(a.outlet for a in self.articles))

    def none_of(self) -> str:
        """ "None of the 2 reports (RFA, October 2020; HNGN, undated)"."""
        total = len(self.articles)
        return ngettext(
            "None of the {count} report ({reports})",
            "None of the {count} reports ({reports})",
            total,
        ).format(count=count(total), reports=self.names())

    def pointed_at(
        self, text: str, figures: Iterable[Decimal], places: Iterable[str], sectors: Iterable[str]
    ) -> frozenset[int]:
        """The reports a message points at without naming them: a figure only they give
        ("12,000 yuan"), or the topic their figures are filed under ("loyalty fund"). None
        (empty) when a place or sector it names is another report's."""
        by_figure, by_topic, _, _ = self._evidence()
        found: set[int] = set()
        for figure in figures:
            found.update(by_figure.get(figure, ()))
        folded = _words(text)
        for topic, articles in by_topic.items():
            if f" {topic} " in folded:
                found.update(articles)
        if not found or len(found) == len(self.articles):
            return frozenset()
        return self.within(frozenset(found), places, sectors)

    def within(
        self, found: frozenset[int], places: Iterable[str], sectors: Iterable[str]
    ) -> frozenset[int]:
        """``found``, unless a place or sector the message names is another report's."""
        _, _, by_place, by_sector = self._evidence()
        for names, index in ((places, by_place), (sectors, by_sector)):
            for name in names:
                if not index.get(name, set()) <= found:
                    return frozenset()
        return found

    def elsewhere(
        self, named: frozenset[int], names: Iterable[tuple[str, str]]
    ) -> list[tuple[str, list[int]]]:
        """Of the places, countries and kinds of work a message names (kind, name), those
        only other reports than ``named`` give figures for ("did RFA report Sakhalin"):
        each with those reports' ids, newest first."""
        by_place, by_sector = self._evidence()[2:]
        if self._countries is None:
            self._countries = {}
            for claim in self.snapshot.active_claims:
                if claim.is_quota and claim.country:
                    self._countries.setdefault(claim.country, set()).add(claim.article_id)
        by_topic = self._evidence()[1]
        index = {
            "place": by_place,
            "country": self._countries,
            "sector": by_sector,
            "topic": by_topic,
        }
        order = [a.id for a in reversed(self.articles)]
        found: list[tuple[str, list[int]]] = []
        for kind, name in names:
            holders = index[kind].get(name, set())
            if holders and not holders & named:
                found.append((name, [i for i in order if i in holders]))
        return found

    def topic_quotas(self, text: str) -> set[str]:
        """The quota topics (other than "quota") a message names: "loyalty fund"."""
        folded = _words(text)
        return {topic for topic in self._evidence()[1] if f" {topic} " in folded}

    def _evidence(
        self,
    ) -> tuple[
        dict[Decimal, set[int]], dict[str, set[int]], dict[str, set[int]], dict[str, set[int]]
    ]:
        if self._by is None:
            by_figure: dict[Decimal, set[int]] = {}
            by_topic: dict[str, set[int]] = {}
            by_place: dict[str, set[int]] = {}
            by_sector: dict[str, set[int]] = {}
            for claim in self.snapshot.active_claims:
                if not claim.is_quota:
                    continue
                for amount in (claim.amount, claim.usd_amount, value(claim, "amount_high")):
                    if amount is not None:
                        by_figure.setdefault(amount, set()).add(claim.article_id)
                # The generic topic says nothing of which report is meant.
                if claim.topic and claim.topic != "quota":
                    by_topic.setdefault(claim.topic.casefold(), set()).add(claim.article_id)
                if claim.place:
                    by_place.setdefault(claim.place, set()).add(claim.article_id)
                if claim.sector:
                    by_sector.setdefault(claim.sector, set()).add(claim.article_id)
            self._by = (by_figure, by_topic, by_place, by_sector)
        return self._by

    def asked_about(self, text: str) -> bool:
        """The message asks which reports the bot holds."""
        folded = " ".join(text.casefold().split())
        return any(phrase in folded for phrase in words().reports_asked)

    def overview(self, reply: Reply) -> None:
        """The reports held, newest first, each cited (its caveat goes under the answer)."""
        total = len(self.articles)
        reply.lines.append(
            bold(
                ngettext(
                    "I hold {count} report, newest first (none of it verified):",
                    "I hold {count} reports, newest first (none of it verified):",
                    total,
                ).format(count=count(total))
            )
        )
        for article in self.articles:
            reply.cite(article.id)
            reply.lines.append(
                fmt(_("• {report} — “{title}”"), report=report_label(article), title=article.title)
            )

    def initials(self, text: str) -> str:
        """A message with the reports' multi-word outlet names as their initials."""
        for pattern, short in self._names()[1]:
            text = pattern.sub(short, text)
        return text

    def named_in(self, text: str) -> frozenset[int]:
        """The reports a message names by outlet, the outlet it relies on, or the outlet's
        initials ("RFA" for Radio Free Asia)."""
        pattern, by_name = self._names()[0]
        if pattern is None:
            return frozenset()
        return frozenset(by_name[m.group(0)] for m in pattern.finditer(text.casefold()))

    def without_names(self, text: str) -> str:
        """The message without the outlets it names ("what does hngn say about dalian" ->
        "what does say about dalian"): once the answer is narrowed to their reports, the
        name asks nothing more (not their article card)."""
        pattern = self._names()[0][0]
        if pattern is None:
            return text
        return " ".join(re.compile(pattern.pattern, re.IGNORECASE).sub(" ", text).split())

    def _names(self) -> Names:
        """Built once: one pattern for every outlet name, and the long names' shortenings."""
        if self._patterns is None:
            by_name: dict[str, int] = {}
            shorten: list[tuple[re.Pattern[str], str]] = []
            for article in self.articles:
                names = outlet_names(article)
                for name in names:
                    by_name.setdefault(name, article.id)
                short = next((n for n in names if " " not in n), None)
                for name in names:
                    if " " in name and short:
                        word = re.compile(_bounded(name), re.IGNORECASE)
                        shorten.append((word, short))
            longest = sorted(by_name, key=len, reverse=True)
            anyone = re.compile("|".join(_bounded(name) for name in longest)) if longest else None
            self._patterns = ((anyone, by_name), shorten)
        return self._patterns

    def recency(self, claim: ClaimView) -> tuple[int, int, int]:
        return _recency(self.snapshot.articles.get(claim.article_id))

    def superseded(self, claim: ClaimView) -> bool:
        newer = value(claim, "superseded_by")
        if newer is None:
            return False
        current = self.snapshot.claim(int(newer))
        return current is not None and current.active

    def latest(self, claim: ClaimView) -> ClaimView | None:
        """The current claim at the end of a chain of supersessions (None on a loop)."""
        seen = {claim.id}
        while self.superseded(claim):
            newer = self.snapshot.claim(int(value(claim, "superseded_by")))
            if newer is None or newer.id in seen:
                return None
            seen.add(newer.id)
            claim = newer
        return claim

    def newest_first(self, claims: Sequence[ClaimView], key: Any) -> list[ClaimView]:
        """Claims grouped by ``key`` (a place), groups in order of first appearance, and
        within a group the newest report first. With one report: the order as given."""
        if not self.several:
            return list(claims)
        first: dict[Any, int] = {}
        for position, claim in enumerate(claims):
            first.setdefault(key(claim), position)
        return sorted(claims, key=lambda c: (first[key(c)], self.recency(c)))

    def current(self, claims: Iterable[ClaimView]) -> list[ClaimView]:
        """The claims that are not superseded, with the current claim of any superseded one
        that was selected (so "reported earlier" always sits under what replaced it)."""
        shown: dict[int, ClaimView] = {}
        for claim in claims:
            if not self.superseded(claim):
                shown.setdefault(claim.id, claim)
                continue
            newer = self.latest(claim)
            shown.setdefault(claim.id if newer is None else newer.id, newer or claim)
        return list(shown.values())


# The figure wording lives in figure_text.py; callers keep using reports.<name>.
__all__ = [
    "BASIS_TEXTS",
    "FIGURE_TEXTS",
    "MONTH",
    "NAMED_REPORTS",
    "ONCE",
    "PERIOD_TEXTS",
    "PER_PERIOD_TEXTS",
    "FigureWords",
    "Reports",
    "amount_text",
    "answered_by",
    "article_date",
    "basis_as_reported",
    "basis_words",
    "count",
    "country_name",
    "deadline_text",
    "dollars_text",
    "is_monthly",
    "is_once",
    "not_monthly",
    "outlet_names",
    "per_period",
    "periods_said",
    "place_name",
    "report_label",
    "undated",
    "unit",
    "value",
    "why_no_sum",
    "words",
]


def relies_line(outlet: str, relied: str) -> Html:
    """ "HNGN relies on reporting by Daily NK." (the unit relied on in the answer's language)."""
    return fmt(
        _("{outlet} relies on reporting by {relied}."), outlet=outlet, relied=source_name(relied)
    )
