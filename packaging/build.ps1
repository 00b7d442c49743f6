<#
.SYNOPSIS
    Build Safer Desk for Windows as a one-folder program that runs without Python.

.DESCRIPTION
    The Windows twin of packaging/build.sh: a fresh virtual environment (build\packaging-venv),
    `pip install . pyinstaller`, then PyInstaller with packaging\safer-desk.spec.
    The folder it makes (default dist\safer-desk) holds:
      Safer Desk.exe   the window, without a console (point the Start-menu shortcut here)
      safer-desk.exe   the same program with a console: the commands (safer-desk --help) and the window
      _internal\       everything else (Python, Qt, the libraries, resources and example data)
    Needs Python 3.11 or newer from python.org (the `py` launcher) on the BUILD machine only.

.PARAMETER OutDir
    Where the folder goes. Default: dist\safer-desk in the repository.

.PARAMETER Python
    The py launcher version to use (default 3.11).

.PARAMETER KeepVenv
    Reuse the virtual environment of a previous build (faster, not clean).

.EXAMPLE
    powershell -ExecutionPolicy Bypass -File packaging\build.ps1
    python packaging\smoke_test.py dist\safer-desk
#>
[CmdletBinding()]
param(
    [string]$OutDir = "",
    [string]$Python = "3.11",
    [switch]$KeepVenv
)

$ErrorActionPreference = "Stop"

# The supported PyInstaller range (same as build.sh).
$PyInstallerSpec = "pyinstaller>=6.10,<7"

$Repo = (Resolve-Path (Join-Path $PSScriptRoot "..")).Path
Set-Location $Repo

if ($OutDir -eq "") { $OutDir = Join-Path $Repo "dist\safer-desk" }
if (-not [System.IO.Path]::IsPathRooted($OutDir)) { $OutDir = Join-Path (Get-Location) $OutDir }
$OutDir = [System.IO.Path]::GetFullPath($OutDir)
$OutParent = Split-Path -Parent $OutDir

function Invoke-Checked {
    # Native commands do not stop the script on failure: check their exit code ourselves. Their stderr
    # (pip's notices, PyInstaller's log) is not a PowerShell error, even in hosts that wrap it as one.
    param([string]$What, [scriptblock]$Command)
    $previous = $ErrorActionPreference
    $ErrorActionPreference = "Continue"
    try {
        & $Command
    } finally {
        $ErrorActionPreference = $previous
    }
    if ($LASTEXITCODE -ne 0) { throw "build.ps1: $What failed (exit $LASTEXITCODE)" }
}

$Work = Join-Path $Repo "build\packaging"
$Venv = Join-Path $Repo "build\packaging-venv"
$Started = Get-Date

if (-not (Get-Command py -ErrorAction SilentlyContinue)) {
    throw "build.ps1: the py launcher is missing: install Python $Python or newer from python.org (tick 'py launcher')"
}

$VenvPython = Join-Path $Venv "Scripts\python.exe"
if (-not $KeepVenv -or -not (Test-Path $VenvPython)) {
    Write-Host "== fresh virtual environment in $Venv (Python $Python)"
    if (Test-Path $Venv) { Remove-Item -Recurse -Force $Venv }
    Invoke-Checked "creating the venv" { py "-$Python" -m venv $Venv }
}

# Activate the venv for this session (its python and pip come first on PATH).
. (Join-Path $Venv "Scripts\Activate.ps1")
try {
    Invoke-Checked "upgrading pip" { python -m pip install --quiet --disable-pip-version-check --upgrade pip }
    Write-Host "== pip install . $PyInstallerSpec"
    # Not editable: the build takes the package as a wheel installs it (resources inside safer_desk\).
    Invoke-Checked "pip install" { python -m pip install --quiet --disable-pip-version-check . $PyInstallerSpec }
    if ($KeepVenv) {
        Invoke-Checked "reinstalling safer-desk" {
            python -m pip install --quiet --disable-pip-version-check --force-reinstall --no-deps .
        }
    }

    Write-Host "== pyinstaller packaging\safer-desk.spec -> $OutDir"
    if (Test-Path $Work) { Remove-Item -Recurse -Force $Work }
    if (Test-Path $OutDir) { Remove-Item -Recurse -Force $OutDir }
    New-Item -ItemType Directory -Force -Path $Work, $OutParent | Out-Null
    $WorkDist = Join-Path $Work "dist"
    # Run from the work folder so the source tree is not on sys.path: the installed package is frozen.
    Push-Location $Work
    try {
        Invoke-Checked "PyInstaller" {
            python -m PyInstaller --noconfirm --clean --log-level WARN `
                --distpath $WorkDist --workpath (Join-Path $Work "work") `
                (Join-Path $Repo "packaging\safer-desk.spec")
        }
    } finally {
        Pop-Location
    }
    $Built = Join-Path $WorkDist "safer-desk"
    if ([System.IO.Path]::GetPathRoot($Built) -eq [System.IO.Path]::GetPathRoot($OutDir)) {
        Move-Item -Path $Built -Destination $OutDir
    } else {  # Move-Item cannot move a folder to another drive
        Copy-Item -Recurse -Path $Built -Destination $OutDir
    }
} finally {
    if (Get-Command deactivate -ErrorAction SilentlyContinue) { deactivate }
}

$Exe = Join-Path $OutDir "safer-desk.exe"
if (-not (Test-Path $Exe)) { throw "build.ps1: no executable at $Exe" }
Invoke-Checked "safer-desk --version" { & $Exe --version }
$SizeMB = [math]::Round(((Get-ChildItem -Recurse -File $OutDir | Measure-Object -Property Length -Sum).Sum / 1MB), 0)
$Seconds = [math]::Round(((Get-Date) - $Started).TotalSeconds, 0)
Write-Host "== built $OutDir ($SizeMB MB) in $Seconds s"
