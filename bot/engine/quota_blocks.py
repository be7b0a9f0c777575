"""Quota answers: a place's block (before, now, when, source), lists, dollars, dates,
basis, comparisons and retractions."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from bot.engine import reports, wording
from bot.engine.arithmetic import implied
from bot.engine.bases import compared
from bot.engine.change_lines import change_lines, change_summary, dated_by_order
from bot.engine.claims import BLOCK_LIMIT, IMPLIED, ComposerBase
from bot.engine.date_lines import asks_report_date, change_date_line
from bot.engine.figure_text import change_date_text
from bot.engine.local_names import series
from bot.engine.numbers import day, money, usd
from bot.engine.quota_texts import (
    IMPLIED_SHORT,
    KINDS_ABOUT,
    KINDS_LESS,
    KINDS_MORE,
    NO_NEW_AMOUNT,
    dollar_gap,
    figure_parts,
)
from bot.engine.reply import Reply
from bot.engine.sector_words import names_workplaces
from bot.engine.understanding import Understanding
from bot.engine.wording import N_, _, ngettext
from bot.markup import Html, bold, fmt, italic, plain_format
from db.kinds import FigureChange
from db.views import ClaimView

# A figure the report says changed: a basis answer gives it before and now, not only before.
_CHANGED = (FigureChange.DOUBLED, FigureChange.INCREASED, FigureChange.DECREASED)


class QuotaAnswers(ComposerBase):
    def quota_block(self, claim: ClaimView, reply: Reply, *, dollars: bool = True) -> list[Html]:
        reply.use(claim.id, claim.article_id)
        heading = bold(self.place_label(claim))
        if claim.sector:
            template = _("{place} — {sector} workers")
            if names_workplaces(claim.sector):
                template = _("{place} — workers in {sector}")  # "Dubai — workers in restaurants"
            heading = fmt(template, place=heading, sector=self.sector(claim.sector))
        if self.several:
            heading = fmt(
                _("{heading} — as reported by {report}"),
                heading=heading,
                report=self.report_of(claim),
            )
        lines = [heading]
        lines += self.figure_lines(claim, dollars=dollars)
        as_reported = reports.basis_as_reported(claim)
        if as_reported:
            lines.append(fmt(_("Basis, in the report's words: {basis}."), basis=as_reported))
        if claim.change == FigureChange.NEW:
            lines.append(Html(_("Change: a new demand, as reported.")))
        elif claim.change == FigureChange.UNCHANGED:  # "did it change?" is answered too
            lines.append(Html(_("Change: unchanged, as reported.")))
        when = change_date_text(claim)
        if when and reports.value(claim, "change_on") is not None:
            # The report dates it with its year ("March 10, 2024").
            lines.append(fmt(_("When: {date}."), date=when))
        elif when and dated_by_order(claim):
            lines.append(
                fmt(
                    _("When: after a directive dated {date} (the report gives no year)."), date=when
                )
            )
        elif when:  # "cut in September": the change's own date, not a directive's
            lines.append(fmt(_("When: {date} (the report gives no year)."), date=when))
        elif claim.change and claim.change not in ("none", "new", "unchanged"):
            lines.append(Html(_("When: the report gives no date for the change.")))
        lines.append(self.attribution(claim))
        for support in self.supporting(claim):
            reply.use(support.id, support.article_id)
            lines.append(fmt(_("Also: {claim}"), claim=self.claim_line(support)))
        for earlier in self.reports.earlier.get(claim.id, ()):
            lines.append(self.earlier_line(earlier, reply))
        return lines

    def figure_lines(self, claim: ClaimView, *, dollars: bool = True) -> list[Html]:
        """The figure's before and now lines: the stated amount, and a changed one as reported
        or as our labelled arithmetic (a place's block, and a basis answer for a changed figure)."""
        lines: list[Html] = []
        assert claim.currency is not None or claim.amount is None
        unit = self.unit(claim).strip()
        dollar_phrase = reports.dollars_text(claim) if dollars else None

        def figure(amount: Decimal | None, dollar_text: str | None) -> str:
            # "62,000 rubles (RUB), nearly $730, a person a month"
            return figure_parts(reports.amount_text(claim, amount), dollar_text, unit)

        before = figure(None, dollar_phrase)
        new_amount = implied(claim.amount, claim.change_from_amount) if claim.amount else None
        stated_to = reports.value(claim, "amount_to")
        shaped = change_lines(claim, figure, before, dollars)
        if shaped is not None:  # a percentage, or only the amount after the change
            lines += shaped
        elif new_amount is not None:
            lines.append(fmt(_("Before: {figure}."), figure=before))
            usd_amount = claim.usd_amount if dollars else None
            new_dollars = implied(usd_amount, claim.change_from_amount) if usd_amount else None
            doubled_usd = (
                _("about {amount}").format(amount=usd(new_dollars)) if new_dollars else None
            )
            after = figure(new_amount, doubled_usd)
            lines.append(
                fmt(
                    _("Now: doubled, so {figure} — {implied}."),
                    figure=after,
                    implied=italic(_(IMPLIED)),
                )
            )
        elif stated_to is not None:
            # "from X to Y": the report states both figures.
            usd_to = reports.value(claim, "usd_to") if dollars else None
            lines.append(fmt(_("Before: {figure}."), figure=before))
            now = figure(stated_to, usd(usd_to) if usd_to else None)
            lines.append(fmt(_("Now: {figure}."), figure=now))
        elif claim.change in NO_NEW_AMOUNT:  # "increased", and no new amount or percentage
            lines.append(fmt(_("Before: {figure}."), figure=before))
            lines.append(Html(_(NO_NEW_AMOUNT[claim.change])))
        elif reports.is_once(claim):
            lines.append(fmt(_("One-off payment: {figure}."), figure=before))
        else:
            lines.append(fmt(_("Quota: {figure}."), figure=before))
        return lines

    def earlier_line(self, claim: ClaimView, reply: Reply) -> Html:
        """A figure a later one supersedes: "Reported earlier: … (HNGN, undated) [#2]"."""
        reply.use(claim.id, claim.article_id)
        parts = [reports.amount_text(claim), reports.dollars_text(claim), self.unit(claim).strip()]
        return fmt(
            _("Reported earlier: {figure} ({report}) [#{id}]"),
            figure=figure_parts(*parts),
            report=self.report_of(claim),
            id=claim.id,
        )

    def retraction_line(self, claim: ClaimView, reply: Reply) -> Html:
        reply.use(claim.id, claim.article_id)
        when = day(claim.retracted_at) if claim.retracted_at else _("an unknown date")
        if claim.retraction_reason:
            return fmt(
                _(
                    "The figure for {place} (#{id}) was retracted on {date}: {reason}. "
                    "It is no longer reported as current."
                ),
                place=self.place_label(claim),
                id=claim.id,
                date=when,
                reason=claim.retraction_reason,
            )
        return fmt(
            _(
                "The figure for {place} (#{id}) was retracted on {date}. "
                "It is no longer reported as current."
            ),
            place=self.place_label(claim),
            id=claim.id,
            date=when,
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
            reply.lines.append(Html(_("The store holds no current quota figures.")))
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
            total = reports.count(len(articles))
            if not undated:
                template = ngettext(
                    "{count} report gives figures for {place}: all are shown, newest report "
                    "first; none is picked as the right one.",
                    "{count} reports give figures for {place}: all are shown, newest report "
                    "first; none is picked as the right one.",
                    len(articles),
                )
            else:
                # An undated report may be the newer one: the order says only what is known.
                template = ngettext(
                    "{count} reports give figures for {place}: all are shown, dated reports "
                    "first, newest first ({undated} carries no date, so which is newer is not "
                    "known); none is picked as the right one.",
                    "{count} reports give figures for {place}: all are shown, dated reports "
                    "first, newest first ({undated} carry no date, so which is newer is not "
                    "known); none is picked as the right one.",
                    len(undated),
                )
            # (plain_format: the Russian text asks the place's case, "Цифры для Китая")
            sentence = plain_format(template, count=total, place=place, undated=series(undated))
            reply.lines.append(italic(sentence))

    def answer_list(self, reply: Reply) -> None:
        quotas = self.quotas()
        if not quotas:
            reply.lines.append(Html(_("The store holds no current quota figures.")))
            return
        if self.several:
            total = len(self.reports.articles)
            reply.lines.append(
                bold(
                    ngettext(
                        "All reported figures, from {count} report ({reports}):",
                        "All reported figures, from {count} reports ({reports}):",
                        # (English reads "from 1 reports" as it always did)
                        max(total, 2) if wording.is_english() else total,
                    ).format(count=reports.count(total), reports=self.reports.names())
                )
            )
        else:
            reply.lines.append(bold(_("All reported quotas (before the doubling, as reported):")))
        shown, hidden = self.capped(quotas)
        for claim in shown:
            reply.use(claim.id, claim.article_id)
            dollars = reports.dollars_text(claim)
            approx = _(", {dollars}").format(dollars=dollars) if dollars else ""
            change = ""
            if claim.change and claim.change != "none":
                change = _("; {change}").format(change=change_summary(claim))
            reply.lines.append(
                fmt(
                    _("• #{id} {place} — {sector}: {amount}{dollars}{unit}{change}{report}"),
                    id=claim.id,
                    place=self.place_label(claim),
                    sector=self.sector(claim.sector) or _("workers"),
                    amount=reports.amount_text(claim),
                    dollars=approx,
                    unit=self.unit(claim),
                    change=change,
                    report=self.from_report(claim),
                )
            )
            for earlier in self.reports.earlier.get(claim.id, ()):
                reply.lines.append(fmt("  {}", self.earlier_line(earlier, reply)))
        self.more_line(hidden, "quota figures", reply)
        if any(c.change_from_amount == "doubled" for c in shown):
            reply.lines.append(
                italic(
                    _(
                        "Doubled figures are implied by “doubled”; the report states only the "
                        "old ones."
                    )
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
                        _("{place}{report}: the report gives no dollar figure."),
                        place=self.place_label(claim),
                        report=self.from_report(claim),
                    )
                )
                continue
            period = ""
            if self.several and claim.period != "month":
                period = _(" — {unit}").format(unit=self.unit(claim).strip())
            fields = {
                "place": bold(self.place_label(claim)),
                "report": self.from_report(claim),
                "amount": reports.amount_text(claim),
                "dollars": reports.dollars_text(claim),
                "period": period,
            }
            if claim.change_from_amount == "doubled":
                now = usd(implied(claim.usd_amount, claim.change_from_amount) or claim.usd_amount)
                template = _(
                    "{place}{report}: {amount} is {dollars} as the report converts it{period}; "
                    "doubled, about {now} (implied by “doubled”, from the report's own "
                    "conversion)."
                )
                reply.lines.append(fmt(template, now=now, **fields))
            else:
                template = _(
                    "{place}{report}: {amount} is {dollars} as the report converts it{period}."
                )
                reply.lines.append(fmt(template, **fields))
        self.more_line(hidden, "quota figures", reply)
        reply.lines.append(
            italic(
                _("The reports do not say which exchange rate or date they used.")
                if self.several
                else _("The report does not say which exchange rate or date it used.")
            )
        )

    def answer_date(self, u: Understanding, reply: Reply) -> None:
        shown: Sequence[ClaimView] = []
        hidden = 0
        if not asks_report_date(u, self.narrowed):
            shown, hidden = self.capped(self.quotas(u) or self.quotas())
        for claim in shown:
            reply.use(claim.id, claim.article_id)
            where = fmt("{}{}", bold(self.place_label(claim)), self.from_report(claim))
            reply.lines.append(change_date_line(claim, where))
        self.more_line(hidden, "quota figures", reply)
        no_date = N_("The {outlet} article itself carries no publication date.")
        if self.several:
            # A place asked: the dates of the reports its figures come from, not every one.
            cited = {c.article_id for c in shown} if u.has_subject else set()
            for report in self.reports.articles:
                if cited and report.id not in cited:
                    continue
                published = reports.article_date(report)
                reply.cite(report.id)
                dated = _("The {outlet} report is dated {date}.")
                reply.lines.append(
                    fmt(dated, outlet=report.outlet, date=published)
                    if published
                    else fmt(_(no_date), outlet=report.outlet)
                )
            return
        article = self.snapshot.default_article
        if article is not None and article.published_on is None:
            reply.lines.append(fmt(_(no_date), outlet=article.outlet))

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
            now = implied(claim.amount, claim.change_from_amount)
            bigger = max(claim.amount, now or claim.amount)
            if once.amount > bigger:
                template = KINDS_MORE
            elif once.amount < claim.amount:
                template = KINDS_LESS
            else:
                template = KINDS_ABOUT
            doubled = ""
            if now:
                doubled = _(", {amount} now, {implied}").format(
                    amount=money(now, claim.currency or ""), implied=_(IMPLIED_SHORT)
                )
            if wording.is_english():
                once_unit = self.unit(once).split(",")[0]
            else:
                once_unit = reports.unit(once, deadline=False)
            reply.lines.append(
                fmt(
                    _(template),
                    outlet=self.snapshot.articles[once.article_id].outlet,
                    amount=reports.amount_text(once),
                    unit=once_unit,
                    other=self.snapshot.articles[claim.article_id].outlet,
                    place=self.place_label(claim),
                    monthly=money(claim.amount, claim.currency or ""),
                    doubled=doubled,
                )
            )

    def answer_basis(self, u: Understanding, reply: Reply) -> None:
        shown, hidden = self.capped(self.quotas(u) or self.quotas())
        for claim in shown:
            reply.use(claim.id, claim.article_id)
            basis = reports.basis_words(claim, "per") or _("basis not stated")
            as_reported = reports.basis_as_reported(claim)
            if as_reported:
                basis = _("{basis} (in the report's words: {words})").format(
                    basis=basis, words=as_reported
                )
            if reports.is_once(claim):
                period = _("paid once (a one-off)")
            else:
                period = reports.per_period(claim.period) if claim.period else ""
                period = period or _("period not stated")
            changed = self.figure_lines(claim) if claim.change in _CHANGED else []
            both = _("{place}{report}: the figures are {basis}, {period}.")  # (not today's amount)
            line = both if changed else _("{place}{report}: {amount} is {basis}, {period}.")
            reply.lines.append(
                fmt(
                    line,
                    place=bold(self.place_label(claim)),
                    report=self.from_report(claim),
                    amount=reports.amount_text(claim),
                    basis=basis,
                    period=period,
                )
            )
            if not set(changed) <= set(reply.lines):  # (not where its block says it already)
                reply.lines.extend(changed)  # the stated figure is not today's: say so
        self.more_line(hidden, "quota figures", reply)

    def answer_compare(self, u: Understanding, reply: Reply) -> None:
        chosen = compared(u, self.quotas(u), self.quotas())  # (with a basis named: bases.py)
        if len(chosen) < 2:
            self.answer_quota(u, reply)
            return
        shown, hidden = self.capped(chosen, BLOCK_LIMIT)
        # Each report labelled once (its label depends on its id alone), not each claim.
        ids = dict.fromkeys(c.article_id for c in chosen)
        across = dict.fromkeys(self.reports.label(a) for a in ids)
        if len(across) > 1:
            reply.lines.append(
                italic(
                    ngettext(
                        "A comparison across {count} report ({reports}): each figure is as its "
                        "own report gives it.",
                        "A comparison across {count} reports ({reports}): each figure is as its "
                        "own report gives it.",
                        len(across),
                    ).format(count=reports.count(len(across)), reports=_("; ").join(across))
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
            if len(chosen) == 2:
                reply.lines.append(Html(_("Both were reported as doubled.")))
            else:
                every = ngettext(
                    "All {count} were reported as doubled.",
                    "All {count} were reported as doubled.",
                    len(chosen),
                )
                reply.lines.append(fmt(every, count=reports.count(len(chosen))))
        with_usd = [c for c in chosen if c.usd_amount is not None]
        periods = {(c.period, c.basis) for c in chosen}
        if len(with_usd) == len(chosen) == 2 and len(periods) > 1:
            first, second = (self.unit(c).strip() for c in chosen)
            reply.lines.append(
                fmt(
                    _(
                        "Their dollar figures are not compared: they are not for the same "
                        "period and basis ({first} against {second})."
                    ),
                    first=first,
                    second=second,
                )
            )
        elif len(with_usd) == len(chosen) == 2:
            named = lambda c: self.local_place(c) or self.place_label(c)  # noqa: E731
            reply.lines.append(dollar_gap(with_usd, len(across) > 1, named))
