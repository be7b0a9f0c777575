"""The guided dialogues as step tables: plain data and pure functions, no Telegram, no I/O.

A dialogue has a kind and a step. For each step the table gives its prompt (and the
choices offered as buttons) and what an accepted value leads to. The handlers in
bot/handlers/dialogues.py only ask, look things up and call the services.

The values here are stored in the dialogue rows and sent in buttons' callback data
(``dg:<token>:<action>:<arg>``): they are StrEnums, so both stay byte-identical.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from db.editing import CLAIM_FIELDS, InvalidValue
from db.errors import N_
from db.validation import AMOUNT_BOUNDS, AMOUNT_SIDES, BASES, CHANGES, PERIODS, ValidationError

# Every dialogue button's callback data starts with it: ``dg:<token>:<action>:<arg>``.
DIALOGUE_PREFIX = "dg"


class DialogueKind(StrEnum):
    """Each dialogue is named after the command that starts it."""

    ADDQUOTA = "addquota"
    EDIT = "edit"
    RETRACT = "retract"
    INGEST = "ingest"


class Step(StrEnum):
    # /edit and /retract
    FACT = "fact"
    FIELD = "field"
    VALUE = "value"
    REASON = "reason"
    CONFIRM = "confirm"
    # /addquota, one field a step
    COUNTRY = "country"
    PLACE = "place"
    SECTOR = "sector"
    AMOUNT = "amount"
    CURRENCY = "currency"
    USD = "usd"
    PERIOD = "period"
    BOUND = "bound"
    CHANGE = "change"
    # Asked only after a change with a before and an after (doubled, increased, decreased).
    CHANGE_PERCENT = "change_percent"
    AMOUNT_IS = "amount_is"
    # /ingest: the pasted text, then each draft (accept, edit a field, skip)
    PASTE = "paste"
    DRAFT = "draft"
    DRAFT_FIELD = "draft_field"
    DRAFT_VALUE = "draft_value"


class ButtonAction(StrEnum):
    """The one letter in a dialogue button's callback data."""

    CANCEL = "x"
    PAGE = "p"
    FACT = "f"
    FIELD = "k"
    VALUE = "v"
    CONFIRM = "y"
    # /ingest's drafts
    ACCEPT = "a"
    EDIT = "e"
    SKIP = "s"


@dataclass(frozen=True)
class Prompt:
    text: str  # marked with N_: the handler translates it
    choices: tuple[str, ...] = ()
    # "skip" leaves the field out (only where the field is optional).
    skippable: bool = False


QUOTA_PROMPTS: dict[Step, Prompt] = {
    Step.COUNTRY: Prompt(N_("Which country? (name or ISO code, e.g. Russia or RU)")),
    Step.PLACE: Prompt(N_("Which place? (e.g. Vladivostok)")),
    Step.SECTOR: Prompt(N_("Which sector? (e.g. construction)"), ("skip",), skippable=True),
    Step.AMOUNT: Prompt(
        N_(
            "The amount as reported, e.g. 62,000 (if the report gives only the amount after "
            "a change, send that one: a later step asks which it is)"
        )
    ),
    Step.CURRENCY: Prompt(
        N_("Which currency? Tap one or send an ISO 4217 code."), ("RUB", "CNY", "USD")
    ),
    Step.USD: Prompt(
        N_("The dollar figure, if the report gives one (e.g. 730)"), ("skip",), skippable=True
    ),
    Step.PERIOD: Prompt(
        N_("How often is it due?"),
        ("month", "quarter", "year", "week", "day", "once", "skip"),
        skippable=True,
    ),
    Step.BOUND: Prompt(
        N_(
            'Is the amount only a bound, as in "at least US$40"? Tap at_least or at_most, '
            "or skip if it is the figure itself."
        ),
        ("at_least", "at_most", "skip"),
        skippable=True,
    ),
    Step.CHANGE: Prompt(
        N_("What happened to the quota?"), ("doubled", "increased", "decreased", "new", "none")
    ),
    Step.CHANGE_PERCENT: Prompt(
        N_('By what percent, if the report gives one (e.g. 25 for "rose 25 percent")?'),
        ("skip",),
        skippable=True,
    ),
    Step.AMOUNT_IS: Prompt(
        N_("Is the amount you sent the one before the change or after it?"),
        ("before", "after"),
    ),
}
# Steps asked only when the answers so far make them apply (a change with two sides).
SIDED_CHANGES = frozenset({"doubled", "increased", "decreased"})
PERCENT_CHANGES = frozenset({"increased", "decreased"})
CONDITIONAL_STEPS = {
    Step.CHANGE_PERCENT: lambda values: values.get("change") in PERCENT_CHANGES,
    Step.AMOUNT_IS: lambda values: values.get("change") in SIDED_CHANGES,
}

# Each kind's steps in order; the last one of /addquota and /retract is the confirmation.
FLOWS: dict[DialogueKind, tuple[Step, ...]] = {
    DialogueKind.ADDQUOTA: (*QUOTA_PROMPTS, Step.CONFIRM),
    DialogueKind.EDIT: (Step.FACT, Step.FIELD, Step.VALUE),
    DialogueKind.RETRACT: (Step.FACT, Step.REASON, Step.CONFIRM),
    DialogueKind.INGEST: (Step.PASTE, Step.DRAFT, Step.DRAFT_FIELD, Step.DRAFT_VALUE),
}

# Values offered as buttons when an /edit dialogue asks for a field's new value.
FIELD_CHOICES: dict[str, tuple[str, ...]] = {
    "change": CHANGES,
    "approx": ("yes", "no"),
    "period": PERIODS,
    "basis": BASES,
    "amount_is": AMOUNT_SIDES,
    "bound": AMOUNT_BOUNDS,
}

# Which button fits which step: anything else is refused ("follow the latest message").
BUTTON_STEPS: dict[ButtonAction, frozenset[Step]] = {
    ButtonAction.PAGE: frozenset({Step.FACT}),
    ButtonAction.FACT: frozenset({Step.FACT}),
    ButtonAction.FIELD: frozenset({Step.FIELD, Step.DRAFT_FIELD}),
    ButtonAction.VALUE: frozenset({Step.VALUE, *QUOTA_PROMPTS}),
    ButtonAction.CONFIRM: frozenset({Step.CONFIRM}),
    ButtonAction.ACCEPT: frozenset({Step.DRAFT}),
    ButtonAction.EDIT: frozenset({Step.DRAFT}),
    ButtonAction.SKIP: frozenset({Step.DRAFT}),
}


def first_step(kind: DialogueKind) -> Step:
    return FLOWS[kind][0]


def next_step(kind: DialogueKind, step: Step, values: dict[str, str] | None = None) -> Step | None:
    """The step after ``step`` in this kind of dialogue; None after the last. With the
    answers so far (``values``), steps that do not apply to them are passed over."""
    flow = FLOWS[kind]
    for following in flow[flow.index(step) + 1 :]:
        applies = CONDITIONAL_STEPS.get(following)
        if applies is None or values is None or applies(values):
            return following
    return None


def step_of(kind: DialogueKind, stored: object) -> Step | None:
    """The stored step, if it is one of this kind's (else None: the row is not ours)."""
    if not isinstance(stored, str):
        return None
    try:
        step = Step(stored)
    except ValueError:
        return None
    return step if step in FLOWS[kind] else None


def button_fits(action: ButtonAction, step: Step | None) -> bool:
    return step is not None and step in BUTTON_STEPS.get(action, frozenset())


def accept_quota_value(step: Step, value: str, values: dict[str, str]) -> dict[str, str]:
    """The answers so far with ``value`` for ``step`` (checked as /addquota will check it).

    Raises ``InvalidValue`` with a one-line reason for a value that would be refused."""
    prompt = QUOTA_PROMPTS[step]
    accepted = dict(values)
    if prompt.skippable and value == "skip":
        return accepted
    try:
        CLAIM_FIELDS[step.value].parse(value, step.value)
    except ValidationError as error:
        raise InvalidValue(error.text) from None
    accepted[step.value] = value
    return accepted
