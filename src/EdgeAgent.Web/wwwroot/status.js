"use strict";
// Status page: Chinese first, English second. Polls the JSON API; no framework, works offline on the gateway.
const typeNames = { cnc: "数控 CNC", robot: "机器人 Robot", plc: "PLC", dcs: "DCS", meter: "仪表 Meter", other: "其他 Other" };

function text(el, value) { el.textContent = value; return el; }
function cell(row, value, cls) { const td = row.insertCell(); text(td, value ?? ""); if (cls) td.className = cls; return td; }
function fmtTime(iso) { return iso ? new Date(iso).toLocaleString("zh-CN", { hour12: false }) : "—"; }
function fmtNum(v) { return typeof v === "number" ? (Number.isInteger(v) ? v.toString() : v.toFixed(2)) : (v ?? "—"); }

async function getJson(url) {
  const r = await fetch(url, { cache: "no-store" });
  if (!r.ok) throw new Error(url + " → HTTP " + r.status);
  return r.json();
}

async function refreshStatus() {
  const s = await getJson("/api/status");
  text(document.getElementById("site"), `${s.site.name} (${s.site.id}) · 行业 Industry ${s.site.industry}`);
  text(document.getElementById("agent"),
    `EdgeAgent ${s.version} · 运行 uptime ${Math.round(s.uptimeSeconds)} s · 存储 storage ${(s.storage.bytes / 1048576).toFixed(1)} MB, ` +
    `最早 oldest ${s.storage.oldestDay ?? "—"} · 待推送 outbox ${s.outbox.depth}`);
  const alerts = document.getElementById("alerts");
  alerts.replaceChildren();
  for (const a of s.alerts ?? []) { const d = document.createElement("div"); text(d, a); alerts.appendChild(d); }
}

async function refreshDevices() {
  const devices = await getJson("/api/devices");
  const body = document.querySelector("#devices tbody");
  body.replaceChildren();
  let online = 0, collected = 0;
  for (const d of devices) {
    const row = body.insertRow();
    row.dataset.id = d.id;
    cell(row, `${d.name} (${d.id})`);
    cell(row, typeNames[d.type] ?? d.type);
    cell(row, d.process ?? "—");
    if (!d.collected) cell(row, "未接入 not collected", "nosource");
    else if (d.online) { online++; cell(row, "在线 online", "online"); }
    else cell(row, `离线 offline${d.reason ? " · " + d.reason : ""}`, "offline");
    if (d.collected) collected++;
    cell(row, fmtTime(d.lastSeen));
    cell(row, d.networkedToday == null ? "—" : (d.networkedToday ? "是 yes" : "否 no") +
      (d.availabilityToday == null ? "" : ` (${(d.availabilityToday * 100).toFixed(1)}%)`));
    const values = cell(row, "", "values");
    for (const v of d.values ?? []) {
      const span = document.createElement("span");
      span.dataset.tag = v.tag;
      if (v.quality !== "good") span.className = "bad";
      text(span, `${v.tag}: ${v.quality === "good" ? fmtNum(v.text ?? v.value) : v.quality}${v.unit ? " " + v.unit : ""}`);
      values.appendChild(span);
    }
  }
  text(document.getElementById("summary"), `在线 online ${online} / 接入 collected ${collected} / 全部 all ${devices.length}`);
}

async function refreshIndicators() {
  let report;
  try { report = await getJson("/api/indicators"); } catch { return; }
  const body = document.querySelector("#indicators tbody");
  body.replaceChildren();
  const list = report.indicators ?? report;
  if (report.window) text(document.getElementById("indicator-window"),
    `窗口 window ${report.window.from} – ${report.window.to} · 覆盖 coverage ${((report.coverage ?? 0) * 100).toFixed(0)}%` +
    (report.short ? " · 不足90天 shorter than 90 days" : ""));
  for (const i of list) {
    const row = body.insertRow();
    cell(row, `${i.name?.zh ?? i.id} ${i.name?.en ?? ""}`);
    cell(row, `${fmtNum(i.numerator)} / ${fmtNum(i.denominator)}`);
    cell(row, i.value == null ? "—" : (i.unit === "ratio" ? (i.value * 100).toFixed(1) + "%" : fmtNum(i.value) + " " + (i.unit ?? "")));
    const th = cell(row, "");
    for (const t of i.thresholds ?? []) {
      const span = document.createElement("div");
      span.className = t.met ? "met" : "notmet";
      text(span, `${t.met ? "✔" : "✘"} ${t.programme} ${t.level ?? ""} ${t.comparison ?? "≥"} ${fmtNum(t.value)}`);
      th.appendChild(span);
    }
  }
}

async function refresh() {
  try {
    await Promise.all([refreshStatus(), refreshDevices()]);
    text(document.getElementById("updated"), "更新于 updated " + new Date().toLocaleTimeString("zh-CN", { hour12: false }));
  } catch (e) {
    text(document.getElementById("updated"), "连接代理失败 cannot reach the agent: " + e.message);
  }
}

refresh();
refreshIndicators();
setInterval(refresh, 2000);
setInterval(refreshIndicators, 30000);
