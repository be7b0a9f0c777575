"""The kinds, statuses and roles stored in the database, as enums.

They are ``StrEnum``: a member is its stored string (``Role.OWNER == "owner"``), so
rows written before these enums, exports and callback data stay byte-identical.
"""

from __future__ import annotations

from enum import StrEnum


class Role(StrEnum):
    """Who may do what: owners are set in ADMIN_USER_IDS, editors are granted by them."""

    OWNER = "owner"
    EDITOR = "editor"


class ClaimKind(StrEnum):
    QUOTA = "quota"
    FACT = "fact"


class ClaimStatus(StrEnum):
    ACTIVE = "active"
    RETRACTED = "retracted"


class SourceKind(StrEnum):
    ANONYMOUS = "anonymous"
    NAMED = "named"
    NARRATION = "narration"


class EntityType(StrEnum):
    """What a change-log row is about."""

    CLAIM = "claim"
    ARTICLE = "article"
    SOURCE = "source"
    ALIAS = "alias"
    EDITOR = "editor"


class ChangeAction(StrEnum):
    """What a change-log row records."""

    CREATE = "create"
    EDIT = "edit"
    RETRACT = "retract"
    RESTORE = "restore"
    UNDO = "undo"
    GRANT = "grant"
    REVOKE = "revoke"
    ALIAS = "alias"
    IMPORT = "import"
    SEED = "seed"


class NoticeAction(StrEnum):
    """What subscribers read a change as (stored in change_notices.action; bot/notify.py
    words it)."""

    ADD = "add"
    CORRECT = "correct"
    RETRACT = "retract"
    RESTORE = "restore"
    IMPORT = "import"


class DeliveryStatus(StrEnum):
    """Where one chat's copy of a notice is: waiting, accepted by Telegram, or given up."""

    PENDING = "pending"
    SENT = "sent"
    FAILED = "failed"


class ImportMode(StrEnum):
    """How an import meets the store: merge (update by id, add the rest) or replace it."""

    MERGE = "merge"
    REPLACE = "replace"


class SubscriptionKind(StrEnum):
    """What a chat follows: every change, one place, or one claim."""

    ALL = "all"
    PLACE = "place"
    CLAIM = "claim"


class Period(StrEnum):
    """How often a figure is due: "once" is a one-off levy. A quarter is three months
    (four a year): the engine's per-period arithmetic says so, labelled as its own."""

    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    QUARTER = "quarter"
    YEAR = "year"
    ONCE = "once"


class Basis(StrEnum):
    """Whom a figure is counted for; the report's own words go in ``basis_text``."""

    PERSON = "person"
    HOUSEHOLD = "household"
    FAMILY_MEMBER = "family_member"
    TEAM = "team"
    COMPANY = "company"
    OTHER = "other"


class FigureChange(StrEnum):
    """What the report says happened to a figure. With ``amount_to`` the claim reads
    "from amount to amount_to"; without it ``amount`` is the figure before the change,
    unless ``amount_is`` says it is the one after (db.kinds.AmountSide)."""

    DOUBLED = "doubled"
    INCREASED = "increased"
    DECREASED = "decreased"
    NEW = "new"
    UNCHANGED = "unchanged"
    NONE = "none"


class AmountSide(StrEnum):
    """Which side of a reported change ``amount`` is, when the report states only one:
    "rose 25 percent to 450,000 rubles" states the amount AFTER the change. Unset, an
    amount with a change is the one before it (as every claim stored before this was)."""

    BEFORE = "before"
    AFTER = "after"


class AmountBound(StrEnum):
    """An amount the report gives only as a bound: "at least US$40 a day" (``AT_LEAST``),
    "up to 500 yuan" (``AT_MOST``). Unset, the amount is the figure itself."""

    AT_LEAST = "at_least"
    AT_MOST = "at_most"


class DatePrecision(StrEnum):
    """How much of a stored date the report gave: 2020 (year), October 2020 (month), or a day."""

    YEAR = "year"
    MONTH = "month"
    DAY = "day"


class Language(StrEnum):
    """The languages of the user interface (bot/i18n): a user's stored preference."""

    EN = "en"
    RU = "ru"
    ZH = "zh"
    KO = "ko"


class SnapshotPart(StrEnum):
    """What a ``store_changes`` row names: a row of a table the snapshot holds, or more."""

    CLAIM = "claim"
    ARTICLE = "article"
    SOURCE = "source"
    ALIAS = "alias"
    EDITOR = "editor"
    # Too many rows, or a bulk statement: whoever reads this reloads everything.
    ALL = "all"
    # A revision with no row of the snapshot changed (so every revision has a row).
    NONE = "none"
