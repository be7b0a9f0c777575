"""Editors' translations of stored statements and quotes (issue 12).

``claim_translations`` holds at most one translation per claim and language (ru, zh, ko:
never English, the claims' own language). The claims themselves are untouched: answers
show a translation marked as the editors', then the original marked as the original.
Existing stores start with no translation.

Revision ID: 0011
Revises: 0010
Create Date: 2026-11-30
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "claim_translations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("claim_id", sa.Integer(), nullable=False),
        sa.Column("language", sa.String(length=5), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("updated_by", sa.BigInteger(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "language IN ('ru', 'zh', 'ko')", name=op.f("ck_claim_translations_language")
        ),
        sa.ForeignKeyConstraint(
            ["claim_id"], ["claims.id"], name=op.f("fk_claim_translations_claim_id_claims")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_claim_translations")),
        sa.UniqueConstraint("claim_id", "language", name="claim_language"),
    )
    op.create_index(
        op.f("ix_claim_translations_claim_id"), "claim_translations", ["claim_id"], unique=False
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_claim_translations_claim_id"), table_name="claim_translations")
    op.drop_table("claim_translations")
