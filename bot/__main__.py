"""Command line: ``python -m bot`` runs the bot; ``ask``, ``migrate``, ``export``, ``import``
(``build_parser`` holds the plain-text help of each)."""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import os
import sys
from pathlib import Path

from sqlalchemy.exc import SQLAlchemyError

from bot.config import Settings, SettingsError, load_settings
from bot.logs import configure_logging
from bot.markup import plain_text

log = logging.getLogger("bot")

# What an unreachable or refusing database raises (driver errors arrive wrapped in
# SQLAlchemy's, or as OSError when the connection itself fails).
DATABASE_UNREACHABLE: tuple[type[BaseException], ...] = (SQLAlchemyError, OSError, TimeoutError)


DESCRIPTION = (
    "A Telegram bot that answers questions about the reported quota figures, with sources "
    "and caveats. Without a command it runs the bot."
)
COMMANDS = {
    "run": "run the bot: long polling, or a webhook server when WEBHOOK_URL is set",
    "ask": "answer one question in the terminal, no token needed",
    "migrate": "upgrade the database schema",
    "export": "print the whole store as JSON",
    "import": "merge (or replace) the store from a JSON file",
}


def build_parser() -> argparse.ArgumentParser:
    """Plain-text help: each command with its one-line description."""
    parser = argparse.ArgumentParser(prog="python -m bot", description=DESCRIPTION)
    commands = parser.add_subparsers(dest="command", title="commands", metavar="COMMAND")

    def command(name: str) -> argparse.ArgumentParser:
        return commands.add_parser(name, help=COMMANDS[name], description=COMMANDS[name] + ".")

    command("run")
    ask = command("ask")
    ask.add_argument("question", nargs="+", help='the question, or "-" to read it from stdin')
    command("migrate")
    command("export")
    load = command("import")
    load.add_argument("file", type=Path, help="a JSON file written by export or /export")
    load.add_argument("--replace", action="store_true", help="replace the store instead of merging")
    load.add_argument(
        "--with-editors",
        action="store_true",
        help="also apply the file's editors (a replace also revokes editors it does not list)",
    )
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)

    try:
        settings = load_settings()
    except SettingsError as error:
        print(f"Configuration error: {error}", file=sys.stderr)
        return 2
    command = args.command or "run"
    level = settings.log_level
    if command == "ask" and "log_level" not in settings.model_fields_set:
        # A terminal answer is the whole output: the migration's progress lines on a
        # first run are noise there, unless LOG_LEVEL asks for them.
        level = "WARNING"
    configure_logging(level, settings.secrets())

    try:
        if command == "run":
            return run_bot(settings)
        if command == "ask":
            question = " ".join(args.question)
            if args.question == ["-"]:
                question = " ".join(sys.stdin.read().split())
            return asyncio.run(ask_once(settings, question))
        if command == "migrate":
            from db.migrate import upgrade

            upgrade(settings.database_url)
            log.info("Schema is up to date")
            return 0
        if command == "export":
            return asyncio.run(export_store(settings))
        if command == "import":
            return asyncio.run(
                import_store(settings, args.file, args.replace, with_editors=args.with_editors)
            )
    except SettingsError as error:
        print(f"Configuration error: {error}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        # The reader of stdout went away (`ask … | head -2`): not a database error. Point
        # stdout at devnull so the interpreter's last flush does not complain either.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 1
    except DATABASE_UNREACHABLE as error:
        # A one-off command cannot wait for a server that may come up later (`run` does).
        from bot.database_url import shown
        from bot.startup import describe_error

        log.debug("Database error", exc_info=True)
        print(
            f"Database error: {shown(settings.database_url)}: {describe_error(error)}",
            file=sys.stderr,
        )
        return 1
    parser.error(f"unknown command {command}")
    return 2


def run_bot(settings: Settings) -> int:
    import threading

    from telegram import Update

    from bot.app import build_application
    from bot.startup import (
        DatabaseRefused,
        TokenRefused,
        stop_on_signals,
        wait_for_database,
        wait_for_telegram,
    )
    from db.migrate import upgrade

    settings.token()  # fail fast, with one clear line, before touching anything
    if settings.webhook_mode:
        settings.secret()
    stop = threading.Event()
    with stop_on_signals(stop):
        try:
            if not wait_for_database(settings.database_url, stop):
                return 0
        except DatabaseRefused as error:
            from bot.database_url import shown

            print(
                f"Configuration error: DATABASE_URL {shown(settings.database_url)} was "
                f"refused by the server ({error})",
                file=sys.stderr,
            )
            return 2
        upgrade(settings.database_url)
        try:
            # Telegram down or unreachable at start-up: one line a try, not a traceback.
            if not wait_for_telegram(settings, stop):
                return 0
        except TokenRefused as error:
            print(
                f"Configuration error: TELEGRAM_BOT_TOKEN was refused by the Bot API ({error}); "
                "get a valid token from @BotFather",
                file=sys.stderr,
            )
            return 2
    application = build_application(settings)
    if settings.webhook_mode:
        from bot.webhook import run_webhook

        return asyncio.run(run_webhook(settings, application))
    application.run_polling(allowed_updates=Update.ALL_TYPES)
    return 0


async def ask_once(settings: Settings, question: str) -> int:
    from bot.engine import suggestions
    from bot.engine.wording import speaking
    from bot.i18n import DEFAULT_LANGUAGE, detect, translator
    from bot.markup import escape
    from bot.runtime import Runtime
    from bot.sending.messages import build_messages

    runtime = Runtime.create(settings)
    try:
        await runtime.prepare_store()
        engine = await runtime.answer_engine()
        # The question's language (its script), as in a chat without a stored choice: the
        # answer and its caveat in it.
        language = detect(question) or DEFAULT_LANGUAGE
        with speaking(translator(language)):
            reply = engine.answer(question)
            # The chat shows suggestions as buttons; here they are plain lines.
            lines = [*reply.lines, *map(escape, suggestions(reply))]
        for part in build_messages(lines, reply.caveats(engine.snapshot), language=language):
            print(plain_text(part))
    finally:
        await runtime.close()
    return 0


async def export_store(settings: Settings) -> int:
    from bot.runtime import Runtime
    from db.transfer import export_document

    runtime = Runtime.create(settings)
    try:
        await runtime.prepare_store()
        async with runtime.sessionmaker() as session:
            document = await export_document(session)
        json.dump(document, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    finally:
        await runtime.close()
    return 0


def _import_refused(path: Path, problems: list[str]) -> int:
    print(f"Cannot import {path}, nothing changed:", file=sys.stderr)
    for problem in problems:
        print(f"  {problem}", file=sys.stderr)
    return 1


async def import_store(
    settings: Settings, path: Path, replace: bool, *, with_editors: bool = False
) -> int:
    from bot.runtime import Runtime
    from db.transfer import DocumentError, ImportMode, import_document, read_document

    try:
        document = read_document(await asyncio.to_thread(path.read_bytes))
    except OSError as error:
        return _import_refused(path, [str(error)])
    except DocumentError as error:
        return _import_refused(path, error.lines())
    runtime = Runtime.create(settings)
    try:
        await runtime.prepare_store()
        async with runtime.sessionmaker() as session:
            try:
                summary = await import_document(
                    session,
                    document,
                    mode=ImportMode.REPLACE if replace else ImportMode.MERGE,
                    with_editors=with_editors,
                )
            except DocumentError as error:
                return _import_refused(path, error.lines())
        print(f"Imported ({summary.describe()})")
        for line in summary.editor_lines("--with-editors"):
            print(line)
    finally:
        await runtime.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
