"""The frozen app leaves out modules the package never imports, and only those.

The CI's smoke test of a frozen build once failed with ``No module named
'PySide6.QtNetwork'``: the window had started to import a module the spec excluded. This
test reads every import of the package's sources and fails when one of them names an
excluded module, long before a frozen build runs.
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "eoffice_client"


@pytest.fixture(scope="module")
def excluded() -> tuple[str, ...]:
    sys.path.insert(0, str(ROOT / "installers" / "pyinstaller"))
    try:
        import collect_filter
    finally:
        sys.path.pop(0)
    return collect_filter.EXCLUDED_MODULES


def imported_modules(source: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


def is_within(name: str, module: str) -> bool:
    return name == module or name.startswith(module + ".")


def test_the_package_imports_no_excluded_module(excluded: tuple[str, ...]) -> None:
    sources = sorted(PACKAGE.rglob("*.py"))
    assert len(sources) > 100  # the whole package was read
    offending = sorted(
        f"{source.relative_to(ROOT)}: {name}"
        for source in sources for name in imported_modules(source)
        if any(is_within(name, module) for module in excluded))
    assert offending == []


def test_the_check_sees_an_excluded_import(tmp_path: Path, excluded: tuple[str, ...]) -> None:
    source = tmp_path / "window.py"
    source.write_text("from PySide6.QtSql import QSqlDatabase\nimport tkinter\n",
                      encoding="utf-8")
    names = imported_modules(source)
    assert {n for n in names if any(is_within(n, m) for m in excluded)} == {
        "PySide6.QtSql", "PySide6.QtSql.QSqlDatabase", "tkinter"}
