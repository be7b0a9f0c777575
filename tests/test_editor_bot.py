"""Editor commands through the Telegram layer, offline (RecordingRequest + process_update)."""

from __future__ import annotations

import html
import itertools
import json
import re
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from typing import Any

import pytest
from telegram import Update
from telegram.constants import ParseMode
from telegram.ext import Application, ContextTypes, Defaults

from bot.app import register_handlers
from bot.runtime import Runtime
from db.transfer import export_document
from tests.fakes.recording_request import (
    RecordingRequest,
    make_callback_update,
    make_document,
    make_message_update,
)

OWNER, EDITOR, STRANGER, READER = 1001, 2002, 3003, 4004
ADD_VLADIVOSTOK = (
    "/addquota country=Russia place=Vladivostok sector=construction amount=50,000 "
    "currency=RUB usd=590 approx=yes period=month basis=person change=doubled "
    'source="a source in Russia"'
)


@dataclass
class Chat:
    app: Application
    rec: RecordingRequest
    runtime: Runtime
    errors: list[object] = field(default_factory=list)
    ids: itertools.count[int] = field(default_factory=lambda: itertools.count(1))

    async def send(self, text: str, user: int = READER, **kwargs: Any) -> list[str]:
        """Deliver one message; returns the plain text of what the bot sent back."""
        return await self._deliver(make_message_update(next(self.ids), text, user, **kwargs))

    async def send_file(
        self, file_id: str, caption: str, user: int = OWNER, size: int | None = None
    ) -> list[str]:
        document = make_document(file_id, "store.json", "application/json", size)
        update = make_message_update(next(self.ids), None, user, document=document, caption=caption)
        return await self._deliver(update)

    async def tap(self, data: str, user: int = EDITOR) -> list[str]:
        return await self._deliver(make_callback_update(next(self.ids), data, user))

    async def _deliver(self, payload: dict[str, Any]) -> list[str]:
        before = len(self.rec.sent_texts())
        await self.app.process_update(Update.de_json(payload, self.app.bot))
        return [html.unescape(re.sub(r"<[^>]+>", "", t)) for t in self.rec.sent_texts()[before:]]

    async def store(self) -> dict[str, object]:
        async with self.runtime.sessionmaker() as session:
            document = await export_document(session)
        document.pop("exported_at")
        return document

    def last_keyboard(self) -> list[list[dict[str, str]]]:
        markup = self.rec.calls_of("sendMessage")[-1].get("reply_markup") or {}
        return list(markup.get("inline_keyboard", []))


@pytest.fixture
async def chat(runtime: Runtime) -> AsyncIterator[Chat]:
    rec = RecordingRequest()
    app = (
        Application.builder()
        .token(runtime.settings.token())
        .request(rec)
        .updater(None)
        .defaults(Defaults(parse_mode=ParseMode.HTML))
        .build()
    )
    app.bot_data["settings"] = runtime.settings
    app.bot_data["runtime"] = runtime
    register_handlers(app)
    harness = Chat(app, rec, runtime)

    async def collect(update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
        harness.errors.append(context.error)

    app.add_error_handler(collect)
    async with app:
        yield harness
    assert harness.errors == []


def joined(texts: list[str]) -> str:
    return "\n".join(texts)


async def test_strangers_are_refused_and_nothing_changes(chat: Chat) -> None:
    before = await chat.store()
    for command in (ADD_VLADIVOSTOK, "/edit 1 amount=1", "/retract 1 no", "/undo", "/facts",
                    "/grant 3003", "/export", '/alias "x" place=Dalian'):  # fmt: skip
        out = joined(await chat.send(command, STRANGER))
        assert "Only" in out and "can" in out, command
        assert "Unverified" in out  # the caveat rides on every message
    # Anonymous group admin and a channel-sent message: never trusted, even if the id matched.
    out = joined(
        await chat.send(
            "/edit 1 amount=1",
            OWNER,
            chat_type="supergroup",
            sender_chat={"id": -1001234567890, "type": "supergroup", "title": "G"},
        )
    )
    assert "Only editors can" in out and "Anonymous admins" in out
    # An editor's command in a group by a stranger is refused as well.
    out = joined(await chat.send("/retract 1 gone", STRANGER, chat_type="supergroup"))
    assert "Only editors can" in out
    assert await chat.store() == before


async def test_editor_flow_add_correct_history_retract(chat: Chat) -> None:
    out = joined(await chat.send("/grant 2002", OWNER))
    assert "2002 is now an editor" in out
    menus = [c for c in chat.rec.calls_of("setMyCommands") if c.get("scope")]
    assert any(json.loads(json.dumps(c["scope"]))["chat_id"] == EDITOR for c in menus)

    out = joined(await chat.send(ADD_VLADIVOSTOK, EDITOR))
    new_id = int(re.search(r"Added quota #(\d+)", out).group(1))  # type: ignore[union-attr]
    assert "Vladivostok, Russia" in out and "Before: 50,000 rubles (RUB)" in out

    out = joined(await chat.send("How much do workers in Vladivostok owe?", READER))
    assert "50,000 rubles" in out and "100,000 rubles" in out

    out = joined(await chat.send(f'/edit {new_id} amount=52,000 reason="typo"', EDITOR))
    assert "amount: 50000 → 52000" in out and "corrected on" in out
    out = joined(await chat.send("Vladivostok quota", READER))
    assert "52,000" in out and "104,000" in out and "corrected on" in out

    out = joined(await chat.send(f"/history {new_id}", EDITOR))
    assert "create" in out and "edit amount: 50000 → 52000 — reason: typo" in out
    assert "user 2002" in out

    out = joined(await chat.send("/facts vladivostok", EDITOR))
    assert re.search(rf"#{new_id} Vladivostok, Russia — 52,000 rubles", out)

    out = joined(await chat.send(f"/retract {new_id} the source withdrew it", EDITOR))
    assert "Retracted" in out and "retracted on" in out
    out = joined(await chat.send("Vladivostok quota", READER))
    assert "retracted on" in out and "52,000" not in out
    out = joined(await chat.send("/quotas", READER))
    assert "Vladivostok" not in out

    out = joined(await chat.send("/undo", EDITOR))
    assert "Undone" in out and "status: retracted → active" in out
    out = joined(await chat.send("/quotas", READER))
    assert "Vladivostok" in out


async def test_bad_input_gets_one_clear_message(chat: Chat) -> None:
    await chat.send("/grant 2002", OWNER)
    before = await chat.store()
    cases = {
        ADD_VLADIVOSTOK.replace("50,000", "abc"): "amount",
        ADD_VLADIVOSTOK.replace("50,000", "-5"): "amount",
        ADD_VLADIVOSTOK.replace("50,000", "0"): "amount",
        ADD_VLADIVOSTOK.replace("50,000", "1e999"): "amount",
        ADD_VLADIVOSTOK.replace("50,000", "9" * 70): "amount",
        ADD_VLADIVOSTOK.replace("RUB", "RUX"): "currency",
        ADD_VLADIVOSTOK + " colour=red": "unknown",
        ADD_VLADIVOSTOK.replace("amount=50,000 ", ""): "amount",
        ADD_VLADIVOSTOK + ' date="March 10': "unbalanced",
        ADD_VLADIVOSTOK + " place=Dalian": "twice",
        "/edit 999 amount=5": "no fact #999",
        "/edit 1 wings=2": "unknown field",
        "/edit abc amount=5": "id",
        "/retract 1": "reason",
        "/history": "missing",
        f'/addfact topic=x text="{"y" * 2500}"': "too long",
    }
    for command, expected in cases.items():
        texts = await chat.send(command, EDITOR)
        assert len(texts) == 1, command
        assert expected in texts[0].lower() or expected in texts[0], (command, texts[0])
        assert "Usage:" in texts[0] or "⛔" in texts[0]
    assert await chat.store() == before


async def test_html_in_values_is_shown_escaped(chat: Chat) -> None:
    await chat.send("/grant 2002", OWNER)
    await chat.send('/addfact topic=hours place=Sakhalin text="<b>12</b> hours & more"', EDITOR)
    raw = chat.rec.sent_texts()[-1]
    assert "&lt;b&gt;12&lt;/b&gt; hours &amp; more" in raw


async def test_editor_listings_and_aliases(chat: Chat) -> None:
    await chat.send("/grant 2002", OWNER)
    out = joined(await chat.send("/sources", EDITOR))
    assert "Source ids" in out and "#1 a source in Russia" in out
    out = joined(await chat.send("/sources", READER))
    assert "Source ids" not in out
    out = joined(await chat.send("/articles", EDITOR))
    assert "#1 HNGN" in out
    out = joined(await chat.send('/alias "рыбный завод" sector=seafood processing', EDITOR))
    assert "now means sector seafood processing" in out
    out = joined(await chat.send("/aliases", EDITOR))
    assert "“рыбный завод” → sector seafood processing" in out
    out = joined(await chat.send("рыбный завод", READER))
    assert "Dalian" in out
    out = joined(await chat.send("/admins", EDITOR))
    assert "1001" in out and "2002" in out
    out = joined(await chat.send('/editarticle 1 reporter="Jane Roe"', EDITOR))
    assert "reporter: (empty) → Jane Roe" in out
    out = joined(await chat.send('/editsource 2 told_to="Daily NK"', EDITOR))
    assert "told_to: (empty) → Daily NK" in out
    out = joined(
        await chat.send('/addarticle outlet="Daily NK" title="T" caveat="Unchecked."', EDITOR)
    )
    assert "Added article #2" in out


async def test_edited_command_message_is_not_run(chat: Chat) -> None:
    await chat.send("/grant 2002", OWNER)
    before = await chat.store()
    assert await chat.send("/edit 1 amount=99", EDITOR, edited=True) == []
    assert await chat.store() == before


async def test_guided_edit_dialogue(chat: Chat) -> None:
    await chat.send("/grant 2002", OWNER)
    out = joined(await chat.send("/edit", EDITOR))
    assert "Which fact" in out
    keyboard = chat.last_keyboard()
    data = [b["callback_data"] for row in keyboard for b in row]
    assert all(len(d.encode()) <= 64 for d in data)
    pick_one = next(d for d in data if d.endswith(":f:1"))
    out = joined(await chat.tap(pick_one))
    assert "Which field" in out
    amount = next(
        b["callback_data"] for row in chat.last_keyboard() for b in row if b["text"] == "amount"
    )
    out = joined(await chat.tap(amount))
    assert "amount is now: 62000" in out
    # A bad value keeps the dialogue going; a good one applies it.
    out = joined(await chat.send("lots", EDITOR))
    assert "⛔" in out and "again" in out
    out = joined(await chat.send("64,000", EDITOR))
    assert "Corrected #1" in out and "64,000" in out
    # The dialogue is over: plain text is a question again, old buttons expired.
    out = joined(await chat.send("Sakhalin quota", EDITOR))
    assert "64,000" in out
    await chat.tap(amount)
    assert chat.rec.calls_of("answerCallbackQuery")[-1].get("show_alert") is True


async def test_guided_retract_asks_for_confirmation(chat: Chat) -> None:
    await chat.send("/grant 2002", OWNER)
    await chat.send("/retract", EDITOR)
    pick = next(
        b["callback_data"] for row in chat.last_keyboard() for b in row
        if b["callback_data"].endswith(":f:2")
    )  # fmt: skip
    out = joined(await chat.tap(pick))
    assert "reason" in out
    out = joined(await chat.send("the source took it back", EDITOR))
    assert "Retract #2?" in out
    yes = chat.last_keyboard()[0][0]["callback_data"]
    out = joined(await chat.tap(yes))
    assert "Retracted #2" in out
    out = joined(await chat.send("Dalian quota", READER))
    assert "retracted on" in out
    # Tapping "yes" again does nothing twice.
    await chat.tap(yes)
    assert chat.rec.calls_of("answerCallbackQuery")[-1].get("show_alert") is True


async def test_guided_addquota(chat: Chat) -> None:
    await chat.send("/grant 2002", OWNER)
    await chat.send("/addquota", EDITOR)
    assert "country" in joined(await chat.send("Atlantis", EDITOR)).lower()  # refused
    await chat.send("Russia", EDITOR)
    await chat.send("Khabarovsk", EDITOR)
    skip = chat.last_keyboard()[0][0]["callback_data"]
    await chat.tap(skip)  # sector: skip
    await chat.send("40,000", EDITOR)
    rub = chat.last_keyboard()[0][0]["callback_data"]
    await chat.tap(rub)
    await chat.tap(chat.last_keyboard()[0][0]["callback_data"])  # usd: skip
    out = joined(await chat.tap(chat.last_keyboard()[0][0]["callback_data"]))  # doubled
    assert "Add this quota figure?" in out
    out = joined(await chat.tap(chat.last_keyboard()[0][0]["callback_data"]))
    assert "Added quota" in out and "Khabarovsk" in out and "80,000" in out


async def test_forged_callbacks_get_a_polite_answer(chat: Chat) -> None:
    await chat.send("/grant 2002", OWNER)
    for data in ("dg:deadbeef:y:", "dg:::::", "fx:abc", "dg:1:2:3"):
        assert await chat.tap(data) == []
        assert chat.rec.calls_of("answerCallbackQuery")[-1].get("show_alert") is True
    # Not an editor's button at all: the follow-up handler calls it out of date.
    assert await chat.tap("x" * 64) == []
    assert "out of date" in chat.rec.calls_of("answerCallbackQuery")[-1]["text"]
    await chat.tap("fx:1:0:", user=STRANGER)
    assert "Only editors" in chat.rec.calls_of("answerCallbackQuery")[-1]["text"]


async def test_export_and_import_round_trip(chat: Chat) -> None:
    await chat.send("/grant 2002", OWNER)
    out = joined(await chat.send("/export", EDITOR))
    assert "Only owners" in out
    await chat.send("/export", OWNER)
    [upload] = chat.rec.uploaded_files
    document = json.loads(upload.data)
    assert document["format"] == "quota-facts-store" and document["editors"]
    assert "Unverified" in chat.rec.calls_of("sendDocument")[-1]["caption"]

    document["claims"][0]["amount"] = "61000"
    chat.rec.add_file("EXPORT1", json.dumps(document).encode())
    out = joined(await chat.send_file("EXPORT1", "/import"))
    assert "Imported (merge" in out and "1 facts updated" in out
    out = joined(await chat.send("Sakhalin quota", READER))
    assert "61,000" in out

    before = await chat.store()
    chat.rec.add_file("BAD", b'{"format": "nope"}')
    out = joined(await chat.send_file("BAD", "/import mode=replace"))
    assert "Not imported" in out
    chat.rec.add_file("BIG", b"x")
    out = joined(await chat.send_file("BIG", "/import", size=50_000_000))
    assert "larger than" in out
    out = joined(await chat.send_file("EXPORT1", "/import", user=EDITOR))
    assert "Only owners" in out
    out = joined(await chat.send_file("EXPORT1", "/import mode=sideways"))
    assert "Mode must be" in out
    assert await chat.store() == before


async def test_facts_are_paginated_with_buttons(chat: Chat) -> None:
    await chat.send("/grant 2002", OWNER)
    for n in range(10):
        await chat.send(f'/addfact topic=extra text="Extra statement {n}."', EDITOR)
    out = joined(await chat.send("/facts", EDITOR))
    assert "page 1 of 2" in out and "#1 Sakhalin" in out and "/facts page=2" in out
    [[next_button]] = chat.last_keyboard()
    assert next_button["callback_data"] == "fx:2:0:"
    out = joined(await chat.tap(next_button["callback_data"]))
    assert "page 2 of 2" in out and "#25 extra — Extra statement 9." in out
    out = joined(await chat.send("/facts extra page=2", EDITOR))
    assert "page 1 of 1" in out  # only ten match: the page is clamped
    out = joined(await chat.send("/facts page=0", EDITOR))
    assert "Usage: /facts" in out


async def test_dialogue_by_typed_id_paging_and_cancel(chat: Chat) -> None:
    await chat.send("/grant 2002", OWNER)
    await chat.send("/retract", EDITOR)
    page_two = next(
        b["callback_data"] for row in chat.last_keyboard() for b in row if b["text"] == "▶"
    )
    out = joined(await chat.tap(page_two))
    assert "Which fact do you want to retract?" in out
    assert any(":f:9" in b["callback_data"] for row in chat.last_keyboard() for b in row)
    out = joined(await chat.send("#999", EDITOR))
    assert "no fact #999" in out and "again" in out
    # The dialogue goes on: type an id that exists.
    out = joined(await chat.send("#3", EDITOR))
    assert "Why is it retracted?" in out
    out = joined(await chat.send("/cancel", EDITOR))
    assert "Cancelled" in out
    out = joined(await chat.send("/cancel", EDITOR))
    assert "Nothing to cancel" in out
    # With the dialogue gone, text is a question again.
    out = joined(await chat.send("who says so?", EDITOR))
    assert "Who says so" in out
