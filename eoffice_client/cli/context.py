"""What every subcommand gets: the profile, its settings, the language, the application API."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from eoffice_client import __version__
from eoffice_client.config import Profile, Settings, read_policy

if TYPE_CHECKING:
    from eoffice_client.core.app.application import App


@dataclass
class CliContext:
    profile_arg: str | None
    lang: str

    @classmethod
    def from_args(cls, args: argparse.Namespace) -> CliContext:
        lang = args.lang or read_policy().get("language") or _settings_language(args.profile)
        return cls(profile_arg=args.profile, lang=lang if lang in ("vi", "en") else "vi")

    @cached_property
    def profile(self) -> Profile:
        return Profile.at(self.profile_arg)

    @cached_property
    def settings(self) -> Settings:
        return self.profile.load_settings()

    def app(self) -> App:
        """The application API on this profile (close it, or use it in a ``with``)."""
        from eoffice_client.core.app.application import App

        return App(self.profile, self.settings, on_recovery=_say_on_stderr)


def _say_on_stderr(message: str) -> None:
    print(f"eoffice-client: {message}", file=sys.stderr)


def _settings_language(profile_arg: str | None) -> str:
    """The language of the profile's settings, read without creating the profile."""
    profile = Profile(Path(profile_arg).expanduser()) if profile_arg else Profile.default()
    return profile.load_settings().language


def report_unexpected(ctx: CliContext, exc: BaseException) -> Path | str:
    """Saves a crash report (no secrets: exception texts never carry one) in the profile."""
    import traceback

    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    text = "".join(traceback.format_exception(exc))
    try:
        folder = ctx.profile.reports_dir
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"crash-{stamp}.txt"
        path.write_text(f"eoffice-client {__version__}\n{text}", encoding="utf-8")
        return path
    except OSError:
        return "(không lưu được / could not be saved)"


def print_json(value: object) -> None:
    """Machine output: UTF-8 JSON, never localised."""
    print(json.dumps(value, ensure_ascii=False, indent=2, default=str))
