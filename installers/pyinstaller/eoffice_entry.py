"""The frozen app's entry point: the same as the ``eoffice-client`` console script."""

import sys

from eoffice_client.cli import main

if __name__ == "__main__":
    sys.exit(main())
