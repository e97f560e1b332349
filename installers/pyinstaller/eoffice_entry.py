"""The frozen app's entry point: the same as the ``eoffice-client`` console script."""

import multiprocessing
import sys

from eoffice_client.cli import main

if __name__ == "__main__":
    multiprocessing.freeze_support()  # the content search's text reader (core/content)
    sys.exit(main())
