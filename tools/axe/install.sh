#!/usr/bin/env bash
# Installs the pinned axe-core (package-lock.json) into .local/axe (git-ignored), once; the browser tests (*BrowserIT)
# inject .local/axe/node_modules/axe-core/axe.min.js into every console page they visit. Prints that file's path.
#
#   tools/axe/install.sh
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
install="$root/.local/axe"
axe="$install/node_modules/axe-core/axe.min.js"

if ! cmp -s "$here/package-lock.json" "$install/package-lock.json" 2>/dev/null || [[ ! -f "$axe" ]]; then
    command -v npm >/dev/null 2>&1 || { echo "axe: 'npm' is required but not on PATH" >&2; exit 2; }
    mkdir -p "$install"
    cp "$here/package.json" "$here/package-lock.json" "$install/"
    (cd "$install" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error >&2)
fi
[[ -f "$axe" ]] || { echo "axe: $axe missing after npm ci" >&2; exit 1; }
echo "$axe"
