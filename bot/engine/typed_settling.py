"""What a part's typed figures settle once its words are read: the figures and dates it
asserts (none where it tells the bot what to state), a head count, a span, a change or gap
asserted, a reason asked, and the asks those figures rule out."""

from __future__ import annotations

from bot.engine.figures import Typed, mentions_own_pay
from bot.engine.language import Language
from bot.engine.part_readings import (
    asserted_change,
    dated_gap,
    one_place_difference,
    reason_asked,
)
from bot.engine.telling import reports_a_claim
from bot.engine.understanding import Understanding, add_once
from bot.engine.vocabulary import Attribute, Intent, Operation, Vocabulary


def settle_typed(
    piece: str, segment: Understanding, typed: Typed, instructed: bool, data: Vocabulary
) -> None:
    """Settle ``segment`` (read from ``piece``) by the figures typed in it."""
    language = segment.language
    # A figure the message tells the bot to state is no figure it asserts.
    instructed = instructed or segment.role_play
    for name in ("dates",) if instructed else ("dates", "figures"):
        for value in getattr(typed, name):
            add_once(getattr(segment, name), value)
    segment.months = segment.months if typed.months is None else typed.months
    segment.headcount = typed.headcount
    segment.own_figures = typed.own
    segment.days_in_month = typed.days_in_month
    segment.days = typed.days
    if (typed.days or typed.days_in_month) and segment.operations and not typed.dates:
        # "over a 30 day month", "365 days": a count of days for a sum, not a date asked.
        segment.intents = [i for i in segment.intents if i != Intent.DATE]
        segment.weak_intents = [i for i in segment.weak_intents if i != Intent.DATE]
        add_once(segment.intents, Intent.QUOTA)  # "what's that over a 30 day month": a sum
    segment.at_least, segment.at_most = typed.at_least, typed.at_most
    segment.change_factor = asserted_change(piece, segment.change_factor, data.change_words)
    segment.change_asked = segment.change_asked or one_place_difference(piece, segment, data)
    segment.pair_asked = segment.pair_asked or dated_gap(piece, segment, data)
    if (segment.at_least or segment.at_most) and len(segment.places + segment.countries) < 2:
        # "is dalian more than 3,000 yuan": a bound on one figure, no other place to compare
        segment.intents = [i for i in segment.intents if i != Intent.COMPARE]
    reason_asked(piece, segment, data)
    if segment.months and (Operation.TOTAL in segment.operations or segment.amount_hinted):
        # "2 years at the new quota, how much goes to the state in total": a sum over a
        # span of what is paid, not what the money is spent on.
        segment.attributes = [a for a in segment.attributes if a != Attribute.SPENDING]
    if (
        Intent.SOURCES in segment.intents
        and reports_a_claim(piece, language)
        and not (segment.amount_hinted or segment.figures or segment.operations)
    ):
        # "кто сказал, что квоту удвоили", "«…» — кто это сказал": the claim said, not
        # an amount asked ("whats the sakhalin quota and who said it" asks it).
        segment.intents = [i for i in segment.intents if i != Intent.QUOTA]
    periods = {Operation.PER_DAY, Operation.PER_WEEK, Operation.PER_YEAR}
    money = segment.currencies or {Intent.QUOTA, Intent.USD} & set(segment.intents)
    if periods & set(segment.operations) and (typed.days or typed.figures) and money:
        # "45 a day, how much a week with no days off": the days off are what the sum
        # supposes, not an ask about the workers' rest.
        segment.attributes = [a for a in segment.attributes if a != Attribute.TIME_OFF]
    if mentions_own_pay(piece) or (typed.own and language is not Language.EN):
        # "more than my whole salary": the pay asked about is the asker's own.
        segment.attributes = [a for a in segment.attributes if a != Attribute.WAGES]
