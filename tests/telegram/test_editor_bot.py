"""Editor commands through the Telegram layer, offline (RecordingRequest + process_update)."""

from __future__ import annotations

import json
import re

from bot.markup import plain_text
from tests.support.harness import Harness

OWNER, EDITOR, STRANGER, READER = 1001, 2002, 3003, 4004
ADD_VLADIVOSTOK = (
    "/addquota country=Russia place=Vladivostok sector=construction amount=50,000 "
    "currency=RUB usd=590 approx=yes period=month basis=person change=doubled "
    'source="a source in Russia"'
)


def joined(texts: list[str]) -> str:
    """The replies as the user reads them, in one string."""
    return "\n".join(plain_text(text) for text in texts)


async def test_strangers_are_refused_and_nothing_changes(harness: Harness) -> None:
    before = await harness.store()
    for command in (ADD_VLADIVOSTOK, "/edit 1 amount=1", "/retract 1 no", "/undo", "/facts",
                    "/grant 3003", "/export", '/alias "x" place=Dalian'):  # fmt: skip
        out = joined(await harness.send(command, STRANGER))
        assert "Only" in out and "can" in out, command
        assert "Unverified" in out  # the caveat rides on every message
    # Anonymous group admin and a channel-sent message: never trusted, even if the id matched.
    out = joined(
        await harness.send(
            "/edit 1 amount=1",
            OWNER,
            chat_type="supergroup",
            sender_chat={"id": -1001234567890, "type": "supergroup", "title": "G"},
        )
    )
    assert "Only editors can" in out and "Anonymous admins" in out
    # An editor's command in a group by a stranger is refused as well.
    out = joined(await harness.send("/retract 1 gone", STRANGER, chat_type="supergroup"))
    assert "Only editors can" in out
    assert await harness.store() == before


async def test_editor_flow_add_correct_history_retract(harness: Harness) -> None:
    out = joined(await harness.send("/grant 2002", OWNER))
    assert "2002 is now an editor" in out
    menus = [c for c in harness.bot_api.calls_of("setMyCommands") if c.get("scope")]
    assert any(json.loads(json.dumps(c["scope"]))["chat_id"] == EDITOR for c in menus)

    out = joined(await harness.send(ADD_VLADIVOSTOK, EDITOR))
    new_id = int(re.search(r"Added quota #(\d+)", out).group(1))  # type: ignore[union-attr]
    assert "Vladivostok, Russia" in out and "Before: 50,000 rubles (RUB)" in out

    out = joined(await harness.send("How much do workers in Vladivostok owe?", READER))
    assert "50,000 rubles" in out and "100,000 rubles" in out

    out = joined(await harness.send(f'/edit {new_id} amount=52,000 reason="typo"', EDITOR))
    assert "amount: 50000 → 52000" in out and "corrected on" in out
    out = joined(await harness.send("Vladivostok quota", READER))
    assert "52,000" in out and "104,000" in out and "corrected on" in out

    out = joined(await harness.send(f"/history {new_id}", EDITOR))
    assert "create" in out and "edit amount: 50000 → 52000 — reason: typo" in out
    assert "user 2002" in out

    out = joined(await harness.send("/facts vladivostok", EDITOR))
    assert re.search(rf"#{new_id} Vladivostok, Russia — 52,000 rubles", out)

    out = joined(await harness.send(f"/retract {new_id} the source withdrew it", EDITOR))
    assert "Retracted" in out and "retracted on" in out
    out = joined(await harness.send("Vladivostok quota", READER))
    assert "retracted on" in out and "52,000" not in out
    out = joined(await harness.send("/quotas", READER))
    assert "Vladivostok" not in out

    out = joined(await harness.send("/undo", EDITOR))
    assert "Undone" in out and "status: retracted → active" in out
    out = joined(await harness.send("/quotas", READER))
    assert "Vladivostok" in out


async def test_bad_input_gets_one_clear_message(harness: Harness) -> None:
    await harness.send("/grant 2002", OWNER)
    before = await harness.store()
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
        texts = [plain_text(text) for text in await harness.send(command, EDITOR)]
        assert len(texts) == 1, command
        assert texts[0].startswith("⛔ "), (command, texts[0])
        assert expected in texts[0].lower(), (command, texts[0])
    assert await harness.store() == before


async def test_html_in_values_is_shown_escaped(harness: Harness) -> None:
    await harness.send("/grant 2002", OWNER)
    await harness.send('/addfact topic=hours place=Sakhalin text="<b>12</b> hours & more"', EDITOR)
    raw = harness.sent_texts()[-1]
    assert "&lt;b&gt;12&lt;/b&gt; hours &amp; more" in raw


async def test_editor_listings_and_aliases(harness: Harness) -> None:
    await harness.send("/grant 2002", OWNER)
    out = joined(await harness.send("/sources", EDITOR))
    assert "Source ids" in out and "#1 a source in Russia" in out
    out = joined(await harness.send("/sources", READER))
    assert "Source ids" not in out
    out = joined(await harness.send("/articles", EDITOR))
    assert "#1 HNGN" in out
    out = joined(await harness.send('/alias "рыбный завод" sector=seafood processing', EDITOR))
    assert "now means sector seafood processing" in out
    out = joined(await harness.send("/aliases", EDITOR))
    assert "“рыбный завод” → sector seafood processing" in out
    out = joined(await harness.send("рыбный завод", READER))
    # The alias just taught is understood; answered in Russian, the place in Cyrillic and
    # the sector by its name (vocabulary/display_names.json), not by the alias.
    assert "Далянь, Китай — рабочие (переработка морепродуктов)" in out
    out = joined(await harness.send("/admins", EDITOR))
    assert "1001" in out and "2002" in out
    out = joined(await harness.send('/editarticle 1 reporter="Jane Roe"', EDITOR))
    assert "reporter: (empty) → Jane Roe" in out
    out = joined(await harness.send('/editsource 2 told_to="Daily NK"', EDITOR))
    assert "told_to: (empty) → Daily NK" in out
    out = joined(
        await harness.send('/addarticle outlet="Daily NK" title="T" caveat="Unchecked."', EDITOR)
    )
    assert "Added article #2" in out


async def test_edited_command_message_is_not_run(harness: Harness) -> None:
    await harness.send("/grant 2002", OWNER)
    before = await harness.store()
    assert await harness.send("/edit 1 amount=99", EDITOR, edited=True) == []
    assert await harness.store() == before


async def test_guided_edit_dialogue(harness: Harness) -> None:
    await harness.send("/grant 2002", OWNER)
    out = joined(await harness.send("/edit", EDITOR))
    assert "Which fact" in out
    keyboard = harness.last_keyboard()
    data = [b["callback_data"] for row in keyboard for b in row]
    assert all(len(d.encode()) <= 64 for d in data)
    pick_one = next(d for d in data if d.endswith(":f:1"))
    out = joined(await harness.tap(pick_one, EDITOR))
    assert "Which field" in out
    amount = next(
        b["callback_data"] for row in harness.last_keyboard() for b in row if b["text"] == "amount"
    )
    out = joined(await harness.tap(amount, EDITOR))
    assert "amount is now: 62000" in out
    # A bad value keeps the dialogue going; a good one applies it.
    out = joined(await harness.send("lots", EDITOR))
    assert "⛔" in out and "again" in out
    out = joined(await harness.send("64,000", EDITOR))
    assert "Corrected #1" in out and "64,000" in out
    # The dialogue is over: plain text is a question again, old buttons expired.
    out = joined(await harness.send("Sakhalin quota", EDITOR))
    assert "64,000" in out
    await harness.tap(amount, EDITOR)
    assert harness.bot_api.calls_of("answerCallbackQuery")[-1].get("show_alert") is True


async def test_guided_retract_asks_for_confirmation(harness: Harness) -> None:
    await harness.send("/grant 2002", OWNER)
    await harness.send("/retract", EDITOR)
    pick = next(
        b["callback_data"] for row in harness.last_keyboard() for b in row
        if b["callback_data"].endswith(":f:2")
    )  # fmt: skip
    out = joined(await harness.tap(pick, EDITOR))
    assert "reason" in out
    out = joined(await harness.send("the source took it back", EDITOR))
    assert "Retract #2?" in out
    yes = harness.last_keyboard()[0][0]["callback_data"]
    out = joined(await harness.tap(yes, EDITOR))
    assert "Retracted #2" in out
    out = joined(await harness.send("Dalian quota", READER))
    assert "retracted on" in out
    # Tapping "yes" again does nothing twice.
    await harness.tap(yes, EDITOR)
    assert harness.bot_api.calls_of("answerCallbackQuery")[-1].get("show_alert") is True


async def test_guided_addquota(harness: Harness) -> None:
    await harness.send("/grant 2002", OWNER)
    await harness.send("/addquota", EDITOR)
    assert "country" in joined(await harness.send("Atlantis", EDITOR)).lower()  # refused
    await harness.send("Russia", EDITOR)
    await harness.send("Khabarovsk", EDITOR)
    skip = harness.last_keyboard()[0][0]["callback_data"]
    await harness.tap(skip, EDITOR)  # sector: skip
    await harness.send("40,000", EDITOR)
    rub = harness.last_keyboard()[0][0]["callback_data"]
    await harness.tap(rub, EDITOR)
    await harness.tap(harness.last_keyboard()[0][0]["callback_data"], EDITOR)  # usd: skip
    await harness.tap(harness.last_keyboard()[0][0]["callback_data"], EDITOR)  # period: month
    await harness.tap(harness.last_keyboard()[0][2]["callback_data"], EDITOR)  # bound: skip
    # doubled: no percentage is asked, only which side of the doubling the amount is
    out = joined(await harness.tap(harness.last_keyboard()[0][0]["callback_data"], EDITOR))
    assert "before the change or after it" in out
    out = joined(await harness.tap(harness.last_keyboard()[0][0]["callback_data"], EDITOR))
    assert "Add this quota figure?" in out
    out = joined(await harness.tap(harness.last_keyboard()[0][0]["callback_data"], EDITOR))
    assert "Added quota" in out and "Khabarovsk" in out and "80,000" in out


async def test_guided_addquota_of_a_percentage_rise_per_quarter(harness: Harness) -> None:
    """ "Rose 25 percent to 450,000 rubles per logger per quarter": the dialogue asks the
    period (quarter), the percentage and which side of the rise the amount is."""
    await harness.send("/grant 2002", OWNER)
    await harness.send("/addquota", EDITOR)
    await harness.send("Russia", EDITOR)
    await harness.send("Khabarovsk", EDITOR)
    await harness.tap(harness.last_keyboard()[0][0]["callback_data"], EDITOR)  # sector: skip
    await harness.send("450,000", EDITOR)
    await harness.tap(harness.last_keyboard()[0][0]["callback_data"], EDITOR)  # RUB
    out = joined(await harness.tap(harness.last_keyboard()[0][0]["callback_data"], EDITOR))
    assert "How often is it due?" in out  # usd skipped
    quarter = harness.last_keyboard()[0][1]
    assert quarter["text"] == "quarter"
    await harness.tap(quarter["callback_data"], EDITOR)
    await harness.tap(harness.last_keyboard()[0][2]["callback_data"], EDITOR)  # bound: skip
    increased = harness.last_keyboard()[0][1]
    assert increased["text"] == "increased"
    out = joined(await harness.tap(increased["callback_data"], EDITOR))
    assert "By what percent" in out
    assert "percentage" in joined(await harness.send("-5", EDITOR))  # refused, asked again
    out = joined(await harness.send("25 %", EDITOR))
    assert "before the change or after it" in out
    after = harness.last_keyboard()[0][1]
    assert after["text"] == "after"
    out = joined(await harness.tap(after["callback_data"], EDITOR))
    assert "period: quarter" in out and "change_percent: 25 %" in out and "amount_is: after" in out
    out = joined(await harness.tap(harness.last_keyboard()[0][0]["callback_data"], EDITOR))
    assert "Added quota" in out and "after a rise of 25 %, as reported" in out
    answer = joined(await harness.send("what is the quota in khabarovsk?", READER))
    assert "Now: 450,000 rubles (RUB), a quarter — after a rise of 25 %, as reported." in answer
    assert "Before: about 360,000 rubles (RUB), a quarter (450,000 ÷ 1.25)" in answer


async def test_forged_callbacks_get_a_polite_answer(harness: Harness) -> None:
    await harness.send("/grant 2002", OWNER)
    for data in ("dg:deadbeef:y:", "dg:::::", "fx:abc", "dg:1:2:3"):
        assert await harness.tap(data, EDITOR) == []
        assert harness.bot_api.calls_of("answerCallbackQuery")[-1].get("show_alert") is True
    # Not an editor's button at all: the follow-up handler calls it out of date.
    assert await harness.tap("x" * 64, EDITOR) == []
    assert "out of date" in harness.bot_api.calls_of("answerCallbackQuery")[-1]["text"]
    await harness.tap("fx:1:0:", STRANGER)
    assert "Only editors" in harness.bot_api.calls_of("answerCallbackQuery")[-1]["text"]


async def test_export_and_import_round_trip(harness: Harness) -> None:
    await harness.send("/grant 2002", OWNER)
    out = joined(await harness.send("/export", EDITOR))
    assert "Only owners" in out
    await harness.send("/export", OWNER)
    [upload] = harness.bot_api.uploaded_files
    document = json.loads(upload.data)
    assert document["format"] == "quota-facts-store" and document["editors"]
    assert "Unverified" in harness.bot_api.calls_of("sendDocument")[-1]["caption"]

    document["claims"][0]["amount"] = "61000"
    harness.bot_api.add_file("EXPORT1", json.dumps(document).encode())
    out = joined(await harness.send_document("EXPORT1", "/import", OWNER))
    assert "Imported (merge" in out and "1 facts updated" in out
    out = joined(await harness.send("Sakhalin quota", READER))
    assert "61,000" in out

    before = await harness.store()
    harness.bot_api.add_file("BAD", b'{"format": "nope"}')
    out = joined(await harness.send_document("BAD", "/import mode=replace", OWNER))
    assert "Not imported" in out
    harness.bot_api.add_file("BIG", b"x")
    out = joined(await harness.send_document("BIG", "/import", OWNER, size=50_000_000))
    assert "larger than" in out
    out = joined(await harness.send_document("EXPORT1", "/import", EDITOR))
    assert "Only owners" in out
    out = joined(await harness.send_document("EXPORT1", "/import mode=sideways", OWNER))
    assert "Mode must be" in out
    assert await harness.store() == before


async def test_facts_are_paginated_with_buttons(harness: Harness) -> None:
    await harness.send("/grant 2002", OWNER)
    for n in range(10):
        await harness.send(f'/addfact topic=extra text="Extra statement {n}."', EDITOR)
    out = joined(await harness.send("/facts", EDITOR))
    assert "page 1 of 2" in out and "#1 Sakhalin" in out and "/facts page=2" in out
    [[next_button]] = harness.last_keyboard()
    assert next_button["callback_data"] == "fx:2:0:"
    out = joined(await harness.tap(next_button["callback_data"], EDITOR))
    assert "page 2 of 2" in out and "#26 extra — Extra statement 9." in out
    out = joined(await harness.send("/facts extra page=2", EDITOR))
    assert "page 1 of 1" in out  # only ten match: the page is clamped
    out = joined(await harness.send("/facts page=0", EDITOR))
    assert "Usage: /facts" in out


async def test_dialogue_by_typed_id_paging_and_cancel(harness: Harness) -> None:
    await harness.send("/grant 2002", OWNER)
    await harness.send("/retract", EDITOR)
    page_two = next(
        b["callback_data"] for row in harness.last_keyboard() for b in row if b["text"] == "▶"
    )
    out = joined(await harness.tap(page_two, EDITOR))
    assert "Which fact do you want to retract?" in out
    assert any(":f:9" in b["callback_data"] for row in harness.last_keyboard() for b in row)
    out = joined(await harness.send("#999", EDITOR))
    assert "no fact #999" in out and "again" in out
    # The dialogue goes on: type an id that exists.
    out = joined(await harness.send("#3", EDITOR))
    assert "Why is it retracted?" in out
    out = joined(await harness.send("/cancel", EDITOR))
    assert "Cancelled" in out
    out = joined(await harness.send("/cancel", EDITOR))
    assert "Nothing to cancel" in out
    # With the dialogue gone, text is a question again.
    out = joined(await harness.send("who says so?", EDITOR))
    assert "Who says so" in out


async def test_export_is_sent_again_when_telegram_surely_did_not_take_it(
    harness: Harness,
) -> None:
    harness.bot_api.fail_next("sendDocument", 502)  # a Bad Gateway: nothing was sent
    await harness.send("/export", OWNER)
    assert len(harness.bot_api.calls_of("sendDocument")) == 2
    assert json.loads(harness.bot_api.uploaded_files[-1].data)["format"] == "quota-facts-store"


async def test_the_readme_figure_examples_are_accepted(harness: Harness) -> None:
    from pathlib import Path

    readme = (Path(__file__).parents[2] / "README.md").read_text(encoding="utf-8")
    block = readme.split("## Editors\n", 1)[1].split("```text\n", 1)[1].split("```", 1)[0]
    added = []
    for line in block.splitlines():
        if line.startswith("/addquota"):
            out = joined(await harness.send(line, OWNER))
            found = re.search(r"^✅ Added quota #(\d+)\.$", out, re.M)
            assert found is not None and "Users will now see:" in out, out
            added.append(found.group(1))
    assert len(added) == 3
    # /edit and /supersede, on the claims just added (the README's ids are examples).
    edit = f'/edit {added[0]} basis=household basis_text="a married worker\'s household"'
    assert "Unverified" in joined(await harness.send(edit, OWNER))
    out = joined(await harness.send("/edit 1 amount=31,000 amount_to=62,000 change=doubled", OWNER))
    assert "62,000" in out and "error" not in out.lower(), out
    out = joined(await harness.send(f"/supersede 1 {added[1]}", OWNER))
    assert "superseded" in out.lower(), out


async def test_addquota_and_edit_take_the_new_shapes(harness: Harness) -> None:
    """A rise given as a percentage with only the new amount, per quarter, and a lower
    bound: typed as commands, shown to readers as stated, refused when they contradict."""
    await harness.send("/grant 2002", OWNER)
    out = joined(
        await harness.send(
            "/addquota country=Russia place=Khabarovsk amount=450,000 currency=RUB "
            "period=quarter basis=person change=increased change_percent=25 amount_is=after",
            EDITOR,
        )
    )
    assert "Now: 450,000 rubles (RUB), a person a quarter — after a rise of 25 %" in out
    claim_id = int(out.split("#")[1].split(".")[0].split()[0])
    out = joined(await harness.send(f"/edit {claim_id} amount_to=500,000", EDITOR))
    assert "mount_is=after and amount_to both give the new amount" in out
    out = joined(await harness.send(f"/edit {claim_id} change_percent=-3", EDITOR))
    assert "a percentage above 0 like 25" in out
    out = joined(
        await harness.send(
            "/addquota country=Russia place=Vladivostok amount=40 currency=USD usd=40 "
            'approx=no period=day bound="at least" change=new',
            EDITOR,
        )
    )
    assert "Quota: at least 40 US dollars (USD), at least $40, a day." in out
    answer = joined(await harness.send("how much a year in vladivostok?", READER))
    assert "only a lower bound (“at least”), not one figure" in answer
    assert "14,600" not in answer
