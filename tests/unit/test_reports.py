"""Answers across two reports: the seed (HNGN) and RFA's October 2020 story of a one-off
"loyalty fund" levy (testkit/reports/rfa_2020.json, merged into the seeded store). Every
answer names the report each block comes from, carries the caveat of every report it cites,
never picks one of two reports' figures silently, and words a one-off levy as one."""

from __future__ import annotations

import asyncio
import copy
import dataclasses
import datetime as dt
import json
import re
from decimal import Decimal
from pathlib import Path

import pytest

from bot.engine import AnswerEngine, Reply
from bot.engine import reports as report_words
from bot.markup import plain_text
from bot.sending.messages import build_messages
from db.views import ClaimView, Snapshot
from testkit.engine import RFA_2020, engine_with, seeded_engine

HNGN_CAVEAT = "HNGN cannot independently verify the claims."
RFA_ARTICLE = 101
RFA_CAVEAT = json.loads(RFA_2020.read_text(encoding="utf-8"))["articles"][0]["caveat"]
RFA = "Radio Free Asia"
RFA_LABEL = f"{RFA}, October 2020"
HNGN_LABEL = "HNGN, undated"
BOTH = f"None of the 2 reports ({RFA_LABEL}; {HNGN_LABEL})"


@pytest.fixture(scope="module")
def seed(tmp_path_factory: pytest.TempPathFactory) -> AnswerEngine:
    path: Path = tmp_path_factory.mktemp("reports") / "store.sqlite3"
    return asyncio.run(seeded_engine(f"sqlite+aiosqlite:///{path}"))


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> AnswerEngine:
    path: Path = tmp_path_factory.mktemp("reports") / "two.sqlite3"
    return asyncio.run(engine_with(f"sqlite+aiosqlite:///{path}", RFA_2020))


def messages(engine: AnswerEngine, reply: Reply) -> list[str]:
    return [plain_text(m) for m in build_messages(reply.lines, reply.caveats(engine.snapshot))]


def text(engine: AnswerEngine, question: str) -> str:
    return "\n".join(messages(engine, engine.answer(question)))


def body(engine: AnswerEngine, question: str) -> str:
    """The reply without its caveat lines."""
    return "\n".join(
        line for line in text(engine, question).splitlines() if not line.startswith("⚠️")
    )


# ----- one report: nothing changes --------------------------------------------------------


@pytest.mark.parametrize(
    "question",
    ["sakhalin quota", "all quotas", "how many workers are there", "is it verified?",
     "when was the directive", "what is the quota in vladivostok", "summarise the article",
     "who says so?", "in dollars", "sakhalin vs dalian", "what year did this happen"],
)  # fmt: skip
def test_with_one_report_no_answer_names_a_report(seed: AnswerEngine, question: str) -> None:
    said = text(seed, question)
    assert "as reported by" not in said
    assert "None of the" not in said
    assert "undated" not in said
    assert RFA not in said


def test_with_one_report_the_silent_answer_keeps_its_wording(seed: AnswerEngine) -> None:
    assert text(seed, "how many workers are there").startswith(
        "The report does not say how many workers there are."
    )


# ----- every block names its report ---------------------------------------------------------


def test_each_quota_block_names_its_report_newest_first(engine: AnswerEngine) -> None:
    said = body(engine, "china quota")
    headings = [line for line in said.splitlines() if " — as reported by " in line]
    assert headings == [
        f"China — trade workers — as reported by {RFA_LABEL}",
        f"China — trade workers — as reported by {RFA_LABEL}",
        f"China — trade workers — as reported by {RFA_LABEL}",
        f"Dalian, China — seafood processing workers — as reported by {HNGN_LABEL}",
    ]
    # Two reports on one country: both shown, and said to be so; HNGN's carries no date,
    # so it is not said to be the older.
    assert said.splitlines()[0] == (
        "2 reports give figures for China: all are shown, dated reports first, newest first "
        "(HNGN carries no date, so which is newer is not known); none is picked as the right "
        "one."
    )


def test_a_one_off_levy_is_worded_as_one(engine: AnswerEngine) -> None:
    said = body(engine, "trade workers quota")
    assert (
        "One-off payment: 12,000 yuan (CNY), $1,788, once per person (one-off), "
        "by the end of the month (October 2020)."
    ) in said
    assert "Basis, in the report's words: an equal amount for each spouse." in said
    assert "24,000 yuan (CNY), $3,576, once per household (one-off)" in said
    assert "a month" not in said
    assert "Dalian" not in said


def test_an_answer_from_one_report_carries_only_its_caveat(engine: AnswerEngine) -> None:
    for message in messages(engine, engine.answer("trade workers quota")):
        assert message.endswith(f"⚠️ Unverified. {RFA_CAVEAT}")
        assert HNGN_CAVEAT not in message
    for message in messages(engine, engine.answer("sakhalin quota")):
        assert message.endswith(f"⚠️ Unverified. {HNGN_CAVEAT}")
        assert RFA_CAVEAT not in message


QUESTIONS = [
    "china quota", "all quotas", "which is higher", "in dollars", "when is the deadline",
    "who says so?", "is it verified?", "summarise the article", "how many workers are there",
    "what happens if they don't pay", "what is the quota in vladivostok", "dandong quota",
    "how much per year in china", "12,000 yuan a month for trade workers?", "per household",
    "why do they have to pay the loyalty fund", "what is the title of the article",
]  # fmt: skip


@pytest.mark.parametrize("question", QUESTIONS)
def test_every_message_carries_the_caveat_of_every_report_it_cites(
    engine: AnswerEngine, question: str
) -> None:
    reply = engine.answer(question)
    snapshot = engine.snapshot
    claims = [snapshot.claim(i) for i in reply.claim_ids]
    cited = {c.article_id for c in claims if c is not None}
    assert cited <= set(reply.article_ids)
    for message in messages(engine, reply):
        for article_id in reply.article_ids:
            assert f"⚠️ Unverified. {snapshot.articles[article_id].caveat}" in message
    # Whoever is named in the body is cited: its caveat is on the message.
    said = body(engine, question)
    if re.search(rf"\b{RFA}\b", said):
        assert RFA_ARTICLE in reply.article_ids
    if re.search(r"\bHNGN\b", said):
        assert snapshot.default_article_id in reply.article_ids


# ----- silence, across reports --------------------------------------------------------------


def test_what_no_report_says_names_them_all(engine: AnswerEngine) -> None:
    said = body(engine, "how many workers are there")
    assert said.splitlines()[0] == f"{BOTH} says how many workers there are."
    assert body(engine, "what is the quota in vladivostok").startswith(
        f"{BOTH} mentions Vladivostok. The 2 reports give figures for Sakhalin, Russia (HNGN); "
        f"Dalian, China (HNGN); China ({RFA})."
    )


def test_what_one_report_says_and_the_other_does_not(engine: AnswerEngine) -> None:
    said = body(engine, "what happens if they don't pay")
    assert "threatened with being sent back to North Korea" in said
    assert said.splitlines()[-1] == "The HNGN report says nothing on this."
    assert "None of the" not in said


def test_the_year_is_each_reports_own(engine: AnswerEngine) -> None:
    said = body(engine, "when was the article published")
    assert f"The {RFA} report is dated October 2020." in said
    assert "The HNGN report carries no publication date." in said


def test_a_place_named_only_as_a_sources_location(engine: AnswerEngine) -> None:
    said = body(engine, "what did the official in dandong say")
    assert said.splitlines()[0] == (
        f"{RFA} gives no figure for Dandong; it names Dandong only as where its source is: "
        "an official of a trading company in Dandong, China."
    )
    assert "must pay 12,000 yuan" in said
    assert "mentions Dandong" not in said


# ----- lists, comparisons, arithmetic ------------------------------------------------------


def test_the_list_covers_every_report(engine: AnswerEngine) -> None:
    lines = body(engine, "all quotas").splitlines()
    assert lines[0] == f"All reported figures, from 2 reports ({RFA_LABEL}; {HNGN_LABEL}):"
    entries = [line for line in lines if line.startswith("• #")]
    assert len(entries) == 5
    assert entries[0].endswith("a person a month; doubled (HNGN, undated)")
    # One country's figures together, the newest report first: Russia, then China (RFA, HNGN).
    assert [e.split()[1] for e in entries] == ["#1", "#101", "#102", "#103", "#2"]
    assert entries[1] == (
        "• #101 China — trade: 12,000 yuan (CNY), $1,788 once per person (one-off), "
        f"by the end of the month (October 2020); new ({RFA_LABEL})"
    )
    quotas = engine.quotas()
    assert {c.article_id for c in engine.snapshot.claims if c.id in quotas.claim_ids} == {
        1,
        RFA_ARTICLE,
    }


def test_a_comparison_across_reports_says_so(engine: AnswerEngine) -> None:
    said = body(engine, "which is higher")
    assert said.splitlines()[0] == (
        f"A comparison across 2 reports ({HNGN_LABEL}; {RFA_LABEL}): "
        "each figure is as its own report gives it."
    )
    # Within one report the comparison reads as it always did.
    assert "A comparison across" not in body(engine, "sakhalin vs dalian")


def test_a_one_off_is_never_multiplied(engine: AnswerEngine) -> None:
    said = body(engine, "how much per year in china")
    assert "144,000" not in said and "288,000" not in said
    assert (
        "China (Radio Free Asia, October 2020): 12,000 yuan (CNY) once per person (one-off), "
        "by the end of the month (October 2020) — a one-off payment, so no monthly or yearly "
        "sum is made of it."
    ) in said
    # The monthly quota still gets its labelled yearly figure.
    assert "40,800 yuan (CNY) a year" in said


def test_a_wrong_period_is_corrected(engine: AnswerEngine) -> None:
    said = body(engine, "12,000 yuan a month for trade workers?")
    assert said.splitlines()[0] == (
        f"No: {RFA} (October 2020) reports 12,000 yuan (CNY) for China once per person "
        "(one-off), by the end of the month (October 2020) — a one-off payment, not per month."
    )
    assert body(engine, "is the 3,400 yuan a one-off payment?").startswith(
        "No: HNGN (undated) reports 3,400 yuan (CNY) for Dalian, China a person a month — "
        "a figure per month, not one-off."
    )


def test_the_summary_goes_report_by_report(engine: AnswerEngine) -> None:
    said = body(engine, "summarise the article")
    headings = [line for line in said.splitlines() if line.startswith("In short")]
    assert headings == [
        f"In short, as {RFA} reports it, relying on reporting by RFA's Korean Service "
        "(October 2020; none of it verified):",
        "In short, as HNGN reports it, relying on reporting by Daily NK "
        "(undated; none of it verified):",
    ]


# ----- superseded figures ------------------------------------------------------------------


def superseding(engine: AnswerEngine) -> Snapshot:
    """Dalian's seed figure superseded by a later (made-up, test-only) RFA figure."""
    snapshot = engine.snapshot
    dalian = snapshot.claim(2)
    assert dalian is not None
    old = dataclasses.replace(dalian, superseded_by=120)
    new = dataclasses.replace(
        dalian, id=120, article_id=RFA_ARTICLE, source_id=101, amount=Decimal(5000),
        usd_amount=None, change="none", change_date=None, quote=None,
        statement="Test only: Dalian's quota is 5,000 yuan a month.",
    )  # fmt: skip
    claims = tuple(old if c.id == 2 else c for c in snapshot.claims)
    return Snapshot(
        revision=snapshot.revision,
        articles=snapshot.articles,
        sources=snapshot.sources,
        claims=(*claims, new),
        aliases=snapshot.aliases,
        default_article_id=snapshot.default_article_id,
    )


def test_a_superseded_figure_is_shown_as_reported_earlier(engine: AnswerEngine) -> None:
    engine = AnswerEngine(superseding(engine))
    said = body(engine, "dalian quota")
    blocks = [line for line in said.splitlines() if " — as reported by " in line]
    assert blocks == [f"Dalian, China — seafood processing workers — as reported by {RFA_LABEL}"]
    assert "Quota: 5,000 yuan (CNY), a person a month." in said
    assert said.splitlines()[-1] == (
        f"Reported earlier: 3,400 yuan (CNY), nearly $470, a person a month ({HNGN_LABEL}) [#2]"
    )
    # The list shows it under the figure that replaced it; the caveats of both reports.
    listed = body(engine, "all quotas")
    assert "  Reported earlier: 3,400 yuan (CNY)" in listed
    assert "• #2 " not in listed
    full = text(engine, "dalian quota")
    assert HNGN_CAVEAT in full and RFA_CAVEAT in full


# ----- wording of periods, bases, ranges and shares ----------------------------------------


def figure(**values: object) -> ClaimView:
    base = {
        "id": 1, "kind": "quota", "topic": "quota", "statement": "s", "quote": None,
        "place": None, "source_id": 1, "article_id": 1, "status": "active",
        "retracted_at": None, "retraction_reason": None, "corrected_at": None,
        "created_at": None, "amount": Decimal(300), "currency": "USD",
    }  # fmt: skip
    return ClaimView(**{**base, **values})  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("values", "unit"),
    [
        ({"period": "month", "basis": "person"}, " a person a month"),
        ({"period": "year", "basis": "household"}, " a household a year"),
        ({"period": "week", "basis": "family_member"}, " a family member a week"),
        ({"period": "day", "basis": None}, " a day"),
        ({"period": "once", "basis": "person"}, " once per person (one-off)"),
        ({"period": "once", "basis": None}, " once (one-off)"),
        (
            {
                "period": "once",
                "basis": "family_member",
                "basis_text": "per spouse",
                "deadline": "by the end of the month",
            },
            " once per family member (one-off), by the end of the month",
        ),
        (
            {"period": "once", "basis": "other", "basis_text": "per worker's spouse"},
            " once per worker's spouse (one-off)",
        ),
        ({"period": None, "basis": None}, ""),
    ],
)
def test_units(values: dict[str, object], unit: str) -> None:
    assert report_words.unit(figure(**values)) == unit


def test_amounts_ranges_and_shares() -> None:
    assert report_words.amount_text(figure()) == "300 US dollars (USD)"
    ranged = figure(amount_high=Decimal(1000), usd_amount=Decimal(300), usd_high=Decimal(1000))
    assert report_words.amount_text(ranged) == "300 to 1,000 US dollars (USD)"
    assert report_words.dollars_text(ranged) == "nearly $300 to $1,000"
    share = figure(amount=None, share_low=Decimal(70), share_high=Decimal(90))
    assert report_words.amount_text(share) == "70 to 90 percent of their pay"
    single = figure(amount=None, share_low=Decimal(50), share_of="their wages")
    assert report_words.amount_text(single) == "50 percent of their wages"


def test_start_names_the_reports_and_carries_their_caveats(engine: AnswerEngine) -> None:
    said = "\n".join(messages(engine, engine.start()))
    assert "I answer questions about news reports on North Korea's overseas workers." in said
    assert f"The store holds 2 reports ({RFA_LABEL}; {HNGN_LABEL})" in said
    assert HNGN_CAVEAT in said and RFA_CAVEAT in said
    about = "\n".join(messages(engine, engine.about()))
    assert "passes on what the news reports I hold claim" in about


def test_a_question_naming_one_report_is_answered_from_it(engine: AnswerEngine) -> None:
    said = body(engine, "what does rfa say about sakhalin").strip()
    # Silent on Sakhalin, and which report Sakhalin's figures are from (whose caveat too).
    assert said == (
        f"The {RFA} report (October 2020) does not give a quota for Sakhalin. "
        f"The {RFA} report gives figures for China.\n\n"
        f"Sakhalin: its figures come from HNGN (undated), not from {RFA} (October 2020)."
    )
    assert caveats_of(engine, "what does rfa say about sakhalin") == [RFA_CAVEAT, HNGN_CAVEAT]
    # By its full name, or the outlet it relies on ("Daily NK" for HNGN's report).
    assert "Dalian" not in body(engine, "how much does radio free asia say they pay")
    assert "Radio Free Asia" not in body(engine, "what quota does daily nk report")
    # Naming both is asking across both.
    assert "A comparison across 2 reports" in body(engine, "rfa vs hngn which is higher")


def test_the_article_card_names_who_spoke_to_the_original_outlet(engine: AnswerEngine) -> None:
    said = body(engine, "what is the title of the article")
    assert (
        "Original reporting: RFA's Korean Service (an official of a trading company in "
        "Dandong, China spoke to it)"
    ) in said
    assert "Original reporting: Daily NK (a source in Russia spoke to it)" in said


def caveats_of(engine: AnswerEngine, question: str) -> list[str]:
    reply = engine.answer(question)
    return [caveat for _outlet, caveat in reply.caveats(engine.snapshot)]


def test_a_question_pointing_at_one_report_is_answered_from_it(engine: AnswerEngine) -> None:
    # A topic only its figures are filed under, or a figure only it gives.
    fund = body(engine, "how much is the loyalty fund")
    assert fund.count(f"as reported by {RFA_LABEL}") == 3
    assert "Dalian" not in fund
    assert body(engine, "is the 12000 yuan monthly?").startswith(
        f"No: {RFA} (October 2020) reports 12,000 yuan (CNY) for China once per person "
        "(one-off), by the end of the month (October 2020) — a one-off payment, not per month."
    )
    # A place of the other report keeps the question across both.
    assert body(engine, "sakhalin quota is 12,000 rubles?").startswith(
        "No: the reports give 62,000 rubles (RUB) a person a month for Sakhalin, Russia "
        f"({HNGN_LABEL}), not 12,000."
    )


def test_a_one_off_against_a_monthly_quota_is_compared_in_words(engine: AnswerEngine) -> None:
    said = body(engine, "which is bigger, the dalian monthly quota or the rfa loyalty fund?")
    assert said.splitlines()[0].startswith("A comparison across 2 reports")
    assert (
        f"{RFA}'s 12,000 yuan (CNY) once per person (one-off) is more than one month of "
        "HNGN's quota for Dalian, China (3,400 yuan (CNY) a month, 6,800 yuan (CNY) now, "
        f"implied by “doubled”); but {RFA}'s is paid once and HNGN's every month: not the "
        "same kind of payment."
    ) in said


def test_a_one_offs_exchange_rate_is_worked_out_once_per_figure(engine: AnswerEngine) -> None:
    said = body(engine, "exchange rate for the loyalty fund?")
    assert said.count("so about 6.71 yuan to the dollar") == 2  # 12,000 and 24,000 yuan
    assert "rubles" not in said


def with_general_figures(engine: AnswerEngine) -> Snapshot:
    """Made-up, test-only figures of a third report in Kuwait: a monthly range with its
    dollar range, a yearly figure per household, and a share of pay."""
    snapshot = engine.snapshot
    sakhalin = snapshot.claim(1)
    assert sakhalin is not None
    article = dataclasses.replace(
        snapshot.articles[RFA_ARTICLE], id=900, outlet="Testwire", caveat="Test only."
    )
    base = dataclasses.replace(
        sakhalin, article_id=900, place="Kuwait", country="KW", sector="construction",
        change="none", statement="Test only.",
    )  # fmt: skip
    claims = (
        dataclasses.replace(
            base,
            id=901,
            amount=Decimal(300),
            amount_high=Decimal(1000),
            currency="USD",
            usd_amount=Decimal(300),
            usd_high=Decimal(1000),
            usd_is_approx=False,
        ),
        dataclasses.replace(
            base,
            id=902,
            amount=Decimal(500),
            currency="USD",
            usd_amount=None,
            period="year",
            basis="household",
        ),
        dataclasses.replace(
            base,
            id=903,
            amount=None,
            currency=None,
            usd_amount=None,
            share_low=Decimal(70),
            share_high=Decimal(90),
        ),
    )
    return Snapshot(
        revision=snapshot.revision,
        articles={**snapshot.articles, 900: article},
        sources=snapshot.sources,
        claims=(*snapshot.claims, *claims),
        aliases=snapshot.aliases,
        default_article_id=snapshot.default_article_id,
    )


def test_ranges_yearly_figures_and_shares_are_worded_and_summed_only_as_ranges(
    engine: AnswerEngine,
) -> None:
    # A range is worked out as a range for the period asked (bot/engine/period_sums.py:
    # the brief of round 10, "arithmetic on any stored figure and shape"); a share and a
    # yearly figure asked per year are still said to be what they are.
    three = AnswerEngine(with_general_figures(engine))
    said = body(three, "kuwait quota")
    assert "Quota: 300 to 1,000 US dollars (USD), $300 to $1,000, a person a month." in said
    assert "Quota: 500 US dollars (USD), a household a year." in said
    assert "Quota: 70 to 90 percent of their pay, a person a month." in said
    yearly = body(three, "how much a year in kuwait")
    assert "300 to 1,000 US dollars (USD) a person a month is about 3,600 to 12,000" in yearly
    assert "a figure per year, so no monthly or yearly sum is made of it" in yearly
    assert "a share, not an amount, so no monthly or yearly sum is made of it" in yearly
    assert "6,000" not in yearly
    listed = body(three, "all quotas")
    assert "• #903 Kuwait — construction: 70 to 90 percent of their pay a person a month" in listed
    assert "Kuwait (Testwire, October 2020): the report gives no dollar figure." in body(
        three, "kuwait in dollars"
    )


def test_from_x_to_y_and_a_dated_change(engine: AnswerEngine) -> None:
    snapshot = with_general_figures(engine)
    sakhalin = snapshot.claim(1)
    assert sakhalin is not None
    raised = dataclasses.replace(
        sakhalin,
        id=904,
        article_id=900,
        place="Vladivostok",
        change="increased",
        amount_to=Decimal(80000),
        usd_amount=None,
        change_date="March 10, 2024",
        change_on=dt.date(2024, 3, 10),
        change_on_precision="day",
    )
    cut = dataclasses.replace(raised, id=905, place="Khabarovsk", change="decreased",
                              amount_to=None, change_date=None, change_on=None)  # fmt: skip
    four = AnswerEngine(
        dataclasses.replace(snapshot, claims=(*snapshot.claims, raised, cut), _by_id={})
    )
    said = body(four, "vladivostok quota")
    assert "Before: 62,000 rubles (RUB), a person a month." in said
    assert "Now: 80,000 rubles (RUB), a person a month." in said
    assert "When: March 10, 2024." in said
    assert "no year" not in said
    assert "Now: decreased; the report does not give the new amount." in body(
        four, "khabarovsk quota"
    )


def test_a_composer_carried_to_a_newer_snapshot_sees_its_reports(
    seed: AnswerEngine, engine: AnswerEngine
) -> None:
    # An incremental reload may copy the composer and give it the next snapshot (with its
    # indexes updated): what it knows of the reports is remade for that snapshot.
    composer = copy.copy(seed.composer)
    assert not composer.several and len(composer.quotas()) == 2
    composer.snapshot = engine.snapshot
    assert composer.several
    assert [a.outlet for a in composer.reports.articles] == [RFA, "HNGN"]


def test_a_short_question_naming_an_outlet_gets_its_report(engine: AnswerEngine) -> None:
    said = body(engine, "tell me about radio free asia")
    assert said.startswith("Title: “Cash-Strapped North Korea Orders Workers in China")
    assert "HNGN" not in said
    assert caveats_of(engine, "who is rfa") == [RFA_CAVEAT]
    overview = body(engine, "how many reports do you have")
    assert overview.splitlines()[:3] == [
        "I hold 2 reports, newest first (none of it verified):",
        f"• {RFA_LABEL} — “Cash-Strapped North Korea Orders Workers in China to Pay Into "
        "'Loyalty Fund'”",
        "• HNGN, undated — “North Korea Doubles Foreign Currency Quotas For Overseas Workers, "
        "Intensifying Labor Burden”",
    ]


def test_many_reports_are_named_a_few_at_a_time(engine: AnswerEngine) -> None:
    snapshot = engine.snapshot
    rfa = snapshot.articles[RFA_ARTICLE]
    levy = snapshot.claim(101)
    assert levy is not None
    articles = {
        **snapshot.articles,
        **{
            n: dataclasses.replace(rfa, id=n, outlet=f"Outlet {n}", published_on=None)
            for n in range(200, 206)
        },
    }
    claims = tuple(
        dataclasses.replace(levy, id=n, article_id=n, statement="Test only.")
        for n in range(200, 206)
    )
    many = AnswerEngine(
        dataclasses.replace(
            snapshot, articles=articles, claims=(*snapshot.claims, *claims), _by_id={}
        )
    )
    said = body(many, "how many workers are there")
    assert said.startswith(
        f"None of the 8 reports ({RFA_LABEL}; Outlet 205, undated; Outlet 204, undated; "
        "Outlet 203, undated; Outlet 202, undated; and 3 more) says how many workers"
    )


def test_one_named_reports_summary(engine: AnswerEngine) -> None:
    said = body(engine, "summarise the rfa article").strip()
    assert said.startswith(f"In short, as {RFA} reports it")
    assert "HNGN" not in said
    assert said.endswith("The report says more: ask about a place, a source or a topic.")


def test_two_dated_reports_on_one_place_newest_first(engine: AnswerEngine) -> None:
    snapshot = engine.snapshot
    hngn = dataclasses.replace(snapshot.articles[1], published_on=dt.date(2024, 5, 2))
    dated = AnswerEngine(
        dataclasses.replace(snapshot, articles={**snapshot.articles, 1: hngn}, _by_id={})
    )
    said = body(dated, "china quota")
    assert said.splitlines()[0] == (
        "2 reports give figures for China: all are shown, newest report first; none is "
        "picked as the right one."
    )
    assert said.index("as reported by HNGN, 2 May 2024") < said.index(f"as reported by {RFA_LABEL}")
