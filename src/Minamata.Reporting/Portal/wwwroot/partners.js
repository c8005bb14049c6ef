// The partner organisations (#/partners): register one and give its focal point a key, shown once
// with a copy button; replace a key, which stops the old one at once.
import { $, api, button, clearFieldErrors, counted, element, failed, pagedRows, say, showFieldErrors, t } from "./portal.js";

const FIELDS = ["id", "name", "email", "language"];
const PREFIX = "new-partner-";
let partners = [];

export function knownPartners() {
  return partners;
}

/** A partner's name with its id, for people who read names; the id alone for one not known here. */
export function partnerName(id) {
  const partner = partners.find((p) => p.id === id);
  return partner ? `${partner.name} (${partner.id})` : id;
}

export async function refreshPartners() {
  partners = (await api("GET", "/api/partners")).items;
  pagedRows($("partners-table"), partners, (row, partner) => {
    for (const value of [partner.id, partner.name, partner.email, partner.language]) row.appendChild(element("td", value));
    const cell = element("td");
    cell.appendChild(button(t("newKey"), () => reissueKey(partner.id), `${t("newKey")}: ${partner.id}`));
    row.appendChild(cell);
  }, counted("partnerCount"));
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
  clearFieldErrors(PREFIX, FIELDS);
  const body = Object.fromEntries(FIELDS.map((field) => [field, $(PREFIX + field).value.trim()]));
  try {
    const issued = await api("POST", "/api/partners", body);
    $("partner-form").reset();
    showKey(issued.id, issued.apiKey);
    await refreshPartners();
  } catch (error) {
    if (!showFieldErrors(error, PREFIX, FIELDS)) throw error;
  }
}

async function reissueKey(id) {
  const issued = await api("POST", `/api/partners/${encodeURIComponent(id)}/keys`);
  showKey(issued.id, issued.apiKey);
  say(t("keyReplaced", { id }));
}

export function wirePartners() {
  $("partner-form").addEventListener("submit", (e) => createPartner(e).catch(failed));
  $("copy-key").addEventListener("click", () => navigator.clipboard.writeText($("issued-key-value").value).then(() => say(t("copied"))).catch(failed));
}

/** Forgets a key shown, so that the next officer at this screen does not see it. */
export function hideKey() {
  $("issued-key").hidden = true;
  $("issued-key-value").value = "";
}
