"""The layout drawn from the code's imports: the window and the CLI reach the core only
through the application API (and the pure domain), and the core never imports Qt."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "eoffice_client"
#: What the window and the CLI may import from the project, besides their own package.
FACES_MAY_USE = (
    "eoffice_client.core.app", "eoffice_client.core.domain", "eoffice_client.core.errors",
    "eoffice_client.core.messages", "eoffice_client.config", "eoffice_client.paths",
    "eoffice_client.sandbox",  # the training mode and the `sandbox` command run it
)


def imports(path: Path) -> Iterator[tuple[int, str]]:
    """Every module ``path`` imports (absolute names), with its line."""
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            yield node.lineno, node.module
            for alias in node.names:  # `from eoffice_client.core import store`
                yield node.lineno, f"{node.module}.{alias.name}"


def modules(folder: str) -> list[Path]:
    found = sorted((PACKAGE / folder).rglob("*.py"))
    assert found, f"no modules under {folder}"
    return found


def reaches_core_internals(name: str) -> bool:
    inside_core = name.startswith("eoffice_client.core.") or name == "eoffice_client.core"
    return inside_core and not name.startswith(FACES_MAY_USE)


def test_the_window_and_the_cli_call_only_the_application_api() -> None:
    wrong = [f"{path.relative_to(PACKAGE)}:{line}: {name}"
             for face in ("ui", "cli") for path in modules(face)
             for line, name in imports(path) if reaches_core_internals(name)]
    assert wrong == []


def test_the_core_never_imports_qt() -> None:
    wrong = [f"{path.relative_to(PACKAGE)}:{line}: {name}" for path in modules("core")
             for line, name in imports(path) if name.split(".")[0] in ("PySide6", "shiboken6")]
    assert wrong == []


def test_a_name_in_the_allowed_list_is_really_allowed() -> None:
    assert not reaches_core_internals("eoffice_client.core.app.application")
    assert reaches_core_internals("eoffice_client.core.store.queries")
    assert reaches_core_internals("eoffice_client.core.sync.progress")
