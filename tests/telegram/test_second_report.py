"""The second report (RFA, October 2020) added with the editor commands stores exactly what
testkit/reports/rfa_2020.json holds; a fact with a money amount in its text is flagged."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from bot.markup import plain_text
from db.transfer import CLAIM_FIELDS, SOURCE_FIELDS
from tests.support.harness import Harness

OWNER = 1001
RFA = Path(__file__).parents[2] / "testkit" / "reports" / "rfa_2020.json"
OFFICIAL = "an official of a trading company in Dandong, China"
LEVY = (
    "country=China place=China sector=trade currency=CNY approx=no period=once change=new "
    'deadline="by the end of the month" deadline_on=2020-10 topic="loyalty fund" '
    f'source="{OFFICIAL}"'
)
QUOTAS = (
    "amount=12,000 usd=1,788 basis=person "
    'basis_text="each trade worker stationed in China" text=“Each North Korean trade worker '
    "stationed in China must pay 12,000 yuan (US$1,788 by RFA's conversion) into a one-off "
    '"loyalty fund" by the end of the month.”',
    'amount=12000 usd=1788 basis="family member" basis_text="an equal amount for each spouse" '
    'text="A worker must pay an equal amount, 12,000 yuan (US$1,788), for each spouse."',
    'amount=24,000 usd=3,576 basis=household basis_text="a married worker\'s household" '
    "text=\"A married worker's household must pay 24,000 yuan (US$3,576 by RFA's conversion) "
    'in all."',
)
FACTS = (
    'topic=repatriation place=China source="#{official}" text="Workers who fail to pay the '
    'loyalty fund are threatened with being sent back to North Korea."',
    'topic=companies place=China source="#{official}" text="If a worker cannot pay, the trading '
    "company that employs them must pay instead, so the companies press their workers to "
    'pay." quote="the trade workers are barely making money right now"',
    'topic=minimum place=China source="#{official}" text="Many workers had earlier given the '
    "largest suggested donation, 12,000 yuan, of their own accord; the authorities then made "
    '12,000 yuan the minimum."',
    'topic=border text="China and North Korea closed their border and suspended trade in '
    "January 2020 because of the coronavirus; the fund is to help with the shortfall the long "
    'closure caused."',
    'topic="party congress" text="Pyongyang planned to hold its ruling party congress in '
    'January 2021; the fund is for the congress."',
)


def joined(texts: list[str]) -> str:
    return "\n".join(plain_text(text) for text in texts)


def _claim_values(row: dict[str, Any]) -> dict[str, Any]:
    """A claim as the fixture gives it, every field (defaults where it leaves one out)."""
    defaults = {key: None for key in CLAIM_FIELDS} | {"usd_is_approx": True, "status": "active"}
    values = {**defaults, **{k: v for k, v in row.items() if k in CLAIM_FIELDS}}
    for key in ("deadline_on", "change_on"):
        values[key] = row.get(key)
    return values


async def test_the_second_report_by_editor_commands_equals_the_fixture(harness: Harness) -> None:
    fixture = json.loads(RFA.read_text(encoding="utf-8"))
    [article] = fixture["articles"]
    out = joined(
        await harness.send(
            f'/addarticle outlet="{article["outlet"]}" title="{article["title"]}" '
            f'caveat="{article["caveat"]}" url={article["url"]} '
            f'relies_on="{article["relies_on"]}" date=2020-10',
            OWNER,
        )
    )
    article_id = int(re.search(r"Added article #(\d+)", out).group(1))  # type: ignore[union-attr]
    for figure in QUOTAS:
        out = joined(await harness.send(f"/addquota {LEVY} {figure} article={article_id}", OWNER))
        assert "Added quota #" in out, out
    store = await harness.store()
    sources = [s for s in store["sources"] if s["article_id"] == article_id]  # type: ignore[attr-defined]
    [official] = [s for s in sources if s["name"] == OFFICIAL]
    out = joined(
        await harness.send(
            f'/editsource {official["id"]} told_to="RFA\'s Korean Service" country=CN '
            'notes="Spoke anonymously, on a Sunday; Dandong is across the border from North '
            'Korea."',
            OWNER,
        )
    )
    assert "Corrected source" in out, out
    hints = []
    for fact in FACTS:
        command = f"/addfact {fact.format(official=official['id'])} article={article_id}"
        out = joined(await harness.send(command, OWNER))
        assert "Added fact #" in out, out
        if "will not read as a figure" in out:
            hints.append(out)
    # Only the fact with "12,000 yuan" in its text is flagged, with a ready /addquota.
    [hint] = hints
    assert "This fact contains a figure (12,000 CNY)" in hint
    # The country comes from the fact's source (the official in Dandong, China).
    assert '/addquota country=CN place="China" amount=12000 currency=CNY' in hint
    assert 'topic="minimum" text="Many workers had earlier given' in hint

    store = await harness.store()
    stored_article = next(a for a in store["articles"] if a["id"] == article_id)  # type: ignore[attr-defined]
    for key in ("outlet", "title", "caveat", "url", "relies_on", "published_on",
                "published_precision", "reporter", "is_default"):  # fmt: skip
        assert stored_article[key] == article[key], key
    stored_sources = {s["id"]: s for s in store["sources"] if s["article_id"] == article_id}  # type: ignore[attr-defined]
    fixture_sources = {s["id"]: s for s in fixture["sources"]}
    assert sorted(
        tuple(s[k] for k in SOURCE_FIELDS if k != "article_id") for s in stored_sources.values()
    ) == sorted(
        tuple(s[k] for k in SOURCE_FIELDS if k != "article_id") for s in fixture_sources.values()
    )
    stored = [c for c in store["claims"] if c["article_id"] == article_id]  # type: ignore[attr-defined]
    assert len(stored) == len(fixture["claims"])
    for mine, theirs in zip(stored, fixture["claims"], strict=True):
        got, want = _claim_values(mine), _claim_values(theirs)
        # Ids differ; sources are compared by name.
        for values, names in ((got, stored_sources), (want, fixture_sources)):
            values["source_id"] = names[values["source_id"]]["name"]
            values.pop("article_id")
        assert got == want


async def test_supersede_by_command_with_undo(harness: Harness) -> None:
    out = joined(await harness.send("/supersede 1 2", 3003))
    assert "Only editors can" in out
    out = joined(await harness.send("/supersede 1", OWNER))
    assert "/supersede 12 15" in out
    out = joined(await harness.send("/supersede 1 2 a later figure", OWNER))
    assert "#1 is now superseded by #2" in out
    store = await harness.store()
    claims = {c["id"]: c for c in store["claims"]}  # type: ignore[attr-defined]
    assert claims[1]["superseded_by"] == 2 and claims[1]["corrected_at"] is None
    out = joined(await harness.send("/facts sakhalin", OWNER))
    assert "(superseded by #2)" in out
    out = joined(await harness.send("/supersede 2 1", OWNER))
    assert "not both ways" in out
    out = joined(await harness.send("/undo", OWNER))
    assert "Undone your last change" in out
    store = await harness.store()
    assert next(c for c in store["claims"] if c["id"] == 1)["superseded_by"] is None  # type: ignore[attr-defined]
    out = joined(await harness.send("/edit 1 superseded_by=#3", OWNER))
    assert "Changed #1: superseded_by: (empty) → 3" in out
