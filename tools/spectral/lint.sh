#!/usr/bin/env bash
# Lints the committed contract with Spectral (spectral:oas + OWASP API Security ruleset, versions pinned in
# package-lock.json), installed once into .local/spectral (git-ignored). Fails on any error.
#
#   tools/spectral/lint.sh [spectral lint options]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
install="$root/.local/spectral"

if ! cmp -s "$here/package-lock.json" "$install/package-lock.json" 2>/dev/null || [[ ! -x "$install/node_modules/.bin/spectral" ]]; then
    command -v npm >/dev/null 2>&1 || { echo "spectral: 'npm' is required but not on PATH" >&2; exit 2; }
    mkdir -p "$install"
    cp "$here/package.json" "$here/package-lock.json" "$install/"
    (cd "$install" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error >&2)
fi

# The ruleset names the OWASP ruleset by package: resolve it from the local install.
NODE_PATH="$install/node_modules" "$install/node_modules/.bin/spectral" lint \
    --ruleset "$here/.spectral.yaml" --fail-severity=error "$@" "$root/openapi/dsl-triage.yaml"
