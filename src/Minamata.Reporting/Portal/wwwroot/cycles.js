// The secretariat's cycles: the picker every cycle view reads, and the form that opens a cycle or
// edits the selected one (#/cycle): meeting, venue, agenda item, deadline, reminders, receipts, who
// is expected, and the INF series its reports are issued in.
import { $, ApiError, api, clear, clearFieldErrors, element, failed, fillCycles, say, showFieldErrors, t } from "./portal.js";
import { knownPartners } from "./partners.js";

// What PUT /api/cycles/{id} names in its errors, each shown next to its input (cycle-<name>).
const FIELDS = ["id", "title", "meetingStart", "meetingEnd", "venue", "agendaItem", "submissionDeadline", "reminderDays", "expectedPartners", "infSeries"];
const PREFIX = "cycle-";
let cycles = [];

export function cycleById(id) {
  return cycles.find((c) => c.id === id);
}

export function selectedCycle() {
  return $("secretariat-cycle").value;
}

/** Fills the picker again from the API (after a save, or in another language), keeping the cycle chosen. */
export async function refreshCycles() {
  cycles = await fillCycles($("secretariat-cycle"));
  return cycles;
}

/** The form with the selected cycle's settings, or empty for a first cycle. */
export function showCycleForm() {
  fillForm(cycleById(selectedCycle()) ?? null);
}

function fillForm(cycle) {
  clearFieldErrors(PREFIX, FIELDS);
  $("cycle-form-title").textContent = cycle ? t("editCycle", { id: cycle.id }) : t("newCycle");
  const id = $("cycle-id");
  id.value = cycle?.id ?? "";
  id.readOnly = Boolean(cycle);
  const values = {
    title: cycle?.title, meetingStart: cycle?.meetingStart, meetingEnd: cycle?.meetingEnd, venue: cycle?.venue,
    agendaItem: cycle?.agendaItem?.number, "agendaItem-title": cycle?.agendaItem?.title, submissionDeadline: cycle?.submissionDeadline,
    reminderDays: (cycle?.reminderDays ?? [30, 14, 7, 1]).join(", "), infSeries: cycle?.infSeries?.prefix, "infSeries-first": cycle?.infSeries?.first,
  };
  for (const [name, value] of Object.entries(values)) $(PREFIX + name).value = value ?? "";
  $("cycle-receipts").checked = cycle?.receipts ?? true;
  const boxes = $("cycle-partners");
  clear(boxes);
  for (const partner of knownPartners()) {
    const label = element("label", null, "check");
    const box = element("input");
    box.type = "checkbox";
    box.name = "expectedPartners";
    box.value = partner.id;
    box.checked = Boolean(cycle?.expectedPartners.includes(partner.id));
    label.appendChild(box);
    label.appendChild(document.createTextNode(` ${partner.name} (${partner.id})`));
    boxes.appendChild(label);
  }
}

function text(name) {
  return $(PREFIX + name).value.trim();
}

/** The form as PUT /api/cycles/{id} takes it; throws a field's error for what the API could not even read. */
function body() {
  const days = text("reminderDays").split(/[\s,;]+/).filter(Boolean);
  if (days.some((d) => !/^\d+$/.test(d))) throw new ApiError(400, { detail: t("reminderDaysHelp"), errors: { reminderDays: [t("reminderDaysHelp")] } });
  const first = text("infSeries-first");
  if (first && !/^\d+$/.test(first)) throw new ApiError(400, { detail: t("infFirstHelp"), errors: { infSeries: [t("infFirstHelp")] } });
  const cycle = {
    title: text("title"),
    meetingStart: text("meetingStart") || null,
    submissionDeadline: text("submissionDeadline") || null,
    expectedPartners: [...document.querySelectorAll("#cycle-partners input:checked")].map((box) => box.value),
    reminderDays: days.map(Number),
    receipts: $("cycle-receipts").checked,
  };
  if (text("meetingEnd")) cycle.meetingEnd = text("meetingEnd");
  if (text("venue")) cycle.venue = text("venue");
  if (text("agendaItem") || text("agendaItem-title")) cycle.agendaItem = { number: text("agendaItem"), title: text("agendaItem-title") };
  if (text("infSeries") || first) cycle.infSeries = { prefix: text("infSeries"), first: first ? Number(first) : 1 };
  return cycle;
}

async function save(event) {
  event.preventDefault();
  clearFieldErrors(PREFIX, FIELDS);
  const id = text("id");
  try {
    if (!id) throw new ApiError(400, { detail: t("cycleIdHelp"), errors: { id: [t("cycleIdHelp")] } });
    const saved = await api("PUT", `/api/cycles/${encodeURIComponent(id)}`, body());
    await refreshCycles();
    $("secretariat-cycle").value = saved.id;
    fillForm(cycleById(saved.id));
    say(t("cycleSaved", { id: saved.id }));
  } catch (error) {
    if (!showFieldErrors(error, PREFIX, FIELDS)) throw error;
    say(t("fixFields"), true);
  }
}

export function wireCycleForm() {
  $("cycle-form").addEventListener("submit", (e) => save(e).catch(failed));
  $("new-cycle").addEventListener("click", () => {
    fillForm(null);
    $("cycle-id").focus();
  });
}
