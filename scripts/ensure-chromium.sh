#!/usr/bin/env bash
# The connect browser test (tests/connect-browser.int.test.ts) drives a headless Chromium with
# playwright-core. CI runs on a fresh machine, so this installs Debian's `chromium` when no
# Chromium is found (CHROMIUM_PATH, or chromium / chromium-browser on PATH). Prints the path.
set -euo pipefail

find_chromium() {
  if [[ -n "${CHROMIUM_PATH:-}" && -x "${CHROMIUM_PATH}" ]]; then echo "$CHROMIUM_PATH"; return 0; fi
  for c in chromium chromium-browser; do
    if command -v "$c" >/dev/null 2>&1; then command -v "$c"; return 0; fi
  done
  return 1
}

if path=$(find_chromium); then echo "$path"; exit 0; fi

if ! command -v apt-get >/dev/null 2>&1; then
  echo "ensure-chromium: no Chromium found and no apt-get to install it; install Chromium and set CHROMIUM_PATH" >&2
  exit 1
fi
SUDO=""
if [[ "$(id -u)" != "0" ]]; then
  if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
    echo "ensure-chromium: installing Chromium needs root (apt-get install -y chromium)" >&2
    exit 1
  fi
fi
echo "ensure-chromium: installing Debian's chromium (apt-get)" >&2
$SUDO apt-get update -qq >&2
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >&2
find_chromium
