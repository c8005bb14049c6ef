// A partner's focal point: upload the organisation's report for a cycle, correct it with a new
// file, and follow what the pipeline read from it.
import {
  $, ApiError, api, clear, day, deadlineText, element, failed, fillCycles, key, period, say, selectedDeadline, statusText, t, tickets,
} from "./portal.js";

// Files above this go straight to Blob Storage with an upload URL instead of through the API.
const DIRECT_UPLOAD_BYTES = 4 * 1024 * 1024;
const take = tickets();
let chosenFile = null;
let pollTimer = null;

function choose(file) {
  chosenFile = file;
  $("chosen-file").textContent = file ? t("chosenFile", { name: file.name, size: `${Math.ceil(file.size / 1024)} KB` }) : "";
}

export async function showPartner() {
  $("partner").hidden = false;
  if ((await fillCycles($("partner-cycle"))).length > 0) await refreshPartner();
}

export function stopPartner() {
  clearTimeout(pollTimer);
}

async function refreshPartner() {
  const cycle = $("partner-cycle").value;
  if (!cycle) return;
  const current = take();
  $("partner-deadline").textContent = deadlineText(selectedDeadline($("partner-cycle")));
  const reports = (await api("GET", `/api/reports?cycle=${encodeURIComponent(cycle)}`)).items;
  if (!current()) return;
  reports.sort((a, b) => b.receivedAt.localeCompare(a.receivedAt));
  const body = $("partner-reports").tBodies[0];
  clear(body);
  if (reports.length === 0) {
    const row = body.insertRow();
    const cell = row.insertCell();
    cell.colSpan = 7;
    cell.textContent = t("noReports");
  }
  for (const report of reports) {
    const row = body.insertRow();
    row.dataset.id = report.id;
    row.appendChild(element("td", report.fileName));
    row.appendChild(element("td", statusText(report), `status-${report.status}`));
    row.appendChild(element("td", report.metadata?.title ?? ""));
    row.appendChild(element("td", report.metadata?.symbol ?? ""));
    row.appendChild(element("td", report.metadata?.language ?? ""));
    row.appendChild(element("td", period(report.metadata?.reportingPeriod)));
    row.appendChild(element("td", day(report.receivedAt)));
  }
  const replaces = $("replaces");
  const kept = replaces.value;
  clear(replaces);
  replaces.appendChild(Object.assign(element("option", t("replacesNone")), { value: "" }));
  for (const report of reports.filter((r) => r.status !== "superseded")) {
    replaces.appendChild(Object.assign(element("option", `${report.fileName} (${day(report.receivedAt)})`), { value: report.id }));
  }
  replaces.value = reports.some((r) => r.id === kept) ? kept : "";
  clearTimeout(pollTimer);
  // Keep looking while a report is being read, and while a correction is indexed but the report it
  // replaces is not yet marked superseded (the intake does that just after the correction's verdict).
  const settling = (r) => r.status === "received" || (r.replaces && r.status === "indexed" && reports.some((x) => x.id === r.replaces && x.status === "indexed"));
  if (reports.some(settling)) pollTimer = setTimeout(() => refreshPartner().catch(failed), 1500);
}

// Sends a request with upload progress (fetch cannot report it).
function send(method, url, body, headers, onProgress) {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open(method, url);
    for (const [name, value] of Object.entries(headers)) request.setRequestHeader(name, value);
    request.upload.addEventListener("progress", (e) => e.lengthComputable && onProgress(Math.round((100 * e.loaded) / e.total)));
    request.addEventListener("load", () => {
      let data = null;
      try { data = request.responseText ? JSON.parse(request.responseText) : null; } catch { data = null; }
      if (request.status >= 200 && request.status < 300) resolve({ status: request.status, data });
      else reject(new ApiError(request.status, data));
    });
    request.addEventListener("error", () => reject(new Error("network error")));
    request.send(body);
  });
}

async function uploadChosen(event) {
  event.preventDefault();
  if (!chosenFile) {
    say(t("noFile"), true);
    return;
  }
  const file = chosenFile;
  const cycle = $("partner-cycle").value;
  const replaces = $("replaces").value;
  const progress = $("upload-progress");
  progress.hidden = false;
  progress.value = 0;
  $("upload-button").disabled = true;
  say(t("uploading", { name: file.name }));
  try {
    let duplicate = false;
    if (file.size > DIRECT_UPLOAD_BYTES) {
      const body = { fileName: file.name, cycle };
      if (replaces) body.replaces = replaces;
      const target = await api("POST", "/api/uploads", body);
      await send("PUT", target.uploadUrl, file, { "x-ms-blob-type": "BlockBlob", "Content-Type": file.type || "application/octet-stream" }, (p) => (progress.value = p));
    } else {
      const form = new FormData();
      form.append("cycle", cycle);
      if (replaces) form.append("replaces", replaces);
      form.append("file", file, file.name);
      const result = await send("POST", "/api/reports", form, { Authorization: `Bearer ${key.get()}` }, (p) => (progress.value = p));
      duplicate = Boolean(result.data?.duplicateOf);
    }
    progress.value = 100;
    say(t(duplicate ? "duplicate" : "uploaded", { name: file.name }));
    choose(null);
    $("file").value = "";
    await refreshPartner();
  } catch (error) {
    failed(error);
  } finally {
    $("upload-button").disabled = false;
  }
}

export function wirePartner() {
  const zone = $("drop-zone");
  $("file").addEventListener("change", () => choose($("file").files[0] ?? null));
  for (const name of ["dragenter", "dragover"]) {
    zone.addEventListener(name, (e) => { e.preventDefault(); zone.classList.add("over"); });
  }
  for (const name of ["dragleave", "drop"]) {
    zone.addEventListener(name, (e) => { e.preventDefault(); zone.classList.remove("over"); });
  }
  // The zone is for the mouse; the keyboard reaches the file input inside it (the zone shows its focus).
  zone.addEventListener("drop", (e) => choose(e.dataTransfer.files[0] ?? null));
  $("upload-form").addEventListener("submit", uploadChosen);
  $("partner-cycle").addEventListener("change", () => refreshPartner().catch(failed));
}
