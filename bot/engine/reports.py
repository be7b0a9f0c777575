"""Several reports side by side: which report a claim comes from, how a figure's amount,
period and basis read, and in what order figures from different reports are shown.

With one report in the store nothing here changes a word of an answer: a report is named
only when the store holds claims from more than one (``Reports.several``).

Fields the general claim model adds (ranges, shares, deadlines, the report's own wording
of a basis, superseded figures, month-precision dates) are read with ``getattr`` defaults,
so the engine works on views with or without them.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from importlib import resources
from typing import Any

from babel import Locale

from bot.engine.numbers import LOCALE, money, reported_date, usd
from bot.engine.reply import Reply
from bot.markup import bold, fmt
from db.views import ArticleView, ClaimView, Snapshot

ONCE = "once"
MONTH = "month"


@dataclass(frozen=True)
class FigureWords:
    periods: dict[str, str]
    once: str
    one_off: str
    per: str
    bases: dict[str, str]
    undated: str
    range: str
    share: str
    share_range: str
    share_of: str
    # Words a message uses to say how often a figure is paid, by period ("once" included).
    period_words: dict[str, list[str]]
    # seed topic -> other topics whose facts answer it too
    topic_aliases: dict[str, list[str]]
    # "how many reports do you have": the reports held are listed
    reports_asked: list[str]


@lru_cache(maxsize=4)
def words(language: str = "en") -> FigureWords:
    raw = (
        resources.files("bot.engine")
        .joinpath(f"vocabulary/figures_{language}.json")
        .read_text(encoding="utf-8")
    )
    data: dict[str, Any] = json.loads(raw)
    data = {key: item for key, item in data.items() if not key.endswith("note")}
    return FigureWords(**data)


def answered_by(topic: str, language: str = "en") -> tuple[str, ...]:
    """Other reports' topics whose facts answer this one ("penalty" -> "repatriation")."""
    return tuple(words(language).topic_aliases.get(topic, ()))


def value(claim: ClaimView | ArticleView, name: str) -> Any:
    """A field of the general claim model, or None on a view that does not have it yet."""
    return getattr(claim, name, None)


def place_name(claim: ClaimView) -> str:
    """The claim's place, else its country's name (CLDR, via Babel), else "this place"."""
    if claim.place:
        return claim.place
    if claim.country:
        return str(Locale.parse(LOCALE).territories.get(claim.country, claim.country))
    return "this place"


# ----- one figure ------------------------------------------------------------------------


def periods_said(text: str) -> list[str]:
    """The periods a message speaks of ("12,000 yuan a month?" -> ["month"])."""
    padded = _words(text)
    return [
        period
        for period, cues in words().period_words.items()
        if any(f" {cue} " in padded for cue in cues)
    ]


def _words(text: str) -> str:
    """Folded words between single spaces, punctuation dropped: " is it monthly "."""
    return " " + " ".join(_PUNCTUATION.sub(" ", text.casefold()).split()) + " "


_PUNCTUATION = re.compile(r"[^\w'-]+")


def is_once(claim: ClaimView) -> bool:
    return claim.period == ONCE


def is_monthly(claim: ClaimView) -> bool:
    """Figures arithmetic may treat as monthly: one amount (not a range or a share) stated
    a month, or (as before) with no period."""
    return (
        claim.period in (None, MONTH)
        and claim.amount is not None
        and value(claim, "amount_high") in (None, claim.amount)
    )


def why_no_sum(claim: ClaimView) -> str:
    """Why no sum over time is made of a figure that is not monthly."""
    if claim.amount is None:
        return "a share, not an amount"
    if value(claim, "amount_high") not in (None, claim.amount):
        return "a range, not one figure"
    if is_once(claim):
        return "a one-off payment"
    return f"a figure per {claim.period}"


def basis_words(claim: ClaimView, article: str = "a") -> str:
    """ "a person" (or "per person" with ``article="per"``); the report's own wording
    (``basis_text``) only when the basis is none of the named ones; else ""."""
    noun = words().bases.get(claim.basis or "")
    if noun is None:
        text = value(claim, "basis_text")
        return str(text) if text else ""
    return f"{words().per if article == 'per' else 'a'} {noun}"


def basis_as_reported(claim: ClaimView) -> str | None:
    """The report's own wording of a named basis ("an equal amount for each spouse")."""
    text = value(claim, "basis_text")
    return str(text) if text and claim.basis in words().bases else None


def unit(claim: ClaimView, *, deadline: bool = True) -> str:
    """How often and for whom, with a leading space: " a person a month" (as always),
    " once per person (one-off), by the end of the month"; "" when the claim gives neither."""
    w = words()
    by = value(claim, "deadline") if deadline else None
    if is_once(claim):
        parts = [w.once, basis_words(claim, "per"), w.one_off]
        text = " ".join(p for p in parts if p)
    else:
        parts = [basis_words(claim)]
        if claim.period:
            parts.append(w.periods.get(claim.period, f"a {claim.period}"))
        text = " ".join(p for p in parts if p)
    if by:
        when = _month_or_day(value(claim, "deadline_on"), value(claim, "deadline_precision"))
        by = f"{by} ({when})" if when and when not in str(by) else by
        text = f"{text}, {by}" if text else str(by)
    return f" {text}" if text else ""


def amount_text(claim: ClaimView, amount: Decimal | None = None) -> str:
    """The amount in its currency, a range when the claim gives one ("300 to 1,000 US dollars
    (USD)"), or a share ("70 to 90 percent of their pay")."""
    w = words()
    base = claim.amount if amount is None else amount
    high = value(claim, "amount_high") if amount is None else None
    if base is None:
        low_share, high_share = value(claim, "share_low"), value(claim, "share_high")
        of = value(claim, "share_of") or w.share_of
        if low_share is not None and high_share is not None and high_share != low_share:
            return w.share_range.format(low=_plain(low_share), high=_plain(high_share), of=of)
        if low_share is not None:
            return w.share.format(low=_plain(low_share), of=of)
        return ""
    currency = claim.currency or ""
    if high is not None and high != base:
        return w.range.format(low=_plain(base), high=money(high, currency))
    return money(base, currency)


def dollars_text(claim: ClaimView) -> str | None:
    """The report's own dollar conversion ("nearly $730", "$300 to $1,000"), else None."""
    if claim.usd_amount is None:
        return None
    approx = "nearly " if claim.usd_is_approx else ""
    high = value(claim, "usd_high")
    if high is not None and high != claim.usd_amount:
        return f"{approx}{usd(claim.usd_amount)} to {usd(high)}"
    return f"{approx}{usd(claim.usd_amount)}"


def _plain(number: Decimal | int | float) -> str:
    return f"{Decimal(str(number)).normalize():,f}"


def not_monthly(claims: Sequence[ClaimView], reply: Reply) -> None:
    """Asked for a sum over time of figures that are not monthly: what each one is instead."""
    for claim in claims[:5]:
        reply.use(claim.id, claim.article_id)
        reply.lines.append(
            fmt(
                "{}: {}{} — {}, so no monthly or yearly sum is made of it.",
                place_name(claim),
                amount_text(claim),
                unit(claim),
                why_no_sum(claim),
            )
        )


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


def article_date(article: ArticleView) -> str | None:
    """The article's date as precisely as it is known ("October 2020", "31 October 2020")."""
    return _month_or_day(article.published_on, value(article, "published_precision"))


def _month_or_day(date: dt.date | None, precision: str | None) -> str | None:
    return None if date is None else reported_date(date, precision)


def report_label(article: ArticleView) -> str:
    """ "RFA, October 2020"; "HNGN, undated" when the report carries no date."""
    return f"{article.outlet}, {article_date(article) or words().undated}"


def _recency(article: ArticleView | None) -> tuple[int, int, int]:
    """Sort key, newest first: dated reports by date, then undated ones (latest added first)."""
    if article is None:
        return (2, 0, 0)
    if article.published_on is None:
        return (1, 0, -article.id)
    return (0, -article.published_on.toordinal(), -article.id)


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
        cited = dict.fromkeys(c.article_id for c in snapshot.active_claims)
        active = [snapshot.articles[i] for i in cited if i in snapshot.articles]
        self.articles: tuple[ArticleView, ...] = tuple(sorted(active, key=_recency))
        self.several = len(self.articles) > 1 if several is None else several
        self._by: Evidence | None = None
        self._patterns: Names | None = None
        # claim id -> the claims it supersedes (the figures "reported earlier").
        self.earlier: dict[int, list[ClaimView]] = {}
        for claim in snapshot.claims:
            newer = value(claim, "superseded_by")
            if newer is not None and claim.status != "retracted":
                self.earlier.setdefault(int(newer), []).append(claim)

    def label(self, article_id: int) -> str:
        article = self.snapshot.articles.get(article_id)
        return report_label(article) if article is not None else "an unknown report"

    def by(self, article_id: int) -> str:
        """ "RFA (October 2020)", "HNGN (undated)": a report as the subject of a sentence."""
        article = self.snapshot.articles.get(article_id)
        if article is None:
            return "An unknown report"
        return f"{article.outlet} ({article_date(article) or words().undated})"

    def names(self) -> str:
        """The reports, newest first: "RFA, October 2020; HNGN, undated"."""
        return "; ".join(report_label(a) for a in self.articles)

    def outlets(self) -> str:
        return ", ".join(dict.fromkeys(a.outlet for a in self.articles))

    def none_of(self) -> str:
        """ "None of the 2 reports (RFA, October 2020; HNGN, undated)"."""
        return f"None of the {len(self.articles):,} reports ({self.names()})"

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
        reply.lines.append(
            bold(f"I hold {len(self.articles):,} reports, newest first (none of it verified):")
        )
        for article in self.articles:
            reply.cite(article.id)
            reply.lines.append(fmt("• {} — “{}”", report_label(article), article.title))

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
                        word = re.compile(rf"(?<!\w){re.escape(name)}(?!\w)", re.IGNORECASE)
                        shorten.append((word, short))
            longest = sorted(by_name, key=len, reverse=True)
            anyone = (
                re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, longest)) + r")(?!\w)")
                if longest
                else None
            )
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
