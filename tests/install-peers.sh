#!/usr/bin/env bash
# Installs the third-party peers the tests talk to, on a fresh Debian machine. Idempotent: installs only what is missing.
#   mosquitto (+clients)   MQTT broker, started by the tests on a free 127.0.0.1 port
#   python3-pymodbus       Modbus TCP server (run with /usr/bin/python3 through tests/peers/modbus/pymodbus_server.py)
#   python3-serial, python3-serial-asyncio  pymodbus imports them at start; Debian only recommends them (absent with --no-install-recommends)
#   libmodbus-dev, gcc     a small C Modbus host around modbus_reply (tests/peers/modbus/libmodbus_host.c)
#   mbpoll                 reference Modbus client
#   chromium               headless browser for the status page test
#   sqlite3, openssl       independent tools used by evidence tests
#   node-opcua 2.182.2     OPC UA server (npm ci in tests/peers/opcua, lock file committed)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)

packages=(mosquitto mosquitto-clients python3-pymodbus python3-serial python3-serial-asyncio libmodbus-dev mbpoll chromium sqlite3 openssl gcc pkg-config python3)
# Node.js (>= 20 for node-opcua 2.182.2) usually comes with the machine image; install Debian's only when missing.
command -v node >/dev/null 2>&1 || packages+=(nodejs npm)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "install-peers: apt-get install ${missing[*]}"
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

for dir in "$here"/peers/*/; do
  if [ -f "$dir/package-lock.json" ]; then
    if [ ! -d "$dir/node_modules" ] || [ "$dir/package-lock.json" -nt "$dir/node_modules" ]; then
      echo "install-peers: npm ci in $dir"
      (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
      touch "$dir/node_modules"
    fi
  fi
done
echo "install-peers: done"
