"""core/documents."""
