"""Issue 11's claim model: general figures, superseded claims, format 2, the second report."""

from __future__ import annotations

import copy
import dataclasses
import datetime as dt
import json
import re
from decimal import Decimal as D
from pathlib import Path
from typing import Any

import pytest

from bot.args import parse_args
from bot.engine.numbers import reported_date
from bot.handlers.editor_text import claim_line
from bot.runtime import Runtime
from bot.services.editing import figure_hint
from bot.web.record import figures
from db import editing
from db.document_schema import DOCUMENT_VERSION, DocumentError, check_document
from db.editing import Actor, InvalidValue
from db.editing.claims import quota_statement
from db.editing.fields import CLAIM_FIELDS, parse_fields
from db.figures import parse_basis, parse_partial_date, parse_share
from db.kinds import Basis, DatePrecision, FigureChange, Period
from db.models import Claim
from db.transfer import export_document, import_document, seed_document
from db.validation import ValidationError
from db.views import ClaimView, partial_iso

OWNER = Actor(1001, frozenset({1001}))
RFA = Path(__file__).parents[2] / "testkit" / "reports" / "rfa_2020.json"


def rfa_document() -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(RFA.read_text(encoding="utf-8"))
    return loaded


# ----- values


def test_partial_dates_keep_their_precision() -> None:
    assert parse_partial_date("2020") == (dt.date(2020, 1, 1), DatePrecision.YEAR)
    assert parse_partial_date("2020-10") == (dt.date(2020, 10, 1), DatePrecision.MONTH)
    assert parse_partial_date("2020-10-31") == (dt.date(2020, 10, 31), DatePrecision.DAY)
    for bad in ("2020-13", "2020-02-30", "October 2020", "20-10", "", "0000"):
        with pytest.raises(ValidationError):
            parse_partial_date(bad)


def test_shares_and_bases() -> None:
    assert parse_share("70 to 90 percent") == (D(70), D(90))
    assert parse_share("70-90") == (D(70), D(90))
    assert parse_share("30%") == (D(30), None)
    for bad in ("0", "101", "90-70", "70-70", "much", ""):
        with pytest.raises(ValidationError):
            parse_share(bad)
    assert parse_basis("Family member") == Basis.FAMILY_MEMBER
    assert parse_basis("per household") == Basis.HOUSEHOLD
    with pytest.raises(ValidationError, match="basis_text"):
        parse_basis("spouse")


# ----- the document


def test_the_second_report_is_a_valid_version_2_document() -> None:
    document = check_document(rfa_document())
    assert document.version == 2 and DOCUMENT_VERSION == 4
    [article] = document.articles
    assert (article.outlet, article.published_on, article.published_precision) == (
        "Radio Free Asia",
        dt.date(2020, 10, 1),
        "month",
    )
    figures = [(c.amount, c.currency, c.usd_amount, c.period, c.basis, c.change)
               for c in document.claims if c.kind == "quota"]  # fmt: skip
    assert figures == [
        (D(12000), "CNY", D(1788), Period.ONCE, Basis.PERSON, FigureChange.NEW),
        (D(12000), "CNY", D(1788), Period.ONCE, Basis.FAMILY_MEMBER, FigureChange.NEW),
        (D(24000), "CNY", D(3576), Period.ONCE, Basis.HOUSEHOLD, FigureChange.NEW),
    ]
    assert {c.deadline for c in document.claims if c.kind == "quota"} == {"by the end of the month"}


def _quota(**fields: Any) -> dict[str, Any]:
    row = {"id": 1, "kind": "quota", "topic": "quota", "statement": "A figure.",
           "place": "Dalian", "country": "CN", "source_id": 1, "article_id": 1}  # fmt: skip
    row.update(fields)
    return {"format": "quota-facts-store", "version": 2, "claims": [row]}


@pytest.mark.parametrize(
    ("fields", "problem"),
    [
        ({}, "needs an amount (with its currency) or a share"),
        ({"amount": "300"}, "needs its currency"),
        ({"amount": "300", "currency": "USD", "share_low": "20"}, "not both"),
        ({"amount": "300", "currency": "USD", "amount_high": "200"}, "above amount"),
        ({"amount": "300", "currency": "USD", "usd_high": "400"}, "usd_high needs"),
        ({"share_low": "90", "share_high": "70"}, "share_high must be above"),
        ({"share_low": "120"}, "at most 100"),
        ({"amount": "1", "currency": "USD", "amount_to": "2"}, "needs a change"),
        ({"amount": "1", "currency": "USD", "deadline_on": "2020-10-01"}, "go together"),
        ({"amount": "1", "currency": "USD", "deadline_precision": "week"}, "deadline_precision"),
        ({"amount": "1", "currency": "USD", "basis": "spouse"}, "basis"),
        ({"amount": "1", "currency": "USD", "period": "fortnight"}, "period"),
        ({"amount": "1", "currency": "USD", "superseded_by": 1}, "supersede itself"),
    ],
)
def test_the_schema_refuses_figures_that_do_not_hold_together(
    fields: dict[str, Any], problem: str
) -> None:
    with pytest.raises(DocumentError) as caught:
        check_document(_quota(**fields))
    assert problem in str(caught.value)


def test_general_figures_pass_the_schema() -> None:
    check_document(_quota(amount="300", amount_high="1000", currency="USD", period="month"))
    check_document(_quota(share_low="70", share_high="90", share_of="their pay"))
    check_document(
        _quota(
            amount="100",
            currency="USD",
            change="increased",
            amount_to="200",
            usd_to="200",
            change_on="2020-03-01",
            change_on_precision="month",
        )
    )


def test_a_version_1_document_is_still_read() -> None:
    # The seed's rows as version 1 had them (it has no version 2 fields), no translations.
    old = copy.deepcopy({**seed_document(), "version": 1})
    del old["translations"]
    old["articles"][0]["published_on"] = "2024-03-10"
    old["claims"][0]["basis"] = "per worker brigade"
    document = check_document(old)
    assert document.articles[0].published_precision == "day"
    assert (document.claims[0].basis, document.claims[0].basis_text) == (
        "other",
        "per worker brigade",
    )
    assert document.claims[1].basis == "person"
    # Version 2's fields do not belong in a version 1 document.
    old["claims"][0]["deadline"] = "soon"
    with pytest.raises(DocumentError, match=r"claims\[0\].deadline: is not a field of version 1"):
        check_document(old)


# ----- the store


async def test_the_second_report_merges_into_the_seeded_store(runtime: Runtime) -> None:
    before = (await runtime.facts.current()).claims
    async with runtime.sessionmaker() as session:
        summary = await import_document(session, rfa_document(), mode="merge", editor_id=1001)
    assert (summary.articles, summary.sources, summary.claims_created) == (1, 2, 8)
    snapshot = await runtime.facts.current()
    assert snapshot.claims[: len(before)] == before  # the seed is untouched
    levy = snapshot.claim(101)
    assert levy is not None
    assert (levy.amount, levy.currency, levy.usd_amount, levy.period, levy.basis) == (
        D(12000),
        "CNY",
        D(1788),
        "once",
        "person",
    )
    assert (levy.deadline, levy.deadline_on, levy.deadline_precision) == (
        "by the end of the month",
        dt.date(2020, 10, 1),
        "month",
    )
    assert levy.change == "new" and not levy.superseded
    assert snapshot.articles[101].published_precision == "month"
    # Export (version 4) and import it again: the same claims.
    async with runtime.sessionmaker() as session:
        exported = await export_document(session)
    assert exported["version"] == 4
    async with runtime.sessionmaker() as session:
        await import_document(session, exported, mode="replace")
    async with runtime.sessionmaker() as session:
        again = await export_document(session)
    assert again["claims"] == exported["claims"]
    assert again["articles"] == exported["articles"]


async def test_general_figures_by_command_and_superseding(runtime: Runtime) -> None:
    async with runtime.sessionmaker() as session:
        ranged = await editing.add_quota(
            session,
            OWNER,
            {
                "country": "Russia",
                "place": "Moscow",
                "amount": "300",
                "amount_high": "1,000",
                "currency": "USD",
                "period": "month",
                "basis": "person",
            },
        )
    async with runtime.sessionmaker() as session:
        share = await editing.add_quota(
            session,
            OWNER,
            {
                "country": "China",
                "place": "Shenyang",
                "share": "70 to 90",
                "share_of": "their pay",
                "period": "month",
            },
        )
    snapshot = await runtime.facts.current()
    moscow, shenyang = snapshot.claim(ranged.entity_id), snapshot.claim(share.entity_id)
    assert moscow is not None and shenyang is not None
    assert moscow.statement == (
        "In Moscow, Russia, the quota of North Korean workers is 300 to 1,000 USD a month per "
        "person."
    )
    assert (shenyang.share_low, shenyang.share_high, shenyang.amount) == (D(70), D(90), None)
    assert shenyang.statement == (
        "In Shenyang, China, the quota of North Korean workers is 70 to 90 percent of their "
        "pay a month."
    )
    with pytest.raises(InvalidValue, match=r"amount .* or a share"):
        async with runtime.sessionmaker() as session:
            await editing.edit_claim(session, OWNER, share.entity_id, {"share": "-"})
    # Marked superseded: a history row, not a correction, and undone like any edit.
    async with runtime.sessionmaker() as session:
        change = await editing.supersede(session, OWNER, 1, moscow.id)
    assert change.fields == [("superseded_by", None, str(moscow.id))]
    snapshot = await runtime.facts.current()
    old = snapshot.claim(1)
    assert old is not None and old.superseded_by == moscow.id and old.corrected_at is None
    with pytest.raises(InvalidValue, match="not both ways"):
        async with runtime.sessionmaker() as session:
            await editing.supersede(session, OWNER, moscow.id, 1)
    with pytest.raises(InvalidValue, match="itself"):
        async with runtime.sessionmaker() as session:
            await editing.supersede(session, OWNER, 2, 2)
    async with runtime.sessionmaker() as session:
        await editing.undo(session, OWNER)
    old = (await runtime.facts.current()).claim(1)
    assert old is not None and old.superseded_by is None


async def test_an_article_date_of_a_month(runtime: Runtime) -> None:
    async with runtime.sessionmaker() as session:
        await editing.edit_article(session, OWNER, 1, {"date": "2020-10"}, None)
    article = (await runtime.facts.current()).articles[1]
    assert (article.published_on, article.published_precision) == (dt.date(2020, 10, 1), "month")
    async with runtime.sessionmaker() as session:
        await editing.edit_article(session, OWNER, 1, {"date": "-"}, None)
    article = (await runtime.facts.current()).articles[1]
    assert (article.published_on, article.published_precision) == (None, None)


def test_dates_are_shown_only_as_precisely_as_reported() -> None:
    october = dt.date(2020, 10, 1)
    assert reported_date(october, "month") == "October 2020"
    assert reported_date(october, "year") == "2020"
    assert reported_date(october, "day") == reported_date(october, None) == "1 October 2020"
    assert partial_iso(october, "month") == "2020-10"
    assert partial_iso(october, "year") == "2020"
    assert partial_iso(october, "day") == "2020-10-01"
    assert partial_iso(None, None) is None


def test_editors_listing_lines_show_ranges_shares_and_superseding() -> None:
    base = ClaimView(
        id=7, kind="quota", topic="quota", statement="A figure.", quote=None, place="Moscow",
        source_id=1, article_id=1, status="active", retracted_at=None, retraction_reason=None,
        corrected_at=None, created_at=dt.datetime(2026, 1, 1, tzinfo=dt.UTC), country="RU",
        amount=D(300), amount_high=D(1000), currency="USD", period="month",
    )  # fmt: skip
    assert claim_line(base) == "#7 Moscow, Russia — 300 to 1,000 US dollars (USD) a month"
    share = dataclasses.replace(
        base, amount=None, amount_high=None, currency=None, share_low=D(70), share_high=D(90),
        period="once", superseded_by=9,
    )  # fmt: skip
    assert claim_line(share) == "#7 Moscow, Russia — 70 to 90 percent once (superseded by #9)"


def test_the_public_record_states_general_figures_as_reported() -> None:
    levy = ClaimView(
        id=101, kind="quota", topic="loyalty fund", statement="A levy.", quote=None,
        place="China", source_id=101, article_id=101, status="active", retracted_at=None,
        retraction_reason=None, corrected_at=None,
        created_at=dt.datetime(2026, 1, 1, tzinfo=dt.UTC), country="CN", amount=D(12000),
        currency="CNY", usd_amount=D(1788), usd_is_approx=False, period="once",
        basis="family_member", basis_text="for each spouse", change="new",
        deadline="by the end of the month",
    )  # fmt: skip
    assert [(line.text, line.label) for line in figures(levy)] == [
        (
            "12,000 yuan (CNY) ($1,788, the report's conversion) once (a one-off levy) "
            "per family member (for each spouse)",
            "as reported",
        ),
        ("due by the end of the month", "deadline as reported"),
    ]
    ranged = dataclasses.replace(
        levy, amount=D(300), amount_high=D(1000), currency="USD", usd_amount=None,
        period="month", basis="person", basis_text=None, change=None, deadline=None,
    )  # fmt: skip
    assert [line.text for line in figures(ranged)] == [
        "300 to 1,000 US dollars (USD) per month per person"
    ]
    share = dataclasses.replace(
        ranged, amount=None, amount_high=None, currency=None, share_low=D(70),
        share_high=D(90), share_of="their pay",
    )  # fmt: skip
    assert [line.text for line in figures(share)] == [
        "70 to 90 percent of their pay per month per person"
    ]
    moved = dataclasses.replace(
        ranged, amount_high=None, change="increased", amount_to=D(500), usd_to=D(500),
    )  # fmt: skip
    assert [(line.text, line.label) for line in figures(moved)] == [
        ("300 US dollars (USD) per month per person", "as reported, before the change"),
        ("500 US dollars (USD) ($500, the report's conversion) per month per person",
         "as reported, after the change"),
    ]  # fmt: skip


def test_a_fact_with_money_in_its_text_gets_a_prefilled_addquota() -> None:
    fact = Claim(
        id=30, kind="fact", topic="wages", place="Vladivostok", source_id=2, article_id=1,
        statement='Workers earn between $300 and $1,000 a month, or 62,000 rubles '
        '(nearly $730) "each".',
    )  # fmt: skip
    lines = figure_hint(fact, "RU")
    assert lines == [
        'ℹ️ This fact contains figures (300 to 1,000 USD, 62,000 RUB) that "how much" '
        "questions will not read as a figure. To store one as a figure, check the country "
        "and place (fill in any ?) and send:",
        '/addquota country=RU place="Vladivostok" amount=300 amount_high=1000 currency=USD '
        'period=month topic="wages" text=“Workers earn between $300 and $1,000 a month, or '
        '62,000 rubles (nearly $730) "each".” source=#2 article=1',
        '/addquota country=RU place="Vladivostok" amount=62000 currency=RUB usd=730 approx=yes '
        'topic="wages" text=“Workers earn between $300 and $1,000 a month, or 62,000 rubles '
        '(nearly $730) "each".” source=#2 article=1',
    ]
    # The command reads back the fact's text exactly, quotes and all.
    for line in lines[1:]:
        assert parse_args(line, max_positional=0).options["text"] == fact.statement
    plain = Claim(id=31, kind="fact", topic="t", source_id=2, article_id=1, statement="In 2020.")
    assert figure_hint(plain) == []
    quota = Claim(id=32, kind="quota", topic="quota", source_id=2, article_id=1, statement="$5")
    assert figure_hint(quota) == []


def test_a_generated_statement_says_from_x_to_y_and_once() -> None:
    values = {"place": "Dalian", "amount": D(3400), "amount_to": D(6800), "currency": "CNY",
              "change": "doubled", "period": "month", "basis": "person"}  # fmt: skip
    assert quota_statement(values, "CN") == (
        "In Dalian, China, the quota of North Korean workers is 6,800 CNY a month per person "
        "(doubled from 3,400)."
    )
    levy = {"place": "China", "amount": D(24000), "currency": "CNY", "period": "once",
            "basis": "household", "basis_text": "a married worker's household", "change": "new",
            "deadline": "by the end of the month"}  # fmt: skip
    assert quota_statement(levy, "CN") == (
        "In China, the quota of North Korean workers is 24,000 CNY once (a one-off "
        "levy) per household (a married worker's household) (new), due by the end of the month."
    )


def test_every_field_example_in_the_editors_guide_parses() -> None:
    guide = (Path(__file__).parents[2] / "docs" / "editors.md").read_text(encoding="utf-8")
    section = guide.split("## Figures as reports give them", 1)[1].split("\n## ", 1)[0]
    examples = re.findall(r"^\| `[^|]*` \| [^|]* \| `([^`]+)` \|$", section, re.M)
    assert len(examples) == 17
    for example in examples:
        command = example if example.startswith("/") else f"/addquota {example}"
        options = parse_args(command, max_positional=1).options
        parsed = parse_fields(CLAIM_FIELDS, options, allow_clear=False)
        assert set(parsed) == set(options), example


def test_every_figure_example_in_the_readme_parses_and_checks() -> None:
    readme = (Path(__file__).parents[2] / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Editors\n", 1)[1].split("\n## ", 1)[0]
    block = section.split("```text\n", 1)[1].split("```", 1)[0]
    commands = [line for line in block.splitlines() if line.startswith(("/addquota", "/edit"))]
    assert len(commands) == 5
    for command in commands:
        options = parse_args(command, max_positional=1).options
        parsed = parse_fields(CLAIM_FIELDS, options, allow_clear=False)
        assert set(parsed) == set(options), command
