"""Answering a question's frames: each part of a message, what it asks, in order.

Each part of a message (``Understanding.segments``) is answered in turn: an uncovered place,
a wrong premise, what the report does not say, arithmetic, then the intents the claims
answer (a dispatch table), topics, and last a search of what the claims say.
"""

from __future__ import annotations

from collections.abc import Callable

from bot.engine.after_silence import presses_same_ask
from bot.engine.answer_extras import closest_words, implied_origin
from bot.engine.arithmetic import Arithmetic
from bot.engine.asks import about_the_place, unmapped_ask
from bot.engine.bearing import facts_by_own_words
from bot.engine.by_own_words import answer_by_own_words
from bot.engine.city_in_country import cities_of_covered_countries, covered_in_country
from bot.engine.compare_asked import settle_compare
from bot.engine.compose import Composer
from bot.engine.concept_facts import answer_concepts
from bot.engine.conversions import answer_conversion, conversion_asked
from bot.engine.countries import SUBJECT_COUNTRY
from bot.engine.date_asks import asks_when
from bot.engine.derived import either
from bot.engine.event_dates import event_date_asked
from bot.engine.feelings import asks_for_a_text, contradicted_feeling, refuse_text, workers_said
from bot.engine.figure_choice import settle_figure_choice
from bot.engine.honest import Honest
from bot.engine.named_places import named_case
from bot.engine.not_mapped import not_mapped
from bot.engine.other_of_workers import silent_on_other
from bot.engine.own_figures import asks_with_own, compare_own
from bot.engine.own_people import settle_own_people
from bot.engine.part_readings import quote_asked
from bot.engine.place_currency import picked_places, topic_places
from bot.engine.premises import wrong_demander, wrong_pairings, wrong_period, wrong_year
from bot.engine.provenance import ORIGIN_ASKED, quoted_words
from bot.engine.quota_words import QuotaWords, places_for_whom
from bot.engine.quote_echo import add_echoes
from bot.engine.relevance import blamed, named_foreign, pay_only_named, untied_attribute
from bot.engine.reply import Reply
from bot.engine.role_refusal import refuse_role_about_report
from bot.engine.segments import asks_nothing_new, quota_also_asked
from bot.engine.share_pay import share_of_pay, supposed_pay
from bot.engine.sourcing import MAX_SOURCE_CLAIMS, asks_what
from bot.engine.stances import show_stances, stances_asked
from bot.engine.summary import answer_summary
from bot.engine.understanding import Understanding
from bot.engine.vague_asks import vague_figures_ask
from bot.engine.vocabulary import Attribute, Intent
from bot.engine.wanted import settle_wanted
from bot.engine.wording import _
from bot.markup import Html, fmt

# What asks for quota figures: of an uncovered place, the report gives none.
_FIGURE_INTENTS = frozenset({Intent.QUOTA, Intent.USD, Intent.COMPARE, Intent.LIST, Intent.BASIS})
_FIGURE_INTENTS |= {Intent.GREETING}

# A message this short about the workers that asks nothing in particular gets the overview.
TERSE = 6

# The order answers come in when one part of a message asks several things.
DISPATCH_ORDER = (
    Intent.SUMMARY, Intent.COMPARE, Intent.LIST, Intent.QUOTA, Intent.USD, Intent.DATE,
    Intent.BASIS, Intent.SECTORS, Intent.SOURCES, Intent.VERIFIED, Intent.TRUST_OUTLET,
    Intent.ARTICLE, Intent.ABOUT_BOT, Intent.HELP, Intent.GREETING,
)  # fmt: skip


class Answerer:
    def __init__(
        self,
        composer: Composer,
        honest: Honest,
        arithmetic: Arithmetic,
        *,
        help_lines: Callable[[], list[Html]],
        about_lines: Callable[[], list[Html]],
        start_lines: Callable[[], list[Html]],
        off_topic: Callable[[], Reply],
    ) -> None:
        self.composer = c = composer
        self.honest = honest
        self.arithmetic = arithmetic
        self._off_topic = off_topic
        self._figures_by_words: QuotaWords | None = None
        self._dispatch: dict[Intent, Callable[[Understanding, Reply], None]] = {
            Intent.SUMMARY: lambda u, reply: answer_summary(c, reply),
            Intent.COMPARE: c.answer_compare,
            Intent.LIST: lambda u, reply: c.answer_list(reply),
            Intent.QUOTA: c.answer_quota,
            Intent.USD: c.answer_usd,
            Intent.DATE: c.answer_date,
            Intent.BASIS: c.answer_basis,
            Intent.SECTORS: lambda u, reply: c.answer_sectors(reply, u),
            Intent.SOURCES: c.answer_sources,
            Intent.VERIFIED: lambda u, reply: c.answer_verified(reply),
            Intent.TRUST_OUTLET: lambda u, reply: honest.trust_outlet(reply),
            Intent.ARTICLE: lambda u, reply: c.answer_article(reply, u),
            Intent.ABOUT_BOT: lambda u, reply: reply.lines.extend(about_lines()),
            Intent.HELP: lambda u, reply: reply.lines.extend(help_lines()),
            Intent.GREETING: lambda u, reply: reply.lines.extend(start_lines()),
        }

    def answer(self, u: Understanding) -> Reply:
        reply = Reply()
        polite = {Intent.GREETING, Intent.HELP}
        for part in u.segments:  # "62k or 124k?": which of them the quota is
            settle_figure_choice(part, self.composer.quotas)
        segments = [
            s for s in u.segments if s.on_topic or (polite & set(s.intents) and not s.foreign)
        ]
        # "what's the weather in dalian and what's the quota there": the other subject is
        # said to be outside what the bot answers, after the part it does answer.
        elsewhere = [s for s in u.segments if not s.on_topic and s.foreign]
        # "为什么海参越来越贵了 大连人表示买不起", "what's the weather in dalian? and sakhalin":
        # a part that asks nothing after a question of another subject goes on with it.
        going_on = [
            s
            for before, s in zip([None, *u.segments], u.segments, strict=False)
            if any(before is e for e in elsewhere) and not (s.asks_report or s.figures)
        ]
        segments = [s for s in segments if not any(s is g for g in going_on)]
        if elsewhere:  # "뭐먹지.. 점심메뉴 추천 좀": the asker's own lunch, no attribute asked
            segments = [s for s in segments if not untied_attribute(s)]
        if any(s.on_topic for s in segments):
            # "thanks!" after a question is not a question of its own.
            segments = [s for s in segments if s.on_topic]
        carried: list[str] = []
        for segment in [
            s for s in u.segments if implied_origin(self.composer, self.honest, s, reply)
        ]:
            segments = [s for s in segments if s is not segment]
        previous: Understanding | None = None
        for segment in segments:
            if Intent.SILENT in reply.intents and (
                asks_nothing_new(segment) or presses_same_ask(segment, previous)
            ):
                continue  # "how many work there? is there a number or not": one question
            previous = segment
            # "nakhodka, how much in rubles": a city the report does not cover is no place the
            # currency picks ("yuzhno", an unknown word, may be a covered place's town).
            if not (segment.places or segment.countries or segment.sectors or segment.regions):
                # "what's 62000 roubles in usd": the quota of that amount or currency; a
                # later part with no subject of its own ("where is it from") the same.
                picked = picked_places(segment, self.composer.quotas())
                picked = picked or topic_places(segment, self.composer)  # "quota for the girls"
                if not picked and set(segment.currencies) <= {"USD"} and not segment.unknown_places:
                    picked = carried
                segment.places = list(picked)
                carried = picked
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
                fresh = [n for i, n in enumerate(fresh) if n or (i and fresh[i - 1])]
                # (Nothing new: no blank line left before the next part or the caveat.)
                reply.lines[before - (not any(fresh)) :] = fresh if any(fresh) else []
        if reply.lines and elsewhere:
            named = ", ".join(dict.fromkeys(named_foreign(s) for s in elsewhere))
            outside = _("I can only answer about the reports, not about {words}.")
            reply.lines += [Html(""), fmt(outside, words=named)]
        add_echoes(u, self.composer, reply)  # "the 'won't see a penny' line": that fact
        if not reply.lines:
            answer_by_own_words(u, self.composer, self.honest, self._quota_words, reply)
        if not reply.lines:
            refuse_role_about_report(u, self.composer, self.honest, reply)
        if not reply.lines:  # "how much does a plane ticket home cost them"
            silent_on_other(u, self.composer, self.honest, reply)
        if not reply.lines and vague_figures_ask(u):  # "а для бригады сколько план"
            self.composer.answer_list(reply)
            reply.intents.append(Intent.LIST)
        if not reply.lines:
            off = self._off_topic()
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
        settle_compare(s, self.honest.vocabulary)  # "which country's workers": no comparison
        settle_own_people(s)  # "my dad was a sailor": no kind of work asked
        event_date_asked(s)  # "когда вышла директива": the directive's date
        covered = c.covered_countries
        uncovered = [code for code in s.countries if code not in covered]
        s.countries = [code for code in s.countries if code in covered]
        # "bata, also equatorial guinea": the country places the city; its figures are not Bata's.
        located = cities_of_covered_countries(s, c, self.honest.vocabulary.region_places)
        if located:
            s.countries, s.places = [], []
        # USD is the report's conversion, not a place: "in dollars" is what is asked.
        if "USD" in s.currencies:
            s.currencies.remove("USD")
            if Intent.USD not in s.intents:
                s.intents.append(Intent.USD)
        converted = conversion_asked(s, c)  # "the dalian quota in rubles"
        unknown = [] if blamed(s) else [c.country(code) for code in uncovered]
        if s.countries and not s.places:  # "which town in china": the place named there
            s.attributes = [a for a in s.attributes if a != Attribute.TOWN]
        # "in the Russian Far East": not named by the report, but Sakhalin is there.
        stored = {q.place for q in c.quotas()} if s.regions else set()  # (a walk over all)
        for region in s.regions:
            inside = self.honest.vocabulary.region_places.get(region, ())
            s.places += [p for p in inside if p in stored and p not in s.places]
        # Typed in lower case, shown as names ("beijing" -> "Beijing"); each named once.
        shown = [*unknown, *(named_case(p, s.language) for p in s.unknown_places), *s.regions]
        unknown = list(dict.fromkeys(shown))
        if not unknown:  # "road crew dues?": the figures for the people the report so calls
            s.places += places_for_whom(s, self._quota_words())
        asks = set(s.intents) - {Intent.QUOTA, Intent.USD, Intent.COMPARE, Intent.LIST}
        asks -= set(s.settled_intents)
        topics = set(s.topics) - {"quota", "doubling", *s.settled_topics}
        # "kuwait construction quota": a sector alone does not make an uncovered place
        # one of the report's; only a covered place or country does.
        named_covered = bool(s.places or s.countries)
        elsewhere = bool(unknown) and not named_covered
        if elsewhere:
            # "what is the quota in beijing": the figures asked for are that place's, which
            # the report does not give; another place's are no answer.
            s.intents = [i for i in s.intents if i not in _FIGURE_INTENTS]
            s.topics = [t for t in s.topics if t not in ("quota", "doubling")]
            asks -= _FIGURE_INTENTS
        if unknown and not named_covered and not asks and not s.attributes and not topics:
            c.answer_unknown(unknown, reply)
            covered_in_country(located, c, reply)
            reply.intents.append(Intent.NOT_COVERED)
            return True
        if s.foreign and not s.asks_report and not unknown:
            # "do they get medical care in sakhalin": about the workers; the report holds none.
            if s.places:
                nothing = fmt(
                    _("The report does not say anything about {subject} in {places}."),
                    subject=named_foreign(s),
                    places=either([c.place(p) for p in s.places]),
                )
            else:
                nothing = fmt(
                    _("The report does not say anything about {subject}."), subject=named_foreign(s)
                )
            reply.lines.append(fmt("{} {}", nothing, c.covered()))
            reply.intents.append(Intent.SILENT)
            return True
        if about_the_place(s, c.snapshot.articles.values()):
            return False  # "when was sakhalin founded": the place's history, not the report's
        if s.workers_say and workers_said(s, c, self.honest, reply):
            return True  # "а сами рабочие что говорят": their complaints, as quoted
        if not s.role_play and contradicted_feeling(s, c, self.honest, reply):
            return True  # "so the workers are happy with it": they complain, it reports
        if asks_for_a_text(s, self.honest.vocabulary) and refuse_text(s, c, reply):
            return True  # "write me a poem praising the doubled quotas"
        asked = c.quotas(s) if s.has_subject and supposed_pay(s) else []
        if supposed_pay(s) and share_of_pay(s, asked, c.quotas(), reply):
            return True  # "if she makes 350 a month, how much does she keep": of a share
        if asks_with_own(s):
            # "i make 900 dollars: is the dalian quota more than that?": compared, not refuted.
            return compare_own(s, c.quotas(s) if s.has_subject else c.quotas(), reply)
        # "did the kyrgyz govt admit any of it": who denied or confirmed it, on the record.
        stances = stances_asked(s, c)
        handled = bool(stances)
        if not stances and not s.role_play and answer_concepts(s, c, self.honest.search, reply):
            return True  # "паспорта у лесорубов забирают?": the facts that carry what is asked
        if s.role_play:
            self.honest.refuse_role(reply)
            # "you're a north korean official now": a weak cue ("now") asks for no figures.
            s.intents = [i for i in s.intents if i not in s.settled_intents]
        paired = wrong_pairings(s, c, reply)
        paired = wrong_period(s, c, reply) or paired
        paired = wrong_demander(s, c, reply, self.honest.vocabulary) or paired
        if c.several:
            paired = self.honest.years(s, reply) or paired
        else:
            paired = wrong_year(s, self.honest.vocabulary, reply) or paired
        quotas = c.quotas(s) if s.has_subject else c.quotas()
        asks_deadline = Attribute.DEADLINE in s.attributes  # (else no walk over all quotas)
        dated = [q for q in c.quotas(s) if q.deadline] if asks_deadline else []
        if dated:
            # "deadline to pay the loyalty fund": the figures a report gives one with.
            for index, claim in enumerate(dated[:MAX_SOURCE_CLAIMS]):
                reply.lines.extend([Html("")] * bool(index) + c.quota_block(claim, reply))
            reply.intents.append(Intent.QUOTA)
            return True
        if Attribute.ORDERER in s.attributes:
            # "who ordered it": the report says who demands the quota, not who signed.
            s.attributes.remove(Attribute.ORDERER)
            subject = c.country(SUBJECT_COUNTRY)
            ordered = _(
                "As the report tells it, {subject} ordered it: it demands the quota of its own "
                "workers abroad. The report names no official who signed or issued the order."
            )
            reply.lines.append(fmt(ordered, subject=subject))
            if s.places and any(q.change_date for q in quotas):
                c.answer_date(s, reply)  # "who ordered it in dalian": its dated directive
            for claim in quotas[:1]:
                reply.use(claim.id, claim.article_id)
            paired = True
        corrected = self.honest.corrections(s, quotas, reply) or paired
        handled = corrected or handled
        statements = lambda topic: [f.statement for f in c.facts_about(topic, s.places)]  # noqa: E731
        pay_named = pay_only_named(s, statements, self.honest.vocabulary.pay_words)
        skip = {Attribute.WAGES} if corrected or pay_named else set()
        if Attribute.OTHER_CURRENCY in s.attributes:
            s.intents = [i for i in s.intents if i not in (Intent.USD,)]
        silent = self.honest.silent(s, reply, skip)
        if silent:
            # The question was about what the report does not give: no figure answers it.
            keep = {Intent.VERIFIED, Intent.SOURCES} - set(s.settled_intents)
            keep |= {Intent.ARTICLE} if Intent.VERIFIED in set(s.intents) & keep else set()
            if quota_also_asked(s):  # "the dalian wage and the dalian quota"
                keep.add(Intent.QUOTA)
                reply.lines.append(Html(""))
            s.intents = [i for i in s.intents if i in keep]
            if Attribute.OTHER_CURRENCY in s.attributes and (s.has_subject or s.currencies):
                # "62,000 rubles in won", "in won?": no rate for won, but the report's own
                # dollar conversion of the quota asked is the nearest figure it gives.
                s.intents.append(Intent.USD)
            s.topics = []
            handled = True
        elif Attribute.ESTIMATE in s.attributes:
            handled = True
        if corrected:
            s.intents = [i for i in s.intents if i not in (Intent.QUOTA, Intent.BASIS)]
        elif elsewhere:
            pass  # no sum is made of other places' figures
        elif not silent and self.arithmetic.answer(s, quotas, c.quotas(), reply):
            # (After "the report does not say", no sum is made of what it does say.)
            return True
        # After "the report does not say", no figure is shown unless asked for.
        handled = (
            self._run(s, reply, default_quota=not (handled or elsewhere), search=not handled)
            or handled
        )
        handled = show_stances(stances, c, reply) or handled
        if unknown:
            c.answer_unknown(unknown, reply)
            reply.intents.append(Intent.NOT_COVERED)
            handled = True
        if converted and handled:
            answer_conversion(converted, c.quotas(), self.honest.vocabulary, reply)
        return handled

    def _run(
        self, s: Understanding, reply: Reply, *, default_quota: bool = True, search: bool = True
    ) -> bool:
        c = self.composer
        wanted = set(s.intents)
        topics = [t for t in s.topics if t not in ("quota", "doubling")]
        # Cues that only hint ("the article", "how much") yield to what is asked outright.
        hinted = set(s.settled_intents)
        asked_topics = [t for t in topics if t not in s.settled_topics]
        if asked_topics and not s.amount_hinted:
            # "what did they hope to do after a few years": the topic, not the quota; "what do
            # the supervisors demand of the women": a quota verb is no quota asked either.
            wanted -= hinted
            figures = c.several and c.reports.topic_quotas(s.text)
            if not (s.quota_named or s.figures or figures):
                wanted.discard(Intent.QUOTA)
        elif wanted - hinted or asked_topics:
            wanted -= hinted - {Intent.QUOTA, Intent.DATE}
        if wanted == {Intent.ARTICLE} <= hinted and s.has_subject and not topics:
            # "what does the report say about dalian": the report's facts on that place.
            wanted = set()
        if "doubling" in s.topics and not wanted and not topics:
            wanted.add(Intent.QUOTA)
        tied = s.strong_domain or s.sectors or asked_topics or s.people_pronoun  # else the place
        unmapped = unmapped_ask(s, wanted, self.honest.vocabulary.attribution_verbs)
        if default_quota and unmapped and (tied or s.asks_by_word):
            if not tied:
                return False  # "why is dalian called dalian": about the place itself
            # "what are the dalian plants called": no quota block; with a topic asked, the topic.
            if not asked_topics or s.asks_by_word:
                return not_mapped(s, c, self.honest, reply)
            wanted.discard(Intent.QUOTA)
        own = wanted <= {Intent.QUOTA} and not (
            topics or s.quota_named or s.figures or s.operations
        )
        facts = facts_by_own_words(s, c, self.honest.search) if own and search else []
        if facts and default_quota:
            return self.honest.facts(facts, reply)  # "what did the dubai guy say about …"
        if not wanted and not topics and s.has_subject and default_quota:
            wanted.add(Intent.QUOTA)
        # What is asked beats the noun it is asked about: "when/why did the quota double".
        asks_date = "when" in s.question_words or "date" in s.text.split() or asks_when(s)
        # "how do they justify it", "why was it doubled": the reasons, not the figures.
        if (Intent.DATE in wanted and asks_date) or "reason" in topics:
            wanted -= {Intent.QUOTA, Intent.BASIS, Intent.LIST}
        if Intent.VERIFIED in wanted and Intent.ARTICLE in wanted:
            wanted -= {Intent.VERIFIED, Intent.ARTICLE}
            wanted.add(Intent.TRUST_OUTLET)
        handled = False
        # "what does the sakhalin source say": the source in that place's country.
        countries = s.countries or (
            [q.country for q in c.quotas(s) if q.country] if s.places else []
        )
        # ("what is the evidence": not what a source said)
        asks_words = (asks_what(s) and not s.provenance & ORIGIN_ASKED) or s.source_words
        asks_words = asks_words or quote_asked(s.text, self.honest.vocabulary)
        if Intent.SOURCES in wanted and countries and asks_words:
            # "what did the chinese source say about the young women": that source's claims on
            # the topic when it has some, else everything it said.
            if self.composer.answer_source_on_topic(
                s, countries, topics, reply
            ) or self.honest.source_statements(_with(s, countries=countries), reply):
                wanted -= {Intent.SOURCES, Intent.QUOTA}
                if s.source_words:  # "原文", "원문": the source's own words, not the article's
                    wanted.discard(Intent.ARTICLE)
                topics = []
                handled = True
        elif (
            Intent.SOURCES in wanted
            and (not (s.provenance or s.suggested_outlets) or quoted_words(s))
            and self.honest.attribute_quote(s, reply)  # ("is it Kim Jong Un's own words?")
        ):
            wanted -= {Intent.SOURCES, Intent.QUOTA, *([Intent.DATE] if s.dates else [])}
            wanted -= {Intent.ARTICLE} if quoted_words(s) else set()
            topics = []  # the claim it found is the answer
            handled = True
        # "who broke the story vs who republished it": the outlets, not the quotas.
        outlets = Intent.SOURCES in wanted and Intent.QUOTA not in s.intents
        if outlets and not (s.has_subject or s.operations):
            wanted.discard(Intent.COMPARE)
        if s.places_asked and not (s.has_subject or s.quota_named or s.amount_hinted):
            # "which two countries does the report cover": the places, not their figures.
            if c.several:
                c.cite_all(reply)
            reply.lines.append(c.covered())
            wanted.discard(Intent.LIST)
            handled = True
        wanted, topics = settle_wanted(s, wanted, topics)
        # Topics reached only through a question word ("why ...") yield to claims that
        # match the question's own words.
        weak_topics_only = topics and all(t in s.settled_topics for t in topics)
        # "why was it doubled" asks the reasons; "why are they unhappy" asks what claims say.
        about_the_change = Intent.QUOTA in s.intents or "doubling" in s.topics or s.change_asked
        search_first = weak_topics_only and not wanted and not about_the_change
        if search_first and self.honest.statements(s.search_text, reply):
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
            shown = len(reply.lines)
            c.answer_topics(_with_topics(s, topics), reply)
            if len(reply.lines) == shown and default_quota and not handled and c.quotas(s):
                # "the loyalty fund": a topic only figures are filed under.
                c.answer_quota(s, reply)
            reply.intents.extend(f"topic:{t}" for t in topics)
            handled = len(reply.lines) > shown or handled
            closest_words(self.composer, self.honest, s, reply)
        if not handled and search:
            handled = self.honest.statements(s.search_text, reply)
        if not handled and search and (s.unmapped or s.report_words) and not s.has_subject:
            # "is the spouse charged too": the figures whose own words the question uses.
            for index, claim in enumerate(self._quota_words().naming(s.unmapped + s.report_words)):
                reply.lines.extend([Html("")] * bool(index) + c.quota_block(claim, reply))
                reply.intents.append(Intent.QUOTA)
                handled = True
        short = s.strong_domain and not s.foreign and len(s.text.split()) <= TERSE
        if not handled and search and default_quota and short:
            # "anything on the workers there": about the report, nothing in particular.
            c.answer_list(reply)
            reply.intents.append(Intent.LIST)
            handled = True
        return handled

    def _quota_words(self) -> QuotaWords:
        if self._figures_by_words is None:
            self._figures_by_words = QuotaWords(
                self.composer.quotas(), self.honest.vocabulary.people_nouns
            )
        return self._figures_by_words


def _with(u: Understanding, **changes: object) -> Understanding:
    return Understanding(**{**u.__dict__, **changes})


def _with_topics(u: Understanding, topics: list[str]) -> Understanding:
    return _with(u, topics=list(topics))
