"""``app.session.unlock(password)``: may the person at the keyboard have the window back?

The idle lock (a policy, ``IdleLockMinutes``) hides the window until the signed-in person
types their password again. The kept verifier answers offline
(:mod:`eoffice_client.core.security.unlock`); without a verifier that fits, or when the
password does not fit it (it may have been changed on the server since), the server is
asked with a sign-in that keeps nothing. The password is held only during the call, is a
known secret for the log filter meanwhile, and is never written or logged.
"""

from __future__ import annotations

import logging

from eoffice_client.core.api.client import ApiClient
from eoffice_client.core.api.errors import SignInRefused, Unreachable
from eoffice_client.core.app.context import AppContext
from eoffice_client.core.security import unlock
from eoffice_client.core.security.redaction import KNOWN_SECRETS

log = logging.getLogger("eoffice.app.unlock")


def check_password(context: AppContext, password: str) -> bool:
    """True when ``password`` is the signed-in person's. False for a wrong one, or when
    nobody is signed in. Raises ``Unreachable`` (and the other ``ApiError``s) only when
    the server had to be asked and could not answer, and no verifier was kept."""
    session = context.credentials.load_session()
    if not password or session is None or not session.signed_in:
        return False
    profile_id = context.profile.profile_id
    KNOWN_SECRETS.add(password)
    try:
        verifier = unlock.load_verifier(profile_id)
        fits = verifier is not None and verifier.belongs_to(session.server, session.username)
        if fits and verifier is not None and unlock.matches(verifier, password):
            return True
        try:
            accepted = _server_accepts(context, session.server, session.username, password)
        except Unreachable:
            if fits:
                return False  # offline: the kept verifier has answered
            raise
        if accepted:
            unlock.save_verifier(profile_id, unlock.make_verifier(
                session.server, session.username, password))
        return accepted
    finally:
        KNOWN_SECRETS.discard(password)


def _server_accepts(context: AppContext, server: str, username: str, password: str) -> bool:
    """A sign-in that keeps nothing, its token revoked at once."""
    client = ApiClient(server, profile=context.profile, settings=context.settings,
                       credentials=unlock.UnkeptCredentials(context.profile))
    try:
        try:
            client.login(username, password)
        except SignInRefused:
            return False
        if not client.logout():
            log.warning("the token of the unlock check could not be revoked (unreachable)")
        return True
    finally:
        client.close()


def remember_password(context: AppContext, server: str, username: str,
                      password: str) -> None:
    """Keeps the verifier of a sign-in just made (called by ``sign_in``)."""
    unlock.save_verifier(context.profile.profile_id,
                         unlock.make_verifier(server, username, password))


def forget_password(context: AppContext) -> None:
    unlock.forget_verifier(context.profile.profile_id)
