# shellcheck shell=bash
# Process bookkeeping for run-lab: every daemon is started in its own session (setsid), so its
# process group id is its pid and a signal can reach all of its processes (NSD forks) at once.
# Uses $W (private working directory) and $OUT from run-lab. Sourced, not run.

PIDS=()
declare -A NAME_OF=()
# start NAME COMMAND...: run COMMAND in its own session, output to $W/log/NAME.log.
start() {
  local name=$1; shift
  setsid "$@" >"$W/log/$name.log" 2>&1 &
  PIDS+=("$!"); NAME_OF[$!]=$name
}
pid_of() { local p; for p in "${PIDS[@]}"; do [ "${NAME_OF[$p]}" = "$1" ] && echo "$p"; done; return 0; }
alive() { kill -0 "$1" 2>/dev/null; }
# stop PID [SIGNAL]: wake the group (a stopped process holds SIGTERM), signal the leader (NSD's
# parent then stops its own children), wait up to 5 s, then KILL whatever is left of the group.
stop() {
  local pid=$1 n
  alive "$pid" || { wait "$pid" 2>/dev/null || true; return 0; }
  kill -CONT -- "-$pid" 2>/dev/null || true
  kill -"${2:-TERM}" "$pid" 2>/dev/null || true
  for ((n = 0; n < 50; n++)); do alive "$pid" || break; sleep 0.1; done
  kill -KILL -- "-$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}
# stop_all: everything start() started, last started first (resolvers before the servers they ask).
stop_all() { local i; for ((i = ${#PIDS[@]} - 1; i >= 0; i--)); do stop "${PIDS[$i]}"; done; }

now_us() { NOW_US=${EPOCHREALTIME/./}; }
# nap SECONDS: a sleep that a trapped signal interrupts at once (bash runs traps only between
# commands, but "wait" returns as soon as a signal arrives).
NAP=
nap() { sleep "$1" & NAP=$!; wait "$NAP" || true; NAP=; }
sleep_until_us() {
  local d=$(($1 - ${EPOCHREALTIME/./}))
  if [ "$d" -gt 0 ]; then nap "$(printf '%d.%06d' $((d / 1000000)) $((d % 1000000)))"; fi
}
# wait_for DESCRIPTION SECONDS COMMAND...: poll until COMMAND succeeds, or fail the run.
wait_for() {
  local what=$1 limit=$2 n; shift 2
  for ((n = 0; n < limit * 10; n++)); do "$@" >/dev/null 2>&1 && return 0; sleep 0.1; done
  die "$what did not come up within ${limit} s (see $OUT/logs)"
}
