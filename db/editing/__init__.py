"""Editor services: who may edit, and every change to the store.

Each public function takes an ``AsyncSession`` and an ``Actor`` and owns its
transaction: it checks the actor's rights inside that transaction (a handler
filter is never the only guard), validates every value with ``db.validation``,
writes its ``change_log`` rows and calls ``bump_revision`` before committing, so
answers follow the store at once and nothing is half written.

Errors are ``EditingError`` subclasses whose message is one plain-text line for
the editor; the Telegram layer adds the usage line.

The modules: ``errors``, ``access`` (actors and roles), ``changelog`` (history rows and
the write transaction), ``fields`` (what may be typed), ``editors`` (grant, revoke),
``claims``, ``catalog`` (articles, sources, aliases, listings), ``translations`` (the
editors' translations of statements and quotes) and ``undo``.
"""

from db.editing.access import Actor, check_role, may, role_of
from db.editing.catalog import (
    add_alias,
    add_article,
    edit_article,
    edit_source,
    get_claim,
    history,
    list_aliases,
    list_articles,
    list_claims,
    list_sources,
    normalize_term,
)
from db.editing.changelog import Change, as_text
from db.editing.claims import add_fact, add_quota, edit_claim, restore, retract, supersede
from db.editing.editors import editor_ids, grant, list_editors, parse_user_id, revoke
from db.editing.errors import Conflict, EditingError, InvalidValue, NotAuthorized, NotFound
from db.editing.fields import ARTICLE_FIELDS, CLAIM_FIELDS, SOURCE_FIELDS, FieldSpec, clean_reason
from db.editing.translations import list_translations, remove_translation, set_translation
from db.editing.undo import undo
from db.kinds import Role
from db.validation import ALIAS_KINDS, CHANGES, PERIODS

__all__ = [
    "ALIAS_KINDS",
    "ARTICLE_FIELDS",
    "CHANGES",
    "CLAIM_FIELDS",
    "PERIODS",
    "SOURCE_FIELDS",
    "Actor",
    "Change",
    "Conflict",
    "EditingError",
    "FieldSpec",
    "InvalidValue",
    "NotAuthorized",
    "NotFound",
    "Role",
    "add_alias",
    "add_article",
    "add_fact",
    "add_quota",
    "as_text",
    "check_role",
    "clean_reason",
    "edit_article",
    "edit_claim",
    "edit_source",
    "editor_ids",
    "get_claim",
    "grant",
    "history",
    "list_aliases",
    "list_articles",
    "list_claims",
    "list_editors",
    "list_sources",
    "list_translations",
    "may",
    "normalize_term",
    "parse_user_id",
    "remove_translation",
    "restore",
    "retract",
    "revoke",
    "role_of",
    "set_translation",
    "supersede",
    "undo",
]
