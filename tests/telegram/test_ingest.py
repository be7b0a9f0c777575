"""/ingest through the Telegram layer, offline: a pasted report becomes drafts, each
accepted, edited or skipped; nothing is stored before Accept; odd input is refused."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from bot.markup import plain_text
from testkit.fakes.updates import make_document, make_message_update
from tests.support.harness import Harness, telegram_harness

OWNER, STRANGER, READER = 1001, 3003, 4004
RFA = (Path(__file__).resolve().parents[2] / "testkit" / "reports" / "rfa_2020.txt").read_text(
    encoding="utf-8"
)
DANDONG = "an official of a trading company in Dandong, China"
SEED = Path("/work/shared/seed/article.txt")  # HNGN's text: not copied into the repository
SEED_TEXT = SEED.read_text(encoding="utf-8") if SEED.exists() else None


def joined(texts: list[str]) -> str:
    return "\n".join(plain_text(text) for text in texts)


def button(harness: Harness, label: str) -> str:
    """The callback data of the button (under the last message) whose label has ``label``."""
    for row in harness.last_keyboard():
        for key in row:
            if label in key["text"]:
                return key["callback_data"]
    raise AssertionError(f"no {label!r} button in {harness.last_keyboard()}")


def rows(store: dict[str, Any], table: str) -> list[dict[str, Any]]:
    found = store[table]
    assert isinstance(found, list)
    return found


async def paste_rfa(harness: Harness) -> str:
    await harness.send("/ingest", OWNER)
    return joined(await harness.send(RFA, OWNER))


async def test_strangers_and_groups_are_refused_in_one_line(harness: Harness) -> None:
    before = await harness.store()
    out = joined(await harness.send("/ingest", STRANGER))
    assert out.startswith("Only editors can paste reports in. Nothing was changed.")
    group = await harness.send("/ingest", OWNER, chat_type="supergroup", chat_id=-100)
    assert joined(group).splitlines()[0] == (
        "/ingest shows a report's drafts, so it answers only in private: ask me in a private chat."
    )
    # A stranger's paste is a question, not a report.
    await harness.send(RFA, STRANGER)
    assert await harness.store() == before


async def test_the_rfa_report_is_proposed_draft_by_draft_and_stored_on_accept(
    harness: Harness,
) -> None:
    out = await paste_rfa(harness)
    assert "the article and 3 figure(s) (1 named source(s))" in out
    assert "Draft 1 of 4: the article" in out
    assert "outlet: Radio Free Asia (a guess: check it)" in out
    assert "caveat: The claims come from anonymous sources RFA quotes; we have not " in out
    assert "(written by the bot: the text has no such sentence)" in out
    assert "date: 2020-10\n" in out
    assert "relies_on: RFA's Korean Service" in out
    assert "Note: reprinted by American Military News" in out
    before = await harness.store()

    out = joined(await harness.tap(button(harness, "Accept"), OWNER))
    assert "✅ Stored the article as #2." in out
    assert "Draft 2 of 4: a figure" in out
    for line in ("amount: 12,000 CNY", "in dollars: $1,788 (the report's own conversion)",
                 "period: once", "basis: person", "basis text: Each trade worker",
                 "deadline: by the end of the month",
                 f"source: {DANDONG} (anonymous, told RFA's Korean Service, CN)"):  # fmt: skip
        assert line in out, line
    out = joined(await harness.tap(button(harness, "Accept"), OWNER))
    assert "✅ Stored draft 2 as quota #" in out and "Kept in the draft only" not in out
    assert "Draft 3 of 4: a figure" in out and "basis: family_member" in out
    assert "basis text: the same amount again for each spouse" in out
    out = joined(await harness.tap(button(harness, "Accept"), OWNER))
    assert "Draft 4 of 4: a figure" in out and "basis: household" in out
    out = joined(await harness.tap(button(harness, "Accept"), OWNER))
    assert "Done. Article #2; figures stored: #" in out and "skipped: 0." in out

    store = await harness.store()
    [article] = [a for a in rows(store, "articles") if a["id"] == 2]
    keys = ("outlet", "title", "url", "published_on", "published_precision", "relies_on")
    assert {k: article[k] for k in keys} == {
        "outlet": "Radio Free Asia",
        "title": "Cash-Strapped North Korea Orders Workers in China to Pay Into 'Loyalty Fund'",
        "url": "https://americanmilitarynews.com/2020/10/cash-strapped-north-korea-orders-"
        "workers-in-china-to-pay-into-loyalty-fund/",
        "published_on": "2020-10-01",
        "published_precision": "month",
        "relies_on": "RFA's Korean Service",
    }
    [source] = [s for s in rows(store, "sources") if s["article_id"] == 2]
    assert (source["name"], source["kind"], source["told_to"], source["country"]) == (
        DANDONG, "anonymous", "RFA's Korean Service", "CN",
    )  # fmt: skip
    claims = [c for c in rows(store, "claims") if c["article_id"] == 2]
    figures = [
        (c["amount"], c["currency"], c["usd_amount"], c["usd_is_approx"], c["place"],
         c["country"], c["period"], c["basis"], c["deadline"], c["source_id"])
        for c in claims
    ]  # fmt: skip
    levy = ("CNY", "1788", False, "China", "CN", "once")
    deadline = ("by the end of the month", source["id"])
    assert figures == [
        ("12000", *levy, "person", *deadline),
        ("12000", *levy, "family_member", *deadline),
        ("24000", "CNY", "3576", False, "China", "CN", "once", "household", *deadline),
    ]
    assert {(c["topic"], c["deadline_on"], c["deadline_precision"]) for c in claims} == {
        ("loyalty fund", "2020-10-01", "month")
    }
    assert [c["basis_text"] for c in claims] == [
        "Each trade worker", "the same amount again for each spouse", "per household",
    ]  # fmt: skip
    assert claims[2]["statement"] == (
        "A married worker therefore owes 24,000 yuan ($3,576) per household, the official said."
    )
    # Every accepted draft wrote its history rows; the seed's rows are untouched.
    assert len(rows(store, "claims")) == len(rows(before, "claims")) + 3
    assert len(rows(store, "history")) > len(rows(before, "history"))


async def test_skipping_stores_nothing(harness: Harness) -> None:
    before = await harness.store()
    await paste_rfa(harness)
    out = joined(await harness.tap(button(harness, "Skip"), OWNER))
    assert "Skipped the article. Without it the figures have no report to belong to" in out
    assert await harness.store() == before

    await paste_rfa(harness)
    await harness.tap(button(harness, "Accept"), OWNER)
    after_article = await harness.store()
    out = joined(await harness.tap(button(harness, "Skip"), OWNER))
    assert "Skipped draft 2: nothing stored for it." in out
    await harness.tap(button(harness, "Skip"), OWNER)
    out = joined(await harness.tap(button(harness, "Skip"), OWNER))
    assert "figures stored: none; skipped: 3." in out
    assert await harness.store() == after_article


async def test_a_field_is_edited_before_accepting(harness: Harness) -> None:
    await paste_rfa(harness)
    await harness.tap(button(harness, "Accept"), OWNER)
    await harness.tap(button(harness, "Edit"), OWNER)
    out = joined(await harness.tap(button(harness, "place"), OWNER))
    assert "place is now: China" in out
    out = joined(await harness.send("-", OWNER))
    assert "place:" not in out
    before = await harness.store()
    out = joined(await harness.tap(button(harness, "Accept"), OWNER))
    assert out.startswith('⛔ Not stored: "place=" is missing')
    assert "Draft 2 of 4: a figure" in out  # shown again, with fresh buttons
    assert await harness.store() == before
    await harness.tap(button(harness, "Edit"), OWNER)
    await harness.tap(button(harness, "place"), OWNER)
    out = joined(await harness.send("Dandong", OWNER))
    assert "place: Dandong" in out and "Draft 2 of 4" in out
    await harness.tap(button(harness, "Edit"), OWNER)
    await harness.tap(button(harness, "amount"), OWNER)
    out = joined(await harness.send("lots", OWNER))
    assert out.startswith("⛔") and "Send it again, or /cancel." in out
    out = joined(await harness.send("12,500", OWNER))
    assert "amount: 12,500 CNY" in out
    await harness.tap(button(harness, "Edit"), OWNER)
    await harness.tap(button(harness, "source"), OWNER)
    out = joined(await harness.send("narration", OWNER))
    assert "source: the article's own narration" in out
    await harness.tap(button(harness, "Accept"), OWNER)
    store = await harness.store()
    [claim] = [c for c in rows(store, "claims") if c["article_id"] == 2]
    assert (claim["place"], claim["amount"]) == ("Dandong", "12500")
    [narration] = [s for s in rows(store, "sources") if s["id"] == claim["source_id"]]
    assert (narration["name"], narration["kind"]) == ("the article's own narration", "narration")
    out = joined(await harness.send("/cancel", OWNER))
    assert out.startswith(f"Cancelled. Already stored before: article #2, figures #{claim['id']}.")


async def test_a_button_tapped_twice_stores_once(harness: Harness) -> None:
    await paste_rfa(harness)
    accept = button(harness, "Accept")
    await harness.tap(accept, OWNER)
    before = await harness.store()
    assert await harness.tap(accept, OWNER) == []  # an expired button: a pop-up only
    popups = harness.bot_api.calls_of("answerCallbackQuery")
    assert "This button has expired" in str(popups[-1].get("text"))
    assert await harness.store() == before


async def test_odd_pastes_are_answered_in_one_line_and_nothing_is_written(
    harness: Harness,
) -> None:
    before = await harness.store()
    cases = {
        "Workers protest in Dalian\n\nNobody said how much anyone pays to the state.": (
            "I found no money figures in this text, so there is nothing to propose."
        ),
        "🙂" * 40: "⛔ There are no words to read in it: paste the report's text.",
        "x"
        * 1_000_000: "⛔ The text is longer than 60,000 characters: paste one report at a time.",
        "<b>Title</b>\n\n<i>Nothing</i> <a href='x'>here</a> costs money at all, really.": (
            "I found no money figures in this text"
        ),
    }
    for text, expected in cases.items():
        await harness.send("/ingest", OWNER)
        out = joined(await harness.send(text, OWNER))
        assert out.startswith(expected), out[:200]
        assert "Nothing was stored" in out
    # With the tags as text: a figure is found and shown escaped, as plain text.
    out = joined(
        await harness.send("/ingest <b>Title</b>\n\nIn Dalian pay 5,000 yuan <i>now</i>.", OWNER)
    )
    assert "title: <b>Title</b>" in out  # the tags are text, shown escaped
    assert "Needed before it can be stored: outlet, caveat (tap Edit)." in out
    edit = button(harness, "Edit")
    out = joined(await harness.tap(button(harness, "Accept"), OWNER))
    assert out.startswith("⛔ The article needs outlet, caveat first: tap Edit")
    await harness.tap(edit, OWNER)  # the draft's buttons still work
    await harness.tap(button(harness, "outlet"), OWNER)
    out = joined(await harness.send("Test <Outlet>", OWNER))
    assert "outlet: Test <Outlet>" in out
    await harness.send("/cancel", OWNER)
    assert await harness.store() == before


async def test_odd_files_are_refused_in_one_line_and_nothing_is_written(
    harness: Harness,
) -> None:
    before = await harness.store()
    files = {
        "cp1251.txt": ("В Находке рабочие платят 5000 рублей.".encode("cp1251"),
                       "⛔ The file is not UTF-8 text (perhaps Windows-1251 or another code page)"),
        "binary.txt": (b"\x00\x01\x02PNG" * 10, "⛔ That is not a text file"),
        "empty.txt": (b"  \n", "⛔ The file is empty: nothing to read."),
        "huge.txt": (b"a" * 200_000, "⛔ The file is larger than 120,000 bytes"),
        "report.pdf": (b"%PDF-1.4", "⛔ Send the report as a .txt file (plain text), or paste it."),
    }  # fmt: skip
    for name, (data, expected) in files.items():
        harness.bot_api.add_file(name, data)
        await harness.send("/ingest", OWNER)
        mime = "application/pdf" if name.endswith(".pdf") else "text/plain"
        out = joined(await harness.send_document(name, "", OWNER, file_name=name, mime_type=mime))
        assert out.startswith(expected), (name, out[:200])
        assert "Nothing was stored." in out
    assert await harness.store() == before


async def test_a_txt_file_with_the_caption_ingest_is_read(harness: Harness) -> None:
    harness.bot_api.add_file("RFA", RFA.encode())
    out = joined(
        await harness.send_document(
            "RFA", "/ingest", OWNER, file_name="rfa.txt", mime_type="text/plain"
        )
    )
    assert "Draft 1 of 4: the article" in out
    # The caption goes through the same gate as the command.
    out = joined(await harness.send_document("RFA", "/ingest", STRANGER, file_name="rfa.txt"))
    assert out.startswith("Only editors can paste reports in. Nothing was changed.")
    in_group = make_message_update(
        harness.next_update_id(), None, OWNER, chat_id=-100, chat_type="supergroup",
        document=make_document("RFA", "rfa.txt", "text/plain"), caption="/ingest",
    )  # fmt: skip
    assert joined(await harness.process(in_group)).splitlines()[0] == (
        "/ingest shows a report's drafts, so it answers only in private: ask me in a private chat."
    )
    # A file with no /ingest waiting and no caption is not taken as a report.
    await harness.send("/cancel", OWNER)
    assert "Draft" not in joined(
        await harness.send_document("RFA", "", OWNER, file_name="rfa.txt", mime_type="text/plain")
    )


async def test_the_seed_article_pasted_again_goes_under_the_stored_article(
    harness: Harness,
) -> None:
    if SEED_TEXT is None:
        pytest.skip(f"the seed article is not at {SEED}")
    await harness.send("/ingest", OWNER)
    out = joined(await harness.send(SEED_TEXT, OWNER))
    assert "the article and 2 figure(s) (2 named source(s))" in out
    assert "caveat: HNGN cannot independently verify the claims." in out
    out = joined(await harness.tap(button(harness, "Skip"), OWNER))
    assert "Skipped: the store already has this report as article #1." in out
    assert "Draft 2 of 3: a figure" in out and "amount: 62,000 RUB" in out
    assert "place: Sakhalin" in out and "source: the article's own narration" in out
    await harness.tap(button(harness, "Skip"), OWNER)
    assert "source: a source in China (anonymous, CN)" in plain_text(harness.sent_texts()[-1])


async def test_another_replica_takes_the_next_tap(harness: Harness) -> None:
    await paste_rfa(harness)
    accept = button(harness, "Accept")
    async with telegram_harness(harness.runtime) as other:
        out = joined(await other.tap(accept, OWNER))
        assert "✅ Stored the article as #2." in out and "Draft 2 of 4" in out
        assert await harness.tap(accept, OWNER) == []  # expired on the first replica too


async def test_readers_are_answered_from_the_accepted_drafts_with_rfas_caveat(
    harness: Harness,
) -> None:
    await paste_rfa(harness)
    for _ in range(4):  # the article and the three figures
        await harness.tap(button(harness, "Accept"), OWNER)
    out = joined(await harness.send("how much do trade workers in China pay?", READER))
    assert "12,000 yuan" in out and "24,000 yuan" in out and "Radio Free Asia" in out
    assert "The claims come from anonymous sources RFA quotes; we have not independently" in out
    # The seed's answers still stand beside it.
    assert "3,400 yuan" in joined(await harness.send("quota in Dalian", READER))
