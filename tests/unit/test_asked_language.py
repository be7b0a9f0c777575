"""A reply's language asked for in words (bot/i18n/asked.py) wins over the message's script
and grammar; a language named as a topic, or a currency, changes nothing."""

from __future__ import annotations

import pytest

from bot.i18n import Language, detect
from bot.i18n.asked import asked_language


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Asked in a request frame: that language.
        ("what's this based on? 한국말로 설명좀", Language.KO),
        ("who said it? answer in Korean pls", Language.KO),
        ("can you explain the dalian figure in plain russian", Language.RU),
        ("сколько в Даляне? ответь по-английски", Language.EN),
        ("а по-корейски можно?", Language.KO),
        ("напиши на китайском, пожалуйста", Language.ZH),
        ("用韩语回答：大连多少钱", Language.KO),
        ("大连多少钱 英文回答", Language.EN),
        ("萨哈林多少 翻译成俄语", Language.RU),
        ("사할린 얼마야 영어로 좀", Language.EN),
        ("다롄 할당량 중국어로 설명해줘", Language.ZH),
        # A language named as a topic, or a currency: not a request.
        ("is the original in russian?", None),
        ("how much is it in korean won please", None),
        ("in chinese yuan pls", None),
        ("Korean workers in Russia, explain", None),
        ("статья на английском?", None),
        ("영어로 된 기사 맞아?", None),
        ("中文名叫什么", None),
        ("how much in sakhalin", None),
        # A word's translation asked: no request for the reply's language.
        ("how do you say thank you in korean", None),
        ("how do you say thank you in korean please", None),
        ("как по-корейски спасибо", None),
        ("用韩语怎么说谢谢", None),
        ("영어로 뭐라고 해?", None),
    ],
)
def test_asked_language(text: str, expected: Language | None) -> None:
    assert asked_language(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("what's this based on? 한국말로 설명좀", Language.KO),  # English grammar, Korean asked
        ("who said it? answer in Korean pls", Language.KO),
        ("Сахалин сколько? explain in English please", Language.EN),
        # Unchanged: no language asked.
        ("what's this based on?", Language.EN),
        ("사할린 quota in usd pls", Language.EN),
        ("Sakhalin quota 얼마?", Language.KO),
        ("is the original in russian?", Language.EN),
        ("how do you say thank you in korean", Language.EN),
    ],
)
def test_detect_follows_the_asked_language(text: str, expected: Language) -> None:
    assert detect(text) == expected
