"""Build configuration that pyproject.toml cannot express.

The top-level ``resources/`` and ``translations/`` folders are shipped inside the package
as ``eoffice_client.resources`` and ``eoffice_client.translations``, so a plain wheel
install finds them with ``importlib.resources``.
"""

from setuptools import find_packages, setup

PACKAGES = [
    *find_packages(include=["eoffice_client", "eoffice_client.*"]),
    "eoffice_client.resources",
    "eoffice_client.translations",
]

setup(packages=PACKAGES)
