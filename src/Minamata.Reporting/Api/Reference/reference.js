// The API reference: Scalar, given the document this host serves. Nothing is fetched from
// elsewhere: no web fonts, no hosted client, no proxy; requests tried from the page go to this host.
Scalar.createApiReference('#reference', {
  url: '/api/openapi.json',
  withDefaultFonts: false,
  hideClientButton: true,
  telemetry: false,
  showDeveloperTools: 'never',
  agent: { disabled: true },
  authentication: { preferredSecurityScheme: 'bearer' },
});
