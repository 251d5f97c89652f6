#!/bin/sh
# `btp-emulator` inside the image: commands that take a workspace and a data folder get the container's
# (the data volume, and the workspace file in the workspace volume when there is one, else the
# built-in demo), so `podman exec <container> btp-emulator vcap` talks to the running engine. Options
# given on the command line come later and win.
set -eu
case "${1:-}" in
  start | record | replay | vcap | token | ca | exec)
    command=$1
    shift
    if [ -f "$BTP_EMULATOR_WORKSPACE" ]; then
      set -- "$command" --workspace "$BTP_EMULATOR_WORKSPACE" --data-dir "$BTP_EMULATOR_DATA_DIR" "$@"
    else
      [ "$command" = start ] &&
        echo "btp-emulator: no workspace file at $BTP_EMULATOR_WORKSPACE; starting the built-in demo" >&2
      set -- "$command" --data-dir "$BTP_EMULATOR_DATA_DIR" "$@"
    fi
    ;;
esac
exec node /opt/btp-emulator/emulator/bin/btp-emulator.mjs "$@"
