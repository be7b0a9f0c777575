"""Rendering the pages: Jinja2 with autoescape on every template, nothing built by hand."""

from __future__ import annotations

from functools import cache
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

from bot.sending.messages import DEFAULT_CAVEAT
from bot.web import record
from bot.web.history import HistoryEntry
from bot.web.jsonld import claim_review
from db.views import ClaimView, Snapshot


@cache
def environment() -> Environment:
    env = Environment(
        loader=PackageLoader("bot.web", "templates"),
        # Every template, whatever its name: stored text is always escaped.
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=False,
    )
    env.tests["web_url"] = record.is_web_url
    return env


def _render(name: str, snapshot: Snapshot, shown: list[int] | None, **values: Any) -> str:
    template = environment().get_template(name)
    return template.render(
        caveats=record.caveats(snapshot, shown),
        default_caveat=DEFAULT_CAVEAT,
        revision=snapshot.revision,
        snapshot=snapshot,
        record=record,
        **values,
    )


def index_page(snapshot: Snapshot) -> str:
    active = list(snapshot.active_claims)
    retracted = [claim for claim in snapshot.claims if not claim.active]
    return _render(
        "index.html",
        snapshot,
        None,
        reports=sorted(snapshot.articles.values(), key=lambda a: a.id),
        groups=record.by_place(active),
        retracted=retracted,
    )


def claim_page(
    snapshot: Snapshot, claim: ClaimView, history: list[HistoryEntry], base_url: str
) -> str:
    return _render(
        "claim.html",
        snapshot,
        [claim.article_id],
        claim=claim,
        article=snapshot.articles.get(claim.article_id),
        figures=record.figures(claim),
        chain=record.attribution(claim, snapshot),
        history=history,
        review=claim_review(claim, snapshot, base_url),
    )


def report_page(snapshot: Snapshot, article_id: int) -> str | None:
    article = snapshot.articles.get(article_id)
    if article is None:
        return None
    claims = [claim for claim in snapshot.claims if claim.article_id == article_id]
    return _render(
        "report.html",
        snapshot,
        [article_id],
        article=article,
        groups=record.by_place([claim for claim in claims if claim.active]),
        retracted=[claim for claim in claims if not claim.active],
    )


def not_found_page(snapshot: Snapshot) -> str:
    # Every report's caveat: the reader may have followed a link to any of them.
    return _render("not_found.html", snapshot, None)


@cache
def stylesheet() -> bytes:
    loader = environment().loader
    assert loader is not None
    source, _, _ = loader.get_source(environment(), "style.css")
    return source.encode()
