"""Figures of a report that splits its demand by whom it is per (RFA: 12,000 yuan a worker,
as much again per spouse, 24,000 a married worker's household), found by the words a
question uses for them ("10 married workers", "single workers", "household minus single").

Only where some report gives a household or family-member figure beside the per-worker one:
a report that gives one figure per person has no "married" or "single" figure, so it is left
out of such a sum rather than multiplied as if it had one. Words from figures_en.json, and
vocabulary/bases_asked.json for the other languages.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from decimal import Decimal
from functools import lru_cache
from importlib import resources

from bot.engine.derived import LABEL
from bot.engine.figure_text import place_name, unit, words
from bot.engine.numbers import money, usd
from bot.engine.reply import Reply
from bot.engine.understanding import Understanding
from bot.engine.vocabulary import Operation
from bot.engine.wording import _
from bot.markup import fmt, italic
from db.views import ClaimView

PERSON = "person"
# Bases that only a split demand has: naming one leaves out reports without it.
SPLIT = frozenset({"household", "family_member"})
GAPS = frozenset({Operation.DIFFERENCE, Operation.RATIO})


@lru_cache(maxsize=4)
def _pattern(language: str = "en") -> tuple[re.Pattern[str], dict[str, str]]:
    """One alternation of every basis phrase of ``language``, longest first ("not married"
    before "married"), and which basis each names ("" for none: "a single payment").
    English words whole (figures_en.json); Russian stems from a word's start; Chinese and
    Korean anywhere (vocabulary/bases_asked.json)."""
    if language == "en":
        phrases = words().basis_asked
    else:
        raw = resources.files("bot.engine").joinpath("vocabulary/bases_asked.json")
        phrases = json.loads(raw.read_text(encoding="utf-8")).get(language, {})
    basis_of = {phrase: basis for basis, listed in phrases.items() for phrase in listed}
    ordered = sorted(basis_of, key=len, reverse=True)
    alternation = "|".join(re.escape(phrase) for phrase in ordered) or "(?!)"
    start, end = {"en": (r"\b", r"\b"), "ru": (r"\b", "")}.get(language, ("", ""))
    return re.compile(rf"{start}(?:{alternation}){end}"), basis_of


def asked_bases(text: str, language: str = "en") -> frozenset[str]:
    """The bases a message names: "married" -> household, "single" -> person."""
    pattern, basis_of = _pattern(language)
    found = {basis_of[m.group(0)] for m in pattern.finditer(text.lower())}
    return frozenset(found - {""})


def _split_articles(claims: Sequence[ClaimView]) -> set[int]:
    return {c.article_id for c in claims if c.basis in SPLIT}


def by_basis(u: Understanding, quotas: list[ClaimView]) -> tuple[list[ClaimView], frozenset[str]]:
    """The figures of the bases asked, from the reports that split by basis; other reports'
    figures stay only when the question names their place. Unchanged (and no basis) when
    the question names none or no report splits."""
    asked = asked_bases(u.text, u.language.value)
    if not asked:  # (most questions: no walk over every figure)
        return quotas, frozenset()
    split = _split_articles(quotas)
    if not split:
        return quotas, frozenset()
    named = set(u.places) | set(u.countries)
    kept = [
        c
        for c in quotas
        if (c.article_id in split and (c.basis or PERSON) in asked)
        or (c.article_id not in split and (c.place in named or c.country in named))
    ]
    return (kept, asked) if kept else (quotas, frozenset())


def compared(
    u: Understanding, selected: list[ClaimView], every: list[ClaimView]
) -> list[ClaimView]:
    """The figures a comparison is of: those the question names, else (one or none named)
    those its basis words name beside them ("rfa household amount vs sakhalin"), else all."""
    if len(selected) >= 2:
        return selected
    named = by_basis(u, every)[0]
    return named if len(named) >= 2 else every


def basis_gap(u: Understanding, claims: list[ClaimView], reply: Reply) -> bool:
    """ "household minus single worker": the gap between two bases of one report's demand,
    in its currency and in its own dollar conversion, labelled as our arithmetic."""
    if not GAPS & set(u.operations):
        return False
    split = [c for c in claims if c.article_id in _split_articles(claims)]
    if len({c.article_id for c in split}) != 1 or len({c.currency for c in split}) != 1:
        return False
    ranked = sorted(split, key=lambda c: c.amount or Decimal(0), reverse=True)
    high, low = ranked[0], ranked[-1]
    if high.amount is None or low.amount is None or high.amount == low.amount:
        return False
    currency = high.currency or ""
    line = _("{place}: {high}{high_unit} − {low}{low_unit} = {gap} — {label}.")
    if Operation.RATIO in u.operations:
        line = _("{place}: {high}{high_unit} is {ratio} times {low}{low_unit} — {label}.")
    gap = money(high.amount - low.amount, currency)
    if high.usd_amount is not None and low.usd_amount is not None:
        gap = _("{gap} ({dollars} in the report's own conversion)").format(
            gap=gap, dollars=usd(high.usd_amount - low.usd_amount)
        )
    for claim in (high, low):
        reply.use(claim.id, claim.article_id)
    reply.lines.append(
        fmt(
            line,
            place=place_name(high),
            high=money(high.amount, currency),
            high_unit=unit(high, deadline=False),
            low=money(low.amount, currency),
            low_unit=unit(low, deadline=False),
            gap=gap,
            ratio=f"{high.amount / low.amount:g}",
            label=italic(_(LABEL)),
        )
    )
    return True
