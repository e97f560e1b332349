"""Search inside attachments: the text of each cached file once (``file_texts``) and a
``content`` column in the documents' FTS5 index.

``file_texts`` holds, per file content (sha256), the folded words of its text as the
background indexer read them (core/content), or why it was skipped. A document's
``content`` in ``documents_fts`` is the words of its indexed files (store/content.py
keeps it). FTS5 cannot add a column, so the index is rebuilt from the old one's
columns (already folded: nothing is read from the documents' JSON); ``content`` starts
empty, as nothing has been indexed yet.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

FTS_OPTIONS = "tokenize = 'unicode61 remove_diacritics 0', prefix = '1 2 3'"
OLD_COLUMNS = "subject, notation, issuer, signer"


def upgrade() -> None:
    op.create_table('file_texts',
    sa.Column('sha256', sa.String(), nullable=False),
    sa.Column('state', sa.String(), nullable=False),
    sa.Column('words', sa.Text(), nullable=False),
    sa.Column('pages', sa.Integer(), nullable=False),
    sa.Column('reason', sa.String(), nullable=True),
    sa.Column('indexed_at', sa.String(), nullable=False),
    sa.PrimaryKeyConstraint('sha256')
    )
    _rebuild_fts(f"{OLD_COLUMNS}, content", f"{OLD_COLUMNS}, ''")


def downgrade() -> None:
    _rebuild_fts(OLD_COLUMNS, OLD_COLUMNS)
    op.drop_table('file_texts')


def _rebuild_fts(columns: str, values: str) -> None:
    """The FTS5 table made again with ``columns``, its rows copied from the old one."""
    op.execute("ALTER TABLE documents_fts RENAME TO documents_fts_old")
    op.execute(f"CREATE VIRTUAL TABLE documents_fts USING fts5({columns}, {FTS_OPTIONS})")
    names = "rowid, " + columns
    op.execute(f"INSERT INTO documents_fts({names}) "
               f"SELECT rowid, {values} FROM documents_fts_old")
    op.execute("DROP TABLE documents_fts_old")
