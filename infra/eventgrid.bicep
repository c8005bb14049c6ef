// Subscribes the intake's blob trigger to BlobCreated events of the upload container. Deployed
// after the function app's code (azure.yaml postdeploy hook), because the endpoint needs the key
// the Functions host creates for its blob extension once the blob trigger is deployed.
param functionAppName string
param storageAccountName string
param systemTopicName string

@description('The blob-triggered function (src/Minamata.Functions/IntakeFunctions.cs).')
param functionName string = 'IntakeUpload'

resource app 'Microsoft.Web/sites@2024-04-01' existing = {
  name: functionAppName
}

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: storageAccountName
}

resource systemTopic 'Microsoft.EventGrid/systemTopics@2025-02-15' existing = {
  name: systemTopicName
}

var blobExtensionKey = listKeys('${app.id}/host/default', '2024-04-01').systemKeys.blobs_extension

resource uploads 'Microsoft.EventGrid/systemTopics/eventSubscriptions@2025-02-15' = {
  parent: systemTopic
  name: 'uploads-to-intake'
  properties: {
    destination: {
      endpointType: 'WebHook'
      properties: {
        endpointUrl: 'https://${app.properties.defaultHostName}/runtime/webhooks/blobs?functionName=Host.Functions.${functionName}&code=${blobExtensionKey}'
      }
    }
    filter: {
      includedEventTypes: ['Microsoft.Storage.BlobCreated']
      subjectBeginsWith: '/blobServices/default/containers/uploads/'
    }
    eventDeliverySchema: 'EventGridSchema'
    // Event Grid retries for a day; what still fails is kept, and the reconcile timer takes the blob in anyway.
    retryPolicy: { maxDeliveryAttempts: 30, eventTimeToLiveInMinutes: 1440 }
    deadLetterWithResourceIdentity: {
      identity: { type: 'SystemAssigned' }
      deadLetterDestination: {
        endpointType: 'StorageBlob'
        properties: { resourceId: storage.id, blobContainerName: 'eventgrid-deadletter' }
      }
    }
  }
}
