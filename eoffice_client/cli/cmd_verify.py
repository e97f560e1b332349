"""``verify FILE.pdf [--trust CERT.pem]... [--json]`` (cli-v1.md).

Checks every signature of any PDF (ours or other software's), offline. Trust anchors: the
``--trust`` files, the profile's ``trust`` folder and the machine-wide one
(``EOFFICE_TRUST_DIR``, else ``/etc/eoffice-client/trust`` or
``%ProgramData%\\eOffice\\trust``). Exit 0 when there is a signature and each is intact,
and trusted too when ``--trust`` is given; 8 otherwise, and when the PDF or an anchor
cannot be read; 9 when a named file is not there. ``--json`` prints the contract's
object (``{"signatures": [...]}``, with more fields per signature than it asks for).
"""

from __future__ import annotations

import argparse
import logging
from pathlib import Path
from typing import TYPE_CHECKING

from eoffice_client.cli.context import CliContext, print_json
from eoffice_client.core.domain.deadlines import VIETNAM
from eoffice_client.core.errors import ExitCode
from eoffice_client.core.messages import tr

if TYPE_CHECKING:
    from eoffice_client.core.app.documents import SignatureReport, VerificationReport


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("verify", help="check every signature of a PDF")
    parser.add_argument("file", metavar="FILE.pdf")
    parser.add_argument("--trust", action="append", default=[], metavar="CERT.pem",
                        help="a trust anchor (PEM or DER), may be repeated")
    parser.add_argument("--json", action="store_true", help="machine output")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace, ctx: CliContext) -> int:
    from eoffice_client.core.app.documents import verification_passed

    logging.getLogger("pyhanko").setLevel(logging.ERROR)
    trust = [Path(name) for name in args.trust]
    with ctx.app() as app:
        report = app.documents.verify_file(Path(args.file), trust)
    passed = verification_passed(report, trust_given=bool(trust))
    if args.json:
        print_json(report.to_contract_json())
    else:
        print_report(report, passed)
    return int(ExitCode.OK if passed else ExitCode.SIGNING_FAILED)


def print_report(report: VerificationReport, passed: bool) -> None:
    if not report.signatures:
        print(tr("cli_documents.verify_none", path=report.path))
        return
    for number, signature in enumerate(report.signatures, start=1):
        print_signature(number, signature, report.trust_checked)
    print(tr("cli_documents.verify_passed" if passed else "cli_documents.verify_failed",
             count=len(report.signatures)))


def print_signature(number: int, sig: SignatureReport, trust_checked: bool) -> None:
    when = sig.time.astimezone(VIETNAM).strftime("%d/%m/%Y %H:%M:%S UTC+07:00") if (
        sig.time) else "—"
    source = tr(f"cli_documents.time_{sig.time_source}")
    print(tr("cli_documents.verify_signer", number=number, signer=sig.signer or "?",
             organisation=f" ({sig.organisation})" if sig.organisation else ""))
    print("   " + tr("cli_documents.verify_time", time=when, source=source))
    print("   " + tr("cli_documents.intact_yes" if sig.intact else "cli_documents.intact_no"))
    trust_key = ("cli_documents.trusted_yes" if sig.trusted else "cli_documents.trusted_no"
                 if trust_checked else "cli_documents.trusted_unchecked")
    print("   " + tr(trust_key))
    print("   " + tr(f"cli_documents.coverage_{sig.coverage}"))
    if sig.problem:
        print("   " + tr("cli_documents.verify_problem", detail=sig.problem))
    for key in sig.warning_keys():
        print("   " + tr(key, algorithm=sig.hash_algorithm))
