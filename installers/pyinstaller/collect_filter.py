"""Which of the Qt files that PyInstaller's PySide6 hooks collect the frozen app keeps.

The window uses QtCore, QtGui, QtWidgets, QtPdf, QtPdfWidgets, QtPrintSupport and QtSvg
(the icons); the network is the core's (requests), and a sync that found the server
unreachable is tried again a minute later rather than through QtNetwork's reachability
backends. Plugins are kept by folder and name: the platforms the app runs on (xcb and
offscreen on Linux, windows and offscreen on Windows), the image formats of the icons
and scans, the SVG icon engine, input methods (Vietnamese typing on Linux goes through
IBus), printing, and the native Windows style. Nothing of QML, Quick, WebEngine, 3D,
Wayland, EGLFS or the SQL drivers.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import PurePath

#: Python modules left out of the frozen app: libraries' optional parts it never uses.
#: tests/unit/test_frozen_excludes.py checks that the package imports none of them.
EXCLUDED_MODULES = (
    "tkinter", "_tkinter", "readline", "lib2to3", "pydoc_data", "IPython", "matplotlib", "numpy",
    "PySide6.QtQml", "PySide6.QtQuick", "PySide6.QtQuickWidgets", "PySide6.QtOpenGL",
    "PySide6.QtOpenGLWidgets", "PySide6.QtWebEngineCore", "PySide6.QtWebEngineWidgets",
    "PySide6.Qt3DCore", "PySide6.QtMultimedia", "PySide6.QtSql", "PySide6.QtTest",
    "PySide6.QtDesigner", "PySide6.QtUiTools", "PySide6.QtHelp", "PySide6.QtConcurrent",
    "PySide6.QtXml", "PySide6.QtDBus", "PySide6.QtNetwork",
    # build tools some libraries import only when present
    "setuptools", "pkg_resources", "_distutils_hack",
    # python-docx uses lxml.etree only; scans and signature images are PNG, JPEG or TIFF
    "lxml.objectify", "lxml.isoschematron", "PIL._avif", "PIL.AvifImagePlugin", "PIL._webp",
    "PIL.WebPImagePlugin", "PIL._imagingtk", "PIL.ImageTk",
    # East Asian codecs: the app reads UTF-8 and Vietnamese code pages only
    "_codecs_cn", "_codecs_hk", "_codecs_iso2022", "_codecs_jp", "_codecs_kr", "_codecs_tw",
)

KEEP_PLUGINS: dict[str, frozenset[str]] = {
    "platforms": frozenset({"qxcb", "qoffscreen", "qwindows"}),
    "imageformats": frozenset({"qsvg", "qjpeg"}),  # PNG is built into QtGui
    "iconengines": frozenset({"qsvgicon"}),
    "platforminputcontexts": frozenset({"composeplatforminputcontextplugin",
                                        "ibusplatforminputcontextplugin"}),
    "xcbglintegrations": frozenset({"qxcb-glx-integration"}),
    "printsupport": frozenset({"cupsprintersupport"}),
    "styles": frozenset({"qmodernwindowsstyle", "qwindowsvistastyle"}),
}

#: Qt libraries no kept module needs (a plugin dropped above may have pulled them in).
DROP_LIBRARY_WORDS = ("Qml", "Quick", "WebEngine", "3D", "Wayland", "EglFS", "Designer",
                      "Lottie", "VirtualKeyboard", "Sql", "Test", "opengl32sw", "Labs")

#: Desktop libraries a Linux frozen folder takes from the system, as distribution packages
#: and AppImages do: the X11/xcb and XKB stack, fontconfig and FreeType (their config files
#: must match the system's), GLib, D-Bus (and through it systemd), Kerberos (QtNetwork's
#: HTTP authentication) and CUPS (with its TLS libraries): a missing CUPS only leaves the
#: print dialog without printers. The libraries only these pulled in are pruned with them
#: (see prune_unreached).
LINUX_SYSTEM_LIBRARIES = ("libX11", "libXau", "libXdmcp", "libxcb", "libxkbcommon",
                          "libfontconfig", "libfreetype", "libglib-2.0", "libgthread-2.0",
                          "libdbus-1", "libgssapi_krb5", "libcups")

#: Qt's own translations: English only (Qt has none for Vietnamese: ours, qtbase_vi.qm,
#: is built from translations/qtbase_vi.ts with the window's catalogues).
KEEP_QT_TRANSLATIONS = frozenset({"qtbase_en.qm"})


def _plugin_stem(name: str) -> str:
    stem = name.split(".")[0]
    return stem[3:] if stem.startswith("lib") else stem


def keep_binary(dest: str, linux: bool = False) -> bool:
    """False for a Qt plugin or library the app does not use, or a Linux desktop library."""
    parts = PurePath(dest.replace("\\", "/")).parts
    if linux and len(parts) == 1 and parts[0].startswith(LINUX_SYSTEM_LIBRARIES):
        return False
    if "PySide6" not in parts:
        return True
    if "plugins" in parts and len(parts) >= parts.index("plugins") + 3:
        folder = parts[parts.index("plugins") + 1]
        return _plugin_stem(parts[-1]) in KEEP_PLUGINS.get(folder, frozenset())
    return not any(word in parts[-1] for word in DROP_LIBRARY_WORDS)


def keep_data(dest: str) -> bool:
    """False for Qt's translations other than English, and for QML files."""
    parts = PurePath(dest.replace("\\", "/")).parts
    if "PySide6" in parts and "translations" in parts:
        return parts[-1] in KEEP_QT_TRANSLATIONS
    return not ("PySide6" in parts and "qml" in parts)


Entry = tuple[str, str, str]  # (destination in the folder, source path, type)


def _is_root(dest: str) -> bool:
    """Binaries loaded by name rather than linked: Python extensions, Qt plugins, libpython."""
    parts = PurePath(dest.replace("\\", "/")).parts
    name = parts[-1]
    return ("plugins" in parts or ".cpython-" in name or ".abi3." in name
            or name.startswith("libpython") or name.endswith(".pyd"))


def prune_unreached(binaries: list[Entry], imports_of: Callable[[str], set[str]]) -> list[Entry]:
    """Drops the libraries that no kept binary links to (on Linux).

    They were collected for plugins removed by :func:`keep_binary` (the GTK theme's
    cairo and pango, the Wayland and EGLFS libraries, ...) or for the system libraries
    left out.
    """
    files = [entry for entry in binaries if entry[2] != "SYMLINK"]
    by_name = {PurePath(entry[0]).name: entry for entry in files}
    reached: set[str] = set()
    pending = [entry for entry in files if _is_root(entry[0])]
    while pending:
        dest, source, _kind = pending.pop()
        if dest in reached:
            continue
        reached.add(dest)
        pending.extend(by_name[name] for name in imports_of(source) if name in by_name)
    return [entry for entry in binaries
            if entry[0] in reached or (entry[2] == "SYMLINK" and _link_target(entry) in reached)]


def drop_dangling_links(entries: list[Entry], kept: set[str]) -> list[Entry]:
    """Drops PyInstaller's top-level links to Qt libraries that are no longer collected."""
    return [entry for entry in entries if entry[2] != "SYMLINK" or _link_target(entry) in kept]


def _link_target(entry: Entry) -> str:
    """A SYMLINK entry's source is its target relative to the link's folder."""
    dest, target, _kind = entry
    return PurePath(dest).parent.joinpath(target).as_posix()


def elf_needed(path: str) -> set[str]:
    """The libraries an ELF file links to directly (``ldd`` would give the whole tree).

    ``readelf`` comes with binutils, which PyInstaller needs on Linux anyway (``strip``).
    """
    import subprocess

    out = subprocess.run(["readelf", "-d", path], capture_output=True, text=True,
                         check=True).stdout
    return {line.split("[", 1)[1].split("]", 1)[0] for line in out.splitlines()
            if "(NEEDED)" in line}

