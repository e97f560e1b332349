"""The ONE application API that the window and the CLI call (no Qt below here).

- ``application.App``: the client of one profile, in parts: ``session``, ``reads``,
  ``changes``, ``sync``, ``documents``, ``reports``, ``interop``, ``files`` (cached files'
  plaintext), ``audit`` (the local audit trail), ``diagnostics`` (the bundle for IT staff)
  (importing it loads the core: SQLAlchemy, requests, the sync).
- ``at_rest``: how the cache opens, plain or encrypted at rest; ``profile_guard``: the
  profile folder closed to other accounts at each start.
- ``first_page.FirstPage``: the window's first box, readable before the core is loaded.
- ``types`` and ``records``: the values the API returns.

This package's own import is light (it only describes the layout), so the window can
import ``first_page`` and ``types`` before its first paint.
"""
