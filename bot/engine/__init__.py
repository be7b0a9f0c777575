"""The answer engine: plain Python, no Telegram. Question in, ``Reply`` out.

Tests, the terminal (``python -m bot ask``) and the Telegram layer all call it.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from itertools import islice

from babel import Locale

from bot.engine.arithmetic import Arithmetic
from bot.engine.compose import Composer
from bot.engine.honest import Honest
from bot.engine.numbers import warm_up
from bot.engine.reply import Reply
from bot.engine.retrieval import ClaimSearch, claim_words
from bot.engine.text import MAX_QUESTION_CHARS, CloseNames, normalize
from bot.engine.understand import Understander, Understanding
from bot.engine.vocabulary import Attribute, Intent
from bot.engine.vocabulary import load as load_vocabulary
from bot.markup import Html, bold, fmt, italic
from db.views import Snapshot

__all__ = ["AnswerEngine", "Intent", "Reply", "Understanding"]

# The order answers come in when one part of a message asks several things.
DISPATCH_ORDER = (
    Intent.COMPARE, Intent.LIST, Intent.QUOTA, Intent.USD, Intent.DATE, Intent.BASIS,
    Intent.SECTORS, Intent.SOURCES, Intent.VERIFIED, Intent.TRUST_OUTLET, Intent.ARTICLE,
    Intent.HELP, Intent.GREETING,
)  # fmt: skip

# The report's subject, not a place it reports figures for.
SUBJECT_COUNTRY = "KP"

EXAMPLES = (
    "How much do workers in Sakhalin owe now?",
    "fish plant workers china quota",
    "Who says so?",
    "Is any of this confirmed?",
    "What's loyalty cash?",
    "Russia vs China",
)


@lru_cache(maxsize=4)
def country_names(locale: str = "en") -> dict[str, str]:
    """ISO 3166 alpha-2 code -> display name, from Babel's CLDR data."""
    territories = Locale.parse(locale).territories
    return {code: name for code, name in territories.items() if len(code) == 2 and code.isalpha()}


@lru_cache(maxsize=4)
def country_lookup(locale: str = "en") -> dict[str, str]:
    """Normalized country name -> code, for spotting countries the report does not cover."""
    names = {normalize(name): code for code, name in country_names(locale).items()}
    names.update({"usa": "US", "america": "US", "uk": "GB", "britain": "GB"})
    for name, code in list(names.items()):
        if code == SUBJECT_COUNTRY or name in ("korea",):
            del names[name]
    return names


class AnswerEngine:
    """Built per snapshot; cheap to keep, rebuilt only when the store's revision changes."""

    def __init__(self, snapshot: Snapshot) -> None:
        self.snapshot = snapshot
        vocabulary = load_vocabulary("en")
        # Quota figures have their structured answers: the search is over the other claims.
        facts = (claim for claim in snapshot.active_claims if not claim.is_quota)
        self.search = ClaimSearch(facts, vocabulary.synonyms, vocabulary.phrase_synonyms)
        self.understander = Understander(snapshot, country_lookup(), claim_words(snapshot))
        self.composer = Composer(snapshot, country_names())
        self.honest = Honest(self.composer, vocabulary, self.search)
        self.arithmetic = Arithmetic(self.composer.place_label)
        c = self.composer
        self._dispatch: dict[Intent, Callable[[Understanding, Reply], None]] = {
            Intent.COMPARE: c.answer_compare,
            Intent.LIST: lambda u, reply: c.answer_list(reply),
            Intent.QUOTA: c.answer_quota,
            Intent.USD: c.answer_usd,
            Intent.DATE: c.answer_date,
            Intent.BASIS: c.answer_basis,
            Intent.SECTORS: lambda u, reply: c.answer_sectors(reply),
            Intent.SOURCES: c.answer_sources,
            Intent.VERIFIED: lambda u, reply: c.answer_verified(reply),
            Intent.TRUST_OUTLET: lambda u, reply: self.honest.trust_outlet(reply),
            Intent.ARTICLE: lambda u, reply: c.answer_article(reply),
            Intent.HELP: lambda u, reply: reply.lines.extend(self.help().lines),
            Intent.GREETING: lambda u, reply: reply.lines.extend(self.start().lines),
        }
        # Built once per snapshot, like the composer's indexes.
        self._quota_places = self._list_quota_places()
        self._close_names = CloseNames(self._quota_places)
        warm_up()

    @property
    def revision(self) -> int:
        return self.snapshot.revision

    # ----- free text -------------------------------------------------------------

    def understand(self, question: str) -> Understanding:
        return self.understander.understand(question)

    def answer(self, question: str) -> Reply:
        u = self.understand(question)
        reply = self._answer(u)
        if u.truncated:
            reply.lines.append(Html(""))
            reply.lines.append(
                italic(
                    f"Your message was long: I read its first {MAX_QUESTION_CHARS:,} characters."
                )
            )
        self._add_follow_ups(u, reply)
        return reply

    def _answer(self, u: Understanding) -> Reply:
        reply = Reply()
        polite = {Intent.GREETING, Intent.HELP}
        segments = [s for s in u.segments if s.on_topic or polite & set(s.intents)]
        if any(s.on_topic for s in segments):
            # "thanks!" after a question is not a question of its own.
            segments = [s for s in segments if s.on_topic]
        for segment in segments:
            if reply.lines:
                reply.lines.append(Html(""))
            before = len(reply.lines)
            if not self._answer_segment(segment, reply):
                del reply.lines[before:]
                if reply.lines and reply.lines[-1] == "":
                    reply.lines.pop()
            elif before:
                # A later part of the message repeats nothing an earlier part said.
                said = set(reply.lines[:before])
                fresh = [line for line in reply.lines[before:] if line == "" or line not in said]
                reply.lines[before:] = fresh
        if not reply.lines:
            off = self.off_topic()
            off.intents = [Intent.OFF_TOPIC]
            return off
        # Only "the report does not say / mention": the question stays unanswered (editors
        # see it in /unanswered), even when closely related facts were shown.
        if set(reply.intents) <= {Intent.SILENT, Intent.NOT_COVERED}:
            reply.answered = False
        reply.intents = list(dict.fromkeys(reply.intents))
        return reply

    def _answer_segment(self, s: Understanding, reply: Reply) -> bool:
        """One part of a message: its subjects, what it asks, and how."""
        c = self.composer
        covered = c.covered_countries
        uncovered = [code for code in s.countries if code not in covered]
        s.countries = [code for code in s.countries if code in covered]
        # USD is the report's conversion, not a place: "in dollars" is what is asked.
        if "USD" in s.currencies:
            s.currencies.remove("USD")
            _add_intent(s, Intent.USD)
        unknown = [c.country(code) for code in uncovered]
        unknown += [*s.unknown_places, *s.regions]
        asks = set(s.intents) - {Intent.QUOTA, Intent.USD, Intent.COMPARE, Intent.LIST}
        asks -= set(s.settled_intents)
        topics = set(s.topics) - {"quota", "doubling", *s.settled_topics}
        if unknown and not s.has_subject and not asks and not s.attributes and not topics:
            c.answer_unknown(unknown, reply)
            reply.intents.append(Intent.NOT_COVERED)
            return True
        handled = False
        if s.role_play:
            self.honest.refuse_role(reply)
        quotas = c.quotas(s) if s.has_subject else c.quotas()
        corrected = self.honest.corrections(s, quotas, reply)
        handled = corrected or handled
        skip = {Attribute.WAGES} if corrected else set()
        if Attribute.OTHER_CURRENCY in s.attributes:
            s.intents = [i for i in s.intents if i not in (Intent.USD,)]
        if self.honest.silent(s, reply, skip):
            # The question was about what the report does not give: no figure answers it.
            keep = {Intent.VERIFIED, Intent.SOURCES} - set(s.settled_intents)
            s.intents = [i for i in s.intents if i in keep]
            s.topics = []
            handled = True
        elif Attribute.ESTIMATE in s.attributes:
            handled = True
        if corrected:
            s.intents = [i for i in s.intents if i not in (Intent.QUOTA, Intent.BASIS)]
        elif self.arithmetic.answer(s, quotas, c.quotas(), reply):
            return True
        # After "the report does not say", no figure is shown unless asked for.
        handled = self._run(s, reply, default_quota=not handled, search=not handled) or handled
        if unknown:
            c.answer_unknown(unknown, reply)
            reply.intents.append(Intent.NOT_COVERED)
            handled = True
        return handled

    def _run(
        self, s: Understanding, reply: Reply, *, default_quota: bool = True, search: bool = True
    ) -> bool:
        c = self.composer
        wanted = set(s.intents)
        topics = [t for t in s.topics if t not in ("quota", "doubling")]
        # Cues that only hint ("the article", "how much") yield to what is asked outright.
        hinted = set(s.settled_intents)
        if wanted - hinted or [t for t in topics if t not in s.settled_topics]:
            wanted -= hinted - {Intent.QUOTA, Intent.DATE}
        if "doubling" in s.topics and not wanted and not topics:
            wanted.add(Intent.QUOTA)
        if not wanted and not topics and s.has_subject and default_quota:
            wanted.add(Intent.QUOTA)
        # What is asked beats the noun it is asked about: "when did the quota double",
        # "why was it doubled".
        asks_date = "when" in s.question_words or "date" in s.text.split()
        if (Intent.DATE in wanted and asks_date) or "reason" in s.settled_topics:
            wanted -= {Intent.QUOTA, Intent.BASIS, Intent.LIST}
        if Intent.VERIFIED in wanted and Intent.ARTICLE in wanted:
            wanted -= {Intent.VERIFIED, Intent.ARTICLE}
            wanted.add(Intent.TRUST_OUTLET)
        handled = False
        if Intent.SOURCES in wanted and s.countries and "what" in s.question_words:
            if self.honest.source_statements(s, reply):
                wanted -= {Intent.SOURCES, Intent.QUOTA}
                handled = True
        elif Intent.SOURCES in wanted and self.honest.attribute_quote(s, reply):
            wanted -= {Intent.SOURCES, Intent.QUOTA}
            topics = []  # the claim it found is the answer
            handled = True
        if Intent.COMPARE in wanted or Intent.LIST in wanted:
            wanted.discard(Intent.QUOTA)
        if Intent.LIST in wanted and s.has_subject:
            wanted.discard(Intent.LIST)
            wanted.add(Intent.QUOTA)
        if Intent.QUOTA in wanted:
            wanted -= (
                {Intent.USD, Intent.DATE}
                if s.has_subject or not {Intent.USD, Intent.DATE} & wanted
                else set()
            )
        if {Intent.GREETING, Intent.HELP} & wanted and len(wanted) > 1:
            wanted -= {Intent.GREETING, Intent.HELP}
        # Topics reached only through a question word ("why ...") yield to claims that
        # match the question's own words.
        weak_topics_only = topics and all(t in s.settled_topics for t in topics)
        # "why was it doubled" asks the reasons; "why are they unhappy" asks what claims say.
        about_the_change = Intent.QUOTA in s.intents or "doubling" in s.topics
        search_first = weak_topics_only and not wanted and not about_the_change
        if search_first and self.honest.statements(s.text, reply):
            return True
        before = len(reply.lines)
        for intent in DISPATCH_ORDER:
            if intent not in wanted:
                continue
            if len(reply.lines) > before:
                reply.lines.append(Html(""))
            self._dispatch[intent](s, reply)
            reply.intents.append(intent)
            handled = True
        if topics:
            if len(reply.lines) > before:
                reply.lines.append(Html(""))
            c.answer_topics(_with_topics(s, topics), reply)
            reply.intents.extend(f"topic:{t}" for t in topics)
            handled = True
        if not handled and search:
            handled = self.honest.statements(s.text, reply)
        return handled

    # ----- follow-up buttons -----------------------------------------------------

    MAX_FOLLOW_UPS = 4
    MAX_DID_YOU_MEAN = 3
    MAX_TYPED_WORDS = 8  # of a question, looked at for "Did you mean ...?"

    def quota_places(self) -> list[str]:
        """The places (else countries) the store has current quota figures for."""
        return list(self._quota_places)

    def _list_quota_places(self) -> list[str]:
        names = (c.place or self.composer.country(c.country) for c in self.composer.quotas())
        return [name for name in dict.fromkeys(names) if name]

    def _close_places(self, typed: list[str], exclude: set[str]) -> list[str]:
        """Covered places that look like what was typed (for "Did you mean ...?")."""
        known = self.understander.known_words
        # Words the bot knows ("quota", "workers") are not misspelt places. Lazily: a long
        # message has a thousand words, and only the first few unknown ones are looked at.
        candidates = (w for w in dict.fromkeys(typed) if len(w) >= 3 and normalize(w) not in known)
        found: list[str] = []
        for word in islice(candidates, self.MAX_TYPED_WORDS):
            for place in self._close_names.close_to(word, self.MAX_DID_YOU_MEAN, exclude=exclude):
                if place not in found:
                    found.append(place)
        return found[: self.MAX_DID_YOU_MEAN]

    def _add_follow_ups(self, u: Understanding, reply: Reply) -> None:
        """Natural next questions as (label, question); the Telegram layer makes buttons.

        Questions are short, plain and answerable by ``answer`` itself, so a button
        pressed long after still gets a current answer.
        """
        ups = reply.follow_ups
        used_places = [
            claim.place
            for claim in (self.snapshot.claim(i) for i in reply.claim_ids)
            if claim is not None and claim.is_quota and claim.place
        ]
        chosen = set(used_places)
        if not reply.answered:
            # No match: offer the closest covered places, else the overview.
            typed = [*u.unknown_places, *u.corrected_words, *u.text.split()]
            for place in self._close_places(typed, set()):
                ups.append((f"Did you mean {place}?", f"{place} quota"))
            if not ups or "not_covered" in reply.intents:
                ups.append(("All quotas", "all quotas"))
            del ups[self.MAX_FOLLOW_UPS :]
            return
        if u.corrected_words:
            # Answered with the best guess for a typo: offer the other close places.
            for place in self._close_places(list(u.corrected_words), chosen):
                ups.append((f"Did you mean {place}?", f"{place} quota"))
        intents = set(reply.intents)
        if "usd" not in intents and (used_places or "list" in intents):
            ups.append(("In US dollars", "in dollars"))
        if "sources" not in intents:
            ups.append(("Sources", "who says so?"))
        if "verified" not in intents:
            ups.append(("How reliable is this?", "is it verified?"))
        if not intents & {"list", "compare"}:
            ups.append(("Other places", "all quotas"))
        del ups[self.MAX_FOLLOW_UPS + 1 :]

    # ----- commands --------------------------------------------------------------

    def start(self) -> Reply:
        reply = Reply(intents=["start"])
        reply.lines.append(
            bold("I answer questions about a news report on North Korea's overseas workers.")
        )
        reply.lines.append(
            Html(
                "The report says North Korea doubled the monthly foreign-currency “loyalty money” "
                "quotas of its workers abroad. I tell you what it claims, who claims it, and how "
                "far each claim can be trusted. Nothing here is verified."
            )
        )
        reply.lines.append(Html(""))
        reply.lines.extend(self.help().lines)
        return reply

    def help(self) -> Reply:
        reply = Reply(intents=["help"])
        reply.lines.append(Html("Ask in your own words, for example:"))
        reply.lines.extend(fmt("• {}", example) for example in EXAMPLES)
        reply.lines.append(Html(""))
        reply.lines.append(
            Html(
                "Commands: /quotas all figures · /quota &lt;place&gt; one place · "
                "/sources who says so · /caveat how far to trust it · /article the report · "
                "/ask &lt;question&gt; (in groups) · /help"
            )
        )
        return reply

    def off_topic(self) -> Reply:
        reply = Reply(intents=["off_topic"], answered=False)
        reply.lines.append(
            Html(
                "I can only answer questions about the reported North Korean overseas-worker "
                "quotas: the figures, places, dates, reasons, sources and how far to trust them."
            )
        )
        reply.lines.append(fmt("Try: {}", italic(EXAMPLES[0])))
        return reply

    def quotas(self) -> Reply:
        reply = Reply(intents=["list"])
        self.composer.answer_list(reply)
        self._add_follow_ups(Understanding(text=""), reply)
        return reply

    def quota(self, place: str) -> Reply:
        if not place.strip():
            reply = Reply(intents=["usage"], answered=False)
            reply.lines.append(Html("Usage: /quota &lt;place or country&gt;, e.g. /quota Sakhalin"))
            reply.lines.append(self.composer.covered())
            return reply
        u = self.understand(place)
        reply = Reply(intents=["quota"])
        if u.currencies == ["USD"] and not (u.places or u.countries or u.sectors):
            # Dollars are the report's conversions, not a place with a quota.
            self.composer.answer_usd(Understanding(text=""), reply)
            return reply
        if u.has_subject:
            self.composer.answer_quota(u, reply)
            return reply
        reply.answered = False
        reply.lines.append(
            fmt(
                "The report does not give a quota for “{}”. {}",
                place[:100],
                self.composer.covered(),
            )
        )
        return reply

    def sources(self) -> Reply:
        reply = Reply(intents=["sources"])
        self.composer.answer_sources(Understanding(text=""), reply)
        return reply

    def caveat(self) -> Reply:
        reply = Reply(intents=["verified"])
        self.composer.answer_verified(reply)
        reply.lines.append(Html(""))
        reply.lines.append(
            Html(
                "What it means: the outlet passes on what anonymous sources told another outlet, "
                "and says it could not check it. The figures may be right, wrong or out of date."
            )
        )
        return reply

    def article(self) -> Reply:
        reply = Reply(intents=["article"])
        self.composer.answer_article(reply)
        return reply


def _add_intent(u: Understanding, intent: Intent) -> None:
    if intent not in u.intents:
        u.intents.append(intent)


def _with_topics(u: Understanding, topics: list[str]) -> Understanding:
    clone = Understanding(**{**u.__dict__, "topics": list(topics)})
    return clone
