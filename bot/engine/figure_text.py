"""How one figure reads in an answer: its amount (a range, a share), its dollars, period
and basis, its deadline, and the report it comes from, in the current answer's language
(bot/engine/wording.py). reports.py re-exports every name here (callers use either).

Fields the general claim model adds (ranges, shares, deadlines, the report's own wording
of a basis, month-precision dates) are read with ``getattr`` defaults, so the engine works
on views with or without them.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from importlib import resources
from typing import Any

from babel import Locale
from babel.dates import format_date

from bot.engine import wording
from bot.engine.local_names import local_name
from bot.engine.numbers import money, month_day, number, reported_date, usd
from bot.engine.reply import Reply
from bot.engine.report_words import as_original
from bot.engine.wording import N_, _
from bot.markup import fmt
from db.kinds import AmountBound
from db.views import ArticleView, ClaimView

ONCE = "once"
MONTH = "month"

# The display words of figures_en.json (periods, bases, ranges, shares), marked here for the
# catalogs: in another language each is translated with ``_`` on use (figures_en.json stays
# the English wording; tests/unit/test_answer_wording.py checks the two agree).
PERIOD_TEXTS = {
    "day": N_("a day"),
    "week": N_("a week"),
    "month": N_("a month"),
    "quarter": N_("a quarter"),
    "year": N_("a year"),
}
# An amount the report gives only as a bound ("at least US$40"), by db.kinds.AmountBound.
BOUND_TEXTS = {
    AmountBound.AT_LEAST: N_("at least {amount}"),
    AmountBound.AT_MOST: N_("at most {amount}"),
}
# Why no sum over time is made of a bound.
BOUND_REASONS = {
    AmountBound.AT_LEAST: N_("only a lower bound (“at least”), not one figure"),
    AmountBound.AT_MOST: N_("only an upper bound (“at most”), not one figure"),
}
# "a person" / "per person", by basis.
BASIS_TEXTS = {
    "person": (N_("a person"), N_("per person")),
    "household": (N_("a household"), N_("per household")),
    "family_member": (N_("a family member"), N_("per family member")),
    "team": (N_("a team"), N_("per team")),
    "company": (N_("a company"), N_("per company")),
}
FIGURE_TEXTS = (
    N_("undated"),
    N_("{low} to {high}"),
    N_("{low} percent of {of}"),
    N_("{low} to {high} percent of {of}"),
    N_("their pay"),
)


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
    # Words a message uses for whom a figure is per ("married" -> household), by basis.
    basis_asked: dict[str, list[str]]


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
    """The claim's place, else its country's name (CLDR, via Babel, in the answer's
    locale), else "this place"."""
    if claim.place and wording.is_english():
        return claim.place
    if claim.place:
        if claim.country and claim.place == _territories("en").get(claim.country):
            return country_name(claim.country)  # a report gave the country as the place
        return local_name("place", claim.place)
    if claim.country:
        return country_name(claim.country)
    return _("this place")


def country_name(code: str) -> str:
    """A country's name in the answer's locale (CLDR): "Russia", "Россия", "俄罗斯"."""
    return _territories(wording.locale()).get(code, code)


@lru_cache(maxsize=8)
def _territories(locale: str) -> dict[str, str]:
    return {code: str(name) for code, name in Locale.parse(locale).territories.items()}


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


def stated_period(claim: ClaimView) -> str | None:
    """The claim's period, else the one period its own basis words name ("each logger,
    every quarter": a figure stored without a period field is not taken for a monthly one
    when the report's words say otherwise); else None."""
    if claim.period is not None:
        return claim.period
    return _period_in_words(value(claim, "basis_text") or "")


@lru_cache(maxsize=4096)
def _period_in_words(text: str) -> str | None:
    named = [p for p in periods_said(text) if p != "once"] if text else []
    return named[0] if len(named) == 1 else None


def is_monthly(claim: ClaimView) -> bool:
    """Figures arithmetic may treat as monthly: one amount (not a range or a share) stated
    a month, or (as before) with no period, unless its own words name another."""
    return (
        stated_period(claim) in (None, MONTH)
        and claim.amount is not None
        and value(claim, "amount_high") in (None, claim.amount)
        and value(claim, "amount_bound") is None
    )


def why_no_sum(claim: ClaimView) -> str:
    """Why no sum over time is made of a figure that is not monthly."""
    if claim.amount is None:
        return _("a share, not an amount")
    if value(claim, "amount_high") not in (None, claim.amount):
        return _("a range, not one figure")
    bound = value(claim, "amount_bound")
    if bound in BOUND_REASONS:
        return _(BOUND_REASONS[AmountBound(bound)])
    if is_once(claim):
        return _("a one-off payment")
    period = claim.period or ""
    if period in PER_PERIOD_TEXTS:
        return _("a figure {per_period}").format(per_period=_(PER_PERIOD_TEXTS[period]))
    if period:
        return _("a figure {per_period}").format(per_period=per_period(period))
    return _("a figure for which the report states no period")


# "per month", by period (the basis answer and why no sum is made).
PER_PERIOD_TEXTS = {
    "day": N_("per day"),
    "week": N_("per week"),
    "month": N_("per month"),
    "quarter": N_("per quarter"),
    "year": N_("per year"),
}


def per_period(period: str) -> str:
    """ "per month" in the answer's language (a period no catalog knows: in English)."""
    text = PER_PERIOD_TEXTS.get(period)
    return _(text) if text else f"per {period}"


def basis_words(claim: ClaimView, article: str = "a") -> str:
    """ "a person" (or "per person" with ``article="per"``); the report's own wording
    (``basis_text``) only when the basis is none of the named ones; else ""."""
    noun = words().bases.get(claim.basis or "")
    if noun is None:
        text = value(claim, "basis_text")
        return as_original(str(text)) if text else ""  # the report's words, marked
    english = f"{words().per if article == 'per' else 'a'} {noun}"
    return _(english) if claim.basis in BASIS_TEXTS else english


def basis_as_reported(claim: ClaimView) -> str | None:
    """The report's own wording of a named basis ("an equal amount for each spouse")."""
    text = value(claim, "basis_text")
    return as_original(str(text)) if text and claim.basis in words().bases else None


def unit(claim: ClaimView, *, deadline: bool = True) -> str:
    """How often and for whom, with a leading space: " a person a month" (as always),
    " once per person (one-off), by the end of the month"; "" when the claim gives neither."""
    w = words()
    by = value(claim, "deadline") if deadline else None
    if is_once(claim):
        basis = basis_words(claim, "per")
        # "once per person (one-off)"
        text = _("once {basis} (one-off)").format(basis=basis) if basis else _("once (one-off)")
    else:
        basis = basis_words(claim)
        period = None
        if claim.period:
            english = w.periods.get(claim.period, f"a {claim.period}")
            period = _(english) if claim.period in PERIOD_TEXTS else english
        if basis and period:
            # "a person a month"
            text = _("{basis} {period}").format(basis=basis, period=period)
        else:
            text = basis or period or ""
    if by:
        by = deadline_text(claim)
        # "a person a month, by the end of the month"
        text = _("{unit}, {deadline}").format(unit=text, deadline=by) if text else str(by)
    return f" {text}" if text else ""


def deadline_text(claim: ClaimView) -> str | None:
    """ "by the end of the month (October 2020)": the deadline as reported, with its date
    as precisely as the report gives it."""
    by = value(claim, "deadline")
    if not by:
        return None
    by = local_name("deadline", str(by))  # the stored words, in the answer's language
    when = _month_or_day(value(claim, "deadline_on"), value(claim, "deadline_precision"))
    if when and when not in str(by):
        return _("{deadline} ({date})").format(deadline=by, date=when)
    return str(by)


def amount_text(claim: ClaimView, amount: Decimal | None = None) -> str:
    """The amount in its currency, a range when the claim gives one ("300 to 1,000 US dollars
    (USD)"), or a share ("70 to 90 percent of their pay")."""
    w = words()
    base = claim.amount if amount is None else amount
    high = value(claim, "amount_high") if amount is None else None
    if base is None:
        low_share, high_share = value(claim, "share_low"), value(claim, "share_high")
        of = value(claim, "share_of") or _(w.share_of)
        if low_share is not None and high_share is not None and high_share != low_share:
            return _(w.share_range).format(low=_plain(low_share), high=_plain(high_share), of=of)
        if low_share is not None:
            return _(w.share).format(low=_plain(low_share), of=of)
        return ""
    currency = claim.currency or ""
    if high is not None and high != base:
        return _(w.range).format(low=_plain(base), high=money(high, currency))
    return bounded(claim, money(base, currency))


def bounded(claim: ClaimView, text: str) -> str:
    """ "at least US$40" for an amount the report gives only as a bound; else ``text``."""
    bound = value(claim, "amount_bound")
    if bound not in BOUND_TEXTS:
        return text
    return _(BOUND_TEXTS[AmountBound(bound)]).format(amount=text)


def dollars_text(claim: ClaimView) -> str | None:
    """The report's own dollar conversion ("nearly $730", "$300 to $1,000"), else None."""
    if claim.usd_amount is None:
        return None
    high = value(claim, "usd_high")
    if high is not None and high != claim.usd_amount:
        low, top = usd(claim.usd_amount), usd(high)
        if claim.usd_is_approx:
            return _("nearly {low} to {high}").format(low=low, high=top)
        return _("{low} to {high}").format(low=low, high=top)
    if claim.usd_is_approx:
        return bounded(claim, _("nearly {amount}").format(amount=usd(claim.usd_amount)))
    return bounded(claim, usd(claim.usd_amount))


def _plain(figure: Decimal | int | float) -> str:
    if not wording.is_english():
        return number(Decimal(str(figure)).normalize())
    return f"{Decimal(str(figure)).normalize():,f}"


def not_monthly(
    claims: Sequence[ClaimView],
    reply: Reply,
    report_of: Callable[[ClaimView], str] | None = None,
    before: bool = False,
) -> None:
    """Asked for a sum over time of figures that are not monthly: what each one is instead
    (each place followed by its report's name when ``report_of`` gives one). A figure the
    report gives "from X to Y" is said as Y, the amount now, unless ``before`` is asked."""
    for claim in claims[:5]:
        reply.use(claim.id, claim.article_id)
        now = None if before else value(claim, "amount_to")
        reply.lines.append(
            fmt(
                _("{place}: {amount}{unit} — {reason}, so no monthly or yearly sum is made of it."),
                place=place_name(claim) + (report_of(claim) if report_of else ""),
                amount=amount_text(claim, now),
                unit=unit(claim),
                reason=why_no_sum(claim),
            )
        )


def article_date(article: ArticleView) -> str | None:
    """The article's date as precisely as it is known ("October 2020", "31 October 2020")."""
    return _month_or_day(article.published_on, value(article, "published_precision"))


def count(figure: int) -> str:
    """A count as the answer's locale writes it ("1,234"; "1 234")."""
    return f"{figure:,}" if wording.is_english() else number(figure)


def _month_or_day(date: dt.date | None, precision: str | None) -> str | None:
    return None if date is None else reported_date(date, precision)


def undated() -> str:
    return _(words().undated)


def report_label(article: ArticleView) -> str:
    """ "RFA, October 2020"; "HNGN, undated" when the report carries no date."""
    return _("{outlet}, {date}").format(
        outlet=article.outlet, date=article_date(article) or undated()
    )


def change_date_text(claim: ClaimView) -> str | None:
    """When the change came, as the report dates it: the stored words in English ("March
    10"); in another language the date in its locale ("10 марта", "3月10日"), from the dated
    field or from the stored words when they are a month and a day."""
    stored = claim.change_date
    if not stored or wording.is_english():
        return stored
    on = value(claim, "change_on")
    if on is not None:
        return reported_date(on, value(claim, "change_on_precision"))
    for pattern in ("%B %d", "%d %B", "%b %d", "%d %b"):
        try:
            # 2000 is a leap year, so "February 29" reads too; the year is never shown.
            parsed = dt.datetime.strptime(f"2000 {stored.strip()}", f"%Y {pattern}")
        except ValueError:
            continue
        return month_day(parsed.date())
    try:  # "September": the month alone, in the answer's language ("сентябрь", "9月")
        month = dt.datetime.strptime(f"2000 {stored.strip()}", "%Y %B")
    except ValueError:
        return stored
    return str(format_date(month.date(), format="LLLL", locale=wording.locale()))


# A figure typed, then its period a few words on: "650 euros a month", "6,000 usd per year".
_FIGURE_THEN = re.compile(r"(\d[\d,]*(?:\.\d+)?)((?:\s+[^\W\d]+){1,3})")


def restates_a_figure(text: str, figures: Sequence[Decimal], claims: Sequence[ClaimView]) -> bool:
    """The message gives a stored figure back with the period its report gives it ("malta 650
    euros a month -> per year?"): the period is known, so a sum in another is asked, not
    which period it is. Not when periods are set side by side ("650 a month or a year?")."""
    if " or " in _words(text):
        return False
    typed = {claim.amount for claim in claims if claim.amount is not None} & set(figures)
    for match in _FIGURE_THEN.finditer(text.casefold()):
        amount = Decimal(match.group(1).replace(",", ""))
        if amount not in typed:
            continue
        said = periods_said(match.group(2))
        stored = {stated_period(c) or MONTH for c in claims if c.amount == amount}
        if said and said[0] in stored:
            return True
    return False
