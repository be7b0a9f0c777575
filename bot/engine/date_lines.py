"""A figure's date line in a date answer: when its change came, else its deadline, else
that the report gives no date; and whether a date question asks the report's own date."""

from __future__ import annotations

from bot.engine import reports
from bot.engine.change_lines import change_words, dated_by_order
from bot.engine.figure_text import change_date_text
from bot.engine.understanding import Understanding
from bot.engine.vocabulary import Intent
from bot.engine.wording import _
from bot.markup import Html, fmt
from db.views import ClaimView


def change_date_line(claim: ClaimView, where: Html) -> Html:
    deadline = reports.deadline_text(claim)
    when = change_date_text(claim)
    if when and reports.value(claim, "change_on") is not None:
        return fmt(_("{place}: {date}."), place=where, date=when)
    if when and not dated_by_order(claim):  # "cut in September": the change's own date
        return fmt(
            _("{place}: {change} in {date}, as reported. The report gives no year."),
            place=where,
            change=change_words(claim),
            date=when,
        )
    if when:
        return fmt(
            _(
                "{place}: the increase followed a directive from North Korea dated "
                "{date}. The report gives no year."
            ),
            place=where,
            date=when,
        )
    if deadline:
        return fmt(
            _("{place}: {amount}{unit}, to be paid {deadline}."),
            place=where,
            amount=reports.amount_text(claim),
            unit=reports.unit(claim, deadline=False),
            deadline=deadline,
        )
    return fmt(_("{place}: the report gives no date for the change."), place=where)


def asks_report_date(u: Understanding, narrowed: bool) -> bool:
    """ "when did Example Almanac run the story": a report named and nothing of its figures
    asked (no place, topic, change or quota), so its date alone, not each change's."""
    return narrowed and not (
        u.has_subject
        or u.topics
        or u.change_asked
        or u.change_factor is not None
        or Intent.QUOTA in u.intents
    )
