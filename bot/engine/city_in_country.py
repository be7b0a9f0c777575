"""A city no report covers, named in a country a report does cover: "bata, that's also
equatorial guinea", "erdenet in mongolia", "osh kyrgyzstan — same as bishkek?". The country
only says where the city is: the figures asked for are the city's, which no report gives, so
the covered city's figures are never shown as its own. The answer says the reports do not
mention the city and which places they do cover in its country, without their figures.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from bot.engine.claims import ComposerBase
from bot.engine.gazetteer import known_place, plain
from bot.engine.local_names import series
from bot.engine.reply import Reply
from bot.engine.understanding import Understanding
from bot.engine.wording import _
from bot.markup import fmt
from db.textfold import fold


def cities_of_covered_countries(
    s: Understanding, c: ComposerBase, regions: Mapping[str, Sequence[str]]
) -> list[str]:
    """The covered countries a part names only to place a city no report covers (the
    gazetteer knows the city, or it is a listed region holding no covered place:
    "vladivostok, russia"; every covered place it names is in those countries): their
    codes, which the part then no longer asks about; else []."""
    if not ((s.unknown_places or s.regions) and s.countries):
        return []
    if not all(known_place(plain(fold(name))) for name in s.unknown_places):
        return []
    quotas = c.quotas()  # (a walk over the figures only when such a city is named)
    of_place = {q.place: q.country for q in quotas if q.place}
    if any(p in of_place for region in s.regions for p in regions.get(region, ())):
        return []  # "the russian far east, russia": Sakhalin is there
    countries = set(s.countries)
    if any(of_place.get(place) not in countries for place in s.places):
        return []  # "bata or sakhalin?": a covered place elsewhere is asked too
    return list(s.countries)


def covered_in_country(codes: list[str], c: ComposerBase, reply: Reply) -> None:
    """ "In Equatorial Guinea, the reports cover only Malabo." (no figure of it)."""
    for code in codes:
        places = list(dict.fromkeys(q.place for q in c.quotas() if q.country == code and q.place))
        if not places:
            continue
        reply.lines.append(
            fmt(
                _(
                    "In {country}, the reports cover only {places}; their figures there are "
                    "not for any other place."
                )
                if c.several
                else _(
                    "In {country}, the report covers only {places}; its figures there are not "
                    "for any other place."
                ),
                country=c.country(code),
                places=series([c.place(p) for p in places]),
            )
        )
