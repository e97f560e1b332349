"""An index on (direction, is_read, open_due) for the counts of a direction's box.

The box list and the dashboard count, per box, its documents, the unread ones and the
overdue ones (``queries.count_box``). For ``incoming``, ``outgoing`` and ``internal``
that read every row of the box from the table (about half the cache for ``incoming``);
with this index the counts are read from the index alone.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-03
"""

from __future__ import annotations

from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_documents_direction_counts", "documents",
                    ["direction", "is_read", "open_due"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_documents_direction_counts", table_name="documents")
