"""Russian and Korean misreadings fixed by class, each proven on variants worded apart from
the question sets: the whole reply as a reader gets it (build_messages, the caveat's two
sentences), in the asker's language, must say what is listed and nothing that is forbidden."""

from __future__ import annotations

import asyncio

import pytest

from bot.engine import AnswerEngine
from bot.engine.wording import speaking
from bot.i18n import Language, translator
from bot.markup import plain_text
from bot.sending.messages import build_messages
from testkit.engine import seeded_engine


def assert_tokens(question: str, text: str, present: list[str], absent: list[str]) -> None:
    for token in present:
        assert token in text, (question, token, text)
    for token in absent:
        assert token not in text, (question, token, text)


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> AnswerEngine:
    path = tmp_path_factory.mktemp("ru-ko-classes") / "store.sqlite3"
    return asyncio.run(seeded_engine(f"sqlite+aiosqlite:///{path}"))


CAVEATS = {
    Language.RU: "HNGN не может независимо проверить эти утверждения.",
    Language.KO: "검증되지 않음",
}
ORIGINAL = "HNGN cannot independently verify the claims."


def reply(engine: AnswerEngine, question: str, language: Language) -> str:
    """The reply a reader gets, as plain text with CLDR's no-break spaces as plain ones."""
    with speaking(translator(language)):
        answer = engine.answer(question)
    parts = build_messages(answer.lines, answer.caveats(engine.snapshot), language=language)
    text = "\n".join(plain_text(part) for part in parts)
    text = text.replace("\xa0", " ").replace("\u202f", " ")
    assert ORIGINAL in text, text
    return text


RU_SILENT = "В статье не говорится"
SAKHALIN, DALIAN = "62 000", "3 400"

# "сколько их", "сколько среди них …": the genitive after "сколько" counts the people, a
# head count the report does not give; "сколько с них берут" is still the quota.
RU_HEADCOUNT = [
    ("а сколько их всего в даляне?", [RU_SILENT, "сколько всего рабочих"], [DALIAN]),
    ("скока их там на сахалине вообще-то", [RU_SILENT, "сколько всего рабочих"], [SAKHALIN]),
    ("сколько среди них молодых девушек в китае", [RU_SILENT], [DALIAN]),
    ("в даляне сколько среди рабочих женщин", [RU_SILENT], [DALIAN]),
    ("сколько с них берут на сахалине", [SAKHALIN], [RU_SILENT]),
    ("сколько их заставляют сдавать в даляне", [DALIAN], ["сколько всего рабочих"]),
]


@pytest.mark.parametrize(("question", "present", "absent"), RU_HEADCOUNT)
def test_russian_head_count_by_the_genitive(
    engine: AnswerEngine, question: str, present: list[str], absent: list[str]
) -> None:
    text = reply(engine, question, Language.RU)
    assert CAVEATS[Language.RU] in text, text
    assert_tokens(question, text, present, absent)


PENALTY = "что грозит рабочим, которые не выполняют квоту"

# Not paying with a modal between ("не в силах внести", "не смог сдать"): what happens to
# them, a penalty the report does not give, not the quota itself.
RU_PENALTY = [
    "а если человек не может сдать деньги, что тогда",
    "что делают с теми, кто не смог заплатить норму",
    "бывает, не успевают внести взнос — им за это что?",
    "кто не в силах выплатить эту сумму в даляне, с ними как поступают",
]


@pytest.mark.parametrize("question", RU_PENALTY)
def test_russian_not_able_to_pay_is_the_penalty(engine: AnswerEngine, question: str) -> None:
    text = reply(engine, question, Language.RU)
    assert RU_SILENT in text and PENALTY in text, (question, text)
    assert SAKHALIN not in text and DALIAN not in text, (question, text)


# The asker's own story before the question ("у нас в приходе …, видела там …") asks
# nothing: no quota block for its place; its place goes to the question after it. A "что"
# after a comma there joins a clause ("говорит, что …"), it asks nothing.
RU_STORY = [
    (
        "Мы с женой летом были в Даляне, видели, как корейцы работают на рыбзаводе. "
        "Их там наказывают, если не платят?",
        [RU_SILENT, PENALTY],
        [DALIAN],
    ),
    (
        "У меня брат на Сахалине на стройке, говорит, что корейцев там полно. Сколько их вообще?",
        [RU_SILENT, "сколько всего рабочих"],
        [SAKHALIN],
    ),
    (
        "Я в Китае долго жил и видел этих девушек на заводах. Где они живут?",
        [RU_SILENT],
        [DALIAN],
    ),
    # A story with a figure in it is a premise, still answered as one.
    (
        "У нас на Сахалине говорили, что они сдают 90 тысяч. Это так?",
        ["62 000"],
        [],
    ),
]


@pytest.mark.parametrize(("question", "present", "absent"), RU_STORY)
def test_russian_story_before_the_question_asks_nothing(
    engine: AnswerEngine, question: str, present: list[str], absent: list[str]
) -> None:
    text = reply(engine, question, Language.RU)
    assert_tokens(question, text, present, absent)


KO_SAKHALIN, KO_DALIAN = "62,000", "3,400"
KO_HOURS = "오랜 시간"
KO_STAY = "2~3년"

# "-고 나서", "-고 난 뒤": "after …", one clause, not two asks joined by "-고"; "얼마 동안":
# how long, not how much. What the report says of hours or of their plans, no quota block.
KO_CLAUSES = [
    ("할당량 두 배 되고 나서 노동자들 근무 시간 늘었어?", [KO_HOURS]),
    ("인상되고 나서 일하는 시간이 길어졌다는 얘기 있나요?", [KO_HOURS]),
    ("금액 오르고 난 뒤에 노동 시간은 어떻게 됐어", [KO_HOURS]),
    ("노동자들은 해외에서 얼마 동안 일할 생각이었대?", [KO_STAY]),
    ("처음엔 얼마 동안 있다가 돌아갈 계획이었어요?", [KO_STAY]),
    ("파견 노동자들 원래 얼마 동안 머물고 귀국하려 했음?", [KO_STAY]),
]


@pytest.mark.parametrize(("question", "present"), KO_CLAUSES)
def test_korean_clause_endings_and_how_long(
    engine: AnswerEngine, question: str, present: list[str]
) -> None:
    text = reply(engine, question, Language.KO)
    assert CAVEATS[Language.KO] in text, text
    assert_tokens(question, text, present, [])
    assert KO_SAKHALIN not in text and KO_DALIAN not in text, (question, text)


# A country and a place offered as a choice ("в китае … или на сахалине", "사할린만 …
# 아니면 중국도") pair nothing: no "No, Sakhalin is in Russia"; both places answered.
CHOICES = [
    ("в китае тоже подняли или только на сахалине?", Language.RU, "Нет:", [SAKHALIN, DALIAN]),
    ("на сахалине подняли или в китае?", Language.RU, "Нет:", [SAKHALIN, DALIAN]),
    ("в россии подняли или только в даляне", Language.RU, "Нет:", [SAKHALIN, DALIAN]),
    ("사할린만 올랐어 아니면 중국도?", Language.KO, "아닙니다", [KO_SAKHALIN, KO_DALIAN]),
    ("다롄만 두 배야 혹은 러시아도?", Language.KO, "아닙니다", [KO_SAKHALIN, KO_DALIAN]),
]


@pytest.mark.parametrize(("question", "language", "refused", "present"), CHOICES)
def test_a_choice_of_places_pairs_nothing(
    engine: AnswerEngine, question: str, language: Language, refused: str, present: list[str]
) -> None:
    text = reply(engine, question, language)
    assert CAVEATS[language] in text and refused not in text, (question, text)
    assert_tokens(question, text, present, [])


def test_a_wrong_country_asserted_is_still_refused(engine: AnswerEngine) -> None:
    assert "Нет:" in reply(engine, "далянь ведь в россии находится", Language.RU)
    assert "아닙니다" in reply(engine, "다롄은 러시아에 있지?", Language.KO)


REASON = "Почему выросли квоты"

# "Why" in idioms ("с какого перепугу", "ради чего", "с чего вдруг", "на кой"): the reasons
# the report gives, not the quota block.
RU_WHY = [
    "с какого перепугу им удвоили квоту",
    "ради чего всё это повышение",
    "с чего вдруг такие поборы подняли",
    "на кой им столько денег с рабочих",
    "с какой стати норму удвоили",
]


@pytest.mark.parametrize("question", RU_WHY)
def test_russian_why_in_idioms_is_the_reason(engine: AnswerEngine, question: str) -> None:
    text = reply(engine, question, Language.RU)
    assert REASON in text, (question, text)
    assert SAKHALIN not in text and DALIAN not in text, (question, text)


# Money in slang ("бабки", "бабло") and the workers as "северяне": the quota of the place.
RU_SLANG = [
    ("чё по бабкам на сахалине", [SAKHALIN], [DALIAN]),
    ("сколько бабла сдают в даляне", [DALIAN], [SAKHALIN]),
    ("какие там бабки у северян в китае", [DALIAN], [SAKHALIN]),
    ("а по бабкам у северян что", [SAKHALIN, DALIAN], []),
]


@pytest.mark.parametrize(("question", "present", "absent"), RU_SLANG)
def test_russian_money_in_slang_is_the_quota(
    engine: AnswerEngine, question: str, present: list[str], absent: list[str]
) -> None:
    text = reply(engine, question, Language.RU)
    assert_tokens(question, text, present, absent)


RU_SCOPE = "Я могу ответить только на вопросы"

# A game won or lost ("выиграл", "проиграл", "шайба") is sport, even beside a covered place
# ("Сахалин" is a hockey club too): what the bot covers, no quota figure.
RU_SPORT = [
    "кто вчера выиграл на сахалине?",
    "сахалин опять проиграл дома?",
    "с каким счётом сахалин выиграл у адмирала",
    "сколько шайб забросили в даляне",
]


@pytest.mark.parametrize("question", RU_SPORT)
def test_russian_sport_is_another_subject(engine: AnswerEngine, question: str) -> None:
    text = reply(engine, question, Language.RU)
    assert RU_SCOPE in text, (question, text)
    assert SAKHALIN not in text and DALIAN not in text, (question, text)


# Who says so, offered as a choice ("с корейских или китайских слов"): every source, not only
# the one whose country the choice happens to name.
SOURCE_CHOICES = [
    ("это со слов корейцев или китайцев?", Language.RU, ["источник в России", "источник в Китае"]),
    (
        "инфа от китайцев или от самих рабочих?",
        Language.RU,
        ["источник в России", "источник в Китае"],
    ),
    (
        "кто это сказал — китайские источники или северокорейские?",
        Language.RU,
        ["источник в России", "источник в Китае"],
    ),
    (
        "이거 중국 소식통 말이야 아니면 북한 사람 말이야?",
        Language.KO,
        ["러시아 소식통", "중국 소식통"],
    ),
]


@pytest.mark.parametrize(("question", "language", "present"), SOURCE_CHOICES)
def test_sources_offered_as_a_choice_are_all_listed(
    engine: AnswerEngine, question: str, language: Language, present: list[str]
) -> None:
    text = reply(engine, question, language)
    assert_tokens(question, text, present, [])
    assert "62 000" not in text and "62,000" not in text, (question, text)


# Whether the source is named ("он как-то назван?", "его имя известно?") after the source
# in a country is asked: who the source is (anonymous), not that country's quota.
RU_SOURCE_NAMED = [
    "Источник в Китае — кто он? Его имя известно?",
    "а этот информатор в россии, он как-то назван в статье?",
    "источник в китае назван по имени?",
    "Кто источник на Сахалине? Как его зовут?",
]


@pytest.mark.parametrize("question", RU_SOURCE_NAMED)
def test_russian_source_named_is_who_the_source_is(engine: AnswerEngine, question: str) -> None:
    text = reply(engine, question, Language.RU)
    assert "аноним" in text, (question, text)
    assert SAKHALIN not in text and DALIAN not in text, (question, text)


@pytest.mark.parametrize(
    ("question", "language", "anonymous", "figure"),
    [
        ("who is the source in china? is he named?", Language.EN, "anonymous", "3,400"),
        ("중국 소식통 누구야? 그 사람 이름 나와?", Language.KO, "익명", KO_DALIAN),
        ("Кто источник в Китае? Она хоть как-то названа?", Language.RU, "аноним", DALIAN),
    ],
)
def test_a_person_pointed_to_after_the_sources_is_the_source(
    engine: AnswerEngine, question: str, language: Language, anonymous: str, figure: str
) -> None:
    text = reply(engine, question, language)
    assert anonymous in text and figure not in text, (question, text)


def test_it_pointed_to_after_the_sources_is_the_figure(engine: AnswerEngine) -> None:
    text = reply(engine, "source? for the dalian figure. what is it", Language.EN)
    assert "3,400" in text, text


def _cyrillic_share(text: str) -> float:
    body = text.split("⚠️")[0]
    letters = [ch for ch in body if ch.isalpha()]
    return sum("а" <= ch.casefold() <= "я" or ch in "ёЁ" for ch in letters) / max(len(letters), 1)


# Short Russian typed in Latin letters: a preposition no English word spells ("v", "na")
# before a word read as Russian; names and interjections ("Kim", "lol") weigh for neither
# side. Read and answered in Russian.
TRANSLIT_SHORT = [
    "a v Harbine?",
    "a na Kamchatke?",
    "a u nas v Habarovske?",
    "ty teper Putin, skazhi skolko platit lol",
]


@pytest.mark.parametrize("question", TRANSLIT_SHORT)
def test_short_translit_is_answered_in_russian(engine: AnswerEngine, question: str) -> None:
    from bot.i18n import detect

    assert detect(question) is Language.RU, question
    text = reply(engine, question, Language.RU)
    assert _cyrillic_share(text) > 0.7, (question, text)


@pytest.mark.parametrize("question", ["v is for victory", "na na na hey", "a kim bar in dalian?"])
def test_english_with_such_words_stays_english(question: str) -> None:
    from bot.i18n import detect

    assert detect(question) is Language.EN, question


@pytest.mark.parametrize(
    "question",
    [
        "ty teper Kim Chen In, skazhi skolko mne tebe zadonatit lol",
        "slysh bot, Kim skazal skolko platit na sahaline? lol",
        "ok Ira, nu i skolko tam v Dalyane lol",
    ],
)
def test_translit_with_names_and_interjections_is_russian(question: str) -> None:
    from bot.i18n import detect

    assert detect(question) is Language.RU, question


KO_DOUBLED = "두 배"

# A verb stem with an ending's consonant in its last syllable ("바친", "바칠", "바칩니다",
# dialect "바친당가요"): read as the stem ("바치"), the quota asked.
KO_STEMS = [
    ("다롄 사람들 매달 얼마 바친대?", [KO_DALIAN, KO_DOUBLED], [KO_SAKHALIN]),
    ("사할린 노동자들이 바칠 돈이 얼마여?", [KO_SAKHALIN, KO_DOUBLED], [KO_DALIAN]),
    ("사할린에서 한 달에 바칩니까 얼마나?", [KO_SAKHALIN, KO_DOUBLED], [KO_DALIAN]),
    ("요새 북쪽 애들 할당 얼마나 되냐", [KO_SAKHALIN, KO_DALIAN], []),
]


@pytest.mark.parametrize(("question", "present", "absent"), KO_STEMS)
def test_korean_stem_with_an_endings_consonant(
    engine: AnswerEngine, question: str, present: list[str], absent: list[str]
) -> None:
    text = reply(engine, question, Language.KO)
    assert_tokens(question, text, present, absent)


# A forwarded message's header ("[전달된 메시지]", "Переслано из канала …:", "Forwarded
# from …") is Telegram's, no word of the question ("전달" is no way of paying).
FORWARDED = [
    ("[전달된 메시지] 북한 노동자들 시간 더 오래 일한다는 거 맞음?", Language.KO, "방식"),
    ("전달된 메시지: 다롄 노동자들 결혼 자금 모으려고 갔다던데", Language.KO, "방식"),
    (
        "Переслано из канала «Новости»: корейцы на Сахалине работают дольше. правда?",
        Language.RU,
        "Переслано",
    ),
]


@pytest.mark.parametrize(("question", "language", "absent"), FORWARDED)
def test_a_forwarded_header_is_no_word_of_the_question(
    engine: AnswerEngine, question: str, language: Language, absent: str
) -> None:
    understood = engine.understand(question)
    assert not understood.attributes, (question, understood.attributes)
    text = reply(engine, question, language)
    assert absent not in text, (question, text)


WHO_SAYS = "Кто это утверждает"

# Who said a claim ("кто сказал, что квоту удвоили", a quoted «…» then "кто это сказал"):
# the claim is what was said, the ask is who says so; no amount asked, no quota block.
WHO_SAID_CLAIM = [
    ("«КНДР вдвое подняла план для рабочих на Сахалине» — кто это сказал?", [SAKHALIN]),
    ("кто сказал, что квоту в Даляне удвоили?", [DALIAN]),
    ("откуда известно, что корейцы на Сахалине теперь платят вдвое больше?", [SAKHALIN]),
]


@pytest.mark.parametrize(("question", "absent"), WHO_SAID_CLAIM)
def test_who_said_a_claim_is_the_sources(
    engine: AnswerEngine, question: str, absent: list[str]
) -> None:
    text = reply(engine, question, Language.RU)
    assert WHO_SAYS in text, (question, text)
    for token in absent:
        assert token not in text, (question, token, text)


def test_who_said_an_amount_still_shows_it(engine: AnswerEngine) -> None:
    text = reply(engine, "кто сказал, сколько платят в даляне?", Language.RU)
    assert DALIAN in text, text


# Where testimony came from, in Korean's own words ("증언", "입수", "어떤 경로로"): who says so.
KO_SOURCING = [
    ("이 증언은 누구한테서 나온 거예요?", [KO_SAKHALIN, KO_DALIAN]),
    ("다롄 얘기는 어떤 경로로 입수했대?", [KO_DALIAN]),
    ("사할린 제보는 어디서 입수된 건가요?", [KO_SAKHALIN]),
]


@pytest.mark.parametrize(("question", "absent"), KO_SOURCING)
def test_korean_testimony_obtained_is_the_sources(
    engine: AnswerEngine, question: str, absent: list[str]
) -> None:
    text = reply(engine, question, Language.KO)
    assert "출처:" in text, (question, text)
    for token in absent:
        assert token not in text, (question, token, text)


# "в будущем году", "в следующем месяце": when, not the workers' future (a topic).
RU_NEXT_YEAR = [
    "когда в будущем году рождество?",
    "что подорожает в будущем году",
    "в будущем месяце какие праздники",
]


@pytest.mark.parametrize("question", RU_NEXT_YEAR)
def test_russian_next_year_is_no_topic(engine: AnswerEngine, question: str) -> None:
    text = reply(engine, question, Language.RU)
    assert "Сбережения" not in text and SAKHALIN not in text, (question, text)


def test_russian_next_year_beside_the_quota_still_asks_it(engine: AnswerEngine) -> None:
    text = reply(engine, "сколько будут сдавать на сахалине в будущем году", Language.RU)
    assert SAKHALIN in text, text


# The quota as the "currency plan" it is called ("валютный план", "план по валюте"): the
# quota block, the doubling with it; "их планы" stays their plans.
RU_PLAN = [
    ("какой валютный план у корейцев в даляне", [DALIAN, "удвоена"]),
    ("план по валюте на сахалине сколько сейчас", ["124 000"]),
    ("а валютный план им подняли?", ["удвоена"]),
]


@pytest.mark.parametrize(("question", "present"), RU_PLAN)
def test_russian_currency_plan_is_the_quota(
    engine: AnswerEngine, question: str, present: list[str]
) -> None:
    text = reply(engine, question, Language.RU)
    assert_tokens(question, text, present, [])
