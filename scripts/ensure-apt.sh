#!/usr/bin/env bash
# Installs the named Debian packages that are missing (as root, or through sudo).
# Usage: scripts/ensure-apt.sh CALLER PACKAGE...   (CALLER names the script in the progress line)
set -euo pipefail
caller="$1"
shift
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
missing=()
for package in "$@"; do
    dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
    echo "$caller: installing ${missing[*]} (apt)"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi
