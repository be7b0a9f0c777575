"""Tests for db.validation: what editors may type, and what must be refused."""

import datetime
from decimal import Decimal

import pytest

from db.validation import (
    ID_MAX,
    NAME_MAX_LEN,
    STATEMENT_MAX_LEN,
    ValidationError,
    clean_text,
    country_name,
    normalize_country,
    normalize_currency,
    parse_amount,
    parse_choice,
    parse_id,
    parse_iso_date,
    parse_yes_no,
)

# --------------------------------------------------------------------------- parse_amount


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("62000", Decimal("62000")),
        ("62,000", Decimal("62000")),
        ("3400", Decimal("3400")),
        ("62000.5", Decimal("62000.5")),
        ("62,000.50", Decimal("62000.50")),
        ("1,000,000.25", Decimal("1000000.25")),
        ("0.5", Decimal("0.5")),
        ("0.0001", Decimal("0.0001")),
        ("62\u2009000", Decimal("62000")),  # thin space
        ("62\u202f000", Decimal("62000")),  # narrow no-break space
        ("62\u00a0000", Decimal("62000")),  # no-break space
        ("62 000", Decimal("62000")),  # plain space (only reachable when quoted)
        ("1 000 000", Decimal("1000000")),
        ("62'000", Decimal("62000")),
        ("62’000", Decimal("62000")),
        ("  62000  ", Decimal("62000")),
        ("\u200e62000\u200f", Decimal("62000")),  # bidi marks from RTL keyboards
        ("\u200b62,000", Decimal("62000")),
        ("999999999999999", Decimal("999999999999999")),  # 15 digits
        ("999,999,999,999,999.9999", Decimal("999999999999999.9999")),
    ],
)
def test_parse_amount_accepts(text, expected):
    result = parse_amount(text)
    assert result == expected
    assert str(result) == str(expected)  # exact, no float rounding, no exponent


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "\u200b",
        "0",
        "0.0",
        "0.0000",
        "000",
        "-5",
        "+5",
        "- 5",
        "1e999",
        "1E5",
        "6.2e4",
        "NaN",
        "nan",
        "sNaN",
        "inf",
        "Infinity",
        "-inf",
        "∞",
        "62.000.000",
        "62,00,0",
        "6,20,000",  # lakh grouping: refused rather than guessed at
        "62,5",  # decimal comma
        "62,0000",
        ",62000",
        "62000,",
        "62,,000",
        "62,000 000",  # mixed separators
        "1,000\u202f000",
        "62  000",
        "062000",
        ".5",
        "5.",
        "5..0",
        "62k",
        "62000 RUB",
        "$62000",
        "62000₽",
        "0x10",
        "1_000",
        "１２",  # full-width digits
        "٦٢",  # Arabic-Indic digits
        "６２０００",
        "<b>62000</b>",
        "62000; DROP TABLE quotas;--",
        "1 OR 1=1",
        "62\n000",
        "62\t000",
        "😀",
        "1̶0̶",  # combining strike-through
        "1000000000000000",  # 16 digits
        "9" * 10_000,
        "0.00001",  # 5 decimals
        "1." + "0" * 5,
        "1" * 65,
    ],
)
def test_parse_amount_rejects(text):
    with pytest.raises(ValidationError):
        parse_amount(text)


def test_parse_amount_messages_say_what_is_wrong():
    with pytest.raises(ValidationError, match='"usd" must be a number'):
        parse_amount("abc", "usd")
    with pytest.raises(ValidationError, match='"amount" is empty'):
        parse_amount("")
    with pytest.raises(ValidationError, match="greater than 0"):
        parse_amount("0")
    with pytest.raises(ValidationError, match="too large"):
        parse_amount("1" * 16)
    with pytest.raises(ValidationError, match="too many decimals"):
        parse_amount("1.23456")
    with pytest.raises(ValidationError, match=r'use "," for thousands and "\." for decimals'):
        parse_amount("62.000.000")
    with pytest.raises(ValidationError, match=r'use "," for thousands'):
        parse_amount("62,5")


def test_parse_amount_error_is_one_short_line():
    with pytest.raises(ValidationError) as info:
        parse_amount("abc\ndef\x00" + "x" * 50)
    message = str(info.value)
    assert "\n" not in message and "\x00" not in message
    assert len(message) < 200
    assert info.value.message == message


def test_validation_error_is_value_error():
    assert issubclass(ValidationError, ValueError)


# --------------------------------------------------------------------------- parse_id


@pytest.mark.parametrize(
    ("text", "expected"),
    [("12", 12), ("#12", 12), (" #7 ", 7), ("1", 1), (str(ID_MAX), ID_MAX), ("007", 7)],
)
def test_parse_id_accepts(text, expected):
    assert parse_id(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "",
        "#",
        "0",
        "#0",
        "-1",
        "+1",
        "1.0",
        "1e3",
        "12a",
        "##12",
        "# 12",
        "１２",
        str(ID_MAX + 1),
        "99999999999",
        "9" * 10_000,
        "12; DROP TABLE facts",
        "<i>12</i>",
    ],
)
def test_parse_id_rejects(text):
    with pytest.raises(ValidationError):
        parse_id(text)


# --------------------------------------------------------------------------- currencies


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("RUB", "RUB"),
        ("rub", "RUB"),
        ("Rub", "RUB"),
        (" CNY ", "CNY"),
        ("usd", "USD"),
        ("KPW", "KPW"),
        ("EUR", "EUR"),
        ("\u200eRUB", "RUB"),
        # full babel names are a bonus, in any case and number
        ("Russian ruble", "RUB"),
        ("russian rubles", "RUB"),
        ("Chinese yuan", "CNY"),
        ("US dollars", "USD"),
        ("euro", "EUR"),
        ("Euros", "EUR"),
        ("North Korean won", "KPW"),
        ("российских рублей", "RUB"),
    ],
)
def test_normalize_currency_accepts(text, expected):
    assert normalize_currency(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "",
        "RU",
        "RUBL",
        "ABC",
        "XXX",  # "no currency"
        "XTS",  # testing code
        "yuan",  # a bare word is only suggested
        "rubles",  # Russian or Belarusian?
        "dollars",
        "won",
        "₽",
        "$",
        "R U B",
        "<b>RUB</b>",
        "RUB'; DROP TABLE quotas;--",
        "РУБ",
        "x" * 10_000,
    ],
)
def test_normalize_currency_rejects(text):
    with pytest.raises(ValidationError):
        normalize_currency(text)


def test_currency_error_explains_usage():
    with pytest.raises(ValidationError, match="ISO 4217") as info:
        normalize_currency("bitcoin")
    assert "RUB, CNY or USD" in str(info.value)


def test_currency_error_suggests_codes_for_ambiguous_words():
    with pytest.raises(ValidationError) as info:
        normalize_currency("yuan")
    assert "CNY" in str(info.value)
    with pytest.raises(ValidationError) as info:
        normalize_currency("rubles")
    assert "RUB" in str(info.value) and "BYN" in str(info.value)


# --------------------------------------------------------------------------- countries


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Russia", "RU"),
        ("russia", "RU"),
        ("RUSSIA", "RU"),
        ("RU", "RU"),
        ("ru", "RU"),
        ("RUS", "RU"),
        ("rus", "RU"),
        ("Russian Federation", "RU"),
        ("China", "CN"),
        ("CN", "CN"),
        ("CHN", "CN"),
        ("People's Republic of China", "CN"),
        ("North Korea", "KP"),
        ("north  korea", "KP"),
        ("KP", "KP"),
        ("PRK", "KP"),
        ("Democratic People’s Republic of Korea", "KP"),
        ("South Korea", "KR"),
        ("Republic of Korea", "KR"),
        ("Islamic Republic of Iran", "IR"),
        ("Democratic Republic of the Congo", "CD"),
        ("British Virgin Islands", "VG"),
        ("Vietnam", "VN"),
        ("Viet Nam", "VN"),
        ("Iran", "IR"),
        ("Laos", "LA"),
        ("Mongolia", "MN"),
        ("United Arab Emirates", "AE"),
        ("the Netherlands", "NL"),
        ("Côte d’Ivoire", "CI"),
        ("cote d'ivoire", "CI"),
        ("UK", "GB"),
        ("United Kingdom", "GB"),
        ("USA", "US"),
        ("United States", "US"),
        ("Россия", "RU"),
        ("中国", "CN"),
        ("북한", "KP"),
        ("\u200fRussia\u200f", "RU"),
    ],
)
def test_normalize_country_accepts(text, expected):
    assert normalize_country(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "",
        "Korea",  # which one?
        "Sakhalin",  # a place, not a country: no fuzzy guessing
        "Moscow",
        "Dalian",
        "Russ",
        "Rusia",
        "XK",  # Kosovo: not in ISO 3166-1
        "ZZ",
        "EU",
        "world",
        "R",
        "RUSS",
        "123",
        "<b>Russia</b>",
        "Russia' OR '1'='1",
        "🇷🇺",
        "x" * 10_000,
    ],
)
def test_normalize_country_rejects(text):
    with pytest.raises(ValidationError):
        normalize_country(text)


def test_country_hint_never_points_a_phrase_at_another_country():
    with pytest.raises(ValidationError) as info:
        normalize_country("Republic of Koreaa")
    assert "KP" not in str(info.value)


def test_country_error_explains_usage_and_suggests():
    with pytest.raises(ValidationError, match="ISO 3166") as info:
        normalize_country("Korea")
    message = str(info.value)
    assert "KP" in message and "KR" in message


@pytest.mark.parametrize(
    ("code", "locale", "expected"),
    [
        ("RU", "en", "Russia"),
        ("CN", "en", "China"),
        ("KP", "en", "North Korea"),
        ("ru", "en", "Russia"),
        ("RU", "ru", "Россия"),
        ("RU", "pt-BR", "Rússia"),
        ("RU", "pt_BR", "Rússia"),
        ("RU", "zz-bogus", "Russia"),
        ("RU", "", "Russia"),
    ],
)
def test_country_name(code, locale, expected):
    assert country_name(code, locale) == expected


def test_country_name_default_locale_is_english():
    assert country_name("VN") == "Vietnam"


@pytest.mark.parametrize("code", ["", "XX", "RUS", "Russia", "EU"])
def test_country_name_rejects_non_codes(code):
    with pytest.raises(ValidationError):
        country_name(code)


def test_every_country_code_round_trips_through_its_name():
    import pycountry

    for country in pycountry.countries:
        name = country_name(country.alpha_2)
        assert normalize_country(name) == country.alpha_2, name
        assert normalize_country(country.alpha_3) == country.alpha_2


# --------------------------------------------------------------------------- clean_text


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("Sakhalin", "Sakhalin"),
        ("  Sakhalin \n", "Sakhalin"),
        ("<b>Dalian</b> & co", "<b>Dalian</b> & co"),  # HTML kept; escaped on output
        ("'; DROP TABLE facts; --", "'; DROP TABLE facts; --"),
        ("line one\nline two", "line one\nline two"),
        ("line one\r\nline two", "line one\nline two"),
        ("a\rb", "a\nb"),
        ("a\u2028b", "a\nb"),
        ("a\tb", "a b"),
        ("a\x00b\x07c\x1b[31md", "abc[31md"),
        ("a\x85b", "a\nb"),
        ("a\x9bb", "ab"),  # C1 control
        ("a\u200bb", "ab"),  # zero-width space
        ("a\u200cb", "ab"),  # zero-width non-joiner
        ("a\u200db", "ab"),  # zero-width joiner between letters
        ("a\u2060b\ufeff", "ab"),
        ("\u202eevil\u202c", "evil"),  # bidi override
        ("\u2066x\u2069", "x"),
        ("\u200fمرحبا\u200e", "مرحبا"),  # RTL text kept, marks removed
        ("Тумэнь 图们 두만강", "Тумэнь 图们 두만강"),
        ("e\u0301", "é"),  # NFC
        ("Ｆｕｌｌ", "Ｆｕｌｌ"),  # NFC, not NFKC: stored as given
        ("😀 ok", "😀 ok"),
        ("👨\u200d👩\u200d👧", "👨\u200d👩\u200d👧"),  # emoji ZWJ sequence kept
        ("🏳\ufe0f\u200d🌈", "🏳\ufe0f\u200d🌈"),
        ("x\U000e0041\U000e0042y", "xy"),  # invisible tag characters
        ("a\ud800b", "ab"),  # lone surrogate
    ],
)
def test_clean_text(value, expected):
    assert clean_text(value, "text", 100) == expected


def test_clean_text_single_line():
    assert clean_text("a\nb\r\nc", "place", 100, multiline=False) == "a b c"


@pytest.mark.parametrize("value", ["", "   ", "\n\t", "\u200b\u200d\u200e", "\x00\x01"])
def test_clean_text_rejects_empty(value):
    with pytest.raises(ValidationError, match='"place" is empty'):
        clean_text(value, "place", NAME_MAX_LEN)


def test_clean_text_length_limit_counts_after_cleaning():
    assert clean_text("x" * NAME_MAX_LEN, "place", NAME_MAX_LEN) == "x" * NAME_MAX_LEN
    assert clean_text("\u200b" * 500 + "x" * NAME_MAX_LEN, "place", NAME_MAX_LEN)
    with pytest.raises(ValidationError, match=r'"place" is too long: 101 characters'):
        clean_text("x" * (NAME_MAX_LEN + 1), "place", NAME_MAX_LEN)


def test_clean_text_huge_input():
    with pytest.raises(ValidationError, match="10,000 characters, the limit is 2,000"):
        clean_text("y" * 10_000, "text", STATEMENT_MAX_LEN)
    # Zalgo: thousands of combining marks are counted, not allowed to slip through
    with pytest.raises(ValidationError, match="too long"):
        clean_text("a" + "\u0336" * 10_000, "text", STATEMENT_MAX_LEN)


# --------------------------------------------------------------------------- small parsers


@pytest.mark.parametrize("text", ["yes", "YES", "y", "true", "1", "on", " Yes "])
def test_parse_yes(text):
    assert parse_yes_no(text) is True


@pytest.mark.parametrize("text", ["no", "NO", "n", "false", "0", "off"])
def test_parse_no(text):
    assert parse_yes_no(text) is False


@pytest.mark.parametrize("text", ["", "maybe", "yess", "да", "2", "<b>yes</b>"])
def test_parse_yes_no_rejects(text):
    with pytest.raises(ValidationError, match="yes or no"):
        parse_yes_no(text)


CHANGES = ("doubled", "increased", "none")


@pytest.mark.parametrize(("text", "expected"), [("doubled", "doubled"), ("DOUBLED", "doubled")])
def test_parse_choice(text, expected):
    assert parse_choice(text, "change", CHANGES) == expected


def test_parse_choice_returns_canonical_spelling():
    assert parse_choice("person", "basis", ["Person", "Team"]) == "Person"


@pytest.mark.parametrize("text", ["", "double", "tripled", "doubled;", "<i>none</i>"])
def test_parse_choice_rejects_and_lists_choices(text):
    with pytest.raises(ValidationError, match='"change" must be one of doubled, increased, none'):
        parse_choice(text, "change", CHANGES)


def test_parse_choice_accepts_generator():
    assert parse_choice("b", "x", (c for c in "abc")) == "b"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2024-03-10", datetime.date(2024, 3, 10)),
        ("2024-02-29", datetime.date(2024, 2, 29)),
        (" 2017-12-31 ", datetime.date(2017, 12, 31)),
    ],
)
def test_parse_iso_date(text, expected):
    assert parse_iso_date(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "",
        "2023-02-29",
        "2024-13-01",
        "2024-00-10",
        "2024-04-31",
        "2024-3-10",
        "20240310",
        "10.03.2024",
        "March 10",
        "2024-03-10T00:00",
        "2024-W10-1",
        "２０２４-03-10",
        "+2024-03-10",
    ],
)
def test_parse_iso_date_rejects(text):
    with pytest.raises(ValidationError):
        parse_iso_date(text)


def test_impossible_date_message():
    with pytest.raises(ValidationError, match="no such date"):
        parse_iso_date("2023-02-29")
