"""The frozen folder under test: EOFFICE_FROZEN_DIR, set by .ci/run and installers/build.py.

Without it these tests are skipped in the main run (the frozen app is built in a later CI
stage); with EOFFICE_FROZEN_REQUIRED=1 a missing folder fails instead.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest


def frozen_dir() -> Path:
    value = os.environ.get("EOFFICE_FROZEN_DIR")
    if not value:
        if os.environ.get("EOFFICE_FROZEN_REQUIRED") == "1":
            pytest.fail("EOFFICE_FROZEN_DIR is not set")
        pytest.skip("EOFFICE_FROZEN_DIR not set: the frozen-app stage of .ci/run runs this")
    folder = Path(value)
    if not folder.is_dir():
        pytest.fail(f"EOFFICE_FROZEN_DIR={folder} is not a folder")
    return folder
