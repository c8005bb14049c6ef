// The secretariat's review of a cycle (#/review): the reports to look at first, each with what to
// check, opening into the report's form; and issuing every accepted report not yet issued as the
// meeting's INF documents.
import { $, allPages, api, clear, confirmAction, counted, element, failed, number, pagedRows, say, t, tickets } from "./portal.js";
import { cycleById, selectedCycle } from "./cycles.js";
import { partnerName } from "./partners.js";
import { reasonText } from "./report.js";

const take = tickets();

function reportLink(id, text) {
  const link = element("a", text);
  link.href = `#/reports/${encodeURIComponent(id)}`;
  return link;
}

export async function showReview() {
  const cycle = selectedCycle();
  if (!cycle) return;
  const current = take();
  const [review, indexed] = await Promise.all([
    api("GET", `/api/cycles/${encodeURIComponent(cycle)}/review`),
    allPages(`/api/reports?cycle=${encodeURIComponent(cycle)}&status=indexed&pageSize=1000`),
  ]);
  if (!current()) return;
  pagedRows($("review-table"), review.items, (row, item) => {
    row.appendChild(element("td", partnerName(item.partner)));
    const file = element("td");
    file.appendChild(reportLink(item.id, item.fileName));
    row.appendChild(file);
    const reasons = element("td");
    const list = element("ul", null, "reasons");
    for (const reason of item.reasons) list.appendChild(element("li", reasonText(reason)));
    reasons.appendChild(list);
    row.appendChild(reasons);
  }, counted("reviewCount"));
  $("review-empty").hidden = review.items.length > 0;
  $("review-table").hidden = review.items.length === 0;

  const series = cycleById(cycle)?.infSeries;
  const pending = indexed.filter((r) => !r.issuedSymbol);
  $("issue-state").textContent = !series
    ? t("issueNeedsSeries")
    : t("issuePending", { count: number(pending.length), prefix: series.prefix });
  $("issue-all").hidden = !series || pending.length === 0;
  $("issue-series-link").hidden = Boolean(series);
  $("issue-all").onclick = () => issueAll(cycle, series, pending.length).catch(failed);
}

async function issueAll(cycle, series, count) {
  if (!(await confirmAction(t("issueAllQuestion", { count: number(count), prefix: series.prefix }), t("issue")))) return;
  const result = await api("POST", `/api/cycles/${encodeURIComponent(cycle)}/issue`, {});
  const list = $("issued-list");
  clear(list);
  for (const issued of result.issued) {
    const item = element("li");
    item.appendChild(reportLink(issued.id, issued.issuedSymbol));
    list.appendChild(item);
  }
  say(t("issuedMany", { count: number(result.issued.length) }));
  await showReview();
  list.querySelector("a")?.focus();
}
