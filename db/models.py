"""The store's tables.

One table holds every claim, quota figures included, so that quotas and other
claims share one id space; the quota columns are simply empty on plain facts.
Nothing is ever deleted: a retraction is a status, and every change writes a
row to ``change_log`` in the same transaction.
"""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Context, Decimal, InvalidOperation
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    Numeric,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
    func,
    true,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

# Amounts are exact decimals: money must never pick up float noise. NUMERIC(24, 4): 20
# digits before the point (the validator allows 15) and 4 after.
AMOUNT_PRECISION = 24
AMOUNT_SCALE = 4
# Room for the widest amount as text: sign, 20 digits, point, 4 decimals.
AMOUNT_TEXT_LEN = 32
_AMOUNT_QUANTUM = Decimal(1).scaleb(-AMOUNT_SCALE)
# Wide enough that quantizing any in-range amount is exact (the default has 28 digits).
_AMOUNT_CONTEXT = Context(prec=AMOUNT_PRECISION + 16, rounding=ROUND_HALF_UP)


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class UtcDateTime(TypeDecorator[dt.datetime]):
    """Timezone-aware UTC datetimes on both SQLite (which drops the zone) and PostgreSQL."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: dt.datetime | None, dialect: Any) -> dt.datetime | None:
        if value is not None and value.tzinfo is not None:
            value = value.astimezone(dt.UTC)
        return value

    def process_result_value(self, value: dt.datetime | None, dialect: Any) -> dt.datetime | None:
        if value is not None and value.tzinfo is None:
            value = value.replace(tzinfo=dt.UTC)
        return value


class ExactDecimal(TypeDecorator[Decimal]):
    """Exact decimal amounts on every backend.

    PostgreSQL's NUMERIC(24, 4) is exact. SQLite's NUMERIC is a float (987,654,321,098,765.4321
    came back as …765.375), so there the value is kept as text at a fixed scale of 4
    ("62000.0000"): both backends read back the same Decimal, and both refuse what
    NUMERIC(24, 4) cannot hold.
    """

    impl = Numeric(AMOUNT_PRECISION, AMOUNT_SCALE)
    cache_ok = True

    def load_dialect_impl(self, dialect: Any) -> Any:
        if dialect.name == "sqlite":
            return dialect.type_descriptor(String(AMOUNT_TEXT_LEN))
        return dialect.type_descriptor(Numeric(AMOUNT_PRECISION, AMOUNT_SCALE))

    def process_bind_param(self, value: Decimal | None, dialect: Any) -> Decimal | str | None:
        if value is None:
            return None
        if isinstance(value, int) and not isinstance(value, bool):
            value = Decimal(value)  # whole numbers are exact too; floats are refused
        if not isinstance(value, Decimal) or not value.is_finite():
            raise ValueError(f"an amount must be a finite Decimal, not {value!r}")
        exact = value.quantize(_AMOUNT_QUANTUM, context=_AMOUNT_CONTEXT)
        if exact.adjusted() >= AMOUNT_PRECISION - AMOUNT_SCALE:
            raise ValueError(f"an amount must be below 10**{AMOUNT_PRECISION - AMOUNT_SCALE}")
        return format(exact, "f") if dialect.name == "sqlite" else exact

    def process_result_value(self, value: Any, dialect: Any) -> Decimal | None:
        if value is None or isinstance(value, Decimal):
            return value
        try:
            return Decimal(value)
        except InvalidOperation:
            raise ValueError(f"a stored amount is not a number: {value!r}") from None


class Article(Base):
    """A published report that carries claims, and the caveat it attaches to them."""

    __tablename__ = "articles"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    outlet: Mapped[str] = mapped_column(String(100))
    title: Mapped[str] = mapped_column(String(300))
    caveat: Mapped[str] = mapped_column(String(500))
    url: Mapped[str | None] = mapped_column(String(500))
    reporter: Mapped[str | None] = mapped_column(String(100))
    # The outlet whose reporting this article relies on (HNGN relies on Daily NK).
    relies_on: Mapped[str | None] = mapped_column(String(100))
    # None where the report gives no date: the bot must never guess one.
    published_on: Mapped[dt.date | None] = mapped_column(Date)
    # How much of published_on the report gives (db.kinds.DatePrecision): "month" keeps
    # "October 2020" from reading as October 1st. None when there is no date.
    published_precision: Mapped[str | None] = mapped_column(String(5))
    is_default: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[dt.datetime] = mapped_column(UtcDateTime(), default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(UtcDateTime(), default=utcnow)
    # Optimistic locking, as on claims: concurrent edits of one article cannot overwrite.
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012


class Source(Base):
    """Who made a claim, as the article attributes it."""

    __tablename__ = "sources"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    # How the article names them: "a source in Russia", "the article's own narration".
    name: Mapped[str] = mapped_column(String(200))
    # anonymous | named | narration
    kind: Mapped[str] = mapped_column(String(20), default="anonymous")
    # To whom they said it ("Daily NK"), where the article says so.
    told_to: Mapped[str | None] = mapped_column(String(100))
    country: Mapped[str | None] = mapped_column(String(2))
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id"))
    notes: Mapped[str | None] = mapped_column(String(500))
    created_at: Mapped[dt.datetime] = mapped_column(UtcDateTime(), default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(UtcDateTime(), default=utcnow)
    # Optimistic locking, as on claims: concurrent edits of one source cannot overwrite.
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012


class Claim(Base):
    """One statement from a report; quota figures carry typed quantities as well."""

    __tablename__ = "claims"
    __table_args__ = (
        CheckConstraint("kind IN ('quota', 'fact')", name="kind"),
        CheckConstraint("status IN ('active', 'retracted')", name="status"),
        Index("ix_claims_status_kind", "status", "kind"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(10), default="fact")
    topic: Mapped[str] = mapped_column(String(60))
    statement: Mapped[str] = mapped_column(Text)
    quote: Mapped[str | None] = mapped_column(Text)
    place: Mapped[str | None] = mapped_column(String(100))
    source_id: Mapped[int] = mapped_column(ForeignKey("sources.id"))
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id"))
    status: Mapped[str] = mapped_column(String(10), default="active")
    retracted_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime())
    retraction_reason: Mapped[str | None] = mapped_column(String(500))
    # Set when an editor corrects the claim: answers say "corrected on <date>".
    corrected_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime())
    created_at: Mapped[dt.datetime] = mapped_column(UtcDateTime(), default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(UtcDateTime(), default=utcnow)
    # Optimistic locking: two editors changing one claim cannot overwrite each other.
    version: Mapped[int] = mapped_column(Integer, default=1)

    # Figure columns (kind == "quota": every figure claim, whatever its period).
    country: Mapped[str | None] = mapped_column(String(2))
    sector: Mapped[str | None] = mapped_column(String(100))
    amount: Mapped[Decimal | None] = mapped_column(ExactDecimal())
    # The top of a range ("between $300 and $1,000"): amount is then its bottom.
    amount_high: Mapped[Decimal | None] = mapped_column(ExactDecimal())
    currency: Mapped[str | None] = mapped_column(String(3))
    usd_amount: Mapped[Decimal | None] = mapped_column(ExactDecimal())
    usd_is_approx: Mapped[bool] = mapped_column(Boolean, default=True)
    # The report's own dollar conversion of amount_high (a range in dollars).
    usd_high: Mapped[Decimal | None] = mapped_column(ExactDecimal())
    # A share instead of an amount ("70 to 90 percent of their pay"), in percent.
    share_low: Mapped[Decimal | None] = mapped_column(ExactDecimal())
    share_high: Mapped[Decimal | None] = mapped_column(ExactDecimal())
    # What the share is of, as reported ("their pay").
    share_of: Mapped[str | None] = mapped_column(String(100))
    # db.kinds.Period: day | week | month | quarter | year | once.
    period: Mapped[str | None] = mapped_column(String(20))
    # The deadline as reported ("by the end of the month"), and its date where known.
    deadline: Mapped[str | None] = mapped_column(String(100))
    deadline_on: Mapped[dt.date | None] = mapped_column(Date)
    deadline_precision: Mapped[str | None] = mapped_column(String(5))
    # db.kinds.Basis; the report's own wording ("for each spouse") in basis_text.
    basis: Mapped[str | None] = mapped_column(String(20))
    basis_text: Mapped[str | None] = mapped_column(String(100))
    # db.kinds.FigureChange. Without amount_to, "amount" is the figure before the change
    # (or after it, with amount_is "after"); with it the report states both: "from amount
    # to amount_to".
    change: Mapped[str | None] = mapped_column(String(20))
    amount_to: Mapped[Decimal | None] = mapped_column(ExactDecimal())
    usd_to: Mapped[Decimal | None] = mapped_column(ExactDecimal())
    # The change as a percentage, as reported ("rose 25 percent": 25), always positive:
    # the change (increased | decreased) gives its direction.
    change_percent: Mapped[Decimal | None] = mapped_column(ExactDecimal())
    # db.kinds.AmountSide: which side of the change "amount" is when the report states one.
    amount_is: Mapped[str | None] = mapped_column(String(6))
    # db.kinds.AmountBound: "at least US$40" (at_least) or "up to" (at_most); None: exact.
    amount_bound: Mapped[str | None] = mapped_column(String(8))
    # As reported ("March 10"), with or without a year; change_on is the date where the
    # report allows one, to the precision it gives (db.kinds.DatePrecision).
    change_date: Mapped[str | None] = mapped_column(String(100))
    change_on: Mapped[dt.date | None] = mapped_column(Date)
    change_on_precision: Mapped[str | None] = mapped_column(String(5))
    # A later claim that supersedes this one (an editor's call): answers say "reported
    # earlier". Any kind of claim may be superseded; checked by the editing code.
    superseded_by: Mapped[int | None] = mapped_column(Integer)

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012


class ClaimTranslation(Base):
    """An editor's translation of a claim's statement (or quote) into one interface language.

    The claim itself stays as the report gave it: answers in that language show this text
    marked as the editors' translation, then the original marked as the original.
    """

    __tablename__ = "claim_translations"
    __table_args__ = (
        UniqueConstraint("claim_id", "language", name="claim_language"),
        CheckConstraint("language IN ('ru', 'zh', 'ko')", name="language"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    claim_id: Mapped[int] = mapped_column(ForeignKey("claims.id"), index=True)
    # db.kinds.Language, never English (the claims' own language).
    language: Mapped[str] = mapped_column(String(5))
    text: Mapped[str] = mapped_column(Text)
    # Who stored it last (an editor's numeric id; None for an import or the seed), and when.
    updated_by: Mapped[int | None] = mapped_column(BigInteger)
    created_at: Mapped[dt.datetime] = mapped_column(UtcDateTime(), default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(UtcDateTime(), default=utcnow)
    # Optimistic locking, as on claims: two editors translating at once cannot overwrite.
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012


class Alias(Base):
    """A word people use, mapped to a place, sector, topic, country or currency."""

    __tablename__ = "aliases"
    __table_args__ = (UniqueConstraint("term", "kind", name="term_kind"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    # Stored normalized (casefolded, NFKC) so lookups are plain equality.
    term: Mapped[str] = mapped_column(String(100))
    kind: Mapped[str] = mapped_column(String(20))
    value: Mapped[str] = mapped_column(String(100))
    created_at: Mapped[dt.datetime] = mapped_column(UtcDateTime(), default=utcnow)
    # Optimistic locking, as on claims: /alias re-pointing a word edits this row.
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012


class ChangeLogEntry(Base):
    """One field changed by one editor action; written in the same transaction."""

    __tablename__ = "change_log"
    __table_args__ = (Index("ix_change_log_entity", "entity_type", "entity_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    # All rows of one editor action share a batch, so /undo can take it back whole.
    batch: Mapped[str] = mapped_column(String(36), index=True)
    entity_type: Mapped[str] = mapped_column(String(20))
    entity_id: Mapped[int] = mapped_column(Integer)
    action: Mapped[str] = mapped_column(String(20))
    field: Mapped[str | None] = mapped_column(String(40))
    old_value: Mapped[str | None] = mapped_column(Text)
    new_value: Mapped[str | None] = mapped_column(Text)
    reason: Mapped[str | None] = mapped_column(String(500))
    editor_id: Mapped[int | None] = mapped_column(BigInteger, index=True)
    created_at: Mapped[dt.datetime] = mapped_column(UtcDateTime(), default=utcnow)
    undone: Mapped[bool] = mapped_column(Boolean, default=False)


class Editor(Base):
    """A Telegram user granted editing rights by an owner (owners live in settings)."""

    __tablename__ = "editors"

    user_id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    granted_by: Mapped[int] = mapped_column(BigInteger)
    granted_at: Mapped[dt.datetime] = mapped_column(UtcDateTime(), default=utcnow)


class StoreState(Base):
    """A single row whose revision rises with every change to the facts.

    Each process keeps the facts in memory and checks this one number before
    answering, so a change made by any replica is seen by all at once.
    """

    __tablename__ = "store_state"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    revision: Mapped[int] = mapped_column(BigInteger, default=0)
    updated_at: Mapped[dt.datetime] = mapped_column(
        UtcDateTime(), default=utcnow, server_default=func.now()
    )


class StoreChange(Base):
    """Which snapshot row a revision changed, written in that revision's transaction.

    Readers holding revision R reload only the rows named by revisions above R
    (db/changes.py writes them, db/snapshot.py reads them). Every revision has at least
    one row, so a gap means "reload everything".
    """

    __tablename__ = "store_changes"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    revision: Mapped[int] = mapped_column(BigInteger, index=True)
    # db.kinds.SnapshotPart
    part: Mapped[str] = mapped_column(String(10))
    # The row's key (claims.id, editors.user_id …); None for "all" and "none".
    row_id: Mapped[int | None] = mapped_column(BigInteger)


class Dialogue(Base):
    """A guided editor dialogue's state, kept here so it survives restarts and replicas."""

    __tablename__ = "dialogues"

    chat_id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    user_id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    kind: Mapped[str] = mapped_column(String(20))
    state: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    updated_at: Mapped[dt.datetime] = mapped_column(UtcDateTime(), default=utcnow)


class ProcessedUpdate(Base):
    """Update ids already handled, so a redelivered update is not answered twice."""

    __tablename__ = "processed_updates"

    update_id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    processed_at: Mapped[dt.datetime] = mapped_column(UtcDateTime(), default=utcnow, index=True)
    # False while a replica works on it: a crash leaves it False, and once the lease
    # runs out Telegram's redelivery is processed again (at most the one in flight repeats).
    finished: Mapped[bool] = mapped_column(Boolean, default=False, server_default=true())


# ----- Reach: subscriptions, change notices, the question log. -------------------


class Subscription(Base):
    """A chat that wants to hear about changes: to everything, one place, or one claim."""

    __tablename__ = "subscriptions"
    __table_args__ = (
        UniqueConstraint("chat_id", "kind", "target", name="chat_kind_target"),
        CheckConstraint("kind IN ('all', 'place', 'claim')", name="kind"),
        Index("ix_subscriptions_kind_target", "kind", "target"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    chat_id: Mapped[int] = mapped_column(BigInteger, index=True)
    # private | group | supergroup: groups are sent to at most 20 a minute.
    chat_type: Mapped[str] = mapped_column(String(20), default="private")
    kind: Mapped[str] = mapped_column(String(10))
    # "" for all; the normalized place name; the claim id as text.
    target: Mapped[str] = mapped_column(String(100), default="")
    created_at: Mapped[dt.datetime] = mapped_column(UtcDateTime(), default=utcnow)


class ChangeNotice(Base):
    """One editor change that subscribers hear about; written with the change itself."""

    __tablename__ = "change_notices"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    claim_id: Mapped[int | None] = mapped_column(Integer)
    place: Mapped[str | None] = mapped_column(String(100))
    action: Mapped[str] = mapped_column(String(20))
    field: Mapped[str | None] = mapped_column(String(40))
    old_value: Mapped[str | None] = mapped_column(Text)
    new_value: Mapped[str | None] = mapped_column(Text)
    article_id: Mapped[int] = mapped_column(Integer)
    changed_at: Mapped[dt.datetime] = mapped_column(UtcDateTime())
    created_at: Mapped[dt.datetime] = mapped_column(UtcDateTime(), default=utcnow)


class NoticeDelivery(Base):
    """One notice to one chat: the durable fan-out queue the sender works through."""

    __tablename__ = "notice_deliveries"
    __table_args__ = (
        UniqueConstraint("notice_id", "chat_id", name="notice_chat"),
        CheckConstraint("status IN ('pending', 'sent', 'failed')", name="status"),
        Index("ix_notice_deliveries_status_due", "status", "not_before"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    notice_id: Mapped[int] = mapped_column(ForeignKey("change_notices.id", ondelete="CASCADE"))
    chat_id: Mapped[int] = mapped_column(BigInteger)
    chat_type: Mapped[str] = mapped_column(String(20), default="private")
    status: Mapped[str] = mapped_column(String(10), default="pending")
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    # Not sent before this time (429 retry_after, network back-off).
    not_before: Mapped[dt.datetime] = mapped_column(UtcDateTime(), default=utcnow)
    sent_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime())
    error: Mapped[str | None] = mapped_column(String(200))


class QuestionLogEntry(Base):
    """A question as asked, and what the engine made of it. No user id or name, by design."""

    __tablename__ = "question_log"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    asked_at: Mapped[dt.datetime] = mapped_column(UtcDateTime(), index=True)
    text: Mapped[str] = mapped_column(String(500))
    # Normalized text: /unanswered groups on it.
    normalized: Mapped[str] = mapped_column(String(500))
    intents: Mapped[str] = mapped_column(String(200), default="")
    claim_ids: Mapped[str] = mapped_column(String(200), default="")
    answered: Mapped[bool] = mapped_column(Boolean)
    # message | inline | button
    via: Mapped[str] = mapped_column(String(10), default="message")


class LanguagePreference(Base):
    """The language a user chose with /language (their numeric id; nothing else about them),
    or the one a group's change notices come in (the group's id, set when it subscribes)."""

    __tablename__ = "language_preferences"
    __table_args__ = (CheckConstraint("language IN ('en', 'ru', 'zh', 'ko')", name="language"),)

    telegram_id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    language: Mapped[str] = mapped_column(String(5))
    updated_at: Mapped[dt.datetime] = mapped_column(UtcDateTime(), default=utcnow)
