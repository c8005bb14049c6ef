// What every view of the portal shares: the texts of the chosen language, dates and numbers as it
// writes them, calls to the HTTP API with the key, messages, and small DOM helpers. Every value is
// written with textContent (never innerHTML), and the key lives only in this tab's sessionStorage
// and in the Authorization header, never in a URL.

const KEY = "minamata.key";
const PICKED_LANGUAGE = "minamata.language";
// The six UN languages, each with a texts-<code>.json beside this file, named in its own language.
export const LANGUAGES = { ar: "العربية", zh: "中文", en: "English", fr: "Français", ru: "Русский", es: "Español" };

let texts = {};
let language = "en";

export const $ = (id) => document.getElementById(id);

/** Who is signed in (the answer of GET /api/me), or null. */
export const session = { me: null };

export const key = {
  get: () => sessionStorage.getItem(KEY),
  set: (value) => sessionStorage.setItem(KEY, value),
  forget: () => sessionStorage.removeItem(KEY),
};

// A text missing from a language shows as [[name]], which the browser tests look for.
export function t(name, values = {}) {
  return (texts[name] ?? `[[${name}]]`).replace(/\{(\w+)\}/g, (match, k) => (k in values ? String(values[k]) : match));
}

/** A text if the language has it (for names built from API values, such as events), else null. */
function tIfAny(name) {
  return texts[name] ?? null;
}

export function currentLanguage() {
  return language;
}

// The partner's language once signed in, unless the user picked one; before that, the browser's.
export function preferredLanguage() {
  const picked = localStorage.getItem(PICKED_LANGUAGE);
  if (picked in LANGUAGES) return picked;
  if (session.me?.language in LANGUAGES) return session.me.language;
  return (navigator.languages || [navigator.language]).map((l) => l.slice(0, 2).toLowerCase()).find((l) => l in LANGUAGES) || "en";
}

export function pickLanguage(code) {
  localStorage.setItem(PICKED_LANGUAGE, code);
}

export async function useLanguage(code) {
  const response = await fetch(`texts-${code}.json`);
  if (!response.ok) throw new Error(`texts-${code}.json: HTTP ${response.status}`);
  texts = await response.json();
  language = code;
  document.documentElement.lang = code;
  document.documentElement.dir = code === "ar" ? "rtl" : "ltr";
  $("language").value = code;
  for (const node of document.querySelectorAll("[data-text]")) node.textContent = t(node.dataset.text);
  document.title = t("appTitle");
}

// Dates and numbers as the chosen language writes them, always in the Gregorian calendar and in
// UTC, the time the deadlines are kept in.
export function number(value) {
  return new Intl.NumberFormat(language).format(value);
}

export function day(iso) {
  if (!iso) return "";
  const date = new Date(iso.length === 10 ? iso + "T00:00:00Z" : iso);
  return new Intl.DateTimeFormat(language, { dateStyle: "medium", calendar: "gregory", timeZone: "UTC" }).format(date);
}

export function moment(iso) {
  return new Intl.DateTimeFormat(language, {
    year: "numeric", month: "short", day: "numeric", hour: "2-digit", minute: "2-digit", calendar: "gregory", timeZone: "UTC", timeZoneName: "short",
  }).format(new Date(iso));
}

/** A month of a reporting period (YYYY-MM), or a day (YYYY-MM-DD), as the language writes it. */
function month(iso) {
  if (iso.length !== 7) return day(iso);
  return new Intl.DateTimeFormat(language, { year: "numeric", month: "long", calendar: "gregory", timeZone: "UTC" }).format(new Date(iso + "-01T00:00:00Z"));
}

export function period(p) {
  return p ? `${month(p.start)} – ${month(p.end)}` : "";
}

export function say(text, isError = false) {
  const message = $("message");
  message.textContent = text;
  message.classList.toggle("error", isError);
}

export function element(tag, text, className) {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) node.textContent = String(text);
  if (className) node.className = className;
  return node;
}

/** A list's title cell: three lines at most, with an ellipsis; the whole title on hover and on the report's page. */
export function titleCell(title) {
  const cell = element("td", null, "title");
  const text = element("span", title ?? "", "clamp");
  if (title) text.title = title;
  cell.appendChild(text);
  return cell;
}

export function clear(node) {
  while (node.firstChild) node.removeChild(node.firstChild);
}

export function button(text, onClick, label) {
  const node = element("button", text);
  node.type = "button";
  if (label) node.setAttribute("aria-label", label);
  node.addEventListener("click", () => Promise.resolve(onClick()).catch(failed));
  return node;
}

/** A problem+json answer: its status, stable code, and the errors by field when the API names them. */
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || `HTTP ${status}`);
    this.status = status;
    this.code = problem?.code;
    this.errors = problem?.errors ?? {};
  }
}

/** Calls the API with the key; the answer's body and its ETag. */
export async function call(method, path, body, headers = {}) {
  const all = { Authorization: `Bearer ${key.get()}`, ...headers };
  if (body !== undefined && !all["Content-Type"]) all["Content-Type"] = "application/json";
  const response = await fetch(path, { method, headers: all, body: body === undefined ? undefined : JSON.stringify(body) });
  const type = response.headers.get("Content-Type") || "";
  const data = type.includes("json") ? await response.json() : null;
  if (!response.ok) throw new ApiError(response.status, data);
  return { data, etag: response.headers.get("ETag") };
}

export async function api(method, path, body) {
  return (await call(method, path, body)).data;
}

/**
 * Reports an error in the banner, in words the user can act on: the API's own sentence for a
 * request it refused, plain words for a server that failed or cannot be reached. A refused key
 * signs the user out (app.js listens).
 */
export function failed(error) {
  if (error instanceof ApiError && error.status === 401) {
    document.dispatchEvent(new CustomEvent("minamata:key-refused"));
    return;
  }
  if (error instanceof ApiError && error.status < 500) say(error.message, true);
  else if (error instanceof ApiError) say(t("serverError"), true);
  else if (error instanceof TypeError || error.message === "network error") say(t("networkError"), true);
  else say(t("error", { detail: error.message }), true);
}

/** Shows each field's error next to it (an element <prefix><field>-error) and focuses the first; false if the error names no field shown here. */
export function showFieldErrors(error, prefix, fields) {
  if (!(error instanceof ApiError)) return false;
  const named = Object.keys(error.errors).filter((field) => fields.includes(field));
  for (const field of named) $(`${prefix}${field}-error`).textContent = error.errors[field].join(" ");
  if (named.length === 0) return false;
  $(`${prefix}${named[0]}`).focus();
  return true;
}

export function clearFieldErrors(prefix, fields) {
  for (const field of fields) $(`${prefix}${field}-error`).textContent = "";
}

async function fetchFile(path) {
  const response = await fetch(path, { headers: { Authorization: `Bearer ${key.get()}` } });
  if (!response.ok) throw new ApiError(response.status, null);
  return response.blob();
}

export async function download(path, fileName) {
  const url = URL.createObjectURL(await fetchFile(path));
  const link = element("a");
  link.href = url;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

// What a browser tab shows as it is; anything else (Word, and HTML, which would run as this site's page) is downloaded or shown as text.
const VIEWABLE = ["application/pdf", "text/plain"];
const AS_TEXT = ["text/html", "text/markdown"];

/** Opens a file of the API in a new tab, for reading beside the form; a file no tab shows is downloaded. */
export async function openInNewTab(path, fileName) {
  // Opened at the click, before any wait, so that no pop-up blocker stops it.
  const tab = window.open("", "_blank");
  try {
    const blob = await fetchFile(path);
    const type = blob.type.split(";")[0];
    if (!tab || !(VIEWABLE.includes(type) || AS_TEXT.includes(type))) {
      tab?.close();
      await download(path, fileName);
      return;
    }
    const shown = AS_TEXT.includes(type) ? new Blob([blob], { type: "text/plain;charset=utf-8" }) : blob;
    tab.location.href = URL.createObjectURL(shown);
  } catch (error) {
    tab?.close();
    throw error;
  }
}

/** Opens the confirmation dialog (focus on Cancel, so Enter alone never confirms); resolves with the button that closed it. */
function openDialog(question, confirmText, withReason) {
  const dialog = $("confirm-dialog");
  $("confirm-question").textContent = question;
  $("confirm-yes").textContent = confirmText;
  $("confirm-reason-box").hidden = !withReason;
  $("confirm-reason").required = withReason;
  $("confirm-reason").value = "";
  dialog.returnValue = "";
  dialog.showModal();
  return new Promise((resolve) => {
    const closed = () => {
      // The close event comes as a task of its own: that of an earlier opening can arrive after
      // this one began, and must not answer for it.
      if (dialog.open) return;
      dialog.removeEventListener("close", closed);
      resolve(dialog.returnValue);
    };
    dialog.addEventListener("close", closed);
  });
}

/** Asks before something that cannot be undone; resolves true if the user confirms. */
export async function confirmAction(question, confirmText) {
  return (await openDialog(question, confirmText, false)) === "yes";
}

/** Asks before something that cannot be undone and why; resolves with the reason given, or null if the user cancels. */
async function askReason(question, confirmText) {
  return (await openDialog(question, confirmText, true)) === "yes" ? $("confirm-reason").value.trim() : null;
}

/** Whether a report can be withdrawn: not once issued as a document of the meeting, nor once superseded or withdrawn. */
export function mayWithdraw(report) {
  return !report.issuedSymbol && ["received", "indexed", "rejected"].includes(report.status);
}

/** Asks why, then withdraws the report (its owner or the secretariat); true when it was withdrawn, with the banner saying so. */
export async function withdrawReport(report) {
  const reason = await askReason(t("withdrawQuestion", { file: report.fileName }), t("withdraw"));
  if (reason === null) return false;
  await api("POST", `/api/reports/${encodeURIComponent(report.id)}/withdraw`, { reason });
  say(t("withdrawn", { file: report.fileName }));
  return true;
}

/** Names each cell after its column, so that a table read as stacked cards on a phone still says what each value is. */
export function labelCells(table) {
  const names = [...table.tHead.rows[0].cells].map((cell) => cell.textContent);
  for (const row of table.tBodies[0].rows) {
    [...row.cells].forEach((cell, i) => { if (names[i]) cell.dataset.label = names[i]; });
  }
}

const PAGE = 50;

/**
 * Draws a list a page at a time: the first rows, how many there are, and a button for the next
 * ones (focus goes to the first row it adds). <paramref name="draw"/> adds one item's row.
 */
export function pagedRows(table, items, draw, countText) {
  const body = table.tBodies[0];
  clear(body);
  const more = $(`${table.id}-more`);
  const count = $(`${table.id}-count`);
  let shown = 0;
  const next = () => {
    const first = body.rows.length;
    for (const item of items.slice(shown, shown + PAGE)) draw(body.insertRow(), item);
    shown = Math.min(items.length, shown + PAGE);
    labelCells(table);
    count.textContent = countText(items.length, shown);
    more.hidden = shown >= items.length;
    return body.rows[first];
  };
  more.onclick = () => next()?.querySelector("a, button")?.focus();
  next();
}

/** What a paged list says of its length: "Reports: 105 (showing 50)". */
export function counted(text) {
  return (total, shown) => t(text, { count: number(total) }) + (shown < total ? ` ${t("showing", { shown: number(shown) })}` : "");
}

/** Every page of a listing of the API (GET /api/reports and the like), as one list. */
export async function allPages(path) {
  const items = [];
  let token = null;
  do {
    const page = await api("GET", token ? `${path}&continuationToken=${encodeURIComponent(token)}` : path);
    items.push(...page.items);
    token = page.continuationToken;
  } while (token);
  return items;
}

function daysFromToday(isoDate) {
  const today = new Date(new Date().toISOString().slice(0, 10) + "T00:00:00Z");
  return Math.round((new Date(isoDate + "T00:00:00Z") - today) / 86400000);
}

export function deadlineText(deadline) {
  const days = daysFromToday(deadline);
  if (days > 0) return t("deadlineIn", { deadline: day(deadline), days: number(days) });
  if (days === 0) return t("deadlineToday", { deadline: day(deadline) });
  return t("deadlinePassed", { deadline: day(deadline), days: number(-days) });
}

export function statusText(report) {
  if (report.status === "rejected" && report.error) return t("rejectedBecause", { message: report.error.message });
  return t("status" + capitalised(report.status));
}

/** How the report came in (the portal, a program, e-mail...), for reports that say it. */
export function channelText(report) {
  return report.channel ? tIfAny("channel" + capitalised(report.channel)) ?? report.channel : null;
}

/** "correction-cleared" as "CorrectionCleared", to name texts after API words. */
export function capitalised(word) {
  return word.replace(/(^|-)(\w)/g, (match, dash, letter) => letter.toUpperCase());
}

function today() {
  return new Date().toISOString().slice(0, 10);
}

/**
 * The cycle a user lands on: of the cycles whose meeting is not over (those expecting the partner,
 * for a partner), the one whose deadline comes next; once every deadline has passed, the latest;
 * with none open, the newest. A partner expected in COP-7, due in ten days, lands there, not on a
 * COP-8 two years away that does not expect it.
 */
function landingCycle(cycles, partner) {
  const now = today();
  const open = cycles.filter((c) => (c.meetingEnd ?? c.meetingStart) >= now);
  const mine = partner ? open.filter((c) => c.expectedPartners.includes(partner)) : open;
  const candidates = mine.length ? mine : open;
  const byDeadline = [...candidates].sort((a, b) => a.submissionDeadline.localeCompare(b.submissionDeadline));
  return byDeadline.find((c) => c.submissionDeadline >= now) ?? byDeadline.at(-1) ?? cycles[0];
}

/** The cycle an address names (#/cycles/COP-7, as reminders link to), if any. */
function cycleInAddress() {
  const [, kind, id] = location.hash.split("/");
  return kind === "cycles" && id ? decodeURIComponent(id) : null;
}

/**
 * Fills a cycle picker: the cycle the user was looking at, else the one the address names, else
 * the one to land on; the cycles, newest deadline first. A partner sees only the cycles that
 * expect it: those it can report to.
 */
export async function fillCycles(select) {
  const partner = session.me?.role === "partner" ? session.me.id : null;
  const cycles = (await api("GET", "/api/cycles")).items.filter((c) => !partner || c.expectedPartners.includes(partner));
  const previous = select.value || cycleInAddress() || landingCycle(cycles, partner)?.id;
  clear(select);
  for (const cycle of cycles) {
    const option = element("option", `${cycle.id} – ${cycle.title}`);
    option.value = cycle.id;
    option.dataset.deadline = cycle.submissionDeadline;
    select.appendChild(option);
  }
  if (cycles.some((c) => c.id === previous)) select.value = previous;
  if (cycles.length === 0) say(t(partner ? "noCyclesForPartner" : "noCycles"));
  return cycles;
}

export function selectedDeadline(select) {
  return select.selectedOptions[0]?.dataset.deadline;
}

/** Fills a description list with the rows that have a value: a text, or an element such as a link. */
export function factList(list, rows) {
  clear(list);
  for (const [name, value] of rows) {
    if (!value) continue;
    list.appendChild(element("dt", t(name)));
    const description = element("dd");
    description.append(value);
    list.appendChild(description);
  }
}

/** Links to the reports a report is tied to (the one it corrects, the one that superseded it), named by file and day, not by id. */
export async function relatedReports(report) {
  const ids = [report.replaces, report.supersededBy].filter(Boolean);
  const found = await Promise.all(ids.map((id) => api("GET", `/api/reports/${encodeURIComponent(id)}`).catch(() => null)));
  const link = (id) => {
    const other = found[ids.indexOf(id)];
    const anchor = element("a", other ? `${other.fileName} (${day(other.receivedAt)})` : id);
    anchor.href = `#/reports/${encodeURIComponent(id)}`;
    return anchor;
  };
  return { replaces: report.replaces && link(report.replaces), supersededBy: report.supersededBy && link(report.supersededBy) };
}

export function historyList(list, history) {
  clear(list);
  for (const entry of history ?? []) {
    const line = t("historyLine", { at: moment(entry.at), event: tIfAny("event" + capitalised(entry.event)) ?? entry.event, by: entry.by });
    list.appendChild(element("li", entry.detail ? t("historyDetail", { line, detail: entry.detail }) : line));
  }
}

/** Each refresh of a view takes a ticket; a refresh that a newer one overtook does not draw its stale answer. */
export function tickets() {
  let last = 0;
  return () => {
    const mine = ++last;
    return () => mine === last;
  };
}
