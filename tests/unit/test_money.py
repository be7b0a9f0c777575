"""bot/engine/money.py: money amounts and shares found in free text, exactly."""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from bot.engine.money import MoneyMention, ShareMention, find_money, find_shares


def test_an_amount_with_its_dollar_conversion_in_brackets() -> None:
    text = "each trade worker must pay 12,000 yuan (US$1,788) by the end of the month"
    assert find_money(text) == [MoneyMention(D(12000), None, "CNY", D(1788), (27, 49))]


def test_nearly_is_kept_as_approximate() -> None:
    assert find_money("62,000 rubles (nearly $730) a month") == [
        MoneyMention(D(62000), None, "RUB", D(730), (0, 27), usd_approx=True, period="month")
    ]
    assert find_money("nearly $730") == [
        MoneyMention(D(730), None, "USD", D(730), (7, 11), approx=True, usd_approx=True)
    ]


@pytest.mark.parametrize(
    ("text", "amount", "currency", "usd"),
    [
        ("62,000 rubles", D(62000), "RUB", None),
        ("3,400 yuan", D(3400), "CNY", None),
        ("US$1,788", D(1788), "USD", D(1788)),
        ("$300", D(300), "USD", D(300)),
        ("CNY 3,400", D(3400), "CNY", None),
        ("12,000 Chinese yuan", D(12000), "CNY", None),
        ("5,000 Russian rubles", D(5000), "RUB", None),
        ("€40", D(40), "EUR", None),
        ("1.5 million won", D(1500000), "KPW", None),
        ("2.5 thousand yuan", D(2500), "CNY", None),
        ("470.50 USD", D("470.50"), "USD", D("470.50")),
    ],
)
def test_currencies_by_code_symbol_and_name(
    text: str, amount: D, currency: str, usd: D | None
) -> None:
    [mention] = find_money(text)
    assert (mention.amount, mention.currency, mention.usd) == (amount, currency, usd)
    assert mention.span == (0, len(text))


def test_basis_and_period_after_a_figure() -> None:
    [mention] = find_money("24,000 yuan per household")
    assert (mention.amount, mention.currency, mention.basis) == (D(24000), "CNY", "household")
    [mention] = find_money("3,400 yuan (about $470) per person a month")
    assert (mention.usd, mention.usd_approx, mention.basis, mention.period) == (
        D(470),
        True,
        "person",
        "month",
    )
    [mention] = find_money("a one-off levy of 12,000 yuan, one-off")
    assert mention.period == "once"


def test_ranges() -> None:
    assert find_money("between $300 and $1,000 a month") == [
        MoneyMention(
            D(300),
            D(1000),
            "USD",
            D(300),
            (8, 23),
            usd_high=D(1000),
            period="month",
            opener="between",
        )
    ]
    [mention] = find_money("paid 300 to 1,000 yuan monthly")
    assert (mention.amount, mention.amount_high, mention.currency) == (D(300), D(1000), "CNY")
    [mention] = find_money("$300-$500 a month")
    assert (mention.amount, mention.amount_high) == (D(300), D(500))
    [mention] = find_money("300 to 1,000 yuan ($42 to $140)")
    assert (mention.usd, mention.usd_high) == (D(42), D(140))


def test_and_without_between_is_two_figures() -> None:
    mentions = find_money("12,000 yuan and 24,000 yuan")
    assert [(m.amount, m.amount_high) for m in mentions] == [(D(12000), None), (D(24000), None)]


@pytest.mark.parametrize(
    "text",
    [
        "",
        "In 2020, 5 workers left",
        "all 300 workers",
        "the top 10 companies",
        "version 1.5.2",
        "A4 paper",
        "70 to 90 percent of their pay",
        "yuan and rubles",
        "$",
        "$ 12 " * 0 + "no figures here",
    ],
)
def test_no_money_where_there_is_none(text: str) -> None:
    assert find_money(text) == []


def test_shares() -> None:
    assert find_shares("70 to 90 percent of their pay") == [
        ShareMention(D(70), D(90), "their pay", (0, 29))
    ]
    assert find_shares("they keep 30% of wages.") == [ShareMention(D(30), None, "wages", (10, 22))]
    assert find_shares("12,000 yuan") == []


def test_a_long_text_is_read_in_linear_steps() -> None:
    text = "12,000 yuan (US$1,788) per person; " * 2_000
    assert len(find_money(text)) == 2_000


def test_a_range_keeps_the_word_that_opened_it() -> None:
    [moved] = find_money("from 31,000 to 62,000 rubles")
    assert (moved.amount, moved.amount_high, moved.opener) == (D(31000), D(62000), "from")
    [between] = find_money("between $300 and $1,000 a month")
    assert between.opener == "between"
    [plain] = find_money("300 to 500 yuan")
    assert plain.opener is None
    [alone] = find_money("from $300")
    assert (alone.amount_high, alone.opener) == (None, None)
