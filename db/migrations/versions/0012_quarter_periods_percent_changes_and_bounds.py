"""Figures as a new report gives them: a quarter period, a change stated as a percentage
with the amount on one side of it, and an amount that is only a bound.

Only nullable columns are added to claims, so every stored claim keeps every value and
reads as before (an amount with a change is the one before it; an amount is exact):
- change_percent: the reported percentage of a change ("rose 25 percent": 25);
- amount_is: which side of the change ``amount`` is (db.kinds.AmountSide: before | after);
- amount_bound: "at least" or "at most" (db.kinds.AmountBound: at_least | at_most).
``period`` gains the value "quarter" (db.kinds.Period); the column is free text, so no
stored row changes. The downgrade refuses while a claim uses a quarter (an older program
could not show it) and drops the three columns.

Revision ID: 0012
Revises: 0011
Create Date: 2026-11-30
"""

from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from alembic import op

revision: str = "0012"
down_revision: str | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

COLUMNS = ("change_percent", "amount_is", "amount_bound")


def _amount_type() -> sa.types.TypeEngine[Any]:
    # As db.models.ExactDecimal stores amounts: text at scale 4 on SQLite (0005), else exact.
    if op.get_bind().dialect.name == "sqlite":
        return sa.String(32)
    return sa.Numeric(precision=24, scale=4)


def upgrade() -> None:
    # Plain ADD COLUMNs on SQLite too (no table rebuild under referencing foreign keys).
    with op.batch_alter_table("claims", schema=None) as batch_op:
        batch_op.add_column(sa.Column("change_percent", _amount_type(), nullable=True))
        batch_op.add_column(sa.Column("amount_is", sa.String(6), nullable=True))
        batch_op.add_column(sa.Column("amount_bound", sa.String(8), nullable=True))


def downgrade() -> None:
    quarters = op.get_bind().scalar(sa.text("SELECT COUNT(*) FROM claims WHERE period = 'quarter'"))
    if quarters:
        raise RuntimeError(
            f"{quarters} claim(s) are due per quarter, which revision 0011 cannot show: "
            "export the store, edit their period, then downgrade"
        )
    # Plain DROP COLUMNs (SQLite 3.35+ and PostgreSQL), as 0007's downgrade.
    for name in reversed(COLUMNS):
        op.execute(f"ALTER TABLE claims DROP COLUMN {name}")
