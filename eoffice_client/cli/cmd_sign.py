"""``sign IN.pdf --out OUT.pdf (--pkcs12 FILE --password-stdin | --pkcs11 LIB [--token-label
L] [--key-label K] --pin-stdin) [--image PNG] [--page N] [--box x1,y1,x2,y2] [--reason TEXT]
[--seal] [--fill-number N --fill-date YYYY-MM-DD]`` (cli-v1.md).

Adds a PAdES signature as an incremental update; OUT.pdf is written only when signing
succeeded. The password or PIN is read from standard input once, after the options are
checked, and is never kept. ``--page`` counts from 1 (default: the last page); ``--box``
is in PDF points from the page's lower left corner; ``--seal`` signs as the organisation
with the seal image ``--image`` over the leader's signature; ``--fill-number`` ("5" or
"05/QĐ-UBND") and ``--fill-date`` fill the number and date fields first.

Exit codes: 8 for a wrong password or PIN, a locked token, an unusable certificate, a
broken PDF or a failed signature; 9 for a bad value (page, box, number, date) or a file
that is not there; 64 for options that do not go together.
"""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from eoffice_client.cli.context import CliContext
from eoffice_client.cli.options import parse_date, parse_int, read_secret
from eoffice_client.cli.usage import UsageError
from eoffice_client.core.errors import ExitCode
from eoffice_client.core.messages import tr


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("sign", help="add a PAdES signature to a PDF")
    parser.add_argument("input", metavar="IN.pdf")
    parser.add_argument("--out", required=True, metavar="OUT.pdf")
    key = parser.add_mutually_exclusive_group(required=True)
    key.add_argument("--pkcs12", metavar="FILE", help="a .p12/.pfx key file")
    key.add_argument("--pkcs11", metavar="LIB", help="the token's PKCS#11 library")
    parser.add_argument("--password-stdin", action="store_true",
                        help="read the PKCS#12 password from standard input")
    parser.add_argument("--token-label", metavar="L")
    parser.add_argument("--key-label", metavar="K")
    parser.add_argument("--pin-stdin", action="store_true",
                        help="read the token's PIN from standard input")
    parser.add_argument("--image", metavar="PNG", help="the signature (or seal) image")
    parser.add_argument("--page", metavar="N", help="page of the signature, from 1")
    parser.add_argument("--box", metavar="x1,y1,x2,y2", help="where, in PDF points")
    parser.add_argument("--reason", metavar="TEXT")
    parser.add_argument("--seal", action="store_true", help="the organisation's signature")
    parser.add_argument("--fill-number", metavar="N", help="the number to fill in first")
    parser.add_argument("--fill-date", metavar="YYYY-MM-DD", help="the date to fill in first")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace, ctx: CliContext) -> int:
    from eoffice_client.core.app.documents import SignOptions

    check_key_options(args)
    logging.getLogger("pyhanko").setLevel(logging.ERROR)
    options = SignOptions(
        input_path=Path(args.input), output_path=Path(args.out),
        pkcs12=Path(args.pkcs12) if args.pkcs12 else None,
        pkcs11=Path(args.pkcs11) if args.pkcs11 else None,
        token_label=args.token_label, key_label=args.key_label,
        image=Path(args.image) if args.image else None,
        page=parse_int("--page", args.page, 1, None), box=args.box, reason=args.reason,
        seal=args.seal, fill_number=args.fill_number, fill_date=parse_date(args.fill_date))
    with ctx.app() as app:
        result = app.documents.sign_file(
            options, lambda: read_secret(sys.stdin, "cli_documents.no_secret"))
    print(tr("cli_documents.signed", path=result.output_path, level=result.pades_level))
    for note in result.notes:
        print(f"eoffice-client: {note.message()}", file=sys.stderr)
    return int(ExitCode.OK)


def check_key_options(args: argparse.Namespace) -> None:
    """The secret's option goes with its key; labels only with a token (64 otherwise)."""
    if args.pkcs12 and not args.password_stdin:
        raise UsageError(tr("cli_documents.pkcs12_needs_password"))
    if args.pkcs11 and not args.pin_stdin:
        raise UsageError(tr("cli_documents.pkcs11_needs_pin"))
    if args.pkcs12 and (args.pin_stdin or args.token_label or args.key_label):
        raise UsageError(tr("cli_documents.token_options_need_pkcs11"))
    if args.pkcs11 and args.password_stdin:
        raise UsageError(tr("cli_documents.password_needs_pkcs12"))
    if (args.fill_number is None) != (args.fill_date is None):
        raise UsageError(tr("cli_documents.fill_needs_both"))
    if args.seal and not args.image:
        raise UsageError(tr("cli_documents.seal_needs_image"))


