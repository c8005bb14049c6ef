// A partner's focal point: upload the organisation's report for a cycle, correct it with a new
// file or withdraw one sent by mistake, and follow what the pipeline read from it. The list is the
// start (#/cycles/<id> opens it on a cycle, as reminders link); #/reports/<id> is one report's page.
import {
  $, ApiError, allPages, api, call, clear, counted, day, deadlineText, download, element, factList, failed, fillCycles, historyList, key, moment, openInNewTab, pagedRows,
  channelText, mayWithdraw, period, relatedReports, say, selectedDeadline, statusText, t, tickets, titleCell, withdrawReport,
} from "./portal.js";

// Said with every upload, so that the report shows it came in through the portal, not from a program.
const FROM_PORTAL = { "Minamata-Client": "portal" };
// Files above this go straight to Blob Storage with an upload URL instead of through the API.
const DIRECT_UPLOAD_BYTES = 4 * 1024 * 1024;
// What the pipeline reads, as the file picker offers it; anything else is refused before it is sent.
const READABLE = [".docx", ".pdf", ".txt", ".html", ".htm", ".md", ".markdown"];
// The list and a report's page draw apart: a refresh of the list (the poll while a report is
// read) must not cancel the page being opened, nor the page a refresh of the list.
const takeList = tickets();
const takeReport = tickets();
let active = false;
let chosenFile = null;
let pollTimer = null;
// The upload the banner is about, so that the banner can follow it from "being read" to its verdict.
let followed = null;

function choose(file) {
  if (file && !READABLE.some((extension) => file.name.toLowerCase().endsWith(extension))) {
    say(t("wrongType", { name: file.name }), true);
    file = null;
  }
  chosenFile = file;
  $("chosen-file").textContent = file ? t("chosenFile", { name: file.name, size: `${Math.ceil(file.size / 1024)} KB` }) : "";
}

export async function showPartner() {
  $("partner").hidden = false;
  active = true;
  if ((await fillCycles($("partner-cycle"))).length > 0) await route();
  // Signed in: focus on what the page is about, not left on the body.
  if (!$("partner-list").hidden) $("partner-title").focus();
}

export function stopPartner() {
  active = false;
  clearTimeout(pollTimer);
}

/** The list, or one report's page when the address names one. */
async function route() {
  if (!active) return;
  const [, kind, id] = location.hash.split("/");
  const one = kind === "reports" && id;
  const named = kind === "cycles" && id && [...$("partner-cycle").options].find((o) => o.value === decodeURIComponent(id));
  if (named) $("partner-cycle").value = named.value;
  const fromReport = !$("partner-report").hidden;
  $("partner-list").hidden = Boolean(one);
  $("partner-report").hidden = !one;
  if (one) {
    clearTimeout(pollTimer);
    await showReport(decodeURIComponent(id));
  } else {
    await refreshPartner();
    // Back from a report's page: focus on the list's heading, not left on the body.
    if (fromReport) $("partner-title").focus();
  }
}

function reportLink(report) {
  const link = element("a", report.fileName);
  link.href = `#/reports/${encodeURIComponent(report.id)}`;
  return link;
}

async function refreshPartner() {
  const cycle = $("partner-cycle").value;
  if (!cycle || $("partner-list").hidden) return;
  const current = takeList();
  $("partner-deadline").textContent = deadlineText(selectedDeadline($("partner-cycle")));
  const [reports, status] = await Promise.all([
    allPages(`/api/reports?cycle=${encodeURIComponent(cycle)}&pageSize=1000`),
    api("GET", `/api/cycles/${encodeURIComponent(cycle)}/status`),
  ]);
  if (!current()) return;
  const state = status.partners[0]?.state;
  $("partner-standing").textContent = state ? t("standing" + state[0].toUpperCase() + state.slice(1), { cycle }) : t("standingNotExpected", { cycle });
  reports.sort((a, b) => b.receivedAt.localeCompare(a.receivedAt));
  pagedRows($("partner-reports"), reports, (row, report) => {
    row.dataset.id = report.id;
    const file = element("td", null, "file");
    file.appendChild(reportLink(report));
    row.appendChild(file);
    row.appendChild(element("td", statusText(report), `status-${report.status}`));
    row.appendChild(titleCell(report.metadata?.title));
    row.appendChild(element("td", report.metadata?.symbol ?? ""));
    row.appendChild(element("td", report.metadata?.language ?? ""));
    row.appendChild(element("td", period(report.metadata?.reportingPeriod)));
    row.appendChild(element("td", day(report.receivedAt)));
  }, (total, shown) => (total === 0 ? t("noReports") : counted("reportCount")(total, shown)));

  const replaces = $("replaces");
  const kept = replaces.value;
  clear(replaces);
  replaces.appendChild(Object.assign(element("option", t("replacesNone")), { value: "" }));
  // Only what counts now can be corrected: not what was superseded, rejected or withdrawn.
  for (const report of reports.filter((r) => r.status === "indexed" || r.status === "received")) {
    replaces.appendChild(Object.assign(element("option", `${report.fileName} (${day(report.receivedAt)})`), { value: report.id }));
  }
  replaces.value = reports.some((r) => r.id === kept) ? kept : "";
  follow(reports);
  clearTimeout(pollTimer);
  // Keep looking while a report is being read, and while a correction is indexed but the report it
  // replaces is not yet marked superseded (the intake does that just after the correction's verdict).
  const settling = (r) => r.status === "received" || (r.replaces && r.status === "indexed" && reports.some((x) => x.id === r.replaces && x.status === "indexed"));
  if (reports.some(settling)) pollTimer = setTimeout(() => refreshPartner().catch(failed), 1500);
}

/** The banner says what became of the last upload once the pipeline has read it. */
function follow(reports) {
  const report = followed && reports.find((r) => r.id === followed.id);
  if (!report || report.status === "received") return;
  followed = null;
  if (report.status === "rejected") say(t("uploadRejected", { name: report.fileName, reason: report.error?.message ?? "" }), true);
  else say(t("uploadIndexed", { name: report.fileName }));
}

async function showReport(id) {
  const current = takeReport();
  const report = await api("GET", `/api/reports/${encodeURIComponent(id)}`);
  const related = await relatedReports(report);
  if (!current()) return;
  const m = report.metadata ?? {};
  $("partner-report-title").textContent = m.title || report.fileName;
  $("partner-back").href = `#/cycles/${encodeURIComponent(report.cycle)}`;
  factList($("partner-report-facts"), [
    ["fieldFile", report.fileName], ["fieldStatus", statusText(report)], ["fieldReceived", moment(report.receivedAt)], ["fieldChannel", channelText(report)], ["fieldCycle", report.cycle],
    ["fieldIssuedSymbol", report.issuedSymbol], ["fieldTitle", m.title], ["fieldSymbol", m.symbol], ["fieldDate", day(m.documentDate)],
    ["fieldPeriod", period(m.reportingPeriod)], ["fieldLanguage", m.language], ["fieldSubmittedBy", m.submittedBy],
    ["fieldOrganizations", (m.organizations ?? []).join(", ")], ["fieldArticles", (m.conventionArticles ?? []).join(", ")],
    ["fieldDocuments", (m.referencedDocuments ?? []).join(", ")], ["fieldReplaces", related.replaces], ["fieldSupersededBy", related.supersededBy],
  ]);
  $("partner-open-original").onclick = () => openInNewTab(`/api/reports/${encodeURIComponent(report.id)}/file`, report.fileName).catch(failed);
  $("partner-download-inf").hidden = !report.issuedSymbol;
  $("partner-download-inf").onclick = () => download(`/api/reports/${encodeURIComponent(report.id)}/inf`, `${report.issuedSymbol?.replace(/\//g, "-")}.docx`).catch(failed);
  $("partner-withdraw").hidden = !mayWithdraw(report);
  $("partner-withdraw").onclick = async () => {
    if (await withdrawReport(report).catch(failed)) await showReport(report.id).catch(failed);
  };
  historyList($("partner-report-history"), report.history);
  $("partner-report-title").focus();
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
    $("choose-file").focus();
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
    let receipt;
    if (file.size > DIRECT_UPLOAD_BYTES) {
      const body = { fileName: file.name, cycle };
      if (replaces) body.replaces = replaces;
      const target = (await call("POST", "/api/uploads", body, FROM_PORTAL)).data;
      await send("PUT", target.uploadUrl, file, { "x-ms-blob-type": "BlockBlob", "Content-Type": file.type || "application/octet-stream" }, (p) => (progress.value = p));
      receipt = { id: target.id };
    } else {
      const form = new FormData();
      form.append("cycle", cycle);
      if (replaces) form.append("replaces", replaces);
      form.append("file", file, file.name);
      receipt = (await send("POST", "/api/reports", form, { Authorization: `Bearer ${key.get()}`, ...FROM_PORTAL }, (p) => (progress.value = p))).data;
    }
    progress.value = 100;
    followed = receipt.duplicateOf ? null : { id: receipt.id };
    say(t(receipt.duplicateOf ? "duplicate" : "uploaded", { name: file.name }));
    choose(null);
    $("file").value = "";
    await refreshPartner();
    // Focus on the report the upload became, where its status shows.
    $("partner-reports").querySelector(`tr[data-id="${CSS.escape(receipt.duplicateOf ?? receipt.id)}"] a`)?.focus();
  } catch (error) {
    // The file stays chosen: nothing is lost, it can be sent again (with a new key, if that was the trouble).
    if (error instanceof ApiError && error.status === 401) {
      document.dispatchEvent(new CustomEvent("minamata:key-refused"));
      say(t("keyRefusedDuringUpload", { name: file.name }), true);
    } else {
      failed(error);
    }
  } finally {
    $("upload-button").disabled = false;
    progress.hidden = true;
  }
}

export function wirePartner() {
  const zone = $("drop-zone");
  $("choose-file").addEventListener("click", () => $("file").click());
  $("file").addEventListener("change", () => choose($("file").files[0] ?? null));
  for (const name of ["dragenter", "dragover"]) {
    zone.addEventListener(name, (e) => { e.preventDefault(); zone.classList.add("over"); });
  }
  for (const name of ["dragleave", "drop"]) {
    zone.addEventListener(name, (e) => { e.preventDefault(); zone.classList.remove("over"); });
  }
  zone.addEventListener("drop", (e) => choose(e.dataTransfer.files[0] ?? null));
  $("upload-form").addEventListener("submit", uploadChosen);
  $("partner-cycle").addEventListener("change", () => {
    say("");
    // The address follows the cycle chosen, so that reload and links keep it.
    history.replaceState(null, "", `#/cycles/${encodeURIComponent($("partner-cycle").value)}`);
    refreshPartner().catch(failed);
  });
  window.addEventListener("hashchange", () => route().catch(failed));
}
