// The "runs per job type" chart: per job type, bars of runs per bucket (succeeded below, failed on top) and
// the P50 and P95 durations as lines on their own scale. Plain SVG: nothing to install, nothing to load.
import { element, formatClock, formatDuration, formatTime } from "/js/dom.js";

const svgNamespace = "http://www.w3.org/2000/svg";
const width = 600;
const height = 90;

function svg(tag, attributes, ...children) {
  const node = document.createElementNS(svgNamespace, tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

export function renderChart(container, statistics) {
  if (statistics.jobs.length === 0) {
    container.replaceChildren(element("p", { class: "muted" }, "No runs in this window."));
    return;
  }
  const from = new Date(statistics.from).getTime();
  const bucketMs = statistics.bucketMinutes * 60_000;
  const bucketCount = Math.max(1, Math.ceil((new Date(statistics.to).getTime() - from) / bucketMs));
  container.replaceChildren(...statistics.jobs.map((job) => jobRow(job, from, bucketMs, bucketCount)));
}

function jobRow(job, from, bucketMs, bucketCount) {
  const runs = (bucket) => bucket.succeeded + bucket.skipped + bucket.failed + bucket.cancelled;
  const maxRuns = Math.max(...job.buckets.map(runs), 1);
  const maxDuration = Math.max(...job.buckets.map((bucket) => bucket.p95Ms), 0.001);
  const slot = width / bucketCount;
  const x = (bucket) => ((new Date(bucket.start).getTime() - from) / bucketMs) * slot;
  const y = (count) => height - (count / maxRuns) * (height - 4);
  const durationY = (ms) => height - (ms / maxDuration) * (height - 8) - 2;

  const bars = job.buckets.flatMap((bucket) => {
    const good = bucket.succeeded + bucket.skipped;
    const bad = bucket.failed + bucket.cancelled;
    const tip = `${formatTime(bucket.start)}: ${good} succeeded, ${bad} failed · P50 ${formatDuration(bucket.p50Ms)} · P95 ${formatDuration(bucket.p95Ms)}`;
    const barWidth = Math.max(slot * 0.8, 1);
    return [
      svg("rect", { class: "bar ok", x: x(bucket) + slot * 0.1, y: y(good), width: barWidth, height: height - y(good) }, svg("title", {}, tip)),
      svg("rect", { class: "bar bad", x: x(bucket) + slot * 0.1, y: y(good + bad), width: barWidth, height: y(good) - y(good + bad) }, svg("title", {}, tip)),
    ];
  });
  const line = (property, tone) => svg("polyline", {
    class: `line ${tone}`,
    points: job.buckets.map((bucket) => `${x(bucket) + slot / 2},${durationY(bucket[property])}`).join(" "),
  });
  // A tick across each bucket as well: a line through a single bucket would be a point, and the SVG is stretched
  // to the card's width, so a circle would come out as an ellipse.
  const ticks = (property, tone) => job.buckets.map((bucket) => svg("line", {
    class: `tick ${tone}`, x1: x(bucket) + slot * 0.1, x2: x(bucket) + slot * 0.9, y1: durationY(bucket[property]), y2: durationY(bucket[property]),
  }));

  const total = job.buckets.reduce((sum, bucket) => sum + runs(bucket), 0);
  const failed = job.buckets.reduce((sum, bucket) => sum + bucket.failed, 0);
  const latest = job.buckets[job.buckets.length - 1];
  return element("div", { class: "chart-row", dataset: { job: job.job } },
    element("div", { class: "chart-label" },
      element("div", { class: "strong" }, job.job),
      element("div", { class: "muted small" }, `${total} run${total === 1 ? "" : "s"}${failed ? ` · ${failed} failed` : ""}`),
      element("div", { class: "muted small" }, `latest P50 ${formatDuration(latest.p50Ms)} · P95 ${formatDuration(latest.p95Ms)}`)),
    element("div", { class: "chart-plot" },
      svg("svg", { viewBox: `0 0 ${width} ${height}`, preserveAspectRatio: "none", role: "img", "aria-label": `Runs of ${job.job}` },
        svg("line", { class: "axis", x1: 0, y1: height, x2: width, y2: height }),
        ...bars, line("p50Ms", "p50"), line("p95Ms", "p95"), ...ticks("p50Ms", "p50"), ...ticks("p95Ms", "p95")),
      element("div", { class: "chart-axis muted small" },
        element("span", {}, formatClock(new Date(from).toISOString())),
        element("span", {}, `bars up to ${maxRuns} run${maxRuns === 1 ? "" : "s"} · lines up to ${formatDuration(maxDuration)}`),
        element("span", {}, "now"))));
}
