"""What a question about the sources asks beyond who said it (source_aspects.py's
``SourceAspect``), answered from the reports' own fields under the list of sources: an outlet
the reader suggests that no report names ("is this from Yonhap?": no, and who did publish it,
on whose reporting), a link ("link to the original?": the report gives none, and what it names
instead), firsthand or secondhand (who carried it, on whose reporting)."""

from __future__ import annotations

from bot.engine.claims import ComposerBase
from bot.engine.local_names import source_name
from bot.engine.reply import Reply
from bot.engine.source_aspects import SourceAspect, names_outlet, outlet_name
from bot.engine.understanding import Understanding
from bot.engine.wording import _, language
from bot.markup import Html, fmt
from db.views import ArticleView


def aspect_lines(c: ComposerBase, u: Understanding, reply: Reply) -> None:
    """The lines answering ``u``'s aspects, of the reports the answer cites."""
    if not u.source_aspects:
        return
    articles = [
        article
        for article_id in reply.article_ids or [c.snapshot.default_article_id or 0]
        if (article := c.snapshot.articles.get(article_id)) is not None
    ]
    if not articles:
        return
    article = articles[0]
    relied = source_name(article.relies_on) if article.relies_on else None
    if SourceAspect.SUGGESTED in u.source_aspects:
        for key in _not_named(c, u.suggested_outlets):
            reply.lines.append(_not_named_line(outlet_name(key, language()), article, relied))
    if SourceAspect.LINK in u.source_aspects:
        reply.lines.append(
            fmt(
                _(
                    "The report gives no link or URL: it names {outlet} as the outlet and "
                    "{relied} as the original reporting."
                )
                if relied
                else _("The report gives no link or URL: it names {outlet} as the outlet."),
                outlet=article.outlet,
                relied=relied or "",
            )
        )
    if SourceAspect.FIRSTHAND in u.source_aspects:
        reply.lines.append(
            fmt(
                _("{outlet} did not report it firsthand: it relies on reporting by {relied}.")
                if relied
                else _(
                    "The report does not say whether {outlet} reported it firsthand: it names "
                    "no reporting it relies on."
                ),
                outlet=article.outlet,
                relied=relied or "",
            )
        )


def _not_named_line(name: str, article: ArticleView, relied: str | None) -> Html:
    return fmt(
        _(
            "No: the report does not name {name} as its source. It was published by {outlet}, "
            "relying on reporting by {relied}."
        )
        if relied
        else _("No: the report does not name {name} as its source. It was published by {outlet}."),
        name=name,
        outlet=article.outlet,
        relied=relied or "",
    )


def _not_named(c: ComposerBase, keys: tuple[str, ...]) -> list[str]:
    """The suggested outlets no stored report names as outlet, original reporting or source
    ("Radio Free Asia" is one report's own outlet: its sources answer)."""
    stored = " | ".join(
        [
            *(f"{a.outlet} {a.relies_on or ''}" for a in c.snapshot.articles.values()),
            *(f"{s.name} {s.told_to or ''}" for s in c.snapshot.sources.values()),
        ]
    ).casefold()
    return [key for key in keys if not names_outlet(key, stored)]
