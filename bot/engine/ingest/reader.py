"""Reading a pasted report: the article's fields and every money figure, as drafts.

Plain Python over the text (no Telegram, no database). What the store already knows
(place names and their aliases, each place's country) comes in as plain mappings.
Nothing here is stored: the editor accepts, edits or skips each draft.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from bot.engine.ingest.amounts import Amount, amounts, number
from bot.engine.ingest.drafts import ArticleDraft, FigureDraft, Proposal, SourceDraft
from bot.engine.ingest.lexicon import Lexicon, lexicon, paragraphs, sentences

URL = re.compile(r"https?://[^\s<>\"]+")
QUOTED = re.compile(r"[\"“](?P<quote>[^\"“”]{8,}?)[,.!?]?[\"”]")
# "in Sakhalin", "in Dalian, China": a capitalised name after "in".
IN_PLACE = re.compile(
    r"\b[Ii]n (?P<place>[A-Z][a-z]+(?: [A-Z][a-z]+)?)(?:, (?P<country>[A-Z][a-z]+))?"
)
HEADER_LINES = 5
WORD = re.compile(r"\w+(?:[-'’]\w+)*")


@dataclass
class Sentence:
    text: str
    paragraph: int
    index: int  # in the whole text
    money: list[Amount] = field(default_factory=list)


@dataclass(frozen=True)
class KnownPlaces:
    """What the store knows: alias or name (any case) -> place, and place -> country."""

    names: Mapping[str, str] = field(default_factory=dict)
    countries: Mapping[str, str] = field(default_factory=dict)


class Reader:
    def __init__(self, text: str, known: KnownPlaces) -> None:
        self.text = text
        self.known = known
        self.lex: Lexicon = lexicon()
        self.sentences: list[Sentence] = []
        for paragraph, block in enumerate(paragraphs(text)):
            for piece in sentences(block):
                self.sentences.append(
                    Sentence(piece, paragraph, len(self.sentences), amounts(piece))
                )
        # Every name and alias the store knows, as words (at most four words long).
        self._known_names = {
            " ".join(WORD.findall(term.casefold())): place for term, place in known.names.items()
        }
        self._known_names.pop("", None)
        self._longest = min(4, max((len(t.split(" ")) for t in self._known_names), default=0))
        self.sources: list[SourceDraft] = []
        self._last_paragraph = -2
        self._source_at: dict[int, SourceDraft] = {}
        self._find_sources()

    # ----- places

    def countries_in(self, text: str) -> list[str]:
        found = [self.lex.countries[m.group(1)] for m in self.lex.country_names.finditer(text)]
        return [code for code in found if code not in self.lex.home_countries]

    def places_in(self, text: str) -> list[tuple[str, str | None]]:
        """Specific places (not countries) in order, each with a country if the text says."""
        found: list[tuple[int, str, str | None]] = []
        if self._known_names:
            # Word n-grams looked up in the store's names: linear in the text, whatever
            # the number of names.
            words = list(WORD.finditer(text.casefold()))
            for index, word in enumerate(words):
                for length in range(min(self._longest, len(words) - index), 0, -1):
                    last = words[index + length - 1]
                    gram = " ".join(w.group(0) for w in words[index : index + length])
                    place = self._known_names.get(gram)
                    if place is not None and text[word.start() : last.end()].count("\n") == 0:
                        found.append((word.start(), place, None))
                        break
        for match in IN_PLACE.finditer(text):
            name = match.group("place")
            if (
                name in self.lex.countries
                or name in self.lex.months
                or name in self.lex.not_places
                or name.split(" ")[0] in self.lex.months
            ):
                continue
            country = match.group("country")
            code = self.lex.countries.get(country) if country else None
            found.append((match.start("place"), name, code))
        found.sort(key=lambda item: item[0])
        places: list[tuple[str, str | None]] = []
        for _, place, code in found:
            if all(place.casefold() != p.casefold() for p, _ in places):
                places.append((place, code))
            elif code is not None:
                places = [(p, code if p.casefold() == place.casefold() else c) for p, c in places]
        return places

    # ----- sources

    def _find_sources(self) -> None:
        for sentence in self.sentences:
            match = self.lex.source.search(sentence.text)
            if match is None:
                reference = self._back_reference(sentence.text)
                if reference is not None:
                    self._source_at[sentence.index] = reference
                continue
            name = match.group("name")
            name = name[:1].lower() + name[1:]
            told_to = match.group("to")
            if told_to is not None and told_to.split(" ")[0] in ("That", "The", "On"):
                told_to = None
            country_word = match.group("country")
            if country_word in self.lex.countries:
                name = f"{name}, {country_word}"  # "… in Dandong, China"
            codes = self.countries_in(name)
            if not codes:
                codes = [
                    self.known.countries[p] for p, _ in self.places_in(name)
                    if p in self.known.countries
                ]  # fmt: skip
            source = next((s for s in self.sources if s.name.casefold() == name.casefold()), None)
            if source is None:
                source = SourceDraft(name, "anonymous", told_to, codes[0] if codes else None)
                self.sources.append(source)
            self._source_at[sentence.index] = source

    def _back_reference(self, text: str) -> SourceDraft | None:
        """ "the official said", "the Russian source", "the source in China": an earlier one."""
        for match in self.lex.back_reference.finditer(text):
            head = match.group("head")
            wanted = self.lex.demonyms.get(match.group("adjective") or "")
            where = match.group("where")
            if where:
                wanted = self.lex.countries.get(where, wanted)
            for source in reversed(self.sources):
                if re.search(rf"\b{re.escape(head)}\b", source.name) and (
                    wanted is None or source.country == wanted
                ):
                    return source
        return None

    # ----- the article

    def article(self) -> ArticleDraft:
        draft = ArticleDraft()
        lines = [line.strip() for line in self.text.splitlines() if line.strip()]

        def put(key: str, value: str | None, origin: str = "text") -> None:
            if value:
                draft.fields[key] = value
                draft.origin[key] = origin

        put("title", lines[0][:300] if lines else None)
        caveat = next((s for s in self.sentences if self.lex.caveat.search(s.text)), None)
        outlet: str | None = None
        if caveat is not None:
            sentence = re.sub(r"^(?:However|But|Still|Yet),\s*", "", caveat.text)
            sentence = sentence[:1].upper() + sentence[1:]
            put("caveat", sentence)
            subject = self.lex.caveat.split(sentence, maxsplit=1)[0].strip()
            if 0 < len(subject) <= 60 and subject[:1].isupper():
                outlet = subject
        if outlet is None:
            for line in lines[1:HEADER_LINES]:
                if URL.search(line) or line.endswith((".", "?", "!")) or len(line) > 150:
                    continue
                head = line.split(",")[0].strip()
                if head and head[:1].isupper() and len(head) <= 60:
                    outlet = head
                    draft.origin["outlet"] = "guess"
                    break
        short = self._short(outlet)
        if outlet is not None:
            # "Radio Free Asia (RFA)": the name; the short form is for the caveat.
            draft.fields["outlet"] = re.sub(r"\s*\([A-Z]{2,}\)$", "", outlet)
            draft.origin.setdefault("outlet", "text")
        url = URL.search(self.text)
        put("url", url.group(0).rstrip(".,;)]") if url else None)
        header = "\n".join(lines[1:HEADER_LINES])
        # The first date under the title is the report's (a reprint's date comes later).
        date = self.lex.full_date.search(header)
        reprint = re.search(r"reprinted (?:with permission )?by (?P<by>[A-Z][\w ]+?) on", header)
        if date is not None:
            put("date", self._iso(date))
            if reprint is not None and reprint.start() < date.start():
                draft.notes.append(f"the date is the reprint's ({reprint.group('by')})")
        if reprint is not None:
            draft.notes.append(f"reprinted by {reprint.group('by')}")
        put("relies_on", self._relies_on(outlet))
        if "caveat" not in draft.fields and self._anonymous():
            put(
                "caveat",
                f"The claims come from anonymous sources {short or 'the report'} quotes; "
                "we have not independently verified them.",
                "proposed",
            )
        return draft

    def _iso(self, match: re.Match[str]) -> str:
        """YYYY-MM-DD, or YYYY-MM when the text gives only the month."""
        if match.group("iso"):
            return match.group("iso")
        if match.group("month3"):
            return f"{int(match.group('year3')):04d}-{self.lex.months[match.group('month3')]:02d}"
        month = self.lex.months[match.group("month") or match.group("month2")]
        day = int(match.group("day") or match.group("day2"))
        year = int(match.group("year") or match.group("year2"))
        return f"{year:04d}-{month:02d}-{day:02d}"

    @staticmethod
    def _short(outlet: str | None) -> str | None:
        if outlet is None:
            return None
        acronym = re.search(r"\(([A-Z]{2,})\)", outlet)
        return acronym.group(1) if acronym else outlet

    def _relies_on(self, outlet: str | None) -> str | None:
        """Whom the sources told, when that is not the outlet itself ("told Daily NK")."""
        names = {outlet, self._short(outlet)} - {None}
        for source in self.sources:
            if source.told_to and source.told_to not in names:
                return source.told_to
        return None

    def _anonymous(self) -> bool:
        return bool(self.sources) or any(self.lex.anonymous.search(s.text) for s in self.sentences)

    # ----- the figures

    def figures(self) -> list[FigureDraft]:
        drafts: list[FigureDraft] = []
        keys: dict[tuple[str, str, str, str], FigureDraft] = {}
        for sentence in self.sentences:
            if sentence.index == 0:
                continue  # the title
            for position, mention in enumerate(sentence.money):
                draft = self._figure(sentence, position, mention, drafts)
                # The same amount again in the same country (often in a quote) is the
                # same figure; the first mention, with its place, leads.
                key = (
                    draft.fields["amount"],
                    draft.fields["currency"],
                    draft.fields.get("country", ""),
                    draft.fields.get("basis", ""),
                )
                earlier = keys.get(key)
                if earlier is not None:
                    self._merge(earlier, draft, sentence)
                    continue
                keys[key] = draft
                drafts.append(draft)
                family = draft.extra.pop("family", None)
                if family is not None:
                    drafts.append(self._family(draft, family))
        return drafts

    @staticmethod
    def _family(draft: FigureDraft, words: str) -> FigureDraft:
        """The same figure again for each spouse (or other family member)."""
        fields = {**draft.fields, "basis": "family_member", "basis_text": words}
        origin = {**draft.origin, "basis": "text", "basis_text": "text"}
        return FigureDraft(fields, draft.source, dict(draft.extra), origin)

    def _merge(self, earlier: FigureDraft, again: FigureDraft, sentence: Sentence) -> None:
        """The same figure again (often in a quote): its quote and source, if new."""
        quote = self._quote_with(sentence, again.fields["amount"])
        if quote and "quote" not in earlier.fields:
            earlier.fields["quote"] = quote
            earlier.origin["quote"] = "text"
            if earlier.source.kind == "narration" and again.source.kind != "narration":
                earlier.source = again.source
        for key, value in again.fields.items():
            earlier.fields.setdefault(key, value)

    def _quote_with(self, sentence: Sentence, amount: str) -> str | None:
        for match in QUOTED.finditer(sentence.text):
            if amount in match.group("quote"):
                quote = match.group("quote").strip()
                return quote if quote.endswith((".", "!", "?")) else quote + "."
        return None

    def _figure(
        self, sentence: Sentence, position: int, mention: Amount, drafts: list[FigureDraft]
    ) -> FigureDraft:
        draft = FigureDraft()
        fields, origin = draft.fields, draft.origin
        text = sentence.text
        start = sentence.money[position - 1].span[1] if position else 0
        end = (
            sentence.money[position + 1].span[0]
            if position + 1 < len(sentence.money)
            else len(text)
        )
        clause = text[start:end]
        context = self._context(sentence)
        # The figure just before, if it is in this paragraph or the one before: what this
        # sentence does not say (sector, period) is guessed from it.
        previous = drafts[-1] if drafts and self._last_paragraph >= sentence.paragraph - 1 else None
        self._last_paragraph = sentence.paragraph
        fields["amount"] = number(mention.amount)
        fields["currency"] = mention.currency
        for key, value in (("amount_high", mention.amount_high), ("usd", mention.usd),
                           ("usd_high", mention.usd_high), ("amount_to", mention.amount_to),
                           ("usd_to", mention.usd_to)):  # fmt: skip
            if value is not None:
                fields[key] = number(value)
        if mention.usd is not None:
            fields["approx"] = "yes" if mention.usd_approx else "no"
        self._place(draft, context, drafts)
        texts = [clause, text, *(s.text for s in reversed(context[:-1]))]
        sector = self._first(texts, lambda t: self.lex.sectors.search(t))
        if sector is not None:
            fields["sector"] = sector.group(1)
        elif previous is not None and previous.fields.get("sector"):
            # "A married worker therefore owes …": the report goes on about the same people.
            fields["sector"], origin["sector"] = previous.fields["sector"], "guess"
        period = self._cue(self.lex.periods, texts)
        if period is None and previous is not None and previous.fields.get("period"):
            fields["period"], origin["period"] = previous.fields["period"], "guess"
        elif period is not None:
            fields["period"] = period[0]
        # "… and the same amount again for each spouse" is a figure of its own (figures()).
        also = self.lex.also_family.search(clause)
        if also is not None:
            draft.extra["family"] = also.group(0)
        own = self.lex.also_family.sub(" ", clause)
        basis = self._cue(self.lex.bases, [own, self.lex.also_family.sub(" ", text)])
        if basis is not None:
            fields["basis"], fields["basis_text"] = basis[0], basis[1]
        change = self._cue(self.lex.changes, [" ".join(texts[1:])])
        if change is not None:
            fields["change"] = change[0]
        day = self._first(texts[1:], lambda t: self.lex.month_day.search(t))
        if day is not None:
            fields["date"] = f"{day.group('month')} {day.group('day')}"
        deadline = self._first(
            [text, *(s.text for s in self.sentences if s.paragraph == sentence.paragraph)]
            + [s.text for s in self.sentences if s.index > sentence.index],
            lambda t: self.lex.deadline.search(t),
        )
        if deadline is not None:
            fields["deadline"] = deadline.group(0)
        draft.source = self._source_at.get(sentence.index, SourceDraft.narration())
        fields["text"] = " ".join(s.text for s in context)
        quote = self._quote_with(sentence, fields["amount"])
        if quote is not None:
            fields["quote"] = quote
        for key in fields:
            origin.setdefault(key, "text")
        return draft

    def _context(self, sentence: Sentence) -> list[Sentence]:
        """The figure's sentence, after the nearest earlier one of its paragraph that names
        a place when it names none itself (at most two back)."""
        if self.places_in(sentence.text) or self.countries_in(sentence.text):
            return [sentence]
        earlier = [
            s for s in self.sentences[max(0, sentence.index - 2) : sentence.index]
            if s.paragraph == sentence.paragraph
        ]  # fmt: skip
        for back in range(len(earlier) - 1, -1, -1):
            candidate = earlier[back]
            if self.places_in(candidate.text) or self.countries_in(candidate.text):
                return [*earlier[back:], sentence]
        return [sentence]

    def _place(
        self, draft: FigureDraft, context: list[Sentence], drafts: list[FigureDraft]
    ) -> None:
        fields, origin = draft.fields, draft.origin
        joined = " ".join(s.text for s in context)
        places = self.places_in(joined)
        countries = self.countries_in(joined)
        if places:
            place, code = places[0]
            fields["place"] = place
            code = code or (countries[0] if countries else self.known.countries.get(place))
            if code:
                fields["country"] = code
        elif countries:
            code = countries[0]
            fields["country"] = code
            fields["place"] = next(n for n, c in self.lex.countries.items() if c == code)
            origin["place"] = "guess"
        elif drafts:
            for key in ("place", "country"):
                if key in drafts[-1].fields:
                    fields[key], origin[key] = drafts[-1].fields[key], "guess"

    @staticmethod
    def _first(
        texts: list[str], search: Callable[[str], re.Match[str] | None]
    ) -> re.Match[str] | None:
        for text in texts:
            found = search(text)
            if found is not None:
                return found
        return None

    @staticmethod
    def _cue(
        cues: tuple[tuple[str, re.Pattern[str]], ...], texts: list[str]
    ) -> tuple[str, str] | None:
        """The first text with any cue decides; in it, the earliest-listed cue wins:
        (its name, the words that matched)."""
        for text in texts:
            for name, pattern in cues:
                found = pattern.search(text)
                if found is not None:
                    return name, found.group(0)
        return None


TITLE_TERM = re.compile(r"['‘\"“](?P<term>[A-Za-z][A-Za-z -]{2,40})['’\"”]")
# "by the end of the month" / "… of the year": the month or year the report is dated.
DEADLINE_SPAN = {"month": 7, "year": 4}
END_OF = re.compile(r"\bthe end of (?:the|this) (?P<span>month|year)\b")


def _settle(article: ArticleDraft, figures: list[FigureDraft]) -> None:
    """What the figures take from the article, marked as guesses: the topic a quoted term
    of the title names ("Pay Into 'Loyalty Fund'"), and a deadline's date from the
    report's own date ("by the end of the month" in a report dated October 2020)."""
    term = TITLE_TERM.search(article.fields.get("title", ""))
    date = article.fields.get("date", "")
    for draft in figures:
        if term is not None:
            draft.fields["topic"] = term.group("term").strip().lower()
            draft.origin["topic"] = "guess"
        end = END_OF.search(draft.fields.get("deadline", ""))
        if end is not None and len(date) >= DEADLINE_SPAN[end.group("span")]:
            draft.fields["deadline_on"] = date[: DEADLINE_SPAN[end.group("span")]]
            draft.origin["deadline_on"] = "guess"


def read_report(text: str, known: KnownPlaces | None = None) -> Proposal:
    """The article and the figures a pasted report gives, as drafts for the editor."""
    reader = Reader(text, known or KnownPlaces())
    article = reader.article()
    figures = reader.figures()
    _settle(article, figures)
    return Proposal(article, figures, list(reader.sources))
