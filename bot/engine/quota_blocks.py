"""Quota answers: a place's block (before, now, when, source), lists, dollars, dates,
basis, comparisons and retractions."""

from __future__ import annotations

from decimal import Decimal

from bot.engine.arithmetic import difference, implied
from bot.engine.claims import BLOCK_LIMIT, IMPLIED, ComposerBase
from bot.engine.numbers import day, money, usd
from bot.engine.reply import Reply
from bot.engine.understand import Understanding
from bot.markup import Html, bold, fmt, italic
from db.views import ClaimView


class QuotaAnswers(ComposerBase):
    def quota_block(self, claim: ClaimView, reply: Reply, *, dollars: bool = True) -> list[Html]:
        reply.use(claim.id, claim.article_id)
        heading = bold(self.place_label(claim))
        if claim.sector:
            heading = fmt("{} — {} workers", heading, claim.sector)
        lines = [heading]
        assert claim.amount is not None and claim.currency is not None
        unit = self.unit(claim).strip()
        approx = "nearly " if claim.usd_is_approx else ""
        dollar_amount = claim.usd_amount if dollars else None

        def figure(amount: Decimal, dollar_phrase: str | None) -> str:
            # "62,000 rubles (RUB), nearly $730, a person a month"
            parts = [money(amount, claim.currency or ""), dollar_phrase, unit]
            return ", ".join(part for part in parts if part)

        before = figure(claim.amount, f"{approx}{usd(dollar_amount)}" if dollar_amount else None)
        new_amount = implied(claim.amount, claim.change)
        if new_amount is not None:
            lines.append(fmt("Before: {}.", before))
            new_dollars = implied(dollar_amount, claim.change) if dollar_amount else None
            doubled_usd = f"about {usd(new_dollars)}" if new_dollars else None
            after = figure(new_amount, doubled_usd)
            lines.append(fmt("Now: doubled, so {} — {}.", after, italic(IMPLIED)))
        elif claim.change == "increased":
            lines.append(fmt("Before: {}.", before))
            lines.append(Html("Now: increased; the report does not give the new amount."))
        else:
            lines.append(fmt("Quota: {}.", before))
        if claim.change_date:
            lines.append(
                fmt(
                    "When: after a directive dated {} (the report gives no year).",
                    claim.change_date,
                )
            )
        elif claim.change and claim.change != "none":
            lines.append(Html("When: the report gives no date for the change."))
        lines.append(self.attribution(claim))
        for support in self.supporting(claim):
            reply.use(support.id, support.article_id)
            lines.append(fmt("Also: {}", self.claim_line(support)))
        return lines

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
        for index, claim in enumerate(shown):
            if index:
                reply.lines.append(Html(""))
            reply.lines.extend(self.quota_block(claim, reply))
        if hidden:
            reply.lines.append(Html(""))
            self.more_line(hidden, "quota figures", reply)

    def answer_list(self, reply: Reply) -> None:
        quotas = self.quotas()
        if not quotas:
            reply.lines.append(Html("The store holds no current quota figures."))
            return
        reply.lines.append(bold("All reported quotas (before the doubling, as reported):"))
        shown, hidden = self.capped(quotas)
        for claim in shown:
            reply.use(claim.id, claim.article_id)
            assert claim.amount is not None and claim.currency is not None
            approx = ""
            if claim.usd_amount is not None:
                approx = f", {'nearly ' if claim.usd_is_approx else ''}{usd(claim.usd_amount)}"
            change = f"; {claim.change}" if claim.change and claim.change != "none" else ""
            reply.lines.append(
                fmt(
                    "• #{} {} — {}: {}{}{}{}",
                    claim.id,
                    self.place_label(claim),
                    claim.sector or "workers",
                    money(claim.amount, claim.currency),
                    approx,
                    self.unit(claim),
                    change,
                )
            )
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
            assert claim.amount is not None and claim.currency is not None
            if claim.usd_amount is None:
                reply.lines.append(
                    fmt("{}: the report gives no dollar figure.", self.place_label(claim))
                )
                continue
            line = fmt(
                "{}: {} is {}{} as the report converts it",
                bold(self.place_label(claim)),
                money(claim.amount, claim.currency),
                "nearly " if claim.usd_is_approx else "",
                usd(claim.usd_amount),
            )
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
        reply.lines.append(italic("The report does not say which exchange rate or date it used."))

    def answer_date(self, u: Understanding, reply: Reply) -> None:
        shown, hidden = self.capped(self.quotas(u) or self.quotas())
        for claim in shown:
            reply.use(claim.id, claim.article_id)
            if claim.change_date:
                reply.lines.append(
                    fmt(
                        "{}: the increase followed a directive from North Korea dated {}. "
                        "The report gives no year.",
                        bold(self.place_label(claim)),
                        claim.change_date,
                    )
                )
            else:
                reply.lines.append(
                    fmt(
                        "{}: the report gives no date for the change.",
                        bold(self.place_label(claim)),
                    )
                )
        self.more_line(hidden, "quota figures", reply)
        article = self.snapshot.default_article
        if article is not None and article.published_on is None:
            reply.lines.append(
                fmt("The {} article itself carries no publication date.", article.outlet)
            )

    def answer_basis(self, u: Understanding, reply: Reply) -> None:
        shown, hidden = self.capped(self.quotas(u) or self.quotas())
        for claim in shown:
            reply.use(claim.id, claim.article_id)
            basis = f"per {claim.basis}" if claim.basis else "basis not stated"
            period = f"per {claim.period}" if claim.period else "period not stated"
            assert claim.amount is not None and claim.currency is not None
            reply.lines.append(
                fmt(
                    "{}: {} is {}, {}.",
                    bold(self.place_label(claim)),
                    money(claim.amount, claim.currency),
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
        for index, claim in enumerate(shown):
            if index:
                reply.lines.append(Html(""))
            reply.lines.extend(self.quota_block(claim, reply))
        reply.lines.append(Html(""))
        self.more_line(hidden, "quota figures", reply)
        changes = {c.change for c in chosen}
        if changes == {"doubled"}:
            both = "Both" if len(chosen) == 2 else f"All {len(chosen):,}"
            reply.lines.append(Html(f"{both} were reported as doubled."))
        with_usd = [c for c in chosen if c.usd_amount is not None]
        if len(with_usd) == len(chosen) == 2:
            high, low = sorted(with_usd, key=lambda c: c.usd_amount or 0, reverse=True)
            assert high.usd_amount is not None and low.usd_amount is not None
            reply.lines.append(
                fmt(
                    "In dollars, as the report converts them, {}'s previous quota ({}) was about "
                    "{} higher than {}'s ({}) — {}.",
                    high.place or self.place_label(high),
                    usd(high.usd_amount),
                    usd(difference(high.usd_amount, low.usd_amount)),
                    low.place or self.place_label(low),
                    usd(low.usd_amount),
                    italic("our arithmetic; the report makes no such comparison"),
                )
            )
