"""The user's language in Telegram: /language, the stored preference, the question's script,
Telegram's language_code; translated UI texts with the caveat's original sentence always."""

from __future__ import annotations

import json
from typing import Any

from bot.markup import plain_text
from bot.runtime import Runtime
from db import languages
from tests.support.harness import CAVEAT, Harness, telegram_harness
from tests.telegram.test_reach import queue_change

READER = 880_001
GROUP = -100_880_002
RU_CAVEAT = "Не проверено. HNGN не может независимо проверить эти утверждения."
ZH_CAVEAT = "未经证实。HNGN 无法独立核实这些说法。"
KO_CAVEAT = "검증되지 않음. HNGN은 이 주장들을 독자적으로 확인할 수 없습니다."


def _results(call: dict[str, Any]) -> list[dict[str, Any]]:
    results = call["results"]
    return json.loads(results) if isinstance(results, str) else list(results)


async def test_a_russian_app_gets_russian_start_and_help(harness: Harness) -> None:
    [start] = await harness.send("/start", READER, language_code="ru")
    [help_text] = await harness.send("/help", READER, language_code="ru")
    start, help_text = plain_text(start), plain_text(help_text)
    assert start.startswith(
        "Я отвечаю на вопросы о новостной статье про северокорейских рабочих за рубежом."
    )
    assert help_text.startswith("Спрашивайте своими словами, например:")
    line = (
        "Команды: /quotas все цифры · /quota <место> одно место · /sources кто это утверждает · "
        "/caveat насколько этому верить · /article статья · /ask <вопрос> (в группах) · "
        "/chart все цифры на графике · /language ваш язык · /help"
    )
    for text in (start, help_text):
        assert line in text
        assert RU_CAVEAT in text
        assert f"Слова издания в оригинале: {CAVEAT}" in text  # the original, always


async def test_an_unsupported_or_missing_language_code_gets_english(harness: Harness) -> None:
    for code in ("de", None, "en-US"):
        [start] = await harness.send("/start", READER, language_code=code)
        assert plain_text(start).startswith("I answer questions about a news report")
        assert f"⚠️ Unverified. {CAVEAT}" in plain_text(start)


async def test_language_ko_switches_and_stays(harness: Harness) -> None:
    [chosen] = await harness.send("/language ko", READER, language_code="en")
    assert plain_text(chosen).startswith("이제부터 답변 언어: 한국어.")
    assert KO_CAVEAT in plain_text(chosen) and CAVEAT in chosen
    [help_text] = await harness.send("/help", READER, language_code="en")
    assert plain_text(help_text).startswith("편하게 물어보세요. 예를 들어:")
    assert "명령어: /quotas 모든 수치" in plain_text(help_text)


async def test_a_preference_wins_over_the_app_and_the_text(harness: Harness) -> None:
    await harness.send("/language zh", READER, language_code="ru")
    [start] = await harness.send("/start", READER, language_code="ru")
    assert plain_text(start).startswith("我回答有关一篇朝鲜海外劳工新闻报道的问题。")
    # A Russian question still gets the caveat in the chosen language.
    [answer] = await harness.send("сколько на сахалине?", READER, language_code="ru")
    assert ZH_CAVEAT in plain_text(answer) and CAVEAT in answer
    # Reset: the language of the text, then the app's.
    [reset] = await harness.send("/language reset", READER, language_code="ru")
    assert plain_text(reset).startswith("Ваш выбор языка удалён.")
    [again] = await harness.send("/start", READER, language_code="ko")
    assert plain_text(again).startswith("북한 해외 노동자에 관한 한 보도에 대한 질문에 답합니다.")


async def test_the_questions_script_decides_when_nothing_is_stored(harness: Harness) -> None:
    [answer] = await harness.send("сколько на сахалине?", READER, language_code="en")
    assert RU_CAVEAT in plain_text(answer) and CAVEAT in answer
    [answer] = await harness.send("how much in sakhalin?", READER, language_code="ru")
    assert f"⚠️ Unverified. {CAVEAT}" in plain_text(answer)
    [usage] = await harness.send("/quota", READER, language_code="zh-hans")
    assert plain_text(usage).startswith("用法：/quota <地点或国家>，例如 /quota 萨哈林")


async def test_language_alone_shows_buttons_and_a_tap_stores_the_choice(
    harness: Harness,
) -> None:
    [shown] = await harness.send("/language", READER, language_code="ru")
    assert plain_text(shown).startswith(
        "Я отвечаю вам на языке: Русский — это язык вашего сообщения, иначе язык вашего "
        "Telegram, иначе английский."
    )
    keyboard = harness.last_keyboard()
    labels = [button["text"] for row in keyboard for button in row]
    assert labels == ["English", "✓ Русский", "中文 (简体)", "한국어"]
    assert [button["callback_data"] for row in keyboard for button in row] == [
        "lang:en",
        "lang:ru",
        "lang:zh",
        "lang:ko",
    ]
    [tapped] = await harness.tap("lang:ko", READER, language_code="ru")
    assert plain_text(tapped).startswith("이제부터 답변 언어: 한국어.")
    [shown] = await harness.send("/language", READER, language_code="ru")
    assert plain_text(shown).startswith("선택하신 답변 언어: 한국어.")
    # A forged or stale language button: a pop-up with the caveat, nothing stored.
    await harness.tap("lang:xx", READER, language_code="ru")
    [popup] = harness.bot_api.calls_of("answerCallbackQuery")[-1:]
    assert str(popup["text"]).startswith("Эта кнопка устарела.")


async def test_bad_language_arguments_get_the_usage(harness: Harness) -> None:
    for argument in ("russian", "fr", "<b>"):
        [usage] = await harness.send(f"/language {argument}", READER, language_code="ru")
        assert plain_text(usage).startswith(
            "Как использовать: /language en, ru, zh или ko (или /language reset)."
        )
    [none] = await harness.send("/language reset", READER, language_code="ko")
    assert plain_text(none).startswith("선택한 언어가 없었습니다.")


async def test_inline_results_come_in_the_queriers_language(harness: Harness) -> None:
    empty = await harness.inline_query("", READER, language_code="ru")
    titles = [result["title"] for result in _results(empty)]
    assert titles == [
        "Все сообщённые нормы",
        "Кто это утверждает?",
        "Насколько этому можно верить?",
    ]
    assert empty["is_personal"] is True  # not served to someone else typing the same
    for result in _results(empty):
        text = result["input_message_content"]["message_text"]
        assert RU_CAVEAT in plain_text(text) and CAVEAT in text
    english = await harness.inline_query("", READER + 1, language_code="en")
    assert _results(english)[0]["title"] == "All reported quotas"
    assert not english.get("is_personal")
    found = await harness.inline_query("сахалин", READER + 2, language_code="en")
    first = _results(found)[0]
    assert RU_CAVEAT in plain_text(first["input_message_content"]["message_text"])
    labels = [b["text"] for row in first["reply_markup"]["inline_keyboard"] for b in row]
    assert "Источники" in labels


async def test_follow_up_buttons_are_labelled_in_the_users_language(harness: Harness) -> None:
    await harness.send("/language ru", READER)
    await harness.send("how much in sakhalin?", READER)
    labels = [button["text"] for row in harness.last_keyboard() for button in row]
    assert "Источники" in labels and "Насколько это надёжно?" in labels
    # The question each button asks stays the engine's own.
    data = [button["callback_data"] for row in harness.last_keyboard() for button in row]
    assert "q1:who says so?" in data


async def test_notices_come_in_the_subscribers_language(harness: Harness) -> None:
    sender = await harness.manual_notice_sender()
    await harness.send("/subscribe", READER, language_code="ru")
    harness.bot_api.responder.chat_member_status[(GROUP, READER + 5)] = "administrator"
    await harness.send(
        "/subscribe", READER + 5, chat_id=GROUP, chat_type="supergroup", language_code="ko"
    )
    await harness.send("/subscribe", READER + 6, language_code="en")
    assert await queue_change(harness.runtime) == 3
    harness.bot_api.clear()
    while await sender.drain_once() not in (None,):
        pass
    sent = {int(c["chat_id"]): str(c["text"]) for c in harness.bot_api.calls_of("sendMessage")}
    assert set(sent) == {READER, GROUP, READER + 6}
    russian, korean, english = (plain_text(sent[c]) for c in (READER, GROUP, READER + 6))
    assert russian.startswith(
        "Исправление: #1 (Sakhalin)\nПоле: amount\nБыло: 62000\nТеперь: 70000"
    )
    assert "Вы получили это, потому что подписались. Отписаться: /unsubscribe" in russian
    assert RU_CAVEAT in russian and CAVEAT in russian
    assert korean.startswith("정정: #1 (Sakhalin)\n항목: amount\n이전: 62000\n현재: 70000")
    assert KO_CAVEAT in korean and CAVEAT in korean
    assert english.startswith("Correction: #1 (Sakhalin)\nField: amount\nWas: 62000\nNow: 70000")
    assert f"⚠️ Unverified. {CAVEAT}" in english


async def test_subscription_texts_are_translated(harness: Harness) -> None:
    [done] = await harness.send("/subscribe", READER, language_code="zh")
    assert plain_text(done).startswith("已订阅：所有变更。")
    [listed] = await harness.send("/subscriptions", READER, language_code="zh")
    assert plain_text(listed).startswith("本聊天关注：\n• 所有变更")
    [gone] = await harness.send("/unsubscribe", READER, language_code="zh")
    assert plain_text(gone).startswith("已取消订阅：全部。")
    [unknown] = await harness.send("/subscribe #999", READER, language_code="zh")
    assert plain_text(unknown).startswith("没有事实 #999。/quotas 会列出指标编号。")


async def test_privacy_and_unknown_commands_in_korean(harness: Harness) -> None:
    [privacy] = await harness.send("/privacy", READER, language_code="ko")
    assert plain_text(privacy).startswith("저장하는 정보와 이유:")
    assert "90일 후 삭제" in plain_text(privacy)
    [unknown] = await harness.send("/nosuch", READER, language_code="ko")
    assert plain_text(unknown).startswith("/nosuch 명령어는 모릅니다.")
    assert "명령어: /quotas" in plain_text(unknown)


async def test_a_stranger_is_refused_editors_commands_in_their_language(
    harness: Harness,
) -> None:
    [refused] = await harness.send("/facts", READER, language_code="ru")
    assert plain_text(refused).startswith(
        "Команда /facts — только для редакторов. Ничего не изменено."
    )
    assert RU_CAVEAT in plain_text(refused) and CAVEAT in refused
    [refused] = await harness.send("/grant 5", READER, language_code="zh")
    assert plain_text(refused).startswith("只有所有者可以使用 /grant。未做任何更改。")
    [english] = await harness.send("/facts", READER)
    assert plain_text(english).startswith("Only editors can list the facts with ids.")


async def test_anonymous_admins_cannot_choose_a_language(harness: Harness) -> None:
    group = {"id": GROUP, "type": "supergroup", "title": "Test"}
    [said] = await harness.send(
        "/language ru", READER, chat_id=GROUP, chat_type="supergroup", sender_chat=group
    )
    assert plain_text(said).startswith("Anonymous admins and channels cannot choose a language")
    async with harness.runtime.sessionmaker() as session:
        assert await languages.languages_of(session, [1087968824, GROUP, READER]) == {}


async def test_database_down_apologises_in_the_apps_language(sqlite_harness: Harness) -> None:
    broken = Runtime.create(
        sqlite_harness.runtime.settings.model_copy(
            update={"database_url": "sqlite+aiosqlite:////nonexistent/dir/x.db"}
        )
    )
    sqlite_harness.app.bot_data.runtime = broken
    try:
        [texts] = await sqlite_harness.send("/quotas", READER, language_code="ko")
    finally:
        sqlite_harness.app.bot_data.runtime = sqlite_harness.runtime
        await broken.close()
    assert plain_text(texts).startswith(
        "사실 저장소를 일시적으로 쓸 수 없습니다. 잠시 후 다시 시도해 주세요."
    )
    assert KO_CAVEAT in plain_text(texts) and CAVEAT in texts


async def test_sources_and_chart_carry_the_readers_caveat(harness: Harness) -> None:
    [sources] = await harness.send("/sources", READER, language_code="ru")
    assert RU_CAVEAT in plain_text(sources) and CAVEAT in sources
    await harness.send("/chart", READER, language_code="zh")
    [photo] = harness.bot_api.calls_of("sendPhoto")[-1:]
    caption = plain_text(str(photo["caption"]))
    assert caption.startswith("所有报道的指标，按报道自己的换算以美元表示")
    assert ZH_CAVEAT in caption and CAVEAT in caption


async def test_an_editors_article_keeps_its_own_caveat_in_every_language(
    harness: Harness,
) -> None:
    editor = 1001  # an owner in make_settings
    await harness.send(
        '/addarticle outlet="Daily NK" title="Quotas" caveat="Daily NK could not reach the '
        'source again."',
        editor,
    )
    await harness.send(
        "/addquota country=Russia place=Vladivostok sector=construction amount=50,000 "
        "currency=RUB article=2",
        editor,
    )
    [answer] = await harness.send("/quota Vladivostok", READER, language_code="ru")
    text = plain_text(answer)
    assert (
        "Не проверено. Оговорка издания в оригинале:\nDaily NK could not reach the source again."
        in text
    )


async def test_a_stranger_pressing_an_editors_button_is_told_in_their_language(
    harness: Harness,
) -> None:
    await harness.tap("fx:2:0:", READER, language_code="ko")
    [popup] = harness.bot_api.calls_of("answerCallbackQuery")[-1:]
    assert str(popup["text"]).startswith("이 버튼은 편집자만 쓸 수 있습니다.")
    assert CAVEAT in str(popup["text"])


async def test_flood_notes_come_in_the_senders_language(runtime: Runtime) -> None:
    async with telegram_harness(runtime, flood_max_messages=2) as harness:
        for _ in range(3):
            await harness.send("dalian", user_id=READER, language_code="zh")
        note = plain_text(harness.sent_texts()[-1])
        assert note.startswith("您发消息的速度超过了我好好回答的速度。一分钟后我会再读您的消息。")
        assert ZH_CAVEAT in note and CAVEAT in note
        harness.bot_api.clear()
        await harness.tap("q1:who says so?", READER + 7, language_code="ko")
        await harness.tap("q1:who says so?", READER + 7, language_code="ko")
        await harness.tap("q1:who says so?", READER + 7, language_code="ko")
        [popup] = harness.bot_api.calls_of("answerCallbackQuery")[-1:]
        assert str(popup["text"]).startswith("요청이 너무 많습니다. 1분만 기다려 주세요.")
        assert str(popup["text"]).endswith(f"({CAVEAT})")
