// The Minamata report pipeline on Azure: one resource group with a Flex Consumption function app
// that reaches storage, Key Vault and Application Insights with its user-assigned managed
// identity. `azd up` provisions this, deploys src/Minamata.Functions, then (postdeploy hook)
// subscribes the blob trigger to the storage account's BlobCreated events (eventgrid.bicep).
targetScope = 'subscription'

@minLength(1)
@maxLength(40)
@description('Name of the azd environment; used to name every resource.')
param environmentName string

// The regions where Flex Consumption runs .NET 10 apps (az functionapp list-flexconsumption-locations);
// azd offers only these when it asks for the location.
@minLength(1)
@description('Azure region for every resource: one where the Flex Consumption plan is offered.')
@allowed(['australiaeast', 'centralindia', 'centralus', 'eastasia', 'eastus', 'eastus2', 'francecentral', 'germanywestcentral', 'northcentralus', 'northeurope', 'southcentralus', 'southeastasia', 'swedencentral', 'uksouth', 'westcentralus', 'westeurope', 'westus2'])
@metadata({ azd: { type: 'location' } })
param location string

@secure()
@minLength(24)
@description('The secretariat\'s API key: made once by the preprovision hook and kept in the azd environment (MINAMATA_SECRETARIAT_KEY), so that a second provision keeps it.')
param secretariatKey string

@description('Address of the portal as partners see it, for links in reminder e-mails. Empty: the function app\'s own address.')
param publicUrl string = ''

@description('Six-field NCrontab schedule of the deadline reminders (seconds first).')
param reminderSchedule string = '0 0 6 * * *'

@description('The secretariat\'s address for reminder digests; empty for none.')
param digestTo string = ''

@description('SMTP relay for reminders (for example Azure Communication Services\' SMTP endpoint); empty: reminders go to the outbox only.')
param smtpHost string = ''
param smtpPort int = 587
param smtpUserName string = ''
@secure()
param smtpPassword string = ''
param smtpFrom string = ''

@description('SHA-256 thumbprint (hex) of a self-signed relay certificate to accept; empty to trust the system authorities only.')
param smtpTrustedCertificateSha256 string = ''

@description('The secretariat\'s mailbox that partners e-mail reports to, read over IMAP (Exchange Online: outlook.office365.com); empty: no mail intake.')
param mailIntakeHost string = ''
param mailIntakePort int = 993
param mailIntakeUserName string = ''
@secure()
param mailIntakePassword string = ''
@description('Exchange Online: the app registration that reads the mailbox over IMAP with a token (IMAP.AccessAsApp); empty: the password signs in.')
param mailIntakeTenantId string = ''
param mailIntakeClientId string = ''
@secure()
param mailIntakeClientSecret string = ''
@description('When the mailbox is read (six-field cron, UTC).')
param mailIntakeSchedule string = '0 */5 * * * *'

var tags = { 'azd-env-name': environmentName }

resource group 'Microsoft.Resources/resourceGroups@2024-03-01' = {
  name: 'rg-${environmentName}'
  location: location
  tags: tags
}

module resources 'resources.bicep' = {
  name: 'resources'
  scope: group
  params: {
    environmentName: environmentName
    location: location
    tags: tags
    secretariatKey: secretariatKey
    publicUrl: publicUrl
    reminderSchedule: reminderSchedule
    digestTo: digestTo
    smtpHost: smtpHost
    smtpPort: smtpPort
    smtpUserName: smtpUserName
    smtpPassword: smtpPassword
    smtpFrom: smtpFrom
    smtpTrustedCertificateSha256: smtpTrustedCertificateSha256
    mailIntakeHost: mailIntakeHost
    mailIntakePort: mailIntakePort
    mailIntakeUserName: mailIntakeUserName
    mailIntakePassword: mailIntakePassword
    mailIntakeSchedule: mailIntakeSchedule
    mailIntakeTenantId: mailIntakeTenantId
    mailIntakeClientId: mailIntakeClientId
    mailIntakeClientSecret: mailIntakeClientSecret
  }
}

output AZURE_LOCATION string = location
output AZURE_RESOURCE_GROUP string = group.name
output AZURE_FUNCTION_APP_NAME string = resources.outputs.functionAppName
output AZURE_STORAGE_ACCOUNT_NAME string = resources.outputs.storageAccountName
output AZURE_EVENTGRID_SYSTEM_TOPIC_NAME string = resources.outputs.systemTopicName
output SERVICE_API_URI string = resources.outputs.functionAppUri
