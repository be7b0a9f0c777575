"""schema.org ClaimReview for each claim. The bot rates nothing: it relays, so every
review's rating is "Unverified", explained by the report's own caveat."""

from __future__ import annotations

from typing import Any

from bot.web.record import is_web_url, modified_on
from db.views import ClaimView, Snapshot

RATING = "Unverified"


def claim_url(base_url: str, claim_id: int) -> str:
    return f"{base_url}/claims/{claim_id}"


def claim_review(claim: ClaimView, snapshot: Snapshot, base_url: str) -> dict[str, Any]:
    source = snapshot.sources.get(claim.source_id)
    article = snapshot.articles.get(claim.article_id)
    author: dict[str, Any] = {
        "@type": "Organization" if source is not None and source.kind == "narration" else "Person",
        "name": source.name if source is not None else "unknown",
    }
    appearance: dict[str, Any] = {"@type": "NewsArticle"}
    if article is not None:
        appearance["headline"] = article.title
        appearance["publisher"] = {"@type": "Organization", "name": article.outlet}
        if is_web_url(article.url):
            appearance["url"] = article.url
        if article.published_on is not None:
            appearance["datePublished"] = article.published_iso
    review: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": claim_url(base_url, claim.id),
        "claimReviewed": claim.statement,
        "itemReviewed": {"@type": "Claim", "author": author, "appearance": appearance},
        "reviewRating": {
            "@type": "Rating",
            "alternateName": RATING,
            "ratingExplanation": article.caveat if article is not None else RATING,
        },
        "datePublished": claim.created_at.date().isoformat(),
        "dateModified": modified_on(claim).date().isoformat(),
    }
    if not claim.active:
        review["reviewRating"]["ratingExplanation"] = (
            f"Retracted: {claim.retraction_reason or 'no reason given'}"
        )
    return review


def all_reviews(snapshot: Snapshot, base_url: str) -> list[dict[str, Any]]:
    return [claim_review(claim, snapshot, base_url) for claim in snapshot.claims]
