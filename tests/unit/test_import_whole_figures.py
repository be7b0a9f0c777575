"""A merge import that gives a stored claim a new figure gives the whole figure: parts of the
old figure it leaves out (a range's high end, its dollar high, the basis in the report's
words) are cleared, not kept, so no range or wording is made that no report gives.
Found by bench/fuzz.py, which merges every test report into one store."""

from __future__ import annotations

import copy
from decimal import Decimal
from typing import Any

from bot.runtime import Runtime
from db.models import Claim
from db.transfer import export_document, import_document, whole_figures


def test_a_figure_group_it_touches_is_completed_and_others_left_alone() -> None:
    assert whole_figures({"amount": 5}) == {
        "amount": 5,
        "amount_high": None,
        "amount_to": None,
        "amount_is": None,
        "amount_bound": None,
    }
    assert whole_figures({"basis_text": "each diver"}) == {
        "basis": None,
        "basis_text": "each diver",
    }
    assert whole_figures({"statement": "x", "place": "Suva"}) == {"statement": "x", "place": "Suva"}


async def _claim(runtime: Runtime, claim_id: int) -> Claim:
    async with runtime.sessionmaker() as session:
        claim = await session.get(Claim, claim_id)
        assert claim is not None
        return claim


async def test_a_new_single_figure_over_a_stored_range_is_no_range(runtime: Runtime) -> None:
    async with runtime.sessionmaker() as session:
        document: dict[str, Any] = await export_document(session)
    quota = next(c for c in document["claims"] if c["kind"] == "quota")
    ranged = copy.deepcopy(document)
    row = next(c for c in ranged["claims"] if c["id"] == quota["id"])
    row.update(amount="900", amount_high="1200", usd_amount="10", usd_high="14")
    row["basis_text"] = "each welder on the night shift"
    async with runtime.sessionmaker() as session:
        await import_document(session, ranged)
    stored = await _claim(runtime, quota["id"])
    assert (stored.amount, stored.amount_high, stored.usd_high) == (
        Decimal(900),
        Decimal(1200),
        Decimal(14),
    )
    # Another report's claim under the same id: one figure, in dollars, no wording of its own.
    single = {k: v for k, v in row.items() if k not in ("amount_high", "usd_high", "basis_text")}
    single.update(amount="40", usd_amount="40")
    async with runtime.sessionmaker() as session:
        await import_document(session, {**ranged, "claims": [single], "aliases": []})
    stored = await _claim(runtime, quota["id"])
    assert stored.amount == Decimal(40) and stored.usd_amount == Decimal(40)
    assert stored.amount_high is None and stored.usd_high is None
    assert stored.basis_text is None
    # The same figure again changes nothing.
    async with runtime.sessionmaker() as session:
        await import_document(
            session,
            {**ranged, "claims": [{**single, "statement": "Reworded."}], "aliases": []},
        )
    assert (await _claim(runtime, quota["id"])).amount == Decimal(40)
