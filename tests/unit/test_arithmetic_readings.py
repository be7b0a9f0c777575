"""How the operation a question asks is read, in four languages, over the seed: a currency
the report gives no rate for, "how many times" said with a dialect ending, half a year, the
days in a month the asker assumes, a head count in slang, a follow-up asking the same sum at
the other time, "annualised" (no dollars), "how much more does one worker pay" (the rise,
not the other place), "za god" typed in Latin letters, "if I add the two". Each is
computed in arithmetic.py and labelled, or refused with the reason. The wordings are our
own variants, apart from the question sets."""

from __future__ import annotations

import asyncio
import re

import pytest

from bot.engine import AnswerEngine
from bot.i18n import Language
from testkit.engine import body_of as body
from testkit.engine import lines_in, seeded_engine

LABEL = "our arithmetic from the report's figures"
RU, ZH, KO = Language.RU, Language.ZH, Language.KO


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> AnswerEngine:
    path = tmp_path_factory.mktemp("readings") / "store.sqlite3"
    return asyncio.run(seeded_engine(f"sqlite+aiosqlite:///{path}"))


def digits(lines: list[str]) -> str:
    """The lines with the locale's digit group separators taken out: "40 800" -> "40800"."""
    return re.sub(r"(?<=\d)[\s\u00a0\u202f,](?=\d{3})", "", "\n".join(lines))


# ----- a currency the report gives no rate for: said so, with the report's own dollars ----


@pytest.mark.parametrize(
    ("question", "named", "dollars"),
    [
        ("whats the new sakhalin quota in aussie dollars", "Australian dollars (AUD)", "1,460"),
        ("dalian quota in AUD?", "Australian dollars (AUD)", "470"),
        ("how much is the dalian one in singapore dollars", "Singapore dollars (SGD)", "470"),
        ("in SGD how much the sakhalin one", "Singapore dollars (SGD)", "730"),
        ("sakhalin quota in canadian dollars pls", "Canadian dollars (CAD)", "730"),
    ],
)
def test_a_currency_without_a_rate_is_refused_with_the_reports_dollars(
    engine: AnswerEngine, question: str, named: str, dollars: str
) -> None:
    text = body(engine, question)
    assert f"The report does not say the quota in {named}" in text
    assert "so I will not convert it" in text and dollars in text
    assert "does not mention" not in text


@pytest.mark.parametrize(
    "question",
    [
        "육만 이천 루불이면 우리 돈 으로 얼마요",
        "사할린 할당량 우리 돈으로 얼마?",
        "다롄 할당 한화로 얼마예요",
        "우리돈으로 치면 사할린 얼마",
        "사할린 새 할당 한화로 하면 얼마임",
    ],
)
def test_our_money_in_korean_is_the_won_which_the_report_gives_no_rate_for(
    engine: AnswerEngine, question: str
) -> None:
    text = "\n".join(lines_in(engine, question, KO))
    assert "KRW" in text and "없" in text
    assert "730" in text or "470" in text


# ----- "how many times", however the word after 몇 배 ends ------------------------------


@pytest.mark.parametrize(
    "question",
    [
        "사할린이 다롄의 몇 배우꽈? 달러로 비교하면",
        "사할린은 다롄의 몇배야? 달러로",
        "달러로 치면 사할린 할당이 다롄 몇 배임",
        "사할린이 다롄보다 몇 배나 많아? 달러 기준",
        "사할린 다롄 몇 배 차이인지 달러로 알려줘",
    ],
)
def test_how_many_times_in_korean_with_any_ending(engine: AnswerEngine, question: str) -> None:
    text = "\n".join(lines_in(engine, question, KO))
    assert "1.55" in text
    assert "배우" not in text


# ----- half a year: six months of the monthly quota -------------------------------------


@pytest.mark.parametrize(
    ("question", "language", "total"),
    [
        ("сколько за полгода в даляне по новой", RU, "40800"),
        ("полгода на сахалине после удвоения сколько выходит всего", RU, "744000"),
        ("за пол года сколько всего сдаст рабочий в даляне сейчас", RU, "40800"),
        ("сахалин за полугодие по новой ставке сколько всего", RU, "744000"),
        ("сколько всего отдаст рабочий с сахалина за полгода теперь", RU, "744000"),
        ("大连半年一共要交多少（翻倍后）", ZH, "40800"),
        ("萨哈林新标准半年合计多少", ZH, "744000"),
        ("翻倍后大连工人半年总共交多少钱", ZH, "40800"),
        ("按新标准，萨哈林半年一共多少", ZH, "744000"),
        ("大连半年总共多少 新额度", ZH, "40800"),
        ("다롄 인상 후 반년치 위안 합계 계산해", KO, "40800"),
        ("사할린 반년이면 새 기준으로 총 얼마", KO, "744000"),
        ("인상 후 다롄 반 년 동안 총 얼마", KO, "40800"),
        ("새 할당량으로 사할린 반년치 합계", KO, "744000"),
        ("다롄 반년 동안 전부 얼마 내요? 인상 후", KO, "40800"),
    ],
)
def test_half_a_year_is_six_months_of_the_quota(
    engine: AnswerEngine, question: str, language: Language, total: str
) -> None:
    lines = lines_in(engine, question, language)
    text = digits(lines)
    assert total in text
    # said once: "total" and "combined" ask the one sum
    assert sum(total in line for line in [digits([x]) for x in lines]) == 1


@pytest.mark.parametrize(
    ("question", "language"),
    [
        ("大连半年前交多少", ZH),
        ("다롄 반년 전에는 얼마였어", KO),
        ("сколько платили в даляне полгода назад", RU),
    ],
)
def test_half_a_year_ago_is_no_span(
    engine: AnswerEngine, question: str, language: Language
) -> None:
    read = engine.understand(question)
    assert all(part.months != 6 for part in [read, *read.segments])


# ----- the days in a month the asker assumes ----------------------------------------------


@pytest.mark.parametrize(
    ("question", "language", "per_day"),
    [
        ("萨哈林一天得交多少 按30天算", ZH, "4133"),
        ("萨哈林新标准每天多少 以30天计", ZH, "4133"),
        ("萨哈林翻倍后一天多少？一个月按30天", ZH, "4133"),
        ("大连翻倍后一天多少钱？每月30天", ZH, "227"),
        ("大连现在每天交多少 30天计算", ZH, "227"),
        ("сколько в день на сахалине сейчас, если в месяце 30 дней", RU, "4133"),
        ("сахалин в день по новой, считая 30 дней", RU, "4133"),
        ("далянь в день сейчас из расчета 30 дней", RU, "227"),
        ("сколько в день сейчас на сахалине, 30 дней в месяце", RU, "4133"),
        ("в день в даляне теперь если взять 30 дней", RU, "227"),
        ("사할린 인상 후 하루에 얼마? 30일 기준", KO, "4133"),
        ("다롄 인상 후 하루 얼마 내요 한 달 30일로", KO, "227"),
        ("사할린 새 기준 하루 얼마 30일로 계산", KO, "4133"),
        ("다롄 인상 후 하루에 30일 기준으로 얼마", KO, "227"),
        ("30일 기준 사할린 인상 후 하루 얼마", KO, "4133"),
        # the month named beside the day: the month's figure divided, no basis asked
        ("대련 한달 할당 인상 후 하루로 나누면 얼마 (30일 기준)", KO, "227"),
        ("how much a day is the new dalian monthly quota, assuming 30 days", Language.EN, "227"),
        # the assumption said first, in a part of its own
        ("大连配额按一个月30天算，翻倍后一天多少？", ZH, "227"),
        ("萨哈林按一个月30天算，现在一天交多少", ZH, "4133"),
    ],
)
def test_a_day_over_the_days_the_asker_gives(
    engine: AnswerEngine, question: str, language: Language, per_day: str
) -> None:
    text = digits(lines_in(engine, question, language))
    assert per_day in text and "30" in text
    assert "4077" not in text and "223" not in text  # not the 365-day year's day


def test_per_month_or_per_year_still_asks_the_basis(engine: AnswerEngine) -> None:
    text = digits(lines_in(engine, "is the dalian quota per month or per year?", Language.EN))
    assert "a person a month" in text
    assert "112 yuan" not in text and "40800" not in text  # no sum made


@pytest.mark.parametrize(
    ("question", "language"),
    [
        ("3월 30일 기준으로 다롄 할당 얼마", KO),
        ("大连3月30日算的吗", ZH),
        ("по 30 рублей в даляне?", RU),
    ],
)
def test_a_date_or_an_amount_is_no_month_length(
    engine: AnswerEngine, question: str, language: Language
) -> None:
    assert all(s.days_in_month is None for s in engine.understand(question).segments)


# ----- a head count said in slang, or with the word for "staff" -------------------------


@pytest.mark.parametrize(
    ("question", "language", "total"),
    [
        ("бригада 10 рыл на сахалине, сколько всего в месяц теперь сдают", RU, "1240000"),
        ("5 душ на сахалине, сколько в месяц вместе по новой", RU, "620000"),
        ("у нас 10 работяг в даляне, сколько всего сдают сейчас в месяц", RU, "68000"),
        ("20 сотрудников на сахалине, итого в месяц после удвоения", RU, "2480000"),
        ("10 северокорейцев в даляне сколько всего в месяц теперь", RU, "68000"),
        ("당사 사할린 북한 인력 10명 기준으로 인상 후 월 총 납부액 산출(루블)", KO, "1240000"),
        ("다롄 현장 인력 5명이면 인상 후 한 달 총 얼마", KO, "34000"),
        ("사할린 북한 인력 20명 기준 인상 후 월 합계 루블", KO, "2480000"),
        ("다롄 인력 3명 인상 후 한 달 총 얼마", KO, "20400"),
        ("사할린 인력 10명이면 인상 후 한 달 총 얼마 내나요", KO, "1240000"),
    ],
)  # fmt: skip
def test_a_head_count_in_slang_or_as_staff_is_a_group_sum(
    engine: AnswerEngine, question: str, language: Language, total: str
) -> None:
    assert total in digits(lines_in(engine, question, language))


@pytest.mark.parametrize(
    "question", ["사할린 인력 규모는?", "사할린에 북한 인력이 몇 명이야", "다롄 인력 수 알려줘"]
)
def test_asking_the_staff_number_in_korean_is_still_the_workforce(
    engine: AnswerEngine, question: str
) -> None:
    text = "\n".join(lines_in(engine, question, KO))
    assert "나와 있지 않" in text
    assert "62,000" not in text and "3,400" not in text


# ----- a follow-up asking the same sum at the other time --------------------------------


@pytest.mark.parametrize(
    ("question", "language", "first", "second"),
    [
        ("dalian a year in yuan? and before the doubling?", Language.EN, "81600", "40800"),
        ("what does a sakhalin worker hand over in a year now in dollars, and what was it before",
         Language.EN, "17520", "8760"),
        ("dalian over 3 years at the new rate? and before?", Language.EN, "244800", "122400"),
        ("сколько за 2 года в даляне по новой? а до удвоения?", RU, "163200", "81600"),
        ("сахалин за год в долларах после удвоения? а раньше?", RU, "17520", "8760"),
        ("以大連原本的3,400元來算，工作三年總共要交多少？新的標準呢？", ZH, "122400", "244800"),
        ("兩地合計每月須繳美金若干？加倍後又為若干？", ZH, "1200", "2400"),
        ("大连一年交多少？翻倍后呢？", ZH, "40800", "81600"),
        ("萨哈林两年总共多少？翻倍之前呢？", ZH, "2976000", "1488000"),
        ("两地每月合计多少美元？翻倍后又是多少？", ZH, "1200", "2400"),
    ],
)  # fmt: skip
def test_a_follow_up_asks_the_sum_again_at_the_other_time(
    engine: AnswerEngine, question: str, language: Language, first: str, second: str
) -> None:
    text = digits(lines_in(engine, question, language))
    assert first in text and second in text


def test_a_time_said_after_a_sum_without_a_follow_up_word_only_qualifies_it(
    engine: AnswerEngine,
) -> None:
    text = digits(lines_in(engine, "大连一年交多少，按翻倍算", ZH))
    assert "81600" in text and "40800" not in text


# ----- annualised: a year's sum in the currency asked, no conversion to dollars ----------


@pytest.mark.parametrize(
    ("question", "language", "total", "unwanted"),
    [
        ("인상 후 사할린의 월 할당액을 연간으로 환산하면 루블 기준으로 얼마입니까?", KO, "1488000",
         "17520"),
        ("다롄 새 할당 1년으로 환산하면 위안으로 얼마", KO, "81600", "11280"),
        ("사할린 인상 후 연 환산 루블로 얼마", KO, "1488000", "17520"),
        ("다롄 인상 후 할당량 연간 환산 위안 기준", KO, "81600", "11280"),
        ("사할린 인상 후 일 년으로 환산하면 루블로 얼마", KO, "1488000", "17520"),
        ("大连新标准换算成一年是多少人民币", ZH, "81600", "11280"),
        ("萨哈林新标准年化多少卢布", ZH, "1488000", "17520"),
        ("大连翻倍后折合一年多少元", ZH, "81600", "11280"),
        ("萨哈林翻倍后按年换算多少卢布", ZH, "1488000", "17520"),
        ("翻倍后大连换算成年是多少人民币", ZH, "81600", "11280"),
    ],
)  # fmt: skip
def test_annualised_is_a_year_not_a_dollar_conversion(
    engine: AnswerEngine, question: str, language: Language, total: str, unwanted: str
) -> None:
    text = digits(lines_in(engine, question, language))
    assert total in text and unwanted not in text


# ----- how much more one worker pays: the rise, not the other place ----------------------


@pytest.mark.parametrize(
    ("question", "language", "rise"),
    [
        ("사할린 사람 하나가 한 달에 더 내는 돈이 달러로 얼마나 되는 겨?", KO, "730"),
        ("다롄 노동자는 이제 한 달에 더 내야 하는 돈이 위안으로 얼마야", KO, "3400"),
        ("사할린에서 인상 때문에 추가로 내는 돈 달러로", KO, "730"),
        ("다롄 한 명이 매달 더 바치는 금액 달러로", KO, "470"),
        ("사할린 1인 월 더 납부하는 액수 루블 기준", KO, "62000"),
        ("сколько сахалинец доплачивает в месяц в долларах", RU, "730"),
        ("сколько теперь доплачивают в даляне в юанях", RU, "3400"),
        ("на сколько переплачивает рабочий на сахалине в месяц в рублях", RU, "62000"),
        ("сколько доплатить придется рабочему в даляне в долларах", RU, "470"),
        ("сколько в месяц переплачивает сахалинский рабочий, в долларах", RU, "730"),
        ("萨哈林一个人每月多交多少美元", ZH, "730"),
        ("大连工人每月多缴多少人民币", ZH, "3400"),
        ("萨哈林每人每月多付多少卢布", ZH, "62000"),
        ("大连每个月多掏多少美元", ZH, "470"),
        ("萨哈林工人现在每月多交多少卢布", ZH, "62000"),
    ],
)
def test_how_much_more_one_worker_pays_is_the_rise(
    engine: AnswerEngine, question: str, language: Language, rise: str
) -> None:
    lines = [digits([line]) for line in lines_in(engine, question, language)]
    # One line: before, the implied after, and the rise (the old amount again).
    assert any(line.count(rise) >= 2 and str(2 * int(rise)) in line for line in lines)
    assert "260" not in "\n".join(lines)  # not one place against the other


@pytest.mark.parametrize(
    ("question", "language"),
    [
        ("사할린이 다롄보다 한 달에 얼마나 더 내요? 달러로", KO),
        ("萨哈林比大连每月多交多少美元", ZH),
        ("на сколько больше платят на сахалине чем в даляне в долларах", RU),
    ],
)
def test_more_than_the_other_place_named_is_still_the_gap_between_them(
    engine: AnswerEngine, question: str, language: Language
) -> None:
    assert "260" in digits(lines_in(engine, question, language))


# ----- Russian typed in Latin letters: "za god" is a year -------------------------------


@pytest.mark.parametrize(
    ("question", "total"),
    [
        ("skolko v dalyane za god po novoi v yuanyah", "81600"),
        ("skolko za god na sahaline po novoi", "1488000"),
        ("a skolko v dalyane za god seichas", "81600"),
    ],
)
def test_za_god_in_latin_letters_is_a_year(engine: AnswerEngine, question: str, total: str) -> None:
    assert total in digits(lines_in(engine, question, RU))


def test_god_in_english_stays_english(engine: AnswerEngine) -> None:
    assert engine.understand("oh my god sakhalin quota").language is Language.EN


# ----- "if I add the two" ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "total"),
    [
        ("if I add the two new quotas for dollar, how much e be", "$2,400"),
        ("add both old quotas in usd", "$1,200"),
        ("if you add the two new ones in dollars what do you get", "$2,400"),
        ("add them up in dollars, the old quotas", "$1,200"),
        ("adding the two new quotas, in usd?", "$2,400"),
    ],
)
def test_adding_the_two_is_their_sum(engine: AnswerEngine, question: str, total: str) -> None:
    text = body(engine, question)
    assert total in text and LABEL in text


# ----- "new" in Korean: the new amounts ------------------------------------------------


@pytest.mark.parametrize(
    "question",
    [
        "다롄 새 할당 달러로 얼마고 사할린이랑 차이 얼마임?",
        "새 금액 기준 사할린 다롄 차이 달러로",
        "새로운 할당 사할린이랑 다롄 달러 차이",
        "사할린 다롄 새 할당액 차이 달러",
        "새 할당으로 보면 사할린과 다롄 차이는 달러로 얼마",
    ],
)
def test_new_in_korean_compares_the_new_amounts(engine: AnswerEngine, question: str) -> None:
    text = digits(lines_in(engine, question, KO))
    assert "520" in text and "940" in text
    assert "260" not in text


# ----- "what if it doubled again": a supposition, computed and said to be one -----------


@pytest.mark.parametrize(
    ("question", "language", "again"),
    [
        ("what if it doubled again, sakhalin?", Language.EN, "248000"),
        ("dalian quota if it doubles again, in dollars", Language.EN, "1880"),
        ("sakhalin in dollars after a second doubling", Language.EN, "2920"),
        ("if they double the dalian quota once more how much is it", Language.EN, "13600"),
        ("sakhalin: doubled yet again, what then", Language.EN, "248000"),
        ("а если ещё раз удвоят, сколько будет на сахалине", RU, "248000"),
        ("если квоту в даляне снова удвоят, сколько в долларах", RU, "1880"),
        ("сколько будет в даляне, если опять удвоят", RU, "13600"),
        ("на сахалине удвоят ещё раз — сколько в долларах выйдет", RU, "2920"),
        ("если повторно удвоят норму на сахалине, сколько рублей", RU, "248000"),
        ("如果大连再翻一倍是多少", ZH, "13600"),
        ("萨哈林要是再翻倍，每月多少卢布", ZH, "248000"),
        ("大连再次翻倍的话是多少美元", ZH, "1880"),
        ("萨哈林又翻一倍的话每月多少美元", ZH, "2920"),
        ("要是大连再加倍，一个月交多少", ZH, "13600"),
        ("사할린 또 두 배 되면 얼마야", KO, "248000"),
        ("다롄 다시 두 배로 오르면 달러로 얼마", KO, "1880"),
        ("사할린 한 번 더 두 배 되면 달러로", KO, "2920"),
        ("다롄 또다시 두 배 오르면 위안으로 얼마", KO, "13600"),
        ("사할린 또 두배로 되면 루블로 얼마", KO, "248000"),
    ],
)
def test_doubled_again_is_computed_as_a_supposition(
    engine: AnswerEngine, question: str, language: Language, again: str
) -> None:
    lines = [digits([line]) for line in lines_in(engine, question, language)]
    said = [line for line in lines if again in line]
    assert said, lines
    # the line names the implied amount it doubles, and says it is no reported figure
    assert str(int(again) // 2) in said[0]


def test_doubled_again_in_english_says_it_is_a_supposition(engine: AnswerEngine) -> None:
    text = body(engine, "what if it doubled again, sakhalin?")
    assert "248,000 rubles (RUB) a month" in text and "124,000 rubles (RUB)" in text
    assert "only your supposition: the report mentions no further rise" in text
    assert LABEL in text


@pytest.mark.parametrize("question", ["sakhalin doubled, right?", "double 62,000"])
def test_a_doubling_said_once_is_no_second_one(engine: AnswerEngine, question: str) -> None:
    assert "248,000" not in body(engine, question)


# ----- the new amount against the old one, for each place ------------------------------


@pytest.mark.parametrize(
    ("question", "language"),
    [
        ("new quota minus old quota in dollars, both places, as a table", Language.EN),
        ("new quota less the old quota for both places in dollars", Language.EN),
        ("difference between the old and the new quota, in usd, both", Language.EN),
        ("the new one take away the old one, both places, usd", Language.EN),
        ("gap between the new and the old quota in dollars, for both", Language.EN),
        ("новая квота минус старая в долларах по обоим местам", RU),
        ("разница между старой и новой нормой в долларах", RU),
        ("разница между новой и старой квотой в долларах, оба места", RU),
        ("новая норма минус прежняя в долларах по двум местам", RU),
        ("новые нормы минус старые, в долларах", RU),
        ("两地新旧差多少美元", ZH),
        ("新旧之差是多少美元，两个地方", ZH),
        ("两个地方新旧相差多少美元", ZH),
        ("新旧差额各多少美元", ZH),
        ("两地新旧差距多少美元", ZH),
        ("신구 차이 달러로 두 지역 각각", KO),
        ("새 할당 빼기 이전 할당 달러로", KO),
        ("두 곳 신구 차액 달러로", KO),
        ("인상 후 빼기 인상 전 달러로 두 지역", KO),
        ("새 금액에서 이전 금액을 빼면 달러로 얼마", KO),
    ],
)
def test_new_minus_old_is_each_places_rise(
    engine: AnswerEngine, question: str, language: Language
) -> None:
    lines = [digits([line]) for line in lines_in(engine, question, language)]
    assert any(line.count("730") >= 2 and "1460" in line for line in lines), lines
    assert any(line.count("470") >= 2 and "940" in line for line in lines), lines
    assert not any("260" in line or "520" in line for line in lines)


def test_the_spread_between_the_places_before_and_after_is_still_the_gap(
    engine: AnswerEngine,
) -> None:
    text = body(engine, "the spread between the two, before and after the hike")
    assert "$260" in text and "$520" in text


def test_old_vs_new_side_by_side_is_no_rise(engine: AnswerEngine) -> None:
    text = body(engine, "annualised dalian, old vs new, CNY")
    assert "40,800" in text and "81,600" in text


# ----- a head count in words, and "how much higher" in Chinese ---------------------------


@pytest.mark.parametrize(
    ("question", "language", "total"),
    [
        ("五个人的班组在大连一个月一共交多少（翻倍后）", ZH, "34000"),
        ("大连十名工人翻倍后每月合计多少", ZH, "68000"),
        ("萨哈林两名工人翻倍后每月一共多少", ZH, "248000"),
        ("三个工人在大连，翻倍后一个月总共交多少", ZH, "20400"),
        ("萨哈林四个朝鲜工人现在每月合计多少卢布", ZH, "496000"),
        ("다섯 명이면 다롄 인상 후 한 달 총 얼마", KO, "34000"),
        ("사할린 열 명 인상 후 월 합계", KO, "1240000"),
        ("다롄 세 명 인상 후 한 달 총 얼마", KO, "20400"),
        ("두 명이면 사할린 인상 후 한 달 총 얼마 루블로", KO, "248000"),
        ("사할린 스무 명 인상 후 한 달 합계", KO, "2480000"),
        ("пятеро рабочих в даляне, сколько в месяц вместе после удвоения", RU, "34000"),
        ("десять человек на сахалине сколько всего в месяц теперь", RU, "1240000"),
        ("трое рабочих в даляне сколько всего в месяц теперь", RU, "20400"),
        ("два человека на сахалине, итого в месяц после удвоения", RU, "248000"),
        ("двадцать рабочих на сахалине сколько всего в месяц сейчас", RU, "2480000"),
    ],
)
def test_a_head_count_in_words_is_a_group_sum(
    engine: AnswerEngine, question: str, language: Language, total: str
) -> None:
    assert total in digits(lines_in(engine, question, language))


@pytest.mark.parametrize(
    "question",
    [
        "萨哈林比大连高多少美元",
        "大连比萨哈林低多少美元",
        "萨哈林比大连贵多少美元",
        "大连比萨哈林少多少美元",
        "萨哈林比大连高出多少美元",
    ],
)
def test_how_much_higher_in_chinese_is_the_gap(engine: AnswerEngine, question: str) -> None:
    assert "260" in digits(lines_in(engine, question, ZH))


def test_a_korean_dollar_word_is_no_count_of_months(engine: AnswerEngine) -> None:
    """'3400달러' is 3,400 dollars, not '3400달' (months) followed by '러': no sum over 3,400
    months (it showed 11,560,000 yuan, a figure nobody asked for)."""
    lines = " ".join(lines_in(engine, "대련 할당량 3400달러 맞지?", Language.KO))
    assert "개월" not in lines
    assert "11,560,000" not in lines and "23,120,000" not in lines
    assert "3,400 중국 위안화" in lines
    # A count of months in words still sums.
    months = " ".join(lines_in(engine, "사할린 두 달이면 얼마야", Language.KO))
    assert "2개월 합계 124,000 러시아 루블" in months
