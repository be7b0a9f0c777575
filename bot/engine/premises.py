"""A premise that pairs a place the report covers with the wrong country, sector or
currency ("Dalian is in Russia", "the Dalian workers build houses", "Sakhalin's quota is
62,000 yuan"): said "No" to with the report's own pairing, and the wrong part dropped so the
figures shown are the place's own.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal
from functools import lru_cache

from bot.engine.cldr_names import currency_names
from bot.engine.compose import Composer
from bot.engine.countries import SUBJECT_COUNTRY
from bot.engine.figure_text import is_monthly, is_once
from bot.engine.language import Language
from bot.engine.local_names import local_name
from bot.engine.numbers import money
from bot.engine.phrases import both, currency_display, either, series
from bot.engine.premise_shapes import contracted, denied_units, landmark, without_denials
from bot.engine.reply import Reply
from bot.engine.segments import offers_choice
from bot.engine.understanding import Understanding
from bot.engine.vocabulary import Attribute, Intent, Operation, Vocabulary
from bot.engine.wording import N_, _, is_english
from bot.markup import Html, fmt, plain_format
from db.textfold import fold
from db.views import ClaimView

# A message starting so asks rather than asserts.
_ASKING = frozenset("does do did how what which who why when where can could would".split())
# Figures typed that could be amounts (not days of a month, not years).
SMALLEST_AMOUNT = Decimal(100)
# "sakhalin and china", "dalian vs russia": two subjects side by side, not a premise.
# Operations that set one subject against another.
_PAIRWISE = frozenset({Operation.RATIO, Operation.DIFFERENCE, Operation.COMBINED, Operation.SHARE})
# (A comma before a Russian tag, "рыбаки работают, да?", lists nothing.)
_SIDE_BY_SIDE = re.compile(
    r"\b(?:and|or|vs|versus|compared?|than|both|also)\b|&"
    r"|,(?!\d|\s*(?:да|ведь|верно|правда|так)\b)"
)


# "sakhalin is in china btw, fix your bot": a pairing asserted, then a remark after a comma.
_ASSERTED = re.compile(r"\b(?:is|are|was|lies|sits|belongs)\s+(?:in|to|part of|inside)\b")
_REMARK_WORDS = 6


def _side_by_side(text: str, language: Language, place: str) -> bool:
    if offers_choice(text, language):
        return True  # "в китае тоже или только на сахалине", "사할린만 아니면 중국도"
    if language is Language.EN:
        text = without_denials(text)  # "62,000 dollars, not roubles": one subject
    head, comma, tail = text.partition(",")
    # "sakhalin's in china innit, ...": the "is" contracted away asserts as well.
    asserted = _ASSERTED.search(head) or (language is Language.EN and contracted(head, place))
    if comma and asserted and not _SIDE_BY_SIDE.search(head):
        # A short remark after the comma lists nothing.
        return bool(_SIDE_BY_SIDE.search(tail)) or len(tail.split()) > _REMARK_WORDS
    return bool(_SIDE_BY_SIDE.search(text))


def wrong_pairings(u: Understanding, composer: Composer, reply: Reply) -> bool:
    """Say "No" to a country, sector or currency that the one place named does not have."""
    if {Intent.COMPARE, Intent.LIST} & set(u.intents):
        return False
    # "dalian is in russia, right near sakhalin": a place named beside it is no subject.
    landmarks = (
        [p for p in u.places if landmark(u.text, p)]
        if u.language is Language.EN and len(u.places) > 1
        else []
    )
    subjects = [p for p in u.places if p not in landmarks]
    by_country = "" if u.places else _country_place(u, composer)
    if len(subjects) != 1 and not by_country:
        return False
    stored = subjects[0] if subjects else by_country
    if _side_by_side(u.text, u.language, stored) or _PAIRWISE & set(u.operations):
        return False  # "俄罗斯的额度是大连的几倍": one against the other, no pairing
    claims = [c for c in composer.quotas() if c.place == stored]
    if not claims:
        return False
    place = composer.place(stored)
    before = len(reply.lines)
    if not by_country:
        # "so the workers in china pay ...": the country names the place, no pairing.
        _countries(u, place, claims, composer, reply)
        _sectors(u, place, claims, reply)
    _currencies(u, place, claims, reply, composer.quotas())
    if len(reply.lines) > before:
        reply.intents.append(Intent.CORRECTION)
        u.places = [p for p in u.places if p not in landmarks]
    return len(reply.lines) > before


def _country_place(u: Understanding, composer: Composer) -> str:
    """ "dem inna russia pay 62,000 dollars": the one place the report covers in the one
    country named, where an amount is typed ("" where there is none or several)."""
    if u.language is not Language.EN or len(u.countries) != 1 or not u.figures:
        return ""
    places = {c.place for c in composer.quotas() if c.country == u.countries[0] and c.place}
    return next(iter(places)) if len(places) == 1 else ""


def _countries(
    u: Understanding, place: str, claims: list[ClaimView], composer: Composer, reply: Reply
) -> None:
    own = {c.country for c in claims}
    wrong = [code for code in u.countries if code not in own]
    if not wrong:
        return
    claim = claims[0]
    reply.use(claim.id, claim.article_id)
    reply.lines.append(
        fmt(
            _("No: the report places {place} in {country}, not {wrong}."),
            place=place,
            country=composer.country(claim.country),
            wrong=either([composer.country(code) for code in wrong]),
        )
    )
    u.countries = [code for code in u.countries if code in own]


def _sectors(u: Understanding, place: str, claims: list[ClaimView], reply: Reply) -> None:
    own = {c.sector for c in claims if c.sector}
    wrong = [sector for sector in u.sectors if sector not in own]
    # Russian, Chinese and Korean name a kind of work with no "are": with no question word,
    # "на сахалине же рыбаки" asserts it as "the sakhalin guys are fishermen" does.
    asserted = [
        phrase
        for phrase in u.other_sectors
        if u.language is not Language.EN
        or re.search(rf"\b(?:are|were|is|was)\s+(?:\w+\s+)?{re.escape(phrase)}\b", u.text)
    ]
    if asserted and own and not u.question_words:
        # "the sakhalin guys are fishermen": asserted, not asked.
        claim = next(c for c in claims if c.sector)
        reply.use(claim.id, claim.article_id)
        reply.lines.append(
            fmt(
                _(
                    "No: the workers the report describes in {place} are {sector} workers, not "
                    "{wrong}."
                ),
                place=place,
                sector=both([local_name("sector", x) for x in sorted(own)]),
                wrong=either([local_name("gloss", x) for x in asserted]),
            )
        )
        u.attributes = [a for a in u.attributes if a != Attribute.OTHER_SECTOR]
    if not wrong or not own:
        return
    claim = next(c for c in claims if c.sector)
    reply.use(claim.id, claim.article_id)
    reply.lines.append(
        fmt(
            _(
                "No: the workers the report describes in {place} are {sector} workers, not "
                "{wrong} workers."
            ),
            place=place,
            sector=both([local_name("sector", x) for x in sorted(own)]),
            wrong=either([local_name("sector", x) for x in wrong]),
        )
    )
    u.sectors = [sector for sector in u.sectors if sector in own]


def _currencies(
    u: Understanding,
    place: str,
    claims: list[ClaimView],
    reply: Reply,
    every_quota: list[ClaimView],
) -> None:
    # Only an amount asserted in a currency is a premise: "sakhalin in yuan" asks to convert.
    amounts = [f for f in u.figures if f >= SMALLEST_AMOUNT and not 1900 <= f <= 2100]
    own = {c.currency for c in claims if c.currency}
    local = [c for c in claims if c.amount is not None and c.currency and c.currency != "USD"]
    said = [c for c in local if c.amount in amounts or c.amount * 2 in amounts]  # type: ignore[operator]
    named = set(u.currencies) & own
    if named and u.language is Language.EN and _taken_back(u.text):
        named = set()  # "62,000 dollars, not roubles": the report's unit, denied
    if said and Intent.USD in u.intents and not u.operations and not named:
        # "the sakhalin quota is 124,000 dollars": the report's figure, in another currency.
        stated = said[0]
        assert stated.amount is not None and stated.currency is not None
        reply.use(stated.id, stated.article_id)
        reply.lines.append(
            fmt(
                _(
                    "No: the report gives the {place} quota in {currency}, not dollars: {amount} a "
                    "month before the doubling."
                ),
                place=place,
                currency=_currency_words(stated.amount, stated.currency),
                amount=money(stated.amount, stated.currency),
            )
        )
        return
    wrong = [code for code in u.currencies if code not in own and code != "USD"]
    # "months to pay 1 million yuan": a sum to reach, which arithmetic answers.
    if not amounts or not wrong or u.operations:
        return
    # A figure another place or report gives in that currency ("who reported the 12000
    # yuan"): named, not asserted of this place.
    if any(c.amount == amounts[0] and c.currency == wrong[0] for c in every_quota):
        return
    claim = next((c for c in claims if c.currency and c.amount is not None), None)
    if claim is None or claim.amount is None or claim.currency is None:
        return  # only shares of pay: no amount to set the typed one against
    reply.use(claim.id, claim.article_id)
    reply.lines.append(
        fmt(
            _(
                "No: the report gives the {place} quota as {amount} a month before the doubling, "
                "not {wrong}."
            ),
            place=place,
            amount=money(claim.amount, claim.currency),
            wrong=money(amounts[0], wrong[0]),
        )
    )
    u.currencies = [code for code in u.currencies if code in own]
    # The amount was answered here; it is not set against the other places' figures.
    u.figures = [f for f in u.figures if f not in amounts]


def wrong_year(u: Understanding, vocabulary: Vocabulary, reply: Reply) -> bool:
    """A year typed ("it doubled in 2019"): the report gives none, so it does not say that.
    A year reached to ("by 2030") is arithmetic's, not a premise."""
    years = [
        f
        for f in u.figures
        if 1900 <= f <= 2100
        and f == f.to_integral_value()
        and not re.search(rf"\b(?:by|until|till|through|to)\s+{f:f}\b", u.text)
    ]
    info = vocabulary.attributes.get(Attribute.YEAR)
    if not years or u.operations or info is None:
        return False
    reply.lines.append(
        fmt(
            _("No: the report does not say {year}; it does not say {what}."),
            year=f"{years[0]:f}",
            what=_(info.says),
        )
    )
    u.figures = [f for f in u.figures if f not in years]
    if Attribute.YEAR in u.attributes:
        u.attributes.remove(Attribute.YEAR)
    return True


# A quota's own amount asserted per week, day or year: the sentence that says "No" to it.
_PERIODS = {
    Operation.PER_WEEK: (
        N_(
            "No: the report gives the {place} quota as {amount} a month per person (before the "
            "doubling), not a week."
        ),
        N_(
            "No: the report gives the {place} quota as {amount} a month per person (before the "
            "doubling), not a week. Now doubled, so about {doubled} a month (implied by "
            "“doubled”)."
        ),
    ),
    Operation.PER_DAY: (
        N_(
            "No: the report gives the {place} quota as {amount} a month per person (before the "
            "doubling), not a day."
        ),
        N_(
            "No: the report gives the {place} quota as {amount} a month per person (before the "
            "doubling), not a day. Now doubled, so about {doubled} a month (implied by "
            "“doubled”)."
        ),
    ),
    Operation.PER_YEAR: (
        N_(
            "No: the report gives the {place} quota as {amount} a month per person (before the "
            "doubling), not a year."
        ),
        N_(
            "No: the report gives the {place} quota as {amount} a month per person (before the "
            "doubling), not a year. Now doubled, so about {doubled} a month (implied by "
            "“doubled”)."
        ),
    ),
}


def wrong_period(u: Understanding, composer: Composer, reply: Reply) -> bool:
    """A quota's own amount asserted per week, day or year ("weekly quota of 62k rubles",
    "they pay 3400 yuan every week"): the report gives it a month. Only an assertion: "what
    is 62,000 rubles a year" asks for a sum, which arithmetic makes."""
    periods = [op for op in u.operations if op in _PERIODS]
    if not periods or u.question_words or u.months or u.headcount or Intent.BASIS in u.intents:
        return False
    amounts = [f for f in u.figures if f >= SMALLEST_AMOUNT and not 1900 <= f <= 2100]
    quotas = composer.quotas(u) if u.has_subject else composer.quotas()
    for value in amounts:
        for claim in quotas:
            if claim.amount is None or not is_monthly(claim) or is_once(claim):
                continue  # (a figure of another period or a one-off: honest.py's own line)
            if claim.change_from_amount != "doubled":
                continue  # (the sentences say "before the doubling")
            doubled = claim.change_from_amount == "doubled"
            if value not in (claim.amount, claim.usd_amount, claim.amount * 2 if doubled else None):
                continue
            reply.use(claim.id, claim.article_id)
            plain, now = _PERIODS[periods[0]]
            reply.lines.append(
                fmt(
                    _(now if doubled else plain),
                    place=composer.local_place(claim) or composer.country(claim.country),
                    amount=money(claim.amount, claim.currency or ""),
                    doubled=money(claim.amount * 2, claim.currency or ""),
                )
            )
            reply.intents.append(Intent.CORRECTION)
            # Answered here: no sum per week is made of it, nor is it set against others.
            u.operations = [op for op in u.operations if op not in _PERIODS]
            u.figures = [f for f in u.figures if f != value]
            return True
    return False


# The country the report is about: it demands the money of its own workers.


def wrong_demander(
    u: Understanding, composer: Composer, reply: Reply, vocabulary: Vocabulary | None = None
) -> bool:
    """ "The Russian government demands this money": the report says North Korea does."""
    hosts = [code for code in u.governments if code != SUBJECT_COUNTRY]
    # In Russian, Chinese or Korean, with the English words its words stand for.
    tokens = u.search_text.split()
    # "china ordered the increase", "so russia is the one squeezing them": asserted, not
    # asked ("how much does china demand" is a question about the quota).
    asserted = bool(
        vocabulary is not None
        and tokens
        and tokens[0] not in _ASKING
        and not u.question_words
        and vocabulary.demand_verbs & set(tokens)
    )
    if asserted:
        hosts += [code for code in u.countries if code != SUBJECT_COUNTRY and code not in hosts]
    if not hosts:
        return False
    names = either([composer.country(code) for code in hosts])
    if Intent.QUOTA not in u.intents and not asserted:
        # "what does the russian government say": the report quotes no host government.
        reply.lines.append(
            fmt(
                _(
                    "The report does not say what the government of {country} says or does "
                    "about it."
                ),
                country=names,
            )
        )
        reply.intents.append(Intent.SILENT)
        # "does the russian government know about the quotas": they are what it is asked
        # about, not figures asked for.
        u.intents = [i for i in u.intents if i not in (Intent.LIST, Intent.COMPARE)]
        return True
    claims = composer.quotas()
    for claim in claims[:1]:
        reply.use(claim.id, claim.article_id)
    reply.lines.append(
        fmt(
            _(
                "No: the report says {subject} demands the quota of its own workers abroad; it "
                "does not say that the government of {country} demands or takes this money."
            ),
            subject=composer.country(SUBJECT_COUNTRY),
            country=names,
        )
    )
    reply.intents.append(Intent.CORRECTION)
    return True


def _taken_back(text: str) -> bool:
    """Whether a unit other than the dollar is denied ("not roubles", "rather than yuan")."""
    return any(fold(word) not in _dollar_words() for word in denied_units(text))


@lru_cache(maxsize=1)
def _dollar_words() -> frozenset[str]:
    """ "dollars", "dollar", "usd" (CLDR's English names of the dollar, and its code)."""
    units = {fold(name).split()[-1] for name in currency_names("USD", "en")}
    return frozenset(units | {fold(unit) + "s" for unit in units} | {"usd"})


def _currency_words(amount: Decimal, currency: str) -> str:
    """ "rubles": the currency as the amount's own figure names it (English, as always), or
    CLDR's name of it in the answer's language."""
    if is_english():
        return money(amount, currency).split(" (")[0].split(" ", 1)[-1]
    return currency_display(currency)


def bound_met(value: Decimal, u: Understanding, quotas: list[ClaimView], dollars: bool) -> bool:
    """ "over 60,000", "under 200k": a bound a quota meets, before or doubled, is true of
    the report and no premise to correct."""
    lower, upper = value in u.at_least, value in u.at_most
    if not (lower or upper):
        return False
    for claim in quotas:
        amount = claim.usd_amount if dollars else claim.amount
        if amount is None:
            continue
        for figure in (amount, amount * 2) if claim.change_from_amount == "doubled" else (amount,):
            if (lower and figure > value) or (upper and figure < value):
                return True
    return False


def asserted_amounts(u: Understanding) -> list[Decimal]:
    """The figures a message asserts as amounts: not years, and under 100 only when typed with
    a currency in a plain statement ("i heard dalian is 24 yuan", "听说大连是24元"), where no
    count of hours, months, workers or an operation could be what the small number is."""
    plain = bool(u.currencies) and not (
        u.operations or u.attributes or u.headcount or u.months or u.at_least or u.at_most
    )
    plain = plain and not ({Intent.ARITHMETIC, Intent.BASIS} & set(u.intents) or u.own_figures)
    # "1인당 월 10만 루블" (a person, 100,000 rubles): beside a larger amount, a small figure
    # counts something else.
    plain = plain and all(f < SMALLEST_AMOUNT or 1900 <= f <= 2100 for f in u.figures)
    smallest = Decimal(1) if plain else SMALLEST_AMOUNT
    return [f for f in u.figures if f >= smallest and not 1900 <= f <= 2100]


def not_before_nor_now(
    quotas: list[ClaimView], asserted: str, label: Callable[[ClaimView], str], *, now: bool
) -> Html:
    """ "No: the report gives 3,400 yuan for Dalian a month before the doubling, not 7,000.
    Doubled, that is about 6,800 yuan now": a wrong amount is answered with both figures,
    unless the message asks of the time before the doubling."""

    def figures(times: int, claims: list[ClaimView]) -> str:
        return series(
            [
                plain_format(_("{amount} for {place}"), place=label(c),
                             amount=money(c.amount * times, c.currency or ""))
                for c in claims
                if c.amount is not None
            ]
        )  # fmt: skip

    doubled = [c for c in quotas if c.amount is not None and c.change_from_amount == "doubled"]
    if not (doubled and now):  # unless "before" is asked, the amount now is said too
        return fmt(
            _("No: the report gives {figures} a month before the doubling, not {value}."),
            figures=figures(1, quotas),
            value=asserted,
        )
    return fmt(
        _(
            "No: the report gives {figures} a month before the doubling, not {value}. "
            "Doubled, that is about {doubled} now (implied by “doubled”)."
        ),
        figures=figures(1, quotas),
        value=asserted,
        doubled=figures(2, doubled),
    )


def stated_others(claim: ClaimView) -> set[Decimal]:
    """The figures a quota states besides its amount: the top of a range, the new amount of a
    "from X to Y", and their dollar conversions ("400 to 600 a month": 600 is no error)."""
    values = (claim.amount_high, claim.amount_to, claim.usd_high, claim.usd_to)
    return {v for v in values if v is not None}


def stated_values(claim: ClaimView) -> set[Decimal]:
    """Every figure a quota states: its amount, the others and the dollar conversion."""
    values = {claim.amount, claim.usd_amount} - {None}
    return {v for v in values if v is not None} | stated_others(claim)
