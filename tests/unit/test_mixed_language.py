"""A message mixing English with Korean, Russian or Chinese is answered in the language of
its grammar, not of its names (bot/i18n/mixed.py): place names and domain nouns are quoted
from any language, question words and particles are not."""

from __future__ import annotations

import pytest

from bot.i18n import Language, detect


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # English grammar, a Korean place name: English.
        ("사할린 quota in usd pls", Language.EN),
        ("what about 사할린 and 다롄", Language.EN),
        ("who said the 다롄 thing", Language.EN),
        ("is 충성자금 the same as loyalty money", Language.EN),
        ("omg whats the dalian thing in dollars ㅋㅋ", Language.EN),  # laughter is no word
        # Korean grammar, English names and nouns: Korean.
        ("Sakhalin quota 얼마?", Language.KO),
        ("Sakhalin 할당량 얼마임", Language.KO),
        ("HNGN 믿을만함? Daily NK 그거", Language.KO),
        ("62,000 rubles면 원화로 얼마야?", Language.KO),
        ("loyalty money가 충성자금 맞지?", Language.KO),
        ("사할린에서 how much?", Language.KO),  # a tie: the language it opens in
        # Russian.
        ("how much in сахалин", Language.EN),
        ("сахалин quota сколько и who said it", Language.RU),
        ("sakhalin сколько", Language.RU),
        ("что за loyalty money такие", Language.RU),
        # Chinese.
        ("what is the 大连 quota", Language.EN),
        ("how much do workers pay in 大连", Language.EN),
        ("quota多少 source是谁", Language.ZH),
        ("dalian quota 多少", Language.ZH),
        ("谁赢了昨晚的CBA", Language.ZH),
    ],
)
def test_mixed_message_language(text: str, expected: Language) -> None:
    assert detect(text) == expected


def test_names_alone_keep_the_other_script() -> None:
    """Only names on both sides: no English grammar, so not English."""
    assert detect("Sakhalin 사할린") == Language.KO
    assert detect("Dalian 大连") == Language.ZH


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # English first, then a closing sentence of the other script's own words: theirs.
        ("is the quota per month? 그럼 일년이면 얼마예요?", Language.KO),
        ("what about the women there? 她们多大了", Language.ZH),
        ("how much is it in dollars? посчитай пожалуйста", Language.RU),
        # A closing place named ("на сахалине"), a short tag or laughter: still English.
        ("do they work longer hours? на сахалине", Language.EN),
        ("is it verified? 맞아?", Language.EN),
        ("who said it? ㅋㅋㅋ", Language.EN),
        ("who said the dalian thing ахах", Language.EN),  # one sentence: its grammar
        # The other script first, an English sentence after: still the other script's.
        ("근거가 뭐임? what's it based on", Language.KO),
    ],
)
def test_a_closing_sentence_in_the_other_script(text: str, expected: Language) -> None:
    assert detect(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # More Han than Hangul: Chinese naming a place or adding a phrase in Hangul.
        ("다롄 쪽 女工一个月交多少钱", Language.ZH),
        ("这个消息哪来的 출처?", Language.ZH),
        # Korean with a Han word or two (hanja, a place): Korean.
        ("大連 할당량 얼마예요", Language.KO),
        ("大连 얼마", Language.KO),  # a tie stays Korean
    ],
)
def test_hangul_and_han_by_their_letters(text: str, expected: Language) -> None:
    assert detect(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Russian in Latin letters, then a sentence of English: answered in English.
        ("skolko platyat v dalyane? and who says so", Language.EN),
        ("kakaya kvota na sakhaline sejchas? in dollars please", Language.EN),
        # A closing sentence in translit too, or none: Russian.
        ("kto avtor i otkuda oni eto vzyali? ssylka est?", Language.RU),
        ("skolko na sakhaline? spasibo", Language.RU),
        ("sahalin kvota skolko", Language.RU),
    ],
)
def test_translit_closing_in_english(text: str, expected: Language) -> None:
    assert detect(text) == expected
