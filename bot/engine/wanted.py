"""Which of the intents a part's cue words read it answers, once the asked topics and the
subjects are known: a list or a comparison beats the plain quota, a named subject turns a
list into its quota block, a greeting inside a question is no request, a summary of the
whole report stands alone, and "are you a bot …" is about the bot (answering.py's ``_run``).
"""

from __future__ import annotations

from bot.engine.understanding import Understanding
from bot.engine.vocabulary import Intent


def settle_wanted(
    s: Understanding, wanted: set[Intent], topics: list[str]
) -> tuple[set[Intent], list[str]]:
    """The intents and topics ``s`` is answered with, from those its cues asked."""
    if Intent.COMPARE in wanted or Intent.LIST in wanted:
        wanted.discard(Intent.QUOTA)
    if Intent.LIST in wanted and s.has_subject:
        wanted.discard(Intent.LIST)
        wanted.add(Intent.QUOTA)
    if Intent.QUOTA in wanted:
        wanted -= (
            {Intent.USD, Intent.DATE}
            if s.has_subject or not {Intent.USD, Intent.DATE} & wanted
            else set()
        )
    if {Intent.GREETING, Intent.HELP} & wanted and (len(wanted) > 1 or s.on_topic):
        # "hey so ... what's the quota": a greeting inside a question is no request.
        wanted -= {Intent.GREETING, Intent.HELP}
    if Intent.SUMMARY in wanted and not s.has_subject:  # "summarise it": the whole answer
        wanted = {Intent.SUMMARY}
        topics = []
    elif wanted == {Intent.SUMMARY} and not topics:  # "tldr dalian": the place's block
        wanted = {Intent.QUOTA}
    else:
        wanted.discard(Intent.SUMMARY)
    if Intent.ABOUT_BOT in wanted:
        # "are you a bot for the government": what the bot is, not the figures.
        wanted &= {Intent.ABOUT_BOT, Intent.VERIFIED}
        topics = []
    return wanted, topics
