"""core/interop."""
