"""Words for people by the work they do, in Russian, Chinese and Korean, read by their form:
"а по штукатурам что", "锯木的师傅们呢", "용접공들은 얼마 내?" name workers, whatever their
trade, and a question about them is about the report's workers (its figures), not another
subject. No list of trades: the form of an agent noun says it.

- Russian: a noun pymorphy3 knows, tagged animate and no name, whose lemma ends in an
  agent suffix ("-щик", "-тель", "-ник", "-ур", ...): штукатур, труженик, сварщик ("-ист"
  and "-ец" also name loyalists, tourists and nationalities: not taken).
- Chinese: a word that ends in a character or word for someone who works ("工", "员",
  "师傅", "匠"), "们" taken off: 焊工, 师傅们, 装卸工.
- Korean: a noun, its particle and "들" taken off, ending in a worker's syllable ("공",
  "꾼", "원", "부"): 용접공, 일꾼, 인부.

The suffixes, and the few words of those forms that name people who are not the workers
(an official, an athlete, a member), are in vocabulary/worker_nouns.json.
"""

from __future__ import annotations

import json
import re
from collections.abc import Container, Iterable
from dataclasses import dataclass
from functools import cache, lru_cache

from bot.engine.language import Language
from bot.engine.vocabulary import FOLDER

_CYRILLIC = re.compile(r"[а-яё]+")
_HAN = re.compile(r"[\u3400-\u9fff]+")
_HANGUL = re.compile(r"[\uac00-\ud7a3]+")
MIN_LETTERS = 2


@dataclass(frozen=True)
class Forms:
    endings: tuple[str, ...]
    strip: tuple[str, ...]
    not_workers: frozenset[str]
    min_stem: int
    groups: tuple[str, ...] = ()


@cache
def forms(language: Language) -> Forms | None:
    data = json.loads((FOLDER / "worker_nouns.json").read_text(encoding="utf-8"))
    table = data.get(language.value)
    if table is None:
        return None
    return Forms(
        endings=tuple(sorted(table["endings"], key=len, reverse=True)),
        strip=tuple(sorted(table.get("strip", ()), key=len, reverse=True)),
        not_workers=frozenset(table.get("not_workers", ())),
        min_stem=int(table.get("min_stem", 1)),
        groups=tuple(table.get("groups", ())),
    )


def _stripped(word: str, table: Forms) -> str:
    changed = True
    while changed:
        changed = False
        for ending in table.strip:
            if word.endswith(ending) and len(word) > len(ending) + 1:
                word, changed = word[: -len(ending)], True
                break
    return word


def _agent_form(word: str, table: Forms) -> bool:
    return word not in table.not_workers and any(
        word.endswith(e) and (len(word) - len(e) >= table.min_stem or word == e != e[:1])
        for e in table.endings
    )


@lru_cache(maxsize=4096)
def _russian_worker(lemma: str) -> bool:
    from bot.engine.analysis import morph

    table = forms(Language.RU)
    if table is None or not _CYRILLIC.fullmatch(lemma) or not _agent_form(lemma, table):
        return False
    analyser = morph()
    if not analyser.word_is_known(lemma):
        return False
    tags = [p.tag for p in analyser.parse(lemma)[:2]]
    return any(
        t.POS == "NOUN" and "anim" in t.grammemes and not {"Name", "Surn", "Patr"} & t.grammemes
        for t in tags
    )


def worker_nouns(words: Iterable[str], language: Language) -> list[str]:
    """The words of ``words`` (a Russian part's lemmas, a Chinese part's segments, a Korean
    part's words) that name people by the work they do."""
    table = forms(language)
    if table is None:
        return []
    found: list[str] = []
    for word in words:
        if language is Language.RU:
            hit = _russian_worker(word)
        else:
            script = _HAN if language is Language.ZH else _HANGUL
            bare = word.strip("?!.,~…？！。，")
            hit = bool(script.fullmatch(bare)) and len(bare) >= MIN_LETTERS
            hit = hit and _agent_form(_stripped(bare, table), table)
        if hit and word not in found:
            found.append(word)
    return found


def split_trades(tokens: list[str], known: Container[str]) -> list[str]:
    """Chinese: a word for workers that jieba keeps whole, whose first part the tables know
    ("建筑队", "海产工", "工地师傅"), read as its two parts: the kind of work is then read
    as the tables have it."""
    table = forms(Language.ZH)
    if table is None:
        return tokens
    endings = (*table.endings, *table.groups)
    split: list[str] = []
    for token in tokens:
        ending = next((e for e in endings if token.endswith(e) and len(token) > len(e)), None)
        head = token[: -len(ending)] if ending else ""
        if ending and token not in known and len(head) >= MIN_LETTERS and head in known:
            split += [head, ending]
        else:
            split.append(token)
    return split
