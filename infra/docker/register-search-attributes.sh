#!/bin/sh
# Registers the search attributes listed in infra/temporal/search-attributes.txt (Name=Type).
set -eu
until temporal operator cluster health --address "$TEMPORAL_ADDRESS" >/dev/null 2>&1; do sleep 2; done
grep -v '^[[:space:]]*#' /search-attributes.txt | grep '=' | while IFS='=' read -r name type; do
  temporal operator search-attribute create --address "$TEMPORAL_ADDRESS" \
    --namespace "$TEMPORAL_NAMESPACE" --name "$name" --type "$type" || true
done
