"""Frames read as patterns over a whole part of a message rather than as fixed phrases:
"how many <people>", "the name of the <thing>", "when was this written", "how is the money
sent", "how much did it go up", a named outlet called propaganda.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from bot.engine.text import words
from bot.engine.vocabulary import Attribute, Intent, Operation, Vocabulary


@dataclass
class Frames:
    """What the patterns found in one part of a message."""

    attributes: list[Attribute] = field(default_factory=list)
    operations: list[Operation] = field(default_factory=list)
    change_asked: bool = False
    topics: list[str] = field(default_factory=list)
    # The quota places asked for in other words ("which russian place is mentioned").
    places_asked: bool = False
    # "the difference between the two quotas": one place against the other, not over time.
    pair_asked: bool = False
    # "what is the money called": the report's term for it, which it gives.
    term_asked: bool = False
    # Asked in other words: "who's spinning this yarn" (the sources), "which countries
    # does the piece cover" (the places).
    intents: list[Intent] = field(default_factory=list)
    # "who took the photo": the photo's credit, which only the claim's statement carries.
    credit_asked: bool = False
    # "kim doubled it because the workers were lazy": a reason asserted for the change.
    because: bool = False
    # "what's the weather in sakhalin": the noun asked outright, when of another subject.
    other_asked: bool = False
    # "the grunts", "our brethren": nouns that stand for the workers in this frame.
    people_words: list[str] = field(default_factory=list)
    # Intents a cue gave that the pattern says are not asked ("did the source give …").
    not_asked: list[Intent] = field(default_factory=list)

    def settle(self, intents: list[Intent]) -> list[Intent]:
        """The part's intents with those the patterns found, less those they rule out."""
        kept = [i for i in intents if i not in self.not_asked]
        return kept + [i for i in self.intents if i not in kept]


_WRITTEN = r"(?:written|published|posted|released|put out|out|come out|came out|from|dated)"
_PIECE = r"(?:article|report|story|piece|news|this|it)"
# Frames read as patterns over the whole part of a message, not as fixed phrases.
_FRAMES = (
    # "when was this article written", "when did the story come out"
    (re.compile(rf" when (?:was|is|did|were) (?:the |this |that )?{_PIECE} (?:\w+ )?{_WRITTEN} "),
     Attribute.PUBLICATION_DATE),
    # "is the report new", "is this story old"
    (re.compile(rf" is (?:the |this |that )?{_PIECE} (?:new|old|recent|current|up to date|fresh) "),
     Attribute.PUBLICATION_DATE),
    # "how is the money sent", "how do they transfer it"
    (re.compile(r" how (?:is|are|do|does|did|was|were) (?:\w+ ){0,3}(?:sent|send|transfer\w*|"
                r"wire[sd]?|deliver\w*|collect\w*|hand(?:ed)? (?:it |them )?over|moved|smuggled|"
                r"get to|gets to|reach|reaches|travel|make it to) "),
     Attribute.PAYMENT_METHOD),
    # "where does the (loyalty) money go", "what is the cash used for"
    (re.compile(r" where (?:does|do|did) (?:the )?(?:\w+ ){0,2}(?:money|cash|quota|it) "
                r"(?:go|end up) "),
     Attribute.SPENDING),
    # "how much of the money ends up with kim", "does the cash go to the army"
    (re.compile(r" (?:money|cash|quota|quotas|funds?) (?:\w+ ){0,2}(?:ends? up|goes|go|went) "
                r"(?:with|to|in|into) "),
     Attribute.SPENDING),
    # "are they paid in rubles", "wages in what currency": not "paid in a year"
    (re.compile(r" (?:paid|wages?|salary|salaries|earnings|pay) in (?:what |which )?"
                r"(?:currency|currencies|rubles?|roubles?|yuan|rmb|dollars?|usd|cash|won|kind) "),
     Attribute.WAGE_CURRENCY),
    # "how much do they make (a month)", not "how much do they make him hand over" nor
    # "what do the locals make of it" (an opinion)
    (re.compile(r" (?:how much|what) (?:do|does|did) (?:\w+ ){1,3}make (?!him |them |her |us |you "
                r"|me |the |their |workers |people |of |(?:\w+ )?(?:pay|hand|give|send))"),
     Attribute.WAGES),
    # "how long has the quota system been in place", "since when are quotas demanded"
    (re.compile(r" (?:how long (?:has|have|had|is|was|were)|since when (?:has|have|is|are|was)) "
                r"(?:the |this |that |a )?(?:quota|quotas|loyalty|system|scheme|practice)(?: \w+)? "
                r"(?:been|existed|exist|in place|around|going|running|demanded|there) "),
     Attribute.QUOTA_HISTORY),
    # "kim personally signed the order", "did the minister issue this directive"
    (re.compile(r" (?:personally |himself |herself )?(?:signed|signs|sign|issued|issues|issue|"
                r"authored|penned|drafted) (?:off )?(?:on )?(?:the |this |that )?(?:\w+ )?"
                r"(?:order|orders|directive|directives|decree|instruction|instructions) "),
     Attribute.SIGNATORY),
    # "who is the source in russia, name?", "are the sources named"
    (re.compile(r" (?:source|sources|informant|informants|insider|insiders) (?:\w+ ){0,6}"
                r"(?:name|names|named|identity|identities) "),
     Attribute.SOURCE_IDENTITY),
    # "from official north korean documents", "any leaked papers behind it"
    (re.compile(r" (?:official|internal|leaked|government|state|secret) (?:\w+ ){0,2}(?:documents?|"
                r"papers|records|files|paperwork) "),
     Attribute.DOCUMENTS),
    # "is there a named person behind the claims", "an identified source"
    (re.compile(r" (?:named|identified|identifiable|real) (?:person|persons|people|source|sources|"
                r"informant|insider|individual) "),
     Attribute.SOURCE_IDENTITY),
    # "what are the sakhalin workers building", "what exactly do they process"
    (re.compile(r" what (?:\w+ ){0,5}(?:building|build|built|process|processing|processed|"
                r"make|making|produce|producing|catch|catching) (?:(?:in|at|there) (?:\w+ )?)?$"),
     Attribute.PRODUCT),
)  # fmt: skip


# "the rouble to dollar rate", "what rate did they use", "yuan/usd rate"
_RATE = re.compile(
    r" (?:(?:rouble|ruble|rubles|roubles|yuan|rmb|dollar|dollars|usd|currency|exchange|"
    r"conversion) (?:\w+ ){0,3}rates?|rates? (?:did|do|does|was|were) (?:they|it|the report|"
    r"hngn) (?:use|used|apply|applied)) "
)
# "which russian place is mentioned", "what chinese city": the places the quotas are for.
_WHICH_PLACE = re.compile(
    r" (?:which|what) (?:\w+ )?(?:place|places|city|cities|town|towns|region|regions|location|"
    r"country|countries|"
    r"locations|area|areas) (?:is |are |was |were |does |do )?(?:it |they |(?:the |this |that )"
    r"(?:report |article |story |piece )|you )?(?:mentioned|named|covered|cover|covers|about|"
    r"in the|listed|given|discussed|talk) "
)
_PAIR = re.compile(
    r" (?:between (?:the two|both|them|the places|the quotas|the (?:\w+ ){1,2}(?:quotas|figures|"
    r"amounts))|the two (?:quotas|places|figures|"
    r"amounts|cities|countries)|both (?:quotas|places|figures|amounts)) "
)
# "how much of the pay does the government take", "do they take most of their pay": a share
# of the earnings, not a quota.
_SHARE_OF_PAY = re.compile(
    r" (?:how much|most|all|half|the bulk|a lot|a big chunk|the lion's share) of (?:the |their |"
    r"his |her |a |what )?(?:\w+ )?(?:pay|wages?|salary|salaries|"
    r"earnings|income|earn|earned|makes?|paycheck) "
)
# A "%" asked ("as a % of"), not typed after a figure ("100% verified").
_SHARE_SIGN = re.compile(r"(?:^|[^\d\s])\s*%|(?:^|\s)%")
_SHARE_OF = re.compile(
    r"\b(?:as an?|what) (?:%|percent|percentage|per cent|share|proportion|fraction) "
    r"(?:is \w+ )?of\b"
)
# "what name do they give the cash", "what is the money called": the term for it.
_MONEY = r"(?:money|cash|payment|payments|fee|fees|levy|contribution|contributions|quota|quotas)"
_TERM = re.compile(
    rf" (?:name|names|called|call|term|word) (?:\w+ ){{0,6}}{_MONEY} |"
    rf" {_MONEY} (?:\w+ ){{0,4}}(?:called|named|known as) "
)
# "what's the loyalty fund for", "what is all this money for": the purpose asked.
_WHAT_FOR = re.compile(
    r" what (?:is|s|are|was|were) (?:the |this |that |all this )?(?:\w+ ){1,3}for $"
)
# "what was the quota five years ago": an earlier amount than any the report gives.
_AGO = re.compile(
    r" (?:\d+|a|one|two|three|four|five|six|seven|eight|nine|ten|a few|few|several|many|some) "
    r"(?:years?|yrs?|months?|decades?) (?:ago|back|earlier) "
)
_AMOUNT = re.compile(
    r" (?:quota|quotas|amount|amounts|figure|rate|sum|owe|owed|pay|paid|lower|higher|less|more|"
    r"cheaper|smaller|bigger|how much) "
)
# "who's spinning this yarn", "who is peddling the story", "who put out this tale".
_TELLER = re.compile(
    r" (?:who|who's|whos|who is|who are|who's been|who has been) (?:\w+ )?"
    r"(?:\w+ing|spin|put out|puts out|put about|told|tells|spun|spins|started|starts|pushed|"
    r"pushes) "
    r"(?:this|the|that|these|those|such) (?:\w+ )?(?:yarn|yarns|story|stories|tale|tales|"
    r"narrative|narratives|claim|claims|rumou?rs?|line|account|version) "
)
# "who took the photo", "photo credit", "whose picture is it"; "who took it" (a thing
# taken is a photo: the money is "taken" by the state, not "taken" by someone asked of).
_PICTURE = r"(?:photo|photos|picture|image|pic|photograph|shot)"
_CREDIT = re.compile(
    rf" (?:who (?:took|shot|snapped) (?:the |this |that )?{_PICTURE}|{_PICTURE} (?:\w+ )?"
    rf"(?:taken|shot) by|whose {_PICTURE}|photographer|{_PICTURE} credits?) "
)
_CREDIT_OF_IT = re.compile(r" who (?:took|shot|snapped) (?:it|this|that) ")
# "did the source give the new ruble number", "does the report state the new amounts":
# whether the report states them (it says only "doubled"), not who its sources are.
_NEW_STATED = re.compile(
    r" (?:give|gives|gave|given|state|states|stated|say|says|said|mention|mentions|mentioned|"
    r"publish|published|report|reports|reported|print|printed|list|lists|listed|include|"
    r"includes|included|provide|provides|provided|name|names|named) (?:the |a |any |an )?"
    r"(?:new|current|doubled|updated|actual|exact|final|raised|increased) (?:\w+ )?(?:amount|"
    r"amounts|number|numbers|figure|figures|quota|quotas|sum|sums|rate|rates|total|totals) "
)
# "so the chinese actually feel bad for them", "do russians care": the locals' view.
_LOCALS_FEEL = re.compile(
    r" (?:the )?(?:chinese|russians|russian|russian people|chinese people|locals|local people|"
    r"people there|neighbours|neighbors) (?:\w+ ){0,2}(?:feel|felt|feels|think|thinks|care|"
    r"cares|sympathi\w+|pity|pities|notice|noticed|see|saw) "
)
# "how long were they meaning to stay out there", "how many years did they intend to remain
# abroad": the stay the workers planned (their savings and return), not hours or a span.
_STAY = re.compile(
    r" how (?:long|many (?:years|months)) (?:\w+ ){0,7}(?:stay|remain|be (?:there|abroad|away|"
    r"overseas)|live (?:there|abroad)|work (?:there|abroad|overseas|away)) "
)
_HOW_MUCH_CHANGE = re.compile(
    r" how much (?:\w+ ){0,4}(?:go up|went up|gone up|rise|rose|risen|increase|increased|"
    r"jump|jumped|grow|grew|climb|climbed) "
)


# "what do the grunts owe", "how much must these brickies hand over": the noun a quota verb
# is said of stands for the workers, however they are called; "numbers for the regulars":
# the noun an amount is for, likewise; "our brethren ... their burden": ours, then "their".
_DETERMINER = r"(?:the|these|those|our|your|my|all the|all|such|all these|all those)"
_AUXILIARY = r"(?:do|does|did|must|should|will|would|can|could|have to|has to|need to|got to)"
# "the crab pickers", "the oyster shuckers": a job's noun (-er, -or) with what they work
# on before it, read as one name for the workers.
_JOB = r"\w+ \w+(?:er|or)s"
_FOR_WHOM = re.compile(
    rf" (?:numbers|figures|quota|quotas|amount|amounts|dues|rate|rates|sums?) (?:for|of) "
    rf"{_DETERMINER} ({_JOB}|\w+) "
)
_OURS_THEN_THEIR = re.compile(r"^ (?:and )?(?:our|my) (\w+) (?:\w+ ){0,6}(?:their|they|them) ")


@lru_cache(maxsize=4)
def _subject_of(verbs: tuple[str, ...]) -> re.Pattern[str]:
    said = "|".join(re.escape(v) for v in sorted(verbs, key=len, reverse=True))
    return re.compile(rf" {_AUXILIARY} {_DETERMINER} ({_JOB}|(?:\w+ )?\w+) (?:{said}) ")


@lru_cache(maxsize=8)
def _subject_of_any(verbs: frozenset[str]) -> re.Pattern[str]:
    return _subject_of(tuple(sorted(verbs)))


# The phrases below are the same few for every question: built once, not once a question.
@lru_cache(maxsize=32)
def _spaced(terms: tuple[str, ...]) -> tuple[str, ...]:
    """Each term between spaces, as found in a part's joined words."""
    return tuple(f" {term} " for term in terms)


@lru_cache(maxsize=16)
def _outlet_profiles(
    outlets: tuple[str, ...], before: tuple[str, ...], after: tuple[str, ...]
) -> tuple[str, ...]:
    """ "fund rfa", "rfa founded", "rfa was founded": what an outlet is, asked."""
    return (
        *(f" {w} {o} " for o in outlets for w in before),
        *(f" {o} {w} " for o in outlets for w in after),
        *(f" {o} was {w} " for o in outlets for w in after),
    )


# "doubled it because the workers were lazy", "raised it cuz of inflation": a reason given;
# not "extra because of the doubling" (the change itself named as the cause of a sum).
_BECAUSE = re.compile(
    r" (?:because|cause|coz|cuz|bc|due to|owing to) (?!(?:of )?(?:the |this |that )?(?:doubling|"
    r"hike|increase|rise|raise|change|new quota|quota|order|directive)\b)"
)
# "what's the weather in sakhalin", "how is the food there": the noun a question opens on.
_ASKED_NOUN = re.compile(
    r"^ (?:so |and |ok |hey )?(?:what|whats|what's|how|hows|how's|which) "
    r"(?:is |s |are |was |were )?(?:the |a |an |your )?(?:\w+ )?(\w+) "
    r"(?:in|on|at|like|for|there|this|today|tomorrow|now) "
)

# "how many hours do they work": hours counted, not workers.
_COUNTED = frozenset(
    "hours hour days day weeks week months month years year times rubles roubles yuan dollars "
    "won euros percent".split()
)


def _add(target: list[Any], value: object) -> None:
    if value not in target:
        target.append(value)


def read_frames(text: str, vocabulary: Vocabulary, outlets: tuple[str, ...]) -> Frames:
    """Frames that are a pattern rather than a phrase: "how many <people>", "the name
    of the <thing>"."""
    result = Frames()
    tokens = words(text)
    joined = " " + " ".join(tokens) + " "
    nouns = vocabulary.people_nouns
    for index, token in enumerate(tokens[:-1]):
        if (
            token == "how"
            and tokens[index + 1] == "many"
            and not _COUNTED.intersection(tokens[index + 2 : index + 3])
        ):
            # "how many nk ppl", "how many of the guys": a people noun close after.
            # "how many of these north korean women": five words on at most.
            window = " " + " ".join(tokens[index + 2 : index + 7]) + " "
            if any(f" {noun} " in window for noun in nouns):
                _add(result.attributes, Attribute.WORKFORCE)
    for pattern, attribute in _FRAMES:
        if pattern.search(joined):
            _add(result.attributes, attribute)
    result.pair_asked = bool(_PAIR.search(joined))
    if _SHARE_OF.search(text):
        _add(result.operations, Operation.SHARE)  # "dalian as a % of sakhalin"
    elif _SHARE_SIGN.search(text):
        _add(result.operations, Operation.PERCENTAGE)  # "how much higher in %"
    if _WHICH_PLACE.search(joined):
        result.places_asked = True
        _add(result.intents, Intent.LIST)
    if _SHARE_OF_PAY.search(joined):
        _add(result.topics, "earnings")
    if _TERM.search(joined):
        result.term_asked = True
        _add(result.topics, "loyalty money")
    if _WHAT_FOR.search(joined):
        _add(result.topics, "reason")  # "what's the loyalty fund for": its purpose
    if _TELLER.search(joined):
        _add(result.intents, Intent.SOURCES)
    if _CREDIT.search(joined) or _CREDIT_OF_IT.search(joined):
        result.credit_asked = True
        _add(result.topics, "photo")
    if _NEW_STATED.search(joined):
        _add(result.intents, Intent.QUOTA)
        _add(result.not_asked, Intent.SOURCES)
        # "did the sources name the new figure": the figure named, not the sources' names.
        result.attributes = [a for a in result.attributes if a != Attribute.SOURCE_IDENTITY]
    for pattern in (_subject_of_any(vocabulary.quota_verbs), _FOR_WHOM, _OURS_THEN_THEIR):
        for found in pattern.finditer(joined):
            named = found.group(1)
            # "the dalian workers": the last word names them, unless a job's noun does.
            _add(result.people_words, named if re.fullmatch(_JOB, named) else named.split()[-1])
    result.because = _BECAUSE.search(joined) is not None
    asked = _ASKED_NOUN.search(joined)
    result.other_asked = asked is not None and asked.group(1) in vocabulary.off_topic_words
    if _STAY.search(joined):
        _add(result.topics, "savings")
    if _LOCALS_FEEL.search(joined):
        _add(result.topics, "locals")
    if _AGO.search(joined) and _AMOUNT.search(joined):
        _add(result.attributes, Attribute.QUOTA_HISTORY)
    if _RATE.search(joined):
        _add(result.operations, Operation.RATE)
    # "how much did it go up": the amount of the change.
    if _HOW_MUCH_CHANGE.search(joined):
        _add(result.operations, Operation.DIFFERENCE)
    # "daily nk is south korean propaganda": what the outlet is, which the report does
    # not say (the bot rates no outlet).
    # Only an outlet the part names can be profiled (most parts name none).
    named = tuple(
        o for o, spaced in zip(outlets, _spaced(outlets), strict=True) if spaced in joined
    )
    if named and any(w in joined for w in _spaced(vocabulary.outlet_slurs)):
        _add(result.attributes, Attribute.OUTLET_PROFILE)
    # "why did the us fund rfa", "when was rfa founded": of any outlet the store holds.
    before, after = vocabulary.outlet_profile_before, vocabulary.outlet_profile_after
    if named and any(phrase in joined for phrase in _outlet_profiles(named, before, after)):
        _add(result.attributes, Attribute.OUTLET_PROFILE)
    # A change verb consumed inside a longer cue ("rose by") still asks about the change.
    if any(verb in joined for verb in _spaced(vocabulary.change_verbs)):
        result.change_asked = True
    if " name of " not in joined:
        return result  # most questions: no lead, no thing to look for
    leads = (" name of the ", " name of that ", " name of this ", " name of ")
    afters = [
        joined[at + len(lead) :].split()[:3] for lead in leads if (at := joined.find(lead)) >= 0
    ]
    for thing, attribute in vocabulary.named_things.items():
        if any(thing in after or " ".join(after[:2]) == thing for after in afters):
            _add(result.attributes, attribute)
    return result
