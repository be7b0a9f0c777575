"""Notice deliveries lose the "dropped" status, which nothing ever set.

A chat that blocked the bot (403) or is gone has its subscriptions and every delivery
row with its id deleted (db/notices.py drop_chat): no row keeps the chat's id, so no row
was ever marked "dropped". The statuses are now pending, sent and failed
(db.kinds.DeliveryStatus). A "dropped" row, written by hand if at all, goes as drop_chat
would have removed it.

Revision ID: 0010
Revises: 0007 (the lead re-chains it after the other branches' revisions)
Create Date: 2026-11-30
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

CONSTRAINT = "ck_notice_deliveries_status"
WITHOUT_DROPPED = "status IN ('pending', 'sent', 'failed')"
WITH_DROPPED = "status IN ('pending', 'sent', 'dropped', 'failed')"


def _check(condition: str) -> None:
    # SQLite rebuilds the table (nothing references notice_deliveries); PostgreSQL alters it.
    with op.batch_alter_table("notice_deliveries", schema=None) as batch_op:
        batch_op.drop_constraint(op.f(CONSTRAINT), type_="check")
        batch_op.create_check_constraint(op.f(CONSTRAINT), condition)


def upgrade() -> None:
    op.execute("DELETE FROM notice_deliveries WHERE status = 'dropped'")
    _check(WITHOUT_DROPPED)


def downgrade() -> None:
    _check(WITH_DROPPED)
