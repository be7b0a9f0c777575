"""Understanding a question: what it asks about (places, countries, sectors, currencies,
topics) and what it asks (intents the claims answer, attributes they do not, arithmetic).

The cue words are data (bot/engine/vocabulary/<lang>.json); the words people use for
places, sectors, currencies and topics are aliases in the store, so editors can teach
new ones (any language) without a release. A question word ("who", "when", "why") or a
weak cue ("new", "how much") counts only when something else in the message is on topic.
"""

from __future__ import annotations

from functools import cached_property, partial

from bot.engine import world_currencies
from bot.engine.asks import keep_unmapped
from bot.engine.attribute_forms import attributes_in
from bot.engine.basis_units import BasisUnits
from bot.engine.content_words import ContentReader, asks_in
from bot.engine.converted_sums import carry_assumption, carry_conversion
from bot.engine.cue_record import record_cue
from bot.engine.figures import read_figures
from bot.engine.follow_ups import carry_follow_up, carry_supposition
from bot.engine.frames import read_frames
from bot.engine.gazetteer import ordinary_english
from bot.engine.headcount_asks import headcount_asked
from bot.engine.korean_runs import without_glosses
from bot.engine.language import Language
from bot.engine.language_tables import LanguageTables
from bot.engine.modifier_cues import attribute_cues, drop_inflected_profile, drop_modifiers
from bot.engine.neighbour_words import as_russian
from bot.engine.operand_parts import carry_operation
from bot.engine.other_kinds import settle_other_kinds
from bot.engine.other_people import settle_other_person
from bot.engine.part_links import settle_parts
from bot.engine.part_readings import (
    asserted_headcount,
    bare_figure_asks,
    people_named,
    teller_places,
)
from bot.engine.place_spellings import PlaceSpellings
from bot.engine.places import place_candidates
from bot.engine.plain_places import told_and_asked
from bot.engine.prefilter import any_of
from bot.engine.provenance import carry_sourcing, drop_if_credited
from bot.engine.relevance import foreign_words, listed_off_topic
from bot.engine.reports import answered_by, outlet_names
from bot.engine.role_play import carry_role_play
from bot.engine.scene_parts import carry_own_figures, carry_time
from bot.engine.sector_choice import sector_choice
from bot.engine.sector_words import name_phrases, stored_sector_cues
from bot.engine.segments import (
    number_marks,
    read_parts,
    split_parts,
    without_asides,
)
from bot.engine.source_aspects import (
    asks_who,
    carry_identity,
    first_look,
    settle_intents,
    without_suggested,
)
from bot.engine.story_clauses import split_stories
from bot.engine.telling import drop_context, without_forwarded
from bot.engine.text import (
    BoundedCorrector,
    Vocabulary,
    beside,
    flag_countries,
    has_cjk,
    normalize,
    normalize_question,
    spelled_out,
    with_corrections,
    words,
)
from bot.engine.topic_frames import apply_frames, asks_source_words, framed_topics
from bot.engine.translit import as_read
from bot.engine.typed_settling import settle_typed
from bot.engine.understanding import Understanding, add_once
from bot.engine.vocabulary import Attribute, Cue, Intent, Operation, load
from bot.engine.work_words import WorkWords, read_work_words
from bot.engine.written_chinese import written
from db.textfold import fold
from db.views import Snapshot

# Words that say nothing about the subject; used to spot an unknown place after "in".
STOPWORDS = frozenset(
    "a an the in at for from of on to and or is are was were be been do does did what whats "
    "what's how much many who whom which where when why this that these those it its they "
    "them their there here now then so about with by as me my i you your we our us any some "
    "than more less per each every can could would should will shall may might not no yes "
    "please tell know say said says just also quota quotas workers worker north korea korean "
    "koreans overseas abroad foreign labor labour laborers money".split()
)

# Unknown places named in one answer ("The report does not mention ..."): a long
# message of "in xyz" should not be echoed back whole.
MAX_UNKNOWN_PLACES = 5
MAX_SEGMENTS = 6
TERSE_WORDS = 3

_COUNTRY = ("country", "any_country")
_PREPOSITIONS = frozenset("in at for from of to about into across".split())


class Understander:
    """Built once per snapshot (at start-up and when the store changes), used per question."""

    def __init__(
        self,
        snapshot: Snapshot,
        country_names: dict[str, str] | None = None,
        claim_words: frozenset[str] = frozenset(),
        language: str = "en",
    ) -> None:
        self.vocabulary_data = load(language)
        # Rewritten in turn; one search for any of them first (most questions have none).
        self._idioms = (*self.vocabulary_data.learner_forms, *self.vocabulary_data.figure_idioms)
        self._any_idiom = any_of(idiom for idiom, _ in self._idioms)
        self._phrases: dict[str, list[tuple[str, str]]] = {}
        for term, cues in self.vocabulary_data.phrases.items():
            self._phrases.setdefault(term, []).extend((str(c), v) for c, v in cues)
        question_words = self.vocabulary_data.question_words
        for alias in snapshot.aliases:
            term = normalize(alias.term)
            # A question word is no subject: "why" alone is not about the reasons.
            kind = f"weak_{alias.kind}" if term in question_words else alias.kind
            self._phrases.setdefault(term, []).append((kind, alias.value))
        # Places, sectors and topics are their own names too.
        seen: dict[str, set[str]] = {"place": set(), "sector": set(), "topic": set()}
        self._aliases = snapshot.aliases  # kept for bot/engine/refresh.py's next snapshot
        self._last_claim_id = snapshot.claims[-1].id if snapshot.claims else 0
        self._content = ContentReader(snapshot.claims)  # the report's own words, per language
        self._claim_names: dict[str, list[tuple[str, str]]] = {}
        for claim in snapshot.claims:
            value: str | None
            for kind, value in (
                ("place", claim.place),
                ("sector", claim.sector),
                ("topic", claim.topic),
            ):
                if value is None or value in seen[kind] or (kind != "topic" and not value):
                    continue
                seen[kind].add(value)
                pair = (kind, value)  # one tuple for every name of it (20,000 places)
                for name in self._name_phrases(kind, value):
                    self._claim_names.setdefault(name, []).append(pair)
                    entries = self._phrases.setdefault(name, [])
                    if pair not in entries:
                        entries.append(pair)
        self._seen = seen
        self._read_sector_cues(snapshot)
        self._work = WorkWords(snapshot.claims)  # "plasterers": a figure's own basis words
        self._units = BasisUnits(snapshot.claims)  # "per shift": a figure's own unit
        self._spellings = self._place_spellings(seen["place"])
        self._add_spellings(self._spellings)
        self._topics = frozenset(seen["topic"])
        self._outlets = tuple(  # (with their initials: "rfa")
            dict.fromkeys(
                normalize(name)
                for article in snapshot.articles.values()
                for name in outlet_names(article)
            )
        )
        # Every country name the bot knows of, to say honestly "the report does not cover it".
        self._country_names = country_names or {}
        for name, code in self._country_names.items():
            self._phrases.setdefault(name, []).append(("any_country", code))
        self._currencies = world_currencies.add_store_currencies(self._phrases, snapshot.claims)
        currencies = world_currencies.add_phrases(self._phrases)  # "sgd": no place, no typo's
        self._longest_from: dict[str, int] = {}
        for phrase in self._phrases:
            first, *rest = phrase.split(" ")
            self._longest_from[first] = max(self._longest_from.get(first, 1), 1 + len(rest))
        self._cjk_terms = [p for p in self._phrases if has_cjk(p)]
        self.vocabulary = Vocabulary({p for p in self._phrases if " " not in p} - currencies)
        # Words that are not place names: ordinary English, and every word the claims use.
        self._not_places = self.vocabulary_data.not_place_words | claim_words | question_words
        domain = (p for p, cues in self.vocabulary_data.phrases.items() if (Cue.DOMAIN, "") in cues)
        self._strong_domain = frozenset(domain) - self.vocabulary_data.weak_domain_words
        self._topical = self.known_words | self._not_places | STOPWORDS
        self._attribute_cues = attribute_cues(self.vocabulary_data.phrases)
        # Words the vocabulary knows as words are no typos ("saying" is not "saving").
        data = self.vocabulary_data
        self._real_words = data.attribution_verbs | data.chat_words | STOPWORDS | set(data.synonyms)
        # Russian, Chinese and Korean: their tables join these on the first question in them.
        self._languages = LanguageTables(self)

    def _name_phrases(self, kind: str, value: str) -> list[str]:
        """A stored name as a question writes it (sector_words.name_phrases)."""
        return name_phrases(kind, value, self.vocabulary_data.people_nouns)

    def _read_sector_cues(self, snapshot: Snapshot) -> None:
        """ "restaurant", "painters": a cue for another kind of work that the claims use names
        their sector (bot/engine/sector_words.py)."""
        other = (str(Cue.ATTRIBUTE), Attribute.OTHER_SECTOR)
        for phrase, sectors in stored_sector_cues(snapshot.claims, *self.sector_cues).items():
            entries = [e for e in self._phrases[phrase] if e != other]
            self._phrases[phrase] = [*entries, *(("sector", s) for s in sectors)]

    def _place_spellings(self, places: set[str]) -> PlaceSpellings:
        """ "gdansk", "hai phong", "KL": a stored place's other spellings, as its phrase."""
        data = self.vocabulary_data

        def is_word(word: str) -> bool:
            return (
                word in STOPWORDS
                or word in self._phrases
                or word in data.not_place_words
                or ordinary_english(word)
            )

        return PlaceSpellings((normalize(p) for p in places if p), is_word)

    def _add_spellings(self, spellings: PlaceSpellings) -> None:
        """Each variant ("gdansk") a claim name of its own, meaning what the place's does."""
        for variant, name in spellings.variants.items():
            self._claim_names[variant] = list(self._claim_names.get(name, ()))
            entries = self._phrases.setdefault(variant, [])
            entries += [e for e in self._claim_names[variant] if e not in entries]

    def stored_places(self, name: str) -> list[str]:
        """The stored places an English name ("Ulaanbaatar", "Kuala Lumpur") is."""
        return [v for k, v in self._phrases.get(normalize(name), ()) if k == "place"]

    @cached_property
    def sector_cues(self) -> tuple[tuple[str, ...], frozenset[str]]:
        """The vocabulary's words for other kinds of work, and the generic people nouns."""
        other = (Cue.ATTRIBUTE, Attribute.OTHER_SECTOR)
        cues = tuple(p for p, entries in self.vocabulary_data.phrases.items() if other in entries)
        return cues, frozenset(self.vocabulary_data.people_nouns)

    def _known_topic(self, topic: str) -> bool:
        """A topic some fact is filed under, or another report's topics answer it."""
        return topic in self._topics or any(t in self._topics for t in answered_by(topic))

    @cached_property
    def known_words(self) -> frozenset[str]:
        return frozenset(w for p in self._phrases for w in p.split())

    def understand(self, question: str) -> Understanding:
        text, truncated = normalize_question(number_marks(without_forwarded(question)))
        text = self._spellings.respelled(text)  # "Hà Nội", "UB": a stored place as stored
        text, language = as_read(self, *written(spelled_out(text, self.vocabulary_data.text_speak)))
        if language is Language.RU:
            text = as_russian(text)  # "колькі ў Даляні", "бо́льшую": Russian as read
        if language is Language.KO:
            text = without_glosses(text)
        if self._any_idiom is None or self._any_idiom.search(text):
            for idiom, plain in self._idioms:
                text = idiom.sub(plain, text)  # "the 411 on dalian": no figure asserted
        result = Understanding(text=text, truncated=truncated, language=language)
        self._languages.prepare(result.language)
        corrector = BoundedCorrector(self.vocabulary)
        pieces = split_parts(without_asides(text))
        pieces = self._languages.split(pieces, result.language)
        # A long message is read whole; only its first few parts are answered apart.
        if len(pieces) > MAX_SEGMENTS:
            pieces = [*pieces[: MAX_SEGMENTS - 1], " ".join(pieces[MAX_SEGMENTS - 1 :])]
        pieces, stories = split_stories(pieces, result.language)  # "on my lunch break, how …"
        result.segments = self._read_pieces(pieces, result.language, corrector)
        if told_and_asked(result.segments):
            # "а у нас в Хабаровске тоже столько отдают?": where the asker is, the one place
            # the message names, in the part that asks, is the place asked about.
            result.segments = self._read_pieces(pieces, result.language, corrector, keep_told=True)
        result.segments = carry_role_play(result.segments)
        result.segments = carry_time(carry_own_figures(result.segments))
        result.segments = drop_context(result.segments, stories)
        result.segments = carry_follow_up(carry_conversion(carry_assumption(result.segments)))
        result.segments = carry_operation(carry_supposition(result.segments))
        for code in flag_countries(question):
            self._record(result.segments[0], "any_country", code)  # "🇷🇺 quota"
        # "сколько в 大连"; Chinese and Korean are segmented ("美元" is not "元").
        segmented = result.language in (Language.ZH, Language.KO)
        for term in () if segmented else self._cjk_terms:
            if term in text:
                for kind, value in self._phrases[term]:
                    self._record(result.segments[0], kind, value)
        settle_parts(result, self.vocabulary_data.chat_words, STOPWORDS, TERSE_WORDS)
        result.segments = bare_figure_asks(result.segments)
        asserted_headcount(result, self.vocabulary_data.headcount_supposing, TERSE_WORDS)
        # "who said it? a chinese man?", "where did it come from", "sources? who are they"
        return carry_identity(carry_sourcing(result))

    def _read_pieces(
        self,
        pieces: list[str],
        language: Language,
        corrector: BoundedCorrector,
        keep_told: bool = False,
    ) -> list[Understanding]:
        read = partial(self._read_piece, language=language, corrector=corrector, keep=keep_told)
        segments: list[Understanding] = []
        instructed = False
        for piece in pieces:
            for segment in read_parts(piece, language, read, instructed):
                instructed = instructed or segment.role_play  # a figure it is told to state
                segments.append(segment)
        return segments

    def _read_piece(
        self,
        piece: str,
        instructed: bool,
        *,
        language: Language,
        corrector: BoundedCorrector,
        keep: bool = False,
    ) -> Understanding:
        """One part of a message read: its subjects, its asks, its figures."""
        # "пруфы? ссылки на документы где?", "who days so", "link?", "is this from Yonhap?"
        sourcing = first_look(language, piece, self._outlets)
        piece = sourcing.text
        segment = Understanding(
            text=piece,
            language=language,
            provenance=sourcing.provenance,
            source_aspects=frozenset(str(a) for a in sourcing.aspects),
            suggested_outlets=sourcing.suggested,
        )
        segment.keep_told = keep
        analysed = self._languages.read(piece, segment)
        self._read_segment(analysed, segment, corrector)
        # Patterns read the words as meant: "how many nk wrokers" asks a head count.
        framed = with_corrections(piece, segment.corrected_words)
        frames = read_frames(framed, self.vocabulary_data, self._outlets)
        for attribute in frames.attributes:
            add_once(segment.attributes, attribute)
        if headcount_asked(framed, language):  # "сколько сварщиков", "几个焊工", "몇사람"
            add_once(segment.attributes, Attribute.WORKFORCE)
        for attribute in attributes_in(framed, language):  # "что они едят", "얼마 벌어요"
            add_once(segment.attributes, attribute)
        # "how long has the quota been in place": the quota's age, not the workers' stay.
        segment.attributes = self.vocabulary_data.without_overridden(segment.attributes)
        drop_modifiers(segment, self._attribute_cues)  # "fees for the contract guys"
        drop_inflected_profile(segment, self._attribute_cues, self._outlets)  # "these funds"
        sector_choice(segment, bool(segment.question_words) or "?" in piece)  # "building or fish"
        for topic in frames.topics:
            if self._known_topic(topic):
                add_once(segment.topics, topic)
                # "how much of their pay": a share of what they earn, not the quota.
                segment.intents = [i for i in segment.intents if i != Intent.QUOTA]
                segment.weak_intents = [i for i in segment.weak_intents if i != Intent.QUOTA]
                segment.attributes = [a for a in segment.attributes if a != Attribute.WAGES]
        segment.topics = segment.topics or list(segment.loose_topics)
        paired = framed_topics(language, piece, analysed)
        asked_frames = [f for f in paired if all(map(self._known_topic, f.topic.split("|")))]
        apply_frames(segment, asked_frames)
        segment.source_words = asks_source_words(language, piece, analysed)
        drop_if_credited(segment)  # "文章插图是从哪来的": the photo's credit line answers it
        told = asks_who(language, piece, analysed)  # "кто напечатал"
        settle_intents(segment, bool(told))  # "link?", "is it Yonhap's?", "HNGN надёжное?"
        segment.pair_asked = segment.pair_asked or frames.pair_asked  # or "两个地方"
        segment.asks_by_word &= not frames.term_asked  # "called": the term is known
        segment.places_asked = frames.places_asked
        segment.credit_asked = frames.credit_asked
        segment.intents = frames.settle(segment.intents)
        for operation in frames.operations:
            add_once(segment.operations, operation)
        # "女工占多少比例", "какая доля женщин": a share of the workers is a head count the
        # report does not give, not one place's quota as a percentage of the other's.
        shares = {Operation.PERCENTAGE, Operation.SHARE, Operation.RATIO}
        if "women" in segment.topics and shares & set(segment.operations):
            segment.operations = [op for op in segment.operations if op not in shares]
            add_once(segment.attributes, Attribute.WORKFORCE)
        segment.change_asked = segment.change_asked or frames.change_asked
        segment.other_asked = frames.other_asked
        if frames.because and (segment.change_asked or segment.change_factor):
            add_once(segment.topics, "reason")  # a reason asserted: the report's is the answer
        people = people_named(frames.people_words, segment, self._phrases, STOPWORDS)
        people |= read_work_words(segment, words(piece), self._phrases, self._work)
        self._units.read(segment)
        chat = self.vocabulary_data.chat_words
        known = (STOPWORDS, self.known_words, self._not_places, chat, people)
        room, passed = MAX_UNKNOWN_PLACES - len(segment.unknown_places), set[str]()
        domain = self.vocabulary_data.weak_domain_words
        found = place_candidates(piece, known, corrector, self._phrases, passed, domain)
        for name in world_currencies.qualified_currencies(piece, self._topical):  # "aussie dollars"
            self._record(segment, Cue.ATTRIBUTE, Attribute.OTHER_CURRENCY, name)
            found = [n for n in found if n not in name.split()]
        for name in found[:room]:
            add_once(segment.unknown_places, name)
        tellers = teller_places(piece, self.vocabulary_data)
        segment.unknown_places = [n for n in segment.unknown_places if n not in tellers]
        segment.regions = [r for r in segment.regions if fold(r) not in tellers]
        placed = {w for name in segment.unknown_places for w in name.split()}
        segment.unmapped = [w for w in segment.unmapped if w not in placed]
        # A typo of a word that means something is no word of another subject ("insurance"
        # read as the plain word "instance" still is one).
        skip = {
            typed
            for typed, known in segment.corrected_words.items()
            if any(kind != Cue.PLAIN for kind, _ in self._phrases.get(known, ()))
        }
        skip.update(w for name in segment.unknown_places for w in name.split())
        skip |= passed | told  # "in the worksheet", "who reckons": unknown words, no subject
        skip |= people  # "the grunts": the workers
        skip.update(w for name in tellers for w in name.split())  # "my cousin in korsakov"
        tokens = words(piece)
        groups = self.vocabulary_data.group_words
        if Intent.BASIS in segment.intents or any(f"{w} of " in piece for w in groups):
            tokens = [w for w in tokens if w not in groups]  # "per team": workers, not sport
        segment.foreign = foreign_words(tokens, self._topical, self.vocabulary_data, skip)
        segment.state_named = bool(self.vocabulary_data.government_words & set(tokens))
        self._content.read(segment, piece, tokens, analysed, self.known_words, skip)
        segment.other_subject = listed_off_topic(segment.foreign, self.vocabulary_data)
        # A question word inside a cue ("who wrote", "how do i") asks a question too.
        asking = segment.question_words or self.vocabulary_data.question_words & set(words(piece))
        if not (asking or segment.people_pronoun or asks_in(piece, language)):  # "什么时候结束"
            # "sahalin kvota skolko": unknown words that ask nothing are no other subject.
            off = self.vocabulary_data.off_topic_words
            segment.foreign = [w for w in segment.foreign if w in off]
        if segment.listed_foreign:  # "погода", "天气", "날씨" (vocabulary/<lang>.json)
            segment.foreign.extend(segment.listed_foreign)
            segment.other_subject = True
        settle_other_person(segment)  # "how old is kim jong un": his age, not the workers'
        settle_other_kinds(segment, self.vocabulary_data)  # "chinese new year", "visa quota"
        without_suggested(segment)  # "KBS", "통일부": an outlet suggested, no other subject
        typed = read_figures(self._languages.figures(piece, language), self.vocabulary_data)
        settle_typed(piece, segment, typed, instructed, self.vocabulary_data)
        return segment

    def _read_segment(
        self, segment: str, result: Understanding, corrector: BoundedCorrector
    ) -> None:
        tokens = words(segment)
        index = 0
        while index < len(tokens):
            matched = False
            longest = self._longest_from.get(tokens[index], 1)
            for size in range(min(longest, len(tokens) - index), 0, -1):
                phrase = " ".join(tokens[index : index + size])
                entries = self._phrases.get(phrase)
                guessed = False
                if entries is None and size == 1 and phrase not in self._real_words:
                    # A dictionary word is no typo of a word that means something, only an
                    # inflected form ("paying" is "pay"; "giving" is not "living").
                    corrected = corrector.base(phrase) or corrector.correct(phrase)
                    if ordinary_english(phrase) and corrected != corrector.base(phrase):
                        kinds = {k for k, _ in self._phrases.get(corrected or "", ())}
                        corrected = None if kinds - {Cue.PLAIN, Cue.DOMAIN} else corrected
                    if corrected is not None and corrected != phrase:
                        result.corrected_words[phrase] = corrected
                        entries = self._phrases.get(corrected)
                        guessed = True
                # A country by a name that is also a word ("chad"), or an uncovered one only
                # guessed from a typo ("chale" is slang, one letter from "chile"): a country
                # only after a preposition ("in chad", "from chle"). A typo of a covered
                # country ("rusia quota") is read as it is wherever it stands.
                name_like = phrase in self.vocabulary_data.name_like_places
                if entries and (guessed or name_like):
                    before = tokens[index - 1] if index else ""
                    dropped = _COUNTRY if name_like else ("any_country",)
                    if before not in _PREPOSITIONS:
                        entries = [e for e in entries if e[0] not in dropped] or None
                if entries:
                    for kind, value in entries:
                        if guessed and kind == Cue.ATTRIBUTE:
                            # "iphone" is one letter from "phone": a guessed word asks
                            # about workers only in a message that is about them.
                            add_once(result.weak_attributes, Attribute(value))
                            continue
                        if guessed and kind in (Cue.TOPIC, "topic"):
                            # "harry" is one letter from "marry": the same.
                            for topic in value.split("|"):
                                if self._known_topic(topic):
                                    add_once(result.weak_topics, topic)
                            continue
                        self._record(result, kind, value, phrase)
                        near = beside(tokens, index, size)  # "правительство россии" too
                        if kind in _COUNTRY and near & self.vocabulary_data.government_words:
                            add_once(result.governments, value)  # "the russian gov"
                    index += size
                    matched = True
                    break
            if not matched:
                if result.language is Language.EN:
                    data, places = self.vocabulary_data, self._not_places
                    keep_unmapped(tokens[index], result, data, self._outlets, STOPWORDS, places)
                index += 1

    def _record(self, result: Understanding, kind: str, value: str, phrase: str = "") -> None:
        data, phrases, domain = self.vocabulary_data, self._phrases, self._strong_domain
        record_cue(
            result,
            kind,
            value,
            phrase,
            data,
            phrases,
            domain,
            self.stored_places,
            self._known_topic,
        )
