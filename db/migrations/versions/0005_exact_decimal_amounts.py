"""claims.amount and usd_amount exact on SQLite: kept as text at scale 4, not as floats.

SQLite's NUMERIC column stored amounts as REAL (987,654,321,098,765.4321 came back as
…765.375). Each stored value becomes the text of what the bot read back before (SQLAlchemy
formatted the float with 4 decimals), so nothing shown before changes; PostgreSQL's
NUMERIC(24, 4) is exact already and is left as it is.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-01
"""

from collections.abc import Sequence
from decimal import ROUND_HALF_UP, Context, Decimal, InvalidOperation
from typing import Any

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

COLUMNS = ("amount", "usd_amount")
_QUANTUM = Decimal("0.0001")
_CONTEXT = Context(prec=60, rounding=ROUND_HALF_UP)


def _as_exact_text(value: Any) -> Any:
    """A stored REAL, INTEGER or numeric text as fixed-scale text; anything else untouched."""
    if value is None or isinstance(value, bytes):
        return value
    text = f"{value:.4f}" if isinstance(value, float) else str(value)
    try:
        exact = Decimal(text)
    except InvalidOperation:
        return value
    if not exact.is_finite():
        return value
    return format(exact.quantize(_QUANTUM, context=_CONTEXT), "f")


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "sqlite":
        return
    # Read the values as SQLite holds them before the table is copied with the new type.
    rows = bind.execute(sa.text("SELECT id, amount, usd_amount FROM claims")).all()
    with op.batch_alter_table("claims", schema=None) as batch_op:
        for column in COLUMNS:
            batch_op.alter_column(
                column,
                existing_type=sa.Numeric(precision=24, scale=4),
                type_=sa.String(32),
                existing_nullable=True,
            )
    update = sa.text("UPDATE claims SET amount = :amount, usd_amount = :usd_amount WHERE id = :id")
    for claim_id, amount, usd_amount in rows:
        bind.execute(
            update,
            {
                "id": claim_id,
                "amount": _as_exact_text(amount),
                "usd_amount": _as_exact_text(usd_amount),
            },
        )


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "sqlite":
        return
    with op.batch_alter_table("claims", schema=None) as batch_op:
        for column in COLUMNS:
            batch_op.alter_column(
                column,
                existing_type=sa.String(32),
                type_=sa.Numeric(precision=24, scale=4),
                existing_nullable=True,
            )
