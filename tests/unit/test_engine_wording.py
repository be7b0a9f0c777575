"""The engine's own sentences in Russian, Chinese and Korean (bot/engine: arithmetic, pairs,
group sums, rates, intro, answering): whole lines, exactly, with plural forms, and an answer
that names two reports. English stays the code's own text (tests/unit/test_engine.py)."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from bot.engine import AnswerEngine, suggestions
from bot.engine.wording import speaking
from bot.i18n import Language, translator
from bot.markup import plain_text
from testkit.engine import RFA_2020, engine_with, seeded_engine
from testkit.engine import lines_in as lines

RU_LABEL = "наш расчёт по цифрам статьи; в самой статье такой цифры нет"
ZH_LABEL = "我们根据报道中的数字所做的计算；报道本身并未给出这一数字"
KO_LABEL = "보도 수치로 한 우리의 계산이며, 보도 자체에는 이런 수치가 없습니다"


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> AnswerEngine:
    path: Path = tmp_path_factory.mktemp("wording") / "store.sqlite3"
    return asyncio.run(seeded_engine(f"sqlite+aiosqlite:///{path}"))


@pytest.fixture(scope="module")
def two(tmp_path_factory: pytest.TempPathFactory) -> AnswerEngine:
    path: Path = tmp_path_factory.mktemp("wording") / "two.sqlite3"
    return asyncio.run(engine_with(f"sqlite+aiosqlite:///{path}", RFA_2020))


def test_a_monthly_figure_over_a_year_in_russian(engine: AnswerEngine) -> None:
    assert lines(engine, "sakhalin quota now per year", Language.RU) == [
        "Сахалин: 124\xa0000 российских рублей (RUB) в месяц (следует из «вдвое») — это "
        "примерно 1\xa0488\xa0000 российских рублей (RUB) в год (× двенадцать месяцев); "
        f"{RU_LABEL}. В статье приводятся только месячные нормы."
    ]


def test_the_rise_in_times_and_percent_in_russian(engine: AnswerEngine) -> None:
    assert lines(engine, "how many times did the quota rise", Language.RU) == [
        "Сахалин: с 62\xa0000 российских рублей (RUB) до примерно 124\xa0000 российских "
        "рублей (RUB) в месяц (следует из «вдвое») — в 2 раза больше прежнего; "
        f"{RU_LABEL}.",
        "Далянь: с 3\xa0400 китайских юаней (CNY) до примерно 6\xa0800 китайских юаней (CNY) "
        f"в месяц (следует из «вдвое») — в 2 раза больше прежнего; {RU_LABEL}.",
    ]


@pytest.mark.parametrize(
    ("count", "workers"), [(21, "21 рабочий"), (3, "3 рабочих"), (10, "10 рабочих")]
)
def test_sums_for_several_workers_take_russian_plural_forms(
    engine: AnswerEngine, count: int, workers: str
) -> None:
    total = f"{62_000 * 2 * count:,}".replace(",", "\xa0")
    assert lines(engine, f"{count} workers in sakhalin how much a month now", Language.RU) == [
        f"Сахалин, сейчас (следует из «вдвое»): {workers} × 124\xa0000 российских рублей "
        f"(RUB) в месяц = {total} российских рублей (RUB) в месяц — {RU_LABEL}."
    ]


def test_a_span_of_years_takes_russian_plural_forms(engine: AnswerEngine) -> None:
    two_years, five_years = (
        lines(
            engine, f"how much in sakhalin in rubles over {n} years at the old rate", Language.RU
        )[0]
        for n in (2, 5)
    )
    assert two_years == (
        "Сахалин: 62\xa0000 российских рублей (RUB) в месяц за 2 года в сумме дают "
        f"1\xa0488\xa0000 российских рублей (RUB) — {RU_LABEL}."
    )
    assert five_years == (
        "Сахалин: 62\xa0000 российских рублей (RUB) в месяц за 5 лет в сумме дают "
        f"3\xa0720\xa0000 российских рублей (RUB) — {RU_LABEL}."
    )


def test_two_places_compared_in_chinese(engine: AnswerEngine) -> None:
    assert lines(engine, "how many times more is sakhalin than dalian", Language.ZH) == [
        "按报道的美元换算，萨哈林（62,000 俄罗斯卢布 (RUB)，近US$730）约为大连"
        f"（3,400 人民币 (CNY)，近US$470）的1.55倍——{ZH_LABEL}。"
    ]


def test_the_implied_rate_in_chinese(engine: AnswerEngine) -> None:
    assert lines(engine, "what rouble to dollar rate did they use", Language.ZH) == [
        "萨哈林：按报道的换算，62,000 俄罗斯卢布 (RUB)接近US$730，即每美元约合84.93俄罗斯卢布"
        f"（62,000 ÷ 730）——{ZH_LABEL}；报道中的美元数字是约数。"
    ]


def test_months_to_reach_a_sum_in_korean(engine: AnswerEngine) -> None:
    assert lines(engine, "how many months to pay 1 million yuan in sakhalin", Language.KO) == [
        "사할린: 이는 계산하지 않겠습니다. 금액은 CNY, 할당량은 RUB 기준인데 보도에는 환율이 "
        "나와 있지 않습니다.",
        "다롄: 월 3,400 중국 위안화 (CNY) 기준으로 1,000,000 중국 위안화 (CNY)에 이르려면 약 "
        f"294.1개월이 걸립니다(1,000,000 ÷ 3,400) — {KO_LABEL}.",
    ]


def test_the_difference_over_time_in_korean(engine: AnswerEngine) -> None:
    assert lines(engine, "difference between old and new quota in sakhalin", Language.KO) == [
        "사할린: 이전에는 월 62,000 러시아 루블 (RUB), 지금은 두 배로 약 124,000 러시아 루블 "
        f"(RUB)(‘두 배’에서 추산) — 월 62,000 러시아 루블 (RUB) 증가, {KO_LABEL}."
    ]


@pytest.mark.parametrize(
    ("language", "scope", "try_line"),
    [
        (
            Language.RU,
            "Я могу ответить только на вопросы о сообщённых нормах для северокорейских "
            "рабочих за рубежом: о цифрах, местах, датах, причинах, источниках и о том, "
            "насколько им можно верить.",
            "Попробуйте: Сколько теперь должны сдавать рабочие на Сахалине?",
        ),
        (
            Language.ZH,
            "我只能回答有关所报道的朝鲜海外劳工指标的问题：数字、地点、日期、原因、来源，"
            "以及这些说法有多可信。",
            "试试这样问：萨哈林的工人现在每月要上交多少？",
        ),
        (
            Language.KO,
            "보도된 북한 해외 노동자 할당량에 관한 질문, 곧 수치·지역·날짜·이유·출처와 그 "
            "신뢰도에 관한 질문에만 답할 수 있습니다.",
            "이렇게 물어보세요: 사할린 노동자들은 이제 얼마를 바쳐야 하나요?",
        ),
    ],
)
def test_what_the_bot_cannot_answer_in_each_language(
    engine: AnswerEngine, language: Language, scope: str, try_line: str
) -> None:
    assert lines(engine, "what's the weather like", language) == [scope, try_line]


def test_a_long_message_note_and_suggestions_in_russian(engine: AnswerEngine) -> None:
    assert lines(engine, "x" * 5000, Language.RU)[-1] == (
        "Сообщение длинное: я прочитал первые 2\xa0000 символов."
    )
    with speaking(translator(Language.RU)):
        reply = engine.answer("quota in shakalin")
        assert suggestions(reply) == ["Вы имели в виду Сахалин?"]
    # The button keeps the engine's English label: the keyboard translates it.
    assert ("Did you mean Sakhalin?", "Sakhalin quota") in reply.follow_ups
    assert suggestions(reply) == ["Did you mean Sakhalin?"]


def test_no_report_gives_a_quota_in_russian_with_two_reports(two: AnswerEngine) -> None:
    with speaking(translator(Language.RU)):
        reply = two.quota("mars")
        names = two.composer.reports.names()
        covered = plain_text(two.covered())
    assert plain_text(reply.lines[0]) == (
        f"Ни в одной из 2 статей ({names}) не приводится норма по запросу «mars». {covered}"
    )
    assert names.startswith("Radio Free Asia, октябрь 2020\u202fг.; HNGN")
    assert len(reply.article_ids) == 2  # both reports' caveats go under it


def test_start_names_the_reports_with_a_russian_plural(two: AnswerEngine) -> None:
    with speaking(translator(Language.RU)):
        start = [plain_text(line) for line in two.start().lines]
        names = two.composer.reports.names()
    assert start[:2] == [
        "Я отвечаю на вопросы о новостных статьях про северокорейских рабочих за рубежом.",
        f"В базе 2 статьи ({names}) о деньгах, которые Северная Корея требует со своих "
        "рабочих за рубежом. Я рассказываю, что утверждается в каждой, кто это утверждает и "
        "насколько можно верить каждому утверждению. Ничто из этого не проверено.",
    ]


def test_an_uncovered_subject_in_korean(engine: AnswerEngine) -> None:
    with speaking(translator(Language.KO)):
        covered = plain_text(engine.covered())
    assert lines(engine, "do they get medical care in sakhalin", Language.KO) == [
        f"보도는 사할린의 ‘care’에 대해 언급하지 않습니다. {covered}"
    ]


def test_a_span_of_one_year_is_singular_in_english(engine: AnswerEngine) -> None:
    """ "over 12 months" is one year (it read "one years" before the plural forms)."""
    assert lines(engine, "sakhalin total over 12 months at the old rate", Language.EN) == [
        "Sakhalin: 62,000 rubles (RUB) a month over one year comes to 744,000 rubles (RUB) — "
        "our arithmetic from the report's figures; the report states no such figure."
    ]
    assert lines(engine, "dalian total over 24 months at the old rate", Language.ZH) == [
        f"大连：每月3,400 人民币 (CNY)，2年合计81,600 人民币 (CNY)——{ZH_LABEL}。"
    ]


def test_a_span_asked_at_neither_amount_gives_both_labelled(engine: AnswerEngine) -> None:
    # No "now" or "before": the stated amount, then the one "doubled" implies, each said which.
    assert lines(engine, "sakhalin total over 12 months", Language.EN) == [
        "Sakhalin: 62,000 rubles (RUB) a month (before the doubling) over one year comes to "
        "744,000 rubles (RUB) — our arithmetic from the report's figures; the report states "
        "no such figure.",
        "Sakhalin: 124,000 rubles (RUB) a month (implied by “doubled”) over one year comes to "
        "1,488,000 rubles (RUB) — our arithmetic from the report's figures; the report states "
        "no such figure.",
    ]
    assert lines(engine, "dalian total over 24 months", Language.ZH) == [
        f"大连：每月3,400 人民币 (CNY)（翻倍之前），2年合计81,600 人民币 (CNY)——{ZH_LABEL}。",
        f"大连：每月6,800 人民币 (CNY)（按“翻倍”推算），2年合计163,200 人民币 (CNY)——{ZH_LABEL}。",
    ]
