# Sets up everything and opens the app (the training mode while no server is configured).
# Usage: powershell -ExecutionPolicy Bypass -File scripts\start.ps1
$ErrorActionPreference = "Stop"
Set-Location (Join-Path $PSScriptRoot "..")
& (Join-Path $PSScriptRoot "setup.ps1")
& .\.venv\Scripts\eoffice-client.exe @args
exit $LASTEXITCODE
