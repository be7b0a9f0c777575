"""General figure claims (issue 11): ranges, shares, one-off levies, bases, changes
"from X to Y", dates with their precision, and claims superseded by later ones.

Only columns are added, all nullable, so every stored claim keeps every value it had:
- claims: amount_high, usd_high (ranges), share_low, share_high, share_of (shares),
  deadline, deadline_on, deadline_precision, basis_text, amount_to, usd_to, change_on,
  change_on_precision, superseded_by;
- articles: published_precision, "day" for every article that has a date (those dates
  were entered as whole days).
``basis`` becomes a closed choice (db.kinds.Basis); a stored basis outside it is kept
word for word in basis_text and its basis becomes "other", so nothing is lost.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-30
"""

from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

AMOUNTS = ("amount_high", "usd_high", "share_low", "share_high", "amount_to", "usd_to")
TEXTS = (("share_of", 100), ("deadline", 100), ("basis_text", 100))
DATES = ("deadline_on", "change_on")
PRECISIONS = ("deadline_precision", "change_on_precision")
BASES = ("person", "household", "family_member", "team", "company", "other")


def _amount_type() -> sa.types.TypeEngine[Any]:
    # As db.models.ExactDecimal stores amounts: text at scale 4 on SQLite (0005), else exact.
    if op.get_bind().dialect.name == "sqlite":
        return sa.String(32)
    return sa.Numeric(precision=24, scale=4)


def upgrade() -> None:
    amount_type = _amount_type()
    # Plain ADD COLUMNs on SQLite too (no table rebuild under referencing foreign keys).
    with op.batch_alter_table("claims", schema=None) as batch_op:
        for name in AMOUNTS:
            batch_op.add_column(sa.Column(name, amount_type, nullable=True))
        for name, length in TEXTS:
            batch_op.add_column(sa.Column(name, sa.String(length), nullable=True))
        for name in DATES:
            batch_op.add_column(sa.Column(name, sa.Date(), nullable=True))
        for name in PRECISIONS:
            batch_op.add_column(sa.Column(name, sa.String(5), nullable=True))
        batch_op.add_column(sa.Column("superseded_by", sa.Integer(), nullable=True))
    with op.batch_alter_table("articles", schema=None) as batch_op:
        batch_op.add_column(sa.Column("published_precision", sa.String(5), nullable=True))

    op.execute("UPDATE articles SET published_precision = 'day' WHERE published_on IS NOT NULL")
    bases = ", ".join(f"'{basis}'" for basis in BASES)
    # A basis outside the closed choice: its words kept in basis_text, the basis "other".
    op.execute(
        f"UPDATE claims SET basis_text = basis, basis = 'other' "
        f"WHERE basis IS NOT NULL AND basis NOT IN ({bases})"
    )


def downgrade() -> None:
    op.execute(
        "UPDATE claims SET basis = SUBSTR(basis_text, 1, 20) "
        "WHERE basis = 'other' AND basis_text IS NOT NULL"
    )
    # Plain DROP COLUMNs (SQLite 3.35+ and PostgreSQL): a batch rebuild of claims or
    # articles would trip the foreign keys that point at them in a populated store.
    op.execute("ALTER TABLE articles DROP COLUMN published_precision")
    for name in ("superseded_by", *PRECISIONS, *DATES, *(n for n, _ in TEXTS), *AMOUNTS):
        op.execute(f"ALTER TABLE claims DROP COLUMN {name}")
