"""The profile folder closed to other accounts, at its creation and at each start.

``core/security/permissions.restrict_profile`` does the work (POSIX modes 0700/0600; on
Windows one ACL entry for the user, inherited). At a start it runs only when something is
off, so a start stays cheap:

- POSIX: when the profile folder itself is not mode 0700 (a new profile, or someone
  opened it): the whole tree is closed again. A folder inside a closed profile cannot be
  reached by another account whatever its own mode, so the root's mode is the check;
- Windows: until it has been done once (the marker ``acl-restricted`` in the profile):
  the ACL set on the folder is inherited by everything created in it later. Reading the
  ACL back at every start would cost two processes (``whoami``, ``icacls``), so the check
  for drift is the diagnostics bundle's (``check_profile``).

A failure is logged and does not stop the start (the diagnostics show the state).
"""

from __future__ import annotations

import logging
import os
import stat
import subprocess
import sys

from eoffice_client.config import Profile

log = logging.getLogger("eoffice.app.profile")

WINDOWS_MARKER = "acl-restricted"


def secure_profile(profile: Profile) -> int:
    """Closes the profile when due; returns how many modes or ACLs were changed."""
    from eoffice_client.core.security.permissions import DIR_MODE, restrict_profile

    root = profile.root
    try:
        if sys.platform == "win32":  # pragma: no cover - Windows only
            marker = root / WINDOWS_MARKER
            if marker.exists():
                return 0
            changed = restrict_profile(root)
            marker.touch()
            return changed
        if stat.S_IMODE(os.stat(root).st_mode) == DIR_MODE:
            return 0
        changed = restrict_profile(root)
    except (OSError, ValueError, subprocess.SubprocessError) as exc:
        log.warning("the profile folder could not be closed to other accounts: %s",
                    type(exc).__name__)
        return 0
    log.info("profile folder closed to other accounts (%d modes changed)", changed)
    return changed
