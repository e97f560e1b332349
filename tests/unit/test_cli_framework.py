"""The command line's global behaviour: version, usage errors (64), crash reports (1)."""

from __future__ import annotations

from pathlib import Path

import pytest

from eoffice_client import __version__, cli
from eoffice_client.cli.context import CliContext
from eoffice_client.cli.run import run_handler
from eoffice_client.core.errors import ExitCode
from eoffice_client.core.messages import set_language


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["--version"]) == 0
    assert __version__ in capsys.readouterr().out


def test_unknown_subcommand_is_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["no-such-command"]) == ExitCode.USAGE
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err


def test_usage_error_in_english(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["--lang", "en", "--bogus"]) == ExitCode.USAGE
    assert "Wrong command-line usage" in capsys.readouterr().err


def test_unexpected_error_saves_a_report(
    profile_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    def boom(args: object, ctx: object) -> int:
        raise RuntimeError("internal detail")

    set_language("en")
    ctx = CliContext(profile_arg=str(profile_dir), lang="en")
    namespace = type("Args", (), {"handler": staticmethod(boom)})()
    assert run_handler(namespace, ctx) == ExitCode.UNEXPECTED  # type: ignore[arg-type]
    err = capsys.readouterr().err
    assert "Traceback" not in err and "report was saved" in err
    reports = list((profile_dir / "reports").glob("crash-*.txt"))
    assert len(reports) == 1 and "internal detail" in reports[0].read_text(encoding="utf-8")
