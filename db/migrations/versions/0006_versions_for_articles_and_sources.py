"""Articles, sources and aliases: a version column used as an optimistic lock, as on claims.

Articles and sources have had the column since 0001, but nothing checked it, so
concurrent edits of one article or source overwrote each other; the ORM now compares
it on every update (``version_id_col``), which needs no schema change: their rows
keep the versions they have. Aliases (re-pointed by /alias) had no version: they get
one here, every existing row starting at 1.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-29
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
# Re-pointed to "0005" when the branches are merged (another change adds 0005).
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # A plain ADD COLUMN on SQLite too: rebuilding a referenced table would trip its
    # foreign keys in a populated store.
    with op.batch_alter_table("aliases", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("version", sa.Integer(), server_default=sa.text("1"), nullable=False)
        )


def downgrade() -> None:
    with op.batch_alter_table("aliases", schema=None) as batch_op:
        batch_op.drop_column("version")
