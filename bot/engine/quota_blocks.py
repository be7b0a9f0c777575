"""Quota answers: a place's block (before, now, when, source), lists, dollars, dates,
basis, comparisons and retractions."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from bot.engine import reports
from bot.engine.arithmetic import difference, implied
from bot.engine.claims import BLOCK_LIMIT, IMPLIED, ComposerBase
from bot.engine.numbers import day, money, usd
from bot.engine.reply import Reply
from bot.engine.understand import Understanding
from bot.markup import Html, bold, fmt, italic
from db.views import ClaimView

IMPLIED_SHORT = "implied by “doubled”"


class QuotaAnswers(ComposerBase):
    def quota_block(self, claim: ClaimView, reply: Reply, *, dollars: bool = True) -> list[Html]:
        reply.use(claim.id, claim.article_id)
        heading = bold(self.place_label(claim))
        if claim.sector:
            heading = fmt("{} — {} workers", heading, claim.sector)
        if self.several:
            heading = fmt("{} — as reported by {}", heading, self.report_of(claim))
        lines = [heading]
        assert claim.currency is not None or claim.amount is None
        unit = self.unit(claim).strip()
        dollar_phrase = reports.dollars_text(claim) if dollars else None

        def figure(amount: Decimal | None, dollar_text: str | None) -> str:
            # "62,000 rubles (RUB), nearly $730, a person a month"
            parts = [reports.amount_text(claim, amount), dollar_text, unit]
            return ", ".join(part for part in parts if part)

        before = figure(None, dollar_phrase)
        new_amount = implied(claim.amount, claim.change) if claim.amount is not None else None
        stated_to = reports.value(claim, "amount_to")
        if new_amount is not None:
            lines.append(fmt("Before: {}.", before))
            usd_amount = claim.usd_amount if dollars else None
            new_dollars = implied(usd_amount, claim.change) if usd_amount else None
            doubled_usd = f"about {usd(new_dollars)}" if new_dollars else None
            after = figure(new_amount, doubled_usd)
            lines.append(fmt("Now: doubled, so {} — {}.", after, italic(IMPLIED)))
        elif stated_to is not None:
            # "from X to Y": the report states both figures.
            usd_to = reports.value(claim, "usd_to") if dollars else None
            lines.append(fmt("Before: {}.", before))
            lines.append(fmt("Now: {}.", figure(stated_to, usd(usd_to) if usd_to else None)))
        elif claim.change in ("increased", "decreased"):
            lines.append(fmt("Before: {}.", before))
            lines.append(Html(f"Now: {claim.change}; the report does not give the new amount."))
        elif reports.is_once(claim):
            lines.append(fmt("One-off payment: {}.", before))
        else:
            lines.append(fmt("Quota: {}.", before))
        as_reported = reports.basis_as_reported(claim)
        if as_reported:
            lines.append(fmt("Basis, in the report's words: {}.", as_reported))
        if claim.change == "new":
            lines.append(Html("Change: a new demand, as reported."))
        if claim.change_date and reports.value(claim, "change_on") is not None:
            # The report dates it with its year ("March 10, 2024").
            lines.append(fmt("When: {}.", claim.change_date))
        elif claim.change_date:
            lines.append(
                fmt(
                    "When: after a directive dated {} (the report gives no year).",
                    claim.change_date,
                )
            )
        elif claim.change and claim.change not in ("none", "new", "unchanged"):
            lines.append(Html("When: the report gives no date for the change."))
        lines.append(self.attribution(claim))
        for support in self.supporting(claim):
            reply.use(support.id, support.article_id)
            lines.append(fmt("Also: {}", self.claim_line(support)))
        for earlier in self.reports.earlier.get(claim.id, ()):
            lines.append(self.earlier_line(earlier, reply))
        return lines

    def earlier_line(self, claim: ClaimView, reply: Reply) -> Html:
        """A figure a later one supersedes: "Reported earlier: … (HNGN, undated) [#2]"."""
        reply.use(claim.id, claim.article_id)
        parts = [reports.amount_text(claim), reports.dollars_text(claim), self.unit(claim).strip()]
        return fmt(
            "Reported earlier: {} ({}) [#{}]",
            ", ".join(p for p in parts if p),
            self.report_of(claim),
            claim.id,
        )

    def retraction_line(self, claim: ClaimView, reply: Reply) -> Html:
        reply.use(claim.id, claim.article_id)
        when = day(claim.retracted_at) if claim.retracted_at else "an unknown date"
        reason = f": {claim.retraction_reason}" if claim.retraction_reason else ""
        return fmt(
            "The figure for {} (#{}) was retracted on {}{}. It is no longer reported as current.",
            self.place_label(claim),
            claim.id,
            when,
            reason,
        )

    def answer_quota(self, u: Understanding, reply: Reply) -> None:
        chosen = self.quotas(u)
        if not chosen and u.has_subject:
            retracted, hidden = self.capped(self.quotas(u, active=False))
            if retracted:
                reply.lines.extend(self.retraction_line(c, reply) for c in retracted)
                self.more_line(hidden, "retracted figures", reply)
                return
            self.say_not_covered(u, reply)
            return
        if not chosen:
            reply.lines.append(Html("The store holds no current quota figures."))
            return
        shown, hidden = self.capped(chosen, BLOCK_LIMIT)
        self.disagreement_line(shown, reply)
        for index, claim in enumerate(shown):
            if index:
                reply.lines.append(Html(""))
            reply.lines.extend(self.quota_block(claim, reply))
        if hidden:
            reply.lines.append(Html(""))
            self.more_line(hidden, "quota figures", reply)

    def disagreement_line(self, claims: Sequence[ClaimView], reply: Reply) -> None:
        """Said before the blocks when reports differ on a place: none is picked."""
        for place in self.disagreements(claims):
            articles = dict.fromkeys(c.article_id for c in claims if self.where(c) == place)
            undated = [
                self.snapshot.articles[i].outlet
                for i in articles
                if i in self.snapshot.articles and self.snapshot.articles[i].published_on is None
            ]
            order = "newest report first"
            if undated:
                # An undated report may be the newer one: the order says only what is known.
                order = (
                    f"dated reports first, newest first ({' and '.join(undated)} "
                    f"{'carries' if len(undated) == 1 else 'carry'} no date, so which is "
                    "newer is not known)"
                )
            reply.lines.append(
                italic(
                    f"{len(articles):,} reports give figures for {place}: all are shown, "
                    f"{order}; none is picked as the right one."
                )
            )

    def answer_list(self, reply: Reply) -> None:
        quotas = self.quotas()
        if not quotas:
            reply.lines.append(Html("The store holds no current quota figures."))
            return
        if self.several:
            reply.lines.append(
                bold(
                    f"All reported figures, from {len(self.reports.articles):,} reports "
                    f"({self.reports.names()}):"
                )
            )
        else:
            reply.lines.append(bold("All reported quotas (before the doubling, as reported):"))
        shown, hidden = self.capped(quotas)
        for claim in shown:
            reply.use(claim.id, claim.article_id)
            dollars = reports.dollars_text(claim)
            approx = f", {dollars}" if dollars else ""
            change = f"; {claim.change}" if claim.change and claim.change != "none" else ""
            reply.lines.append(
                fmt(
                    "• #{} {} — {}: {}{}{}{}{}",
                    claim.id,
                    self.place_label(claim),
                    claim.sector or "workers",
                    reports.amount_text(claim),
                    approx,
                    self.unit(claim),
                    change,
                    self.from_report(claim),
                )
            )
            for earlier in self.reports.earlier.get(claim.id, ()):
                reply.lines.append(fmt("  {}", self.earlier_line(earlier, reply)))
        self.more_line(hidden, "quota figures", reply)
        if any(c.change == "doubled" for c in shown):
            reply.lines.append(
                italic(
                    "Doubled figures are implied by “doubled”; the report states only the old ones."
                )
            )

    def answer_usd(self, u: Understanding, reply: Reply) -> None:
        chosen = self.quotas(u) if u.has_subject and not u.currencies else self.quotas()
        if u.places and u.currencies:  # "62000 roubles (sakhalin's) in usd": that place's
            chosen = [claim for claim in chosen if claim.place in u.places]
        if u.has_subject and not u.currencies and not chosen:
            self.say_not_covered(u, reply)
            return
        shown, hidden = self.capped(chosen)
        for claim in shown:
            reply.use(claim.id, claim.article_id)
            if claim.usd_amount is None:
                reply.lines.append(
                    fmt(
                        "{}{}: the report gives no dollar figure.",
                        self.place_label(claim),
                        self.from_report(claim),
                    )
                )
                continue
            line = fmt(
                "{}{}: {} is {} as the report converts it",
                bold(self.place_label(claim)),
                self.from_report(claim),
                reports.amount_text(claim),
                reports.dollars_text(claim),
            )
            if self.several and claim.period != "month":
                line = fmt("{} — {}", line, self.unit(claim).strip())
            if claim.change == "doubled":
                line = fmt(
                    "{}; doubled, about {} ({}, from the report's own conversion).",
                    line,
                    usd(implied(claim.usd_amount, claim.change) or claim.usd_amount),
                    "implied by “doubled”",
                )
            else:
                line = fmt("{}.", line)
            reply.lines.append(line)
        self.more_line(hidden, "quota figures", reply)
        reply.lines.append(
            italic(
                "The reports do not say which exchange rate or date they used."
                if self.several
                else "The report does not say which exchange rate or date it used."
            )
        )

    def answer_date(self, u: Understanding, reply: Reply) -> None:
        shown, hidden = self.capped(self.quotas(u) or self.quotas())
        for claim in shown:
            reply.use(claim.id, claim.article_id)
            where = fmt("{}{}", bold(self.place_label(claim)), self.from_report(claim))
            deadline = reports.deadline_text(claim)
            if claim.change_date and reports.value(claim, "change_on") is not None:
                reply.lines.append(fmt("{}: {}.", where, claim.change_date))
            elif claim.change_date:
                reply.lines.append(
                    fmt(
                        "{}: the increase followed a directive from North Korea dated {}. "
                        "The report gives no year.",
                        where,
                        claim.change_date,
                    )
                )
            elif deadline:
                reply.lines.append(
                    fmt(
                        "{}: {}{}, to be paid {}.",
                        where,
                        reports.amount_text(claim),
                        reports.unit(claim, deadline=False),
                        deadline,
                    )
                )
            else:
                reply.lines.append(fmt("{}: the report gives no date for the change.", where))
        self.more_line(hidden, "quota figures", reply)
        if self.several:
            for report in self.reports.articles:
                when = reports.article_date(report)
                reply.cite(report.id)
                reply.lines.append(
                    fmt("The {} report is dated {}.", report.outlet, when)
                    if when
                    else fmt("The {} article itself carries no publication date.", report.outlet)
                )
            return
        article = self.snapshot.default_article
        if article is not None and article.published_on is None:
            reply.lines.append(
                fmt("The {} article itself carries no publication date.", article.outlet)
            )

    def kinds_line(self, chosen: Sequence[ClaimView], reply: Reply) -> None:
        """A one-off set against a monthly quota in one currency: which is more, in words
        (no new figure), and that they are not the same kind of payment."""
        once = next((c for c in chosen if reports.is_once(c) and c.amount is not None), None)
        monthly = [
            c
            for c in chosen
            if reports.is_monthly(c) and once is not None and c.currency == once.currency
        ]
        if once is None or not monthly or once.amount is None:
            return
        for claim in monthly[:3]:
            if claim.amount is None:
                continue
            now = implied(claim.amount, claim.change)
            bigger = max(claim.amount, now or claim.amount)
            if once.amount > bigger:
                verdict = "more than one month of"
            elif once.amount < claim.amount:
                verdict = "less than one month of"
            else:
                verdict = "about as much as one month of, or less than,"
            doubled = f", {money(now, claim.currency or '')} now, {IMPLIED_SHORT}" if now else ""
            reply.lines.append(
                fmt(
                    "{}'s {}{} is {} {}'s quota for {} ({} a month{}); but {}'s is paid once and "
                    "{}'s every month: not the same kind of payment.",
                    self.snapshot.articles[once.article_id].outlet,
                    reports.amount_text(once),
                    self.unit(once).split(",")[0],
                    verdict,
                    self.snapshot.articles[claim.article_id].outlet,
                    self.place_label(claim),
                    money(claim.amount, claim.currency or ""),
                    doubled,
                    self.snapshot.articles[once.article_id].outlet,
                    self.snapshot.articles[claim.article_id].outlet,
                )
            )

    def answer_basis(self, u: Understanding, reply: Reply) -> None:
        shown, hidden = self.capped(self.quotas(u) or self.quotas())
        for claim in shown:
            reply.use(claim.id, claim.article_id)
            basis = reports.basis_words(claim, "per") or "basis not stated"
            as_reported = reports.basis_as_reported(claim)
            if as_reported:
                basis = f"{basis} (in the report's words: {as_reported})"
            if reports.is_once(claim):
                period = "paid once (a one-off)"
            else:
                period = f"per {claim.period}" if claim.period else "period not stated"
            reply.lines.append(
                fmt(
                    "{}{}: {} is {}, {}.",
                    bold(self.place_label(claim)),
                    self.from_report(claim),
                    reports.amount_text(claim),
                    basis,
                    period,
                )
            )
        self.more_line(hidden, "quota figures", reply)

    def answer_compare(self, u: Understanding, reply: Reply) -> None:
        selected = self.quotas(u)
        chosen = selected if len(selected) >= 2 else self.quotas()
        if len(chosen) < 2:
            self.answer_quota(u, reply)
            return
        shown, hidden = self.capped(chosen, BLOCK_LIMIT)
        across = dict.fromkeys(self.report_of(c) for c in chosen)
        if len(across) > 1:
            reply.lines.append(
                italic(
                    f"A comparison across {len(across):,} reports ({'; '.join(across)}): "
                    "each figure is as its own report gives it."
                )
            )
        for index, claim in enumerate(shown):
            if index:
                reply.lines.append(Html(""))
            reply.lines.extend(self.quota_block(claim, reply))
        reply.lines.append(Html(""))
        self.more_line(hidden, "quota figures", reply)
        self.kinds_line(chosen, reply)
        changes = {c.change for c in chosen}
        if changes == {"doubled"}:
            both = "Both" if len(chosen) == 2 else f"All {len(chosen):,}"
            reply.lines.append(Html(f"{both} were reported as doubled."))
        with_usd = [c for c in chosen if c.usd_amount is not None]
        periods = {(c.period, c.basis) for c in chosen}
        if len(with_usd) == len(chosen) == 2 and len(periods) > 1:
            reply.lines.append(
                Html(
                    "Their dollar figures are not compared: they are not for the same period "
                    "and basis (" + " against ".join(self.unit(c).strip() for c in chosen) + ")."
                )
            )
        elif len(with_usd) == len(chosen) == 2:
            in_words = "as the report converts them"
            if len(across) > 1:
                in_words = "as their reports convert them"
            high, low = sorted(with_usd, key=lambda c: c.usd_amount or 0, reverse=True)
            assert high.usd_amount is not None and low.usd_amount is not None
            reply.lines.append(
                fmt(
                    "In dollars, {}, {}'s previous quota ({}) was about "
                    "{} higher than {}'s ({}) — {}.",
                    in_words,
                    high.place or self.place_label(high),
                    usd(high.usd_amount),
                    usd(difference(high.usd_amount, low.usd_amount)),
                    low.place or self.place_label(low),
                    usd(low.usd_amount),
                    italic("our arithmetic; the report makes no such comparison"),
                )
            )
