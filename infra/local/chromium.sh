#!/usr/bin/env bash
# Headless Chromium for the browser tests: Debian's `chromium` package, installed only when
# missing (playwright-core drives it; Playwright's own browser builds are not used).
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
# shellcheck source=infra/local/lib.sh
source "$REPO_ROOT/infra/local/lib.sh"

CHROMIUM_BIN=/usr/bin/chromium

if [[ -x "$CHROMIUM_BIN" ]]; then
  exit 0
fi
is_root || have sudo \
  || die "chromium: $CHROMIUM_BIN is missing and installing Debian's 'chromium' package needs root (or sudo); install it, or point CHROMIUM_PATH at a Chromium binary"
ensure_dirs
apt_install chromium
[[ -x "$CHROMIUM_BIN" ]] || die "chromium: $CHROMIUM_BIN still missing after apt-get install chromium"
log "chromium: $("$CHROMIUM_BIN" --version 2>/dev/null || printf 'installed')"
