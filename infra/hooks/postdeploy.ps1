# azd postdeploy hook (Windows; postdeploy.sh does the same on Linux and macOS): subscribe the
# intake's blob trigger to the upload container's BlobCreated events, now that the code is deployed.
# The subscription's endpoint needs the key the Functions host creates for its blob extension, and a
# Flex Consumption host creates it only once it has started: so the hook wakes the host, waits for
# the key (a bounded number of tries), then deploys eventgrid.bicep, retrying while Event Grid's
# validation of the endpoint fails on a host still starting. Every az call names the subscription
# azd provisioned into, whatever the Azure CLI's default is. Run it again with
# `azd hooks run postdeploy`.
$ErrorActionPreference = 'Stop'

# One plain line on standard error and exit 1, as the sh hook fails: no PowerShell error record around it.
function Fail([string]$message) {
    [Console]::Error.WriteLine($message)
    exit 1
}

foreach ($name in 'AZURE_SUBSCRIPTION_ID', 'AZURE_RESOURCE_GROUP', 'AZURE_FUNCTION_APP_NAME', 'AZURE_STORAGE_ACCOUNT_NAME', 'AZURE_EVENTGRID_SYSTEM_TOPIC_NAME', 'SERVICE_API_URI') {
    if (-not [Environment]::GetEnvironmentVariable($name)) {
        Fail "postdeploy: $name is not set: run this hook through azd (azd provision, then azd hooks run postdeploy)."
    }
}
$attempts = if ($env:MINAMATA_HOOK_ATTEMPTS) { [int]$env:MINAMATA_HOOK_ATTEMPTS } else { 20 }
$pause = if ($env:MINAMATA_HOOK_WAIT_SECONDS) { [int]$env:MINAMATA_HOOK_WAIT_SECONDS } else { 15 }

function Warm {
    # Any answer will do: the request starts an instance, and the host creates its keys as it starts.
    try { Invoke-WebRequest -Uri "$env:SERVICE_API_URI/api/health" -TimeoutSec 60 -SkipHttpErrorCheck | Out-Null } catch { }
}

Write-Host "postdeploy: waking $env:AZURE_FUNCTION_APP_NAME and waiting for its blob extension key"
Warm
for ($try = 1; ; $try++) {
    $key = az functionapp keys list --subscription $env:AZURE_SUBSCRIPTION_ID --resource-group $env:AZURE_RESOURCE_GROUP `
        --name $env:AZURE_FUNCTION_APP_NAME --query systemKeys.blobs_extension --output tsv 2>$null
    if ($LASTEXITCODE -eq 0 -and $key) { break }
    if ($try -ge $attempts) {
        Fail "postdeploy: the Functions host of $env:AZURE_FUNCTION_APP_NAME has not created its blob extension key after $attempts tries; check that the deployment succeeded and that $env:SERVICE_API_URI/api/health answers, then run 'azd hooks run postdeploy'."
    }
    Write-Host "postdeploy: no blob extension key yet (try $try of $attempts); waiting ${pause}s"
    Start-Sleep -Seconds $pause
    Warm
}

$template = Join-Path $PSScriptRoot '..' 'eventgrid.bicep'
for ($try = 1; ; $try++) {
    az deployment group create --subscription $env:AZURE_SUBSCRIPTION_ID --resource-group $env:AZURE_RESOURCE_GROUP `
        --name minamata-eventgrid --template-file $template --output none `
        --parameters functionAppName=$env:AZURE_FUNCTION_APP_NAME storageAccountName=$env:AZURE_STORAGE_ACCOUNT_NAME `
                     systemTopicName=$env:AZURE_EVENTGRID_SYSTEM_TOPIC_NAME
    if ($LASTEXITCODE -eq 0) { break }
    if ($try -ge $attempts) {
        Fail "postdeploy: the Event Grid subscription could not be deployed after $attempts tries (see the error above); run 'azd hooks run postdeploy' again."
    }
    Write-Host "postdeploy: the Event Grid subscription failed (try $try of $attempts), often the endpoint's validation on a host still starting; waiting ${pause}s"
    Start-Sleep -Seconds $pause
    Warm
}
Write-Host 'postdeploy: uploads now reach the intake through Event Grid'
