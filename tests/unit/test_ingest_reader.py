"""The report reader (bot/engine/ingest) and find_money, over the seed article and a
second report (testkit/reports/rfa_2020.txt, a paraphrase in our own words)."""

from __future__ import annotations

import json
import os
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from bot.engine.ingest import KnownPlaces, SourceDraft, read_report
from bot.engine.ingest.drafts import Proposal
from bot.engine.money import find_money
from db.validation import parse_amount

ROOT = Path(__file__).resolve().parents[2]
# The HNGN article itself is not copied into the repository (its text is HNGN's): the
# tests read it where the project keeps it, or where SEED_ARTICLE says.
SEED_ARTICLE = Path(os.environ.get("SEED_ARTICLE", "/work/shared/seed/article.txt"))
RFA = ROOT / "testkit" / "reports" / "rfa_2020.txt"


def seed() -> dict[str, Any]:
    return json.loads((ROOT / "db" / "seed" / "facts.json").read_text(encoding="utf-8"))


def seed_text() -> str:
    if not SEED_ARTICLE.exists():
        pytest.skip(f"the seed article is not at {SEED_ARTICLE} (set SEED_ARTICLE)")
    return SEED_ARTICLE.read_text(encoding="utf-8")


# ----- find_money


def test_find_money_reads_amounts_and_folds_the_dollar_conversion() -> None:
    [rubles] = find_money("from 62,000 rubles (nearly $730) per person")
    assert (rubles.amount, rubles.currency, rubles.usd, rubles.usd_approx, rubles.span) == (
        Decimal("62000"), "RUB", Decimal("730"), True, (5, 32),
    )  # fmt: skip
    yuan, household = find_money("pay 12,000 yuan (US$1,788), and 24,000 yuan ($3,576) a home")
    assert (yuan.amount, yuan.currency, yuan.usd, yuan.usd_approx) == (
        Decimal("12000"), "CNY", Decimal("1788"), False,
    )  # fmt: skip
    assert (household.amount, household.usd) == (Decimal("24000"), Decimal("3576"))
    # A dollar amount is its own dollar figure.
    [dollars] = find_money("about $300 a month")
    assert (dollars.amount, dollars.usd, dollars.approx, dollars.usd_approx) == (
        Decimal("300"), Decimal("300"), True, True,
    )  # fmt: skip


def test_find_money_reads_codes_symbols_and_cldr_names() -> None:
    found = find_money("RUB 5,000, 300 CNY, 40 Chinese yuan, €5 and $2.5 million")
    assert [(m.amount, m.currency) for m in found] == [
        (Decimal("5000"), "RUB"), (Decimal("300"), "CNY"), (Decimal("40"), "CNY"),
        (Decimal("5"), "EUR"), (Decimal("2500000"), "USD"),
    ]  # fmt: skip


def test_find_money_leaves_plain_numbers_and_lower_case_words_alone() -> None:
    assert find_money("in 2020 about 10 workers, all 300 of them, 5 usd") == []
    assert find_money("") == []


# ----- the seed article: the same figures, places, sources and caveat as the seed


def test_the_seed_article_proposes_the_seed_article_fields() -> None:
    stored = seed()["articles"][0]
    article = read_report(seed_text()).article
    for key in ("outlet", "title", "caveat", "relies_on"):
        assert article.fields[key] == stored[key], key
    assert "url" not in article.fields and "date" not in article.fields
    assert article.origin["caveat"] == "text"


def test_the_seed_article_proposes_the_two_seed_figures_field_by_field() -> None:
    data = seed()
    sources = {s["id"]: s for s in data["sources"]}
    stored = [c for c in data["claims"] if c["kind"] == "quota"]
    proposal = read_report(seed_text())
    assert len(proposal.figures) == len(stored) == 2
    for draft, claim in zip(proposal.figures, stored, strict=True):
        fields = draft.fields
        assert parse_amount(fields["amount"]) == Decimal(claim["amount"])
        assert parse_amount(fields["usd"]) == Decimal(claim["usd_amount"])
        assert (fields["approx"] == "yes") == claim["usd_is_approx"]
        for key, column in (("currency", "currency"), ("country", "country"),
                            ("place", "place"), ("sector", "sector"), ("period", "period"),
                            ("basis", "basis"), ("change", "change")):  # fmt: skip
            assert fields[key] == claim[column], (key, fields[key], claim[column])
        assert fields.get("date") == claim["change_date"]
        assert fields.get("quote") == claim["quote"]
        source = sources[claim["source_id"]]
        assert (draft.source.name, draft.source.kind) == (source["name"], source["kind"])
        assert claim["amount"] in fields["text"].replace(",", "")


def test_the_seed_article_proposes_the_seed_sources() -> None:
    data = seed()
    expected = [
        SourceDraft(s["name"], s["kind"], s["told_to"], s["country"])
        for s in data["sources"]
        if s["kind"] == "anonymous"
    ]
    assert read_report(seed_text()).sources == expected


def test_places_the_store_knows_are_found_by_their_aliases() -> None:
    known = KnownPlaces({"sachalin": "Sakhalin"}, {"Sakhalin": "RU"})
    [draft] = read_report("Title\n\nWorkers on Sachalin pay 100 rubles a month.", known).figures
    assert (draft.fields["place"], draft.fields["country"]) == ("Sakhalin", "RU")


# ----- the second report (RFA, October 2020)


def rfa() -> Proposal:
    return read_report(RFA.read_text(encoding="utf-8"))


def test_the_rfa_report_proposes_its_article() -> None:
    article = rfa().article
    assert article.fields == {
        "title": "Cash-Strapped North Korea Orders Workers in China to Pay Into 'Loyalty Fund'",
        "outlet": "Radio Free Asia",
        "url": "https://americanmilitarynews.com/2020/10/cash-strapped-north-korea-orders-"
        "workers-in-china-to-pay-into-loyalty-fund/",
        "date": "2020-10",  # the month RFA's report gives, not the reprint's day
        "relies_on": "RFA's Korean Service",
        "caveat": "The claims come from anonymous sources RFA quotes; we have not "
        "independently verified them.",
    }
    # No "cannot verify" sentence in the report: the caveat is ours, and says so.
    assert article.origin["caveat"] == "proposed"
    assert article.origin["outlet"] == "guess"
    assert article.notes == ["reprinted by American Military News"]


def test_the_rfa_report_proposes_the_one_off_levy_per_person_spouse_and_household() -> None:
    person, spouse, household = rfa().figures
    official = SourceDraft(
        "an official of a trading company in Dandong, China",
        "anonymous",
        "RFA's Korean Service",
        "CN",
    )
    levy = {
        "amount": "12,000", "currency": "CNY", "usd": "1,788", "approx": "no", "country": "CN",
        "place": "China", "sector": "trade", "period": "once",
        "deadline": "by the end of the month", "topic": "loyalty fund", "deadline_on": "2020-10",
    }  # fmt: skip
    assert person.fields == levy | {
        "basis": "person",
        "basis_text": "Each trade worker",
        "text": "Each trade worker stationed in China must make a one-off payment of 12,000 "
        "yuan (US$1,788), and the same amount again for each spouse, the official said.",
    }
    # "the same amount again for each spouse": a figure of its own, from the same sentence.
    assert spouse.fields == person.fields | {
        "basis": "family_member",
        "basis_text": "the same amount again for each spouse",
    }
    assert household.fields == {
        "amount": "24,000", "currency": "CNY", "usd": "3,576", "approx": "no",
        "place": "China", "country": "CN", "sector": "trade", "period": "once",
        "basis": "household",
        "basis_text": "per household", "deadline": "by the end of the month",
        "topic": "loyalty fund", "deadline_on": "2020-10",
        "text": "A married worker therefore owes 24,000 yuan ($3,576) per household, "
        "the official said.",
    }  # fmt: skip
    assert person.extra == spouse.extra == household.extra == {}
    assert person.source == spouse.source == household.source == official
    # Weak cues are marked for the editor to check.
    assert household.origin["period"] == household.origin["sector"] == "guess"
    assert person.origin["place"] == "guess"
    # From the title's quoted term and the report's month: guesses too.
    assert person.origin["topic"] == person.origin["deadline_on"] == "guess"


def test_the_drafts_survive_the_dialogue_store_as_json() -> None:
    proposal = rfa()
    state = json.loads(json.dumps(proposal.to_state()))
    assert Proposal.from_state(state) == proposal


# ----- odd input


def test_text_without_figures_proposes_only_the_article() -> None:
    proposal = read_report("Workers protest\n\nNobody said how much they pay.")
    assert proposal.figures == [] and proposal.sources == []
    assert proposal.article.fields == {"title": "Workers protest"}


def test_html_and_emoji_are_read_as_plain_text() -> None:
    proposal = read_report("<b>Title</b>\n\nIn <i>Dalian</i> workers pay 5,000 yuan. 🙂🙂")
    assert proposal.article.fields["title"] == "<b>Title</b>"
    [draft] = proposal.figures
    assert (draft.fields["amount"], draft.fields["currency"]) == ("5,000", "CNY")
    assert read_report("🙂🙂🙂").figures == []


def test_from_x_to_y_is_one_figure_with_both_ends() -> None:
    [draft] = read_report(
        "Title\n\nIn Dalian, China, the quota rose from 3,400 yuan to 6,800 yuan a month."
    ).figures
    # The claim model's "from amount to amount_to".
    fields = draft.fields
    assert (fields["amount"], fields["amount_to"], fields["currency"]) == ("3,400", "6,800", "CNY")
    assert (fields["change"], fields["period"]) == ("increased", "month")
    assert draft.extra == {}


def test_the_rfa_drafts_agree_with_the_hand_made_rfa_document() -> None:
    """testkit/reports/rfa_2020.json is the same report typed in by hand (with the editor
    commands' fields): the drafts give the same figures, source and article."""
    document = json.loads((ROOT / "testkit" / "reports" / "rfa_2020.json").read_text("utf-8"))
    [stored_article] = document["articles"]
    sources = {s["id"]: s for s in document["sources"]}
    stored = [c for c in document["claims"] if c["kind"] == "quota"]
    proposal = rfa()
    article = proposal.article.fields
    for key in ("outlet", "title", "url", "relies_on"):
        assert article[key] == stored_article[key], key
    assert stored_article["published_precision"] == "month"
    assert article["date"] == stored_article["published_on"][:7]
    assert len(proposal.figures) == len(stored) == 3
    for draft, claim in zip(proposal.figures, stored, strict=True):
        fields = draft.fields
        assert parse_amount(fields["amount"]) == Decimal(claim["amount"])
        assert parse_amount(fields["usd"]) == Decimal(claim["usd_amount"])
        assert (fields["approx"] == "yes") == claim["usd_is_approx"]
        for key in ("currency", "place", "country", "sector", "period", "basis", "deadline",
                    "topic"):  # fmt: skip
            assert fields.get(key) == claim[key], (key, fields.get(key), claim[key])
        assert fields["deadline_on"] == claim["deadline_on"][:7]
        assert claim["deadline_precision"] == "month"
        source = sources[claim["source_id"]]
        assert (draft.source.name, draft.source.told_to, draft.source.country) == (
            source["name"], source["told_to"], source["country"],
        )  # fmt: skip
