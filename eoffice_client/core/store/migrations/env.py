"""Alembic environment of the local cache, run in code by ``store.engine`` (no alembic.ini).

The caller passes an open SQLAlchemy connection in ``config.attributes["connection"]``;
migrations run inside one transaction on it (SQLite DDL is transactional).
"""

from __future__ import annotations

from alembic import context

from eoffice_client.core.store.models import Base

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,  # SQLite ALTER TABLE needs batch mode in later revisions
    transaction_per_migration=False,
)
with context.begin_transaction():
    context.run_migrations()
