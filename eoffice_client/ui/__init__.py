"""The desktop window (Qt lives only in this package)."""
