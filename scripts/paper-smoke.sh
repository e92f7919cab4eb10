#!/usr/bin/env bash
# The main job, offline: the operator path of docs/runbooks/paper_trading.md (seed the cache, check coverage,
# pre-check, dry run, paper smoke test with archive) on the bundled config, no network, no keys.
# The commands are read from the runbook's marked block, so this script and the runbook cannot drift apart.
# Usage: scripts/paper-smoke.sh   (run from anywhere; works in the repository's root folder)
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/ensure-apt.sh paper-smoke.sh libsqlite3-dev zlib1g-dev

swift build
bin="$(swift build --show-bin-path)"
sed -n '/<!-- runbook-test: operator-path -->/,/<!-- \/runbook-test -->/p' docs/runbooks/paper_trading.md \
    | grep '^swift run ' \
    | while read -r _ _ tool arguments; do
        echo "+ $tool $arguments" >&2
        # The runbook's words, split as the shell splits them (no quoting is used in the marked block).
        # shellcheck disable=SC2086
        "$bin/$tool" $arguments </dev/null >"${TMPDIR:-/tmp}/paper-smoke-$tool.out" || {
            status=$?
            cat "${TMPDIR:-/tmp}/paper-smoke-$tool.out"
            echo "paper-smoke.sh: '$tool $arguments' exited $status" >&2
            exit "$status"
        }
    done
cat "${TMPDIR:-/tmp}/paper-smoke-run-daily-trend.out"
