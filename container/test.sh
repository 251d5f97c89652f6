#!/usr/bin/env bash
# The container checks, run by CI on every run: build both images, start the emulator image and check
# it from the host (health through a port published on 127.0.0.1, the SAP Cloud SDK on the host, a
# restart after a kill), then compose and kube play, where the example app container reaches the
# simulated on-premise system through the emulator container by its name. Everything the checks
# create is removed at the end, also after a failure. The last line is "N passed, N failed".
#
#   container/test.sh            (needs podman, podman-compose, a built checkout: see container/README.md)
#   SKIP_BUILD=1 container/test.sh   reuses the images of an earlier container/build.sh all
set -uo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
export CONTAINERS_CONF=${CONTAINERS_CONF:-$ROOT/container/containers.conf}
IMAGE=${IMAGE:-localhost/btp-emulator:dev}
APP_IMAGE=${APP_IMAGE:-localhost/btp-emulator-example-app:dev}
export BTP_EMULATOR_IMAGE=$IMAGE BTP_EMULATOR_APP_IMAGE=$APP_IMAGE
NAME=btp-emulator-test-$$
PROJECT=btpemutest$$
KUBE_NETWORK=$NAME-kube
WORK=$(mktemp -d "${TMPDIR:-/tmp}/btp-emulator-container-test.XXXXXX")
LOG=$WORK/check.log
# kube.yaml as it is, with the images under test.
KUBE=$WORK/kube.yaml
sed -e "s|image: localhost/btp-emulator:dev|image: $IMAGE|" \
  -e "s|image: localhost/btp-emulator-example-app:dev|image: $APP_IMAGE|" "$ROOT/container/kube.yaml" >"$KUBE"
passed=0
failed=0

say() { echo "== $*"; }
# A figure worth showing (a start time): printed under the check that measured it.
note() { echo "$*" >>"$WORK/notes"; }

# check NAME COMMAND…: runs the command with its output in the log; on failure shows the log's end.
check() {
  local name=$1
  shift
  : >"$LOG"
  if "$@" >>"$LOG" 2>&1; then
    passed=$((passed + 1))
    echo "ok - $name"
  else
    failed=$((failed + 1))
    echo "not ok - $name"
    grep -v 'systemd connection' "$LOG" | tail -n 25 | sed 's/^/    /'
  fi
  [ -f "$WORK/notes" ] && sed 's/^/    /' "$WORK/notes" && rm -f "$WORK/notes"
  return 0
}

compose() { (cd "$ROOT/container" && podman-compose -p "$PROJECT" -f compose.yaml "$@"); }

# `down` leaves the containers' anonymous volumes (the image's /workspace) and, in podman-compose 1.0,
# the network behind.
compose_down() {
  podman ps -a -q --filter "label=io.podman.compose.project=$PROJECT" | xargs -r podman rm -f -v -t 2
  compose down -v
  podman network rm -f "${PROJECT}_default"
  podman volume rm -f "${PROJECT}_emulator-data"
}

cleanup() {
  set +e
  podman rm -f -v -t 2 "$NAME-emu" >/dev/null 2>&1
  compose_down >/dev/null 2>&1
  podman kube down "$KUBE" >/dev/null 2>&1
  podman volume rm -f btp-emulator-data >/dev/null 2>&1
  podman network rm -f "$KUBE_NETWORK" >/dev/null 2>&1
  rm -rf "$WORK"
}
trap cleanup EXIT

# Waits (up to $2 s) until container $1 has printed $3 ready lines; prints the newest.
ready_line() {
  local deadline=$((SECONDS + $2))
  while [ "$SECONDS" -lt "$deadline" ]; do
    local lines
    lines=$(podman logs "$1" 2>/dev/null | grep '^{"event":"ready"')
    if [ "$(printf '%s\n' "$lines" | grep -c .)" -ge "${3:-1}" ]; then
      printf '%s\n' "$lines" | tail -n 1
      return 0
    fi
    podman container exists "$1" || return 1
    sleep 0.2
  done
  echo "no ready line from $1 within $2 s" >&2
  podman logs "$1" 2>&1 | tail -n 20 >&2
  return 1
}

# Waits (up to 30 s) until container $1 has logged $2 proxy requests answered 200: the engine emits the
# event when the exchange ends, which may be a moment after the client has its answer.
proxied() {
  local deadline=$((SECONDS + 30))
  while [ "$SECONDS" -lt "$deadline" ]; do
    [ "$(podman logs "$1" 2>/dev/null | grep '"event":"proxy-request"' | grep -c '"status":200')" -ge "$2" ] && return 0
    sleep 0.2
  done
  echo "fewer than $2 proxy requests answered 200 in the log of $1 after 30 s:" >&2
  podman logs "$1" 2>/dev/null | grep -c '"event":"proxy-request"' >&2
  podman logs "$1" 2>/dev/null | grep '"event":"proxy-request"' | grep -o '"status":[0-9]*' >&2
  return 1
}

json() { node -e "const v=JSON.parse(require('fs').readFileSync(0,'utf8'));console.log($1)"; }
# The first ready line a container printed (its stderr, also in the log, may come first). awk reads to
# the end: a reader that quits early fails the pipeline (pipefail) when podman logs gets SIGPIPE.
first_ready() { podman logs "$1" 2>/dev/null | awk '/^\{"event":"ready"/ && !seen { print; seen = 1 }'; }

# ---------------------------------------------------------------------------------------- build
if [ "${SKIP_BUILD:-}" != 1 ]; then
  started=$SECONDS
  check "build both images (container/build.sh all)" "$ROOT/container/build.sh" all
  say "build took $((SECONDS - started)) s"
  if [ "$failed" != 0 ]; then
    echo "(no images: the other checks cannot run)"
    echo "$passed passed, $failed failed"
    exit 1
  fi
fi

image_config() {
  local config
  config=$(podman image inspect "$IMAGE" --format json) || return 1
  printf '%s' "$config" | json '[v[0].Config.User, Object.keys(v[0].Config.Volumes ?? {}).sort().join(","),
    Object.keys(v[0].Config.ExposedPorts ?? {}).length, v[0].Healthcheck?.Test?.join(" ") ?? ""].join("|")' |
    tee /dev/stderr | grep -x 'btp|/data,/workspace|6|CMD node /opt/btp-emulator/container/healthcheck.mjs'
}
check "image: non-root user, workspace and data volumes, six ports, HEALTHCHECK on /api/health" image_config

# ------------------------------------------------------------------- the image, seen from the host
# Each port published on 127.0.0.1 under its own number, so every URL the emulator hands out (it
# advertises 127.0.0.1 and localhost without a public host) works from the host as it is.
read -r P_ADMIN P_XSUAA P_TLS P_DEST P_PROXY P_SOCKS < <(node -e "
  const net = require('node:net');
  Promise.all(Array.from({ length: 6 }, () => new Promise((r) => { const s = net.createServer();
    s.listen(0, '127.0.0.1', () => { const p = s.address().port; s.close(() => r(p)); }); })))
    .then((ports) => console.log(ports.join(' ')));")
TOKEN=$(node -e "console.log(require('node:crypto').randomBytes(24).toString('base64url'))")
export TOKEN

run_emulator() {
  local published=()
  for p in "$P_ADMIN" "$P_XSUAA" "$P_TLS" "$P_DEST" "$P_PROXY" "$P_SOCKS"; do published+=(-p "127.0.0.1:$p:$p"); done
  podman run -d --name "$NAME-emu" --health-interval=disable -e BTP_EMULATOR_ADMIN_TOKEN="$TOKEN" \
    "${published[@]}" "$IMAGE" start --json --port "admin=$P_ADMIN" --port "xsuaa=$P_XSUAA" \
    --port "xsuaaTls=$P_TLS" --port "destination=$P_DEST" --port "proxy=$P_PROXY" --port "socks5=$P_SOCKS"
}

start_and_wait() {
  local t0=$EPOCHREALTIME
  run_emulator && ready_line "$NAME-emu" 90 >"$WORK/ready.json" || return 1
  note "ready line $(node -e "console.log(($EPOCHREALTIME - $t0).toFixed(2))") s after podman run (first start: CA and keys)"
  json '[v.urls.admin, v.urls.xsuaaTls, v.adminToken === process.env.TOKEN, v.pid].join(" ")' <"$WORK/ready.json" |
    tee /dev/stderr | grep -x "http://127.0.0.1:$P_ADMIN https://localhost:$P_TLS true 1"
}
check "run: ready line with the published addresses and the admin token from the environment" start_and_wait

health_from_host() {
  local url=http://127.0.0.1:$P_ADMIN/api/health
  [ "$(curl -s -o /dev/null -w '%{http_code}' "$url")" = 401 ] &&
    curl -sf -H "Authorization: Bearer $TOKEN" "$url" | tee /dev/stderr | grep '"status":"ok"'
}
check "health from the host through the published 127.0.0.1 port (401 without the token)" health_from_host
check "HEALTHCHECK (podman healthcheck run) is healthy" podman healthcheck run "$NAME-emu"
check "the engine runs as uid 10001, not root" bash -c "[ \"\$(podman exec $NAME-emu id -u)\" = 10001 ]"

# The SAP Cloud SDK on the host, with the bindings the container hands out.
host_client() {
  podman exec "$NAME-emu" btp-emulator vcap >"$WORK/vcap.json" &&
    podman exec "$NAME-emu" cat /data/tls/ca.pem >"$WORK/ca.pem" || return 1
  local env=(VCAP_SERVICES_FILE_PATH="$WORK/vcap.json" NODE_EXTRA_CA_CERTS="$WORK/ca.pem")
  env "${env[@]}" node "$ROOT/container/example-app/app.mjs" | tee /dev/stderr | grep '"status":200' || return 1
  local jwt
  jwt=$(podman exec "$NAME-emu" btp-emulator token --client demo-uaa --user alice) || return 1
  env "${env[@]}" APP_USER_JWT="$jwt" node "$ROOT/container/example-app/app.mjs" | tee /dev/stderr |
    grep '"user":true,"status":200'
}
if [ -d "$ROOT/node_modules/@sap-cloud-sdk/http-client" ]; then
  check "the Cloud SDK on the host reaches S4 through the container (client credentials, then alice's token)" host_client
else
  say "skipped the host Cloud SDK check: no node_modules/@sap-cloud-sdk/http-client (run npm ci)"
fi

restart_after_kill() {
  podman kill "$NAME-emu" >/dev/null || return 1
  local t0=$EPOCHREALTIME
  podman start "$NAME-emu" >/dev/null && ready_line "$NAME-emu" 90 2 >/dev/null || return 1
  note "ready line $(node -e "console.log(($EPOCHREALTIME - $t0).toFixed(2))") s after podman start (existing data)"
}
check "restarts on its data volume after a kill (stale runtime.json of PID 1)" restart_after_kill

graceful_stop() {
  podman stop -t 10 "$NAME-emu" >/dev/null &&
    [ "$(podman inspect "$NAME-emu" --format '{{.State.ExitCode}}')" = 0 ] &&
    podman logs "$NAME-emu" 2>/dev/null | tail -n 1 | grep '"event":"stopped","reason":"SIGTERM"'
}
check "podman stop ends it cleanly (exit 0, stopped event)" graceful_stop
podman rm -f -v "$NAME-emu" >/dev/null 2>&1

# ---------------------------------------------------------------------------------------- compose

compose_app() {
  compose up -d || return 1
  local code
  code=$(timeout 120 podman wait "${PROJECT}_app_1") || return 1
  podman logs "${PROJECT}_app_1" 2>&1 | tail -n 3
  [ "$code" = 0 ] && podman logs "${PROJECT}_app_1" 2>/dev/null | grep '"user":false,"status":200'
}
check "compose: the app container reaches S4 through the emulator container by its service name" compose_app

compose_user() {
  local out
  out=$(compose run --rm -e APP_USER=alice app) || return 1
  printf '%s\n' "$out" | grep '"user":true,"status":200'
}
check "compose: with alice's token too (uaadomain emulator:20011 over TLS, jwt exchange)" compose_user

compose_emulator_saw_it() {
  first_ready "${PROJECT}_emulator_1" | json 'v.urls.proxy' | grep -x 'http://emulator:20003' &&
    proxied "${PROJECT}_emulator_1" 2
}
check "compose: the emulator advertised http://emulator:20003 and proxied both requests" compose_emulator_saw_it
compose_down >/dev/null 2>&1

# ------------------------------------------------------------------------------------------- kube
kube_app() {
  podman network create "$KUBE_NETWORK" >/dev/null &&
    podman kube play --network "$KUBE_NETWORK" "$KUBE" >/dev/null || return 1
  local code
  code=$(timeout 120 podman wait app-app) || return 1
  podman logs app-app 2>&1 | tail -n 3
  [ "$code" = 0 ] && podman logs app-app 2>/dev/null | grep '"user":true,"status":200' &&
    proxied emulator-emulator 1
}
check "kube play: the app pod reaches S4 through the emulator pod by its name" kube_app

echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
