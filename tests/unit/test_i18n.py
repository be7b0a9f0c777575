"""Which language a user gets (bot/i18n), as a rule on plain values."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.i18n import Language, choose, detect, from_language_code, parse_language, translator
from bot.sending.messages import DEFAULT_CAVEAT, build_messages, build_popup, caveat_block


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Сколько должны рабочие на Сахалине?", Language.RU),
        ("大连的工人要交多少？", Language.ZH),
        ("大連的工人要交多少？", Language.ZH),  # traditional characters
        ("사할린에서 얼마나 내야 해요?", Language.KO),
        ("사할린 노동자 quota", Language.KO),
        ("how much in sakhalin", Language.EN),
        ("квота in Sakhalin", Language.RU),
        ("ok", None),  # too short to tell
        ("Sakhalin?", None),  # a name is no language
        ("quota, dalian?", Language.EN),
        ("12 000 ₽", None),
        ("", None),
        (None, None),
        ("🙂🙂", None),
    ],
)
def test_detect_by_script(text: str | None, expected: Language | None) -> None:
    assert detect(text) == expected


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("ru", Language.RU),
        ("zh-hans", Language.ZH),
        ("zh-hant", Language.ZH),
        ("zh", Language.ZH),
        ("ko-KR", Language.KO),
        ("en-GB", Language.EN),
        ("de", None),
        ("", None),
        (None, None),
    ],
)
def test_telegram_language_codes(code: str | None, expected: Language | None) -> None:
    assert from_language_code(code) == expected


def test_the_preference_wins_then_the_text_then_the_app_then_english() -> None:
    assert choose(Language.KO, hint=Language.RU, language_code="zh") == Language.KO
    assert choose(None, hint=Language.RU, language_code="zh") == Language.RU
    assert choose(None, hint=None, language_code="zh-hant") == Language.ZH
    assert choose(None, hint=None, language_code="de") == Language.EN
    assert choose(None) == Language.EN


def test_parse_language_is_strict() -> None:
    assert parse_language(" RU ") == Language.RU
    assert parse_language("russian") is None
    assert parse_language("") is None


def test_numbers_and_dates_follow_the_locale() -> None:
    moment = dt.datetime(2026, 3, 10, 12, 5, tzinfo=dt.UTC)
    assert translator(Language.RU).number(62000) == "62\xa0000"
    assert translator(Language.EN).number(62000) == "62,000"
    assert translator(Language.RU).datetime(moment) == "10.03.2026, 12:05"
    assert translator(Language.ZH).datetime(moment) == "2026/3/10 12:05"


def test_the_caveat_in_english_is_unchanged() -> None:
    assert caveat_block([]) == f"⚠️ <i>Unverified. {DEFAULT_CAVEAT}</i>"


@pytest.mark.parametrize(
    ("language", "translated", "original"),
    [
        (
            Language.RU,
            "⚠️ <i>Не проверено. HNGN не может независимо проверить эти утверждения.</i>",
            f"<i>Слова издания в оригинале: {DEFAULT_CAVEAT}</i>",
        ),
        (
            Language.ZH,
            "⚠️ <i>未经证实。HNGN 无法独立核实这些说法。</i>",
            f"<i>媒体原文：{DEFAULT_CAVEAT}</i>",
        ),
        (
            Language.KO,
            "⚠️ <i>검증되지 않음. HNGN은 이 주장들을 독자적으로 확인할 수 없습니다.</i>",
            f"<i>매체 원문: {DEFAULT_CAVEAT}</i>",
        ),
    ],
)
def test_a_translated_caveat_keeps_the_outlets_own_sentence(
    language: Language, translated: str, original: str
) -> None:
    [message] = build_messages(["x"], [("HNGN", DEFAULT_CAVEAT)], language=language)
    assert message == f"x\n\n{translated}\n{original}"


@pytest.mark.parametrize("language", [Language.RU, Language.ZH, Language.KO], ids=str)
def test_a_caveat_the_catalogs_do_not_hold_is_given_as_written(language: Language) -> None:
    """An editor's caveat is never paraphrased: the outlet's words, introduced as such."""
    caveat = "Daily NK <b>could not</b> reach the source again & says so."
    [message] = build_messages(["x"], [("Daily NK", caveat)], language=language)
    first, second = message.split("\n")[2:]
    assert first.startswith("⚠️ <i>") and "Daily NK" not in first
    assert (
        second
        == "<i>Daily NK &lt;b&gt;could not&lt;/b&gt; reach the source again &amp; says so.</i>"
    )
    intro = {
        Language.RU: "Не проверено. Оговорка издания в оригинале:",
        Language.ZH: "未经证实。媒体的原文说明：",
        Language.KO: "검증되지 않음. 매체가 밝힌 원문 유의 사항:",
    }
    assert first == f"⚠️ <i>{intro[language]}</i>"


def test_a_translated_popup_keeps_the_original_and_fits() -> None:
    popup = build_popup("Слишком много запросов: подождите минуту." * 10, Language.RU)
    assert len(popup) <= 200
    assert popup.endswith(f"({DEFAULT_CAVEAT})")
    assert "⚠️ HNGN не может независимо проверить эти утверждения. (HNGN cannot" in popup
