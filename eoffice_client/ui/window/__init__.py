"""The main window, in parts: ``shell.MainWindow`` composes them (see its docstring)."""
