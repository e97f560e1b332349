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
