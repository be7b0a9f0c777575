"""Units a figure is due per besides a person and a period, read from the figure's own
basis words: "each docker, for every 12-hour shift" is due per shift.

A question asking per that unit ("how much per shift at the docks", "а сколько за смену",
"每班交多少", "교대당 얼마") asks that figure, not the working hours its word is also a cue
for: the part gets the quota asked, the hours attribute dropped and, when it names no
subject, the places whose figures are per that unit. A count of the unit ("a six-shift
week", "шесть смен", "上六个班") asks the figure times the count, worked out and labelled
(``unit_sums``). The units and their words per language are data
(vocabulary/basis_units.json); which figures are per which unit is read from the stored
claims' basis words, built once per snapshot.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from functools import cache

from bot.engine.derived import LABEL, place_of
from bot.engine.language import Language
from bot.engine.numbers import money, number, usd
from bot.engine.reply import Reply
from bot.engine.understanding import Understanding, add_once
from bot.engine.vocabulary import FOLDER, Attribute, Intent
from bot.engine.wording import N_, _
from bot.markup import fmt, italic
from db.kinds import ClaimKind
from db.views import ClaimView

_WORD = re.compile(r"[^\W\d_]+")
_AMOUNT_WORDS = {
    Language.EN: ("how much", "what's", "whats", "what is", "figure", "amount", "sum", "pay"),
    Language.RU: ("сколько", "сумм", "норм", "плат"),
    Language.ZH: ("多少", "交", "指标"),
    Language.KO: ("얼마", "할당"),
}


@dataclass(frozen=True)
class _Unit:
    name: str
    stored: frozenset[str]
    per: dict[str, re.Pattern[str]]  # language -> "per one unit" pattern
    count: dict[str, re.Pattern[str]]  # language -> "N units" pattern (group "n")


@cache
def _data() -> dict[str, object]:
    data: dict[str, object] = json.loads((FOLDER / "basis_units.json").read_text("utf-8"))
    return data


def _numbers(language: str) -> dict[str, int]:
    table = _data()["numbers"]
    assert isinstance(table, dict)
    return dict(table.get(language, {}))


def _alternatives(words: Iterable[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@cache
def units() -> tuple[_Unit, ...]:
    found = []
    table = _data()["units"]
    assert isinstance(table, dict)
    for name, entry in table.items():
        per: dict[str, re.Pattern[str]] = {}
        count: dict[str, re.Pattern[str]] = {}
        for language in ("en", "ru", "zh", "ko"):
            words = entry.get(language)
            if not words:
                continue
            forms = _alternatives(words["forms"])
            numbers = _alternatives(_numbers(language))
            if language in ("en", "ru"):
                hours = r"(?:\d+[- ]?(?:hour|hr|час\w*)[- ]?)?"
                tail = r"\w*" if language == "ru" else r"\b"
                per[language] = re.compile(
                    rf"\b(?:{_alternatives(words['per'])})\s+{hours}(?:{forms}){tail}"
                )
                count[language] = re.compile(rf"\b(?P<n>\d+|{numbers})[- ]?(?:{forms}){tail}")
            else:
                before = _alternatives(words.get("per", ()))
                after = _alternatives(words.get("after", ()))
                options = [f"(?:{before})\\s*(?:{forms})"] if before else []
                options += [f"(?:{forms})\\s*(?:{after})"] if after else []
                per[language] = re.compile("|".join(options))
                count[language] = re.compile(rf"(?P<n>\d+|{numbers})\s*个?\s*(?:{forms})")
        stored = frozenset(w.casefold() for w in entry["stored"])
        found.append(_Unit(name, stored, per, count))
    return tuple(found)


class BasisUnits:
    """Which stored quotas are due per which unit (by their basis words), per snapshot."""

    def __init__(self, claims: Iterable[ClaimView]) -> None:
        self.claims: dict[str, list[ClaimView]] = {}
        table = units()
        for claim in claims:
            if claim.kind != ClaimKind.QUOTA or not claim.basis_text:
                continue
            words = set(_WORD.findall(claim.basis_text.casefold()))
            for unit in table:
                if words & unit.stored:
                    self.claims.setdefault(unit.name, []).append(claim)

    def read(self, segment: Understanding) -> None:
        """A part asking per a stored figure's unit, or for a count of it: the quota asked
        (not the hours), its places where the part names no subject, the count kept."""
        if not self.claims:
            return
        language = segment.language.value
        text = segment.text.casefold()
        for unit in units():
            claims = self.claims.get(unit.name)
            if not claims or language not in unit.per:
                continue
            counted = unit.count[language].search(text)
            number_ = _count(counted.group("n"), language) if counted else None
            per = unit.per[language].search(text)
            asked = per is not None or number_ == 1
            if not (asked or (number_ and number_ > 1)):
                continue
            rate = per is not None and any(
                w in per.group(0).split() or (w in per.group(0) and language in ("zh", "ko"))
                for w in _rate(language)
            )
            if not (number_ or rate or _asks_amount(segment, text)):
                continue  # "how long is a shift": the hours, not the figure
            mine = [c for c in claims if _fits(c, segment)]
            if not mine:
                continue
            add_once(segment.intents, Intent.QUOTA)
            segment.domain = True
            segment.attributes = [a for a in segment.attributes if a != Attribute.WORK_TIME]
            segment.weak_attributes = [
                a for a in segment.weak_attributes if a != Attribute.WORK_TIME
            ]
            if not segment.has_subject:
                for claim in mine:
                    if claim.place:
                        add_once(segment.places, claim.place)
            # 1: per one unit asked (the figure itself, not the facts on hours); N: a count
            segment.unit_count = number_ if number_ and number_ > 1 else 1
            return


def _rate(language: str) -> list[str]:
    table = _data()["rate"]
    assert isinstance(table, dict)
    return list(table.get(language, ()))


def _count(word: str, language: str) -> int | None:
    if word.isdigit():
        return int(word)
    return _numbers(language).get(word)


def _asks_amount(segment: Understanding, text: str) -> bool:
    if Intent.QUOTA in segment.intents or segment.currencies or segment.amount_hinted:
        return True
    return any(cue in text for cue in _AMOUNT_WORDS.get(segment.language, ()))


def _fits(claim: ClaimView, segment: Understanding) -> bool:
    """A figure of the part's subject, or any where it names none."""
    if not segment.has_subject:
        return True
    return (
        claim.place in segment.places
        or (claim.country is not None and claim.country in segment.countries)
        or claim.sector in segment.sectors
        or claim.currency in segment.currencies
    )


_UNIT_SUM = N_(
    "{place}: {figure} is due for each {unit} (the report's words: “{basis}”); {count} × "
    "{figure} = {total} — {label}."
)


def unit_sums(
    u: Understanding,
    quotas: Sequence[ClaimView],
    reply: Reply,
    report_of: Callable[[ClaimView], str],
) -> list[ClaimView]:
    """ "a six-shift week": each figure due per the unit counted, times the count, in its
    own currency and in the report's own dollars where it gives them; labelled."""
    count = u.unit_count
    if not count or count < 2:
        return []
    done: list[ClaimView] = []
    for unit in units():
        for claim in quotas[:5]:
            words = set(_WORD.findall((claim.basis_text or "").casefold()))
            if not words & unit.stored or claim.amount is None or claim in done:
                continue
            if claim.amount_high not in (None, claim.amount):
                continue  # a range is said to be one, not summed
            done.append(claim)
            reply.use(claim.id, claim.article_id)
            times = Decimal(count)
            currency = claim.currency or ""
            figure, total = money(claim.amount, currency), money(claim.amount * times, currency)
            if claim.usd_amount is not None and currency != "USD":
                figure = f"{figure} ({usd(claim.usd_amount)})"
                total = f"{total} ({usd(claim.usd_amount * times)})"
            reply.lines.append(
                fmt(
                    _(_UNIT_SUM),
                    place=place_of(claim, "") + report_of(claim),
                    figure=figure,
                    unit=_(_unit_name(unit.name)),
                    basis=claim.basis_text or "",
                    count=number(count),
                    total=total,
                    label=italic(_(LABEL)),
                )
            )
    return done


_UNIT_NAMES = {"shift": N_("shift")}


def _unit_name(name: str) -> str:
    return _UNIT_NAMES.get(name, name)
