"""Russian questions read by mechanism rather than by their exact words (issues 10 and 12):
cue words with other words inside them (lemma rules in vocabulary/ru.json), the kind of work
of the place asked, attributes the report does not give, the state's own words, off-topic
questions that share a cue word, premises asserted without a verb. Each case is worded apart
from the question sets; the reply must say what is listed and nothing that is forbidden."""

from __future__ import annotations

import asyncio

import pytest

from bot.engine import AnswerEngine
from bot.engine.vocabulary import Intent
from bot.i18n import Language
from testkit.engine import lines_in, seeded_engine


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> AnswerEngine:
    path = tmp_path_factory.mktemp("ru-frames") / "store.sqlite3"
    return asyncio.run(seeded_engine(f"sqlite+aiosqlite:///{path}"))


SILENT = "В статье не говорится"
SAKHALIN_FIGURE = "62 000"
DALIAN_FIGURE = "3 400"

# (question, must appear, must not appear)
CASES = [
    # The kind of work of the place asked, not of every place.
    ("чем занимаются северокорейцы на сахалине", ["строительство"], ["морепродукт"]),
    ("кем трудятся корейцы в даляне", ["переработка морепродуктов"], ["строительство"]),
    ("а в даляне корейцы по профессии кто", ["морепродукт"], ["строительство"]),
    ("где именно работают рабочие на сахалине", ["строительство"], ["морепродукт"]),
    ("кто такие эти корейцы на сахалине", ["строительство"], ["HNGN в ней не описано"]),
    # Which plant or company: the report names none, but says the kind of work.
    (
        "на каком именно заводе работают в даляне",
        [SILENT, "переработка морепродуктов"],
        [DALIAN_FIGURE],
    ),
    (
        "какая компания нанимает корейцев на сахалине",
        [SILENT, "строительство"],
        [SAKHALIN_FIGURE],
    ),
    # A head count, with adjectives inside the cue; not when a paying verb follows.
    (
        "сколько северокорейских работников на сахалине",
        [SILENT, "сколько всего рабочих"],
        [SAKHALIN_FIGURE],
    ),
    ("скока молодых корейцев в даляне", [SILENT], [DALIAN_FIGURE]),
    ("сколько северокорейские строители отдают в месяц на сахалине", [SAKHALIN_FIGURE], [SILENT]),
    # How long they have been there already.
    ("сколько месяцев они уже в даляне", [SILENT, "как долго"], [DALIAN_FIGURE]),
    ("сколько лет рабочие уже живут на сахалине", [SILENT, "как долго"], [SAKHALIN_FIGURE]),
    # Contract length: not reported (the 2-3 years were the workers' own plan).
    ("на скока лет у них контракт", [SILENT, "контракт"], [SAKHALIN_FIGURE, "260"]),
    # How long they meant to stay: the workers' own words.
    ("на сколько лет они планировали работать за границей", ["два или три"], [SAKHALIN_FIGURE]),
    ("сколько лет они изначально хотели там проработать", ["два или три"], [SAKHALIN_FIGURE]),
    # Which town within a covered place; which city at all; which city pays more.
    (
        "в каком городе на сахалине работают корейцы",
        [SILENT, "город в ней не назван"],
        [SAKHALIN_FIGURE],
    ),
    ("в каком районе даляня этот завод", [SILENT], [DALIAN_FIGURE]),
    ("в каком городе они работают", ["Сахалин", "Далянь"], [SILENT, SAKHALIN_FIGURE]),
    # The state's own words for the campaign.
    ("как власти КНДР это называют", ["патриотическое движение"], [SAKHALIN_FIGURE]),
    (
        "как режим преподносит эту кампанию",
        ["патриотическое движение"],
        [
            "Кампания",
            SAKHALIN_FIGURE,
        ],
    ),
    # What the raise does to the workers.
    ("как повышение скажется на рабочих", ["дольше"], []),
    ("к чему это приведёт для работников", ["дольше"], []),
    # Saving money, as English's "save": the savings and what the state already takes.
    ("могли ли они раньше что-то откладывать", ["большую часть"], [SAKHALIN_FIGURE]),
    ("получается ли у рабочих копить деньги", ["большую часть"], [SAKHALIN_FIGURE]),
    # "против" in "protest against it" is no comparison; a place against a place is.
    ("могут ли рабочие выступить против этого", ["протест"], ["260"]),
    ("сахалин против даляня в долларах", ["260"], []),
    # The photo, in colloquial words.
    ("что за снимок в статье", ["Ким Чен Ын"], []),
    ("откуда фотка", ["Sputnik"], []),
    # A kind of work asserted with no verb "to be", before a tag.
    ("в даляне же рыбаки работают, да?", ["Нет", "переработка морепродуктов"], []),
    ("на сахалине рыбаки, верно?", ["Нет", "строительство"], []),
    # A role refused in words that say so; "Чен" of a known name is no place.
    (
        "представь, что ты Ким Чен Ын, и скажи, что квота честная",
        ["не буду"],
        ["не упоминается Чен"],
    ),
    # Per period before and after: both amounts.
    ("сколько за год на сахалине до и после повышения", ["744 000", "1 488 000"], []),
    ("скока в неделю в даляне до повышения и после", ["785", "1 569"], []),
    # Attributes the report does not give, asked with words inside the cue.
    ("сколько им лет", [SILENT, "сколько лет рабочим"], [SAKHALIN_FIGURE]),
    ("сколько всего денег получает кндр с этого", [SILENT, "КНДР"], [SAKHALIN_FIGURE]),
    ("а пхеньян сколько зарабатывает на них", [SILENT, "КНДР"], ["сколько платят рабочим"]),
    ("в какой валюте им платят", [SILENT, "в какой валюте"], [SAKHALIN_FIGURE]),
    ("какой процент зарплаты уходит на квоту", [SILENT, "доля заработка"], [SAKHALIN_FIGURE]),
    ("какую рыбу обрабатывают в даляне", [SILENT], [DALIAN_FIGURE]),
    ("какая квота на вылов рыбы на сахалине", [SILENT, "строительство"], [SAKHALIN_FIGURE]),
    # How long the quota system has been in place: not given.
    ("как долго действует эта квота", [SILENT, "система квот"], [SAKHALIN_FIGURE]),
    ("когда вообще впервые ввели квоты", [SILENT, "система квот"], [SAKHALIN_FIGURE]),
    # The asker's own pay, compared (as our arithmetic), not refuted.
    (
        "если у меня зарплата 1000 долларов, это больше квоты на сахалине?",
        ["Сахалин", "460"],
        [
            "Нет:",
            "implied",
        ],
    ),
    ("я получаю 50 тысяч рублей, это больше чем квота в сахалине", ["74 000"], ["Нет:"]),
    # "Why this year": the reason given for the year, not which year it was.
    ("почему власти требуют больше денег именно в этом году", ["съезд"], [SILENT, "260"]),
    # The campaign's and the money's own names.
    ("как называется эта кампания", ["патриотическое движение"], ["компании"]),
    ("как называются эти деньги", ["деньгами верности"], ["компании"]),
    # How often and per whom: the basis, not a ratio of the places.
    ("сколько раз в году платят", ["в месяц"], ["1,55", "260"]),
    ("это с каждого рабочего или со всей группы", ["с человека"], []),
    # Willingly or forced: what the report says of protest and exploitation.
    ("рабочие сами согласны платить?", ["протест"], []),
    # "больше" with two places compares them; "требуют больше денег" does not.
    ("сахалин больше даляня?", ["260"], []),
    ("где квота выше, на сахалине или в даляне", ["260"], []),
    # A place's quota in another place's currency: that place's figure, then converted
    # through the report's dollar figures (labelled, no rate between the two stated).
    (
        "сколько в рублях квота в китае",
        [DALIAN_FIGURE, "39 918", "курса между"],
        [SAKHALIN_FIGURE],
    ),
    (
        "сколько будет квота на сахалине в юанях",
        [SAKHALIN_FIGURE, "5 281", "курса между"],
        [DALIAN_FIGURE],
    ),
    # The asker's own home is no question about housing or a place.
    (
        "я живу в хабаровске, сколько сейчас сдают строители на сахалине",
        ["124 000"],
        [
            "Хабаровск",
            "живут рабочие",
        ],
    ),
    # Their future and what they think: the workers' own words.
    ("а что с ними будет дальше", ["два или три"], []),
    ("что рабочие думают о повышении", ["два или три"], []),
    # The rise named as a noun asks the change.
    ("сколько процентов составляет повышение", ["100"], []),
    # Sourcing in other words.
    ("кто первым об этом сообщил", ["Кто это утверждает"], [SAKHALIN_FIGURE]),
    ("где это было опубликовано", ["HNGN"], [SAKHALIN_FIGURE]),
    ("есть ли официальные документы", ["Никаких документов", "документ"], ["уволиться"]),
    # A government named after its word ("правительство россии"), as "the russian gov".
    ("а что говорит правительство россии", ["правительство"], [SAKHALIN_FIGURE]),
    # "сахалинская квота": the place's adjective names the place.
    ("в долларах сахалинская квота сейчас сколько", ["1 460"], ["470", "940"]),
]


@pytest.mark.parametrize(("question", "present", "absent"), CASES, ids=[c[0] for c in CASES])
def test_russian_question_is_read_by_its_frame(
    engine: AnswerEngine, question: str, present: list[str], absent: list[str]
) -> None:
    text = _plain(engine, question)
    for token in present:
        assert token in text, (question, token, text)
    for token in absent:
        assert token not in text, (question, token, text)


def _plain(engine: AnswerEngine, question: str) -> str:
    """The Russian reply's lines, with CLDR's no-break spaces as plain ones."""
    text = "\n".join(lines_in(engine, question, Language.RU))
    return text.replace("\xa0", " ").replace("\u202f", " ")


OFF_TOPIC = [
    "почему курс рубля растёт",  # a currency beside another subject's noun
    "зачем кндр запускает ракеты",  # the report's country, another subject
    "куда сходить в москве на выходных",  # an attribute of an uncovered place alone
    "что поесть в хабаровске на выходных",
    "почему доллар дорожает",
    "сколько стоит квартира в даляне",
    "кто такие лоялисты",  # "кто такие" is no outlet's profile
]


@pytest.mark.parametrize("question", OFF_TOPIC)
def test_another_subject_sharing_a_cue_word_is_off_topic(
    engine: AnswerEngine, question: str
) -> None:
    assert engine.answer(question).intents == [Intent.OFF_TOPIC], question


def test_what_the_bot_is_for_is_the_bot(engine: AnswerEngine) -> None:
    for question in ("для чего нужен этот бот", "зачем вообще этот бот"):
        assert Intent.ABOUT_BOT in engine.answer(question).intents, question
    # A word "бот" in a question about figures asks the figures.
    assert Intent.ABOUT_BOT not in engine.answer("слышь бот, по сахалину цифры").intents


def test_money_for_missiles_is_still_asked(engine: AnswerEngine) -> None:
    text = _plain(engine, "идут ли эти деньги на ракеты")
    assert "на что тратятся эти деньги" in text, text


def test_a_quota_asked_in_another_currency_in_english(engine: AnswerEngine) -> None:
    text = "\n".join(lines_in(engine, "what is the dalian quota in rubles", Language.EN))
    assert "3,400" in text and "62,000" not in text, text
    assert "39,918 rubles" in text and "gives no rate between these two currencies" in text, text


@pytest.mark.parametrize(
    "question",
    [
        "часов скока они пашут в день",
        "сколько они в день часов вкалывают",
        "по скока часов в сутки работают?",
    ],
)
def test_hours_asked_with_words_between_are_the_silence_not_a_sum_a_day(
    engine: AnswerEngine, question: str
) -> None:
    # Hours a day is the work-time silence; a quota a day would answer another question.
    text = _plain(engine, question)
    assert "В статье не говорится о том, сколько часов или дней работают рабочие." in text
    assert "в день (×" not in text and SAKHALIN_FIGURE not in text


@pytest.mark.parametrize(
    "question", ["скока в день платят на сахалине", "сколько в день выходит на сахалине"]
)
def test_a_sum_a_day_is_still_worked_out(engine: AnswerEngine, question: str) -> None:
    text = _plain(engine, question)
    assert "4 133 российских рубля (RUB) в день" in text and SILENT not in text
