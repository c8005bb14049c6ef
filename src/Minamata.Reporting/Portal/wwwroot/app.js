// The Minamata reports portal: plain JavaScript over the HTTP API. Every value is written with
// textContent (never innerHTML), and the key lives only in this tab's sessionStorage and in the
// Authorization header, never in a URL.
"use strict";

(() => {
  const KEY = "minamata.key";
  // The six UN languages, each with a texts-<code>.json beside this file, named in its own language.
  const LANGUAGES = { ar: "العربية", zh: "中文", en: "English", fr: "Français", ru: "Русский", es: "Español" };
  const LANGUAGE = "minamata.language";
  let texts = {};
  let language = "en";
  // Files above this go straight to Blob Storage with an upload URL instead of through the API.
  const DIRECT_UPLOAD_BYTES = 4 * 1024 * 1024;
  const $ = (id) => document.getElementById(id);
  let me = null;
  let pollTimer = null;
  // Each refresh takes a ticket; a refresh that a newer one overtook does not draw its stale answer.
  let ticket = 0;

  // A text missing from a language shows as [[name]], which the browser tests look for.
  function t(name, values = {}) {
    return (texts[name] ?? `[[${name}]]`).replace(/\{(\w+)\}/g, (match, key) => (key in values ? String(values[key]) : match));
  }

  // Dates and numbers as the chosen language writes them, always in the Gregorian calendar and in
  // UTC, the time the deadlines are kept in.
  function number(value) {
    return new Intl.NumberFormat(language).format(value);
  }

  function day(iso) {
    if (!iso) return "";
    const date = new Date(iso.length === 10 ? iso + "T00:00:00Z" : iso);
    return new Intl.DateTimeFormat(language, { dateStyle: "medium", calendar: "gregory", timeZone: "UTC" }).format(date);
  }

  function moment(iso) {
    return new Intl.DateTimeFormat(language, {
      year: "numeric", month: "short", day: "numeric", hour: "2-digit", minute: "2-digit", calendar: "gregory", timeZone: "UTC", timeZoneName: "short",
    }).format(new Date(iso));
  }

  // The partner's language once signed in, unless the user picked one; before that, the browser's.
  function preferredLanguage() {
    const picked = localStorage.getItem(LANGUAGE);
    if (picked in LANGUAGES) return picked;
    if (me?.language in LANGUAGES) return me.language;
    return (navigator.languages || [navigator.language]).map((l) => l.slice(0, 2).toLowerCase()).find((l) => l in LANGUAGES) || "en";
  }

  async function useLanguage(code) {
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

  function say(text, isError = false) {
    const message = $("message");
    message.textContent = text;
    message.classList.toggle("error", isError);
  }

  function element(tag, text, className) {
    const node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    if (className) node.className = className;
    return node;
  }

  function clear(node) {
    while (node.firstChild) node.removeChild(node.firstChild);
  }

  class ApiError extends Error {
    constructor(status, problem) {
      super(problem?.detail || `HTTP ${status}`);
      this.status = status;
      this.code = problem?.code;
    }
  }

  async function api(method, path, body) {
    const headers = { Authorization: `Bearer ${sessionStorage.getItem(KEY)}` };
    if (body !== undefined) headers["Content-Type"] = "application/json";
    const response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const type = response.headers.get("Content-Type") || "";
    const data = type.includes("json") ? await response.json() : null;
    if (!response.ok) throw new ApiError(response.status, data);
    return data;
  }

  function failed(error) {
    if (error instanceof ApiError && error.status === 401) {
      signOut();
      say(t("keyRefused"), true);
      return;
    }
    say(t("error", { detail: error.message }), true);
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

  function daysFromToday(isoDate) {
    const today = new Date(new Date().toISOString().slice(0, 10) + "T00:00:00Z");
    return Math.round((new Date(isoDate + "T00:00:00Z") - today) / 86400000);
  }

  function deadlineText(deadline) {
    const days = daysFromToday(deadline);
    if (days > 0) return t("deadlineIn", { deadline: day(deadline), days: number(days) });
    if (days === 0) return t("deadlineToday", { deadline: day(deadline) });
    return t("deadlinePassed", { deadline: day(deadline), days: number(-days) });
  }

  function statusText(report) {
    if (report.status === "rejected" && report.error) return t("rejectedBecause", { message: report.error.message });
    return t("status" + report.status[0].toUpperCase() + report.status.slice(1));
  }

  function period(p) {
    return p ? `${day(p.start)} – ${day(p.end)}` : "";
  }

  async function download(path, fileName) {
    const response = await fetch(path, { headers: { Authorization: `Bearer ${sessionStorage.getItem(KEY)}` } });
    if (!response.ok) throw new ApiError(response.status, null);
    const url = URL.createObjectURL(await response.blob());
    const link = element("a");
    link.href = url;
    link.download = fileName;
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  }

  async function fillCycles(select, onChange) {
    const cycles = (await api("GET", "/api/cycles")).items;
    // Drawn again (say, in another language), the list keeps the cycle the user was looking at.
    const previous = select.value;
    clear(select);
    for (const cycle of cycles) {
      const option = element("option", `${cycle.id} – ${cycle.title}`);
      option.value = cycle.id;
      option.dataset.deadline = cycle.submissionDeadline;
      select.appendChild(option);
    }
    if (cycles.some((c) => c.id === previous)) select.value = previous;
    select.onchange = () => onChange().catch(failed);
    if (cycles.length === 0) say(t("noCycles"));
    return cycles.length > 0;
  }

  function selectedDeadline(select) {
    return select.selectedOptions[0]?.dataset.deadline;
  }

  // ---- Partner view -------------------------------------------------------------------------

  let chosenFile = null;

  function choose(file) {
    chosenFile = file;
    $("chosen-file").textContent = file ? t("chosenFile", { name: file.name, size: `${Math.ceil(file.size / 1024)} KB` }) : "";
  }

  async function showPartner() {
    $("partner").hidden = false;
    if (await fillCycles($("partner-cycle"), refreshPartner)) await refreshPartner();
  }

  async function refreshPartner() {
    const cycle = $("partner-cycle").value;
    if (!cycle) return;
    const mine = ++ticket;
    $("partner-deadline").textContent = deadlineText(selectedDeadline($("partner-cycle")));
    const reports = (await api("GET", `/api/reports?cycle=${encodeURIComponent(cycle)}`)).items;
    if (mine !== ticket) return;
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
    const current = replaces.value;
    clear(replaces);
    replaces.appendChild(Object.assign(element("option", t("replacesNone")), { value: "" }));
    for (const report of reports.filter((r) => r.status !== "superseded")) {
      replaces.appendChild(Object.assign(element("option", `${report.fileName} (${day(report.receivedAt)})`), { value: report.id }));
    }
    replaces.value = reports.some((r) => r.id === current) ? current : "";
    clearTimeout(pollTimer);
    // Keep looking while a report is being read, and while a correction is indexed but the report it
    // replaces is not yet marked superseded (the intake does that just after the correction's verdict).
    const settling = (r) => r.status === "received" || (r.replaces && r.status === "indexed" && reports.some((x) => x.id === r.replaces && x.status === "indexed"));
    if (reports.some(settling)) pollTimer = setTimeout(() => refreshPartner().catch(failed), 1500);
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
      const auth = { Authorization: `Bearer ${sessionStorage.getItem(KEY)}` };
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
        const result = await send("POST", "/api/reports", form, auth, (p) => (progress.value = p));
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

  function wireUpload() {
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
  }

  // ---- Secretariat view ---------------------------------------------------------------------

  async function showSecretariat() {
    $("secretariat").hidden = false;
    await refreshPartners();
    if (await fillCycles($("secretariat-cycle"), refreshSecretariat)) await refreshSecretariat();
  }

  async function refreshPartners() {
    const partners = await api("GET", "/api/partners");
    const body = $("partners-table").tBodies[0];
    clear(body);
    for (const partner of partners.items) {
      const row = body.insertRow();
      for (const value of [partner.id, partner.name, partner.email, partner.language]) row.appendChild(element("td", value));
      const button = element("button", t("newKey"));
      button.type = "button";
      button.setAttribute("aria-label", `${t("newKey")}: ${partner.id}`);
      button.addEventListener("click", () => reissueKey(partner.id).catch(failed));
      const cell = element("td");
      cell.appendChild(button);
      row.appendChild(cell);
    }
  }

  // A key is shown once, selected, with a copy button: the API never shows it again.
  function showKey(id, key) {
    $("issued-key-label").textContent = t("keyShownOnce", { id });
    $("issued-key-value").value = key;
    $("issued-key").hidden = false;
    $("issued-key-value").focus();
    $("issued-key-value").select();
  }

  async function createPartner(event) {
    event.preventDefault();
    const fields = ["id", "name", "email", "language"];
    for (const field of fields) $(`new-partner-${field}-error`).textContent = "";
    const body = Object.fromEntries(fields.map((field) => [field, $(`new-partner-${field}`).value.trim()]));
    try {
      const issued = await api("POST", "/api/partners", body);
      $("partner-form").reset();
      showKey(issued.id, issued.apiKey);
      await refreshPartners();
    } catch (error) {
      // The API names the field it refuses ('email' must be ...), or the id that exists already (409).
      const field = error instanceof ApiError && (error.status === 409 ? "id" : /^'(\w+)'/.exec(error.message)?.[1]);
      if (!fields.includes(field)) throw error;
      $(`new-partner-${field}-error`).textContent = error.message;
      $(`new-partner-${field}`).focus();
    }
  }

  async function reissueKey(id) {
    const issued = await api("POST", `/api/partners/${encodeURIComponent(id)}/keys`);
    showKey(issued.id, issued.apiKey);
    say(t("keyReplaced", { id }));
  }

  async function copyKey() {
    await navigator.clipboard.writeText($("issued-key-value").value);
    say(t("copied"));
  }

  async function refreshSecretariat() {
    const cycle = $("secretariat-cycle").value;
    if (!cycle) return;
    const mine = ++ticket;
    $("secretariat-deadline").textContent = deadlineText(selectedDeadline($("secretariat-cycle")));
    const status = await api("GET", `/api/cycles/${encodeURIComponent(cycle)}/status`);
    if (mine !== ticket) return;
    const count = (state) => status.partners.filter((p) => p.state === state).length;
    const total = status.partners.length;
    const done = count("submitted") + count("late");
    $("status-summary").textContent = t("statusSummary", { done: number(done), total: number(total), late: number(count("late")), missing: number(count("missing")) });
    $("status-progress").value = total ? Math.round((100 * done) / total) : 0;
    $("status-progress").setAttribute("aria-label", $("status-summary").textContent);
    const body = $("status-table").tBodies[0];
    clear(body);
    for (const partner of status.partners) {
      const row = body.insertRow();
      row.appendChild(element("td", partner.id));
      row.appendChild(element("td", t("state" + partner.state[0].toUpperCase() + partner.state.slice(1)), `state-${partner.state}`));
      row.appendChild(element("td", String(partner.reports.length)));
    }
    await searchReports();
  }

  async function searchReports(event) {
    event?.preventDefault();
    const query = new URLSearchParams({ cycle: $("secretariat-cycle").value });
    for (const name of ["partner", "language", "status", "q"]) {
      const value = $(`filter-${name}`).value.trim();
      if (value) query.set(name, value);
    }
    const mine = ++ticket;
    const reports = (await api("GET", `/api/reports?${query}`)).items;
    if (mine !== ticket) return;
    reports.sort((a, b) => a.partner.localeCompare(b.partner) || b.receivedAt.localeCompare(a.receivedAt));
    const body = $("secretariat-reports").tBodies[0];
    clear(body);
    for (const report of reports) {
      const row = body.insertRow();
      row.tabIndex = 0;
      row.appendChild(element("td", report.partner));
      row.appendChild(element("td", report.fileName));
      row.appendChild(element("td", statusText(report), `status-${report.status}`));
      row.appendChild(element("td", report.metadata?.title ?? ""));
      row.appendChild(element("td", report.metadata?.language ?? ""));
      row.appendChild(element("td", day(report.receivedAt)));
      const open = () => showReport(report.id).catch(failed);
      row.addEventListener("click", open);
      row.addEventListener("keydown", (e) => e.key === "Enter" && open());
    }
  }

  async function showReport(id) {
    const report = await api("GET", `/api/reports/${encodeURIComponent(id)}`);
    $("report-detail").hidden = false;
    $("detail-title").textContent = report.metadata?.title || report.fileName;
    const fields = $("detail-fields");
    clear(fields);
    const m = report.metadata ?? {};
    const rows = [
      ["fieldPartner", report.partner], ["fieldSubmittedBy", m.submittedBy], ["fieldCycle", report.cycle], ["fieldStatus", statusText(report)], ["fieldSymbol", m.symbol],
      ["fieldDate", day(m.documentDate)], ["fieldPeriod", period(m.reportingPeriod)], ["fieldOrganizations", (m.organizations ?? []).join(", ")],
      ["fieldArticles", (m.conventionArticles ?? []).join(", ")], ["fieldDocuments", (m.referencedDocuments ?? []).join(", ")],
      ["fieldReplaces", report.replaces], ["fieldSupersededBy", report.supersededBy],
    ];
    for (const [name, value] of rows) {
      if (!value) continue;
      fields.appendChild(element("dt", t(name)));
      fields.appendChild(element("dd", value));
    }
    const history = $("detail-history");
    clear(history);
    for (const entry of report.history ?? []) {
      const line = t("historyLine", { at: moment(entry.at), event: texts["event" + entry.event.replace(/(^|-)(\w)/g, (m, dash, letter) => letter.toUpperCase())] ?? entry.event, by: entry.by });
      history.appendChild(element("li", entry.detail ? t("historyDetail", { line, detail: entry.detail }) : line));
    }
  }

  async function compile() {
    const cycle = $("secretariat-cycle").value;
    const state = $("compilation-state");
    const downloads = $("compilation-downloads");
    clear(downloads);
    $("compile").disabled = true;
    try {
      const created = await api("POST", "/api/compilations", { cycle });
      state.textContent = t("compilationQueued");
      let compilation;
      do {
        await new Promise((resolve) => setTimeout(resolve, 1000));
        compilation = await api("GET", `/api/compilations/${created.id}`);
        if (compilation.status === "running") state.textContent = t("compilationRunning");
      } while (compilation.status === "queued" || compilation.status === "running");
      if (compilation.status !== "completed") {
        state.textContent = t("compilationFailed", { error: compilation.error ?? "" });
        return;
      }
      state.textContent = t("compilationDone", { count: number(compilation.reportCount) });
      for (const [format, path] of Object.entries(compilation.outputs)) {
        const item = element("li");
        const button = element("button", t("download", { format: format.toUpperCase() }));
        button.type = "button";
        button.addEventListener("click", () => download(path, `${cycle}-implementation-report.${format}`).catch(failed));
        item.appendChild(button);
        downloads.appendChild(item);
      }
    } catch (error) {
      failed(error);
    } finally {
      $("compile").disabled = false;
    }
  }

  // ---- Signing in and out -------------------------------------------------------------------

  function signOut() {
    sessionStorage.removeItem(KEY);
    clearTimeout(pollTimer);
    me = null;
    for (const id of ["partner", "secretariat", "report-detail", "issued-key", "who", "sign-out"]) $(id).hidden = true;
    $("sign-in").hidden = false;
    $("key").value = "";
    $("issued-key-value").value = "";
  }

  async function start() {
    try {
      me = await api("GET", "/api/me");
    } catch (error) {
      signOut();
      if (error instanceof ApiError && error.status === 401) say(t("keyRefused"), true);
      else failed(error);
      return;
    }
    $("sign-in").hidden = true;
    $("sign-out").hidden = false;
    $("who").hidden = false;
    if (preferredLanguage() !== language) {
      // A language whose texts cannot be fetched leaves the page in the one it has.
      await useLanguage(preferredLanguage()).catch((error) => say(error.message, true));
    }
    $("who").textContent = me.role === "partner" ? t("signedInAsPartner", { name: me.name ?? me.id, id: me.id }) : t("signedInAsSecretariat");
    say("");
    if (me.role === "partner") await showPartner();
    else await showSecretariat();
  }

  async function init() {
    for (const [code, name] of Object.entries(LANGUAGES)) $("language").appendChild(Object.assign(element("option", name), { value: code, lang: code }));
    await useLanguage(preferredLanguage());
    $("language").addEventListener("change", async () => {
      localStorage.setItem(LANGUAGE, $("language").value);
      await useLanguage($("language").value);
      if (me) await start();
    });
    wireUpload();
    $("search-form").addEventListener("submit", (e) => searchReports(e).catch(failed));
    $("compile").addEventListener("click", compile);
    $("partner-form").addEventListener("submit", (e) => createPartner(e).catch(failed));
    $("copy-key").addEventListener("click", () => copyKey().catch(failed));
    $("sign-out").addEventListener("click", () => { signOut(); say(""); });
    $("sign-in-form").addEventListener("submit", (e) => {
      e.preventDefault();
      sessionStorage.setItem(KEY, $("key").value.trim());
      start();
    });
    if (sessionStorage.getItem(KEY)) start();
    else signOut();
  }

  init().catch((error) => say(error.message, true));
})();
