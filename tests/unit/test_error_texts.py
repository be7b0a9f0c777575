"""db's refusals keep an English template and its fields (db/errors.py): ``str(error)`` is
the English line as before, ``localized`` the same refusal in another catalog's language."""

from __future__ import annotations

import pytest

from bot.i18n import Language, translator
from db.editing import InvalidValue, NotAuthorized
from db.editing.access import Actor, require_owner
from db.errors import N_, Text
from db.validation import ValidationError, parse_amount, parse_id


def refusal(call: object, *args: str) -> ValidationError:
    with pytest.raises(ValidationError) as caught:
        call(*args)  # type: ignore[operator]
    return caught.value


def test_english_is_the_template_filled_in() -> None:
    error = refusal(parse_amount, "abc")
    assert str(error) == (
        '"amount" must be a number greater than 0, like 62000, 62,000 or 3400.5, not "abc"'
    )
    assert error.localized(translator(Language.EN).gettext) == str(error)


def test_a_text_inside_a_refusal_is_translated_with_it() -> None:
    error = refusal(parse_amount, "1.2.3")
    assert error.localized(translator(Language.RU).gettext) == (
        "«amount» должно быть таким: число больше 0, например 62000, 62,000 или 3400.5, "
        'а не "1.2.3" (тысячи отделяйте «,», дробную часть — «.»)'
    )


def test_a_persons_text_is_never_read_as_a_template() -> None:
    error = refusal(parse_id, "{claim_id}")
    assert str(error) == 'an id must be a whole number like 12 or #12, not "{claim_id}"'
    assert error.localized(translator(Language.KO).gettext) == (
        '번호는 12나 #12 같은 정수여야 합니다. "{claim_id}"은(는) 안 됩니다'
    )


def test_an_empty_part_is_not_the_catalog_header() -> None:
    assert Text("").render(translator(Language.ZH).gettext) == ""


def test_a_refusal_passed_on_keeps_its_template() -> None:
    error = refusal(parse_id, "x")
    passed = InvalidValue(error.text)
    assert str(passed) == str(error)
    assert passed.localized(translator(Language.ZH).gettext) == (
        '编号必须是整数，例如 12 或 #12，而不是 "x"'
    )


def test_a_refusal_of_rights_names_the_action_in_the_same_language() -> None:
    with pytest.raises(NotAuthorized) as caught:
        require_owner(Actor(5, frozenset({1})), N_("revoke editing rights"))
    assert str(caught.value) == "Only owners can revoke editing rights."
    assert caught.value.localized(translator(Language.RU).gettext) == (
        "Только владельцы могут: снимать права редактора."
    )
