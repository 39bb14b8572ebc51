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

// Per-equipment OEE over the indicators window, from the last /api/indicators answer.
let oeeByEquipment = new Map();

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
    const oee = oeeByEquipment.get(d.id);
    cell(row, oee == null ? "—" : (oee * 100).toFixed(1) + "%", "oee");
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

const comparisons = { "at-least": "≥", "at-most": "≤", "reduction-vs-baseline": "降低 reduction ≥", "increase-vs-baseline": "提升 increase ≥" };

function fmtIndicator(i) {
  if (i.value == null) return "— " + (i.reason ?? "");
  return i.unit === "ratio" ? (i.value * 100).toFixed(1) + "%" : fmtNum(i.value) + " " + (i.unit ?? "");
}

async function refreshIndicators() {
  let report;
  try { report = await getJson("/api/indicators"); } catch { return; }
  const body = document.querySelector("#indicators tbody");
  body.replaceChildren();
  if (report.window) text(document.getElementById("indicator-window"),
    `窗口 window ${report.window.from} – ${report.window.to} (${report.window.days} 天 days) · ` +
    `覆盖 coverage ${((report.coverage ?? 0) * 100).toFixed(0)}%` + (report.short ? " · 不足90天 shorter than 90 days" : ""));
  oeeByEquipment = new Map((report.results ?? []).filter(r => r.id === "oee" && r.subject != null).map(r => [r.subject, r.value]));
  // The plant-level results here; per-equipment OEE goes into the equipment table.
  for (const i of (report.results ?? []).filter(r => r.subject == null)) {
    const row = body.insertRow();
    row.dataset.id = i.id;
    cell(row, `${i.name?.zh ?? i.id} ${i.name?.en ?? ""}`);
    cell(row, `${fmtNum(i.numerator)} / ${fmtNum(i.denominator)}`);
    cell(row, fmtIndicator(i));
    const th = cell(row, "");
    for (const t of i.thresholds ?? []) {
      const div = document.createElement("div");
      div.className = t.met == null ? "muted" : (t.met ? "met" : "notmet");
      const mark = t.met == null ? "○" : (t.met ? "✔" : "✘");
      text(div, `${mark} ${t.programmeName?.zh ?? t.programme} ${t.level ?? ""} ${comparisons[t.comparison] ?? t.comparison ?? ""} ` +
        ((i.unit === "ratio" || t.comparison?.endsWith("-vs-baseline")) && typeof t.value === "number" ? (t.value * 100).toFixed(1) + "%" : fmtNum(t.value)));
      th.appendChild(div);
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

// Output value per period (PUT/GET /api/facts/output). The operator token stays in this page's memory only.
function factResult(message, ok) {
  const el = document.getElementById("fact-result");
  el.className = ok ? "ok" : "error";
  text(el, message);
}

async function factRequest(method, url, token, body) {
  const r = await fetch(url, {
    method, cache: "no-store",
    headers: { "Authorization": "Bearer " + token, ...(body ? { "Content-Type": "application/json" } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const payload = await r.json().catch(() => ({}));
  if (r.status === 401) throw new Error("令牌无效 token refused: " + (payload.detail ?? "HTTP 401"));
  if (!r.ok) throw new Error("未保存 not stored:\n" + (payload.errors ?? [payload.detail ?? "HTTP " + r.status]).join("\n"));
  return payload;
}

async function listFacts(token, around) {
  const year = Number((around ?? new Date().toISOString()).slice(0, 4));
  const list = await factRequest("GET", `/api/facts/output?from=${year - 1}-01-01&to=${year + 1}-12-31`, token);
  const body = document.querySelector("#facts tbody");
  body.replaceChildren();
  for (const f of list.facts) {
    const row = body.insertRow();
    cell(row, `${f.from} – ${f.to}`);
    cell(row, fmtNum(f.valueCny));
    cell(row, f.units == null ? "—" : fmtNum(f.units));
    cell(row, f.note ?? "");
    cell(row, fmtTime(f.enteredAt));
    const button = document.createElement("button");
    button.type = "button";
    button.className = "fact-delete";
    text(button, "删除 Delete");
    button.addEventListener("click", () => deleteFact(token, f));
    row.insertCell().appendChild(button);
  }
  return list;
}

async function deleteFact(token, f) {
  if (!window.confirm(`删除 ${f.from} – ${f.to} 的产值? Delete the output value of ${f.from} – ${f.to}?`)) return;
  try {
    const done = await factRequest("DELETE", `/api/facts/output?from=${f.from}&to=${f.to}`, token);
    factResult(`已删除 deleted: ${f.from} – ${f.to}` +
      (done.corrections.length ? ` · ${done.corrections.length} 个已封存日生成更正记录 closed day(s) got correction records` : ""), true);
    await listFacts(token, f.from);
    refreshIndicators();
  } catch (e) {
    factResult(e.message, false);
  }
}

document.getElementById("fact-form").addEventListener("submit", async (event) => {
  event.preventDefault();
  const form = new FormData(event.target);
  const token = form.get("token");
  const fact = { from: form.get("from"), to: form.get("to"), valueCny: Number(form.get("valueCny")) };
  if (form.get("units") !== "") fact.units = Number(form.get("units"));
  if (form.get("note") !== "") fact.note = form.get("note");
  try {
    const saved = await factRequest("PUT", "/api/facts/output", token, fact);
    const corrections = saved.corrections.length;
    factResult(`已保存 stored: ${saved.fact.from} – ${saved.fact.to}, ${fmtNum(saved.fact.valueCny)} CNY` +
      (corrections ? ` · ${corrections} 个已封存日生成更正记录 closed day(s) got correction records` : "") +
      (saved.usedByIndicators ? "" : " · " + saved.note), true);
    await listFacts(token, saved.fact.from);
    refreshIndicators();
  } catch (e) {
    factResult(e.message, false);
  }
});

document.getElementById("fact-list").addEventListener("click", async () => {
  const token = new FormData(document.getElementById("fact-form")).get("token");
  try {
    const list = await listFacts(token);
    factResult(`${list.facts.length} 个期间 period(s)` + (list.usedByIndicators ? "" : " · 指标未使用 not used: indicators.output.source is counters"), true);
  } catch (e) {
    factResult(e.message, false);
  }
});

refresh();
refreshIndicators();
setInterval(refresh, 2000);
setTimeout(refreshIndicators, 5000); // a freshly started agent has its first data by then
setInterval(refreshIndicators, 30000);
