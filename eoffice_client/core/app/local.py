"""What the faces need of a profile besides its data: its log, whether anybody signed
in here before, and the training mode's throw-away keyring. Light to import."""

from __future__ import annotations

import logging

from eoffice_client.config import Profile


def log_to_profile(profile: Profile) -> None:
    """Core's log lines go to the profile's log file, never to the console as English
    text (a person reads the command's own localized message instead)."""
    from eoffice_client.core.sync.log import attach_sync_log

    try:
        attach_sync_log(profile.logs_dir)
    except OSError:
        logging.getLogger("eoffice").addHandler(logging.NullHandler())


def signed_in_before(profile: Profile) -> bool:
    """Whether a sign-in was ever remembered on this profile (a fresh machine has none)."""
    return profile.session_path.exists()


def use_throwaway_keyring() -> None:
    """Sign-ins of this process live in memory only, never in the OS keyring (the
    training mode's throw-away profile)."""
    import keyring

    from eoffice_client.core.api.process_keyring import ProcessKeyring

    keyring.set_keyring(ProcessKeyring())


def protect_log_handler(handler: logging.Handler) -> None:
    """Puts the redaction filter on a log handler of the faces (the window's log file):
    tokens, passwords and keys are removed by their shape, and the tokens and password in
    memory by their value, before the line is written."""
    from eoffice_client.core.security.redaction import install

    install(handler)


def redacted(text: str) -> str:
    """``text`` (a crash report) without secrets, the ones in memory included."""
    from eoffice_client.core.security.redaction import KNOWN_SECRETS, redact

    return redact(text, secrets=KNOWN_SECRETS.values())
