// Everything the pipeline runs on, in one resource group. No shared keys anywhere: storage,
// Key Vault and Application Insights accept only Entra ID, and the function app signs in as its
// user-assigned identity, which holds only the roles it needs.
param environmentName string
param location string
param tags object
@secure()
param secretariatKey string
param publicUrl string
param reminderSchedule string
param digestTo string
param smtpHost string
param smtpPort int
param smtpUserName string
@secure()
param smtpPassword string
param smtpFrom string
param smtpTrustedCertificateSha256 string
param mailIntakeHost string
param mailIntakePort int
param mailIntakeUserName string
@secure()
param mailIntakePassword string
param mailIntakeSchedule string
param mailIntakeTenantId string
param mailIntakeClientId string
@secure()
param mailIntakeClientSecret string

var token = toLower(uniqueString(subscription().id, resourceGroup().id, environmentName))
var storageAccountName = 'st${take(token, 20)}'
var functionAppName = 'func-minamata-${token}'
var deploymentContainer = 'app-package'
var deadLetterContainer = 'eventgrid-deadletter'
// The names the code uses (src/Minamata.Reporting/Storage/StorageNames.cs).
var containers = ['uploads', 'texts', 'compilations', 'outbox', deploymentContainer, deadLetterContainer]
var tables = ['reports', 'directory', 'cycles', 'history', 'contenthashes', 'compilations', 'notifications']
var queues = ['compilations', 'compilations-poison']

var roles = {
  // Owner, not Contributor: the upload URLs are user delegation SAS (the key is part of the data roles).
  blobDataOwner: 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'
  blobDataContributor: 'ba92f5b4-2d11-453d-a403-e96b0029c9fe'
  queueDataContributor: '974c5e8b-45b9-4653-ba55-5f855dd0fb88'
  tableDataContributor: '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
  keyVaultSecretsUser: '4633458b-17de-408a-b874-0445c86b69e6'
  monitoringMetricsPublisher: '3913510d-42f4-4e42-8a64-420c390055eb'
}

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: 'id-minamata-${token}'
  location: location
  tags: tags
}

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: storageAccountName
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: { name: 'Standard_LRS' }
  properties: {
    allowSharedKeyAccess: false
    allowBlobPublicAccess: false
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    defaultToOAuthAuthentication: true
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2023-05-01' = {
  parent: storage
  name: 'default'
  properties: {
    // Browsers PUT large reports straight to their upload URL; the URL is the permission.
    cors: {
      corsRules: [
        {
          allowedOrigins: ['*']
          allowedMethods: ['PUT', 'OPTIONS']
          allowedHeaders: ['content-type', 'x-ms-blob-type', 'x-ms-version', 'x-ms-client-request-id']
          exposedHeaders: ['etag', 'x-ms-request-id']
          maxAgeInSeconds: 3600
        }
      ]
    }
    deleteRetentionPolicy: { enabled: true, days: 30 }
  }
}

resource blobContainers 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = [for name in containers: {
  parent: blobService
  name: name
}]

resource tableService 'Microsoft.Storage/storageAccounts/tableServices@2023-05-01' = {
  parent: storage
  name: 'default'
}

resource storageTables 'Microsoft.Storage/storageAccounts/tableServices/tables@2023-05-01' = [for name in tables: {
  parent: tableService
  name: name
}]

resource queueService 'Microsoft.Storage/storageAccounts/queueServices@2023-05-01' = {
  parent: storage
  name: 'default'
}

resource storageQueues 'Microsoft.Storage/storageAccounts/queueServices/queues@2023-05-01' = [for name in queues: {
  parent: queueService
  name: name
}]

resource storageRoles 'Microsoft.Authorization/roleAssignments@2022-04-01' = [for role in [roles.blobDataOwner, roles.queueDataContributor, roles.tableDataContributor]: {
  scope: storage
  name: guid(storage.id, identity.id, role)
  properties: {
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', role)
  }
}]

resource logs 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: 'log-minamata-${token}'
  location: location
  tags: tags
  properties: {
    sku: { name: 'PerGB2018' }
    retentionInDays: 30
  }
}

resource insights 'Microsoft.Insights/components@2020-02-02' = {
  name: 'appi-minamata-${token}'
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: logs.id
    DisableLocalAuth: true
  }
}

resource insightsRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: insights
  name: guid(insights.id, identity.id, roles.monitoringMetricsPublisher)
  properties: {
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.monitoringMetricsPublisher)
  }
}

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: 'kv-${take(token, 21)}'
  location: location
  tags: tags
  properties: {
    tenantId: subscription().tenantId
    sku: { family: 'A', name: 'standard' }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 7
  }
}

resource secretariatKeySecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'secretariat-key'
  properties: { value: secretariatKey }
}

resource smtpPasswordSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(smtpPassword)) {
  parent: vault
  name: 'smtp-password'
  properties: { value: smtpPassword }
}

resource mailIntakeClientSecretSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(mailIntakeClientSecret)) {
  parent: vault
  name: 'mail-intake-client-secret'
  properties: { value: mailIntakeClientSecret }
}

resource mailIntakePasswordSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(mailIntakePassword)) {
  parent: vault
  name: 'mail-intake-password'
  properties: { value: mailIntakePassword }
}

resource vaultRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: vault
  name: guid(vault.id, identity.id, roles.keyVaultSecretsUser)
  properties: {
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.keyVaultSecretsUser)
  }
}

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: 'plan-minamata-${token}'
  location: location
  tags: tags
  kind: 'functionapp'
  sku: { tier: 'FlexConsumption', name: 'FC1' }
  properties: { reserved: true }
}

resource app 'Microsoft.Web/sites@2024-04-01' = {
  name: functionAppName
  location: location
  tags: union(tags, { 'azd-service-name': 'api' })
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: { '${identity.id}': {} }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    keyVaultReferenceIdentity: identity.id
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${storage.properties.primaryEndpoints.blob}${deploymentContainer}'
          authentication: { type: 'UserAssignedIdentity', userAssignedIdentityResourceId: identity.id }
        }
      }
      // Deadline day: every partner uploads at once; instances scale out on HTTP and Event Grid load.
      scaleAndConcurrency: { maximumInstanceCount: 100, instanceMemoryMB: 2048 }
      runtime: { name: 'dotnet-isolated', version: '10.0' }
    }
    siteConfig: {
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      // Identity-based connections: AzureWebJobsStorage for the Functions host, ReportStorage for the pipeline.
      appSettings: [
        { name: 'AzureWebJobsStorage__blobServiceUri', value: storage.properties.primaryEndpoints.blob }
        { name: 'AzureWebJobsStorage__queueServiceUri', value: storage.properties.primaryEndpoints.queue }
        { name: 'AzureWebJobsStorage__tableServiceUri', value: storage.properties.primaryEndpoints.table }
        { name: 'AzureWebJobsStorage__credential', value: 'managedidentity' }
        { name: 'AzureWebJobsStorage__clientId', value: identity.properties.clientId }
        // The site's root belongs to the portal (a Root function redirects there), not to the host's own page.
        { name: 'AzureWebJobsDisableHomepage', value: 'true' }
        { name: 'ReportStorage__blobServiceUri', value: storage.properties.primaryEndpoints.blob }
        { name: 'ReportStorage__queueServiceUri', value: storage.properties.primaryEndpoints.queue }
        { name: 'ReportStorage__tableServiceUri', value: storage.properties.primaryEndpoints.table }
        { name: 'ReportStorage__credential', value: 'managedidentity' }
        { name: 'ReportStorage__clientId', value: identity.properties.clientId }
        { name: 'AZURE_CLIENT_ID', value: identity.properties.clientId }
        { name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', value: insights.properties.ConnectionString }
        { name: 'APPLICATIONINSIGHTS_AUTHENTICATION_STRING', value: 'ClientId=${identity.properties.clientId};Authorization=AAD' }
        { name: 'Minamata__SecretariatKey', value: '@Microsoft.KeyVault(SecretUri=${secretariatKeySecret.properties.secretUri})' }
        { name: 'Minamata__PublicUrl', value: empty(publicUrl) ? 'https://${functionAppName}.azurewebsites.net' : publicUrl }
        { name: 'Minamata__KeyCacheLifetime', value: '00:00:30' }
        { name: 'Minamata__Deadlines__Schedule', value: reminderSchedule }
        { name: 'Minamata__Deadlines__DigestTo', value: digestTo }
        { name: 'Minamata__Smtp__Host', value: smtpHost }
        { name: 'Minamata__Smtp__Port', value: string(smtpPort) }
        { name: 'Minamata__Smtp__UseTls', value: 'true' }
        { name: 'Minamata__Smtp__UserName', value: smtpUserName }
        { name: 'Minamata__Smtp__Password', value: empty(smtpPassword) ? '' : '@Microsoft.KeyVault(SecretUri=${smtpPasswordSecret!.properties.secretUri})' }
        { name: 'Minamata__Smtp__From', value: smtpFrom }
        { name: 'Minamata__Smtp__TrustedCertificateSha256', value: smtpTrustedCertificateSha256 }
        { name: 'Minamata__MailIntake__Host', value: mailIntakeHost }
        { name: 'Minamata__MailIntake__Port', value: string(mailIntakePort) }
        { name: 'Minamata__MailIntake__UseTls', value: 'true' }
        { name: 'Minamata__MailIntake__UserName', value: mailIntakeUserName }
        { name: 'Minamata__MailIntake__Password', value: empty(mailIntakePassword) ? '' : '@Microsoft.KeyVault(SecretUri=${mailIntakePasswordSecret!.properties.secretUri})' }
        { name: 'Minamata__MailIntake__Folder', value: 'INBOX' }
        { name: 'Minamata__MailIntake__ProcessedFolder', value: 'Processed' }
        { name: 'Minamata__MailIntake__NeedsAttentionFolder', value: 'Needs attention' }
        { name: 'Minamata__MailIntake__Schedule', value: mailIntakeSchedule }
        { name: 'Minamata__MailIntake__MaxMessagesPerRun', value: '100' }
        { name: 'Minamata__MailIntake__TrustedCertificateSha256', value: '' }
        { name: 'Minamata__MailIntake__TenantId', value: mailIntakeTenantId }
        { name: 'Minamata__MailIntake__ClientId', value: mailIntakeClientId }
        { name: 'Minamata__MailIntake__ClientSecret', value: empty(mailIntakeClientSecret) ? '' : '@Microsoft.KeyVault(SecretUri=${mailIntakeClientSecretSecret!.properties.secretUri})' }
        { name: 'Minamata__MailIntake__OAuthScope', value: 'https://outlook.office365.com/.default' }
        // Limits and timings, at the code's defaults, so that an operator sees and can change them here.
        { name: 'Minamata__Extraction__MaxFileBytes', value: '104857600' }
        { name: 'Minamata__Extraction__MaxTextCharacters', value: '8000000' }
        { name: 'Minamata__Extraction__MaxPdfPages', value: '2000' }
        { name: 'Minamata__Extraction__MaxZipEntries', value: '10000' }
        { name: 'Minamata__Extraction__MaxUncompressedBytes', value: '524288000' }
        { name: 'Minamata__Extraction__MaxHtmlDepth', value: '256' }
        { name: 'Minamata__Extraction__MaxDecodedStreamBytes', value: '33554432' }
        { name: 'Minamata__Extraction__MaxPageDrawingBytes', value: '1048576' }
        { name: 'Minamata__Extraction__MaxDocumentDrawingBytes', value: '33554432' }
        { name: 'Minamata__Extraction__MaxReadTime', value: '00:00:30' }
        { name: 'Minamata__Extraction__MaxReadAllocatedBytes', value: '17179869184' }
        { name: 'Minamata__Intake__PollInterval', value: '00:00:02' }
        { name: 'Minamata__Intake__Concurrency', value: '8' }
        { name: 'Minamata__Intake__ConcurrencyWhileUploading', value: '1' }
        { name: 'Minamata__Intake__MaxConcurrencyPerPartner', value: '2' }
        { name: 'Minamata__Intake__MaxAttempts', value: '5' }
        { name: 'Minamata__Intake__StuckAfter', value: '00:05:00' }
        { name: 'Minamata__Intake__ReconcileSchedule', value: '0 */5 * * * *' }
        // This template creates the containers, tables and queues; cold starts need not.
        { name: 'Minamata__ProvisionStorageAtStart', value: 'false' }
        { name: 'Minamata__Submissions__UploadUrlLifetime', value: '00:15:00' }
        { name: 'Minamata__Submissions__UploadOrigins', value: '*' }
        // Partners reach the account by its own name; change this to put a proxy or CDN name in upload URLs.
        { name: 'Minamata__Submissions__PublicBlobEndpoint', value: storage.properties.primaryEndpoints.blob }
        { name: 'Minamata__Http__HealthProbeInterval', value: '00:00:05' }
        { name: 'Minamata__Http__FailedKeysPerMinutePerAddress', value: '30' }
        { name: 'Minamata__Http__AnonymousRequestsPerMinutePerAddress', value: '300' }
        { name: 'Minamata__Http__MinRequestBodyBytesPerSecond', value: '1024' }
        { name: 'Minamata__Http__RequestBodyGracePeriod', value: '00:00:10' }
        { name: 'Minamata__Submissions__MaxReportsInFlightPerPartner', value: '20' }
        { name: 'Minamata__Submissions__MaxUploadsPerPartnerPerHour', value: '60' }
      ]
    }
  }
  dependsOn: [storageRoles, vaultRole, insightsRole, blobContainers]
}

// Blob events reach the intake through this topic; the subscription is made after the code is
// deployed (eventgrid.bicep), because its endpoint needs the blob extension's key.
resource systemTopic 'Microsoft.EventGrid/systemTopics@2025-02-15' = {
  name: 'evgt-minamata-${token}'
  location: location
  tags: tags
  identity: { type: 'SystemAssigned' }
  properties: {
    source: storage.id
    topicType: 'Microsoft.Storage.StorageAccounts'
  }
}

// Undeliverable events are written to the dead-letter container with the topic's own identity.
resource deadLetterRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: storage
  name: guid(storage.id, systemTopic.id, roles.blobDataContributor)
  properties: {
    principalId: systemTopic.identity.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.blobDataContributor)
  }
}

output functionAppName string = app.name
output functionAppUri string = 'https://${app.properties.defaultHostName}'
output storageAccountName string = storage.name
output systemTopicName string = systemTopic.name
