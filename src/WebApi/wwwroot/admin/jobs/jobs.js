// The jobs dashboard: reads /api/admin/jobs/* (admins only) and refreshes itself every few seconds.
import { api, currentSession, signIn, signOut } from "/js/session.js";
import { element, formatDuration, formatTime, relativeTime, show } from "/js/dom.js";
import { renderChart } from "./chart.js";

const refreshEveryMs = 5000;
const $ = (selector) => document.querySelector(selector);

const history = { cursor: null, pagesLoaded: 0 };
let refreshTimer = null;

document.addEventListener("DOMContentLoaded", () => {
  $("#sign-in-form").addEventListener("submit", onSignIn);
  $("#sign-out").addEventListener("click", onSignOut);
  $("#forbidden-sign-out").addEventListener("click", onSignOut);
  $("#auto-refresh").addEventListener("change", scheduleRefresh);
  $("#overview-hours").addEventListener("change", () => refresh());
  $("#chart-window").addEventListener("change", () => refresh());
  $("#history-job").addEventListener("change", () => loadHistory({ reset: true }));
  $("#history-result").addEventListener("change", () => loadHistory({ reset: true }));
  $("#history-more").addEventListener("click", () => loadHistory({ reset: false }));
  $("#recurring").addEventListener("click", onRecurringAction);
  $("#history").addEventListener("click", onRetry);
  document.addEventListener("visibilitychange", scheduleRefresh);
  start();
});

/** Shows the sign-in form, the 403 page or the dashboard, depending on who is signed in. */
async function start() {
  const session = currentSession();
  $("#who").textContent = session?.user ? `Signed in as ${session.user.userName}` : "";
  show($("#sign-out"), Boolean(session));
  if (!session) return showOnly("#sign-in");
  try {
    await refresh();
  } catch (error) {
    if (error.status === 401) {
      await signOut();
      return start();
    }
    if (error.status === 403) {
      $("#forbidden-user").textContent = session.user?.userName ?? "this account";
      return showOnly("#forbidden");
    }
    showOnly("#dashboard");
    showLoadError(error);
    scheduleRefresh();
  }
}

function showOnly(selector) {
  for (const id of ["#sign-in", "#forbidden", "#dashboard"]) show($(id), id === selector);
  show($("#refresh"), selector === "#dashboard");
}

async function onSignIn(event) {
  event.preventDefault();
  const form = event.target;
  const error = form.querySelector(".error");
  error.textContent = "";
  try {
    await signIn(form.login.value, form.password.value);
    form.reset();
    await start();
  } catch (failure) {
    error.textContent = failure.status === 401 ? "Wrong user name or password." : failure.message;
  }
}

async function onSignOut() {
  clearTimeout(refreshTimer);
  await signOut();
  await start();
}

/** Reloads everything but the history's later pages; throws so that start() can tell 401 and 403 apart. */
async function refresh() {
  const [hours, bucketMinutes] = $("#chart-window").value.split(",");
  const [overview, statistics, nodes, executing, recurring, types] = await Promise.all([
    api("GET", `/api/admin/jobs/overview?hours=${$("#overview-hours").value}`),
    api("GET", `/api/admin/jobs/statistics?hours=${hours}&bucketMinutes=${bucketMinutes}`),
    api("GET", "/api/admin/jobs/nodes"),
    api("GET", "/api/admin/jobs/executing"),
    api("GET", "/api/admin/jobs/recurring"),
    api("GET", "/api/admin/jobs/types"),
  ]);
  showOnly("#dashboard");
  show($("#load-error"), false);
  renderOverview(overview);
  renderChart($("#chart"), statistics);
  renderNodes(nodes);
  renderExecuting(executing);
  renderRecurring(recurring);
  renderJobTypes(types);
  if (history.pagesLoaded <= 1) await loadHistory({ reset: true });
  $("#updated").textContent = `· ${formatTime(new Date().toISOString())}`;
  scheduleRefresh();
}

function scheduleRefresh() {
  clearTimeout(refreshTimer);
  if (!$("#auto-refresh").checked || document.hidden || $("#dashboard").hidden) return;
  refreshTimer = setTimeout(async () => {
    try {
      await refresh();
    } catch (error) {
      showLoadError(error);
      scheduleRefresh();
    }
  }, refreshEveryMs);
}

function showLoadError(error) {
  $("#load-error").textContent = `Could not load the dashboard: ${error.message}`;
  show($("#load-error"), true);
}

function renderOverview(overview) {
  for (const name of ["succeeded", "failed", "retrying", "executing"]) {
    $(`[data-count="${name}"]`).textContent = overview[name].toLocaleString();
  }
  const scheduler = overview.scheduler;
  $("#scheduler").textContent = scheduler.store === "postgres"
    ? `${scheduler.name} · PostgreSQL store${scheduler.clustered ? ", clustered" : ""} · answered by ${scheduler.instanceId}`
    : `${scheduler.name} · in-memory store (this process; history is lost on restart)`;
}

function renderNodes(nodes) {
  replaceRows("#nodes", nodes.map((node) => element("tr", { dataset: { node: node.instanceId } },
    element("td", {}, node.instanceId, node.current ? element("span", { class: "tag" }, "this node") : null),
    element("td", {}, badge(node.state, node.stale ? "bad" : "ok")),
    element("td", { title: node.lastCheckIn ? formatTime(node.lastCheckIn) : "" },
      node.lastCheckIn ? relativeTime(node.lastCheckIn) : "in-memory store: no check-ins",
      node.checkInIntervalSeconds ? element("span", { class: "muted" }, ` (every ${node.checkInIntervalSeconds} s)`) : null))),
    "No nodes.", 3);
}

function renderExecuting(running) {
  replaceRows("#executing", running.map((job) => element("tr", { dataset: { job: job.job } },
    element("td", {}, element("div", {}, job.job), element("div", { class: "muted small" }, job.trigger)),
    element("td", {}, job.node),
    element("td", {}, formatDuration(job.runningMs)),
    element("td", {}, job.progress === null
      ? element("span", { class: "muted" }, "not reported")
      : element("div", { class: "progress", title: job.progressMessage ?? "" },
        element("div", { class: "progress-bar", style: `width: ${job.progress}%` }),
        element("span", {}, `${job.progress}%${job.progressMessage ? ` · ${job.progressMessage}` : ""}`))))),
    "Nothing is running.", 4);
}

function renderRecurring(jobs) {
  replaceRows("#recurring", jobs.map((job) => element("tr", { dataset: { name: job.name, state: job.state } },
    element("td", {}, element("div", { class: "strong" }, job.name), element("div", { class: "muted small" }, job.jobType)),
    element("td", {}, element("div", {}, job.schedule ?? "custom schedule"),
      element("code", { class: "small", title: `Quartz cron, time zone ${job.timeZone}` }, job.cron)),
    element("td", {}, badge(job.state, job.state === "paused" ? "warn" : job.state === "error" ? "bad" : "ok")),
    element("td", { title: formatTime(job.nextRun) }, job.nextRun ? relativeTime(job.nextRun) : "—"),
    element("td", { class: "last-run" }, job.lastRun
      ? [badge(job.lastRun.result, resultTone(job.lastRun.result)), ` ${relativeTime(job.lastRun.firedAt)} · ${formatDuration(job.lastRun.durationMs)}`,
        job.lastRun.error ? element("div", { class: "error small" }, job.lastRun.error) : null]
      : element("span", { class: "muted" }, "never ran")),
    element("td", { class: "actions" },
      element("button", { class: "small-button", dataset: { action: "trigger" } }, "Trigger now"),
      job.state === "paused"
        ? element("button", { class: "small-button secondary", dataset: { action: "resume" } }, "Resume")
        : element("button", { class: "small-button secondary", dataset: { action: "pause" } }, "Pause")))),
  "No recurring jobs.", 6);
}

async function onRecurringAction(event) {
  const button = event.target.closest("button[data-action]");
  if (!button) return;
  const name = button.closest("tr").dataset.name;
  button.disabled = true;
  try {
    await api("POST", `/api/admin/jobs/recurring/${encodeURIComponent(name)}/${button.dataset.action}`);
    await refresh();
  } catch (error) {
    showLoadError(error);
  } finally {
    button.disabled = false;
  }
}

function renderJobTypes(types) {
  const select = $("#history-job");
  const listed = [...select.options].slice(1).map((option) => option.value);
  // Rebuilt only when the list changed, so that an open drop-down is not closed by a refresh.
  if (listed.join("\n") === types.join("\n")) return;
  const chosen = select.value;
  select.replaceChildren(element("option", { value: "" }, "all job types"), ...types.map((type) => element("option", { value: type }, type)));
  select.value = types.includes(chosen) ? chosen : "";
}

/** The first page again (reset), or the next page appended. */
async function loadHistory({ reset }) {
  const parameters = new URLSearchParams({ limit: "20" });
  if ($("#history-job").value) parameters.set("job", $("#history-job").value);
  if ($("#history-result").value) parameters.set("result", $("#history-result").value);
  if (!reset && history.cursor) parameters.set("cursor", history.cursor);

  const page = await api("GET", `/api/admin/jobs/history?${parameters}`);
  const rows = page.items.map(historyRow);
  if (reset) replaceRows("#history", rows, "No runs recorded.", 8);
  else $("#history tbody").append(...rows);
  history.cursor = page.nextCursor;
  history.pagesLoaded = reset ? 1 : history.pagesLoaded + 1;
  show($("#history-more"), Boolean(page.nextCursor));
}

function historyRow(run) {
  return element("tr", { dataset: { run: run.id, job: run.job, result: run.result } },
    element("td", { title: run.firedAt }, formatTime(run.firedAt)),
    element("td", {}, run.job),
    element("td", { class: "trigger" }, run.trigger),
    element("td", {}, run.node),
    element("td", { class: "number" }, formatDuration(run.durationMs)),
    element("td", {}, badge(run.willRetry ? "failed, will retry" : run.result, run.willRetry ? "warn" : resultTone(run.result)),
      run.error ? element("div", { class: "error small" }, run.error) : null),
    element("td", { class: "number" }, String(run.attempt)),
    element("td", {}, run.canRetry ? element("button", { class: "small-button", dataset: { action: "retry" } }, "Retry now") : null));
}

async function onRetry(event) {
  const button = event.target.closest("button[data-action='retry']");
  if (!button) return;
  button.disabled = true;
  try {
    await api("POST", `/api/admin/jobs/history/${encodeURIComponent(button.closest("tr").dataset.run)}/retry`);
    button.textContent = "Started";
  } catch (error) {
    button.disabled = false;
    showLoadError(error);
  }
}

function replaceRows(tableSelector, rows, emptyText, columns) {
  $(`${tableSelector} tbody`).replaceChildren(...(rows.length > 0
    ? rows
    : [element("tr", { class: "empty" }, element("td", { colSpan: columns, class: "muted" }, emptyText))]));
}

function badge(text, tone) {
  return element("span", { class: `badge ${tone}` }, text);
}

function resultTone(result) {
  return { succeeded: "ok", skipped: "ok", failed: "bad", cancelled: "warn" }[result] ?? "neutral";
}
