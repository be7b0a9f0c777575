"""A log of which snapshot rows each revision changed, for incremental reloads.

``store_changes`` gets one row per claim, article, source, alias or editor a revision
changed (db/changes.py writes them in the changing transaction; db/snapshot.py reads
them). Existing stores start with an empty log: a process loads everything once, at
the revision it finds, and from then on reads only the rows changed since.

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-30
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
# Written after 0006 beside another change's 0007; chained after it when main was merged.
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "store_changes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("revision", sa.BigInteger(), nullable=False),
        sa.Column("part", sa.String(length=10), nullable=False),
        sa.Column("row_id", sa.BigInteger(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_store_changes")),
    )
    op.create_index(op.f("ix_store_changes_revision"), "store_changes", ["revision"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_store_changes_revision"), table_name="store_changes")
    op.drop_table("store_changes")
