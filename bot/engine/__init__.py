"""The answer engine: plain Python, no Telegram. Question in, ``Reply`` out.

Tests, the terminal (``python -m bot ask``) and the Telegram layer all call it.
"""

from __future__ import annotations

import copy
import weakref
from collections.abc import Callable
from dataclasses import replace
from itertools import islice

from bot.engine import intro
from bot.engine.answering import Answerer
from bot.engine.arithmetic import Arithmetic
from bot.engine.bearing import facts_at
from bot.engine.compose import Composer
from bot.engine.countries import country_lookup
from bot.engine.described_sources import source_words
from bot.engine.honest import Honest
from bot.engine.indexes import same_quota_labels
from bot.engine.local_names import local_name
from bot.engine.numbers import number, warm_up
from bot.engine.place_cases import inflect
from bot.engine.quote_echo import follow_edit
from bot.engine.refresh import updated_understander
from bot.engine.reply import Reply
from bot.engine.retrieval import ClaimSearch, claim_word_counts, words_of
from bot.engine.second_opinion import reconsider, unsure
from bot.engine.text import MAX_QUESTION_CHARS, CloseNames, normalize
from bot.engine.understand import Understander
from bot.engine.understanding import Understanding
from bot.engine.vocabulary import Intent
from bot.engine.vocabulary import load as load_vocabulary
from bot.engine.wording import N_, _, ngettext
from bot.markup import Html, escape, fmt, italic, set_inflection
from db.validation import country_names
from db.views import ClaimView, Snapshot, SnapshotDiff

__all__ = ["AnswerEngine", "Intent", "Reply", "Understanding"]

# Russian translations name places in the case their sentence needs ("для {place:gen}").
set_inflection(inflect)

# A follow-up's label stays English (the question it asks is the engine's; the chat's
# keyboard shows it in the user's language, bot/keyboards.py); the terminal translates it.
DID_YOU_MEAN = "Did you mean "
DID_YOU_MEAN_LABEL = N_("Did you mean {place}?")
# "who is RFA", "tell me about radio free asia": no longer than this.
OUTLET_QUESTION_WORDS = 6


def did_you_mean(place: str) -> str:
    """The label of a suggestion for a typed place (a button in chats, a line in the terminal)."""
    return DID_YOU_MEAN_LABEL.format(place=place)


def suggestions(reply: Reply) -> list[str]:
    """The "Did you mean …?" labels among a reply's follow-ups, in the answer's language."""
    return [
        _(DID_YOU_MEAN_LABEL).format(place=local_name("place", label[len(DID_YOU_MEAN) : -1]))
        for label, _question in reply.follow_ups
        if label.startswith(DID_YOU_MEAN)
    ]


class AnswerEngine:
    """Built per snapshot; cheap to keep, rebuilt only when the store's revision changes."""

    # With several reports: engines over the claims of the reports a question names, kept
    # for one snapshot (a class default, so an engine made without __init__ has it too).
    _named: tuple[Snapshot, dict[frozenset[int], AnswerEngine]] | None = None

    def __init__(self, snapshot: Snapshot, *, several: bool | None = None) -> None:
        """``several``: built for the reports a question names, in a store of several."""
        vocabulary = load_vocabulary("en")
        # Quota figures have their structured answers: the search is over the other claims.
        facts = (claim for claim in snapshot.active_claims if not claim.is_quota)
        search = ClaimSearch(
            facts, vocabulary.synonyms, vocabulary.phrase_synonyms, snapshot.claims_by_id
        )
        self._word_counts = claim_word_counts(snapshot.active_claims)
        words = frozenset(self._word_counts) | source_words(snapshot)
        understander = Understander(snapshot, country_lookup(), words)
        composer = Composer(snapshot, country_names(), several=several)
        self._assemble(snapshot, search, understander, composer)
        # A snapshot's lookup made on first use otherwise (75 ms at 100,000 claims, in some
        # reader's answer): here, with the rest of a full build.
        facts_at(composer)

    def _assemble(
        self,
        snapshot: Snapshot,
        search: ClaimSearch,
        understander: Understander,
        composer: Composer,
        honest: Honest | None = None,
        places: tuple[list[str], CloseNames] | None = None,
    ) -> None:
        self.snapshot = snapshot
        self.search = search
        self.understander = understander
        self.composer = composer
        self.honest = honest or Honest(self.composer, load_vocabulary("en"), self.search)
        me = weakref.proxy(self)
        self.answerer = Answerer(
            self.composer,
            self.honest,
            Arithmetic(self.composer.from_report),
            # Through a weak proxy: no reference cycle, so an engine replaced after an
            # edit is freed at once, not at the next full garbage collection (its
            # snapshot's tables are megabytes, and edits come every few seconds).
            help_lines=lambda: me.help().lines,
            about_lines=lambda: me.about().lines,
            start_lines=lambda: me.start().lines,
            off_topic=lambda: me.off_topic(),
        )
        # Built once per snapshot, like the composer's indexes.
        if places is None:
            quota_places = self._list_quota_places()
            places = (quota_places, CloseNames(quota_places))
        self._quota_places, self._close_names = places
        warm_up()

    def updated(self, snapshot: Snapshot, diff: SnapshotDiff | None = None) -> AnswerEngine:
        """The engine for ``snapshot``: made from this one when ``snapshot`` is this one's
        plus an incremental reload (only the indexes the changed claims touch are
        copied and changed; this engine is not), else built anew."""
        diff = diff or snapshot.diff  # from this engine's snapshot to ``snapshot``
        if diff is None or diff.base_revision != self.revision:
            return AnswerEngine(snapshot)
        old, new = self.snapshot, snapshot
        changed = [(old.claim(i), new.claim(i)) for i in sorted(diff.claim_ids)]
        removed = [c for c, _ in changed if c is not None]
        added = [c for _, c in changed if c is not None]
        follow_edit(old, new, changed)  # the quote echo index, if built
        counts = self._word_counts
        words: frozenset[str] | None = None
        if changed:
            counts = counts.copy()
            counts.subtract(w for c in removed if c.active for w in words_of(c))
            counts.update(w for c in added if c.active for w in words_of(c))
            for word in {w for c in removed if c.active for w in words_of(c)}:
                if counts[word] <= 0:
                    del counts[word]
            if counts.keys() != self._word_counts.keys():
                words = frozenset(counts) | source_words(new)
        understander = updated_understander(
            self.understander,
            new,
            changed,
            words,
            aliases_changed=diff.aliases,
            articles_changed=diff.articles,
        )
        if understander is None:
            return AnswerEngine(snapshot)
        search = self.search.updated(
            (c for c in removed if c.active and not c.is_quota),
            (c for c in added if c.active and not c.is_quota),
        )
        composer = self.composer.updated(new, removed, added, articles_changed=diff.articles)
        engine = object.__new__(AnswerEngine)
        engine._word_counts = counts
        honest = None
        places: tuple[list[str], CloseNames] | None = (self._quota_places, self._close_names)
        if same_quota_labels(removed, added):
            # The covered places, currencies and sectors are as they were.
            honest = copy.copy(self.honest)
            honest.c, honest.search = composer, search
        else:
            engine.composer = composer
            listed = engine._list_quota_places()
            places = None if listed != self._quota_places else (listed, self._close_names)
        engine._assemble(new, search, understander, composer, honest, places)
        return engine

    @property
    def revision(self) -> int:
        return self.snapshot.revision

    # ----- claims, for the handlers and the notice sender -------------------------
    # (They used to reach into ``engine.composer``; it stays public until every caller
    # has moved to these.)

    def attribution(self, claim: ClaimView) -> Html:
        """Who said a claim, to whom, who carried it, unverified, with its id."""
        return self.composer.attribution(claim)

    def claim_line(self, claim: ClaimView) -> Html:
        """A claim's words (its quote, else its statement) and its attribution."""
        return self.composer.claim_line(claim)

    def quota_block(self, claim: ClaimView, reply: Reply) -> list[Html]:
        """A quota's lines (before, now, when, source); the claim is cited in ``reply``."""
        return self.composer.quota_block(claim, reply)

    def retraction_line(self, claim: ClaimView, reply: Reply) -> Html:
        """That a figure was retracted, when and why; the claim is cited in ``reply``."""
        return self.composer.retraction_line(claim, reply)

    def covered(self) -> Html:
        """The one sentence saying which places the store has quota figures for."""
        return self.composer.covered()

    def cite_covered(self, reply: Reply) -> None:
        """With several reports the ``covered`` sentence names them: their caveats go under
        the reply that shows it."""
        if self.composer.several:
            self.composer.cite_all(reply)

    def quota_claims(self) -> list[ClaimView]:
        """The current quota claims, in store order."""
        return self.composer.quotas()

    # ----- free text -------------------------------------------------------------

    def understand(self, question: str) -> Understanding:
        return self.understander.understand(question)

    def answer(self, question: str) -> Reply:
        if self.composer.several:
            # "Radio Free Asia" names a report, not a region: read as its initials.
            question = self.composer.reports.initials(question)
        u = self.understand(question)
        found = self._for_named_reports(question, u)
        reports = self.composer.reports
        if found is not None:
            narrowed, named = found
            elsewhere = self._said_elsewhere(u, named)
            # "what does hngn say about dalian": about Dalian, from HNGN's report (what
            # only another report covers keeps the old reading).
            subject = (u.places or u.countries or u.sectors) and not elsewhere
            reply = narrowed.answer(reports.without_names(question) if subject else question)
            for line, others in elsewhere:
                reply.lines += [Html("")] * bool(reply.lines) + [line]
                for article_id in others:
                    reply.cite(article_id)
            short = len(question.split()) <= OUTLET_QUESTION_WORDS
            if reply.intents == [Intent.OFF_TOPIC] and short and reports.named_in(question):
                # "tell me about Radio Free Asia": a short question naming an outlet gets
                # its report's card.
                reply = narrowed.article()
            return reply
        doubt = unsure(u, self.composer.covered_countries)
        reply = self.answerer.answer(u)
        reply = reconsider(
            question,
            doubt,
            reply,
            self.understand,
            self.answerer.answer,
            self._statements,
            self.off_topic,
        )
        if reports.several and not self.composer.narrowed and reports.asked_about(question):
            reply = self._with_overview(reply)
        if u.truncated:
            reply.lines.append(Html(""))
            read = ngettext(
                "Your message was long: I read its first {count} character.",
                "Your message was long: I read its first {count} characters.",
                MAX_QUESTION_CHARS,
            )
            reply.lines.append(italic(read.format(count=number(MAX_QUESTION_CHARS))))
        self._add_follow_ups(u, reply)
        return reply

    def _statements(self, s: Understanding) -> Reply:
        reply = Reply()
        self.honest.statements(s.search_text, reply)
        return reply

    def _with_overview(self, reply: Reply) -> Reply:
        """ "How many reports do you have": the reports first, then anything else asked
        (beyond the article cards, which the overview replaces, or "off topic")."""
        overview = Reply(intents=["reports"])
        self.composer.reports.overview(overview)
        if reply.claim_ids or not set(reply.intents) <= {Intent.OFF_TOPIC, Intent.ARTICLE}:
            overview.lines.extend([Html(""), *reply.lines])
            for claim_id in reply.claim_ids:
                claim = self.snapshot.claim(claim_id)
                if claim is not None:
                    overview.use(claim.id, claim.article_id)
            for article_id in reply.article_ids:
                overview.cite(article_id)
            overview.intents.extend(reply.intents)
        return overview

    def _said_elsewhere(
        self, u: Understanding, named: frozenset[int]
    ) -> list[tuple[Html, list[int]]]:
        """ "who reported the sakhalin doubling, rfa?": a place, country or kind of work
        only another report gives figures for is said to be that report's (no figure):
        each line with the reports it names."""
        reports, composer = self.composer.reports, self.composer
        countries = {composer.country(c) for c in u.countries}
        names = [  # ("china": a place's name too, read as the country)
            *(("place", p) for p in u.places if p not in countries),
            *(("country", c) for c in u.countries),
            *(("sector", s) for s in u.sectors),
            *(("topic", t) for t in sorted(reports.topic_quotas(u.text))),  # "loyalty fund"
        ]
        shown: dict[str, Callable[[str], str]] = {
            "place": str,
            "country": composer.country,
            "sector": composer.sector,
            "topic": lambda topic: f"“{topic}”",
        }
        kinds = dict((name, kind) for kind, name in names)
        line = _("{name}: its figures come from {others}, not from {named}.")
        return [
            (
                fmt(
                    line,
                    name=shown[kinds[name]](name),
                    others=_(", ").join(reports.by(i) for i in others),
                    named=_(", ").join(reports.by(i) for i in sorted(named)),
                ),
                others,
            )
            for name, others in reports.elsewhere(named, names)
        ]

    def _for_named_reports(
        self, question: str, u: Understanding
    ) -> tuple[AnswerEngine, frozenset[int]] | None:
        """With several reports, a question naming some of them (by outlet), or pointing
        at them (a figure or topic only theirs), is answered from theirs alone; None when
        it names or points at none, or all."""
        reports = self.composer.reports
        if self.composer.narrowed or not reports.several:
            return None
        text = question[:MAX_QUESTION_CHARS]
        # Named ("what does RFA say about Sakhalin"), unless set against another report's
        # place ("the Dalian quota or RFA's fund, which is bigger").
        named = reports.named_in(text)
        if Intent.COMPARE in u.intents:
            named = reports.within(named, u.places, u.sectors)
        named = named or reports.pointed_at(text, u.figures, u.places, u.sectors)
        if not named or len(named) == len(reports.articles):
            return None
        if len(u.segments) > 1 and not reports.named_in(text):
            # "1) who reported the loyalty fund 2) who reported the doubling": parts that
            # point at different reports (or one at none) are each answered from them all;
            # a part of no subject of its own ("and who says it") follows the others.
            pointed = {
                reports.pointed_at(s.text, s.figures, s.places, s.sectors)
                for s in u.segments
                if s.topics or s.figures or s.has_subject
            }
            if len(pointed) > 1:
                return None
        if self._named is None or self._named[0] is not self.snapshot:
            self._named = (self.snapshot, {})
        engines = self._named[1]
        if named not in engines:
            snapshot = self.snapshot
            claims = tuple(c for c in snapshot.claims if c.article_id in named)
            # (Their own sources only: another report's "source in Russia" is not theirs.)
            sources = {i: s for i, s in snapshot.sources.items() if s.article_id in named}
            narrowed = replace(snapshot, claims=claims, sources=sources, _by_id={})
            engines[named] = AnswerEngine(narrowed, several=True)
        return engines[named], named

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

    # ----- commands --------------------------------------------------------------

    def start(self) -> Reply:
        reply = Reply(intents=["start"])
        reply.lines.extend(intro.start_lines(self.composer, reply))
        reply.lines.append(Html(""))
        reply.lines.extend(self.help().lines)
        return reply

    def help(self) -> Reply:
        return Reply(lines=intro.help_lines(), intents=["help"])

    def about(self) -> Reply:
        """What the bot is, for "are you a bot for the government?"."""
        return Reply(lines=intro.about_lines(self.composer.several), intents=["about_bot"])

    def off_topic(self) -> Reply:
        return Reply(lines=intro.off_topic_lines(), intents=["off_topic"], answered=False)

    def quotas(self) -> Reply:
        reply = Reply(intents=["list"])
        self.composer.answer_list(reply)
        self._add_follow_ups(Understanding(text=""), reply)
        return reply

    def quota(self, place: str) -> Reply:
        if not place.strip():
            reply = Reply(intents=["usage"], answered=False)
            reply.lines.append(escape(_(intro.USAGE)))
            reply.lines.append(self.composer.covered())
            self.cite_covered(reply)
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
        if self.composer.several:
            self.composer.cite_all(reply)
        no_quota = intro.no_quota_for(self.composer, place[:100])
        reply.lines.append(fmt("{} {}", no_quota, self.composer.covered()))
        return reply

    def sources(self) -> Reply:
        reply = Reply(intents=["sources"])
        self.composer.answer_sources(Understanding(text=""), reply)
        return reply

    def caveat(self) -> Reply:
        reply = Reply(intents=["verified"])
        self.composer.answer_verified(reply)
        reply.lines.append(Html(""))
        reply.lines.append(intro.caveat_meaning(self.composer.several))
        return reply

    def article(self) -> Reply:
        reply = Reply(intents=["article"])
        self.composer.answer_article(reply)
        return reply
