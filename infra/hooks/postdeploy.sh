#!/usr/bin/env sh
# azd postdeploy hook: subscribe the blob trigger to the upload container's BlobCreated events,
# now that the deployed code has made the Functions host create its blob extension key.
set -eu
az deployment group create \
  --resource-group "$AZURE_RESOURCE_GROUP" \
  --name minamata-eventgrid \
  --template-file "$(dirname "$0")/../eventgrid.bicep" \
  --parameters functionAppName="$AZURE_FUNCTION_APP_NAME" \
               storageAccountName="$AZURE_STORAGE_ACCOUNT_NAME" \
               systemTopicName="$AZURE_EVENTGRID_SYSTEM_TOPIC_NAME"
