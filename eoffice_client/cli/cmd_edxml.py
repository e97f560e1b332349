"""``edxml import FILE``, ``edxml export DOC_ID --out FILE``, ``edxml status DOC_ID --code NN
--out FILE`` (cli-v1.md; edXML is QCVN 102:2016).

``import`` turns a document message into a new incoming document queued for the clerk
(its create and its files in one chain) and prints its id; what the file holds that the
document cannot is listed on stderr for the clerk's review. A status message is not a
document: it is recorded as a note on the outgoing document it is about, and a line says
so (6 when that document is not cached). ``export`` writes an issued document with its
final PDF and cached appendices (7 when not issued or secret, 9 when the final PDF is not
cached); ``status`` writes the status message NN (01-06) for a received document (7 when
NN does not fit its status). Files that are not usable edXML: 9.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from eoffice_client.cli.context import CliContext
from eoffice_client.cli.usage import Parser
from eoffice_client.core.errors import ExitCode
from eoffice_client.core.messages import tr

if TYPE_CHECKING:
    from eoffice_client.core.app.interop import EdxmlExport, EdxmlImport


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("edxml", help="edXML import, export and status messages")
    actions = parser.add_subparsers(dest="edxml_action", parser_class=Parser, metavar="ACTION",
                                    required=True)
    importing = actions.add_parser("import", help="a new incoming document from edXML")
    importing.add_argument("file", metavar="FILE")
    exporting = actions.add_parser("export", help="an issued document as edXML")
    exporting.add_argument("document_id", metavar="DOC_ID")
    exporting.add_argument("--out", required=True, metavar="FILE")
    status = actions.add_parser("status", help="a status message for a received document")
    status.add_argument("document_id", metavar="DOC_ID")
    status.add_argument("--code", required=True, metavar="NN", help="01, 02, 03, 04, 05 or 06")
    status.add_argument("--out", required=True, metavar="FILE")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace, ctx: CliContext) -> int:
    with ctx.app() as app:
        if args.edxml_action == "import":
            return run_import(app.interop.import_edxml(Path(args.file)))
        if args.edxml_action == "export":
            written = app.interop.export_edxml(args.document_id, Path(args.out))
            key = "cli_documents.edxml_exported"
        else:
            written = app.interop.status_edxml(args.document_id, args.code, Path(args.out))
            key = "cli_documents.edxml_status_written"
    say_written(key, written)
    return int(ExitCode.OK)


def run_import(result: EdxmlImport) -> int:
    if result.kind == "status":
        print(tr("cli_documents.edxml_status_recorded", code=result.status_code,
                 summary=result.summary, id=result.document_id))
    else:
        print(result.document_id)
        print(f"eoffice-client: {tr('cli_documents.edxml_imported', files=result.attachments)}",
              file=sys.stderr)
        if result.business != "new":
            print(f"eoffice-client: {tr(f'cli_documents.edxml_business_{result.business}')}",
                  file=sys.stderr)
    say_notes(result.notes)
    return int(ExitCode.OK)


def say_written(key: str, written: EdxmlExport) -> None:
    print(tr(key, path=written.path, files=written.attachments))
    say_notes(written.warnings)


def say_notes(lines: Sequence[str]) -> None:
    """What did not fit, for the clerk to review, on stderr (stdout stays the result)."""
    if not lines:
        return
    print(f"eoffice-client: {tr('cli_documents.edxml_notes', count=len(lines))}", file=sys.stderr)
    for line in lines:
        print(f"  - {line}", file=sys.stderr)
