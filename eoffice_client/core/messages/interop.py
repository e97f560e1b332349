"""Messages: edXML (QCVN 102:2016) import and export (core/interop)."""

MESSAGES: dict[str, tuple[str, str]] = {
}
