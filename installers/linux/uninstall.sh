#!/usr/bin/env bash
# Removes the service and the program. Keeps /var/lib/edgeagent (the evidence history) and /etc/edgeagent unless --purge.
set -euo pipefail
systemctl disable --now edgeagent 2>/dev/null || true
rm -f /etc/systemd/system/edgeagent.service
systemctl daemon-reload
rm -rf /opt/edgeagent
if [ "${1:-}" = "--purge" ]; then
  rm -rf /etc/edgeagent /var/lib/edgeagent
  userdel edgeagent 2>/dev/null || true
else
  echo "uninstall: kept /var/lib/edgeagent (history) and /etc/edgeagent (config); use --purge to delete them"
fi
