#!/usr/bin/env sh
# azd preprovision hook (Linux and macOS; preprovision.ps1 does the same on Windows): make the
# secretariat's API key once, and keep it in the azd environment, so that every later provision
# (the usual `azd up`) deploys the same key instead of locking out the secretariat's clients.
# A key already set (`azd env set MINAMATA_SECRETARIAT_KEY ...`) is left as it is.
set -eu

if [ -n "${MINAMATA_SECRETARIAT_KEY:-}" ]; then
  echo "preprovision: the secretariat's key is already in the azd environment; keeping it"
  exit 0
fi

# 32 random bytes, base64url: 43 characters.
key=$(head -c 32 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n')
azd env set MINAMATA_SECRETARIAT_KEY "$key"
echo "preprovision: made the secretariat's key and kept it in the azd environment (read it with 'azd env get-value MINAMATA_SECRETARIAT_KEY')"
