#!/bin/sh
# Builds the libmodbus test host: build-libmodbus-host.sh OUTPUT
# Needs: gcc, pkg-config, libmodbus-dev (apt).
set -eu
here=$(dirname "$0")
out=$1
tmp="$out.tmp.$$"
# shellcheck disable=SC2046 # pkg-config output is a list of flags
gcc -O2 -Wall -Wextra -o "$tmp" "$here/libmodbus_host.c" $(pkg-config --cflags --libs libmodbus)
mv -f "$tmp" "$out"
