"""The guided dialogues' step tables, without Telegram or a database."""

from __future__ import annotations

import pytest

from bot.markup import plain_text
from bot.services.dialogue_flow import (
    FLOWS,
    QUOTA_PROMPTS,
    ButtonAction,
    DialogueKind,
    Step,
    accept_quota_value,
    button_fits,
    first_step,
    next_step,
    step_of,
)
from db.editing import InvalidValue
from tests.support.harness import Harness

OWNER = 1001  # in make_settings' ADMIN_USER_IDS


def walk(kind: DialogueKind) -> list[Step]:
    steps = [first_step(kind)]
    while (following := next_step(kind, steps[-1])) is not None:
        steps.append(following)
    return steps


def test_each_dialogue_walks_its_steps_in_order() -> None:
    assert [str(s) for s in walk(DialogueKind.ADDQUOTA)] == [
        "country", "place", "sector", "amount", "currency", "usd", "period", "bound", "change",
        "change_percent", "amount_is", "confirm",
    ]  # fmt: skip
    assert [str(s) for s in walk(DialogueKind.EDIT)] == ["fact", "field", "value"]
    assert [str(s) for s in walk(DialogueKind.RETRACT)] == ["fact", "reason", "confirm"]
    assert [str(s) for s in walk(DialogueKind.INGEST)] == [
        "paste", "draft", "draft_field", "draft_value",
    ]  # fmt: skip


def test_stored_values_and_button_letters_are_unchanged() -> None:
    # Dialogue rows and callback data (dg:<token>:<letter>:<arg>) written before stay valid.
    assert {a.name: str(a) for a in ButtonAction} == {
        "CANCEL": "x", "PAGE": "p", "FACT": "f", "FIELD": "k", "VALUE": "v", "CONFIRM": "y",
        "ACCEPT": "a", "EDIT": "e", "SKIP": "s",
    }  # fmt: skip
    assert [str(k) for k in DialogueKind] == ["addquota", "edit", "retract", "ingest"]
    assert f"dg:ab12:{ButtonAction.CONFIRM}:" == "dg:ab12:y:"


def test_quota_prompts_offer_their_choices() -> None:
    assert QUOTA_PROMPTS[Step.CURRENCY].choices == ("RUB", "CNY", "USD")
    assert QUOTA_PROMPTS[Step.CHANGE].choices == (
        "doubled",
        "increased",
        "decreased",
        "new",
        "none",
    )
    assert QUOTA_PROMPTS[Step.SECTOR].choices == ("skip",)
    assert QUOTA_PROMPTS[Step.COUNTRY].text.startswith("Which country?")


def test_a_quota_value_is_checked_as_the_command_checks_it() -> None:
    assert accept_quota_value(Step.AMOUNT, "62,000", {"place": "Sakhalin"}) == {
        "place": "Sakhalin",
        "amount": "62,000",
    }
    with pytest.raises(InvalidValue):
        accept_quota_value(Step.AMOUNT, "lots", {})
    with pytest.raises(InvalidValue):
        accept_quota_value(Step.CURRENCY, "XXQ", {})


def test_skip_leaves_out_only_optional_steps() -> None:
    assert accept_quota_value(Step.SECTOR, "skip", {"place": "Dalian"}) == {"place": "Dalian"}
    assert accept_quota_value(Step.USD, "skip", {}) == {}
    # "skip" is no place name to refuse, so it is kept as the place.
    assert accept_quota_value(Step.PLACE, "skip", {}) == {"place": "skip"}


def test_buttons_fit_only_their_steps() -> None:
    assert button_fits(ButtonAction.PAGE, Step.FACT)
    assert button_fits(ButtonAction.FACT, Step.FACT)
    assert not button_fits(ButtonAction.FACT, Step.FIELD)
    assert button_fits(ButtonAction.FIELD, Step.FIELD)
    assert button_fits(ButtonAction.VALUE, Step.VALUE)
    assert button_fits(ButtonAction.VALUE, Step.CURRENCY)
    for step in (Step.FACT, Step.FIELD, Step.REASON, Step.CONFIRM):
        assert not button_fits(ButtonAction.VALUE, step), step
    assert button_fits(ButtonAction.CONFIRM, Step.CONFIRM)
    assert not button_fits(ButtonAction.CONFIRM, Step.REASON)
    assert not button_fits(ButtonAction.FACT, None)


def test_a_stored_step_counts_only_in_its_own_kind() -> None:
    assert step_of(DialogueKind.EDIT, "field") == Step.FIELD
    assert step_of(DialogueKind.RETRACT, "field") is None
    assert step_of(DialogueKind.ADDQUOTA, "nonsense") is None
    assert step_of(DialogueKind.EDIT, None) is None
    assert all(first_step(kind) in FLOWS[kind] for kind in DialogueKind)


# ----- the same tables driving the Telegram dialogue -------------------------------------


async def test_buttons_that_do_not_fit_the_step_are_refused_and_pages_turn(
    harness: Harness,
) -> None:
    await harness.send("/retract", OWNER)
    data = [b["callback_data"] for row in harness.last_keyboard() for b in row]
    token = data[0].split(":")[1]
    assert f"dg:{token}:p:2" in data  # 8 facts a page: the seed has more
    for misfit in (f"dg:{token}:v:RUB", f"dg:{token}:y:", f"dg:{token}:k:amount", f"dg:{token}:z:"):
        out = plain_text("\n".join(await harness.tap(misfit, OWNER)))
        assert out.startswith("⛔ That button does not fit this step"), misfit
    out = plain_text("\n".join(await harness.tap(f"dg:{token}:p:2", OWNER)))
    assert out.startswith("Which fact do you want to retract?")
    picks = [b["callback_data"] for row in harness.last_keyboard() for b in row]
    assert f"dg:{token}:p:1" in picks
    out = plain_text("\n".join(await harness.tap(f"dg:{token}:x:", OWNER)))
    assert out.startswith("Cancelled. Nothing was changed.")
