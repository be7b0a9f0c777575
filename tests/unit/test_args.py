"""Tests for bot.args: splitting and key=value parsing of editor commands."""

import pytest

from bot.args import (
    MAX_TEXT_LEN,
    ArgumentError,
    ParsedArgs,
    parse_arg_string,
    parse_args,
    split_arg_string,
    split_command_text,
)

ADDQUOTA = (
    "/addquota country=Russia place=Sakhalin sector=construction amount=62,000 "
    'currency=RUB approx=yes period=month basis=person change=doubled date="March 10" '
    'source="Daily NK" article=42'
)

# --------------------------------------------------------------------------- commands


def test_full_addquota_command():
    parsed = parse_args(ADDQUOTA, max_positional=0)
    assert parsed.positional == []
    assert parsed.options == {
        "country": "Russia",
        "place": "Sakhalin",
        "sector": "construction",
        "amount": "62,000",
        "currency": "RUB",
        "approx": "yes",
        "period": "month",
        "basis": "person",
        "change": "doubled",
        "date": "March 10",
        "source": "Daily NK",
        "article": "42",
    }


@pytest.mark.parametrize(
    ("text", "command", "tokens"),
    [
        ("/help", "help", []),
        ("/help@QuotaFactsBot", "help", []),
        ("/AddQuota@QuotaFactsBot amount=1", "addquota", ["amount=1"]),
        ("  /edit 12 amount=5", "edit", ["12", "amount=5"]),
        ("/edit\n12\namount=5", "edit", ["12", "amount=5"]),
        ("/edit\u00a0#12", "edit", ["#12"]),
        ('/alias "Sakhalin island" place=Sakhalin', "alias", ["Sakhalin island", "place=Sakhalin"]),
        ("/x   a    b  ", "x", ["a", "b"]),
    ],
)
def test_split_command_text(text, command, tokens):
    assert split_command_text(text) == (command, tokens)


@pytest.mark.parametrize(
    "text",
    ["", "hello", "addquota amount=1", " / addquota", "/", "/add-quota", "/addquota/x", "/ü"],
)
def test_not_a_command(text):
    with pytest.raises(ArgumentError, match="not a command"):
        split_command_text(text)
    with pytest.raises(ArgumentError):
        parse_args(text)


def test_parse_args_drops_the_command():
    assert parse_args("/edit #12 amount=5") == ParsedArgs(["#12"], {"amount": "5"})


def test_parse_arg_string_has_no_command():
    assert parse_arg_string("12 amount=5") == ParsedArgs(["12"], {"amount": "5"})
    assert parse_arg_string("/notacommand") == ParsedArgs(["/notacommand"], {})
    assert parse_arg_string("") == ParsedArgs([], {})
    assert parse_arg_string("   \n ") == ParsedArgs([], {})


# --------------------------------------------------------------------------- quoting


@pytest.mark.parametrize(
    ("args", "tokens"),
    [
        ('text="two words"', ["text=two words"]),
        ("text='two words'", ["text=two words"]),
        ("text=“two words”", ["text=two words"]),
        ("text=„zwei Wörter“", ["text=zwei Wörter"]),
        ("text=„dwa słowa”", ["text=dwa słowa"]),
        ("text=«два слова»", ["text=два слова"]),
        ("text=»to ord«", ["text=to ord"]),
        ("text=‘two words’", ["text=two words"]),
        ('"a b" c', ["a b", "c"]),
        ("«a b» c", ["a b", "c"]),
        # apostrophes inside words stay literal, straight or curly
        ("text=don't", ["text=don't"]),
        ("text=don’t", ["text=don’t"]),
        ("don’t stop", ["don’t", "stop"]),
        ("text='don't stop'", ["text=don't stop"]),
        ("text=‘don’t stop’", ["text=don’t stop"]),
        ("place=Xi'an", ["place=Xi'an"]),
        # a quote in the middle of a word is literal
        ('size=5"', ['size=5"']),
        ('a"b c', ['a"b', "c"]),
        # the other kind of quote inside a quoted value is kept
        (
            'text="called it “loyalty money” in reports"',
            ["text=called it “loyalty money” in reports"],
        ),
        (
            'text=“called it "loyalty money" in reports”',
            ['text=called it "loyalty money" in reports'],
        ),
        ("quote=«Он сказал „привет“ и ушёл»", ["quote=Он сказал „привет“ и ушёл"]),
        ('text="He said «hi»"', ["text=He said «hi»"]),
        # a closing quote only counts before whitespace or the end
        ('text="5" screen"', ["text=5", 'screen"']),
        ('text="a"b"', ['text=a"b']),
        # no shell escapes: backslashes are kept
        ('text="C:\\path\\"', ["text=C:\\path\\"]),
        ("text=\\o/", ["text=\\o/"]),
        # newlines inside quotes are kept; outside they separate
        ('text="line 1\nline 2"', ["text=line 1\nline 2"]),
        ("a\nb\tc", ["a", "b", "c"]),
        # shell metacharacters are just text
        ("text=a;b|c&&d$(e)`f`", ["text=a;b|c&&d$(e)`f`"]),
        ("text=#comment", ["text=#comment"]),
        ("a=b=c", ["a=b=c"]),
        ('""', [""]),
    ],
)
def test_split_arg_string_quoting(args, tokens):
    assert split_arg_string(args) == tokens


@pytest.mark.parametrize(
    "args",
    [
        'text="abc',
        "text='abc",
        "text=“abc",
        "text=«abc",
        'text="abc"def',  # the closing quote is glued to more text
        '"',
        "'",
        'a "',
        "text=‘tis the season",  # a leading apostrophe opens a quote: use "…" around it
        "text=“abc“def",
        'text=«abc"',  # « closes only with »
        "'amount'x=5",
    ],
)
def test_unbalanced_quotes(args):
    with pytest.raises(ArgumentError, match="unbalanced quote in:"):
        split_arg_string(args)


def test_unbalanced_quote_message_is_one_line_and_short():
    with pytest.raises(ArgumentError) as info:
        parse_args('/addfact text="' + "line\n" * 2000)
    message = str(info.value)
    assert "\n" not in message
    assert len(message) < 200
    assert info.value.message == message


# --------------------------------------------------------------------------- key=value


def test_keys_are_lowercased():
    assert parse_arg_string("Amount=5 CURRENCY=rub").options == {"amount": "5", "currency": "rub"}


def test_values_keep_their_case_and_content():
    parsed = parse_arg_string('place="Dalian <b>city</b>" text="x=y; DROP TABLE facts;--"')
    assert parsed.options == {"place": "Dalian <b>city</b>", "text": "x=y; DROP TABLE facts;--"}


def test_quoted_token_with_equals_is_positional():
    parsed = parse_arg_string('"a=b" place=Dalian')
    assert parsed.positional == ["a=b"]
    assert parsed.options == {"place": "Dalian"}


def test_full_width_equals_sign():
    assert parse_arg_string("amount＝5 text=a＝b").options == {"amount": "5", "text": "a＝b"}


def test_positional_order_is_kept_and_mixed_with_options():
    parsed = parse_arg_string("12 amount=5 extra")
    assert parsed.positional == ["12", "extra"]
    assert parsed.options == {"amount": "5"}


@pytest.mark.parametrize(
    "args",
    ["amount=1 amount=2", "amount=1 Amount=2", 'text="a" TEXT="b"', "amount=1 amount=1"],
)
def test_duplicate_key(args):
    with pytest.raises(ArgumentError, match=r'the key "(amount|text)" is given twice'):
        parse_arg_string(args)


@pytest.mark.parametrize("args", ["amount=", "amount= 5", "amount=  "])
def test_missing_value(args):
    with pytest.raises(ArgumentError, match='"amount=" has no value'):
        parse_arg_string(args)


def test_explicitly_empty_value():
    with pytest.raises(ArgumentError, match='"text=" has an empty value'):
        parse_arg_string('text=""')


def test_empty_positional():
    with pytest.raises(ArgumentError, match="empty argument"):
        parse_arg_string('""')


@pytest.mark.parametrize("args", ["=5", "amount = 5", '="x"'])
def test_value_without_key(args):
    with pytest.raises(ArgumentError, match="a value without a key"):
        parse_arg_string(args)


@pytest.mark.parametrize(
    "args",
    [
        "amount1=5",
        "am-ount=5",
        "ämount=5",
        "сумма=5",
        "\u212aey=5",  # Kelvin sign lowercases to an ASCII "k"
        "a" * 33 + "=5",
        "https://example.com/?q=1",
        "<b>amount</b>=5",
    ],
)
def test_invalid_key(args):
    with pytest.raises(ArgumentError, match="not a valid key"):
        parse_arg_string(args)


def test_key_of_32_letters_is_fine():
    key = "a" * 32
    assert parse_arg_string(f"{key}=1").options == {key: "1"}


def test_underscore_keys():
    assert parse_arg_string("source_url=x _=y").options == {"source_url": "x", "_": "y"}


# --------------------------------------------------------------------------- positional limit


def test_max_positional():
    assert parse_args("/edit 12 amount=5", max_positional=1).positional == ["12"]
    with pytest.raises(ArgumentError, match=r'too many arguments .* unexpected "000"'):
        parse_args("/edit 12 amount=62 000", max_positional=1)


def test_max_positional_zero_hints_at_quotes():
    with pytest.raises(ArgumentError, match=r'unexpected argument "Island".*need quotes'):
        parse_args("/addquota place=Sakhalin Island", max_positional=0)


def test_unquoted_apostrophe_sentence_is_caught_by_positional_limit():
    with pytest.raises(ArgumentError, match="unexpected argument"):
        parse_args("/addfact text=don't do it", max_positional=0)


# --------------------------------------------------------------------------- odd Unicode


def test_digit_grouping_spaces_do_not_split_numbers():
    for space in "\u00a0\u2009\u202f\u2007":
        assert split_arg_string(f"amount=62{space}000") == [f"amount=62{space}000"]


def test_no_break_space_between_words_separates():
    assert split_arg_string("a=1\u00a0b=2") == ["a=1", "b=2"]
    assert split_arg_string("a=x\u202fb=2") == ["a=x", "b=2"]


def test_other_unicode_whitespace_separates():
    assert split_arg_string("a=1\u3000b=2\u2003c=3\u2028d=4") == ["a=1", "b=2", "c=3", "d=4"]


def test_invisible_characters_around_keys_are_ignored():
    parsed = parse_arg_string("\u200famount\u200e=5 \u200b \u2066currency=RUB")
    assert parsed.options == {"amount": "5", "currency": "RUB"}
    assert parsed.positional == []


def test_invisible_characters_in_values_are_left_for_validation():
    # db.validation strips them; the parser does not alter values.
    assert parse_arg_string("amount=\u200e62000").options == {"amount": "\u200e62000"}


def test_quoted_invisible_only_value_is_kept_for_validation_to_reject():
    assert parse_arg_string('text="\u200b"').options == {"text": "\u200b"}


@pytest.mark.parametrize(
    "value",
    [
        "مرحبا بالعالم",  # RTL
        "\u202eevil\u202c",  # bidi override
        "👨\u200d👩\u200d👧 family",  # emoji ZWJ sequence
        "🇷🇺 flag",
        "e\u0301 combining",
        "Z\u0336\u0337\u0338algo",
        "图们 두만강 Тумэнь",
        "\U0001f600" * 50,
    ],
)
def test_odd_unicode_values_round_trip(value):
    assert parse_arg_string(f'text="{value}"').options == {"text": value}
    assert parse_arg_string(f"text=«{value}»").options == {"text": value}


# --------------------------------------------------------------------------- size limits


def test_text_at_the_limit_is_parsed():
    value = "x" * (MAX_TEXT_LEN - len("text="))
    assert parse_arg_string(f"text={value}").options == {"text": value}


def test_huge_text_is_rejected():
    with pytest.raises(ArgumentError, match="too long: 10,000 characters"):
        parse_args("/addfact text=" + "x" * (10_000 - len("/addfact text=")))
    with pytest.raises(ArgumentError, match="too long"):
        split_arg_string('"' + "y" * 10_000 + '"')


def test_many_tokens_are_fine():
    args = " ".join(f"k{'_' * (i % 30)}=v" for i in range(30))
    assert len(parse_arg_string(args).options) == 30


# --------------------------------------------------------------------------- check_keys


def test_check_keys_accepts_known_and_present():
    parsed = parse_arg_string("amount=5 currency=RUB")
    # Raises ArgumentError on an unknown or a missing key; here neither, and nothing changes.
    parsed.check_keys(allowed=("amount", "currency", "usd"), required=("amount", "currency"))
    assert parsed.options == {"amount": "5", "currency": "RUB"}


def test_check_keys_unknown_lists_allowed():
    with pytest.raises(ArgumentError, match='unknown key "amuont"; the keys are: amount, currency'):
        parse_arg_string("amuont=5").check_keys(allowed=["amount", "currency"])


def test_check_keys_missing_required():
    with pytest.raises(ArgumentError, match='"currency=" is missing'):
        parse_arg_string("amount=5").check_keys(
            allowed=["amount", "currency"], required=["amount", "currency"]
        )


def test_argument_error_is_value_error():
    assert issubclass(ArgumentError, ValueError)
