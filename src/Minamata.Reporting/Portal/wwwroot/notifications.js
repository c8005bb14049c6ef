// What partners were told about the selected cycle (#/notifications): each reminder, overdue notice,
// receipt and digest on each channel with how it ended, and the outbox's copy of a message to read.
import { $, api, button, capitalised, counted, day, element, moment, number, pagedRows, t, tickets } from "./portal.js";
import { selectedCycle } from "./cycles.js";
import { partnerName } from "./partners.js";

const take = tickets();

function what(notification) {
  if (notification.kind === "reminder") return t("notificationReminder", { days: number(notification.daysBefore) });
  if (notification.kind === "arrivals") return t("notificationArrivals", { day: day(notification.about) });
  const text = { overdue: "notificationOverdue", digest: "notificationDigest", receipt: "notificationReceipt", rejection: "notificationRejection" }[notification.kind];
  return text ? t(text) : notification.kind;
}

export async function showNotifications() {
  const cycle = selectedCycle();
  if (!cycle) return;
  const current = take();
  const notifications = (await api("GET", `/api/notifications?cycle=${encodeURIComponent(cycle)}`)).items;
  if (!current()) return;
  $("outbox-message").hidden = true;
  pagedRows($("notifications-table"), notifications, (row, notification) => {
    row.appendChild(element("td", notification.partner === "secretariat" ? t("theSecretariat") : partnerName(notification.partner)));
    row.appendChild(element("td", what(notification)));
    row.appendChild(element("td", notification.sentAt ? moment(notification.sentAt) : ""));
    row.appendChild(element("td", t(notification.channel === "outbox" ? "channelOutbox" : "channelMail")));
    row.appendChild(element("td", t("notification" + capitalised(notification.status)), `notification-${notification.status}`));
    const read = element("td");
    if (notification.message) read.appendChild(button(t("readMessage"), () => showMessage(notification.message), `${t("readMessage")}: ${what(notification)}, ${notification.partner}`));
    row.appendChild(read);
  }, counted("notificationCount"));
  $("notifications-empty").hidden = notifications.length > 0;
}

async function showMessage(path) {
  const message = await api("GET", path);
  $("outbox-subject").textContent = message.subject;
  $("outbox-to").textContent = t("messageTo", { to: [...message.to, ...message.cc].join(", ") });
  $("outbox-text").textContent = message.text;
  $("outbox-text").lang = message.language ?? "";
  $("outbox-message").hidden = false;
  $("outbox-subject").focus();
}
