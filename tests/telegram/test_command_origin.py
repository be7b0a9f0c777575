"""Who may run a command, and where: forwarded messages and other bots' commands are
never run; edited messages never run again; commands that show user ids or other
private data answer only in private chats (offline, through the harness)."""

from __future__ import annotations

import json

import pytest

from bot.markup import plain_text
from testkit.fakes.updates import JSONDict, make_message_update, make_user, now
from tests.support.harness import Harness

OWNER, EDITOR, READER = 1001, 2002, 4004
GROUP = "supergroup"


def joined(texts: list[str]) -> str:
    return "\n".join(plain_text(text) for text in texts)


def forwarded(update: JSONDict, original_author: int = 777) -> JSONDict:
    """The update's message as a forward of someone else's message."""
    message = update.get("message") or update["edited_message"]
    message["forward_origin"] = {
        "type": "user",
        "date": now() - 3600,
        "sender_user": make_user(original_author, "Orig"),
    }
    return update


async def exported_store(harness: Harness, file_id: str, amount: str) -> None:
    """The store as /export writes it, with the first claim's amount changed, as a file."""
    document = await harness.store()
    document["exported_at"] = "2026-01-01T00:00:00+00:00"
    claims = document["claims"]
    assert isinstance(claims, list)
    claims[0]["amount"] = amount
    harness.bot_api.add_file(file_id, json.dumps(document).encode())


# ----- item 12: forwarded messages, other bots' commands, edited messages ------------


async def test_a_forwarded_command_is_never_run_with_the_forwarders_rights(
    harness: Harness,
) -> None:
    before = await harness.store()
    for text in ("/retract 1 gone", "/grant 3003", "/edit 1 amount=1", "/undo"):
        update = forwarded(make_message_update(harness.next_update_id(), text, OWNER))
        out = joined(await harness.process(update))
        # In a private chat the forwarded text is at most a question to check...
        assert "Retracted" not in out and "now an editor" not in out, text
        assert "amount:" not in out and "Undone" not in out, text
        update = forwarded(
            make_message_update(harness.next_update_id(), text, OWNER, chat_type=GROUP)
        )
        # ...and in a group it is not addressed to the bot by its sender: silence.
        assert await harness.process(update) == [], text
    assert await harness.store() == before
    scopes = [json.loads(json.dumps(c["scope"])) for c in harness.bot_api.calls_of("setMyCommands")
              if c.get("scope")]  # fmt: skip
    assert [s for s in scopes if s.get("chat_id") == 3003] == []  # no editor menu for 3003


async def test_a_forwarded_question_in_private_is_answered_as_a_question(
    harness: Harness,
) -> None:
    update = forwarded(make_message_update(harness.next_update_id(), "Sakhalin quota", READER))
    assert "62,000" in joined(await harness.process(update))
    # A forwarded command's text is read as words, not run: no command hint either.
    update = forwarded(make_message_update(harness.next_update_id(), "/quotas", READER))
    out = joined(await harness.process(update))
    assert "I don't know the command" not in out
    assert "All reported quota figures" not in out


async def test_a_forwarded_import_file_is_not_imported(harness: Harness) -> None:
    await exported_store(harness, "FWD", "99999")
    before = await harness.store()
    update = make_message_update(
        harness.next_update_id(),
        None,
        OWNER,
        document={"file_id": "FWD", "file_unique_id": "u-FWD", "file_name": "s.json"},
        caption="/import",
    )
    assert "Imported" not in joined(await harness.process(forwarded(update)))
    assert await harness.store() == before


@pytest.mark.parametrize("caption", ["/import@another_bot", "/IMPORT@Another_Bot mode=replace"])
async def test_an_import_caption_for_another_bot_is_ignored(harness: Harness, caption: str) -> None:
    await exported_store(harness, "OTHER", "99999")
    before = await harness.store()
    assert await harness.send_document("OTHER", caption, OWNER) == []
    assert await harness.store() == before
    assert harness.bot_api.calls_of("getFile") == []


@pytest.mark.parametrize("caption", ["/import", "/import@quota_test_bot", "/Import@QUOTA_TEST_BOT"])
async def test_an_import_caption_for_this_bot_imports(harness: Harness, caption: str) -> None:
    await exported_store(harness, "MINE", "61000")
    out = joined(await harness.send_document("MINE", caption, OWNER))
    assert "Imported (merge" in out and "1 facts updated" in out


@pytest.mark.parametrize("chat_type", ["private", GROUP])
async def test_commands_for_another_bot_are_ignored(harness: Harness, chat_type: str) -> None:
    for text in ("/quotas@another_bot", "/grant@another_bot 3003", "/nosuch@another_bot"):
        assert await harness.send(text, OWNER, chat_type=chat_type) == [], text
    # Ours, addressed by name, still work; an unknown one of ours gets the hint.
    assert "Sakhalin" in joined(await harness.send("/quotas@quota_test_bot", chat_type=chat_type))
    out = joined(await harness.send("/nosuch@quota_test_bot", chat_type=chat_type))
    assert "I don't know the command /nosuch@quota_test_bot" in out


async def test_an_edited_message_never_runs_a_command_again(harness: Harness) -> None:
    before = await harness.store()
    for text in ("/retract 1 gone", "/grant 3003", "/quotas"):
        update = make_message_update(harness.next_update_id(), text, OWNER, edited=True)
        assert await harness.process(update) == [], text
    await exported_store(harness, "EDITED", "99999")
    update = make_message_update(
        harness.next_update_id(),
        None,
        OWNER,
        document={"file_id": "EDITED", "file_unique_id": "u-EDITED", "file_name": "s.json"},
        caption="/import",
        edited=True,
    )
    assert await harness.process(update) == []
    assert await harness.store() == before


# ----- item 11: user ids and other private data only in private chats -----------------

PRIVATE_ONLY = "ask me in a private chat"


@pytest.mark.parametrize(
    "command", ["/admins", "/history 1", "/unanswered", "/stats", "/grant 3003", "/revoke 2002"]
)
async def test_private_data_is_not_posted_in_groups(harness: Harness, command: str) -> None:
    await harness.send("/grant 2002", OWNER)
    await harness.send("an unanswerable question about nothing", READER)  # for /unanswered
    await harness.send("/edit 1 amount=61,000", EDITOR)  # an editor id in /history
    before = await harness.store()
    out = joined(await harness.send(command, OWNER, chat_type=GROUP))
    assert PRIVATE_ONLY in out
    body = out.split("\n")[0]
    assert str(OWNER) not in out and str(EDITOR) not in out, body
    assert "unanswerable" not in out
    assert await harness.store() == before


async def test_private_data_commands_answer_in_private(harness: Harness) -> None:
    await harness.send("/grant 2002", OWNER)
    await harness.send("/edit 1 amount=61,000", EDITOR)
    out = joined(await harness.send("/admins", OWNER))
    assert "Owners (ADMIN_USER_IDS): 1001" in out and "2002 (granted by 1001" in out
    out = joined(await harness.send("/history 1", EDITOR))
    assert "user 2002" in out
    assert "Questions:" in joined(await harness.send("/stats", EDITOR))
    assert "unanswered" in joined(await harness.send("/unanswered", EDITOR)).casefold()
    assert "3003 is now an editor" in joined(await harness.send("/grant 3003", OWNER))
    assert "3003 is no longer an editor" in joined(await harness.send("/revoke 3003", OWNER))


async def test_strangers_in_groups_learn_nothing_either(harness: Harness) -> None:
    refusals = {
        "/admins": "Only editors can list the editors.",
        "/history 1": "Only editors can see the history.",
        "/unanswered": "Only editors can see what people asked.",
        "/stats": "Only editors can see what people asked.",
    }
    for command, refusal in refusals.items():
        out = joined(await harness.send(command, READER, chat_type=GROUP))
        assert out.startswith(refusal), command
        assert str(OWNER) not in out and PRIVATE_ONLY not in out, command
