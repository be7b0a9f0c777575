"""Share of a held-out question set the engine answers correctly (run by hand).

These phrasings were written after the engine, and not tuned against: the figure is
an honest estimate of how often a real user's question gets the right facts.

    python -m bench.accuracy
"""

from __future__ import annotations

import asyncio
import sys
import tempfile

from testkit.engine import seeded_engine, text_of

# (question, phrases a correct answer contains)
HELD_OUT: list[tuple[str, list[str]]] = [
    ("how much is the loyalty money in sakhalin", ["62,000 rubles"]),
    ("russian quota amount", ["62,000 rubles"]),
    ("whats the payment for dalian seafood workers", ["3,400 yuan"]),
    ("how much do chinese fish factory workers pay", ["3,400 yuan"]),
    ("quota for builders", ["62,000"]),
    ("new amount in yuan", ["6,800 yuan"]),
    ("how many rubles now", ["124,000 rubles"]),
    ("sakhalin in $", ["$730"]),
    ("dollar value of the china quota", ["$470"]),
    ("when did the directive come", ["March 10"]),
    ("what date was the order", ["March 10"]),
    ("who are the sources", ["a source in Russia", "a source in China"]),
    ("where does this info come from", ["Daily NK"]),
    ("who wrote the article", ["not named"]),
    ("which outlet", ["HNGN"]),
    ("is this verified", ["none of this is independently verified"]),
    ("how reliable is this", ["none of this is independently verified"]),
    ("should i believe it", ["none of this is independently verified"]),
    ("why is north korea doing this", ["Eighth Party Congress"]),
    ("what is the party congress thing", ["Eighth Party Congress"]),
    ("whats the patriotic movement", ["patriotic movement"]),
    ("define loyalty money", ["foreign currency"]),
    ("are they working more hours", ["longer hours"]),
    ("overtime", ["longer hours"]),
    ("can they get married", ["married"]),
    ("will they be able to go home with savings", ["savings"]),
    ("can they complain or strike", ["no means of protesting"]),
    ("how do chinese people feel about them", ["feel very sorry"]),
    ("what about the women workers", ["Young female"]),
    ("compare the two quotas", ["62,000", "3,400"]),
    ("difference between russia and china", ["62,000", "3,400"]),
    ("show me all figures", ["62,000", "3,400"]),
    ("what industries", ["construction", "seafood"]),
    ("is that monthly", ["per month"]),
    ("how many workers in sakhalin", ["does not say how many workers"]),
    ("what is the quota in mongolia", ["does not"]),
    ("quota in vladivostok", ["does not mention"]),
    ("which year was this", ["no year"]),
    ("sakhlin", ["62,000"]),
    ("dalain quota", ["3,400"]),
]


async def main() -> int:
    with tempfile.TemporaryDirectory() as folder:
        engine = await seeded_engine(f"sqlite+aiosqlite:///{folder}/accuracy.sqlite3")
    right = 0
    for question, phrases in HELD_OUT:
        answer = text_of(engine, question)
        ok = all(phrase in answer for phrase in phrases)
        right += ok
        if not ok:
            print(f"MISS {question!r}: wanted {phrases}\n  got: {answer[:160]!r}")
    share = right / len(HELD_OUT)
    print(f"held-out questions answered correctly: {right}/{len(HELD_OUT)} ({share:.0%})")
    return 0


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
