"""The public record pages over HTTP, on SQLite and PostgreSQL: status codes, the caveat on
every page, escaping, no private data, ClaimReview JSON-LD, and edits on the next load."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import update

from bot.runtime import Runtime
from bot.web.server import CONTENT_SECURITY_POLICY
from db import editing
from db.editing import Actor
from db.models import Article, Editor, QuestionLogEntry, Subscription
from db.revision import bump_revision
from tests.support.public_site import BASE_URL, CAVEAT, json_ld, public_client

OWNER = Actor(1001, frozenset({1001}))
EDITOR = Actor(2002, frozenset({1001}))
HOSTILE = "<script>alert('x')</script> & <b>bold</b>"
PAGES = ["/", "/claims/1", "/claims/2", "/reports/1"]


async def _with_editor(runtime: Runtime) -> None:
    async with runtime.sessionmaker() as session:
        await editing.grant(session, OWNER, EDITOR.user_id)


async def test_pages_answer_with_their_status(runtime: Runtime) -> None:
    async with public_client(runtime) as client:
        for path in [*PAGES, "/claims.json", "/chart.png", "/style.css"]:
            response = await client.get(path)
            assert response.status == 200, path
        for path in ["/claims/999999", "/claims/abc", "/claims/-1", "/reports/7", "/nothing"]:
            response = await client.get(path)
            assert response.status == 404, path
            page = await response.text()
            assert CAVEAT in page and "Not found" in page, path
            assert response.headers["Content-Security-Policy"] == CONTENT_SECURITY_POLICY


async def test_every_page_carries_the_caveat_of_every_report_it_shows(runtime: Runtime) -> None:
    await _with_editor(runtime)
    async with runtime.sessionmaker() as session:
        article = await editing.add_article(
            session,
            EDITOR,
            {"outlet": "Other Wire", "title": "Second report", "caveat": "Second caveat here."},
        )
        fact = await editing.add_fact(
            session,
            EDITOR,
            {"topic": "hours", "text": "Shifts run long.", "article": str(article.entity_id)},
        )
    async with public_client(runtime) as client:
        for path in PAGES:
            page = await (await client.get(path)).text()
            assert CAVEAT in page, path
        index = await (await client.get("/")).text()
        assert "Second caveat here." in index
        other = await (await client.get(f"/claims/{fact.entity_id}")).text()
        assert "Second caveat here." in other and CAVEAT not in other
        report = await (await client.get(f"/reports/{article.entity_id}")).text()
        assert "Second caveat here." in report and "Shifts run long." in report
        missing = await (await client.get("/claims/999999")).text()
        assert CAVEAT in missing and "Second caveat here." in missing


async def test_stored_text_is_escaped_everywhere(runtime: Runtime) -> None:
    await _with_editor(runtime)
    async with runtime.sessionmaker() as session:
        fact = await editing.add_fact(
            session, EDITOR, {"topic": "hours", "text": HOSTILE, "place": "<i>Nowhere</i>"}
        )
        await editing.edit_claim(
            session, EDITOR, fact.entity_id, {"quote": HOSTILE}, reason="<img src=x onerror=1>"
        )
    # The editor commands refuse such a link; a page must not trust that (old rows, imports).
    async with runtime.sessionmaker() as session, session.begin():
        await session.execute(update(Article).values(url="javascript:alert(1)"))
        await bump_revision(session)
    escaped = "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt;"
    async with public_client(runtime) as client:
        for path in ["/", f"/claims/{fact.entity_id}", "/reports/1"]:
            page = await (await client.get(path)).text()
            assert escaped in page, path
            assert "<script>alert" not in page and "<b>bold" not in page, path
            assert "<i>Nowhere" not in page and "&lt;i&gt;Nowhere&lt;/i&gt;" in page, path
            assert "javascript:" not in page, path
        claim_page = await (await client.get(f"/claims/{fact.entity_id}")).text()
        assert "&lt;img src=x onerror=1&gt;" in claim_page
        # Inside the JSON-LD block "<" is \u003c: no "</script>" can end it early.
        assert "\\u003cscript\\u003e" in claim_page
        assert json_ld(claim_page)["claimReviewed"] == HOSTILE


async def test_nothing_private_is_shown(runtime: Runtime) -> None:
    await _with_editor(runtime)
    async with runtime.sessionmaker() as session, session.begin():
        session.add(Editor(user_id=777000111, granted_by=1001))
        session.add(Subscription(chat_id=555444333, kind="all", target=""))
        session.add(
            QuestionLogEntry(
                asked_at=dt.datetime.now(dt.UTC),
                text="private question zebra",
                normalized="private question zebra",
                answered=True,
            )
        )
    async with runtime.sessionmaker() as session:
        await editing.edit_claim(session, EDITOR, 1, {"amount": "63000"}, reason="typo")
    async with public_client(runtime) as client:
        for path in [*PAGES, "/claims.json", "/claims/999999"]:
            page = await (await client.get(path)).text()
            for private in ("2002", "1001", "777000111", "555444333", "zebra"):
                assert private not in page, (path, private)
        history = await (await client.get("/claims/1")).text()
        assert "corrected amount: 62000 → 63000. Why: typo" in history


async def test_claim_pages_embed_a_claim_review(runtime: Runtime) -> None:
    async with public_client(runtime) as client:
        page = await (await client.get("/claims/2")).text()
        document = await (await client.get("/claims.json")).json()
    review = json_ld(page)
    assert review["@context"] == "https://schema.org"
    assert review["@type"] == "ClaimReview"
    assert review["url"] == f"{BASE_URL}/claims/2"
    assert review["claimReviewed"].startswith("In Dalian, China, North Korean workers")
    assert review["itemReviewed"]["@type"] == "Claim"
    assert review["itemReviewed"]["author"] == {"@type": "Person", "name": "a source in China"}
    assert review["itemReviewed"]["appearance"] == {
        "@type": "NewsArticle",
        "headline": (
            "North Korea Doubles Foreign Currency Quotas For Overseas Workers, "
            "Intensifying Labor Burden"
        ),
        "publisher": {"@type": "Organization", "name": "HNGN"},
    }
    assert review["reviewRating"] == {
        "@type": "Rating",
        "alternateName": "Unverified",
        "ratingExplanation": CAVEAT,
    }
    today = dt.datetime.now(dt.UTC).date()
    assert dt.date.fromisoformat(review["datePublished"]) <= today
    assert dt.date.fromisoformat(review["dateModified"]) >= dt.date.fromisoformat(
        review["datePublished"]
    )
    # /claims.json: the same review for every claim.
    reviews = {item["url"]: item for item in document["claims"]}
    assert reviews[f"{BASE_URL}/claims/2"] == review
    assert len(reviews) == 16


async def test_an_edit_and_a_retraction_show_on_the_next_load(runtime: Runtime) -> None:
    await _with_editor(runtime)
    async with public_client(runtime) as client:
        first = await client.get("/claims/1")
        etag = first.headers["ETag"]
        assert first.headers["Cache-Control"] == "no-cache"
        again = await client.get("/claims/1", headers={"If-None-Match": etag})
        assert again.status == 304
        index_etag = (await client.get("/")).headers["ETag"]
        assert index_etag == etag

        async with runtime.sessionmaker() as session:
            await editing.edit_claim(session, EDITOR, 1, {"usd": "740"}, reason="reread")
        edited = await client.get("/claims/1", headers={"If-None-Match": etag})
        assert edited.status == 200 and edited.headers["ETag"] != etag
        page = await edited.text()
        today = dt.datetime.now(dt.UTC).date().isoformat()
        assert f"Corrected on {today}." in page and "nearly $740" in page
        index = await (await client.get("/", headers={"If-None-Match": etag})).text()
        assert "nearly $740" in index and f"Corrected on {today}." in index

        async with runtime.sessionmaker() as session:
            await editing.retract(session, EDITOR, 1, "the source withdrew it")
        retracted = await (await client.get("/claims/1")).text()
        top = retracted.index("<main>")
        assert retracted.index("Retracted on", top) < retracted.index("<h1>", top)
        assert "the source withdrew it" in retracted
        index = await (await client.get("/")).text()
        in_force, _, retracted_part = index.partition("<h2>Retracted claims</h2>")
        assert 'id="claim-1"' not in in_force
        assert 'id="claim-1"' in retracted_part and "the source withdrew it" in retracted_part
        review = json_ld(retracted)
        assert review["reviewRating"]["alternateName"] == "Unverified"
        assert review["reviewRating"]["ratingExplanation"] == "Retracted: the source withdrew it"


async def test_pages_send_a_strict_content_security_policy(runtime: Runtime) -> None:
    async with public_client(runtime) as client:
        for path in [*PAGES, "/claims.json", "/chart.png", "/style.css", "/nothing"]:
            response = await client.get(path)
            assert response.headers["Content-Security-Policy"] == (
                "default-src 'none'; style-src 'self'; img-src 'self'; base-uri 'none'; "
                "form-action 'none'; frame-ancestors 'none'"
            ), path
            assert response.headers["X-Content-Type-Options"] == "nosniff"


@pytest.mark.parametrize("path", ["/", "/claims/2", "/reports/1"])
async def test_pages_show_figures_chain_and_labels(runtime: Runtime, path: str) -> None:
    async with public_client(runtime) as client:
        page = await (await client.get(path)).text()
    assert (
        "3,400 yuan (CNY) (nearly $470, the report&#39;s conversion) per month per person" in page
    )
    assert "6,800 yuan (CNY) (about $940) per month per person" in page
    assert "(implied by “doubled”)" in page
    assert "Said by a source in China, reported by Daily NK, carried by HNGN." in page


async def test_every_page_revalidates_with_its_etag(runtime: Runtime) -> None:
    # The whole-store pages once failed here: a charset set on the body-less 304.
    async with public_client(runtime) as client:
        for path in [*PAGES, "/claims.json", "/chart.png"]:
            first = await client.get(path)
            assert first.status == 200 and first.headers["ETag"] == '"r1"', path
            again = await client.get(path, headers={"If-None-Match": '"r1"'})
            assert again.status == 304, path
            assert again.headers["ETag"] == '"r1"'
            assert again.headers["Content-Security-Policy"] == CONTENT_SECURITY_POLICY
            stale = await client.get(path, headers={"If-None-Match": '"r0"'})
            assert stale.status == 200, path
