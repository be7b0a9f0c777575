"""Sending built texts to chats: every text goes through ``bot.sending.messages`` first.

Handlers hand over a ``Reply`` (or plain lines) and never call send_message themselves.
"""

from __future__ import annotations

import logging
import warnings
from collections.abc import Sequence

from telegram import Bot, InlineKeyboardMarkup, LinkPreviewOptions, Message, ReplyParameters, Update
from telegram.constants import ParseMode
from telegram.error import Forbidden, RetryAfter
from telegram.ext import ContextTypes, ExtBot
from telegram.warnings import PTBUserWarning

from bot.botdata import bot_data
from bot.engine import Reply
from bot.i18n import DEFAULT_LANGUAGE, N_, Language, translator
from bot.sending.messages import build_messages, record_link
from bot.sending.retry import call_with_retry, retry_after_seconds
from db.snapshot import Snapshot

log = logging.getLogger(__name__)


def render(
    reply: Reply,
    snapshot: Snapshot | None,
    *,
    public_base_url: str | None = None,
    language: Language = DEFAULT_LANGUAGE,
) -> list[str]:
    caveats = reply.caveats(snapshot) if snapshot is not None else []
    record = record_link(public_base_url, reply.claim_ids, reply.article_ids, language)
    return build_messages(reply.lines, caveats, record=record, language=language)


# PTB warns that ``do_api_request("sendMessage")`` has a method of its own; here the
# raw call is on purpose (``post_text``), so that one warning is silenced, nothing else.
warnings.filterwarnings(
    "ignore", message=r"Please use 'Bot\.sendMessage' instead", category=PTBUserWarning
)

# What PTB sends for ``disable_web_page_preview=True`` (the form field is JSON).
_NO_PREVIEW = LinkPreviewOptions(is_disabled=True).to_json()
# Keyboards are shared frozen objects (bot.keyboards builds each once): their JSON too.
_markup_json: dict[int, tuple[InlineKeyboardMarkup, str]] = {}
_MARKUP_CACHE = 512


def markup_json(markup: InlineKeyboardMarkup) -> str:
    """``markup.to_json()``, kept per keyboard object (a frozen object's JSON cannot change)."""
    entry = _markup_json.get(id(markup))
    if entry is not None and entry[0] is markup:
        return entry[1]
    if len(_markup_json) >= _MARKUP_CACHE:
        _markup_json.clear()
    json = markup.to_json()
    _markup_json[id(markup)] = (markup, json)
    return json


async def post_text(
    bot: Bot,
    chat_id: int,
    text: str,
    *,
    reply_to: int | None = None,
    markup: InlineKeyboardMarkup | None = None,
    message_thread_id: int | None = None,
) -> None:
    """One sendMessage in HTML without a link preview: the same request as
    ``bot.send_message(..., parse_mode=HTML, disable_web_page_preview=True,
    allow_sending_without_reply=True)`` (a test compares the bytes), through the same
    rate limiter and error handling, but without building a ``Message`` from the
    answer, which nothing here reads (python-telegram-bot's public ``do_api_request``,
    no return type). A bot that rewrites keyboards (arbitrary callback data) sends
    through ``send_message`` as before."""
    if isinstance(bot, ExtBot) and bot.callback_data_cache is not None:
        await bot.send_message(
            chat_id=chat_id,
            text=text,
            parse_mode=ParseMode.HTML,
            reply_to_message_id=reply_to,
            allow_sending_without_reply=True,
            reply_markup=markup,
            disable_web_page_preview=True,
            message_thread_id=message_thread_id,
        )
        return
    # The fields in the order send_message writes them (None ones are left out).
    fields: dict[str, object] = {
        "chat_id": chat_id,
        "text": text,
        "link_preview_options": _NO_PREVIEW,
    }
    if message_thread_id is not None:
        fields["message_thread_id"] = message_thread_id
    fields["parse_mode"] = ParseMode.HTML.value
    if markup is not None:
        fields["reply_markup"] = markup_json(markup)
    if reply_to is not None:
        # An object, so the bot's defaults (quote_parse_mode) apply as in send_message.
        fields["reply_parameters"] = ReplyParameters(
            message_id=reply_to, allow_sending_without_reply=True
        )
    await bot.do_api_request("sendMessage", api_kwargs=fields)


async def send_texts(
    bot: Bot,
    chat_id: int,
    texts: Sequence[str],
    *,
    reply_to: int | None = None,
    markup: InlineKeyboardMarkup | None = None,
    message_thread_id: int | None = None,
    queued: bool = False,
) -> int:
    """Sends already-built texts in order; the keyboard goes under the last part.
    Returns how many parts were sent.

    Each part is retried while Telegram surely did not send it (``bot.sending.retry``).
    A chat that blocked the bot (403) gets nothing more: the remaining parts are
    dropped.

    ``queued``: the caller is a queue that owns retries (the notice sender): one
    try per part, and every error, 429 and 403 included, goes back to it.
    """
    sent = 0
    for index, text in enumerate(texts):
        last = index == len(texts) - 1

        async def send(text: str = text, index: int = index, last: bool = last) -> None:
            await post_text(
                bot,
                chat_id,
                text,
                reply_to=reply_to if index == 0 else None,
                markup=markup if last else None,
                message_thread_id=message_thread_id,
            )

        if queued:
            await send()
            sent += 1
            continue
        try:
            await call_with_retry(send, what=f"sendMessage to chat {chat_id}")
            sent += 1
        except Forbidden as error:
            log.info("Not sending to chat %s: %s", chat_id, error.message)
            break
        except RetryAfter as error:
            # Flood control outlasted the deadline: one line, not a traceback; the
            # rest of this answer would meet the same wall.
            log.warning(
                "Not sending to chat %s: still under flood control (429, Telegram asks "
                "to wait %.0fs more); %d of %d parts sent",
                chat_id,
                retry_after_seconds(error),
                sent,
                len(texts),
            )
            break
    return sent


async def send_file(bot: Bot, chat_id: int, data: bytes, *, filename: str, caption: str) -> Message:
    """Sends a file with an already-built caption, retried like a text while Telegram
    surely did not receive it (the bytes are sent again from memory)."""

    async def send() -> Message:
        return await bot.send_document(
            chat_id, document=data, filename=filename, caption=caption,
            parse_mode=ParseMode.HTML,
        )  # fmt: skip

    return await call_with_retry(send, what=f"sendDocument to chat {chat_id}")


async def answer_update(
    update: Update,
    context: ContextTypes.DEFAULT_TYPE,
    reply: Reply,
    snapshot: Snapshot | None,
    *,
    markup: InlineKeyboardMarkup | None = None,
    language: Language = DEFAULT_LANGUAGE,
) -> int:
    """Replies in the chat the update came from; in groups, as a reply to the question.
    ``language``: the caveat's, under the body (which the caller wrote in it).
    Returns how many messages were sent."""
    chat = update.effective_chat
    message = update.effective_message
    if chat is None:
        return 0
    quote = message.message_id if message is not None and chat.type != "private" else None
    thread = message.message_thread_id if message is not None and message.is_topic_message else None
    settings = bot_data(context).settings
    base_url = settings.public_base_url if settings is not None else None
    return await send_texts(
        context.bot,
        chat.id,
        render(reply, snapshot, public_base_url=base_url, language=language),
        reply_to=quote,
        markup=markup,
        message_thread_id=thread,
    )


# ----- one-message renderings (inline results, edits in place) ----------------------

SHORTENED = N_("(Shortened: ask me in a private chat for the full answer.)")


def render_one(
    reply: Reply, snapshot: Snapshot | None, language: Language = DEFAULT_LANGUAGE
) -> str:
    """The reply as ONE message with its caveat: inline results and in-place edits
    cannot be split, so a long body loses its last lines and says so."""
    caveats = reply.caveats(snapshot) if snapshot is not None else []
    parts = build_messages(reply.lines, caveats, language=language)
    if len(parts) == 1:
        return parts[0]
    shortened = translator(language).gettext(SHORTENED)
    lines = list(reply.lines)
    while lines:
        lines.pop()
        parts = build_messages([*lines, shortened], caveats, language=language)
        if len(parts) == 1:
            return parts[0]
    return build_messages([shortened], caveats, language=language)[0]


async def edit_inline_message(
    context: ContextTypes.DEFAULT_TYPE,
    inline_message_id: str,
    text: str,
    *,
    markup: InlineKeyboardMarkup | None = None,
) -> None:
    """Buttons under an inline-mode message can only edit that message in place."""
    await context.bot.edit_message_text(
        text=text,
        inline_message_id=inline_message_id,
        parse_mode=ParseMode.HTML,
        reply_markup=markup,
        disable_web_page_preview=True,
    )
