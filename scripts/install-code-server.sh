#!/usr/bin/env bash
# Installs a real VS Code for the extension-host tests: code-server 4.100.3 (= VS Code 1.100.3, the newest
# code-server that runs on Node 20) from npm, plus headless Debian Chromium as its workbench. Desktop VS Code
# cannot be downloaded on these machines (update.code.visualstudio.com and GitHub are unreachable); npm and apt are.
# Idempotent: each step checks first, so a second run takes a second. Cached in the git-ignored .vscode-test/.
set -euo pipefail
cd "$(dirname "$0")/.."

CS_VERSION=4.100.3
CS_DIR=${CS_DIR:-$PWD/.vscode-test/code-server-$CS_VERSION}
CS_BIN=$CS_DIR/node_modules/.bin/code-server
# An empty config of our own: without --config, code-server reads (or, when missing, writes) ~/.config/code-server.
cs_version() { mkdir -p "$CS_DIR" && touch "$CS_DIR/config.yaml" && "$CS_BIN" --config "$CS_DIR/config.yaml" --version 2>/dev/null | head -1; }
# @vscode/ripgrep version pinned by this code-server, and the rg build its postinstall wants.
RG_PKG_VERSION=1.15.11
RG_ASSET=ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"
  elif command -v sudo >/dev/null 2>&1; then sudo "$@"
  else echo "install-code-server: need root (or sudo) for: $*" >&2; exit 1
  fi
}

# 1. Debian packages. chromium: the workbench. libkrb5-dev: kerberos' native build needs gssapi/gssapi.h.
#    ripgrep: replaces the rg that @vscode/ripgrep would fetch from GitHub. make, g++: node-pty and kerberos builds.
missing=()
for p in chromium libkrb5-dev ripgrep make g++; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "install-code-server: apt-get install ${missing[*]}"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if [ -x "$CS_BIN" ] && [ "$(cs_version | cut -d' ' -f1)" = "$CS_VERSION" ]; then
  echo "install-code-server: code-server $CS_VERSION already in $CS_DIR"
else
  # 2. @vscode/ripgrep's postinstall downloads rg from GitHub unless it finds the archive in this cache
  #    (under the same os.tmpdir() npm will use), so seed it with Debian's rg: a file named rg at the archive's top.
  if [ "$(uname -m)" != x86_64 ]; then
    echo "install-code-server: warning: the rg cache is seeded for x86_64 only; on $(uname -m) @vscode/ripgrep will try GitHub" >&2
  fi
  cache="$(node -p 'require("os").tmpdir()')/vscode-ripgrep-cache-$RG_PKG_VERSION"
  if [ ! -s "$cache/$RG_ASSET" ]; then
    mkdir -p "$cache"
    tmprg=$(mktemp -d)
    cp "$(command -v rg)" "$tmprg/rg"
    tar czf "$cache/$RG_ASSET" -C "$tmprg" rg
    rm -rf "$tmprg"
  fi

  # 3. code-server itself (~300 MB). npm_config_yes: node-pty's postinstall runs `npx node-gyp`, which refuses
  #    to install node-gyp without a TTY otherwise. npm_config_unsafe_perm: code-server's postinstall refuses
  #    to run as root without it (npm >= 7 no longer knows the setting and warns, but passes it on; harmless).
  mkdir -p "$CS_DIR"
  npm_config_yes=true npm_config_unsafe_perm=true \
    npm install --prefix "$CS_DIR" --no-audit --no-fund "code-server@$CS_VERSION"
fi

# playwright-core drives Chromium. It is a devDependency, so `npm ci` normally installed it already; if not
# (e.g. `npm ci --omit=dev`), install the version package.json asks for without touching package.json.
if ! node -e 'require.resolve("playwright-core")' >/dev/null 2>&1; then
  pw="playwright-core@$(node -p 'require("./package.json").devDependencies["playwright-core"]')"
  npm install --no-audit --no-fund --no-save "$pw"
fi

echo "install-code-server: code-server $(cs_version) in $CS_DIR"
echo "install-code-server: $(/usr/bin/chromium --version 2>/dev/null || echo 'chromium not found')"
