# Installs EdgeAgent as a Windows service. Run in an elevated PowerShell from the release folder.
#   .\install-service.ps1 -PublishDir C:\path\to\publish
param(
    [string]$PublishDir = (Join-Path $PSScriptRoot "..\..\publish"),
    [string]$InstallDir = "C:\Program Files\EdgeAgent",
    [string]$DataDir = "C:\ProgramData\EdgeAgent"
)
$ErrorActionPreference = "Stop"
if (-not (Test-Path (Join-Path $PublishDir "edgeagent.exe"))) { throw "no edgeagent.exe in $PublishDir (dotnet publish src/EdgeAgent -c Release -r win-x64 -o publish)" }
New-Item -ItemType Directory -Force -Path $InstallDir, $DataDir | Out-Null
Copy-Item -Recurse -Force (Join-Path $PublishDir "*") $InstallDir
$config = Join-Path $DataDir "edgeagent.json"
if (-not (Test-Path $config)) {
    Copy-Item (Join-Path $PSScriptRoot "..\..\config\edgeagent.json") $config
    Write-Host "Sample config written to $config : edit it for your plant"
}
# The data folder holds the signing key and evidence: only SYSTEM and Administrators may read it.
icacls $DataDir /inheritance:r /grant:r "SYSTEM:(OI)(CI)F" "Administrators:(OI)(CI)F" | Out-Null
& (Join-Path $InstallDir "edgeagent.exe") check-config --config $config
$bin = "`"$(Join-Path $InstallDir 'edgeagent.exe')`" run --config `"$config`" --data `"$DataDir`" --windows-service"
if (Get-Service EdgeAgent -ErrorAction SilentlyContinue) { sc.exe stop EdgeAgent | Out-Null; sc.exe delete EdgeAgent | Out-Null; Start-Sleep 2 }
New-Service -Name EdgeAgent -BinaryPathName $bin -DisplayName "EdgeAgent data collection" -StartupType Automatic -Description "Industrial edge data collection, indicators and evidence"
sc.exe failure EdgeAgent reset= 86400 actions= restart/5000/restart/5000/restart/30000 | Out-Null
Start-Service EdgeAgent
Get-Service EdgeAgent
