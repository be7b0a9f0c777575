"""A currency asked beside a place whose quota is in another one ("the dalian quota in
rubles", "сколько в рублях квота в китае"): a conversion, not a second subject. The place's
own quota is answered, then its stated figure in the currency asked, through the report's
own dollar conversions and labelled, as a typed sum is (cross_rates.py); a currency the
report gives no figure in is declined. A choice between the two ("rubles or yuan?") asks
which one the quota is in: the quota itself answers it."""

from __future__ import annotations

from dataclasses import dataclass, replace

from bot.engine.compose import Composer
from bot.engine.cross_rates import convert_quota
from bot.engine.phrases import currency_display, series
from bot.engine.reply import Reply
from bot.engine.understanding import Understanding
from bot.engine.vocabulary import Attribute, Vocabulary
from bot.engine.wording import _
from bot.markup import fmt
from db.views import ClaimView

# Figures converted for one currency asked, at most (a place may have several quotas).
MAX_CONVERTED = 3


@dataclass(frozen=True)
class Conversion:
    codes: list[str]  # the currencies asked that the places' quotas are not in
    quotas: list[ClaimView]  # the places' quotas, each in its own currency
    choice: bool  # the quota's own currency named too: which one it is in, not a conversion


def conversion_asked(s: Understanding, composer: Composer) -> Conversion | None:
    """The currencies asked that the named places' quotas are not in, taken off the
    subjects (an amount typed in one is a premise: premises.py says "No" to it)."""
    if not (s.places or s.countries) or not s.currencies or s.figures or s.operations:
        return None
    named = composer.quotas(replace(s, currencies=[], segments=[]))
    own = {q.currency for q in named if q.currency}
    other = [code for code in s.currencies if code not in own and code != "USD"]
    if not own or not other:
        return None
    s.currencies = [code for code in s.currencies if code in own]
    return Conversion(other, named, choice=bool(s.currencies))


def answer_conversion(
    asked: Conversion, every: list[ClaimView], vocabulary: Vocabulary, reply: Reply
) -> None:
    """Each quota asked in the other currency, converted where the report's dollar figures
    allow it; "the report does not say …" for the rest."""
    if asked.choice:
        return
    declined = []
    for code in asked.codes:
        seen: set[tuple[object, str | None]] = set()
        for claim in asked.quotas:
            if len(seen) == MAX_CONVERTED or (claim.amount, claim.currency) in seen:
                continue
            if convert_quota(claim, code, every, reply):
                seen.add((claim.amount, claim.currency))
        if not seen:
            declined.append(code)
    if declined:
        decline_conversion(declined, vocabulary, reply)


def decline_conversion(codes: list[str], vocabulary: Vocabulary, reply: Reply) -> None:
    """ "The report does not say the quota in rubles: … no exchange rate …"."""
    says = _(vocabulary.attributes[Attribute.OTHER_CURRENCY].says)
    names = [f"{currency_display(code)} ({code})" for code in codes]
    what = says.format(currency=series(names))
    reply.lines.append(fmt(_("The report does not say {what}."), what=what))
