# Creates .venv with Python 3.11+ (the py launcher) and installs the project with its dev tools.
$ErrorActionPreference = "Stop"
Set-Location (Join-Path $PSScriptRoot "..")
if (-not (Test-Path .\.venv\Scripts\python.exe)) {
    py -3 -c "import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)"
    if ($LASTEXITCODE -ne 0) { throw "Python 3.11 or newer is needed (https://www.python.org)" }
    py -3 -m venv .venv
}
& .\.venv\Scripts\python.exe -m pip install -q --disable-pip-version-check --upgrade pip
& .\.venv\Scripts\python.exe -m pip install -q --disable-pip-version-check -e ".[dev]"
if ($LASTEXITCODE -ne 0) { throw "pip install failed" }
