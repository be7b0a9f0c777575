"""Language preferences: the language each user chose with /language (by numeric id only),
and the language a subscribed group's notices come in.

Revision ID: 0009
Revises: 0007
Create Date: 2026-11-30
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
# Chained after main's newest (0007) when main was merged in; re-chained again if 0008 lands first.
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "language_preferences",
        sa.Column("telegram_id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("language", sa.String(length=5), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "language IN ('en', 'ru', 'zh', 'ko')", name=op.f("ck_language_preferences_language")
        ),
        sa.PrimaryKeyConstraint("telegram_id", name=op.f("pk_language_preferences")),
    )


def downgrade() -> None:
    op.drop_table("language_preferences")
