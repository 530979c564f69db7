# Builds the SSI Desktop Windows installer: venv, PyInstaller one-folder app, smoke test, NSIS.
#
#   powershell -ExecutionPolicy Bypass -File build_scripts\windows\build.ps1 [-Python py]
#
# Output: dist\ssi-desktop\ (the app) and dist\ssi-desktop-<version>-windows-setup.exe.
# Needs Python 3.11+ and NSIS 3 (makensis on PATH, in Program Files, or installed with choco).
param(
    [string]$Python = "python"
)
$ErrorActionPreference = "Stop"
$root = (Resolve-Path (Join-Path $PSScriptRoot "..\..")).Path
Set-Location $root

function Invoke-Checked([string]$What, [scriptblock]$Command) {
    & $Command
    if ($LASTEXITCODE -ne 0) { throw "$What failed (exit code $LASTEXITCODE)" }
}

$venv = Join-Path $root "build\venv"  # inside build\, which git ignores
if (-not (Test-Path $venv)) {
    Invoke-Checked "creating the venv" { & $Python -m venv $venv }
}
$py = Join-Path $venv "Scripts\python.exe"
Invoke-Checked "pip upgrade" { & $py -m pip install --quiet --upgrade pip }
# A regular (not editable) install, so the version the app reports is this checkout's.
Invoke-Checked "pip install" { & $py -m pip install --quiet ".[build]" }

$version = & $py -c "import tomllib; print(tomllib.load(open('pyproject.toml', 'rb'))['project']['version'])"
if ($LASTEXITCODE -ne 0) { throw "could not read the version from pyproject.toml" }
$version = $version.Trim()
# Windows version resources take four numbers: 1.2.3rc1 -> 1.2.3.0
$numbers = @([regex]::Matches($version, "\d+") | Select-Object -First 3 | ForEach-Object { $_.Value })
while ($numbers.Count -lt 3) { $numbers += "0" }
$viVersion = ($numbers + "0") -join "."

Invoke-Checked "PyInstaller" {
    & $py -m PyInstaller --noconfirm --log-level WARN --distpath dist --workpath build\pyinstaller `
        build_scripts\ssi-desktop.spec
}
$exe = Join-Path $root "dist\ssi-desktop\ssi-desktop.exe"

# The exe is a GUI program (no console), so wait for it explicitly and check its exit code.
$scratch = Join-Path ([System.IO.Path]::GetTempPath()) ("ssi-smoke-" + [guid]::NewGuid())
New-Item -ItemType Directory -Path $scratch | Out-Null
$env:QT_QPA_PLATFORM = "offscreen"
# Start-Process does not quote arguments itself, hence the explicit quotes around the path.
foreach ($arguments in @("--version", "--smoke --data `"$(Join-Path $scratch 'smoke.json')`"")) {
    $run = Start-Process -FilePath $exe -ArgumentList $arguments -Wait -PassThru -NoNewWindow
    if ($run.ExitCode -ne 0) { throw "ssi-desktop $arguments exited with $($run.ExitCode)" }
}
Remove-Item Env:QT_QPA_PLATFORM
Remove-Item -Recurse -Force $scratch

$makensis = (Get-Command makensis -ErrorAction SilentlyContinue).Source
if (-not $makensis) {
    $candidate = Join-Path ${env:ProgramFiles(x86)} "NSIS\makensis.exe"
    if (-not (Test-Path $candidate)) {
        Invoke-Checked "installing NSIS" { choco install nsis --yes --no-progress }
    }
    $makensis = $candidate
}
$setup = Join-Path $root "dist\ssi-desktop-$version-windows-setup.exe"
Invoke-Checked "makensis" {
    & $makensis /V2 /WX "/DVERSION=$version" "/DVI_VERSION=$viVersion" `
        "/DSOURCE_DIR=$root\dist\ssi-desktop" "/DOUTFILE=$setup" `
        build_scripts\windows\ssi-desktop.nsi
}
Write-Host "built $setup ($([math]::Round((Get-Item $setup).Length / 1MB, 1)) MB)"
