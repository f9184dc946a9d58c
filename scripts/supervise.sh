#!/usr/bin/env bash
# Runs a command and starts it again whenever it dies, after a short backoff; SIGINT/SIGTERM are passed on and end the loop.
# The relay has no other supervisor on a CPTS's small machine: without this, one crash stops every team's sync.
set -uo pipefail

child=
stopping=
forward() {
  stopping=$1
  if [ -n "$child" ]; then kill -s "$1" "$child" 2>/dev/null; fi
}
trap 'forward TERM' TERM
trap 'forward INT' INT

backoff=1
while :; do
  started=$(date +%s)
  "$@" &
  child=$!
  # `wait` returns as soon as a trapped signal arrives: wait again until the child has flushed and exited.
  status=0
  while :; do
    wait "$child"
    status=$?
    kill -0 "$child" 2>/dev/null || break
  done
  child=
  if [ -n "$stopping" ]; then exit "$status"; fi
  # 2 is a settings error (relay/src/main.ts): starting again would only fail again.
  if [ "$status" -eq 2 ]; then exit 2; fi
  # A run that lasted a while resets the backoff; a crash loop waits 1, 2, 4… up to 30 s between starts.
  if [ $(( $(date +%s) - started )) -ge 60 ]; then backoff=1; fi
  echo "→ le relais s'est arrêté (code $status) ; redémarrage dans ${backoff} s" >&2
  sleep "$backoff" &
  child=$!
  wait "$child"
  child=
  if [ -n "$stopping" ]; then exit 0; fi
  backoff=$(( backoff * 2 > 30 ? 30 : backoff * 2 ))
done
