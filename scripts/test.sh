#!/usr/bin/env bash
# Installs what the tests need (if missing), builds with the module-import check, runs every test.
# Usage: scripts/test.sh [extra `swift test` arguments, e.g. --filter YAML]
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/ensure-apt.sh test.sh libsqlite3-dev zlib1g-dev age unzip curl

# Python module name → pip requirement.
missing_pip=()
while read -r module requirement; do
    python3 -c "import $module" >/dev/null 2>&1 || missing_pip+=("$requirement")
done <<'LIST'
pyarrow pyarrow
duckdb duckdb
yaml pyyaml
pyrage pyrage
moto.server moto[server]
aiosmtpd aiosmtpd
prometheus_client prometheus-client
LIST
if [ ${#missing_pip[@]} -gt 0 ]; then
    echo "test.sh: installing ${missing_pip[*]} (pip)"
    python3 -m pip install --quiet --disable-pip-version-check "${missing_pip[@]}"
fi

swift build --build-tests --explicit-target-dependency-import-check error
swift test --skip-build "$@"
