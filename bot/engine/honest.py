"""Answers that keep the bot honest: what the report does not say, corrections of a
wrong premise, outlets it does not rate, refusals that still give the facts asked for."""

from __future__ import annotations

from decimal import Decimal

from bot.engine.change_premises import wrong_change_of_place
from bot.engine.compose import Composer
from bot.engine.figures import operands
from bot.engine.local_names import source_name
from bot.engine.numbers import money, number, usd
from bot.engine.phrases import either, separately
from bot.engine.premises import asserted_amounts, bound_met, not_before_nor_now, stated_others
from bot.engine.reply import Reply
from bot.engine.reports import (
    amount_text,
    article_date,
    is_once,
    per_period,
    periods_said,
    relies_line,
    report_label,
    unit,
    words,
)
from bot.engine.retrieval import ClaimSearch, Hit, quoted
from bot.engine.share_premises import wrong_share
from bot.engine.silences import MAX_HITS, Silences
from bot.engine.understanding import Understanding
from bot.engine.vocabulary import Attribute, Intent, Operation, Vocabulary
from bot.engine.wording import N_, _, ngettext
from bot.engine.wrong_dates import wrong_dates
from bot.markup import Html, bold, fmt, italic, plain_format
from db.views import ClaimView

# Retrieval: the best claim must score this much (BM25) to be an answer at all, and the
# others at least this share of the best one's score.
MIN_SCORE = 1.5
ATTRIBUTION_SCORE = 2.0
SHARE_OF_BEST = 0.5
# Figures typed that could be amounts (not days of a month, not years).
SMALLEST_AMOUNT = Decimal(100)
# How often a figure is given, and how often a message said it is ("per month").
_FIGURE_PER = {
    "month": N_("a figure per month"),
    "week": N_("a figure per week"),
    "day": N_("a figure per day"),
    "year": N_("a figure per year"),
}
_PER = {
    "once": N_("one-off"),
    "month": N_("per month"),
    "week": N_("per week"),
    "day": N_("per day"),
    "year": N_("per year"),
}
# A change the message asserts, by the vocabulary's word for it (en.json change_words).
_NOT_CHANGED = N_(
    "No: the report says the quota in {place} doubled (from {amount} a month), not {change}."
)
_NOT_THAT = {
    "tripled": N_(
        "No: the report says the quota in {place} doubled (from {amount} a month), not tripled."
    ),
    "quadrupled": N_(
        "No: the report says the quota in {place} doubled (from {amount} a month), not quadrupled."
    ),
    "halved": N_(
        "No: the report says the quota in {place} doubled (from {amount} a month), not halved."
    ),
    "changed": N_(
        "No: the report says the quota in {place} doubled (from {amount} a month), not changed."
    ),
}


def _now(claim: ClaimView, u: Understanding) -> Decimal | None:
    """The figure a claim gives now (the amount it changed to), unless the past is asked."""
    return claim.amount_to if claim.amount_to is not None and not u.before else None


def _with_change(claim: ClaimView, u: Understanding) -> str:
    """The amount a claim gives now, with the one it changed from where it states both
    ("1,800 riyals, down from 2,200 riyals"): a message asserting a change is told both."""
    now = _now(claim, u)
    if now is None or claim.amount is None or now == claim.amount:
        return amount_text(claim, now)
    text = _("{now}, down from {before}") if now < claim.amount else _("{now}, up from {before}")
    return text.format(now=amount_text(claim, now), before=amount_text(claim, claim.amount))


def _per(texts: dict[str, str], period: str) -> str:
    """ "per month" in the answer's language (others, "per quarter": figure_text's words)."""
    text = texts.get(period)
    if text is not None:
        return _(text)
    per = per_period(period)
    return _("a figure {per_period}").format(per_period=per) if texts is _FIGURE_PER else per


class Honest(Silences):
    def __init__(self, composer: Composer, vocabulary: Vocabulary, search: ClaimSearch) -> None:
        self.c = composer
        self.vocabulary = vocabulary
        self.search = search
        super().__init__(composer)
        self._factor_words = {
            factor: word for word, factor in vocabulary.change_words.items() if word.endswith("ed")
        }

    # ----- a wrong premise ----------------------------------------------------------

    def corrections(self, u: Understanding, quotas: list[ClaimView], reply: Reply) -> bool:
        """Say "No" to a figure, change or date the message asserts and the report contradicts."""
        before = len(reply.lines)
        # "how many months to hand over 1 million": a sum to reach, not a claim about a quota.
        operand = Operation.MONTHS_TO_REACH in u.operations
        if quotas and not operand and u.figures:  # no figure asserted: no walk over quotas
            self._wrong_amounts(u, quotas, reply)
        if quotas and not operand:
            self._wrong_period(u, quotas, reply)
        if quotas:
            self._wrong_change(u, quotas, reply)
            wrong_change_of_place(u, self.c, reply)  # "tuzla doubled too": a 20 % rise
            wrong_share(u, quotas, self.c, reply)  # "90% of their pay", of a 70 % share
            wrong_dates(self.c, u, quotas, reply)
        if len(reply.lines) > before:
            reply.intents.append(Intent.CORRECTION)
            return True
        return False

    def _wrong_amounts(self, u: Understanding, quotas: list[ClaimView], reply: Reply) -> None:
        amounts = asserted_amounts(u)
        # A wrong figure is set against the quotas it can be about: in the currency typed,
        # else those whose amount the message also typed ("it's 62,000, I read 60,000").
        typed = [*u.currencies, *(["USD"] if Intent.USD in u.intents else [])]
        about = [c for c in quotas if c.currency in typed] or [
            c for c in quotas if c.amount in amounts
        ]
        if about:
            quotas = about
        for value in [v for v in amounts if not bound_met(v, u, quotas, "USD" in typed)]:
            exact = [c for c in quotas if value in (c.amount, c.amount_to)]
            # Twice the amount only of a doubled figure ("200" of one that rose 100 to 150 is
            # no doubled amount); "1460 dollars": the report's conversion, stated or doubled.
            twice = [c for c in quotas if c.change_from_amount == "doubled" or not self.c.several]
            implied = [c for c in twice if c.amount is not None and c.amount * 2 == value]
            dollars = [c for c in quotas if value in (c.usd_amount, c.usd_to)]
            dollars += [c for c in twice if c.usd_amount == value / 2]
            # Nor is the top of a range or the new amount of a "from X to Y" it states.
            dollars += [c for c in quotas if value in stated_others(c)]
            if Attribute.WAGES in u.attributes and (exact or implied):
                claim = (exact or implied)[0]
                assert claim.amount is not None
                reply.use(claim.id, claim.article_id)
                currency = claim.currency or ""
                reply.lines.append(
                    fmt(
                        _(
                            "No: {value} is not a wage. The report says workers in {place} must "
                            "hand over a monthly quota of {amount} to North Korea (doubled, so "
                            "about {doubled}, implied by “doubled”); it does not say what they "
                            "are paid."
                        )
                        if claim.change_from_amount == "doubled"
                        else _(
                            "No: {value} is not a wage. The report says workers in {place} must "
                            "hand over a monthly quota of {amount} to North Korea; it does not "
                            "say what they are paid."
                        ),
                        value=money(value, currency),
                        place=self.c.local_place(claim) or self.c.country(claim.country),
                        amount=money(claim.amount, currency),
                        doubled=money(claim.amount * 2, currency),
                    )
                )
                continue
            if exact:
                wrong = [c for c in exact if typed and c.currency not in typed]
                for claim in wrong[:1]:
                    assert claim.amount is not None
                    reply.use(claim.id, claim.article_id)
                    amount = money(claim.amount, claim.currency or "")
                    if claim.usd_amount:
                        amount = _("{amount} (nearly {dollars})").format(
                            amount=amount, dollars=usd(claim.usd_amount)
                        )
                    others = " ".join(c for c in typed if c != claim.currency)
                    reply.lines.append(
                        fmt(
                            _("No: the report gives {amount} for {place}, not {value} {currency}.")
                            if others
                            else _(
                                "No: the report gives {amount} for {place}, not {value} in "
                                "another currency."
                            ),
                            amount=amount,
                            place=self.c.place_label(claim),
                            value=number(value),
                            currency=others,
                        )
                    )
                continue
            if implied or dollars:
                continue
            for claim in quotas[:3]:
                reply.use(claim.id, claim.article_id)
            asserted = usd(value) if "USD" in typed else number(value)
            if self.c.several:
                # Figures of several reports, periods and bases: each as its report gives it.
                shown = separately(
                    [
                        plain_format(
                            _("{amount}{unit} for {place} ({report})"),
                            amount=_with_change(c, u),
                            unit=unit(c),
                            place=self.c.place_label(c),
                            report=self.c.report_of(c),
                        )
                        for c in quotas[:3]
                    ]
                )
                reply.lines.append(
                    fmt(_("No: the reports give {figures}, not {value}."), figures=shown,
                        value=asserted)
                )  # fmt: skip
                continue
            reply.lines.append(
                not_before_nor_now(quotas[:3], asserted, self.c.place_label, now=not u.before)
            )

    def years(self, u: Understanding, reply: Reply) -> bool:
        """Several reports: a year typed ("did it start in 2020?") is set against each
        report's own date and the claims that give it; no report is said silent that is not."""
        years = [f for f in u.figures if 1900 <= f <= 2100 and f == f.to_integral_value()]
        if not years or u.operations:
            return False
        year = int(years[0])
        giving = [c for c in self.c.snapshot.active_claims if str(year) in c.statement][:MAX_HITS]
        if giving:
            reply.lines.append(bold(_("What the reports say of {year}:").format(year=year)))
            for claim in giving:
                reply.use(claim.id, claim.article_id)
                reply.lines.append(fmt("• {}", self.c.claim_line(claim)))
        else:
            self.c.cite_all(reply)
            reply.lines.append(self._none_mention(str(year)))
        for article in self.c.reports.articles:
            reply.cite(article.id)
            when = article_date(article)
            reply.lines.append(
                fmt(_("The {outlet} report is dated {date}."), outlet=article.outlet, date=when)
                if when
                else fmt(
                    _("The {outlet} report carries no date and gives no year."),
                    outlet=article.outlet,
                )
            )
        u.figures = [f for f in u.figures if f not in years]
        if Attribute.YEAR in u.attributes:
            u.attributes.remove(Attribute.YEAR)
        return True

    def _none_mention(self, year: str) -> Html:
        """ "The report does not mention 2019." as one report, one of several or all say it."""
        articles = self.c.reports.articles
        if self.c.several and len(articles) == 1:
            article = articles[0]
            return fmt(
                _("The {outlet} report ({date}) does not mention {year}."),
                outlet=article.outlet,
                date=article_date(article) or words().undated,
                year=year,
            )
        if self.c.several:
            count = len(articles)
            return fmt(
                ngettext(
                    "None of the {count} report ({names}) mentions {year}.",
                    "None of the {count} reports ({names}) mentions {year}.",
                    count,
                ),
                count=number(count),
                names=self.c.reports.names(),
                year=year,
            )
        return fmt(_("The report does not mention {year}."), year=year)

    def _wrong_period(self, u: Understanding, quotas: list[ClaimView], reply: Reply) -> None:
        """ "12,000 yuan a month?" of a one-off levy (or "one-off" of a monthly quota): No.
        Only with several reports or a figure that is not monthly: one report's monthly
        figures are answered as they always were."""
        if not (self.c.several or self.c.other_periods()):
            return
        said = periods_said(u.text)
        if not said:
            return
        seen: set[tuple[object, ...]] = set()
        worked = operands(u.text)  # "6000/12": the asker's own sum on it, not a period said
        asserted = [f for f in u.figures if f not in worked]
        for claim in [c for c in quotas if c.amount is not None and c.amount in asserted][:3]:
            period = claim.period or "month"
            same = (claim.article_id, claim.amount, claim.currency, period)
            if period in said or same in seen:
                continue
            seen.add(same)
            reply.use(claim.id, claim.article_id)
            reply.lines.append(
                fmt(
                    _("No: {report} reports {amount} for {place}{unit} — {kind}, not {said}.")
                    if self.c.several
                    else _(
                        "No: the report reports {amount} for {place}{unit} — {kind}, not {said}."
                    ),
                    report=self.c.reports.by(claim.article_id),
                    amount=amount_text(claim),
                    place=self.c.place_label(claim),
                    unit=unit(claim),
                    kind=_("a one-off payment") if is_once(claim) else _per(_FIGURE_PER, period),
                    said=either([_per(_PER, p) for p in said]),
                )
            )

    def _wrong_change(self, u: Understanding, quotas: list[ClaimView], reply: Reply) -> None:
        factor = u.change_factor
        if factor is None or factor == 2:
            return
        word = self._factor_words.get(factor, "changed")
        for claim in quotas[:3]:
            if claim.change_from_amount != "doubled" or claim.amount is None:
                continue
            reply.use(claim.id, claim.article_id)
            reply.lines.append(
                fmt(
                    _(_NOT_THAT.get(word, _NOT_CHANGED)),
                    place=self.c.place_label(claim),
                    amount=money(claim.amount, claim.currency or ""),
                    change=word,
                )
            )

    # ----- outlets, refusals, sources' own words --------------------------------------

    def trust_outlet(self, reply: Reply) -> None:
        """Asked whether an outlet can be trusted: the report rates none, and nor does the bot."""
        if self.c.several:
            self._trust_outlets(reply)
            return
        article = self.c.snapshot.default_article
        names = (article.outlet, article.relies_on) if article else ()
        outlets = [source_name(a) for a in names if a]
        reply.lines.append(
            fmt(
                _(
                    "The report does not rate {outlets}, and I do not rate outlets. What is known "
                    "about the sourcing:"
                ),
                outlets=either(outlets) or _("any outlet"),
            )
        )
        if article is not None:
            reply.cite(article.id)
            if article.relies_on:
                reply.lines.append(fmt("• {}", relies_line(article.outlet, article.relies_on)))
        reply.lines.append(fmt("• {}", self._anonymous_line()))
        if article is not None:
            reply.lines.append(
                fmt(
                    "• {}",
                    fmt(_("{outlet} says: “{caveat}”"), outlet=article.outlet,
                        caveat=article.caveat),
                )
            )  # fmt: skip

    def _trust_outlets(self, reply: Reply) -> None:
        articles = self.c.reports.articles
        outlets = [source_name(o) for a in articles for o in (a.outlet, a.relies_on) if o]
        reply.lines.append(
            fmt(
                ngettext(
                    "None of the {count} report rates {outlets}, and I do not rate outlets. What "
                    "is known about the sourcing:",
                    "None of the {count} reports rates {outlets}, and I do not rate outlets. What "
                    "is known about the sourcing:",
                    len(articles),
                ),
                count=number(len(articles)),
                outlets=either(list(dict.fromkeys(outlets))),
            )
        )
        for article in articles:
            reply.cite(article.id)
            if article.relies_on:
                reply.lines.append(fmt("• {}", relies_line(article.outlet, article.relies_on)))
        reply.lines.append(fmt("• {}", self._anonymous_line()))
        for article in articles:
            reply.lines.append(fmt("• {}: “{}”", report_label(article), article.caveat))

    def _anonymous_line(self) -> Html:
        return fmt(
            _(
                "The claims come from anonymous sources — {names} — and from the article's own "
                "narration."
            ),
            names=separately(self.anonymous()) or _("none named"),
        )

    def refuse_role(self, reply: Reply) -> None:
        reply.lines.append(Html(_(self.vocabulary.refusals["role_play"])))

    def source_statements(self, u: Understanding, reply: Reply) -> bool:
        """What one source said ("what did the source in China say?"): its own claims."""
        sources = [s for s in self.c.snapshot.sources.values() if s.country in u.countries]
        claims = [
            c for c in self.c.snapshot.active_claims if any(c.source_id == s.id for s in sources)
        ]
        if not claims:
            return False
        for source in sources:
            said = _("What {source} said:").format(source=source_name(source.name))
            reply.lines.append(bold(said))
            mine = [c for c in claims if c.source_id == source.id]
            shown, hidden = self.c.capped(mine)
            for claim in shown:
                reply.use(claim.id, claim.article_id)
                reply.lines.append(fmt("• {}", self.c.claim_line(claim)))
            self.c.more_line(hidden, "claims from this source", reply)
        reply.intents.append(Intent.STATEMENTS)
        return True

    def hits(self, text: str, minimum: float = MIN_SCORE) -> list[Hit]:
        found = self.search.search(text, limit=MAX_HITS)
        if not found or found[0].score < minimum:
            return []
        best = found[0].score
        return [hit for hit in found if hit.score >= best * SHARE_OF_BEST]

    def attribute_quote(self, u: Understanding, reply: Reply) -> bool:
        """Who said a claim ("who said they'd work themselves to death?"); "whose" too."""
        asked = u.search_text.split()
        if not self.vocabulary.attribution_verbs & set(asked) and "whose" not in asked:
            return False
        quotas = self.c.quotas() if u.dates else []  # thousands at scale: only when dated
        dated = [c for c in quotas if c.change_date and c.change_date in u.dates]
        if dated and "whose" in u.text.split():
            # "whose info is the march 10 thing": the claim that gives that date.
            claim = dated[0]
            reply.use(claim.id, claim.article_id)
            reply.lines.append(fmt("{}", self.c.claim_line(claim)))
            reply.intents.append(Intent.SOURCES)
            return True
        found = self.hits(u.search_text, ATTRIBUTION_SCORE)
        if u.places:  # "sakhalin figure, whose claim is that": that place's, not another's "figure"
            ours = {q.country for q in self.c.quotas(u)}
            found = [h for h in found if _of_places(h.claim, u.places, ours)]
        # "who told them about the loyalty cash in china": a source in that country first.
        sources = self.c.snapshot.sources
        local = [h for h in found if getattr(sources.get(h.claim.source_id), "country", None)
                 in u.countries]  # fmt: skip
        if u.countries and found and not local:  # "about the china part": its sources
            return False
        # "who said heavier burden": a quota claim's own quote (the search leaves them out).
        quotas = self.c.quotas(u) if u.places else self.c.quotas()
        said = (local or found)[0].claim if found else quoted(quotas, u.search_text)
        if said is None:
            return False
        reply.use(said.id, said.article_id)
        reply.lines.append(fmt("{}", self.c.claim_line(said)))
        reply.intents.append(Intent.SOURCES)
        return True

    def facts(self, facts: list[ClaimView], reply: Reply) -> bool:
        """Facts a question's own words found, with their attribution."""
        reply.lines.append(bold(_("What the reports say:")))
        for claim in facts:
            reply.use(claim.id, claim.article_id)
            reply.lines.append(fmt("• {}", self.c.claim_line(claim)))
        reply.intents.append(Intent.STATEMENTS)
        return True

    def statements(self, text: str, reply: Reply, minimum: float = MIN_SCORE) -> bool:
        """The claims whose words best match the question, with their attribution."""
        found = self.hits(text, minimum)
        if not found:
            return False
        reply.lines.append(
            bold(_("What the reports say:") if self.c.several else _("What the report says:"))
        )
        for hit in found:
            reply.use(hit.claim.id, hit.claim.article_id)
            reply.lines.append(fmt("• {}", self.c.claim_line(hit.claim)))
        reply.lines.append(italic(_("Matched on the words of your question.")))
        reply.intents.append(Intent.STATEMENTS)
        return True


def _of_places(claim: ClaimView, places: list[str], countries: set[str | None]) -> bool:
    """A claim of one of ``places``, or of no place in one of their countries."""
    return claim.place in places or (claim.place is None and claim.country in countries)
