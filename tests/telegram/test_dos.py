"""Hardening against denial of service: bounded engine work, inline and anonymous floods.

The engine's bounds are checked by counting the typo scans it makes, never by timing.
"""

from __future__ import annotations

import asyncio
import random
from collections.abc import Sequence
from typing import Literal

import pytest
from sqlalchemy import func, select

from bot.engine import AnswerEngine
from bot.engine.text import (
    MAX_CORRECTED_WORDS,
    MAX_QUESTION_CHARS,
    Vocabulary,
    normalize_question,
)
from bot.markup import plain_text
from bot.questionlog import QuestionLogger
from bot.runtime import Runtime
from db.models import QuestionLogEntry
from testkit.engine import seeded_engine, text_of
from testkit.fakes.updates import BOT_USERNAME, make_inline_update
from tests.support.harness import CAVEAT, telegram_harness

pytestmark = pytest.mark.filterwarnings("ignore::telegram.warnings.PTBDeprecationWarning")

LATIN = "abcdefghijklmnopqrstuvwxyz"
CYRILLIC = "абвгдежзийклмнопрстуфхцчшщыэюя"
HANGUL = "".join(chr(c) for c in range(0xAC00, 0xAC00 + 400))
HAN = "".join(chr(c) for c in range(0x4E00, 0x4E00 + 400))
# Distance 1 scans 3 word lengths, distance 2 five.
SCANS_PER_WORD = 3 + 5


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> AnswerEngine:
    path = tmp_path_factory.mktemp("dos") / "store.sqlite3"
    return asyncio.run(seeded_engine(f"sqlite+aiosqlite:///{path}"))


@pytest.fixture
def scans(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every word the vocabulary compares with known words (one entry a scan)."""
    seen: list[str] = []
    original = Vocabulary._scan

    def counting(self: Vocabulary, word: str, pool: Sequence[str], distance: int) -> str | None:
        seen.append(word)
        return original(self, word, pool, distance)

    monkeypatch.setattr(Vocabulary, "_scan", counting)
    return seen


def _word(rng: random.Random, alphabet: str, length: int) -> str:
    return "".join(rng.choice(alphabet) for _ in range(length))


@pytest.mark.parametrize("alphabet", [LATIN, CYRILLIC, HANGUL, HAN], ids=["lat", "cyr", "ko", "zh"])
def test_a_4096_character_word_is_never_scanned(
    engine: AnswerEngine, scans: list[str], alphabet: str
) -> None:
    """No known word is within two edits of a word that long: it is not compared at all
    (before, every one- and two-edit variant of it was generated: seconds a message)."""
    word = _word(random.Random(len(alphabet)), alphabet, 4096)
    reply = engine.answer(word)
    assert scans == []
    assert not reply.answered


def test_mixed_script_text_corrects_at_most_the_limit(
    engine: AnswerEngine, scans: list[str]
) -> None:
    rng = random.Random(11)
    words: list[str] = []
    while sum(len(w) + 1 for w in words) < 4096:
        alphabet = rng.choice((LATIN, CYRILLIC, LATIN + CYRILLIC, LATIN + HANGUL))
        words.append(_word(rng, alphabet, rng.randint(5, 14)))
    question = " ".join(words)[:4096]
    understood = engine.understand(question)
    assert len(set(scans)) == MAX_CORRECTED_WORDS
    assert len(scans) <= MAX_CORRECTED_WORDS * SCANS_PER_WORD
    assert understood.truncated
    # Words past the limit are neither corrected nor reported as unknown places.
    assert len(understood.unknown_places) <= 5


def test_typos_are_still_corrected_after_junk_within_the_limit(engine: AnswerEngine) -> None:
    junk = " ".join(_word(random.Random(i), LATIN, 7) for i in range(MAX_CORRECTED_WORDS - 1))
    assert "62,000" in text_of(engine, f"{junk} sakhlin")
    # Past the limit a typo stays unread, and is not taken for a place the report lacks.
    more = " ".join(_word(random.Random(i), LATIN, 7) for i in range(MAX_CORRECTED_WORDS))
    understood = engine.understand(f"{more} quota in sakhlin")
    assert understood.places == []
    assert "sakhlin" not in understood.unknown_places


def test_a_question_cut_to_the_limit_says_so(engine: AnswerEngine) -> None:
    long = "how much in sakhalin? " + "really " * 600
    assert "I read its first 2,000 characters" in text_of(engine, long)
    assert "I read its first" not in text_of(engine, "how much in sakhalin?")
    # Padding that normalizes away is not a cut.
    assert normalize_question("quota" + " " * 5000) == ("quota", False)
    assert normalize_question("quota " + "x" * 5000)[1]
    assert len(normalize_question("x" * 10_000)[0]) == MAX_QUESTION_CHARS


# ----- flood protection -------------------------------------------------------------------


async def test_anonymous_admins_of_one_group_do_not_silence_another(runtime: Runtime) -> None:
    """Every anonymous admin is the same placeholder user (GroupAnonymousBot, set by
    make_message_update for a sender_chat) in every group: counted per group instead."""
    group_a, group_b = -100111, -100222
    async with telegram_harness(runtime, flood_max_messages=3) as harness:
        answered_a = []
        for _ in range(5):
            answered_a += await harness.send(
                f"@{BOT_USERNAME} dalian",
                chat_id=group_a,
                chat_type="supergroup",
                sender_chat={"id": group_a, "type": "supergroup", "title": "A"},
            )
        answered_b = await harness.send(
            f"@{BOT_USERNAME} dalian",
            chat_id=group_b,
            chat_type="supergroup",
            sender_chat={"id": group_b, "type": "supergroup", "title": "B"},
        )
    assert len(answered_a) == 3  # group A's own burst is limited (silently: a group)
    [answer_b] = answered_b
    assert "3,400" in plain_text(answer_b)


async def _inline_log_rows(runtime: Runtime, logger: QuestionLogger) -> int:
    await logger.flush()
    async with runtime.sessionmaker() as session:
        count = await session.scalar(
            select(func.count())
            .select_from(QuestionLogEntry)
            .where(QuestionLogEntry.via == "inline")
        )
    return int(count or 0)


async def test_an_inline_burst_is_limited_per_user(runtime: Runtime) -> None:
    async with telegram_harness(runtime, flood_inline_max_queries=5) as harness:
        for i in range(5):
            call = await harness.inline_query(f"sakhalin quota {i}", user_id=3131)
            assert "62,000" in plain_text(
                call["results"][0]["input_message_content"]["message_text"]
            )
        slow = await harness.inline_query("sakhalin quota 5", user_id=3131)
        before = len(harness.bot_api.calls)
        for i in range(6, 9):
            await harness.process(make_inline_update(harness.next_update_id(), f"dalian {i}", 3131))
        unanswered = harness.bot_api.calls[before:]
        other = await harness.inline_query("dalian", user_id=3232)
        rows = await _inline_log_rows(harness.runtime, harness.app.bot_data.question_log)
    [only] = slow["results"]
    text = only["input_message_content"]["message_text"]
    assert "faster than I can answer" in plain_text(text) and CAVEAT in text
    assert slow["is_personal"] is True and slow["cache_time"] == 0
    assert unanswered == []  # no answer, so no Bot API rate spent on a flood
    assert "3,400" in plain_text(other["results"][0]["input_message_content"]["message_text"])
    assert rows == 5 + 1  # the five answered, and the other user's; none over the limit


async def test_typing_thirty_inline_queries_a_minute_still_works(runtime: Runtime) -> None:
    question = "how much do workers in sakhalin owe now"
    async with telegram_harness(runtime) as harness:
        prefixes = [question[:n] for n in range(len(question) - 29, len(question) + 1)]
        assert len(prefixes) == 30
        for prefix in prefixes:
            call = await harness.inline_query(prefix, user_id=3333)
            assert "Too many" not in call["results"][0]["title"]
        assert "124,000" in plain_text(call["results"][0]["input_message_content"]["message_text"])


def test_normalizing_reads_a_bounded_text(monkeypatch: pytest.MonkeyPatch) -> None:
    """NFKC sorts a run of accents in quadratic time, and makes one ligature eighteen
    characters: runs are cut to a few marks, and a prefix that fills the limit is enough."""
    import unicodedata

    from bot.engine import text

    sizes: list[int] = []
    real = unicodedata.normalize

    def counting(form: Literal["NFC", "NFD", "NFKC", "NFKD"], value: str) -> str:
        sizes.append(len(value))
        return real(form, value)

    monkeypatch.setattr(text.unicodedata, "normalize", counting)
    accented, cut = normalize_question("a" + "\u0301\u0308\u0323" * 1333)  # 4,000 read
    assert len(accented) <= 1 + text.MAX_COMBINING_MARKS and not cut
    assert sizes and all(size <= 1 + text.MAX_COMBINING_MARKS for size in sizes)
    sizes.clear()
    ligatures, cut = normalize_question("\ufdfa" * 4096)
    assert (len(ligatures), cut) == (MAX_QUESTION_CHARS, True)
    assert sizes == [MAX_QUESTION_CHARS // 4]
