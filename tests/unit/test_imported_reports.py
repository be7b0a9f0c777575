"""Questions about an imported report shaped unlike the seed, by failure class (issue: the
store outlives the seed article). RFA's October 2020 story (testkit/reports/rfa_2020.json)
splits its one-off levy by basis (a worker, each spouse, a married worker's household),
quotes a remark beside a claim rather than the claim, reports only threats, and names a
place only as where its source is. Each question here is our own wording of a class, not a
question of tests/questions/report2_en.json."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from bot.engine import AnswerEngine
from bot.engine.bases import asked_bases
from bot.markup import plain_text
from bot.sending.messages import build_messages
from testkit.engine import RFA_2020, engine_with

HNGN_FIGURES = ("62,000", "124,000", "730", "1,460", "3,400", "6,800", "470", "940")
RFA_FIGURES = ("12,000", "1,788", "24,000", "3,576")


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> AnswerEngine:
    path: Path = tmp_path_factory.mktemp("imported") / "two.sqlite3"
    return asyncio.run(engine_with(f"sqlite+aiosqlite:///{path}", RFA_2020))


def body(engine: AnswerEngine, question: str) -> str:
    """The reply as sent, without its caveat lines."""
    reply = engine.answer(question)
    texts = [plain_text(m) for m in build_messages(reply.lines, reply.caveats(engine.snapshot))]
    lines = "\n".join(texts).splitlines()
    return "\n".join(line for line in lines if not line.startswith("⚠️"))


def shows(text: str, figures: tuple[str, ...]) -> list[str]:
    return [f for f in figures if f in text]


@pytest.mark.parametrize(
    ("text", "bases"),
    [
        ("10 married workers", {"household"}),
        ("a single worker", {"person"}),
        ("not married", {"person"}),
        ("a single payment", set()),
        ("the spouse amount", {"family_member"}),
        ("how much in total", set()),
    ],
)
def test_the_words_for_whom_a_figure_is_per(text: str, bases: set[str]) -> None:
    assert asked_bases(text) == bases


def test_a_sum_for_married_workers_takes_the_households_figure(engine: AnswerEngine) -> None:
    text = body(engine, "what would 5 married workers owe in total")
    assert "5 × 24,000 yuan" in text and "120,000 yuan" in text
    assert "our arithmetic" in text
    assert not shows(text, HNGN_FIGURES)


def test_a_sum_for_single_workers_leaves_out_reports_without_the_split(
    engine: AnswerEngine,
) -> None:
    text = body(engine, "3 single workers, how much altogether")
    assert "36,000 yuan" in text
    assert not shows(text, HNGN_FIGURES)
    assert "24,000" not in text


def test_the_gap_between_two_bases_of_one_report(engine: AnswerEngine) -> None:
    text = body(engine, "how much more does a couple pay than a single worker")
    assert "24,000 yuan (CNY) once per household" in text
    assert "= 12,000 yuan (CNY) ($1,788 in the report's own conversion)" in text
    assert not shows(text, HNGN_FIGURES)


def test_a_basis_names_the_other_figure_of_a_comparison(engine: AnswerEngine) -> None:
    text = body(engine, "compare the rfa household figure with dalian's quota in dollars")
    assert "3,576" in text and "470" in text
    assert "62,000" not in text and "730" not in text
    assert "not compared: they are not for the same period and basis" in text


def test_a_remark_beside_a_claim_does_not_hide_the_claim(engine: AnswerEngine) -> None:
    text = body(engine, "what if a worker cannot pay")
    assert "the trading company that employs them must pay instead" in text
    assert "“the trade workers are barely making money right now”" in text
    assert "Repatriation: Workers who fail to pay" in text
    assert not shows(text, HNGN_FIGURES + RFA_FIGURES)


@pytest.mark.parametrize(
    ("question", "line"),
    [
        (
            "did radio free asia report the dalian quota",
            "Dalian: its figures come from HNGN (undated), not from Radio Free Asia (October "
            "2020).",
        ),
        (
            "rfa says construction workers owe it too?",
            "construction: its figures come from HNGN (undated), not from Radio Free Asia "
            "(October 2020).",
        ),
        (
            "hngn on the loyalty fund?",
            "“loyalty fund”: its figures come from Radio Free Asia (October 2020), not from "
            "HNGN (undated).",
        ),
    ],
)
def test_what_only_another_report_gives_is_said_to_be_its(
    engine: AnswerEngine, question: str, line: str
) -> None:
    text = body(engine, question)
    assert line in text
    assert not shows(text, ("3,400", "470", "6,800", "940", "62,000"))


def test_a_country_both_reports_cover_is_no_other_reports(engine: AnswerEngine) -> None:
    assert "its figures come from" not in body(engine, "what does hngn say about china")


def test_parts_pointing_at_different_reports_are_answered_from_both(
    engine: AnswerEngine,
) -> None:
    text = body(engine, "1) who reported the loyalty fund 2) who reported the doubling")
    assert "carried by Radio Free Asia" in text
    assert "carried by HNGN" in text


def test_a_follow_up_part_of_no_subject_follows_the_report_asked(engine: AnswerEngine) -> None:
    text = body(engine, "is the 24000 paid every month, and whos saying it")
    assert "an official of a trading company in Dandong" in text
    assert "carried by HNGN" not in text


@pytest.mark.parametrize(
    "question", ["who finances radio free asia", "when was rfa started", "who funds hngn"]
)
def test_what_an_outlet_is_lies_outside_what_the_bot_answers(
    engine: AnswerEngine, question: str
) -> None:
    text = body(engine, question)
    assert "not about the outlets that carry them" in text
    assert not shows(text, HNGN_FIGURES + RFA_FIGURES)


def test_the_loyalty_fund_is_no_outlets_profile(engine: AnswerEngine) -> None:
    text = body(engine, "what does rfa say about the loyalty fund")
    assert "12,000" in text
    assert "not about the outlets" not in text


def test_after_a_silence_a_sources_place_lists_none_of_its_figures(
    engine: AnswerEngine,
) -> None:
    text = body(engine, "what firm is the dandong source from")
    assert "it names Dandong only as where its source is" in text
    assert not shows(text, RFA_FIGURES)
    # Asked about the place alone, what the source there said is the answer.
    assert "12,000" in body(engine, "what about dandong")


def test_whether_a_threat_was_carried_out_is_not_reported(engine: AnswerEngine) -> None:
    text = body(engine, "were any workers actually deported so far for not paying")
    assert "says whether it has actually happened to anyone" in text
    assert "threatened with being sent back" in text
    plain = body(engine, "what happens to workers who don't pay")
    assert "actually happened" not in plain


@pytest.mark.parametrize("question", ["chongjin side, anything?", "hyesan workers any news"])
def test_a_gazetteer_name_no_dictionary_holds_is_a_place_anywhere(
    engine: AnswerEngine, question: str
) -> None:
    text = body(engine, question)
    name = question.split()[0].capitalize()
    assert f"mentions {name}" in text or f"mention {name}" in text
    assert not shows(text, HNGN_FIGURES + RFA_FIGURES)


# ----- a third report, made up for tests, shaped unlike both -----------------------------

TEST_WIRE = Path(__file__).resolve().parents[2] / "testkit" / "reports" / "test_wire_2021.json"


@pytest.fixture(scope="module")
def three(tmp_path_factory: pytest.TempPathFactory) -> AnswerEngine:
    """The seed, RFA and Test Wire: figures per team and a yearly range, in dollars and
    rubles, for places no other report covers, from a named source."""
    path: Path = tmp_path_factory.mktemp("imported") / "three.sqlite3"
    return asyncio.run(engine_with(f"sqlite+aiosqlite:///{path}", RFA_2020, TEST_WIRE))


def test_a_figure_per_team_is_never_multiplied_by_workers(three: AnswerEngine) -> None:
    text = body(three, "10 workers in vladivostok, how much a month")
    assert "3,000 US dollars (USD) a team a month is counted per team, not per worker" in text
    assert "30,000" not in text
    assert "a range, not one figure" in text


def test_a_sum_of_a_figure_no_doubling_is_reported_for(three: AnswerEngine) -> None:
    text = body(three, "10 workers in nakhodka, how much a month")
    assert "Nakhodka: 10 workers × 400 US dollars (USD) a month = 4,000 US dollars (USD)" in text
    assert "doubling" not in text
    # The seed's doubled figure keeps its wording beside them.
    assert "Sakhalin, now (implied by “doubled”)" in body(
        three, "10 workers in sakhalin, how much a month"
    )


def test_an_imported_place_is_covered_though_the_seed_reads_it_as_a_region(
    three: AnswerEngine,
) -> None:
    text = body(three, "vladivostok quota")
    assert "3,000 US dollars (USD), $3,000, a team a month" in text
    assert "mentions Vladivostok" not in text


def test_a_named_source_is_not_called_anonymous(three: AnswerEngine) -> None:
    text = body(three, "who says so about nakhodka")
    assert "Kim Test, a made-up site foreman — named, spoke to Test Wire" in text


def test_whose_figures_across_three_reports(three: AnswerEngine) -> None:
    text = body(three, "what does rfa say about vladivostok")
    assert "Vladivostok: its figures come from Test Wire (15 March 2021), not from Radio" in text
    assert "3,000" not in text


def test_what_one_report_says_about_its_own_place(engine: AnswerEngine) -> None:
    text = body(engine, "what does hngn say about dalian")
    assert "3,400 yuan (CNY)" in text and "as reported by HNGN" in text
    assert "Title:" not in text
    assert not shows(text, RFA_FIGURES)


@pytest.mark.parametrize(
    "question",
    [
        "1) who reported the sakhalin quota 2) who reported the 12000 yuan",
        "who reported the sakhalin quota and who reported the 12000 yuan",
        "sakhalin quota, and where is the 12,000 yuan from",
    ],
)
def test_another_reports_figure_named_beside_a_place_is_no_false_premise(
    engine: AnswerEngine, question: str
) -> None:
    # 12,000 yuan is RFA's figure for China: named, not asserted of Sakhalin.
    text = body(engine, question)
    assert "No:" not in text and "not 12,000" not in text
    assert "Radio Free Asia" in text and "62,000" in text


def test_a_wrong_currency_asserted_of_a_place_is_still_corrected(engine: AnswerEngine) -> None:
    text = body(engine, "the sakhalin quota is 5000 yuan right?")
    assert "No: the report gives the Sakhalin quota as 62,000 rubles (RUB)" in text
    assert "not 5,000 yuan (CNY)" in text
