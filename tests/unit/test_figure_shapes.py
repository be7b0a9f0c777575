"""Figures a new report gives in shapes the store held only loosely before format 4: a figure
due per quarter, a rise given as a percentage with only the new amount ("rose 25 percent to
450,000 rubles"), a fall given as a percentage of a stated amount, and an amount that is only
a lower bound ("at least US$40 a day"). The report is our own made-up one
(testkit/reports/test_shapes_2023.json)."""

from __future__ import annotations

import asyncio
import copy
import dataclasses
import datetime as dt
import json
from decimal import Decimal as D
from pathlib import Path
from typing import Any

import pytest

from bot.engine import AnswerEngine
from bot.engine.derivation import change_step, quarter_sums
from bot.handlers.editor_text import claim_summary
from bot.i18n import Language
from bot.runtime import Runtime
from bot.web.record import figures
from db import editing
from db.document_schema import DocumentError, check_document
from db.editing import Actor, InvalidValue
from db.editing.claims import quota_statement
from db.figures import figure_problems, parse_change_percent
from db.kinds import AmountBound, AmountSide, FigureChange, Period
from db.transfer import export_document, import_document
from db.validation import ValidationError
from db.views import ClaimView
from testkit.engine import engine_with, lines_in

OWNER = Actor(1001, frozenset({1001}))
SHAPES = Path(__file__).parents[2] / "testkit" / "reports" / "test_shapes_2023.json"


def shapes_document() -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(SHAPES.read_text(encoding="utf-8"))
    return loaded


def _claim(**fields: Any) -> ClaimView:
    base: dict[str, Any] = {
        "id": 1, "kind": "quota", "topic": "dues", "statement": "s", "quote": None,
        "place": "Khabarovsk", "source_id": 1, "article_id": 1, "status": "active",
        "retracted_at": None, "retraction_reason": None, "corrected_at": None,
        "created_at": dt.datetime(2023, 4, 20, tzinfo=dt.UTC), "country": "RU",
        "amount": D(450000), "currency": "RUB",
    }  # fmt: skip
    return ClaimView(**{**base, **fields})


# ----- the values and their checks


def test_a_change_percentage_is_read_as_reported() -> None:
    assert parse_change_percent("25") == D(25)
    assert parse_change_percent("25 %") == D(25)
    assert parse_change_percent("12.5 percent") == D("12.5")
    for bad in ("0", "-5", "25-30", "much", "", "10001"):
        with pytest.raises(ValidationError):
            parse_change_percent(bad)


@pytest.mark.parametrize(
    ("values", "problem"),
    [
        ({"change_percent": D(25)}, "change_percent needs change=increased"),
        ({"change": "doubled", "change_percent": D(25)}, "change_percent needs change=increased"),
        ({"change": "decreased", "change_percent": D(100)}, "leaves no amount"),
        ({"amount_is": "after"}, "amount_is needs a change"),
        ({"change": "new", "amount_is": "before"}, "amount_is needs a change"),
        (
            {"change": "increased", "amount_is": "after", "amount_to": D(5)},
            "amount_is=after and amount_to",
        ),
        ({"amount_bound": "at_least", "amount_high": D(500000)}, "bound is for one amount"),
        ({"amount": None, "share_low": D(70), "amount_bound": "at_least"}, "bound needs an"),
    ],
)
def test_shapes_that_do_not_hold_together_are_refused(values: dict[str, Any], problem: str) -> None:
    figure = {"amount": D(450000), "currency": "RUB", **values}
    assert any(problem in p for p in figure_problems(figure)), figure_problems(figure)


def test_shapes_that_hold_together_pass() -> None:
    for values in (
        {"change": "increased", "change_percent": D(25), "amount_is": "after"},
        {"change": "decreased", "change_percent": D("12.5"), "amount_is": "before"},
        {"change": "doubled", "amount_is": "after"},
        {"change": "increased", "change_percent": D(25), "amount_to": D(562500)},
        {"amount_bound": "at_least", "period": "day"},
        {"period": Period.QUARTER},
    ):
        assert figure_problems({"amount": D(450000), "currency": "RUB", **values}) == []


# ----- the arithmetic: one place computes it


def test_the_amount_before_a_reported_rise_is_derived_to_three_figures() -> None:
    rise = _claim(change="increased", change_percent=D(25), amount_is="after")
    step = change_step(rise, rise.amount)
    assert step is not None
    assert (step.factor, step.divide, step.derived) == (D("1.25"), True, D(360000))
    # Not exact: 62,000 ÷ 1.25 = 49,600; 450,000 ÷ 1.3 = 346,153.8… -> about 346,000.
    assert change_step(rise, D(62000)).derived == D(49600)  # type: ignore[union-attr]
    odd = dataclasses.replace(rise, change_percent=D(30))
    assert change_step(odd, odd.amount).derived == D(346000)  # type: ignore[union-attr]


def test_the_new_amount_after_a_reported_fall_is_derived() -> None:
    fall = _claim(amount=D(20000), change="decreased", change_percent=D(20), amount_is="before")
    step = change_step(fall, fall.amount)
    assert step is not None and (step.factor, step.divide, step.derived) == (D("0.8"), False, 16000)
    # No side given: the amount is the one before the change, as always.
    unsided = dataclasses.replace(fall, amount_is=None)
    assert change_step(unsided, unsided.amount) == step


def test_no_amount_is_derived_when_the_percentage_is_too_rounded() -> None:
    # "fell 60 percent to 450,000": 59.5 to 60.5 percent moves the old amount over 1 %.
    fall = _claim(change="decreased", change_percent=D(60), amount_is="after")
    step = change_step(fall, fall.amount)
    assert step is not None and step.derived is None
    # Stated to a tenth, the same fall is precise enough.
    finer = dataclasses.replace(fall, change_percent=D("60.0") + D("0.1"))
    assert change_step(finer, finer.amount).derived is not None  # type: ignore[union-attr]


def test_nothing_is_derived_from_a_bound_a_range_or_both_sides_stated() -> None:
    rise: dict[str, Any] = {"change": "increased", "change_percent": D(25), "amount_is": "after"}
    assert change_step(_claim(**rise, amount_bound="at_least"), D(450000)) is None
    assert change_step(_claim(**rise, amount_high=D(500000)), D(450000)) is None
    both = _claim(change="increased", change_percent=D(25), amount_to=D(562500))
    assert change_step(both, both.amount) is None
    assert change_step(_claim(change="increased"), D(450000)) is None  # no percentage


def test_a_doubling_after_which_the_amount_is_stated_halves_exactly() -> None:
    doubled = _claim(change="doubled", amount_is="after")
    assert doubled.change_from_amount is None  # never doubled again
    assert change_step(doubled, doubled.amount).derived == D(225000)  # type: ignore[union-attr]


def test_a_quarter_is_three_months_and_a_year_four_quarters() -> None:
    assert quarter_sums(D(90000)) == (D(30000), D(360000))


# ----- the import document


def test_the_made_up_report_is_a_valid_version_4_document() -> None:
    document = check_document(shapes_document())
    assert document.version == 4
    rise = document.claims[0]
    assert (rise.period, rise.change, rise.change_percent, rise.amount_is) == (
        Period.QUARTER,
        FigureChange.INCREASED,
        D(25),
        AmountSide.AFTER,
    )
    assert document.claims[1].amount_bound == AmountBound.AT_LEAST


def test_older_versions_cannot_hold_version_4_shapes() -> None:
    old = shapes_document()
    old["version"] = 3
    with pytest.raises(DocumentError) as refused:
        check_document(old)
    problems = refused.value.problems
    assert "claims[0].period: quarter is not a period of versions 1 to 3 (write version 4)" in (
        problems
    )
    assert "claims[0].change_percent: is not a field of versions 1 to 3 (write version 4)" in (
        problems
    )
    assert "claims[1].amount_bound: is not a field of versions 1 to 3 (write version 4)" in (
        problems
    )
    # Without the new shapes (nulls say nothing) a version 3 document still reads.
    plain = copy.deepcopy(old)
    plain["claims"] = [plain["claims"][3]]
    plain["claims"][0].update(change="none", change_percent=None, amount_is=None)
    assert check_document(plain).claims[0].change_percent is None


def test_version_4_refuses_shapes_that_do_not_hold_together() -> None:
    bad = shapes_document()
    bad["claims"][0]["change"] = "new"
    with pytest.raises(DocumentError, match=r"claims\[0\].*change_percent needs"):
        check_document(bad)


# ----- the store: commands, export and import


async def test_the_shapes_round_trip_through_export_and_replace(runtime: Runtime) -> None:
    async with runtime.sessionmaker() as session:
        summary = await import_document(session, shapes_document(), mode="merge", editor_id=1001)
    assert summary.claims_created == 4
    async with runtime.sessionmaker() as session:
        exported = await export_document(session)
    assert exported["version"] == 4
    by_id = {c["id"]: c for c in exported["claims"]}
    assert (by_id[301]["period"], by_id[301]["change_percent"], by_id[301]["amount_is"]) == (
        "quarter",
        "25",
        "after",
    )
    assert by_id[302]["amount_bound"] == "at_least" and by_id[1]["amount_bound"] is None
    async with runtime.sessionmaker() as session:
        await import_document(session, exported, mode="replace")
    async with runtime.sessionmaker() as session:
        again = await export_document(session)
    assert again["claims"] == exported["claims"]
    snapshot = await runtime.facts.current()
    rise = snapshot.claim(301)
    assert rise is not None and (rise.change_percent, rise.amount_is) == (D(25), "after")


async def test_the_shapes_by_command_edit_and_undo(runtime: Runtime) -> None:
    async with runtime.sessionmaker() as session:
        added = await editing.add_quota(
            session,
            OWNER,
            {"country": "Russia", "place": "Khabarovsk", "amount": "450,000", "currency": "RUB",
             "period": "quarter", "basis": "person", "change": "increased",
             "change_percent": "25%", "amount_is": "after"},
        )  # fmt: skip
    claim = (await runtime.facts.current()).claim(added.entity_id)
    assert claim is not None
    assert claim.statement == (
        "In Khabarovsk, Russia, the quota of North Korean workers is 450,000 RUB a quarter "
        "per person (increased 25 percent to this amount)."
    )
    assert (
        claim_summary(claim)
        == "450,000 rubles (RUB) a quarter, increased 25 % (the amount after it)"
    )
    async with runtime.sessionmaker() as session:
        bound = await editing.add_quota(
            session,
            OWNER,
            {"country": "Russia", "place": "Blagoveshchensk", "amount": "40", "currency": "USD",
             "period": "day", "bound": "at least", "change": "new"},
        )  # fmt: skip
    floor = (await runtime.facts.current()).claim(bound.entity_id)
    assert floor is not None and floor.amount_bound == AmountBound.AT_LEAST
    assert "at least 40 USD a day" in floor.statement
    assert claim_summary(floor).startswith("at least 40 US dollars (USD) a day")
    # A change that contradicts the shape is refused; the history takes one back.
    with pytest.raises(InvalidValue, match="amount_is=after and amount_to"):
        async with runtime.sessionmaker() as session:
            await editing.edit_claim(session, OWNER, claim.id, {"amount_to": "500,000"})
    with pytest.raises(InvalidValue, match="change_percent needs"):
        async with runtime.sessionmaker() as session:
            await editing.edit_claim(session, OWNER, claim.id, {"change": "new"})
    async with runtime.sessionmaker() as session:
        change = await editing.edit_claim(session, OWNER, claim.id, {"change_percent": "30"})
    assert change.fields == [("change_percent", "25", "30")]
    async with runtime.sessionmaker() as session:
        await editing.undo(session, OWNER)
    again = (await runtime.facts.current()).claim(claim.id)
    assert again is not None and again.change_percent == D(25)


def test_a_generated_statement_says_which_side_the_amount_is() -> None:
    values: dict[str, Any] = {"place": "Ussuriysk", "amount": D(20000), "currency": "RUB",
                              "period": "month", "change": "decreased",
                              "change_percent": D(20)}  # fmt: skip
    assert quota_statement(values, "RU").endswith(
        "is 20,000 RUB a month (decreased 20 percent from this amount)."
    )
    both = {**values, "amount_to": D(16000)}
    assert quota_statement(both, "RU").endswith(
        "is 16,000 RUB a month (decreased 20 percent from 20,000)."
    )


def test_the_public_record_labels_the_side_stated_and_the_derived_one() -> None:
    rise = _claim(change="increased", change_percent=D(25), amount_is="after", period="quarter")
    lines = [(f.text, f.label) for f in figures(rise)]
    assert lines == [
        ("450,000 rubles (RUB) per quarter", "as reported, after the change (a rise of 25 %, "
         "as reported)"),
        ("about 360,000 rubles (RUB) per quarter (450,000 ÷ 1.25)",
         "the amount before the change, implied by the reported change: our arithmetic"),
    ]  # fmt: skip
    floor = _claim(amount=D(40), currency="USD", amount_bound="at_least", period="day")
    assert figures(floor)[0].text.startswith("at least 40")


# ----- the answers, in every language


def text_in(engine: AnswerEngine, question: str, language: Language) -> str:
    """The answer's lines, with the locale's narrow and no-break spaces as plain ones."""
    text = "\n".join(lines_in(engine, question, language))
    return text.replace("\u202f", " ").replace("\u00a0", " ")


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> AnswerEngine:
    path: Path = tmp_path_factory.mktemp("shapes") / "shapes.sqlite3"
    return asyncio.run(engine_with(f"sqlite+aiosqlite:///{path}", SHAPES))


RISE_EN = (
    "Before: about 360,000 rubles (RUB), a person a quarter (450,000 ÷ 1.25) — implied by a "
    "rise of 25 % (as reported), our arithmetic from the report's figures; the report states "
    "no such figure.",
    "Now: 450,000 rubles (RUB), a person a quarter — after a rise of 25 %, as reported.",
)


@pytest.mark.parametrize(
    "question",
    [
        "what is the quota in khabarovsk?",
        "khabarovsk quota before the increase?",
        "by what percent did the khabarovsk quota go up?",
    ],
)
def test_a_rise_to_a_stated_amount_shows_it_as_the_amount_now(
    engine: AnswerEngine, question: str
) -> None:
    lines = lines_in(engine, question, Language.EN)
    assert lines[1:3] == list(RISE_EN), lines
    assert not any("does not give the new amount" in line for line in lines)


# The rise, in the other languages: the stated amount is the one now, the one before is
# our arithmetic, and the quarter and the percentage are in the reader's words.
RISE = {
    Language.RU: (
        "Раньше: около 360 000 российских рублей (RUB), с человека в квартал (450 000 ÷ 1,25)",
        "повышение на 25 %; наш расчёт по цифрам статьи",
        "Сейчас: 450 000 российских рублей (RUB), с человека в квартал — после изменения "
        "(повышение на 25 %), как сообщает статья.",
    ),
    Language.ZH: (
        "此前：约360,000 俄罗斯卢布 (RUB)，每人每季度（450,000 ÷ 1.25）",
        "由报道所说的上调25%推算，我们根据报道中的数字所做的计算",
        "现在：450,000 俄罗斯卢布 (RUB)，每人每季度——据报道，这是上调25%之后的金额。",
    ),
    Language.KO: (
        "이전: 약 360,000 러시아 루블 (RUB), 1인당 매 분기 (450,000 ÷ 1.25)",
        "보도된 25% 인상에서 나온 값, 보도 수치로 한 우리의 계산",
        "현재: 450,000 러시아 루블 (RUB), 1인당 매 분기 — 보도에 따르면 25% 인상 후의 금액.",
    ),
}


@pytest.mark.parametrize("language", list(RISE))
def test_a_rise_in_each_language(engine: AnswerEngine, language: Language) -> None:
    text = text_in(engine, "what is the quota in khabarovsk?", language)
    before, label, now = RISE[language]
    assert before in text and label in text and now in text, text


FALL = {
    Language.EN: "Now: about 16,000 rubles (RUB), a person a month (20,000 × 0.8) — implied by "
    "a fall of 20 % (as reported)",
    Language.RU: "Сейчас: около 16 000 российских рублей (RUB), с человека в месяц (20 000 × 0,8)"
    " — следует из того, что статья сообщает: снижение на 20 %",
    Language.ZH: "现在：约16,000 俄罗斯卢布 (RUB)，每人每月（20,000 × 0.8）——"
    "由报道所说的下调20%推算",
    Language.KO: "현재: 약 16,000 러시아 루블 (RUB), 1인당 매월 (20,000 × 0.8) — 보도된 20% 인하",
}
FALL_BEFORE = {
    Language.EN: "Before: 20,000 rubles (RUB), a person a month.",
    Language.RU: "Раньше: 20 000 российских рублей (RUB), с человека в месяц.",
    Language.ZH: "此前：20,000 俄罗斯卢布 (RUB)，每人每月。",
    Language.KO: "이전: 20,000 러시아 루블 (RUB), 1인당 매월.",
}


@pytest.mark.parametrize("language", list(FALL))
@pytest.mark.parametrize(
    "question",
    ["what is the quota in ussuriysk now?", "ussuriysk before the cut?", "ussuriysk quota"],
)
def test_a_fall_from_a_stated_amount_in_each_language(
    engine: AnswerEngine, language: Language, question: str
) -> None:
    text = text_in(engine, question, language)
    assert FALL_BEFORE[language] in text and FALL[language] in text, text


QUARTER_SUMS = {
    Language.EN: "Irkutsk: 90,000 rubles (RUB) a person a quarter — a quarter is three months, "
    "so about 30,000 rubles (RUB) a month (90,000 ÷ 3) and 360,000 rubles (RUB) a year "
    "(90,000 × 4), our arithmetic from the report's figures; the report states no such figure.",
    Language.RU: "Иркутск: 90 000 российских рублей (RUB) с человека в квартал — в квартале три "
    "месяца, значит, около 30 000 российских рублей (RUB) в месяц (90 000 ÷ 3) и 360 000 "
    "российских рублей (RUB) в год (90 000 × 4); наш расчёт по цифрам статьи",
    Language.ZH: "伊尔库茨克：90,000 俄罗斯卢布 (RUB) 每人每季度——一个季度是三个月，因此约合每月"
    "30,000 俄罗斯卢布 (RUB)（90,000 ÷ 3），每年360,000 俄罗斯卢布 (RUB)（90,000 × 4）",
    Language.KO: "이르쿠츠크: 90,000 러시아 루블 (RUB) 1인당 매 분기 — 한 분기는 3개월이므로 월 약 "
    "30,000 러시아 루블 (RUB)(90,000 ÷ 3), 연 360,000 러시아 루블 (RUB)(90,000 × 4)",
}


@pytest.mark.parametrize("language", list(QUARTER_SUMS))
@pytest.mark.parametrize(
    "question",
    ["how much a year in irkutsk?", "irkutsk annual total?", "what is irkutsk's yearly sum"],
)
def test_a_quarterly_figure_a_month_and_a_year_as_our_arithmetic(
    engine: AnswerEngine, language: Language, question: str
) -> None:
    text = text_in(engine, question, language)
    assert QUARTER_SUMS[language] in text, text


def test_a_yearly_sum_of_a_quarter_after_a_rise_uses_the_stated_amount(
    engine: AnswerEngine,
) -> None:
    text = "\n".join(lines_in(engine, "how much a year in khabarovsk?", Language.EN))
    assert "1,800,000 rubles (RUB) a year (450,000 × 4)" in text


def test_a_quarterly_figure_is_not_taken_for_a_monthly_one(engine: AnswerEngine) -> None:
    for question in (
        "is the khabarovsk quota 450,000 rubles a month?",
        "khabarovsk 450000 rubles monthly?",
        "so loggers in khabarovsk pay 450,000 rubles every month?",
    ):
        text = "\n".join(lines_in(engine, question, Language.EN))
        assert "a figure per quarter, not per month" in text, (question, text)


BOUND = {
    Language.EN: ("Quota: at least 40 US dollars (USD), at least $40, a person a day.",
                  "only a lower bound (“at least”), not one figure"),
    Language.RU: ("Норма: не менее 40 долларов США (USD), не менее 40 $, с человека в день.",
                  "лишь нижняя граница («не менее»), а не одна цифра"),
    Language.ZH: ("指标：至少40 美元 (USD)，至少US$40，每人每天。",
                  "只是下限（“至少”），而非单一数字"),
    Language.KO: ("할당량: 최소 40 미국 달러 (USD), 최소 US$40, 1인당 매일.",
                  "단일 수치가 아닌 하한(\"최소\")일 뿐"),
}  # fmt: skip


@pytest.mark.parametrize("language", list(BOUND))
@pytest.mark.parametrize(
    ("question", "part"),
    [
        ("how much do workers in blagoveshchensk pay?", 0),
        ("what is the minimum in blagoveshchensk?", 0),
        ("blagoveshchensk quota", 0),
        ("how much a year in blagoveshchensk?", 1),
        ("is the blagoveshchensk quota exactly 40 dollars a day?", 1),
        ("blagoveshchensk per year total", 1),
    ],
)
def test_a_lower_bound_reads_at_least_and_is_never_summed(
    engine: AnswerEngine, language: Language, question: str, part: int
) -> None:
    text = text_in(engine, question, language)
    assert BOUND[language][part] in text, text
    assert "1,200" not in text and "14,600" not in text and "14 600" not in text


def test_the_list_says_which_side_of_each_change_is_stated(engine: AnswerEngine) -> None:
    text = "\n".join(lines_in(engine, "list all quotas", Language.EN))
    assert "450,000 rubles (RUB) a person a quarter; a rise of 25 %, to this amount" in text
    assert "20,000 rubles (RUB) a person a month; a fall of 20 %, from this amount" in text
    assert "at least 40 US dollars (USD), at least $40 a person a day; new" in text


EARLIER_YEAR = {
    Language.EN: "Khabarovsk: before a rise of 25 %, about 360,000 rubles (RUB) a person a "
    "quarter (450,000 ÷ 1.25) — a quarter is three months, so about 120,000 rubles (RUB) a "
    "month and 1,440,000 rubles (RUB) a year, our arithmetic from the report's figures",
    Language.RU: "Хабаровск: до изменения (повышение на 25 %) — около 360 000 российских рублей "
    "(RUB) с человека в квартал (450 000 ÷ 1,25)",
    Language.ZH: "哈巴罗夫斯克：上调25%之前约为360,000 俄罗斯卢布 (RUB) 每人每季度"
    "（450,000 ÷ 1.25）",
    Language.KO: "하바롭스크: 25% 인상 이전에는 약 360,000 러시아 루블 (RUB) 1인당 매 분기 "
    "(450,000 ÷ 1.25)",
}


@pytest.mark.parametrize("language", list(EARLIER_YEAR))
@pytest.mark.parametrize(
    "question",
    [
        "what was khabarovsk's old quota a year?",
        "khabarovsk: before the rise, how much a year?",
        "how much did a khabarovsk worker pay a year before the increase?",
    ],
)
def test_sums_before_a_rise_are_of_the_implied_amount_not_the_stated_one(
    engine: AnswerEngine, language: Language, question: str
) -> None:
    text = text_in(engine, question, language)
    assert EARLIER_YEAR[language] in text, text
    assert "1,800,000" not in text and "1 800 000" not in text, text


def test_no_sum_is_made_from_an_estimated_new_amount(engine: AnswerEngine) -> None:
    """A fall given only as a percentage: the estimate is shown in the place's figures, but
    sums over time are of the stated (earlier) amount, said to be that, or none."""
    for question in (
        "how much more per year since the cut in ussuriysk, in rubles?",
        "ussuriysk: how much less a year after the cut?",
        "by how much did the ussuriysk quota drop per year?",
    ):
        text = text_in(engine, question, Language.EN)
        said = ("Before: 20,000", "only a fall of 20 %", "20,000 rubles (RUB) a month (the amount "
                "before the change)")  # fmt: skip
        assert any(part in text for part in said), (question, text)
        assert "192,000" not in text and "48,000" not in text, (question, text)
