"""The command line keeps cli-v1.md: commands not built yet, help, usage errors said whole
in the chosen language, list's limit and the line about more documents."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from eoffice_client import __version__, cli
from eoffice_client.core.errors import ExitCode
from tests.unit.test_cli_list_show import DOCS, filled_cache, profile  # noqa: F401

#: Every subcommand of cli-v1.md's table, written from the contract.
CONTRACT_COMMANDS = (
    "gui", "sandbox", "login", "logout", "sync", "list", "show", "new", "attach", "act",
    "outbox", "status", "sign", "render", "verify", "export-register", "edxml", "report",
    "diagnostics", "audit",
)
#: Words of argparse's English sentences that must not reach a Vietnamese user.
ENGLISH = re.compile(r"\b(the following|arguments?|required|unrecognized|invalid choice|"
                     r"expected one|not allowed with|choose from)\b")


def test_every_contract_command_is_built_or_says_not_in_this_version() -> None:
    assert set(cli.COMMANDS) | set(cli.NOT_YET) == set(CONTRACT_COMMANDS)
    assert not set(cli.COMMANDS) & set(cli.NOT_YET)


@pytest.mark.parametrize("lang,words", [("vi", "chưa có trong phiên bản"),
                                        ("en", "is not in version")])
def test_a_command_not_built_yet_says_so_in_the_chosen_language(
        lang: str, words: str, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cli, "NOT_YET", (*cli.NOT_YET, "future-command"))  # every one is built
    for command in cli.NOT_YET:
        assert cli.main(["--lang", lang, command, "--whatever"]) == ExitCode.USAGE
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and words in err and f"«{command}»" in err
        assert __version__ in err


def test_help_lists_only_real_commands(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["--help"]) == 0
    out = capsys.readouterr().out
    listed = set(re.findall(r"^    ([a-z-]+)\s", out, re.M))
    assert listed == set(cli.COMMANDS)
    assert "(choose from )" not in out and "{gui" not in out


@pytest.mark.parametrize("argv,part", [
    (["login", "--password-stdin"], "thiếu tham số bắt buộc --username"),
    (["list", "--bogus"], "không hiểu tham số --bogus"),
    (["nonsense"], "giá trị 'nonsense' không có; chọn một trong"),
    (["list", "--json", "--limit"], "--limit cần một giá trị"),
    (["gui", "--demo", "--self-test"], "không dùng --self-test cùng với --demo"),
    (["sandbox", "--port", "x"], "--port phải là số nguyên"),
])
def test_usage_errors_are_whole_in_vietnamese(argv: list[str], part: str,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    args = argv if argv[0] == "--lang" else ["--lang", "vi", *argv]
    assert cli.main(args) == ExitCode.USAGE
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and part in err, err
    assert not ENGLISH.search(err), err


def test_usage_errors_follow_the_profiles_language_too(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "p"
    folder.mkdir()
    (folder / "settings.json").write_text(json.dumps({"language": "en"}), encoding="utf-8")
    assert cli.main(["--profile", str(folder), "login"]) == ExitCode.USAGE
    assert "missing required --username" in capsys.readouterr().err


def test_list_has_no_upper_limit_and_says_when_more_match(
        profile: Path, capsys: pytest.CaptureFixture[str]) -> None:  # noqa: F811
    assert cli.main(["--profile", str(profile), "list", "--json", "--limit", "1000000"]) == 0
    everything = json.loads(capsys.readouterr().out)
    assert len(everything) == len(DOCS)
    assert cli.main(["--profile", str(profile), "--lang", "vi", "list", "--json",
                     "--limit", "2"]) == 0
    captured = capsys.readouterr()
    assert len(json.loads(captured.out)) == 2  # the JSON stays a plain array
    more = len(everything) - 2
    assert captured.err.count("\n") == 1 and f"Còn {more} văn bản khác" in captured.err


def test_a_limit_below_one_is_an_invalid_value(profile: Path,  # noqa: F811
                                               capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["--profile", str(profile), "--lang", "vi", "list", "--limit", "0"]) == (
        ExitCode.INVALID_INPUT)
    assert "từ 1 trở lên" in capsys.readouterr().err
