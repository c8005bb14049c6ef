#!/usr/bin/env sh
# azd postdeploy hook (Linux and macOS; postdeploy.ps1 does the same on Windows): subscribe the
# intake's blob trigger to the upload container's BlobCreated events, now that the code is deployed.
# The subscription's endpoint needs the key the Functions host creates for its blob extension, and a
# Flex Consumption host creates it only once it has started: so the hook wakes the host, waits for
# the key (a bounded number of tries), then deploys eventgrid.bicep, retrying while Event Grid's
# validation of the endpoint fails on a host still starting. Every az call names the subscription
# azd provisioned into, whatever the Azure CLI's default is. Run it again with
# `azd hooks run postdeploy`.
set -eu

: "${AZURE_SUBSCRIPTION_ID:?is not set: run this hook through azd (azd hooks run postdeploy)}"
: "${AZURE_RESOURCE_GROUP:?is not set: run azd provision first}"
: "${AZURE_FUNCTION_APP_NAME:?is not set: run azd provision first}"
: "${AZURE_STORAGE_ACCOUNT_NAME:?is not set: run azd provision first}"
: "${AZURE_EVENTGRID_SYSTEM_TOPIC_NAME:?is not set: run azd provision first}"
: "${SERVICE_API_URI:?is not set: run azd provision first}"
attempts="${MINAMATA_HOOK_ATTEMPTS:-20}"
pause="${MINAMATA_HOOK_WAIT_SECONDS:-15}"

warm() {
  # Any answer will do: the request starts an instance, and the host creates its keys as it starts.
  curl --silent --output /dev/null --max-time 60 "$SERVICE_API_URI/api/health" || true
}

echo "postdeploy: waking $AZURE_FUNCTION_APP_NAME and waiting for its blob extension key"
warm
try=1
until key=$(az functionapp keys list --subscription "$AZURE_SUBSCRIPTION_ID" --resource-group "$AZURE_RESOURCE_GROUP" \
    --name "$AZURE_FUNCTION_APP_NAME" --query systemKeys.blobs_extension --output tsv 2>/dev/null) && [ -n "$key" ]; do
  if [ "$try" -ge "$attempts" ]; then
    echo "postdeploy: the Functions host of $AZURE_FUNCTION_APP_NAME has not created its blob extension key after $attempts tries; check that the deployment succeeded and that $SERVICE_API_URI/api/health answers, then run 'azd hooks run postdeploy'." >&2
    exit 1
  fi
  echo "postdeploy: no blob extension key yet (try $try of $attempts); waiting ${pause}s"
  sleep "$pause"
  warm
  try=$((try + 1))
done

try=1
until az deployment group create --subscription "$AZURE_SUBSCRIPTION_ID" --resource-group "$AZURE_RESOURCE_GROUP" \
    --name minamata-eventgrid --template-file "$(dirname "$0")/../eventgrid.bicep" --output none \
    --parameters functionAppName="$AZURE_FUNCTION_APP_NAME" storageAccountName="$AZURE_STORAGE_ACCOUNT_NAME" \
                 systemTopicName="$AZURE_EVENTGRID_SYSTEM_TOPIC_NAME"; do
  if [ "$try" -ge "$attempts" ]; then
    echo "postdeploy: the Event Grid subscription could not be deployed after $attempts tries (see the error above); run 'azd hooks run postdeploy' again." >&2
    exit 1
  fi
  echo "postdeploy: the Event Grid subscription failed (try $try of $attempts), often the endpoint's validation on a host still starting; waiting ${pause}s"
  sleep "$pause"
  warm
  try=$((try + 1))
done
echo "postdeploy: uploads now reach the intake through Event Grid"
