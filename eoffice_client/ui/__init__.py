"""The desktop window (Qt lives only in this package).

Importing it first protects the process from a reference-counting fault seen with
PySide6 6.12 on CPython 3.11: some bindings hand back ``None``, ``True`` and ``False``
without a new reference (harmless from CPython 3.12 on, where these objects are
immortal), so every such call takes one reference away until the interpreter aborts
("deallocating None"). Giving the three objects a huge reference count does what 3.12's
immortality does.
"""

from __future__ import annotations

import ctypes
import sys

#: Added to the reference count of None, True and False on CPython < 3.12.
_SPARE_REFERENCES = 1 << 40


def _immortalize_singletons() -> bool:
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        # sys.implementation, not the platform module: that import costs ~3 ms at start
        return False
    for singleton in (None, True, False):
        count = ctypes.c_ssize_t.from_address(id(singleton))  # ob_refcnt comes first
        if count.value < _SPARE_REFERENCES:
            count.value += _SPARE_REFERENCES
    return True


_immortalize_singletons()
