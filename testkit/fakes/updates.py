"""Builders for Bot API JSON objects (users, chats, messages, updates, errors).

Shared by the in-process ``RecordingRequest`` and the HTTP ``FakeBotApi`` so that
both fakes hand PTB byte-for-byte the same shapes. Every builder returns a plain
``dict`` as Telegram would send it; tests turn it into PTB objects with
``Update.de_json(d, bot)``.
"""

from __future__ import annotations

import itertools
import time
from typing import Any

JSONDict = dict[str, Any]

BOT_ID = 123456
BOT_USERNAME = "quota_test_bot"
# A member of the public: tests that need an owner or editor say so.
DEFAULT_USER_ID = 2002
DEFAULT_GROUP_ID = -1001234567890
DEFAULT_CHANNEL_ID = -1009876543210

# Message ids only need to be unique-ish within a test; a process-wide counter is
# simpler than threading one through every builder.
_message_ids = itertools.count(1)


def next_message_id() -> int:
    return next(_message_ids)


def now() -> int:
    return int(time.time())


def utf16_len(text: str) -> int:
    # Telegram entity offsets/lengths are measured in UTF-16 code units.
    return len(text.encode("utf-16-le")) // 2


def make_bot_user() -> JSONDict:
    return {
        "id": BOT_ID,
        "is_bot": True,
        "first_name": "QuotaBot",
        "username": BOT_USERNAME,
        "can_join_groups": True,
        "can_read_all_group_messages": False,
        "supports_inline_queries": True,
    }


def make_user(
    user_id: int = DEFAULT_USER_ID,
    first_name: str = "Ann",
    username: str | None = None,
    *,
    language_code: str | None = "en",
    is_bot: bool = False,
) -> JSONDict:
    user: JSONDict = {"id": user_id, "is_bot": is_bot, "first_name": first_name}
    if username is not None:
        user["username"] = username
    if language_code is not None:
        user["language_code"] = language_code
    return user


def make_chat(
    chat_id: int | str,
    chat_type: str | None = None,
    *,
    title: str | None = None,
    first_name: str = "Ann",
    username: str | None = None,
) -> JSONDict:
    """A Chat. ``chat_type`` is guessed from the id when omitted (>0 private,
    -100… supergroup, other negative group, "@name" channel)."""
    if isinstance(chat_id, str):
        # "@channelname" addressing: Telegram resolves it to a numeric channel.
        username = username or chat_id.lstrip("@")
        chat_id = DEFAULT_CHANNEL_ID
        chat_type = chat_type or "channel"
    if chat_type is None:
        if chat_id > 0:
            chat_type = "private"
        elif chat_id <= -1_000_000_000_000:
            chat_type = "supergroup"
        else:
            chat_type = "group"
    chat: JSONDict = {"id": chat_id, "type": chat_type}
    if chat_type == "private":
        chat["first_name"] = first_name
    else:
        chat["title"] = title or f"Test {chat_type}"
    if username is not None:
        chat["username"] = username
    return chat


def command_entities(text: str | None) -> list[JSONDict]:
    """A ``bot_command`` entity for a leading ``/command[@botname]``, as Telegram adds it.

    PTB's CommandHandler only matches messages whose first entity is this."""
    if not text or not text.startswith("/"):
        return []
    command = text.split(maxsplit=1)[0]
    if len(command) < 2:
        return []
    return [{"type": "bot_command", "offset": 0, "length": utf16_len(command)}]


def make_document(
    file_id: str = "doc-file-id",
    file_name: str = "document.txt",
    mime_type: str = "text/plain",
    file_size: int | None = None,
) -> JSONDict:
    doc: JSONDict = {
        "file_id": file_id,
        "file_unique_id": f"u-{file_id}",
        "file_name": file_name,
        "mime_type": mime_type,
    }
    if file_size is not None:
        doc["file_size"] = file_size
    return doc


def make_message(
    text: str | None = None,
    *,
    user_id: int = DEFAULT_USER_ID,
    chat_id: int | None = None,
    chat_type: str = "private",
    username: str | None = None,
    first_name: str = "Ann",
    message_id: int | None = None,
    date: int | None = None,
    reply_to_message: JSONDict | None = None,
    sender_chat: JSONDict | None = None,
    document: JSONDict | None = None,
    caption: str | None = None,
    from_user: JSONDict | None = None,
    chat: JSONDict | None = None,
    language_code: str | None = "en",
) -> JSONDict:
    """A Message. ``chat_id`` defaults to ``user_id`` in private chats and to a
    supergroup id otherwise; ``language_code`` is the sender's Telegram app's."""
    if chat is None:
        if chat_id is None:
            chat_id = user_id if chat_type == "private" else DEFAULT_GROUP_ID
        chat = make_chat(chat_id, chat_type, first_name=first_name, username=username)
    msg: JSONDict = {
        "message_id": message_id if message_id is not None else next_message_id(),
        "date": date if date is not None else now(),
        "chat": chat,
    }
    if from_user is None and chat["type"] != "channel":
        from_user = make_user(user_id, first_name, username, language_code=language_code)
    if from_user is not None:
        msg["from"] = from_user
    if sender_chat is not None:
        msg["sender_chat"] = sender_chat
    if text is not None:
        msg["text"] = text
        if entities := command_entities(text):
            msg["entities"] = entities
    if document is not None:
        msg["document"] = document
    if caption is not None:
        msg["caption"] = caption
        if entities := command_entities(caption):
            msg["caption_entities"] = entities
    if reply_to_message is not None:
        msg["reply_to_message"] = reply_to_message
    return msg


def make_message_update(
    update_id: int,
    text: str | None,
    user_id: int = DEFAULT_USER_ID,
    chat_id: int | None = None,
    chat_type: str = "private",
    username: str | None = None,
    first_name: str = "Ann",
    *,
    reply_to_message: JSONDict | None = None,
    edited: bool = False,
    sender_chat: JSONDict | None = None,
    document: JSONDict | None = None,
    caption: str | None = None,
    message_id: int | None = None,
    date: int | None = None,
    language_code: str | None = "en",
) -> JSONDict:
    """An Update carrying a (possibly edited) message. A leading ``/command`` gets
    its ``bot_command`` entity automatically."""
    msg = make_message(
        text,
        user_id=user_id,
        chat_id=chat_id,
        chat_type=chat_type,
        username=username,
        first_name=first_name,
        message_id=message_id,
        date=date,
        reply_to_message=reply_to_message,
        sender_chat=sender_chat,
        document=document,
        caption=caption,
        language_code=language_code,
    )
    if sender_chat is not None and chat_type != "private":
        # Anonymous group admins post as the chat; Telegram then sets `from` to
        # this placeholder bot.
        msg["from"] = make_user(1087968824, "Group", "GroupAnonymousBot", is_bot=True)
    if edited:
        msg["edit_date"] = msg["date"]
        return {"update_id": update_id, "edited_message": msg}
    return {"update_id": update_id, "message": msg}


def make_callback_update(
    update_id: int,
    data: str,
    user_id: int = DEFAULT_USER_ID,
    chat_id: int | None = None,
    chat_type: str = "private",
    username: str | None = None,
    first_name: str = "Ann",
    *,
    message_text: str = "Pick one:",
    message_id: int | None = None,
    callback_id: str | None = None,
    inline_message_id: str | None = None,
    language_code: str | None = "en",
) -> JSONDict:
    """A CallbackQuery from an inline keyboard button. With ``inline_message_id``
    the query has no ``message`` (button under an inline-mode result)."""
    query: JSONDict = {
        "id": callback_id or f"cbq-{update_id}",
        "from": make_user(user_id, first_name, username, language_code=language_code),
        "chat_instance": f"ci-{chat_id if chat_id is not None else user_id}",
        "data": data,
    }
    if inline_message_id is not None:
        query["inline_message_id"] = inline_message_id
    else:
        bot_msg = make_message(
            message_text,
            chat_id=chat_id,
            user_id=user_id,
            chat_type=chat_type,
            first_name=first_name,
            username=username,
            message_id=message_id,
            from_user=make_bot_user(),
        )
        query["message"] = bot_msg
    return {"update_id": update_id, "callback_query": query}


def make_inline_update(
    update_id: int,
    query: str,
    user_id: int = DEFAULT_USER_ID,
    username: str | None = None,
    first_name: str = "Ann",
    *,
    offset: str = "",
    chat_type: str | None = "sender",
    inline_query_id: str | None = None,
    language_code: str | None = "en",
) -> JSONDict:
    inline: JSONDict = {
        "id": inline_query_id or f"iq-{update_id}",
        "from": make_user(user_id, first_name, username, language_code=language_code),
        "query": query,
        "offset": offset,
    }
    if chat_type is not None:
        inline["chat_type"] = chat_type
    return {"update_id": update_id, "inline_query": inline}


def make_channel_post_update(
    update_id: int,
    text: str | None,
    chat_id: int = DEFAULT_CHANNEL_ID,
    *,
    title: str = "Test channel",
    username: str | None = None,
    edited: bool = False,
    message_id: int | None = None,
    document: JSONDict | None = None,
    caption: str | None = None,
) -> JSONDict:
    """A channel post: no ``from``, ``sender_chat`` is the channel itself."""
    chat: JSONDict = {"id": chat_id, "type": "channel", "title": title}
    if username is not None:
        chat["username"] = username
    msg = make_message(
        text,
        chat=chat,
        sender_chat=chat,
        message_id=message_id,
        document=document,
        caption=caption,
    )
    if edited:
        msg["edit_date"] = msg["date"]
        return {"update_id": update_id, "edited_channel_post": msg}
    return {"update_id": update_id, "channel_post": msg}


def make_sticker_update(
    update_id: int,
    user_id: int = DEFAULT_USER_ID,
    chat_id: int | None = None,
    chat_type: str = "private",
    *,
    file_id: str = "sticker-file-id",
    emoji: str | None = "👍",
    set_name: str | None = "TestStickers",
    username: str | None = None,
    first_name: str = "Ann",
) -> JSONDict:
    msg = make_message(
        None,
        user_id=user_id,
        chat_id=chat_id,
        chat_type=chat_type,
        username=username,
        first_name=first_name,
    )
    sticker: JSONDict = {
        "file_id": file_id,
        "file_unique_id": f"u-{file_id}",
        "type": "regular",
        "width": 512,
        "height": 512,
        "is_animated": False,
        "is_video": False,
    }
    if emoji is not None:
        sticker["emoji"] = emoji
    if set_name is not None:
        sticker["set_name"] = set_name
    msg["sticker"] = sticker
    return {"update_id": update_id, "message": msg}


def default_error_description(status: int, retry_after: int | None = None) -> str:
    """The descriptions the real Bot API uses for the common failures."""
    if status == 429:
        return f"Too Many Requests: retry after {retry_after or 1}"
    return {
        400: "Bad Request: message text is empty",
        401: "Unauthorized",
        403: "Forbidden: bot was blocked by the user",
        404: "Not Found",
        409: "Conflict: terminated by other getUpdates request",
        502: "Bad Gateway",
    }.get(status, "Internal Server Error")


def make_error(
    status: int, description: str | None = None, retry_after: int | None = None
) -> JSONDict:
    """The Bot API error body, e.g. ``{"ok": false, "error_code": 429, ...}``."""
    body: JSONDict = {
        "ok": False,
        "error_code": status,
        "description": description or default_error_description(status, retry_after),
    }
    if retry_after is not None:
        body["parameters"] = {"retry_after": retry_after}
    return body
