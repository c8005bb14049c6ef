// The Minamata reports portal: plain JavaScript modules over the HTTP API. This one signs in and
// out, switches the language, and opens the partner's or the secretariat's part.
import { $, ApiError, LANGUAGES, api, clear, element, failed, key, pickLanguage, preferredLanguage, say, session, t, useLanguage, currentLanguage } from "./portal.js";
import { showPartner, stopPartner, wirePartner } from "./partner.js";
import { showSecretariat, stopSecretariat, wireSecretariat } from "./secretariat.js";

function signOut() {
  key.forget();
  stopPartner();
  stopSecretariat();
  session.me = null;
  for (const id of ["partner", "secretariat", "issued-key", "who", "sign-out"]) $(id).hidden = true;
  // The next user lands on their own cycle, not on the one left selected here.
  for (const id of ["partner-cycle", "secretariat-cycle"]) clear($(id));
  $("sign-in").hidden = false;
  $("key").value = "";
  $("issued-key-value").value = "";
}

async function start() {
  try {
    session.me = await api("GET", "/api/me");
  } catch (error) {
    signOut();
    if (error instanceof ApiError && error.status === 401) say(t("keyRefused"), true);
    else failed(error);
    return;
  }
  $("sign-in").hidden = true;
  $("sign-out").hidden = false;
  $("who").hidden = false;
  if (preferredLanguage() !== currentLanguage()) {
    // A language whose texts cannot be fetched leaves the page in the one it has.
    await useLanguage(preferredLanguage()).catch((error) => say(error.message, true));
  }
  const me = session.me;
  $("who").textContent = me.role === "partner" ? t("signedInAsPartner", { name: me.name ?? me.id, id: me.id }) : t("signedInAsSecretariat");
  say("");
  if (me.role === "partner") await showPartner();
  else await showSecretariat();
}

async function init() {
  for (const [code, name] of Object.entries(LANGUAGES)) $("language").appendChild(Object.assign(element("option", name), { value: code, lang: code }));
  // Wired first: the views build some of their labels, which take their texts with the page's.
  wirePartner();
  wireSecretariat();
  await useLanguage(preferredLanguage());
  $("language").addEventListener("change", async () => {
    pickLanguage($("language").value);
    await useLanguage($("language").value);
    if (session.me) await start();
  });
  document.addEventListener("minamata:key-refused", () => {
    signOut();
    say(t("keyRefused"), true);
  });
  $("sign-out").addEventListener("click", () => { signOut(); say(""); });
  $("sign-in-form").addEventListener("submit", (e) => {
    e.preventDefault();
    key.set($("key").value.trim());
    start().catch(failed);
  });
  if (key.get()) await start();
  else signOut();
}

init().catch((error) => say(error.message, true));
