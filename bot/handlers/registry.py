"""The one list of commands: registration, the per-chat menus and /help come from it.

Each command has its name, who may use it, whether it shows in the menus, its menu
description, its usage line and its handler. Editors' and owners' handlers are
wrapped in the one ``requires`` gate here, so no command can miss it.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.handlers import (
    asked,
    changes,
    chart,
    dialogues,
    ingest,
    language,
    listings,
    owners,
    reach,
    subscriptions,
    translations,
    user,
)
from bot.handlers.gate import ActorHandler, Handler, requires
from bot.i18n import DEFAULT_LANGUAGE, N_, Language, translator
from bot.markup import Html, escape
from db.kinds import Role


@dataclass(frozen=True)
class Command:
    name: str
    description: str
    handler: Handler
    # None: everyone. Editors' commands show in editors' and owners' menus only.
    role: Role | None = None
    usage: str = ""
    # How /help lists it ("" for commands /help leaves out).
    help: str = ""
    in_menu: bool = True
    # /import rides on a document's caption, not on a text message.
    caption: bool = False
    # /ingest takes both: a text message, or a file with the command as its caption.
    caption_too: bool = False


def gated(
    name: str,
    description: str,
    handler: ActorHandler,
    *,
    what: str,
    usage: str,
    role: Role = Role.EDITOR,
    private_data: str | None = None,
    in_menu: bool = True,
    caption: bool = False,
    caption_too: bool = False,
) -> Command:
    """A command for editors (or owners): refused to everyone else by ``requires``."""
    gate = requires(role, name=name, what=what, usage=usage, private_data=private_data)
    return Command(
        name, description, gate(handler), role, usage,
        in_menu=in_menu, caption=caption, caption_too=caption_too,
    )  # fmt: skip


PUBLIC = (
    Command("start", N_("What this bot is and how to ask"), user.start),
    Command("help", N_("How to ask, with examples"), user.help_command, help="/help"),
    Command("quotas", N_("All reported quota figures"), user.quotas,
            help=N_("/quotas all figures")),
    Command(
        "quota", N_("The quota for one place or country"), user.quota,
        help=N_("/quota <place> one place"),
    ),
    # Public; editors also get the source ids.
    Command("sources", N_("Who says so"), listings.sources, help=N_("/sources who says so")),
    Command("caveat", N_("How far the claims can be trusted"), user.caveat,
            help=N_("/caveat how far to trust it")),
    Command("article", N_("The report: title, outlet, original reporting"), user.article,
            help=N_("/article the report")),
    Command("ask", N_("Ask a question (in groups)"), user.ask,
            help=N_("/ask <question> (in groups)")),
    Command("subscribe", N_("Get a notice when a fact changes"), subscriptions.subscribe),
    Command("unsubscribe", N_("Stop change notices"), subscriptions.unsubscribe),
    Command("subscriptions", N_("What this chat follows"), subscriptions.subscriptions),
    Command("privacy", N_("What the bot stores and why"), reach.privacy),
    Command("chart", N_("A chart of every reported figure"), chart.chart,
            help=N_("/chart every figure as a chart")),
    Command("language", N_("Choose your language"), language.language,
            help=N_("/language your language")),
)  # fmt: skip

EDITORS = (
    gated("facts", N_("Editors: every active fact with its id"), listings.facts,
          what="list the facts with ids", usage="/facts [word] [page=2] [all=yes]"),
    gated("addquota", N_("Editors: add a quota figure"), changes.addquota,
          what="add quota figures",
          usage="/addquota country=Russia place=Vladivostok sector=construction "
          "amount=50,000 currency=RUB [usd=590] [approx=yes] [amount_high=… usd_high=…] "
          "[share=70-90 share_of=…] [period=month|week|quarter|year|day|once] [deadline=\"…\"] "
          "[deadline_on=2020-10] [basis=person|household|family_member|team|company|other] "
          '[basis_text="…"] [change=doubled|increased|decreased|new|unchanged|none] '
          '[amount_to=… usd_to=…] [change_percent=25] [amount_is=before|after] '
          '[bound=at_least|at_most] [date="March 10"] [date_on=2020-03-10] '
          '[source="a source in Russia"] [article=2]'),
    gated("ingest", N_("Editors: paste a report in, figure by figure"), ingest.ingest,
          what="paste reports in", private_data=N_("a report's drafts"), caption_too=True,
          usage=N_("/ingest, then paste the report's text (or send it as a .txt file); "
                   "or /ingest <the text>")),
    gated("addfact", N_("Editors: add another claim"), changes.addfact, what="add facts",
          usage='/addfact topic=hours text="Workers must work longer hours." [quote="…"] '
          '[place=Sakhalin] [source="#1"] [article=1]'),
    gated("addarticle", N_("Editors: add a report"), changes.addarticle, what="add articles",
          usage='/addarticle outlet="Daily NK" title="…" caveat="Daily NK cannot verify this." '
          "[url=https://…] [reporter=…] [date=2026-03-10|2026-03|2026]"),
    gated("edit", N_("Editors: correct a fact"), changes.edit, what="edit facts",
          usage=N_('/edit 12 amount=65,000 [more field=value …] [reason="…"] '
                   "(clear a field with -)")),
    gated("supersede", N_("Editors: mark a claim superseded by a later one"), changes.supersede,
          what="edit facts", usage=N_("/supersede 12 15 [reason] (15 supersedes 12)")),
    gated("retract", N_("Editors: withdraw a fact"), changes.retract, what="retract facts",
          usage=N_("/retract 12 the source withdrew the figure")),
    gated("restore", N_("Editors: bring a retracted fact back"), changes.restore,
          what="restore facts", usage=N_("/restore 12 [reason]")),
    gated("translate", N_("Editors: store a translation of a statement or quote"),
          translations.translate, what="translate facts", usage=translations.USAGE),
    gated("history", N_("Editors: every change to a fact"), listings.history,
          what="see the history", usage="/history 12", private_data=N_("editors' user ids")),
    gated("undo", N_("Editors: take back your last change"), changes.undo, what="undo changes",
          usage="/undo"),
    gated("articles", N_("Editors: reports with ids"), listings.articles,
          what="list the articles", usage="/articles"),
    gated("editarticle", N_("Editors: correct a report"), changes.editarticle,
          what="edit articles",
          usage='/editarticle 2 caveat="…" [title=… url=… reporter=… date=YYYY-MM-DD]'),
    gated("editsource", N_("Editors: correct a source"), changes.editsource,
          what="edit sources",
          usage='/editsource 3 name="a source in Dalian" [kind=anonymous told_to=… notes=…]'),
    gated("alias", N_("Editors: teach the bot a word"), changes.alias,
          what="teach the bot words", usage='/alias "fish factory" sector=seafood processing'),
    gated("aliases", N_("Editors: the words taught"), listings.aliases, what="list the aliases",
          usage="/aliases"),
    gated("admins", N_("Editors: owners and editors"), listings.admins, what="list the editors",
          usage="/admins", private_data=N_("user ids")),
    gated("unanswered", N_("Editors: questions the bot could not answer"), asked.unanswered,
          what="see what people asked", usage=N_("/unanswered [days]"),
          private_data=N_("what people asked")),
    gated("stats", N_("Editors: questions, answers, subscribers"), asked.stats,
          what="see what people asked", usage=N_("/stats [days]"),
          private_data=N_("what people asked")),
    # Anyone may end their own dialogue ("Nothing to cancel." otherwise): no gate.
    Command("cancel", N_("Editors: stop a guided dialogue"), dialogues.cancel, Role.EDITOR),
)  # fmt: skip

OWNERS = (
    gated("grant", N_("Owners: make a user an editor"), owners.grant, role=Role.OWNER,
          what="grant editing rights", usage="/grant 123456789", private_data=N_("user ids")),
    gated("revoke", N_("Owners: take editing rights away"), owners.revoke, role=Role.OWNER,
          what="revoke editing rights", usage="/revoke 123456789", private_data=N_("user ids")),
    gated("export", N_("Owners: the whole store as JSON"), owners.export, role=Role.OWNER,
          what="export the store", usage=N_("/export (in a private chat)"),
          private_data=N_("editors' user ids")),
    gated("import", N_("Owners: load a JSON file from /export"), owners.import_store,
          role=Role.OWNER, what="import the store", in_menu=False, caption=True,
          usage="send the JSON file with the caption /import or /import mode=replace "
          f"(add {owners.WITH_EDITORS} to apply the file's editors too)"),
)  # fmt: skip

COMMANDS: tuple[Command, ...] = (*PUBLIC, *EDITORS, *OWNERS)


def menu_for(role: Role | None, language: Language = DEFAULT_LANGUAGE) -> list[tuple[str, str]]:
    """(name, description) of the menu a chat gets: public, plus editors', plus owners'.
    Every description in ``language``."""
    shown = (
        {None}
        | ({Role.EDITOR} if role is not None else set())
        | ({Role.OWNER} if role == Role.OWNER else set())
    )
    _ = translator(language).gettext
    return [(c.name, _(c.description)) for c in COMMANDS if c.in_menu and c.role in shown]


def help_line(language: Language = DEFAULT_LANGUAGE) -> Html:
    """The commands line of /help: the public commands that have a help text."""
    _ = translator(language).gettext
    listed = [escape(_(c.help)) for c in COMMANDS if c.help and c.role is None]
    # /help names itself last.
    listed.sort(key=lambda text: text == escape("/help"))
    heading = escape(_("Commands:"))
    return Html(heading + Html(" " + " · ".join(listed)))
