# azd preprovision hook (Windows; preprovision.sh does the same on Linux and macOS): make the
# secretariat's API key once, and keep it in the azd environment, so that every later provision
# (the usual `azd up`) deploys the same key instead of locking out the secretariat's clients.
# A key already set (`azd env set MINAMATA_SECRETARIAT_KEY ...`) is left as it is.
$ErrorActionPreference = 'Stop'

# One plain line on standard error and exit 1, as the sh hook fails: no PowerShell error record around it.
function Fail([string]$message) {
    [Console]::Error.WriteLine($message)
    exit 1
}

if ($env:MINAMATA_SECRETARIAT_KEY) {
    Write-Host "preprovision: the secretariat's key is already in the azd environment; keeping it"
    exit 0
}

# 32 random bytes, base64url: 43 characters.
$bytes = [System.Security.Cryptography.RandomNumberGenerator]::GetBytes(32)
$key = [Convert]::ToBase64String($bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_')
azd env set MINAMATA_SECRETARIAT_KEY $key
if ($LASTEXITCODE -ne 0) { Fail 'preprovision: azd env set failed' }
Write-Host "preprovision: made the secretariat's key and kept it in the azd environment (read it with 'azd env get-value MINAMATA_SECRETARIAT_KEY')"
