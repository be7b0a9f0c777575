"""Editors' messages in the editor's language (issue 12): confirmations, refusals from
db/editing translated where they become a reply, plural forms, dialogues and buttons;
English stays as it was (tests/telegram/test_editor_bot.py)."""

from __future__ import annotations

from pathlib import Path

from bot.engine.wording import speaking
from bot.handlers import owners
from bot.i18n import Language, translator
from bot.markup import plain_text
from db.transfer import ImportSummary
from tests.support.harness import Harness

OWNER, READER = 1001, 4004  # OWNER is in make_settings' ADMIN_USER_IDS
ROOT = Path(__file__).resolve().parents[2]


def lines_of(texts: list[str]) -> list[str]:
    """The first message's lines as the editor reads them."""
    return plain_text(texts[0]).split("\n")


def buttons(harness: Harness) -> list[str]:
    return [button["text"] for row in harness.last_keyboard() for button in row]


async def test_a_refusal_from_db_is_translated_where_it_becomes_a_reply(
    harness: Harness,
) -> None:
    before = await harness.store()
    out = await harness.send("/retract 9999 gone", OWNER, language_code="ru")
    assert lines_of(out)[0] == "⛔ Факта #9999 нет. См. /facts."
    out = await harness.send("/retract 9999 gone", OWNER, language_code="en")
    assert lines_of(out)[0] == "⛔ There is no fact #9999. See /facts."
    out = await harness.send("/undo", OWNER, language_code="ko")
    assert lines_of(out)[0] == "⛔ 되돌릴 변경이 더 없습니다."
    assert await harness.store() == before


async def test_a_bad_value_in_chinese_names_the_field_and_keeps_the_usage(
    harness: Harness,
) -> None:
    out = await harness.send("/edit 1 amount=abc", OWNER, language_code="zh-hans")
    assert lines_of(out)[:2] == [
        '⛔ “amount”必须是大于 0 的数字，例如 62000、62,000 或 3400.5，而不是 "abc"',
        '用法：/edit 12 amount=65,000 [更多 field=value …] [reason="…"]（用 - 清空字段）',
    ]


async def test_russian_counts_take_their_three_plural_forms(harness: Harness) -> None:
    said = [
        lines_of(await harness.send(f"/unanswered {days}", OWNER, language_code="ru"))[0]
        for days in (1, 3, 5, 21)
    ]
    assert said == [
        "За последний 1 день вопросов без ответа нет.",
        "За последние 3 дня вопросов без ответа нет.",
        "За последние 5 дней вопросов без ответа нет.",
        "За последний 21 день вопросов без ответа нет.",
    ]


async def test_a_correction_and_its_undo_in_russian(harness: Harness) -> None:
    await harness.send("/subscribe", READER)
    out = await harness.send("/edit 1 amount=63,000", OWNER, language_code="ru")
    # The reader's change notice may be sent in the same turn: take the editor's reply.
    out = [text for text in out if text.startswith("✅")]
    assert lines_of(out)[:2] == [
        "✅ Исправлено #1: amount: 62000 → 63000 🔔 1 подписанный чат получит уведомление.",
        "Теперь пользователи увидят:",
    ]
    out = await harness.send("/undo", OWNER, language_code="ru")
    out = [text for text in out if text.startswith("↩️")]
    assert lines_of(out)[0] == (
        "↩️ Ваше последнее изменение отменено (правка: утверждение #1): "
        "🔔 1 подписанный чат получит уведомление."
    )
    assert "amount: 63000 → 62000" in lines_of(out)


async def test_a_korean_retract_dialogue_asks_and_labels_its_buttons(harness: Harness) -> None:
    out = await harness.send("/retract", OWNER, language_code="ko")
    assert lines_of(out)[0] == "어느 사실을 철회할까요? 누르거나 번호를 보내세요."
    assert buttons(harness)[-1] == "✖ 취소"
    token = harness.last_keyboard()[0][0]["callback_data"].split(":")[1]
    out = await harness.tap(f"dg:{token}:f:1", OWNER, language_code="ko")
    assert lines_of(out)[1] == "왜 철회하나요? 사유를 보내세요."
    out = await harness.send("출처가 철회함", OWNER, language_code="ko")
    assert lines_of(out)[0] == "#1을(를) 철회할까요? 사유: 출처가 철회함"
    assert buttons(harness) == ["네, 철회합니다", "✖ 취소"]
    out = await harness.tap(f"dg:{token}:x:", OWNER, language_code="ko")
    assert lines_of(out)[0] == "취소했습니다. 아무것도 바뀌지 않았습니다."


async def test_an_editors_data_does_not_choose_the_language(harness: Harness) -> None:
    # The word taught is Russian; the editor reads the bot in English (language_code).
    out = await harness.send('/alias "рыбный завод" sector=seafood processing', OWNER)
    assert lines_of(out)[0] == "✅ “рыбный завод” now means sector seafood processing."
    out = await harness.send('/alias "рыбный цех" sector=seafood processing', OWNER,
                             language_code="ru")  # fmt: skip
    assert lines_of(out)[0] == "✅ «рыбный цех» теперь означает sector seafood processing."


async def test_the_stored_language_wins_for_editors_too(harness: Harness) -> None:
    await harness.send("/language ru", OWNER, language_code="en")
    out = await harness.send("/undo", OWNER, language_code="en")
    assert lines_of(out)[0] == "⛔ У вас не осталось изменений для отмены."
    out = await harness.send("/facts page=abc", OWNER, language_code="en")
    assert lines_of(out)[0] == (
        '⛔ Номер должен быть целым числом, например 12 или #12, а не "abc"'
    )


def test_an_imports_summary_reads_in_english_as_the_command_line_prints_it() -> None:
    summaries = [
        ImportSummary("merge", 1, 2, 3, 4, 5),
        ImportSummary("replace", 0, 0, 1, 0, 0, editors_not_applied=(7,)),
        ImportSummary("merge", 1, 1, 1, 1, 1, editors_not_applied=(7, 8)),
        ImportSummary(
            "merge", 1, 1, 1, 1, 1, editors_granted=(7,), editors_revoked=(8,), editors_applied=True
        ),
        ImportSummary("merge", 1, 1, 1, 1, 1, editors_applied=True),
    ]
    for summary in summaries:
        assert owners._described(summary) == summary.describe()
        assert owners._editor_lines(summary, "X") == summary.editor_lines("X")
    with speaking(translator(Language.RU)):
        assert owners._editor_lines(summaries[2], "/import with-editors") == [
            "2 назначения редакторов из файла не применены (чтобы применить, используйте "
            "/import with-editors): 7, 8"
        ]


async def test_ingest_drafts_and_buttons_in_russian(harness: Harness) -> None:
    report = (ROOT / "testkit" / "reports" / "rfa_2020.txt").read_text(encoding="utf-8")
    out = await harness.send("/ingest", OWNER, language_code="ru")
    assert lines_of(out)[:2] == [
        "Вставьте сюда текст отчёта (или пришлите его файлом .txt в UTF-8). Я предложу статью "
        "и каждую найденную цифру; ничего не сохраняется, пока вы не примете.",
        "/cancel — остановить.",
    ]
    said = [line for text in await harness.send(report, OWNER, language_code="ru")
            for line in plain_text(text).split("\n")]  # fmt: skip
    assert said[0] == (
        "Я прочитал отчёт: статья и 3 цифры (названных источников: 1). Каждый придёт "
        "черновиком: «Принять» сохраняет его, «Изменить» сначала меняет поле, «Пропустить» "
        "его опускает."
    )
    assert "Черновик 1 из 4: статья" in said
    assert "outlet: Radio Free Asia (догадка: проверьте)" in said
    assert buttons(harness) == ["✅ Принять", "✏ Изменить", "⏭ Пропустить", "✖ Отмена"]
    accept = harness.last_keyboard()[0][0]["callback_data"]
    said = [line for text in await harness.tap(accept, OWNER, language_code="ru")
            for line in plain_text(text).split("\n")]  # fmt: skip
    assert "✅ Статья сохранена как #2." in said
    assert "Черновик 2 из 4: цифра" in said
    assert "in dollars: $1,788 (the report's own conversion)" not in said
    assert "в долларах: $1,788 (пересчёт самого отчёта)" in said
