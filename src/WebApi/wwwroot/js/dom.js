// Small DOM building blocks shared by the demo client and the jobs dashboard. Text always goes in as text
// (textContent), never as HTML: posts, names and error messages come from users.

/** element("p", { class: "note", dataset: { id: "1" } }, "text", childElement) */
export function element(tag, properties = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(properties)) {
    if (value === undefined || value === null || value === false) continue;
    if (name === "class") node.className = value;
    else if (name === "dataset") Object.assign(node.dataset, value);
    else if (name.startsWith("on")) node.addEventListener(name.slice(2), value);
    else if (name in node && typeof value !== "string") node[name] = value;
    else node.setAttribute(name, value === true ? "" : value);
  }
  node.append(...children.flat().filter((child) => child !== undefined && child !== null && child !== false));
  return node;
}

export function show(node, visible) {
  node.hidden = !visible;
}

const timeFormat = new Intl.DateTimeFormat(undefined, { hour: "2-digit", minute: "2-digit", second: "2-digit" });
const clockFormat = new Intl.DateTimeFormat(undefined, { hour: "2-digit", minute: "2-digit" });
const dateTimeFormat = new Intl.DateTimeFormat(undefined, { month: "short", day: "numeric", hour: "2-digit", minute: "2-digit" });

/** Today's times as 14:03:07, older ones with their date. */
export function formatTime(iso) {
  if (!iso) return "—";
  const date = new Date(iso);
  return date.toDateString() === new Date().toDateString() ? timeFormat.format(date) : dateTimeFormat.format(date);
}

/** 14:03, for axes. */
export function formatClock(iso) {
  return clockFormat.format(new Date(iso));
}

/** "12 s ago", "in 4 min": how far an instant is from now. */
export function relativeTime(iso) {
  if (!iso) return "—";
  const seconds = Math.round((new Date(iso).getTime() - Date.now()) / 1000);
  const magnitude = Math.abs(seconds);
  const amount = magnitude < 60 ? `${magnitude} s` : magnitude < 3600 ? `${Math.round(magnitude / 60)} min` : `${Math.round(magnitude / 360) / 10} h`;
  return seconds < 0 ? `${amount} ago` : `in ${amount}`;
}

/** 0.4 ms, 12 ms, 3.2 s, 4.5 min. */
export function formatDuration(ms) {
  if (ms === null || ms === undefined) return "—";
  if (ms < 1) return `${ms.toFixed(2)} ms`;
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  return `${(ms / 60_000).toFixed(1)} min`;
}
