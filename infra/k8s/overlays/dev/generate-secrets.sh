#!/usr/bin/env bash
# Writes the dev overlay's secret sources into secrets/ once: two Ed25519 keys (auth-service's
# signing key, tickets-service's pass key), a random password per database and the Stripe keys.
# Files that exist are kept, so sessions, passes and databases survive a re-run. The simulated
# payment provider needs no Stripe keys; to try Stripe's test mode instead, run with
# STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET set, after removing secrets/stripe.env.
set -euo pipefail
cd "$(dirname "$0")"
umask 077
mkdir -p secrets

if [ ! -f secrets/signing-key.pem ]; then
  openssl genpkey -algorithm ed25519 -out secrets/signing-key.pem
fi
if [ ! -f secrets/pass-key.pem ]; then
  openssl genpkey -algorithm ed25519 -out secrets/pass-key.pem
fi
for service in auth tickets orders payments; do
  if [ ! -f "secrets/$service-db.env" ]; then
    printf 'username=%s\npassword=%s\n' "$service" "$(openssl rand -hex 24)" >"secrets/$service-db.env"
  fi
done
if [ ! -f secrets/stripe.env ]; then
  printf 'secret-key=%s\nwebhook-secret=%s\n' "${STRIPE_SECRET_KEY:-}" "${STRIPE_WEBHOOK_SECRET:-}" >secrets/stripe.env
fi
