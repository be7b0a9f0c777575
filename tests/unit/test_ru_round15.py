"""Russian wordings of round 15 (issue 12), our own variants apart from the sets: 'план' as the
quota and 'планы' as intentions; places that are ordinary words too named in a list or after
'по'/'про'; another subject beside a covered place (the clock, holidays, prices, a governor);
whether Russia or China gains (host_gain), the workers' age and their contractor; whose words a
quote is. Each family with negatives that must keep their answers."""

from __future__ import annotations

import asyncio
from collections.abc import Mapping

import pytest

from bench.understanding import check, reply_text
from bot.engine import AnswerEngine
from bot.engine.language import Language
from bot.engine.named_places import name_case, named_case
from bot.engine.vocabulary import Attribute
from testkit.engine import seeded_engine


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> AnswerEngine:
    path = tmp_path_factory.mktemp("ru15") / "store.sqlite3"
    return asyncio.run(seeded_engine(f"sqlite+aiosqlite:///{path}"))


def _failures(engine: AnswerEngine, question: str, expect: Mapping[str, object]) -> list[str]:
    text = reply_text(engine, question)[1]
    return check({"expect": {**expect, "reply_language": "ru"}}, text)


BOTH: dict[str, object] = {"all": ["62,000", "3,400"]}
SCOPE: dict[str, object] = {"scope": True}

# --- 'план' (singular) is the quota; 'почём' asks an amount.
PLAN = [
    "какой у них план по валюте?",
    "а план у них большой?",
    "план по бабкам какой у них",
    "скока план у бригады щас",
    "по плану сколько они должны отдать",
    "какой план спускают рабочим",
    "почём верность у корейцев",
    "сколько нынче стоит преданность вождю у корейцев",
]


@pytest.mark.parametrize("question", PLAN)
def test_the_plan_is_the_quota(engine: AnswerEngine, question: str) -> None:
    assert _failures(engine, question, BOTH) == []


@pytest.mark.parametrize(
    ("question", "figure"),
    [("почём нынче лояльность в даляне", "3,400"), ("сколько план у строителей", "62,000")],
)
def test_the_plan_of_one_place(engine: AnswerEngine, question: str, figure: str) -> None:
    assert _failures(engine, question, {"all": [figure]}) == []


# 'планы' (plural) are the workers' intentions; 'в плане' is 'as for'.
@pytest.mark.parametrize(
    "question",
    ["какие у них были планы на будущее", "на что копили рабочие, какие планы были"],
)
def test_plans_are_their_intentions(engine: AnswerEngine, question: str) -> None:
    u = engine.understand(question)
    assert "savings" in [*u.topics, *(t for s in u.segments for t in s.topics)]
    assert _failures(engine, question, {"none": ["62,000", "3,400"]}) == []


def test_as_for_names_no_quota(engine: AnswerEngine) -> None:
    assert _failures(engine, "а что в плане условий работы?", {"none": ["62,000"]}) == []


# --- Places the report does not cover, named in a list, after 'по'/'про', or as regions.
PLACES = [
    ("Находка, Уссурийск — там что?", "находк"),
    ("а про Находку что-нибудь есть?", "находк"),
    ("а по приморью что?", "приморье"),
    ("что насчёт Приморья", "приморье"),
    ("что по Хабаровскому краю?", "хабаровский край"),
    ("в Еврейской автономной области корейцы есть?", "еврейская автономная область"),
    ("мы в хабаровске, у нас тоже корейцы, им тоже подняли или только на сахалине?", "хабаровск"),
]


@pytest.mark.parametrize(("question", "name"), PLACES)
def test_an_uncovered_place_is_named_back(engine: AnswerEngine, question: str, name: str) -> None:
    assert _failures(engine, question, {"all": [name, "не упомина"]}) == []


def test_a_find_is_no_place(engine: AnswerEngine) -> None:
    """'находка' alone, with no place beside it nor a word of asking about: the plain word."""
    u = engine.understand("какая находка для журналистов эта статья")
    assert not any(s.regions for s in u.segments)


def test_region_names_keep_their_generic_words_in_lower_case() -> None:
    assert name_case("амурская область") == "Амурская область"
    assert name_case("комсомольск-на-амуре") == "Комсомольск-на-Амуре"
    assert name_case("юго-восточная азия") == "Юго-Восточная Азия"
    assert named_case("new york", Language.EN) == "New York"


# --- Another subject beside a covered place: the scope reply.
OFF = [
    "который час сейчас в даляне",
    "сколько щас время на сахалине",
    "какая разница во времени между москвой и сахалином",
    "какие праздники отмечают в китае",
    "когда в китае новый год",
    "почему в южно-сахалинске такие дорогие продукты",
    "дорого ли жить в даляне",
    "кто губернатор сахалинской области",
    "как добраться до сахалина",
]


@pytest.mark.parametrize("question", OFF)
def test_another_subject_at_a_covered_place(engine: AnswerEngine, question: str) -> None:
    assert _failures(engine, question, SCOPE) == []


KEEP = [
    ("к какому празднику приурочили повышение квоты?", {"all": ["62,000"]}),
    ("какой праздник они отмечают этими деньгами", {"none": ["могу ответить только"]}),
    ("сколько времени уходит у них на норму", {"all": ["62,000"]}),
    ("с нового года подняли?", {"all": ["62,000"]}),
    ("сколько у них остаётся на продукты", {"none": ["могу ответить только"]}),
    ("сколько платят в даляне? и с какого времени?", {"none": ["который час"]}),
]


@pytest.mark.parametrize(("question", "expect"), KEEP)
def test_the_reports_own_asks_keep_their_answers(
    engine: AnswerEngine, question: str, expect: dict[str, object]
) -> None:
    assert _failures(engine, question, expect) == []


# --- Whether Russia, China or anyone else gains: the report does not say, with no figure.
GAIN = [
    "россия с этого тоже что-то имеет?",
    "китай на них наживается?",
    "а китайцам какая выгода от этого",
    "кто ещё кроме пхеньяна на этом наваривается",
    "получает ли россия что-то с этих рабочих",
    "does china profit from these workers too?",
    "俄罗斯也从中获利吗",
    "러시아도 이걸로 이득을 보나요",
]


@pytest.mark.parametrize("question", GAIN)
def test_host_gain_is_not_said(engine: AnswerEngine, question: str) -> None:
    u = engine.understand(question)
    assert any(Attribute.HOST_GAIN in s.attributes for s in u.segments)
    assert Attribute.WAGES not in [a for s in u.segments for a in s.attributes]


@pytest.mark.parametrize(
    "question",
    ["сколько рабочие получают в россии", "в китае зарабатывают корейцы сколько"],
)
def test_pay_in_a_country_is_no_gain_of_it(engine: AnswerEngine, question: str) -> None:
    u = engine.understand(question)
    assert not any(Attribute.HOST_GAIN in s.attributes for s in u.segments)


# --- The workers' age and their contractor.
@pytest.mark.parametrize(
    "question",
    [
        "сколько лет этим работницам",
        "сколько лет корейцам в даляне",
        "рабочие там молодые или пожилые?",
        "они совсем молоденькие?",
    ],
)
def test_age_is_asked(engine: AnswerEngine, question: str) -> None:
    u = engine.understand(question)
    assert any(Attribute.AGE in s.attributes for s in u.segments)
    assert _failures(engine, question, {"silent": True, "none": ["62,000", "3,400"]}) == []


def test_years_to_work_are_no_age(engine: AnswerEngine) -> None:
    u = engine.understand("сколько лет им там работать")
    assert not any(Attribute.AGE in s.attributes for s in u.segments)


@pytest.mark.parametrize("question", ["кто генподрядчик на стройке", "на какую фирму они пашут"])
def test_the_contractor_is_the_employer(engine: AnswerEngine, question: str) -> None:
    assert _failures(engine, question, {"silent": True, "none": ["62,000", "3,400"]}) == []


# --- Whose words a quote is: the statement, with its source.
@pytest.mark.parametrize(
    "question",
    [
        "чья это цитата про то что ни копейки не увидят",
        "это чьи слова — 'работай хоть до смерти, а ни копейки'?",
        "откуда фраза про ни копейки",
    ],
)
def test_whose_quote(engine: AnswerEngine, question: str) -> None:
    assert _failures(engine, question, {"all": [["копейк", "penny"]]}) == []


# --- Who a named person is, or one person's age: another subject, not the workers'.
@pytest.mark.parametrize(
    "question", ["кто такая ким ё чжон", "а кто он такой, этот путин", "сколько ей сейчас лет"]
)
def test_a_persons_biography_is_another_subject(engine: AnswerEngine, question: str) -> None:
    assert _failures(engine, question, SCOPE) == []


def test_their_age_stays_the_workers(engine: AnswerEngine) -> None:
    u = engine.understand("сколько им лет")
    assert any(Attribute.AGE in s.attributes for s in u.segments)


@pytest.mark.parametrize(
    ("question", "expect"),
    [
        ("кто опубликовал эту статью и как она называется", {"all": ["HNGN"]}),
        ("рыбзавод как называется?", {"silent": True, "none": ["3,400"]}),
    ],
)
def test_a_name_asked_of_the_article_or_the_workplace(
    engine: AnswerEngine, question: str, expect: dict[str, object]
) -> None:
    assert _failures(engine, question, expect) == []


# --- Falling short of the plan asks the penalty, which the report does not give; the plan's
# figure is no answer to it ('план' became a quota word this round).
SHORT_OF_PLAN = [
    "Что грозит работнику, который не выполнит план? Какие санкции?",
    "а если план не выполнят, что тогда?",
    "какие взыскания за невыполненный план по валюте",
]


@pytest.mark.parametrize("question", SHORT_OF_PLAN)
def test_falling_short_of_the_plan_asks_the_penalty(engine: AnswerEngine, question: str) -> None:
    none = ["62,000", "124,000", "3,400", "6,800"]
    assert _failures(engine, question, {"silent": True, "none": none}) == []
