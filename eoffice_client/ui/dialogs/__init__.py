"""The window's dialogs, one module each: sign-in, settings, registering a paper document,
the crash report, and small confirmations (``messages``)."""
