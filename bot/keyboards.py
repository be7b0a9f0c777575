"""Follow-up buttons: the engine's (label, question) pairs as an inline keyboard.

callback_data is ``q1:<question>`` — versioned, at most 64 bytes, and stateless:
pressing a button asks the engine that question against the store as it is
now, so a button pressed days later (or on another replica) still gets a
current answer. The data is untrusted: anything that does not parse, or is
not a short printable question, is "stale" and gets a polite note. A forged
but well-formed value can only ask a question the user could have typed.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.engine.local_names import local_name
from bot.i18n import DEFAULT_LANGUAGE, N_, Language, translator

PREFIX = "q1:"
MAX_CALLBACK_BYTES = 64
MAX_LABEL_CHARS = 40
MAX_BUTTONS = 5


def encode(question: str) -> str | None:
    data = PREFIX + question
    return data if len(data.encode("utf-8")) <= MAX_CALLBACK_BYTES else None


def decode(data: str | None) -> str | None:
    """The question in a button's data, or None when it is not one of ours."""
    if not data or not data.startswith(PREFIX) or len(data.encode("utf-8")) > MAX_CALLBACK_BYTES:
        return None
    question = data[len(PREFIX) :].strip()
    if not question or any(unicodedata.category(ch).startswith("C") for ch in question):
        return None
    return question


# The engine's follow-up labels (bot/engine), marked here for the catalogs: a button's
# label is shown in the user's language; the question it asks stays the engine's.
FOLLOW_UP_LABELS = frozenset(
    {
        N_("All quotas"),
        N_("In US dollars"),
        N_("Sources"),
        N_("How reliable is this?"),
        N_("Other places"),
    }
)
DID_YOU_MEAN = ("Did you mean ", "?")  # the engine's "Did you mean <place>?"
DID_YOU_MEAN_LABEL = N_("Did you mean {place}?")


def label_in(label: str, language: Language) -> str:
    """A follow-up label in ``language`` (labels the catalogs do not know stay as they are)."""
    if language == DEFAULT_LANGUAGE:
        return label
    _ = translator(language).gettext
    if label in FOLLOW_UP_LABELS:
        return _(label)
    start, end = DID_YOU_MEAN
    if label.startswith(start) and label.endswith(end) and len(label) > len(start) + len(end):
        place = local_name("place", label[len(start) : -len(end)], language)
        return _(DID_YOU_MEAN_LABEL).format(place=place)
    return label


def follow_up_markup(
    follow_ups: list[tuple[str, str]], language: Language = DEFAULT_LANGUAGE
) -> InlineKeyboardMarkup | None:
    """Two buttons a row; pairs whose question does not fit in callback_data are dropped."""
    return _markup(tuple(follow_ups), language)


# The same few keyboards go under most answers, and building python-telegram-bot's objects
# is not free (2 % of the bot's CPU under a burst): each is built once. They are frozen
# (TelegramObject), so one is safely sent under many messages.
@lru_cache(maxsize=512)
def _markup(
    follow_ups: tuple[tuple[str, str], ...], language: Language
) -> InlineKeyboardMarkup | None:
    buttons = []
    for label, question in follow_ups:
        data = encode(question)
        if data is None:
            continue
        shown = label_in(label, language)
        buttons.append(InlineKeyboardButton(shown[:MAX_LABEL_CHARS], callback_data=data))
        if len(buttons) == MAX_BUTTONS:
            break
    if not buttons:
        return None
    rows = [buttons[i : i + 2] for i in range(0, len(buttons), 2)]
    return InlineKeyboardMarkup(rows)
