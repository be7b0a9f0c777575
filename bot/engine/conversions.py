"""A currency asked beside a place whose quota is in another one ("the dalian quota in
rubles", "сколько в рублях квота в китае"): a conversion the report gives no rate for, not
a second subject. The place's own quota is answered, and the conversion declined."""

from __future__ import annotations

from dataclasses import replace

from bot.engine.compose import Composer
from bot.engine.phrases import currency_display, series
from bot.engine.reply import Reply
from bot.engine.understanding import Understanding
from bot.engine.vocabulary import Attribute, Vocabulary
from bot.engine.wording import _
from bot.markup import fmt


def conversion_asked(s: Understanding, composer: Composer) -> list[str]:
    """The currencies asked that the named places' quotas are not in, taken off the
    subjects (an amount typed in one is a premise: premises.py says "No" to it)."""
    if not (s.places or s.countries) or not s.currencies or s.figures or s.operations:
        return []
    named = composer.quotas(replace(s, currencies=[], segments=[]))
    own = {q.currency for q in named if q.currency}
    other = [code for code in s.currencies if code not in own and code != "USD"]
    if not own or not other:
        return []
    s.currencies = [code for code in s.currencies if code in own]
    return other


def decline_conversion(codes: list[str], vocabulary: Vocabulary, reply: Reply) -> None:
    """ "The report does not say the quota in rubles: … no exchange rate …"."""
    says = _(vocabulary.attributes[Attribute.OTHER_CURRENCY].says)
    names = [f"{currency_display(code)} ({code})" for code in codes]
    what = says.format(currency=series(names))
    reply.lines.append(fmt(_("The report does not say {what}."), what=what))
