"""The first schema: documents and children, directory, catalogue, FTS5, the client's state.

Revision ID: 0001
Revises:
Create Date: 2026-11-27
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

# Folded subject, notation, issuer and signer; rowid = documents.sort_no. Words are folded and
# split in Python (core/domain/folding.py) and joined by spaces, so unicode61 only splits them.
# Prefix indexes of 1-3 characters: a short query word ("v" from "V/v") is an index
# lookup, not a scan of every word.
FTS_CREATE = (
    "CREATE VIRTUAL TABLE documents_fts USING fts5("
    "subject, notation, issuer, signer, "
    "tokenize = 'unicode61 remove_diacritics 0', prefix = '1 2 3')"
)


def upgrade() -> None:
    op.create_table('cached_files',
    sa.Column('sha256', sa.String(), nullable=False),
    sa.Column('size', sa.Integer(), nullable=False),
    sa.Column('path', sa.String(), nullable=False),
    sa.Column('fetched_at', sa.String(), nullable=False),
    sa.PrimaryKeyConstraint('sha256')
    )
    op.create_table('calendar_days',
    sa.Column('day', sa.String(), nullable=False),
    sa.Column('kind', sa.String(), nullable=False),
    sa.PrimaryKeyConstraint('day')
    )
    op.create_table('document_types',
    sa.Column('code', sa.String(), nullable=False),
    sa.Column('name', sa.String(), nullable=True),
    sa.Column('abbreviation', sa.String(), nullable=True),
    sa.PrimaryKeyConstraint('code')
    )
    op.create_table('documents',
    sa.Column('sort_no', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('id', sa.String(), nullable=False),
    sa.Column('doc_date', sa.String(), nullable=False),
    sa.Column('direction', sa.String(), nullable=False),
    sa.Column('type_code', sa.String(), nullable=False),
    sa.Column('code_number', sa.Integer(), nullable=True),
    sa.Column('code_notation', sa.String(), nullable=False),
    sa.Column('issuer_id', sa.String(), nullable=True),
    sa.Column('issuer_name', sa.String(), nullable=True),
    sa.Column('issued_date', sa.String(), nullable=True),
    sa.Column('subject', sa.Text(), nullable=False),
    sa.Column('urgency', sa.Integer(), nullable=False),
    sa.Column('secrecy', sa.Integer(), nullable=False),
    sa.Column('signer_name', sa.String(), nullable=True),
    sa.Column('arrival_number', sa.Integer(), nullable=True),
    sa.Column('arrival_date', sa.String(), nullable=True),
    sa.Column('register_id', sa.String(), nullable=True),
    sa.Column('due_date', sa.String(), nullable=True),
    sa.Column('open_due', sa.String(), nullable=True),
    sa.Column('unit_id', sa.String(), nullable=True),
    sa.Column('status', sa.String(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_by', sa.String(), nullable=True),
    sa.Column('registered_by', sa.String(), nullable=True),
    sa.Column('created_at', sa.String(), nullable=True),
    sa.Column('updated_at', sa.String(), nullable=True),
    sa.Column('is_read', sa.Boolean(), nullable=False),
    sa.Column('to_sign', sa.Boolean(), nullable=False),
    sa.Column('to_process', sa.Boolean(), nullable=False),
    sa.Column('data', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('sort_no')
    )
    op.create_index('ix_documents_direction_sort', 'documents', ['direction', 'sort_no'], unique=False)
    op.create_index('ix_documents_open_due', 'documents', ['sort_no'], unique=False, sqlite_where=sa.text('open_due IS NOT NULL'))
    op.create_index('ix_documents_register', 'documents', ['register_id'], unique=False)
    op.create_index('ix_documents_to_process', 'documents', ['sort_no'], unique=False, sqlite_where=sa.text('to_process = 1'))
    op.create_index('ix_documents_to_sign', 'documents', ['sort_no'], unique=False, sqlite_where=sa.text('to_sign = 1'))
    op.create_index('ix_documents_unread', 'documents', ['sort_no'], unique=False, sqlite_where=sa.text('is_read = 0'))
    op.create_index('ux_documents_id', 'documents', ['id'], unique=True)
    op.create_table('meta',
    sa.Column('key', sa.String(), nullable=False),
    sa.Column('value', sa.JSON(), nullable=True),
    sa.PrimaryKeyConstraint('key')
    )
    op.create_table('object_seq',
    sa.Column('kind', sa.String(), nullable=False),
    sa.Column('id', sa.String(), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('kind', 'id')
    )
    op.create_table('organizations',
    sa.Column('id', sa.String(), nullable=False),
    sa.Column('name', sa.String(), nullable=True),
    sa.Column('edxml_code', sa.String(), nullable=True),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_table('outbox',
    sa.Column('id', sa.String(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('document_id', sa.String(), nullable=True),
    sa.Column('kind', sa.String(), nullable=False),
    sa.Column('action', sa.String(), nullable=True),
    sa.Column('params', sa.JSON(), nullable=True),
    sa.Column('base_version', sa.Integer(), nullable=True),
    sa.Column('idempotency_key', sa.String(), nullable=False),
    sa.Column('state', sa.String(), nullable=False),
    sa.Column('error_code', sa.String(), nullable=True),
    sa.Column('error_detail', sa.Text(), nullable=True),
    sa.Column('local_state', sa.JSON(), nullable=True),
    sa.Column('server_state', sa.JSON(), nullable=True),
    sa.Column('file_path', sa.String(), nullable=True),
    sa.Column('attempts', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.String(), nullable=False),
    sa.Column('updated_at', sa.String(), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('position')
    )
    op.create_index('ix_outbox_document', 'outbox', ['document_id'], unique=False)
    op.create_table('registers',
    sa.Column('id', sa.String(), nullable=False),
    sa.Column('name', sa.String(), nullable=True),
    sa.Column('direction', sa.String(), nullable=True),
    sa.Column('year', sa.Integer(), nullable=True),
    sa.Column('secret', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_table('server_documents',
    sa.Column('id', sa.String(), nullable=False),
    sa.Column('data', sa.JSON(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_table('units',
    sa.Column('id', sa.String(), nullable=False),
    sa.Column('name', sa.String(), nullable=True),
    sa.Column('code', sa.String(), nullable=True),
    sa.Column('parent_id', sa.String(), nullable=True),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('data', sa.JSON(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_table('users',
    sa.Column('id', sa.String(), nullable=False),
    sa.Column('username', sa.String(), nullable=True),
    sa.Column('full_name', sa.String(), nullable=True),
    sa.Column('title', sa.String(), nullable=True),
    sa.Column('unit_id', sa.String(), nullable=True),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('roles', sa.JSON(), nullable=False),
    sa.Column('data', sa.JSON(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index('ix_users_unit', 'users', ['unit_id'], unique=False)
    op.create_table('assignments',
    sa.Column('document_id', sa.String(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('id', sa.String(), nullable=True),
    sa.Column('assignee_type', sa.String(), nullable=True),
    sa.Column('assignee_id', sa.String(), nullable=True),
    sa.Column('role', sa.String(), nullable=True),
    sa.Column('status', sa.String(), nullable=True),
    sa.Column('due_date', sa.String(), nullable=True),
    sa.Column('assigned_by', sa.String(), nullable=True),
    sa.Column('note', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['document_id'], ['documents.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('document_id', 'position'),
    sqlite_with_rowid=False
    )
    op.create_index('ix_assignments_assignee', 'assignments', ['assignee_id'], unique=False)
    op.create_table('attachments',
    sa.Column('document_id', sa.String(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('id', sa.String(), nullable=False),
    sa.Column('file_name', sa.String(), nullable=True),
    sa.Column('content_type', sa.String(), nullable=True),
    sa.Column('size', sa.Integer(), nullable=True),
    sa.Column('sha256', sa.String(), nullable=True),
    sa.Column('role', sa.String(), nullable=True),
    sa.Column('uploaded_by', sa.String(), nullable=True),
    sa.Column('uploaded_at', sa.String(), nullable=True),
    sa.ForeignKeyConstraint(['document_id'], ['documents.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('document_id', 'position'),
    sqlite_with_rowid=False
    )
    op.create_index('ix_attachments_id', 'attachments', ['id'], unique=False)
    op.create_index('ix_attachments_sha256', 'attachments', ['sha256'], unique=False)
    op.create_table('comments',
    sa.Column('document_id', sa.String(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('id', sa.String(), nullable=True),
    sa.Column('author_id', sa.String(), nullable=True),
    sa.Column('kind', sa.String(), nullable=True),
    sa.Column('text', sa.Text(), nullable=True),
    sa.Column('created_at', sa.String(), nullable=True),
    sa.ForeignKeyConstraint(['document_id'], ['documents.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('document_id', 'position'),
    sqlite_with_rowid=False
    )
    op.create_table('history',
    sa.Column('document_id', sa.String(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('at', sa.String(), nullable=True),
    sa.Column('actor_id', sa.String(), nullable=True),
    sa.Column('action', sa.String(), nullable=True),
    sa.Column('detail', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['document_id'], ['documents.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('document_id', 'position'),
    sqlite_with_rowid=False
    )
    op.execute(FTS_CREATE)


def downgrade() -> None:
    op.execute("DROP TABLE documents_fts")
    op.drop_table('history')
    op.drop_table('comments')
    op.drop_index('ix_attachments_sha256', table_name='attachments')
    op.drop_index('ix_attachments_id', table_name='attachments')
    op.drop_table('attachments')
    op.drop_index('ix_assignments_assignee', table_name='assignments')
    op.drop_table('assignments')
    op.drop_index('ix_users_unit', table_name='users')
    op.drop_table('users')
    op.drop_table('units')
    op.drop_table('server_documents')
    op.drop_table('registers')
    op.drop_index('ix_outbox_document', table_name='outbox')
    op.drop_table('outbox')
    op.drop_table('organizations')
    op.drop_table('object_seq')
    op.drop_table('meta')
    op.drop_index('ux_documents_id', table_name='documents')
    op.drop_index('ix_documents_unread', table_name='documents', sqlite_where=sa.text('is_read = 0'))
    op.drop_index('ix_documents_to_sign', table_name='documents', sqlite_where=sa.text('to_sign = 1'))
    op.drop_index('ix_documents_to_process', table_name='documents', sqlite_where=sa.text('to_process = 1'))
    op.drop_index('ix_documents_register', table_name='documents')
    op.drop_index('ix_documents_open_due', table_name='documents', sqlite_where=sa.text('open_due IS NOT NULL'))
    op.drop_index('ix_documents_direction_sort', table_name='documents')
    op.drop_table('documents')
    op.drop_table('document_types')
    op.drop_table('calendar_days')
    op.drop_table('cached_files')
