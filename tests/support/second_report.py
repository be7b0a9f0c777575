"""A second report beside the seed, as engine views: Radio Free Asia's story of October 2020
on the "loyalty fund" North Korea ordered its trade workers in China to pay (facts in our own
words, short quotes only).

Built as views, so the engine can be tested on the general claim model's fields (a one-off
period, a deadline, a household basis, the report's own wording of a basis) whether or not
the store's model has them yet: ``GeneralClaim`` adds them to ``ClaimView`` when it lacks them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, fields
from decimal import Decimal
from typing import Any

from db.views import ArticleView, ClaimView, Snapshot, SourceView

RFA_ARTICLE = 2
RFA_SOURCE = 4
# Claim ids well clear of the seed's.
LEVY_PERSON, LEVY_SPOUSE, LEVY_HOUSEHOLD = 101, 102, 103
FACT_REASON, FACT_REPATRIATION, FACT_COMPANIES, FACT_MINIMUM, FACT_BORDER = (
    104,
    105,
    106,
    107,
    108,
)
RFA_CAVEAT = (
    "RFA's figures come from an anonymous source it quotes; we have not independently "
    "verified them."
)
RFA_TITLE = "Cash-Strapped North Korea Orders Workers in China to Pay Into 'Loyalty Fund'"

_HAS = {f.name for f in fields(ClaimView)}
_ARTICLE_HAS = {f.name for f in fields(ArticleView)}


@dataclass(frozen=True, slots=True)
class _Extra(ClaimView):
    # The general claim model's fields (issue 11), for views that do not have them yet.
    amount_high: Decimal | None = None
    usd_high: Decimal | None = None
    share_low: Decimal | None = None
    share_high: Decimal | None = None
    share_of: str | None = None
    deadline: str | None = None
    basis_text: str | None = None
    amount_to: Decimal | None = None
    usd_to: Decimal | None = None
    superseded_by: int | None = None


@dataclass(frozen=True, slots=True)
class _ExtraArticle(ArticleView):
    published_precision: str | None = None


def claim(**values: Any) -> ClaimView:
    """A ClaimView, with the general model's fields whether the view has them or not."""
    extra = {k: v for k, v in values.items() if k not in _HAS}
    if not extra:
        return ClaimView(**values)
    return _Extra(**values)


def _base(claim_id: int, topic: str, statement: str, **values: Any) -> dict[str, Any]:
    return {
        "id": claim_id,
        "kind": "fact",
        "topic": topic,
        "statement": statement,
        "quote": None,
        "place": None,
        "source_id": RFA_SOURCE,
        "article_id": RFA_ARTICLE,
        "status": "active",
        "retracted_at": None,
        "retraction_reason": None,
        "corrected_at": None,
        "created_at": dt.datetime(2026, 11, 30, tzinfo=dt.UTC),
        **values,
    }


def _levy(claim_id: int, amount: str, usd: str | None, basis: str, statement: str, **extra: Any):
    return claim(
        **_base(
            claim_id,
            "quota",
            statement,
            kind="quota",
            country="CN",
            sector="trade",
            amount=Decimal(amount),
            currency="CNY",
            usd_amount=Decimal(usd) if usd else None,
            usd_is_approx=False,
            period="once",
            basis=basis,
            change="new",
            deadline="by the end of the month",
            **extra,
        )
    )


def rfa_article() -> ArticleView:
    # Only the month is known: RFA's story ran in late October 2020.
    kind: Any = ArticleView if "published_precision" in _ARTICLE_HAS else _ExtraArticle
    return kind(
        id=RFA_ARTICLE,
        outlet="RFA",
        title=RFA_TITLE,
        caveat=RFA_CAVEAT,
        url="https://americanmilitarynews.com/2020/10/cash-strapped-north-korea-orders-workers-in-china-to-pay-into-loyalty-fund/",
        reporter=None,
        relies_on=None,
        published_on=dt.date(2020, 10, 1),
        published_precision="month",
        is_default=False,
    )


def rfa_source() -> SourceView:
    return SourceView(
        id=RFA_SOURCE,
        name="an official of a trading company in Dandong, China",
        kind="anonymous",
        told_to="RFA's Korean Service",
        country="CN",
        article_id=RFA_ARTICLE,
        notes="Anonymous; spoke to RFA's Korean Service.",
    )


def rfa_claims() -> tuple[ClaimView, ...]:
    return (
        _levy(
            LEVY_PERSON,
            "12000",
            "1788",
            "person",
            "Each North Korean trade worker stationed in China must pay 12,000 yuan "
            "(US$1,788) into a 'loyalty fund' for the ruling party's congress.",
        ),
        _levy(
            LEVY_SPOUSE,
            "12000",
            None,
            "family_member",
            "A married worker must pay the same amount again for the spouse.",
            basis_text="per spouse",
        ),
        _levy(
            LEVY_HOUSEHOLD,
            "24000",
            "3576",
            "household",
            "A married worker's household pays 24,000 yuan ($3,576) in all.",
        ),
        claim(
            **_base(
                FACT_REASON,
                "reason",
                "The authorities want the money for the ruling party's congress planned for "
                "January, after the long closure of the border with China hurt their finances.",
            )
        ),
        claim(
            **_base(
                FACT_REPATRIATION,
                "penalty",
                "Workers who do not pay by the end of the month are threatened with being "
                "sent home.",
            )
        ),
        claim(
            **_base(
                FACT_COMPANIES,
                "penalty",
                "The trading companies must pay for any worker who cannot, so they press "
                "their workers to pay.",
                quote="the trade workers are barely making money right now",
            )
        ),
        claim(
            **_base(
                FACT_MINIMUM,
                "loyalty money",
                "Many workers had earlier given the largest suggested donation of 12,000 yuan "
                "of their own will; the authorities then made 12,000 yuan the minimum.",
            )
        ),
        claim(
            **_base(
                FACT_BORDER,
                "reason",
                "China and North Korea closed their border and suspended trade in January "
                "2020 because of the coronavirus.",
            )
        ),
    )


def with_second_report(snapshot: Snapshot, *claims: ClaimView) -> Snapshot:
    """The seed snapshot with the RFA report added (and any further ``claims``)."""
    return Snapshot(
        revision=snapshot.revision + 1,
        articles={**snapshot.articles, RFA_ARTICLE: rfa_article()},
        sources={**snapshot.sources, RFA_SOURCE: rfa_source()},
        claims=(*snapshot.claims, *rfa_claims(), *claims),
        aliases=snapshot.aliases,
        default_article_id=snapshot.default_article_id,
        editor_ids=snapshot.editor_ids,
    )
