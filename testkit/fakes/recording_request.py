"""In-process fake of the Bot API for offline tests with ``Application.process_update``.

Usage::

    rec = RecordingRequest()
    app = Application.builder().token("123:ABC").request(rec).updater(None).build()
    await app.initialize()  # getMe is answered by `rec`
    await app.process_update(Update.de_json(make_message_update(1, "/start"), app.bot))
    assert rec.sent_texts() == [...]

``BotApiResponder`` holds the answering logic and is reused by the HTTP fake
(``bot_api_server.FakeBotApi``) so both fakes behave the same.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from telegram._utils.defaultvalue import DEFAULT_NONE
from telegram._utils.types import ODVInput
from telegram.request import BaseRequest, RequestData

from testkit.fakes.updates import (
    BOT_ID,
    DEFAULT_USER_ID,
    JSONDict,
    make_bot_user,
    make_callback_update,
    make_channel_post_update,
    make_chat,
    make_document,
    make_error,
    make_inline_update,
    make_message_update,
    make_sticker_update,
    make_user,
    next_message_id,
    now,
)

# The update builders live in updates.py (shared with the HTTP fake); re-exported
# here so offline tests need a single import.
__all__ = [
    "BotApiResponder",
    "RecordingRequest",
    "UploadedFile",
    "make_callback_update",
    "make_channel_post_update",
    "make_document",
    "make_inline_update",
    "make_message_update",
    "make_sticker_update",
]

# Methods whose answer is the sent Message (PTB parses it into a Message object;
# answering True there would make PTB fail).
_MESSAGE_METHODS = frozenset(
    m.lower()
    for m in (
        "sendMessage",
        "sendDocument",
        "sendPhoto",
        "sendAudio",
        "sendVideo",
        "sendVoice",
        "sendAnimation",
        "sendSticker",
        "sendLocation",
        "sendContact",
        "sendDice",
        "forwardMessage",
    )
)
_EDIT_METHODS = frozenset(
    m.lower() for m in ("editMessageText", "editMessageCaption", "editMessageReplyMarkup")
)
# Outgoing text-bearing calls, i.e. what a user would see in the chat.
TEXT_METHODS = ("sendMessage", "editMessageText")


@dataclass(frozen=True)
class UploadedFile:
    """A file the bot uploaded as multipart form data."""

    method: str
    field: str
    filename: str
    data: bytes
    mime_type: str


@dataclass
class _Failure:
    status: int
    body: bytes
    remaining: int


def encode_ok(result: Any) -> bytes:
    return json.dumps({"ok": True, "result": result}).encode()


def _as_chat_id(value: Any) -> int | str:
    # JSON clients may send numeric chat ids as strings.
    if isinstance(value, str) and value.lstrip("-").isdigit():
        return int(value)
    if isinstance(value, int | str):
        return value
    return DEFAULT_USER_ID


def _safe_path_part(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9_.-]", "_", text) or "file"


class BotApiResponder:
    """Decides what the fake Bot API answers for a method call.

    Method names are matched case-insensitively, as Telegram does."""

    def __init__(self) -> None:
        self.bot_user: JSONDict = make_bot_user()
        # file_id -> (file_path, bytes), served by getFile and file downloads.
        self.files: dict[str, tuple[str, bytes]] = {}
        # (chat_id, user_id) -> status for getChatMember; default "member".
        self.chat_member_status: dict[tuple[int | str, int], str] = {}
        self._failures: dict[str, list[_Failure]] = {}
        self._overrides: dict[str, Callable[[JSONDict], Any]] = {}

    # -- configuration -------------------------------------------------------------

    def fail_next(
        self,
        method: str,
        status: int,
        description: str | None = None,
        retry_after: int | None = None,
        count: int = 1,
    ) -> None:
        """Answer the next ``count`` calls of ``method`` with the real Bot API error
        shape and HTTP ``status`` (PTB then raises RetryAfter/Forbidden/... itself)."""
        body = json.dumps(make_error(status, description, retry_after)).encode()
        self._failures.setdefault(method.lower(), []).append(_Failure(status, body, count))

    def take_failure(self, method: str) -> tuple[int, bytes] | None:
        queue = self._failures.get(method.lower())
        if not queue:
            return None
        failure = queue[0]
        failure.remaining -= 1
        if failure.remaining <= 0:
            queue.pop(0)
        return failure.status, failure.body

    def set_result(self, method: str, result: Any) -> None:
        """Override the answer for ``method``: a fixed result, or a callable taking
        the decoded params and returning the result."""
        self._overrides[method.lower()] = result if callable(result) else (lambda _p: result)

    def add_file(self, file_id: str, data: bytes, file_path: str | None = None) -> str:
        """Register downloadable bytes for ``file_id``; returns its file_path."""
        path = file_path or f"documents/{_safe_path_part(file_id)}"
        self.files[file_id] = (path, data)
        return path

    def file_bytes(self, file_path: str) -> bytes | None:
        for path, data in self.files.values():
            if path == file_path:
                return data
        return None

    # -- answering -----------------------------------------------------------------

    def answer(
        self, method: str, params: JSONDict, uploads: list[UploadedFile] | None = None
    ) -> Any:
        """The ``result`` for a successful call."""
        name = method.lower()
        if name in self._overrides:
            return self._overrides[name](params)
        if name == "getme":
            return self.bot_user
        if name in _MESSAGE_METHODS:
            return self._sent_message(name, params, uploads or [])
        if name in _EDIT_METHODS:
            if "inline_message_id" in params:
                return True  # edits of inline-mode messages return True
            msg = self._sent_message(name, params, [])
            msg["message_id"] = params.get("message_id", msg["message_id"])
            msg["edit_date"] = msg["date"]
            return msg
        if name == "copymessage":
            return {"message_id": next_message_id()}
        if name == "sendmediagroup":
            return [self._sent_message(name, params, uploads or [])]
        if name == "getfile":
            return self._file(str(params.get("file_id", "")))
        if name == "getchatmember":
            chat_id = _as_chat_id(params.get("chat_id"))
            user_id = int(params.get("user_id", DEFAULT_USER_ID))
            default = "administrator" if user_id == BOT_ID else "member"
            status = self.chat_member_status.get((chat_id, user_id), default)
            return self._member(user_id, status)
        if name == "getchatadministrators":
            return [self._member(DEFAULT_USER_ID, "creator"), self._member(BOT_ID, "administrator")]
        if name == "getupdates" or name == "getmycommands":
            return []
        if name == "getwebhookinfo":
            return {"url": "", "has_custom_certificate": False, "pending_update_count": 0}
        # answerCallbackQuery, answerInlineQuery, setMyCommands, setWebhook, ...
        return True

    def _sent_message(self, name: str, params: JSONDict, uploads: list[UploadedFile]) -> JSONDict:
        chat = make_chat(_as_chat_id(params.get("chat_id")))
        msg: JSONDict = {"message_id": next_message_id(), "date": now(), "chat": chat}
        if chat["type"] == "channel":
            msg["sender_chat"] = chat
        else:
            msg["from"] = self.bot_user
        if "text" in params:
            msg["text"] = str(params["text"])
        if "caption" in params:
            msg["caption"] = str(params["caption"])
        markup = params.get("reply_markup")
        if isinstance(markup, dict) and "inline_keyboard" in markup:
            msg["reply_markup"] = markup  # only inline keyboards are echoed by Telegram
        if name == "senddocument":
            msg["document"] = self._document(params, uploads, msg["message_id"])
        return msg

    def _document(self, params: JSONDict, uploads: list[UploadedFile], message_id: int) -> JSONDict:
        upload = next((u for u in uploads if u.field == "document"), None)
        if upload is None and uploads:
            upload = uploads[0]
        if upload is not None:
            file_id = f"doc-{message_id}"
            self.add_file(file_id, upload.data)
            return make_document(file_id, upload.filename, upload.mime_type, len(upload.data))
        # Re-sent by file_id or URL.
        ref = str(params.get("document", "doc"))
        return make_document(ref, _safe_path_part(ref.rsplit("/", 1)[-1]))

    def _file(self, file_id: str) -> JSONDict:
        path, data = self.files.get(file_id, (f"documents/{_safe_path_part(file_id)}", b""))
        return {
            "file_id": file_id,
            "file_unique_id": f"u-{file_id}",
            "file_size": len(data),
            "file_path": path,
        }

    @staticmethod
    def _member(user_id: int, status: str) -> JSONDict:
        user = make_bot_user() if user_id == BOT_ID else make_user(user_id)
        member: JSONDict = {"status": status, "user": user}
        if status == "creator":
            member["is_anonymous"] = False
        elif status == "administrator":
            member.update(
                dict.fromkeys(
                    (
                        "can_manage_chat",
                        "can_delete_messages",
                        "can_invite_users",
                        "can_pin_messages",
                    ),
                    True,
                )
            )
            member.update(
                dict.fromkeys(
                    (
                        "can_be_edited",
                        "is_anonymous",
                        "can_manage_video_chats",
                        "can_restrict_members",
                        "can_promote_members",
                        "can_change_info",
                        "can_post_stories",
                        "can_edit_stories",
                        "can_delete_stories",
                    ),
                    False,
                )
            )
        elif status == "kicked":
            member["until_date"] = 0
        return member


def read_upload_content(content: Any) -> bytes:
    # PTB >= 21.5 may hand over an open file handle instead of bytes.
    if isinstance(content, bytes):
        return content
    data = content.read()
    return data if isinstance(data, bytes) else str(data).encode()


# Fields the Bot API reads as JSON-serialized objects, whether PTB serialized them or
# the caller did (bot.sending.send.post_text sends its keyboards' JSON).
_JSON_FIELDS = frozenset({"reply_markup", "link_preview_options", "reply_parameters"})


class RecordingRequest(BaseRequest):
    """A ``BaseRequest`` that answers every Bot API call in-process and records it.

    ``calls`` holds ``(method_name, params)`` with params as PTB built them (Python
    values, e.g. ``reply_markup`` as a dict, also when it was sent as JSON text)."""

    def __init__(self, responder: BotApiResponder | None = None) -> None:
        self.responder = responder or BotApiResponder()
        self.calls: list[tuple[str, JSONDict]] = []
        # HTTP status answered for calls[i] (injected failures are not 200).
        self.statuses: list[int] = []
        self.uploaded_files: list[UploadedFile] = []

    @property
    def read_timeout(self) -> float | None:
        return 5.0

    async def initialize(self) -> None:
        return None

    async def shutdown(self) -> None:
        return None

    async def do_request(
        self,
        url: str,
        method: str,
        request_data: RequestData | None = None,
        read_timeout: ODVInput[float] = DEFAULT_NONE,
        write_timeout: ODVInput[float] = DEFAULT_NONE,
        connect_timeout: ODVInput[float] = DEFAULT_NONE,
        pool_timeout: ODVInput[float] = DEFAULT_NONE,
    ) -> tuple[int, bytes]:
        if "/file/bot" in url:
            # File download (File.download_*): <base_file_url><token>/<file_path>.
            file_path = url.split("/file/bot", 1)[1].split("/", 1)[-1]
            data = self.responder.file_bytes(file_path)
            if data is None:
                return 404, json.dumps(make_error(404, "Not Found: file not found")).encode()
            return 200, data

        api_method = url.rsplit("/", 1)[-1]
        params: JSONDict = dict(request_data.parameters) if request_data else {}
        for name in _JSON_FIELDS.intersection(params):
            if isinstance(params[name], str):
                # Sent already serialized (the same bytes on the wire): read as Telegram does.
                params[name] = json.loads(params[name])
        uploads: list[UploadedFile] = []
        if request_data is not None and request_data.contains_files:
            for field, (filename, content, mime) in request_data.multipart_data.items():
                uploads.append(
                    UploadedFile(api_method, field, filename, read_upload_content(content), mime)
                )
            self.uploaded_files.extend(uploads)
        self.calls.append((api_method, params))

        failure = self.responder.take_failure(api_method)
        if failure is not None:
            self.statuses.append(failure[0])
            return failure
        self.statuses.append(200)
        return 200, encode_ok(self.responder.answer(api_method, params, uploads))

    # -- conveniences --------------------------------------------------------------

    def fail_next(
        self,
        method: str,
        status: int,
        description: str | None = None,
        retry_after: int | None = None,
        count: int = 1,
    ) -> None:
        """See ``BotApiResponder.fail_next``; e.g. ``fail_next("sendMessage", 403)``."""
        self.responder.fail_next(method, status, description, retry_after, count)

    def add_file(self, file_id: str, data: bytes, file_path: str | None = None) -> str:
        return self.responder.add_file(file_id, data, file_path)

    def calls_of(self, method: str) -> list[JSONDict]:
        return [params for name, params in self.calls if name.lower() == method.lower()]

    def sent_texts(self, include_failed: bool = False) -> list[str]:
        """The ``text`` of every sendMessage/editMessageText call, in order.

        Calls answered with an injected error are skipped (the user never saw
        them) unless ``include_failed``; same rule as ``FakeBotApi.sent_texts``."""
        wanted = {m.lower() for m in TEXT_METHODS}
        return [
            str(params.get("text", ""))
            for (name, params), status in zip(self.calls, self.statuses, strict=True)
            if name.lower() in wanted and (include_failed or status == 200)
        ]

    def clear(self) -> None:
        """Forget recorded calls and uploads (e.g. the getMe done by initialize())."""
        self.calls.clear()
        self.statuses.clear()
        self.uploaded_files.clear()
