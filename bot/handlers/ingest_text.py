"""/ingest's texts for the editor: a draft as lines, what a cancel leaves, and a typed
value checked as the command would check it. Plain functions (bot/handlers/ingest.py
sends them through the one sending path)."""

from __future__ import annotations

from typing import Any

from bot.engine.ingest import ArticleDraft, FigureDraft, SourceDraft
from bot.engine.wording import N_, _
from db.editing import ARTICLE_FIELDS, CLAIM_FIELDS, InvalidValue
from db.editing.fields import CLEAR
from db.validation import ValidationError

ARTICLE_EDITABLE = ("outlet", "title", "caveat", "url", "date", "relies_on")
FIGURE_EDITABLE = ("amount", "currency", "usd", "approx", "amount_high", "amount_to",
                   "country", "place", "sector", "topic", "period", "deadline", "deadline_on",
                   "basis", "basis_text", "change", "date", "source", "text", "quote")  # fmt: skip
ARTICLE_REQUIRED = ("outlet", "title", "caveat")
ORIGIN_NOTES = {
    "guess": N_("(a guess: check it)"),
    "proposed": N_("(written by the bot: the text has no such sentence)"),
}


def cancelled(state: dict[str, Any]) -> str:
    """What a cancelled dialogue leaves: nothing, or what /ingest had already stored."""
    stored = [f"#{claim_id}" for claim_id in state.get("stored", [])]
    if state.get("article_id") is None and not stored:
        return _("Cancelled. Nothing was changed.")
    if not stored:
        return _(
            "Cancelled. Already stored before: article #{article_id}. Nothing else was changed."
        ).format(article_id=state["article_id"])
    return _(
        "Cancelled. Already stored before: article #{article_id}, figures {figures}. "
        "Nothing else was changed."
    ).format(article_id=state["article_id"], figures=", ".join(stored))


def value_text(draft_fields: dict[str, str], origin: dict[str, str], key: str) -> str:
    value = draft_fields.get(key)
    if not value:
        return "—"
    note = ORIGIN_NOTES.get(origin.get(key, "text"))
    return value + " " + _(note) if note else value


def article_lines(draft: ArticleDraft) -> list[str]:
    lines = [f"{key}: {value_text(draft.fields, draft.origin, key)}" for key in ARTICLE_EDITABLE]
    missing = [key for key in ARTICLE_REQUIRED if not draft.fields.get(key)]
    if missing:
        needed = _("Needed before it can be stored: {fields} (tap Edit).")
        lines.append(needed.format(fields=", ".join(missing)))
    lines += [_("Note: {note}").format(note=note) for note in draft.notes]
    return lines


def source_line(source: SourceDraft) -> str:
    if source.kind == "narration":
        return _("source: the article's own narration")
    details = [source.kind]
    if source.told_to:
        details.append(_("told {whom}").format(whom=source.told_to))
    if source.country:
        details.append(source.country)
    return f"source: {source.name} ({', '.join(details)})"


def figure_lines(draft: FigureDraft) -> list[str]:
    fields, origin = draft.fields, draft.origin
    lines = [f"amount: {fields.get('amount', '—')} {fields.get('currency', '')}".rstrip()]
    if fields.get("usd"):
        dollars = (
            _("in dollars: nearly ${usd} (the report's own conversion)")
            if fields.get("approx") == "yes"
            else _("in dollars: ${usd} (the report's own conversion)")
        )
        lines.append(dollars.format(usd=fields["usd"]))
    shown = ("amount_high", "usd_high", "amount_to", "usd_to", "place", "country", "sector",
             "topic", "period", "deadline", "deadline_on", "basis", "basis_text", "change",
             "date")  # fmt: skip
    for key in shown:
        if fields.get(key):
            lines.append(f"{key.replace('_', ' ')}: {value_text(fields, origin, key)}")
    for key, value in draft.extra.items():
        lines.append(f"{key.replace('_', ' ')}: {value}")
    lines.append(source_line(draft.source))
    lines.append(_("sentence: {text}").format(text=fields.get("text", "—")))
    if fields.get("quote"):
        lines.append(f"quote: {fields['quote']}")
    return lines


def checked_value(key: str, value: str, figure: bool) -> str | None:
    """The value as typed, if the store would take it (None: cleared)."""
    value = value.strip()
    if value == CLEAR:
        if key in (("amount", "currency", "text", "source") if figure else ARTICLE_REQUIRED):
            raise InvalidValue(N_('"{key}" cannot be cleared'), key=key)
        return None
    if key != "source":
        specs = CLAIM_FIELDS if figure else ARTICLE_FIELDS
        try:
            specs[key].parse(value, key)
        except ValidationError as error:
            raise InvalidValue(error.text) from None
    return value
