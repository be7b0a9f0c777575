"""The answer engine: plain Python, no Telegram. Question in, ``Reply`` out.

Tests, the terminal (``python -m bot ask``) and the Telegram layer all call it.
"""

from __future__ import annotations

from functools import lru_cache
from itertools import islice

from bot.engine.compose import Composer
from bot.engine.numbers import warm_up
from bot.engine.reply import Reply
from bot.engine.text import MAX_QUESTION_CHARS, CloseNames, normalize
from bot.engine.understand import Understander, Understanding
from bot.markup import Html, bold, fmt, italic
from db.snapshot import Snapshot
from db.validation import country_names

__all__ = ["AnswerEngine", "Reply", "Understanding"]

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
def country_lookup(locale: str = "en") -> dict[str, str]:
    """Normalized country name -> code, for spotting countries the report does not cover."""
    names = {normalize(name): code for code, name in country_names(locale).items()}
    names.update({"usa": "US", "america": "US", "uk": "GB", "britain": "GB"})
    for name, code in list(names.items()):
        if code == SUBJECT_COUNTRY or name in ("korea",):
            del names[name]
    return names


DID_YOU_MEAN = "Did you mean "


def did_you_mean(place: str) -> str:
    """The label of a suggestion for a typed place (a button in chats, a line in the terminal)."""
    return f"{DID_YOU_MEAN}{place}?"


def suggestions(reply: Reply) -> list[str]:
    """The "Did you mean …?" labels among a reply's follow-ups."""
    return [label for label, _ in reply.follow_ups if label.startswith(DID_YOU_MEAN)]


class AnswerEngine:
    """Built per snapshot; cheap to keep, rebuilt only when the store's revision changes."""

    def __init__(self, snapshot: Snapshot) -> None:
        self.snapshot = snapshot
        self.understander = Understander(snapshot, country_lookup())
        self.composer = Composer(snapshot, country_names())
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
        c = self.composer
        intents = list(u.intents)
        topics = [t for t in u.topics if t not in ("quota", "doubling")]
        if "doubling" in u.topics and "quota" not in intents:
            intents.append("quota")
        covered_countries = c.covered_countries
        uncovered = [code for code in u.countries if code not in covered_countries]
        if uncovered:
            u.countries = [code for code in u.countries if code in covered_countries]
        unknown = [c.country(code) for code in uncovered] + u.unknown_places
        only_places = not (set(intents) - {"quota", "usd", "compare"}) and not topics
        if not u.has_subject and unknown and only_places:
            # Only places the report never mentions: say so, and what it covers.
            if u.missing:
                c.answer_missing(u, reply)
            c.answer_unknown(unknown, reply)
            reply.answered = False
            reply.intents = ["not_covered"]
            return reply
        if not intents and not topics and u.has_subject:
            intents.append("quota")
        handled = self._run(u, intents, topics, reply)
        if u.missing:
            c.answer_missing(u, reply)
            handled = True
        if unknown:
            c.answer_unknown(unknown, reply)
        if not handled:
            reply.lines = self.off_topic().lines
            reply.answered = False
            reply.intents = ["off_topic"]
            return reply
        reply.intents = intents + [f"topic:{t}" for t in topics]
        return reply

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
                ups.append((did_you_mean(place), f"{place} quota"))
            if not ups or "not_covered" in reply.intents:
                ups.append(("All quotas", "all quotas"))
            del ups[self.MAX_FOLLOW_UPS :]
            return
        if u.corrected_words:
            # Answered with the best guess for a typo: offer the other close places.
            for place in self._close_places(list(u.corrected_words), chosen):
                ups.append((did_you_mean(place), f"{place} quota"))
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

    def _run(self, u: Understanding, intents: list[str], topics: list[str], reply: Reply) -> bool:
        c = self.composer
        wanted = set(intents)
        # A broader answer already contains the narrower one.
        if "compare" in wanted or "list" in wanted:
            wanted.discard("quota")
        if "list" in wanted and u.has_subject:
            wanted.discard("list")
            wanted.add("quota")
        if "quota" in wanted:
            wanted -= {"usd", "date"} if u.has_subject or not {"usd", "date"} & wanted else set()
        if {"greeting", "help"} & wanted and len(wanted) > 1:
            wanted -= {"greeting", "help"}
        handled = False
        before = len(reply.lines)
        order = (
            "compare", "list", "quota", "usd", "date", "basis", "sectors",
            "sources", "verified", "article", "help", "greeting",
        )  # fmt: skip
        for intent in order:
            if intent not in wanted:
                continue
            if len(reply.lines) > before:
                reply.lines.append(Html(""))
            self._dispatch(intent, u, reply)
            handled = True
        if topics:
            if len(reply.lines) > before:
                reply.lines.append(Html(""))
            c.answer_topics(_with_topics(u, topics), reply)
            handled = True
        return handled

    def _dispatch(self, intent: str, u: Understanding, reply: Reply) -> None:
        c = self.composer
        if intent == "compare":
            c.answer_compare(u, reply)
        elif intent == "list":
            c.answer_list(reply)
        elif intent == "quota":
            c.answer_quota(u, reply)
        elif intent == "usd":
            c.answer_usd(u, reply)
        elif intent == "date":
            c.answer_date(u, reply)
        elif intent == "basis":
            c.answer_basis(u, reply)
        elif intent == "sectors":
            c.answer_sectors(reply)
        elif intent == "sources":
            c.answer_sources(u, reply)
        elif intent == "verified":
            c.answer_verified(reply)
        elif intent == "article":
            c.answer_article(reply)
        elif intent == "help":
            reply.lines.extend(self.help().lines)
        elif intent == "greeting":
            reply.lines.extend(self.start().lines)

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


def _with_topics(u: Understanding, topics: list[str]) -> Understanding:
    clone = Understanding(**{**u.__dict__, "topics": list(topics)})
    return clone
