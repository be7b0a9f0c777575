"""The quote echo index after an edit (quote_echo.EchoIndex.updated): made from the last
one by reading the changed claims, and the very index a fresh build gives."""

from __future__ import annotations

import dataclasses
import datetime as dt
import random
from decimal import Decimal

import pytest

from bot.engine import quote_echo
from bot.engine.quote_echo import EchoIndex
from db.views import ClaimView

WORDS = (
    "penny death workers themselves quota hand over passports kept by the managers "
    "shifts twelve hours long nobody sees any money rations rice cabbage dormitory "
    "sleeping crowded guards watch every move letters home are read first"
).split()
PLACES = ("Sakhalin", "Dalian", "Tynda", "Vladivostok", "Kim Jong Un")


def claim(claim_id: int, *, quota: bool = False, text: str = "", **fields: object) -> ClaimView:
    base = {
        "id": claim_id, "kind": "quota" if quota else "fact", "topic": "quota" if quota else "x",
        "statement": text, "quote": None, "place": None, "source_id": 1, "article_id": 1,
        "status": "active", "retracted_at": None, "retraction_reason": None,
        "corrected_at": None, "created_at": dt.datetime(2026, 1, 1, tzinfo=dt.UTC),
        "amount": Decimal(500) if quota else None,
    }  # fmt: skip
    return ClaimView(**{**base, **fields})  # type: ignore[arg-type]


def sentence(rng: random.Random) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randrange(3, 10))]
    words.insert(rng.randrange(len(words)), rng.choice(PLACES))
    if rng.random() < 0.3:  # a word of its own: a stem no fact may use yet
        words.append(f"zq{rng.randrange(60)}ing")
    return " ".join(words).capitalize() + "."


def store(rng: random.Random, size: int) -> list[ClaimView]:
    claims = []
    for n in range(1, size + 1):
        quota = rng.random() < 0.25
        text = f"Workers in {rng.choice(PLACES)} owe {rng.randrange(40)}0 a month." if quota else ""
        claims.append(claim(n, quota=quota, text=text or sentence(rng)))
    return claims


def edit(rng: random.Random, claims: list[ClaimView]) -> tuple[ClaimView | None, ClaimView]:
    """One random edit: a text changed, a claim retracted or restored, one added."""
    kind = rng.choice(("text", "quote", "retract", "restore", "add", "amount"))
    if kind == "add":
        new = claim(claims[-1].id + 1, text=sentence(rng))
        claims.append(new)
        return None, new
    at = rng.randrange(len(claims))
    old = claims[at]
    when = dt.datetime(2026, 2, 1, tzinfo=dt.UTC)
    changes: dict[str, object] = {  # type: ignore[assignment]
        "text": {"statement": sentence(rng)},
        "quote": {"quote": sentence(rng)},
        "retract": {"retracted_at": when, "status": "retracted"},
        "restore": {"retracted_at": None, "status": "active"},
        "amount": {"statement": f"Workers owe {rng.randrange(60)}0 in {rng.choice(PLACES)}."},
    }[kind]
    claims[at] = dataclasses.replace(old, **changes)  # type: ignore[arg-type]
    return old, claims[at]


def same(a: EchoIndex, b: EchoIndex) -> None:
    def ids(index: EchoIndex) -> dict[str, list[int]]:
        return {s: sorted(c.id for c in quote_echo._held(v)) for s, v in index.rare.items()}

    assert ids(a) == ids(b)
    assert a.used_by == b.used_by
    assert a.plain == b.plain
    # The facts in the index are the snapshot's current versions.
    for s, held in a.rare.items():
        assert quote_echo._held(held) == quote_echo._held(b.rare[s]), s


@pytest.mark.parametrize("seed", range(12))
def test_an_updated_index_is_the_one_built_anew(seed: int) -> None:
    rng = random.Random(seed)
    claims = store(rng, 60)
    index = EchoIndex.build(claims)
    for _ in range(40):
        changed = [edit(rng, claims) for _ in range(rng.randrange(1, 4))]
        removed = [old for old, _ in changed if old is not None]
        index = index.updated(claims, removed, [new for _, new in changed])
        same(index, EchoIndex.build(claims))
        question = sentence(rng)
        assert index.echoed(question) == EchoIndex.build(claims).echoed(question)


def test_an_edit_reads_only_the_claims_it_changed(monkeypatch: pytest.MonkeyPatch) -> None:
    rng = random.Random(5)
    claims = store(rng, 2_000)
    index = EchoIndex.build(claims)
    read: list[int] = []
    text_of = quote_echo._text

    def counted(c: ClaimView) -> str:
        read.append(c.id)
        return text_of(c)

    monkeypatch.setattr(quote_echo, "_text", counted)
    # A fact's words edited, a quota's amount, a fact retracted: words the store uses.
    fact = next(c for c in claims if not c.is_quota and "Dalian" in c.statement)
    quota = next(c for c in claims if c.is_quota)
    words = dataclasses.replace(fact, statement="Passports kept by the managers, Dalian.")
    amount = dataclasses.replace(quota, statement="Workers in Dalian owe 990 a month.")
    gone = next(c for c in claims if not c.is_quota and c.id != fact.id)
    retracted = dataclasses.replace(gone, retracted_at=dt.datetime(2026, 3, 1, tzinfo=dt.UTC))
    for old, new in ((fact, words), (quota, amount), (gone, retracted)):
        claims[claims.index(old)] = new
        read.clear()
        updated = index.updated(claims, [old], [new])
        assert read == ([old.id] if new.retracted_at else [old.id, new.id])
        # What the edit did not touch is shared, not made again.
        untouched = [s for s in index.rare if s in updated.rare and s not in text_of(old).lower()]
        assert untouched and all(updated.rare[s] is index.rare[s] for s in untouched)
        monkeypatch.setattr(quote_echo, "_text", text_of)
        same(updated, EchoIndex.build(claims))
        monkeypatch.setattr(quote_echo, "_text", counted)
        index = updated


def test_a_word_no_fact_used_reads_the_quotas_holding_it_once() -> None:
    claims = [
        claim(1, text="Guards watch every move in Dalian."),
        claim(2, quota=True, text="Workers in Dalian owe 500 a month, zqextra included."),
        claim(3, quota=True, text="Workers in Tynda owe 700 a month."),
    ]
    index = EchoIndex.build(claims)
    assert "zqextra" not in index.used_by  # a quota's word counts where a fact uses it
    new = claim(4, text="The zqextra is kept by the managers.")
    updated = index.updated([*claims, new], [], [new])
    assert updated.used_by["zqextra"] == 1 + quote_echo._QUOTA
    same(updated, EchoIndex.build([*claims, new]))
    # And gone again when no fact uses it.
    back = updated.updated(claims, [new], [])
    same(back, index)
