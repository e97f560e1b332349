"""The sandbox (training) server of eoffice-api-v1.md and its sample data.

``server.create_app(state, faults)`` is the Flask app, ``state.SandboxState`` its SQLite
data (seeded from ``sample_data.generate``), ``testing.SandboxServer`` runs it in a thread
for tests, and ``eoffice-client sandbox`` (cli/cmd_sandbox.py) runs it for people. The
"can see" rule is written down in ``visibility``.
"""
