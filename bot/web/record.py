"""What the public pages show, built from a snapshot: no I/O, no HTML.

Only public fields go in: editors, the question log and subscribers never reach a page,
and the change history (bot/web/history.py) carries no user ids.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from urllib.parse import urlsplit

from bot.engine.arithmetic import IMPLIED, implied
from bot.engine.derivation import change_step
from bot.engine.numbers import money, usd
from db.kinds import AmountBound, AmountSide
from db.views import ArticleView, ClaimView, Snapshot, SourceView

NO_PLACE = "No particular place"


def is_web_url(value: object) -> bool:
    """Only http(s) links are shown as links: never javascript: or data: ones."""
    if not isinstance(value, str):
        return False
    parts = urlsplit(value)
    return parts.scheme in ("http", "https") and bool(parts.netloc)


@dataclass(frozen=True)
class FigureLine:
    """One figure of a claim: as reported, or derived and labelled so."""

    text: str
    label: str | None = None


def attribution(claim: ClaimView, snapshot: Snapshot) -> list[str]:
    """Who said it, to whom, carried by which outlet (relying on whom), in reading order."""
    source: SourceView | None = snapshot.sources.get(claim.source_id)
    article: ArticleView | None = snapshot.articles.get(claim.article_id)
    chain: list[str] = []
    if source is not None:
        chain.append(f"Said by {source.name}")
        if source.told_to:
            chain.append(f"to {source.told_to}")
    if article is not None:
        if article.relies_on and (source is None or source.told_to != article.relies_on):
            chain.append(f"reported by {article.relies_on}")
        chain.append(f"carried by {article.outlet}")
    return chain


def figures(claim: ClaimView) -> list[FigureLine]:
    """The amounts as reported, then the amounts a change word implies (labelled)."""
    if not claim.is_quota:
        return []
    per = " ".join(part for part in (_period(claim.period), _per(claim.basis)) if part)
    if claim.basis_text:
        per = f"{per} ({claim.basis_text})".strip()
    if claim.amount is None:
        if claim.share_low is None:
            return []
        return [FigureLine(f"{_share(claim)} {per}".strip(), "as reported")]
    lines = []
    stated = _amount(claim.amount, claim.amount_high, claim.currency or "")
    if claim.usd_amount is not None:
        approx = "nearly " if claim.usd_is_approx else ""
        dollars = usd(claim.usd_amount)
        if claim.usd_high is not None:
            dollars += f" to {usd(claim.usd_high)}"
        stated += f" ({approx}{dollars}, the report's conversion)"
    if claim.amount_bound == AmountBound.AT_LEAST:
        stated = f"at least {stated}"
    elif claim.amount_bound == AmountBound.AT_MOST:
        stated = f"at most {stated}"
    before = claim.change in ("doubled", "increased", "decreased") or claim.amount_to is not None
    label = "as reported, before the change" if before else "as reported"
    if claim.amount_is == AmountSide.AFTER:
        label = "as reported, after the change"
    if claim.change_percent is not None:
        word = "rise" if claim.change == "increased" else "fall"
        label += f" (a {word} of {claim.change_percent.normalize():f} %, as reported)"
    lines.append(FigureLine(f"{stated} {per}".strip(), label))
    step = change_step(claim, claim.amount)
    if step is not None and step.derived is not None and claim.change_from_amount != "doubled":
        side = "before" if step.divide else "after"
        sign = "÷" if step.divide else "×"
        text = f"about {money(step.derived, claim.currency or '')} {per}".strip()
        lines.append(
            FigureLine(
                f"{text} ({claim.amount.normalize():,f} {sign} {step.factor:f})",
                f"the amount {side} the change, implied by the reported change: our arithmetic",
            )
        )
    if claim.amount_to is not None:
        text = money(claim.amount_to, claim.currency or "")
        if claim.usd_to is not None:
            text += f" ({usd(claim.usd_to)}, the report's conversion)"
        lines.append(FigureLine(f"{text} {per}".strip(), "as reported, after the change"))
        return lines
    after = implied(claim.amount, claim.change_from_amount) if claim.amount_high is None else None
    if after is not None:
        text = money(after, claim.currency or "")
        after_usd = (
            implied(claim.usd_amount, claim.change_from_amount) if claim.usd_amount else None
        )
        if after_usd is not None:
            text += f" (about {usd(after_usd)})"
        lines.append(FigureLine(f"{text} {per}".strip(), IMPLIED))
    if claim.deadline:
        lines.append(FigureLine(f"due {claim.deadline}", "deadline as reported"))
    return lines


def _amount(low: Decimal, high: Decimal | None, currency: str) -> str:
    if high is None:
        return money(low, currency)
    return f"{low.normalize():,f} to {money(high, currency)}"


def _share(claim: ClaimView) -> str:
    assert claim.share_low is not None
    text = f"{claim.share_low.normalize():,f}"
    if claim.share_high is not None:
        text += f" to {claim.share_high.normalize():,f}"
    whole = f" of {claim.share_of}" if claim.share_of else ""
    return f"{text} percent{whole}"


def _period(value: str | None) -> str:
    return "once (a one-off levy)" if value == "once" else _per(value)


def _per(value: str | None) -> str:
    return f"per {value.replace('_', ' ')}" if value else ""


def modified_on(claim: ClaimView) -> dt.datetime:
    """The latest public change: created, corrected or retracted."""
    stamps = [claim.created_at, claim.corrected_at, claim.retracted_at]
    return max(stamp for stamp in stamps if stamp is not None)


@dataclass(frozen=True)
class PlaceGroup:
    place: str
    claims: list[ClaimView]


def by_place(claims: list[ClaimView]) -> list[PlaceGroup]:
    """Claims grouped by place, places in alphabetical order, claims by id."""
    groups: dict[str, list[ClaimView]] = {}
    for claim in claims:
        groups.setdefault(claim.place or NO_PLACE, []).append(claim)
    return [PlaceGroup(place, groups[place]) for place in sorted(groups, key=str.casefold)]


def caveats(snapshot: Snapshot, article_ids: list[int] | None = None) -> list[ArticleView]:
    """The reports whose caveats a page carries: those shown, else the default one."""
    if article_ids is None:
        shown = list(snapshot.articles.values())
    else:
        shown = [snapshot.articles[i] for i in dict.fromkeys(article_ids) if i in snapshot.articles]
    if not shown and snapshot.default_article is not None:
        shown = [snapshot.default_article]
    return shown


def dollar_pairs(claim: ClaimView) -> tuple[Decimal, Decimal | None] | None:
    """Dollars before, and the implied dollars after (None when no change word implies one)."""
    if claim.usd_amount is None:
        return None
    return claim.usd_amount, implied(claim.usd_amount, claim.change_from_amount)
