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
        for length in range(len(word) - distance, len(word) + distance + 1):
            for candidate in by_length.get(length, ()):
                if candidate[0] != word[0] and distance > 1:
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
