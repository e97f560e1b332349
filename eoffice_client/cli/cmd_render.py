"""``render DOC_ID --out FILE.docx [--body FILE.txt] [--pdf FILE.pdf]`` (cli-v1.md).

Writes the cached document as a Decree-30 .docx from the template of its type (a draft's
``Số:`` stays blank until it is numbered), the body from FILE.txt (UTF-8); ``--pdf`` also
converts it with LibreOffice or Word. Exit 6 for an unknown id, 9 for an unreadable body
file, a file that cannot be written, or no converter for ``--pdf`` (the .docx is written
all the same, and a line says so).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from eoffice_client.cli.context import CliContext
from eoffice_client.core.errors import ClientError, ExitCode
from eoffice_client.core.messages import tr

#: Errors of the PDF step, raised after the .docx was written.
PDF_STEP_ERRORS = ("documents.no_converter", "documents.conversion_failed",
                   "documents.conversion_timeout")


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("render", help="write a document as a Decree-30 .docx")
    parser.add_argument("document_id", metavar="DOC_ID")
    parser.add_argument("--out", required=True, metavar="FILE.docx", help="the .docx to write")
    parser.add_argument("--body", metavar="FILE.txt", help="the body text (UTF-8)")
    parser.add_argument("--pdf", metavar="FILE.pdf", help="also convert it to this PDF")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace, ctx: CliContext) -> int:
    out = Path(args.out)
    with ctx.app() as app:
        try:
            result = app.documents.render(
                args.document_id, out, Path(args.body) if args.body else None,
                Path(args.pdf) if args.pdf else None)
        except ClientError as exc:
            if exc.key in PDF_STEP_ERRORS:
                print(tr("cli_documents.rendered_docx", path=out))
            raise
    print(tr("cli_documents.rendered_docx", path=result.docx))
    if result.pdf is not None:
        converter = "LibreOffice" if result.converter == "libreoffice" else "Microsoft Word"
        print(tr("cli_documents.rendered_pdf", path=result.pdf, converter=converter))
    return int(ExitCode.OK)
