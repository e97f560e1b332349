"""Signing flows of the window (see install.py)."""
