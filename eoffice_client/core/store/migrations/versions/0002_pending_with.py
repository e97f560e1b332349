"""Whom each document waits on, as rows (``pending_with``), indexed by user.

The dashboard's "waiting on a leader" and the per-user box flags look documents up by a
user in ``pending_with``; the JSON of every document had to be read for that. The rows
are filled from the cached documents, so no sync is needed after the upgrade.

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('pending_with',
    sa.Column('document_id', sa.String(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.String(), nullable=False),
    sa.ForeignKeyConstraint(['document_id'], ['documents.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('document_id', 'position'),
    sqlite_with_rowid=False
    )
    op.create_index('ix_pending_with_user', 'pending_with', ['user_id'], unique=False)
    op.execute(
        "INSERT INTO pending_with (document_id, position, user_id) "
        "SELECT d.id, CAST(j.key AS INTEGER), j.value FROM documents d, "
        "json_each(d.data, '$.pending_with') j WHERE j.type = 'text'")


def downgrade() -> None:
    op.drop_index('ix_pending_with_user', table_name='pending_with')
    op.drop_table('pending_with')
