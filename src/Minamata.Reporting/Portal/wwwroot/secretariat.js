// The secretariat's part of the portal: one view at a time, each with its own address (#/overview,
// #/review, #/reports/<id>, #/cycle, #/partners, #/notifications), so that back, reload and links
// work; focus goes to the view's heading when it opens. The overview is the cycle's standing: who
// has reported, the reports with search, and the compilation.
import {
  $, allPages, api, capitalised, clear, counted, day, deadlineText, download, element, failed, labelCells, number, pagedRows, say, selectedDeadline, statusText, t, tickets, titleCell,
} from "./portal.js";
import { refreshCycles, selectedCycle, showCycleForm, wireCycleForm } from "./cycles.js";
import { hideKey, partnerName, refreshPartners, wirePartners } from "./partners.js";
import { showNotifications } from "./notifications.js";
import { showReport, wireReport } from "./report.js";
import { showReview } from "./review.js";

const VIEWS = {
  overview: () => showOverview(),
  review: () => showReview(),
  reports: (id) => showReport(id),
  cycle: () => showCycleForm(),
  partners: () => refreshPartners(),
  notifications: () => showNotifications(),
};
// The views about the cycle chosen above them; the others hide the picker.
const ABOUT_A_CYCLE = ["overview", "review", "cycle", "notifications"];
const take = tickets();
let active = false;

/** The view the address names, and its argument (a report's id). */
function current() {
  const [, name, argument] = location.hash.split("/");
  return name in VIEWS ? { name, argument: argument && decodeURIComponent(argument) } : { name: "overview" };
}

async function route() {
  if (!active) return;
  const { name, argument } = current();
  // What the banner said was about the view left.
  say("");
  for (const view of document.querySelectorAll("#secretariat .view")) view.hidden = view.id !== `${name}-view`;
  for (const link of document.querySelectorAll("#views a")) {
    if (link.getAttribute("href") === `#/${name}`) link.setAttribute("aria-current", "page");
    else link.removeAttribute("aria-current");
  }
  hideKey();
  $("cycle-picker").hidden = !ABOUT_A_CYCLE.includes(name);
  $("secretariat-deadline").textContent = selectedCycle() ? deadlineText(selectedDeadline($("secretariat-cycle"))) : "";
  await VIEWS[name](argument);
  $(`${name}-view`).querySelector("h2").focus();
}

export async function showSecretariat() {
  $("secretariat").hidden = false;
  active = true;
  await refreshPartners();
  await refreshCycles();
  await route();
}

export function stopSecretariat() {
  active = false;
}

async function showOverview() {
  const cycle = selectedCycle();
  if (!cycle) return;
  const mine = take();
  const status = await api("GET", `/api/cycles/${encodeURIComponent(cycle)}/status`);
  if (!mine()) return;
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
    row.appendChild(element("td", partnerName(partner.id)));
    row.appendChild(element("td", t("state" + capitalised(partner.state)), `state-${partner.state}`));
    row.appendChild(element("td", [String(partner.reports.length), ...(partner.issuedSymbols ?? [])].join(" · ")));
  }
  labelCells($("status-table"));
  await searchReports();
}

/** Whether a report's partner is the one the filter names: by id or by name, in any case, in part. */
function partnerMatches(filter, report) {
  const wanted = filter.toLowerCase();
  return !wanted || partnerName(report.partner).toLowerCase().includes(wanted);
}

async function searchReports(event) {
  event?.preventDefault();
  const query = new URLSearchParams({ cycle: selectedCycle(), pageSize: "1000" });
  for (const name of ["language", "status", "q"]) {
    const value = $(`filter-${name}`).value.trim();
    if (value) query.set(name, value);
  }
  const partner = $("filter-partner").value.trim();
  const mine = take();
  const reports = (await allPages(`/api/reports?${query}`)).filter((r) => partnerMatches(partner, r));
  if (!mine()) return;
  reports.sort((a, b) => a.partner.localeCompare(b.partner) || b.receivedAt.localeCompare(a.receivedAt));
  pagedRows($("secretariat-reports"), reports, (row, report) => {
    row.className = "opens";
    row.appendChild(element("td", report.partner));
    const file = element("td", null, "file");
    const link = element("a", report.fileName);
    link.href = `#/reports/${encodeURIComponent(report.id)}`;
    file.appendChild(link);
    row.appendChild(file);
    row.appendChild(element("td", statusText(report), `status-${report.status}`));
    row.appendChild(titleCell(report.metadata?.title));
    row.appendChild(element("td", report.issuedSymbol ?? ""));
    row.appendChild(element("td", day(report.receivedAt)));
    // The whole row opens the report for the mouse; the link in it is the keyboard's way.
    row.addEventListener("click", (e) => e.target.tagName !== "A" && (location.hash = link.getAttribute("href")));
  }, counted("reportCount"));
}

async function compile() {
  const cycle = selectedCycle();
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
    downloads.querySelector("button")?.focus();
  } catch (error) {
    failed(error);
  } finally {
    $("compile").disabled = false;
  }
}

export function wireSecretariat() {
  window.addEventListener("hashchange", () => route().catch(failed));
  $("secretariat-cycle").addEventListener("change", () => route().catch(failed));
  $("search-form").addEventListener("submit", (e) => searchReports(e).catch(failed));
  $("compile").addEventListener("click", compile);
  wireCycleForm();
  wirePartners();
  wireReport();
}
