"""Typo correction with the bigram index gives exactly what a scan of every word gives."""

from __future__ import annotations

import random
import string

from bot.engine.text import Vocabulary, edit_distance_within, typo_budget


def scan(vocabulary: Vocabulary, word: str) -> str | None:
    """The plain algorithm: every known word of a near length, in order."""
    if word in vocabulary:
        return word
    budget = typo_budget(word)
    if budget == 0 or not word.isalpha():
        return None
    by_length = vocabulary._by_length
    for distance in range(1, budget + 1):
        lengths = range(len(word) - distance, len(word) + distance + 1)
        # Words that keep the first letter first; one-edit typos may change it after all.
        passes = [True, False] if distance == 1 else [True]
        for same_first in passes:
            for length in lengths:
                for candidate in by_length.get(length, ()):
                    if same_first and candidate[0] != word[0]:
                        continue
                    if edit_distance_within(word, candidate, distance):
                        return candidate
    return None


def typo(rng: random.Random, word: str) -> str:
    letters = list(word)
    for _ in range(rng.choice((1, 1, 2, 3))):
        i = rng.randrange(len(letters))
        op = rng.choice(("delete", "insert", "replace", "swap"))
        if op == "delete" and len(letters) > 1:
            del letters[i]
        elif op == "insert":
            letters.insert(i, rng.choice("abcdeoprstuyz"))
        elif op == "replace":
            letters[i] = rng.choice("abcdeoprstuyz")
        elif i + 1 < len(letters):
            letters[i], letters[i + 1] = letters[i + 1], letters[i]
    return "".join(letters)


def test_index_matches_the_scan() -> None:
    rng = random.Random(6)
    syllables = ("ka", "ro", "vi", "nsk", "mar", "to", "le", "gor", "du", "zan", "ä", "ß")
    known = {"".join(rng.choice(syllables) for _ in range(rng.randint(1, 6))) for _ in range(1000)}
    known |= {"sakhalin", "dalian", "quota", "rubles", "yuan", "loyalty", "money", "who"}
    vocabulary = Vocabulary(known)
    words = sorted(known)
    asked = [typo(rng, rng.choice(words)) for _ in range(600)]
    asked += ["".join(rng.choice(string.ascii_lowercase) for _ in range(9)) for _ in range(200)]
    asked += ["sakhlin", "daliam", "qouta", "rubels", "loyalyt", "x", "", "12345", "ёлка"]
    for word in asked:
        assert vocabulary.correct(word) == scan(vocabulary, word), word


def test_the_correction_does_not_depend_on_the_hash_seed() -> None:
    """The same typo gets the same word in every process (known words are kept sorted),
    and a word that keeps the typed first letter wins a tie."""
    import subprocess
    import sys

    probe = (
        "from bot.engine.text import Vocabulary;"
        "v = Vocabulary({'feels', 'meals', 'melts', 'phone', 'salary', 'gels'});"
        "print(v.correct('meels'), v.correct('iphone'), v.correct('salry'))"
    )
    seen = {
        subprocess.run(
            [sys.executable, "-c", probe],
            env={"PYTHONHASHSEED": str(seed), "PATH": ""},
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        for seed in range(6)
    }
    assert seen == {"meals phone salary"}


def test_close_names_find_what_a_full_difflib_scan_finds() -> None:
    """On real, varied names (every country's), the index ranks the way a scan of
    every name does; it only skips names too far from the word to be a slip."""
    import difflib
    import random

    from bot.engine import country_names
    from bot.engine.text import CloseNames, normalize

    names = sorted(set(country_names().values()))
    index = CloseNames(names)
    keys = {normalize(name): name for name in names}
    rng = random.Random(3)
    checked = 0
    for name in rng.sample(names, 120):
        word = list(normalize(name))
        position = rng.randrange(len(word))
        word[position] = "x" if word[position] != "x" else "q"  # one slip
        typed = "".join(word)
        scan = [keys[k] for k in difflib.get_close_matches(typed, list(keys), 3, 0.72)]
        found = index.close_to(typed)
        assert set(found) <= set(scan), typed
        if scan:
            assert found, typed
            best = difflib.SequenceMatcher(None, normalize(found[0]), typed).ratio()
            top = difflib.SequenceMatcher(None, normalize(scan[0]), typed).ratio()
            assert best == top, typed
            checked += 1
    assert checked > 100


def test_close_names_exclude_and_limit() -> None:
    from bot.engine.text import CloseNames

    index = CloseNames(["Sakhalin", "Sakhalinsk", "Dalian", "Vladivostok"])
    assert index.close_to("shakalin") == ["Sakhalin", "Sakhalinsk"]
    assert index.close_to("shakalin", exclude={"Sakhalin"}) == ["Sakhalinsk"]
    assert index.close_to("shakalin", n=1) == ["Sakhalin"]
    assert index.close_to("zzzz") == []
    assert index.close_to("") == []


def test_the_vocabulary_file_names_only_known_intents_attributes_and_operations() -> None:
    import json

    from bot.engine.vocabulary import FOLDER, Attribute, Intent, Operation, load

    data = json.loads((FOLDER / "en.json").read_text(encoding="utf-8"))
    assert {Intent(name) for name in data["intents"]} <= set(Intent)
    # Every attribute the engine knows has its cues and its "does not say" sentence.
    assert {Attribute(name) for name in data["attributes"]} == set(Attribute)
    assert {Operation(name) for name in data["operations"]} == set(Operation)
    vocabulary = load("en")
    for attribute, info in vocabulary.attributes.items():
        assert data["attributes"][attribute]["cues"], attribute
        assert info.says or attribute == Attribute.ESTIMATE, attribute
    # Question words are cues of their own, never strong intents.
    strong = {t for cues in data["intents"].values() for t in cues.get("strong", ())}
    assert not strong & set(data["question_words"])


def test_search_ranks_claims_by_their_words() -> None:
    import datetime as dt

    from bot.engine.retrieval import ClaimSearch, stem
    from db.views import ClaimView

    def claim(claim_id: int, statement: str, quote: str | None = None) -> ClaimView:
        return ClaimView(
            id=claim_id, kind="fact", topic="t", statement=statement, quote=quote, place=None,
            source_id=1, article_id=1, status="active", retracted_at=None,
            retraction_reason=None, corrected_at=None, created_at=dt.datetime(2000, 1, 1),
        )  # fmt: skip

    claims = [
        claim(1, "Workers had planned to stay two or three years and return home."),
        claim(2, "Laborers are forced to work longer hours."),
        claim(3, "Locals feel sorry for them.", "Chinese people feel very sorry for them."),
    ]
    search = ClaimSearch(claims, {"unhappy": ["sorry"]}, {"how long": "years"})
    assert stem("planning") == stem("planned") == "plan"
    assert search.search("how long were they planning to stay")[0].claim.id == 1
    assert [hit.claim.id for hit in search.search("who feels sorry")] == [3]
    assert [hit.claim.id for hit in search.search("are they unhappy")] == [3]
    assert search.search("what about the weather") == []


def test_a_typo_is_corrected_to_a_word_with_its_first_letter_whatever_the_set_order() -> None:
    # Both are one edit from "meels"; the order of a set changes between processes.
    for known in ({"feels", "meals"}, {"meals", "feels"}, {"zeals", "feels", "meals"}):
        assert Vocabulary(known).correct("meels") == "meals"
