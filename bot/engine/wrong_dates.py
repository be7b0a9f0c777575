"""A date the message types that the report does not give for the place asked: "No" with
the date it gives ("it went up on march 15 in dalian"), or, when the date is the one the
report gives for another place ("the march 10 order was for the russia side"), whose it is.
"""

from __future__ import annotations

from bot.engine.compose import Composer
from bot.engine.phrases import local_date
from bot.engine.reply import Reply
from bot.engine.understanding import Understanding
from bot.engine.wording import _
from bot.markup import fmt
from db.views import ClaimView


def wrong_dates(c: Composer, u: Understanding, quotas: list[ClaimView], reply: Reply) -> None:
    """Say "No" to a date typed for the places asked (``quotas``) that the report does not
    give them."""
    if not u.dates:
        return
    dated = [q for q in quotas if q.change_date]
    every = [q for q in c.quotas() if q.change_date]
    every_date = {q.change_date for q in every}
    own = {q.change_date for q in dated}
    for typed in u.dates:
        if typed in own or any(d and d.startswith(f"{typed} ") for d in own):
            continue  # the date the report gives for this place
        if typed in every_date or any(d and d.startswith(f"{typed} ") for d in every_date):
            _of_another_place(c, u, typed, quotas, every, reply)
            continue
        for claim in dated[:3]:
            reply.use(claim.id, claim.article_id)
            reply.lines.append(
                fmt(
                    _(
                        "No: the report dates the directive behind the change in {place} "
                        "{date}, not {typed} (and gives no year)."
                    ),
                    place=c.place_label(claim),
                    date=local_date(claim.change_date or ""),
                    typed=local_date(typed),
                )
            )
        if not dated:
            other = every[0] if every else None
            reply.lines.append(
                fmt(
                    _(
                        "The report gives no date for the change, so not {typed} either (the "
                        "only date it gives, {date}, is for the directive behind the change "
                        "in {place})."
                    )
                    if other is not None
                    else _("The report gives no date for the change, so not {typed} either."),
                    typed=local_date(typed),
                    date=local_date(other.change_date or "") if other else "",
                    place=c.place_label(other) if other else "",
                )
            )


def _of_another_place(
    c: Composer,
    u: Understanding,
    typed: str,
    quotas: list[ClaimView],
    every: list[ClaimView],
    reply: Reply,
) -> None:
    """ "the march 10 order was for the russia side": a date the report gives, but for
    another place than the one named."""
    if not (u.places or u.countries) or u.currencies:
        # No place named ("the rubles quota changed after the march 10 directive?"): the
        # date is the report's, whichever place it is for.
        return
    owners = [q for q in every if q.change_date and q.change_date.startswith(typed)]
    owner = next((q for q in owners if q not in quotas), None)
    asked = next((q for q in quotas if q not in owners), None)
    if owner is None or asked is None:
        return
    reply.use(owner.id, owner.article_id)
    reply.lines.append(
        fmt(
            _(
                "No: the report gives {typed} only for the directive behind the change in "
                "{place}; for {other} it gives no date."
            ),
            typed=local_date(owner.change_date or typed),
            place=c.place_label(owner),
            other=c.place_label(asked),
        )
    )
