// One report as the secretariat reviews it (#/reports/<id>): what it is, its original to open in a
// new tab beside the form, the metadata form where a wrong field is corrected (what the extractor
// read stays, shown under each field, and a correction can be taken back), reading it again,
// issuing it as an INF document and downloading that, and its history.
import {
  $, ApiError, api, button, call, channelText, clear, clearFieldErrors, confirmAction, day, download, element, factList, failed, historyList, moment, openInNewTab, mayWithdraw, period, relatedReports, say, showFieldErrors, statusText, t, tickets, withdrawReport,
} from "./portal.js";
import { cycleById } from "./cycles.js";
import { partnerName } from "./partners.js";

/** The fields the secretariat may correct, in the order the form shows them, with the kind of input each takes. */
export const FIELDS = [
  { name: "title", label: "fieldTitle", kind: "text" },
  { name: "symbol", label: "fieldSymbol", kind: "text" },
  { name: "documentDate", label: "fieldDate", kind: "date" },
  { name: "reportingPeriod", label: "fieldPeriod", kind: "period" },
  { name: "language", label: "fieldLanguage", kind: "text" },
  { name: "submittedBy", label: "fieldSubmittedBy", kind: "text" },
  { name: "conventionArticles", label: "fieldArticles", kind: "list" },
  { name: "organizations", label: "fieldOrganizations", kind: "list" },
  { name: "referencedDocuments", label: "fieldDocuments", kind: "list" },
];
const NAMES = FIELDS.map((f) => f.name);
const PREFIX = "fix-";
const take = tickets();
// The report on screen and the ETag it was read with: a save sends it, so that two officers' edits never silently overwrite each other.
let shown = null;
let etag = null;

/** A review reason (missing:title, source:symbol=body, duplicate, ...) in words. */
export function reasonText(reason) {
  const [kind, rest = ""] = reason.split(":");
  const [field, source] = rest.split("=");
  const label = FIELDS.find((f) => f.name === field)?.label;
  const name = label ? t(label) : field;
  if (kind === "missing") return t("reasonMissing", { field: name });
  if (kind === "source") return t(source === "properties" ? "reasonFromProperties" : "reasonFromBody", { field: name });
  return t({ "submittedBy-differs": "reasonSubmittedByDiffers", duplicate: "reasonDuplicate", rejected: "reasonRejected" }[reason] ?? reason);
}

/** The field a reason asks to check, if it names one. */
function reasonField(reason) {
  return /^(missing|source):(\w+)/.exec(reason)?.[2];
}

function shownValue(field, value) {
  if (value === null || value === undefined) return null;
  if (field.kind === "list") return value.length ? value.join(", ") : null;
  if (field.kind === "period") return period(value);
  if (field.kind === "date") return day(value);
  return value;
}

/** The form's value for a field, in the record's shape; undefined when the field is left as it is. */
function formValue(field, effective) {
  const input = $(PREFIX + field.name);
  if (field.kind === "list") {
    const items = input.value.split(/[,;]/).map((s) => s.trim()).filter(Boolean);
    const same = items.length === (effective ?? []).length && items.every((item) => effective.includes(item));
    return same ? undefined : items;
  }
  if (field.kind === "period") {
    const value = { start: input.value, end: $(`${PREFIX}${field.name}-end`).value };
    if (!value.start && !value.end) return effective ? value : undefined;
    return effective && effective.start === value.start && effective.end === value.end ? undefined : value;
  }
  const value = input.value.trim();
  return value === (effective ?? "") ? undefined : value;
}

function fillInput(field, value) {
  if (field.kind === "list") $(PREFIX + field.name).value = (value ?? []).join(", ");
  else if (field.kind === "period") {
    $(PREFIX + field.name).value = value?.start ?? "";
    $(`${PREFIX}${field.name}-end`).value = value?.end ?? "";
  } else $(PREFIX + field.name).value = value ?? "";
}

/** Builds the correction form's fields once; their labels follow the language like every text. */
export function wireReport() {
  const container = $("correction-fields");
  for (const field of FIELDS) {
    const box = element("div", null, "field");
    box.id = `${PREFIX}${field.name}-box`;
    const label = element("label", null);
    label.htmlFor = PREFIX + field.name;
    label.dataset.text = field.label;
    box.appendChild(label);
    const input = element("input");
    input.id = PREFIX + field.name;
    input.name = field.name;
    input.type = { date: "date", period: "month" }[field.kind] ?? "text";
    input.autocomplete = "off";
    // Symbols and ids read left to right even on a right-to-left page.
    input.dir = "auto";
    input.setAttribute("aria-describedby", `${PREFIX}${field.name}-check ${PREFIX}${field.name}-note ${PREFIX}${field.name}-error`);
    box.appendChild(input);
    if (field.kind === "period") {
      const to = element("label", null);
      to.htmlFor = `${PREFIX}${field.name}-end`;
      to.dataset.text = "periodTo";
      box.appendChild(to);
      const end = element("input");
      end.id = `${PREFIX}${field.name}-end`;
      end.type = "month";
      end.setAttribute("aria-describedby", `${PREFIX}${field.name}-error`);
      box.appendChild(end);
    }
    for (const part of ["check", "note", "error"]) {
      const line = element("p", null, part === "error" ? "field-error" : `field-${part}`);
      line.id = `${PREFIX}${field.name}-${part}`;
      box.appendChild(line);
    }
    const undo = button("", () => undoCorrection(field.name));
    undo.id = `${PREFIX}${field.name}-undo`;
    undo.dataset.text = "undoCorrection";
    undo.className = "secondary";
    undo.hidden = true;
    box.appendChild(undo);
    container.appendChild(box);
  }
  $("correction-form").addEventListener("submit", (e) => save(e).catch(failed));
  $("open-original").addEventListener("click", () => openInNewTab(`/api/reports/${encodeURIComponent(shown.id)}/file`, shown.fileName).catch(failed));
  $("issue-report").addEventListener("click", () => issue().catch(failed));
  $("download-inf").addEventListener("click", () => download(`/api/reports/${encodeURIComponent(shown.id)}/inf`, `${shown.issuedSymbol.replace(/\//g, "-")}.docx`).catch(failed));
  $("reextract").addEventListener("click", () => reextract().catch(failed));
  $("renumber-form").addEventListener("submit", (e) => renumber(e).catch(failed));
  $("withdraw-report").addEventListener("click", async () => {
    if (await withdrawReport(shown).catch(failed)) await showReport(shown.id).catch(failed);
  });
}

export async function showReport(id) {
  const current = take();
  const answer = await call("GET", `/api/reports/${encodeURIComponent(id)}`);
  const [review, related] = await Promise.all([
    answer.data.cycle ? api("GET", `/api/cycles/${encodeURIComponent(answer.data.cycle)}/review`).then((r) => r.items) : [],
    relatedReports(answer.data),
  ]);
  if (!current()) return;
  draw(answer.data, answer.etag, review.find((item) => item.id === id)?.reasons ?? [], related);
}

function draw(report, tag, reasons, related) {
  shown = report;
  etag = tag;
  $("report-title").textContent = report.metadata?.title || report.fileName;
  const reasonList = $("report-reasons");
  clear(reasonList);
  for (const reason of reasons) reasonList.appendChild(element("li", reasonText(reason)));
  $("report-reasons-box").hidden = reasons.length === 0;

  factList($("report-facts"), [
    ["fieldPartner", partnerName(report.partner)], ["fieldCycle", report.cycle], ["fieldStatus", statusText(report)], ["fieldFile", report.fileName],
    ["fieldReceived", moment(report.receivedAt)], ["fieldChannel", channelText(report)], ["fieldIssuedSymbol", report.issuedSymbol], ["fieldReplaces", related.replaces], ["fieldSupersededBy", related.supersededBy],
    ["fieldExtractor", report.extractorVersion],
  ]);

  const cycle = cycleById(report.cycle);
  const issuable = report.status === "indexed" && !report.issuedSymbol;
  $("issue-report").hidden = !issuable || !cycle?.infSeries;
  $("issue-needs-series").hidden = !issuable || Boolean(cycle?.infSeries);
  $("download-inf").hidden = !report.issuedSymbol;
  $("renumber-form").hidden = !report.issuedSymbol;
  $("renumber-issuedSymbol").value = report.issuedSymbol ?? "";
  $("renumber-issuedSymbol-error").textContent = "";
  $("reextract").hidden = ["superseded", "received", "withdrawn"].includes(report.status);
  $("withdraw-report").hidden = !mayWithdraw(report);

  const check = new Set(reasons.map(reasonField).filter(Boolean));
  const editable = Boolean(report.extracted);
  $("correction-form").hidden = !editable;
  for (const field of FIELDS) {
    fillInput(field, report.metadata?.[field.name]);
    const correction = report.corrections?.[field.name];
    const extracted = shownValue(field, report.extracted?.[field.name]);
    $(`${PREFIX}${field.name}-box`).classList.toggle("to-check", check.has(field.name));
    $(`${PREFIX}${field.name}-check`).textContent = check.has(field.name) ? reasons.filter((r) => reasonField(r) === field.name).map(reasonText).join(" ") : "";
    $(`${PREFIX}${field.name}-note`).textContent = correction
      ? t("correctedNote", { by: correction.by, at: moment(correction.at), extracted: extracted ?? t("nothingExtracted") })
      : extracted === null ? t("nothingExtracted") : "";
    $(`${PREFIX}${field.name}-undo`).hidden = !correction;
    $(`${PREFIX}${field.name}-error`).textContent = "";
  }
  historyList($("detail-history"), report.history);
}

/** An edit refused because the report changed since it was read (412): shown again as it is now, and said; true when that was the refusal. */
async function reloadIfStale(error) {
  if (!(error instanceof ApiError && error.status === 412)) return false;
  await showReport(shown.id);
  say(t("staleReport"), true);
  return true;
}

async function patch(body) {
  clearFieldErrors(PREFIX, NAMES);
  try {
    const answer = await call("PATCH", `/api/reports/${encodeURIComponent(shown.id)}/metadata`, body, { "Content-Type": "application/merge-patch+json", "If-Match": etag });
    await showReport(answer.data.id);
    return true;
  } catch (error) {
    if (await reloadIfStale(error)) return false;
    if (!showFieldErrors(error, PREFIX, NAMES)) throw error;
    say(t("fixFields"), true);
    return false;
  }
}

async function save(event) {
  event.preventDefault();
  const body = {};
  for (const field of FIELDS) {
    const value = formValue(field, shown.metadata?.[field.name]);
    if (value !== undefined) body[field.name] = value;
  }
  const names = Object.keys(body);
  if (names.length === 0) {
    say(t("nothingChanged"));
    return;
  }
  if (await patch(body)) say(t("corrected", { fields: names.map((n) => t(FIELDS.find((f) => f.name === n).label)).join(", ") }));
}

async function undoCorrection(name) {
  if (await patch({ [name]: null })) {
    say(t("correctionUndone", { field: t(FIELDS.find((f) => f.name === name).label) }));
    $(PREFIX + name).focus();
  }
}

async function issue() {
  const series = cycleById(shown.cycle).infSeries;
  if (!(await confirmAction(t("issueOneQuestion", { file: shown.fileName, prefix: series.prefix }), t("issue")))) return;
  const result = await api("POST", `/api/cycles/${encodeURIComponent(shown.cycle)}/issue`, { reports: [shown.id] });
  await showReport(shown.id);
  say(t("issuedOne", { symbol: result.issued[0].issuedSymbol }));
  $("download-inf").focus();
}

/** Gives the issued report another number of its series (one it was issued under by hand, say). */
async function renumber(event) {
  event.preventDefault();
  const symbol = $("renumber-issuedSymbol").value.trim();
  if (symbol === shown.issuedSymbol) {
    say(t("nothingChanged"));
    return;
  }
  $("renumber-issuedSymbol-error").textContent = "";
  try {
    await call("PUT", `/api/reports/${encodeURIComponent(shown.id)}/issued-symbol`, { issuedSymbol: symbol }, { "If-Match": etag });
  } catch (error) {
    if (await reloadIfStale(error)) return;
    if (!showFieldErrors(error, "renumber-", ["issuedSymbol"])) throw error;
    return;
  }
  await showReport(shown.id);
  say(t("renumbered", { symbol }));
}

async function reextract() {
  await api("POST", `/api/reports/${encodeURIComponent(shown.id)}/reextract`);
  // The intake's next sweep reads it; the history says when it asked and, later, what came of it.
  await showReport(shown.id);
  say(t("readingAgain"));
}
