"""core/api."""
