"""Answers that keep the bot honest: what the report does not say, corrections of a
wrong premise, outlets it does not rate, refusals that still give the facts asked for.
"""

from __future__ import annotations

from decimal import Decimal

from bot.engine.compose import Composer
from bot.engine.numbers import money, usd
from bot.engine.reply import Reply
from bot.engine.reports import (
    amount_text,
    article_date,
    is_once,
    periods_said,
    report_label,
    unit,
)
from bot.engine.retrieval import ClaimSearch, Hit
from bot.engine.understand import Understanding
from bot.engine.vocabulary import Attribute, Intent, Operation, Vocabulary
from bot.markup import Html, bold, fmt, italic
from db.views import ClaimView

# Retrieval: the best claim must score this much (BM25) to be an answer at all, and the
# others at least this share of the best one's score.
MIN_SCORE = 1.5
ATTRIBUTION_SCORE = 2.0
SHARE_OF_BEST = 0.5
MAX_HITS = 3
# Figures typed that could be amounts (not days of a month, not years).
SMALLEST_AMOUNT = Decimal(100)


class Honest:
    def __init__(self, composer: Composer, vocabulary: Vocabulary, search: ClaimSearch) -> None:
        self.c = composer
        self.vocabulary = vocabulary
        self.search = search
        # Built once per snapshot: the currencies the quotas are stated in, by name.
        codes = dict.fromkeys(c.currency for c in composer.quotas() if c.currency)
        names = [money(Decimal(2), code).split(" ", 1)[1].split(" (")[0] for code in codes]
        self._currency_names = " and ".join(names[:5])
        sectors = [
            f"{c.sector} workers in {self.c.place_label(c)}" for c in composer.quotas() if c.sector
        ]
        self._sectors = " and ".join(list(dict.fromkeys(sectors))[:5]) or "the kinds of work named"
        self._factor_words = {
            factor: word for word, factor in vocabulary.change_words.items() if word.endswith("ed")
        }

    # ----- the report is silent -----------------------------------------------------

    def silent(self, u: Understanding, reply: Reply, skip: set[Attribute]) -> bool:
        said = answered = False
        related: list[str] = []
        for attribute in u.attributes:
            if attribute in skip:
                continue
            if attribute == Attribute.ESTIMATE:
                reply.lines.append(Html(self.vocabulary.refusals["estimate"]))
                continue
            info = self.vocabulary.attributes[attribute]
            if self.c.several:
                if self._reports_say(attribute, u, reply):
                    answered = True
                    continue
                self.c.cite_all(reply)
                reply.lines.append(
                    fmt("{} {}.", self.c.no_report("say"), self._fill(_head(info.says), u))
                )
            else:
                reply.lines.append(fmt("The report does not say {}.", self._fill(info.says, u)))
            said = True
            related.extend(t for t in info.related if t not in related)
            if attribute in (Attribute.SOURCE_IDENTITY, Attribute.DOCUMENTS):
                reply.lines.append(self._sources_named())
        if said:
            self._closest(u, related, reply)
            reply.intents.append(Intent.SILENT)
        return said or answered

    def _reports_say(self, attribute: Attribute, u: Understanding, reply: Reply) -> bool:
        """Several reports: one of them may speak of what the other is silent on (a
        report's date, the penalty for not paying). Then that is the answer."""
        if attribute in (Attribute.YEAR, Attribute.PUBLICATION_DATE):
            for article in self.c.reports.articles:
                reply.cite(article.id)
                when = article_date(article)
                reply.lines.append(
                    fmt("The {} report is dated {}.", article.outlet, when)
                    if when
                    else fmt("The {} report carries no publication date.", article.outlet)
                )
            reply.intents.append(Intent.DATE)
            return True
        facts = self.c.facts_answering(attribute.value, u.places)
        if not facts:
            return False
        reply.lines.append(bold("What the reports say:"))
        for claim in facts[:MAX_HITS]:
            reply.use(claim.id, claim.article_id)
            reply.lines.append(fmt("• {}", self.c.claim_line(claim)))
        silent = [a for a in self.c.reports.articles if a.id not in {c.article_id for c in facts}]
        if silent:
            self.c.cite_all(reply)
            names = " and ".join(f"the {a.outlet} report" for a in silent)
            verb = "says" if len(silent) == 1 else "say"
            reply.lines.append(fmt("{} {} nothing on this.", names[0].upper() + names[1:], verb))
        reply.intents.append(Intent.STATEMENTS)
        return True

    def _fill(self, template: str, u: Understanding) -> str:
        where = ""
        places = u.places + [self.c.country(code) for code in u.countries]
        if places:
            where = " in " + " or ".join(places)
        currencies = self._currency_names
        article = self.c.snapshot.default_article
        if self.c.several and len(self.c.reports.articles) == 1:
            article = self.c.reports.articles[0]  # the one report the question names
        outlet, role = "the outlet", "a name"
        if article is not None:
            if article.relies_on and article.relies_on.casefold() in u.text:
                outlet = article.relies_on
                role = f"the outlet whose reporting {article.outlet} relies on"
            else:
                outlet, role = article.outlet, "the outlet that carried the report"
        currency = ", ".join(u.other_currencies) or "that currency"
        sector = " or ".join(u.other_sectors) or "that kind of work"
        return template.format(
            where=where, currencies=currencies or "their currencies", outlet=outlet, role=role,
            currency=currency, sector=sector, sectors=self._sectors,
        )  # fmt: skip

    def _sources_named(self) -> Html:
        names = [
            f"{s.name} (who told {s.told_to})" if s.told_to else s.name
            for s in self.c.snapshot.sources.values()
            if s.kind == "anonymous"
        ]
        return fmt("It names them only as: {}.", "; ".join(names) or "no one")

    def _closest(self, u: Understanding, topics: list[str], reply: Reply) -> None:
        """What the report does say that bears on the question."""
        facts: dict[int, ClaimView] = {}
        for topic in topics:
            for claim in self.c.facts_about(topic, u.places)[:MAX_HITS]:
                facts.setdefault(claim.id, claim)
        if not facts:
            return
        reply.lines.append(bold("What they do say:" if self.c.several else "What it does say:"))
        for claim in list(facts.values())[:MAX_HITS]:
            reply.use(claim.id, claim.article_id)
            reply.lines.append(fmt("• {}", self.c.claim_line(claim)))

    # ----- a wrong premise ----------------------------------------------------------

    def corrections(self, u: Understanding, quotas: list[ClaimView], reply: Reply) -> bool:
        """Say "No" to a figure, change or date the message asserts and the report contradicts."""
        before = len(reply.lines)
        # "how many months to hand over 1 million": a sum to reach, not a claim about a quota.
        operand = Operation.MONTHS_TO_REACH in u.operations
        if quotas and not operand:
            self._wrong_amounts(u, quotas, reply)
        if quotas and not operand:
            self._wrong_period(u, quotas, reply)
        if quotas:
            self._wrong_change(u, quotas, reply)
            self._wrong_dates(u, quotas, reply)
        if len(reply.lines) > before:
            reply.intents.append(Intent.CORRECTION)
            return True
        return False

    def _wrong_amounts(self, u: Understanding, quotas: list[ClaimView], reply: Reply) -> None:
        amounts = [f for f in u.figures if f >= SMALLEST_AMOUNT and not 1900 <= f <= 2100]
        # A wrong figure is set against the quotas it can be about: in the currency typed,
        # else those whose amount the message also typed ("it's 62,000, I read 60,000").
        typed = [*u.currencies, *(["USD"] if Intent.USD in u.intents else [])]
        about = [c for c in quotas if c.currency in typed] or [
            c for c in quotas if c.amount in amounts
        ]
        if about:
            quotas = about
        for value in amounts:
            exact = [c for c in quotas if c.amount == value]
            implied = [c for c in quotas if c.amount is not None and c.amount * 2 == value]
            dollars = [c for c in quotas if c.usd_amount == value]
            if Attribute.WAGES in u.attributes and (exact or implied):
                claim = (exact or implied)[0]
                assert claim.amount is not None
                reply.use(claim.id, claim.article_id)
                reply.lines.append(
                    fmt(
                        "No: {} is not a wage. The report says workers in {} must hand over a "
                        "monthly quota of {} to North Korea{}; it does not say what they are paid.",
                        money(value, claim.currency or ""),
                        claim.place or self.c.country(claim.country),
                        money(claim.amount, claim.currency or ""),
                        f" (doubled, so about {money(claim.amount * 2, claim.currency or '')}, "
                        "implied by “doubled”)"
                        if claim.change == "doubled"
                        else "",
                    )
                )
                continue
            if exact:
                wrong = [c for c in exact if typed and c.currency not in typed]
                for claim in wrong[:1]:
                    assert claim.amount is not None
                    reply.use(claim.id, claim.article_id)
                    dollars_text = f" (nearly {usd(claim.usd_amount)})" if claim.usd_amount else ""
                    reply.lines.append(
                        fmt(
                            "No: the report gives {}{} for {}, not {} {}.",
                            money(claim.amount, claim.currency or ""),
                            dollars_text,
                            self.c.place_label(claim),
                            f"{value:,}",
                            " ".join(c for c in typed if c != claim.currency)
                            or "in another currency",
                        )
                    )
                continue
            if implied or dollars:
                continue
            shown = ", ".join(
                f"{money(c.amount, c.currency or '')} for {self.c.place_label(c)}"
                for c in quotas[:3]
                if c.amount is not None
            )
            for claim in quotas[:3]:
                reply.use(claim.id, claim.article_id)
            asserted = usd(value) if "USD" in typed else f"{value:,}"
            if self.c.several:
                # Figures of several reports, periods and bases: each as its report gives it.
                shown = "; ".join(
                    f"{amount_text(c)}{unit(c)} for {self.c.place_label(c)} ({self.c.report_of(c)})"
                    for c in quotas[:3]
                )
                reply.lines.append(fmt("No: the reports give {}, not {}.", shown, asserted))
                continue
            reply.lines.append(
                fmt("No: the report gives {} a month before the doubling, not {}.", shown, asserted)
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
            reply.lines.append(bold(f"What the reports say of {year}:"))
            for claim in giving:
                reply.use(claim.id, claim.article_id)
                reply.lines.append(fmt("• {}", self.c.claim_line(claim)))
        else:
            self.c.cite_all(reply)
            reply.lines.append(fmt("{} {}.", self.c.no_report("mention"), str(year)))
        for article in self.c.reports.articles:
            reply.cite(article.id)
            when = article_date(article)
            reply.lines.append(
                fmt("The {} report is dated {}.", article.outlet, when)
                if when
                else fmt("The {} report carries no date and gives no year.", article.outlet)
            )
        u.figures = [f for f in u.figures if f not in years]
        if Attribute.YEAR in u.attributes:
            u.attributes.remove(Attribute.YEAR)
        return True

    def _wrong_period(self, u: Understanding, quotas: list[ClaimView], reply: Reply) -> None:
        """ "12,000 yuan a month?" of a one-off levy (or "one-off" of a monthly quota): No.
        Only with several reports or a figure that is not monthly: one report's monthly
        figures are answered as they always were."""
        said = periods_said(u.text)
        if not said or not (self.c.several or self.c.other_periods()):
            return
        seen: set[tuple[object, ...]] = set()
        for claim in [c for c in quotas if c.amount is not None and c.amount in u.figures][:3]:
            period = claim.period or "month"
            same = (claim.article_id, claim.amount, claim.currency, period)
            if period in said or same in seen:
                continue
            seen.add(same)
            reply.use(claim.id, claim.article_id)
            reply.lines.append(
                fmt(
                    "No: {} reports {} for {}{} — {}, not {}.",
                    self.c.reports.by(claim.article_id) if self.c.several else "the report",
                    amount_text(claim),
                    self.c.place_label(claim),
                    unit(claim),
                    "a one-off payment" if is_once(claim) else f"a figure per {period}",
                    " or ".join("one-off" if p == "once" else f"per {p}" for p in said),
                )
            )

    def _wrong_change(self, u: Understanding, quotas: list[ClaimView], reply: Reply) -> None:
        factor = u.change_factor
        if factor is None or factor == 2:
            return
        word = self._factor_words.get(factor, "changed")
        for claim in quotas[:3]:
            if claim.change != "doubled" or claim.amount is None:
                continue
            reply.use(claim.id, claim.article_id)
            reply.lines.append(
                fmt(
                    "No: the report says the quota in {} doubled (from {} a month), not {}.",
                    self.c.place_label(claim),
                    money(claim.amount, claim.currency or ""),
                    word,
                )
            )

    def _wrong_dates(self, u: Understanding, quotas: list[ClaimView], reply: Reply) -> None:
        dated = [c for c in quotas if c.change_date]
        every_date = {c.change_date for c in self.c.quotas() if c.change_date} if u.dates else set()
        for typed in u.dates:
            if typed in every_date or any(d.startswith(f"{typed} ") for d in every_date):
                continue  # a date (or month) the report does give, for this place or another
            for claim in dated[:3]:
                reply.use(claim.id, claim.article_id)
                reply.lines.append(
                    fmt(
                        "No: the report dates the directive behind the change in {} {}, not {} "
                        "(and gives no year).",
                        self.c.place_label(claim),
                        claim.change_date,
                        typed,
                    )
                )
            if not dated:
                other = next((c for c in self.c.quotas() if c.change_date), None)
                elsewhere = (
                    f" (the only date it gives, {other.change_date}, is for the directive "
                    f"behind the change in {self.c.place_label(other)})"
                    if other is not None
                    else ""
                )
                reply.lines.append(
                    fmt(
                        "The report gives no date for the change, so not {} either{}.",
                        typed,
                        elsewhere,
                    )
                )

    # ----- outlets, refusals, sources' own words --------------------------------------

    def trust_outlet(self, reply: Reply) -> None:
        """Asked whether an outlet can be trusted: the report rates none, and nor does the bot."""
        if self.c.several:
            self._trust_outlets(reply)
            return
        article = self.c.snapshot.default_article
        outlets = [a for a in (article.outlet, article.relies_on) if a] if article else []
        reply.lines.append(
            fmt(
                "The report does not rate {}, and I do not rate outlets. What is known about "
                "the sourcing:",
                " or ".join(outlets) or "any outlet",
            )
        )
        if article is not None:
            reply.cite(article.id)
            if article.relies_on:
                reply.lines.append(
                    fmt("• {} relies on reporting by {}.", article.outlet, article.relies_on)
                )
        reply.lines.append(fmt("• {}", self._anonymous_line()))
        if article is not None:
            reply.lines.append(fmt("• {} says: “{}”", article.outlet, article.caveat))

    def _trust_outlets(self, reply: Reply) -> None:
        articles = self.c.reports.articles
        outlets = [o for a in articles for o in (a.outlet, a.relies_on) if o]
        reply.lines.append(
            fmt(
                "None of the {} reports rates {}, and I do not rate outlets. What is known about "
                "the sourcing:",
                f"{len(articles):,}",
                " or ".join(dict.fromkeys(outlets)),
            )
        )
        for article in articles:
            reply.cite(article.id)
            if article.relies_on:
                reply.lines.append(
                    fmt("• {} relies on reporting by {}.", article.outlet, article.relies_on)
                )
        reply.lines.append(fmt("• {}", self._anonymous_line()))
        for article in articles:
            reply.lines.append(fmt("• {}: “{}”", report_label(article), article.caveat))

    def _anonymous_line(self) -> Html:
        names = [
            f"{s.name} (who told {s.told_to})" if s.told_to else s.name
            for s in self.c.snapshot.sources.values()
            if s.kind == "anonymous"
        ]
        return fmt(
            "The claims come from anonymous sources — {} — and from the article's own narration.",
            "; ".join(names) or "none named",
        )

    def refuse_role(self, reply: Reply) -> None:
        reply.lines.append(Html(self.vocabulary.refusals["role_play"]))

    def source_statements(self, u: Understanding, reply: Reply) -> bool:
        """What one source said ("what did the source in China say?"): its own claims."""
        sources = [s for s in self.c.snapshot.sources.values() if s.country in u.countries]
        claims = [
            c for c in self.c.snapshot.active_claims if any(c.source_id == s.id for s in sources)
        ]
        if not claims:
            return False
        for source in sources:
            reply.lines.append(bold(f"What {source.name} said:"))
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
        """Who said a claim ("who said they'd work themselves to death?"), with the claim."""
        # "whose info is the march 10 thing": "whose" asks who said it too.
        if not self.vocabulary.attribution_verbs & set(u.text.split()) and (
            "whose" not in u.text.split()
        ):
            return False
        dated = [c for c in self.c.quotas() if c.change_date and c.change_date in u.dates]
        if dated and "whose" in u.text.split():
            # "whose info is the march 10 thing": the claim that gives that date.
            claim = dated[0]
            reply.use(claim.id, claim.article_id)
            reply.lines.append(fmt("{}", self.c.claim_line(claim)))
            reply.intents.append(Intent.SOURCES)
            return True
        found = self.hits(u.text, ATTRIBUTION_SCORE)
        # "who told them about the loyalty cash in china": a source in that country first.
        sources = self.c.snapshot.sources
        local = [h for h in found if getattr(sources.get(h.claim.source_id), "country", None)
                 in u.countries]  # fmt: skip
        found = (local or found)[:1]
        if not found:
            return False
        claim = found[0].claim
        reply.use(claim.id, claim.article_id)
        reply.lines.append(fmt("{}", self.c.claim_line(claim)))
        reply.intents.append(Intent.SOURCES)
        return True

    def statements(self, text: str, reply: Reply, minimum: float = MIN_SCORE) -> bool:
        """The claims whose words best match the question, with their attribution."""
        found = self.hits(text, minimum)
        if not found:
            return False
        reply.lines.append(
            bold("What the reports say:" if self.c.several else "What the report says:")
        )
        for hit in found:
            reply.use(hit.claim.id, hit.claim.article_id)
            reply.lines.append(fmt("• {}", self.c.claim_line(hit.claim)))
        reply.lines.append(italic("Matched on the words of your question."))
        reply.intents.append(Intent.STATEMENTS)
        return True


def _head(says: str) -> str:
    """What is not said, without the first report's own details (after ":" or "("), which
    need not hold for every report."""
    for mark in (": ", " ("):
        says = says.split(mark, 1)[0]
    return says
