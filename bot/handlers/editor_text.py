"""How editors see facts and changes: one-line claims, field changes, confirmations."""

from __future__ import annotations

import datetime as dt

from telegram import Update
from telegram.ext import ContextTypes

from bot.botdata import bot_data
from bot.engine import Reply
from bot.engine.numbers import money
from bot.engine.wording import N_, _, ngettext
from bot.handlers.common import runtime_of
from bot.handlers.gate import current_language
from bot.markup import escape
from bot.sending.send import answer_update
from db.editing import Change
from db.editing.errors import entity_name
from db.kinds import (
    AmountBound,
    AmountSide,
    ChangeAction,
    ClaimKind,
    ClaimStatus,
    EntityType,
    Period,
)
from db.models import Claim
from db.snapshot import ClaimView
from db.validation import ValidationError, country_name

SUMMARY_LEN = 70
# Every change moves these: the history shows each row's own time instead.
TIMESTAMP_FIELDS = ("corrected_at", "updated_at", "retracted_at")
FIELD_HELP = N_(
    "Fields: topic, text, quote, place, source, article, superseded_by; quota figures "
    "also: country, sector, amount, amount_high, currency, usd, usd_high, approx, share, "
    "share_of, period, deadline, deadline_on, basis, basis_text, change, amount_to, "
    "usd_to, change_percent, amount_is, bound, date, date_on."
)

# How editors' messages name a change (the English is the stored value, as /history
# shows it); db/editing/errors.py's ENTITY_NAMES name the kinds of rows.
ACTION_NAMES = {
    ChangeAction.CREATE: N_("create"),
    ChangeAction.EDIT: N_("edit"),
    ChangeAction.RETRACT: N_("retract"),
    ChangeAction.RESTORE: N_("restore"),
    ChangeAction.UNDO: N_("undo"),
    ChangeAction.GRANT: N_("grant"),
    ChangeAction.REVOKE: N_("revoke"),
    ChangeAction.ALIAS: N_("alias"),
    ChangeAction.IMPORT: N_("import"),
    ChangeAction.SEED: N_("seed"),
}

# How often a figure is due, in a fact's one-line summary.
PERIOD_WORDS = {
    Period.DAY: N_("a day"),
    Period.WEEK: N_("a week"),
    Period.MONTH: N_("a month"),
    Period.QUARTER: N_("a quarter"),
    Period.YEAR: N_("a year"),
    Period.ONCE: N_("once"),
}


# An amount the report gives only as a bound, in a fact's one-line summary.
BOUND_WORDS: dict[str, str] = {
    AmountBound.AT_LEAST: N_("at least {amount}"),
    AmountBound.AT_MOST: N_("at most {amount}"),
}
# A change the report gives as a percentage, in a fact's one-line summary.
PERCENT_CHANGE_WORDS = {
    "increased": N_("increased {percent} %"),
    "decreased": N_("decreased {percent} %"),
}
# The side of the change the stated amount is (db.kinds.AmountSide).
SIDE_WORDS = {
    AmountSide.BEFORE: N_("(the amount before it)"),
    AmountSide.AFTER: N_("(the amount after it)"),
}


def change_words(claim: Claim | ClaimView) -> str:
    """ "increased 25 % (the amount after it)", "doubled", in the editor's language."""
    change = str(claim.change)
    percent = getattr(claim, "change_percent", None)
    template = PERCENT_CHANGE_WORDS.get(change)
    text = change
    if percent is not None and template is not None:
        text = _(template).format(percent=f"{percent.normalize():,f}")
    side = getattr(claim, "amount_is", None)
    if side in SIDE_WORDS:
        text += " " + _(SIDE_WORDS[AmountSide(side)])
    return text


def period_words(period: str) -> str:
    """ "a month", "once" in the editor's language (an unknown period as "a <period>")."""
    try:
        return _(PERIOD_WORDS[Period(period)])
    except ValueError:
        return f"a {period}"


def action_name(action: str | None) -> str:
    """A change's action in the editor's language (an unknown one as stored)."""
    try:
        return _(ACTION_NAMES[ChangeAction(str(action))])
    except ValueError:
        return str(action)


def entity_label(kind: EntityType | str) -> str:
    """A kind of row ("article") in the editor's language."""
    return entity_name(kind).render(_)


def claim_place(claim: Claim | ClaimView) -> str:
    parts = [claim.place or ""]
    if claim.country:
        try:
            parts.append(country_name(claim.country))
        except ValidationError:
            parts.append(claim.country)
    label = ", ".join(p for p in parts if p)
    return label or claim.topic


def _figure(claim: Claim | ClaimView) -> str | None:
    """ "62,000 rubles (RUB)", "300 to 1,000 US dollars (USD)", "70 to 90 percent"."""
    if claim.amount is not None and claim.currency:
        if claim.amount_high is not None:
            return _("{low} to {high}").format(
                low=f"{claim.amount.normalize():,f}", high=money(claim.amount_high, claim.currency)
            )
        bound = BOUND_WORDS.get(getattr(claim, "amount_bound", None) or "")
        shown = money(claim.amount, claim.currency)
        return _(bound).format(amount=shown) if bound else shown
    if claim.share_low is not None:
        low = f"{claim.share_low.normalize():,f}"
        if claim.share_high is None:
            return _("{share} percent").format(share=low)
        high = f"{claim.share_high.normalize():,f}"
        return _("{low} to {high} percent").format(low=low, high=high)
    return None


def claim_summary(claim: Claim | ClaimView) -> str:
    figure = _figure(claim) if claim.kind == ClaimKind.QUOTA else None
    if figure is not None:
        bits = [figure]
        if claim.period:
            bits.append(period_words(claim.period))
        text = " ".join(bits)
        if claim.change and claim.change != "none":
            text += f", {change_words(claim)}"
        if claim.sector:
            text += f" · {claim.sector}"
        return text
    statement = " ".join(claim.statement.split())
    if len(statement) > SUMMARY_LEN:
        statement = statement[: SUMMARY_LEN - 1] + "…"
    return statement


def claim_line(claim: Claim | ClaimView) -> str:
    line = f"#{claim.id} {claim_place(claim)} — {claim_summary(claim)}"
    if claim.superseded_by is not None:
        line += " " + _("(superseded by #{claim_id})").format(claim_id=claim.superseded_by)
    if claim.status != ClaimStatus.ACTIVE:
        line += " " + _("(retracted)")
    return line


def when(value: dt.datetime) -> str:
    return value.astimezone(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")


def short(value: str | None, limit: int = 120) -> str:
    if value is None:
        return _("(empty)")
    value = " ".join(value.split())
    return value if len(value) <= limit else value[: limit - 1] + "…"


def change_lines(change: Change) -> list[str]:
    shown = []
    for field_name, old, new in change.fields:
        if field_name in TIMESTAMP_FIELDS:
            continue
        shown.append(f"{field_name}: {short(old)} → {short(new)}")
    return shown


def edit_heading(claim_id: int, change: Change) -> str:
    """ "Corrected", unless the edit only marked the claim superseded (not a correction)."""
    fields = {name for name, _old, _new in change.fields if name not in TIMESTAMP_FIELDS}
    heading = (
        _("Changed #{claim_id}: {changes}")
        if fields == {"superseded_by"}
        else _("Corrected #{claim_id}: {changes}")
    )
    return "✅ " + heading.format(claim_id=claim_id, changes="; ".join(change_lines(change)))


def announce(context: ContextTypes.DEFAULT_TYPE, change: Change | int | None) -> str:
    """Wakes the notice sender and says how many subscribed chats were queued."""
    notified = change.notified if isinstance(change, Change) else change
    if not notified:
        return ""
    sender = bot_data(context).notice_sender
    if sender is not None:
        sender.wake()
    chats = ngettext(
        "{count} subscribed chat will be notified.",
        "{count} subscribed chats will be notified.",
        notified,
    )
    return " 🔔 " + chats.format(count=notified)


async def show_claim(
    update: Update,
    context: ContextTypes.DEFAULT_TYPE,
    claim_id: int,
    heading: str,
    change: Change | None = None,
) -> None:
    """Confirm a change by showing the claim as users will now see it."""
    engine = await runtime_of(context).answer_engine()
    claim = engine.snapshot.claim(claim_id)
    reply = Reply(intents=["editor"])
    reply.lines.append(escape(heading + announce(context, change)))
    language = current_language()
    if claim is None:
        await answer_update(update, context, reply, engine.snapshot, language=language)
        return
    if claim.status != ClaimStatus.ACTIVE:
        reply.lines.append(engine.retraction_line(claim, reply))
    elif claim.is_quota:
        reply.lines.append(escape(_("Users will now see:")))
        reply.lines.extend(engine.quota_block(claim, reply))
    else:
        reply.lines.append(escape(_("Users will now see:")))
        reply.use(claim.id, claim.article_id)
        reply.lines.append(engine.claim_line(claim))
    await answer_update(update, context, reply, engine.snapshot, language=language)
