#!/usr/bin/env bash
# Installs EdgeAgent as a systemd service. Run as root from an unpacked release folder (or pass one).
#   ./install.sh [PUBLISH_DIR]        PUBLISH_DIR defaults to the folder holding this script's ../../publish
set -euo pipefail
src=${1:-$(cd "$(dirname "$0")/../.." && pwd)/publish}
[ -x "$src/edgeagent" ] || { echo "install: no edgeagent executable in $src (dotnet publish src/EdgeAgent -c Release -o publish)"; exit 1; }
id edgeagent >/dev/null 2>&1 || useradd --system --home /var/lib/edgeagent --shell /usr/sbin/nologin edgeagent
install -d -m 0755 /opt/edgeagent
cp -r "$src"/. /opt/edgeagent/
install -d -m 0750 -o root -g edgeagent /etc/edgeagent
if [ ! -f /etc/edgeagent/edgeagent.json ]; then
  install -m 0640 -o root -g edgeagent "$(dirname "$0")/../../config/edgeagent.json" /etc/edgeagent/edgeagent.json
  sed -i 's#"dataFolder": "data"#"dataFolder": "/var/lib/edgeagent"#' /etc/edgeagent/edgeagent.json
  echo "install: sample config written to /etc/edgeagent/edgeagent.json: edit it for your plant"
fi
install -d -m 0700 -o edgeagent -g edgeagent /var/lib/edgeagent
/opt/edgeagent/edgeagent check-config --config /etc/edgeagent/edgeagent.json || echo "install: fix the config, then: systemctl restart edgeagent"
install -m 0644 "$(dirname "$0")/edgeagent.service" /etc/systemd/system/edgeagent.service
systemctl daemon-reload
systemctl enable --now edgeagent
systemctl --no-pager status edgeagent || true
