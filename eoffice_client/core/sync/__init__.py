"""core/sync."""
