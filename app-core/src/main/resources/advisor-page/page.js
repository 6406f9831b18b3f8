// The advisor's page: it asks the contract, and draws what it answers. Every figure on it comes
// from /runtime, /estimate or /estimate/sweep; none is computed here.
"use strict";

(function () {
  const MODELS = {
    BARE_METAL: { label: "Bare metal", colour: "#8c564b", dash: [] },
    VIRTUAL_MACHINE: { label: "Virtual machine", colour: "#1f77b4", dash: [8, 4] },
    CONTAINER: { label: "Container", colour: "#2ca02c", dash: [2, 3] },
    SERVERLESS: { label: "Serverless", colour: "#d62728", dash: [10, 3, 2, 3] },
  };
  // The volumes swept around the workload: three orders of magnitude either side of it.
  const SWEEP_SPAN = 1000;
  const SWEEP_POINTS = 60;
  // With a fixed peak, the sweep stops where the average rate would pass it: the month of the
  // bundled catalogue is 730 hours. A catalogue with another month answers with a 400 on the peak,
  // which the page shows like any other.
  const SECONDS_PER_MONTH = 730 * 3600;
  const MAX_REQUESTS = Number(document.getElementById("requestsPerMonth").max);

  const page = { chart: null, sweep: null, estimate: null };
  window.advisorPage = page;

  const usd = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" });
  const count = new Intl.NumberFormat("en-US");
  const compact = new Intl.NumberFormat("en-US", { notation: "compact", maximumFractionDigits: 2 });
  const decade = (v) => v > 0 && Math.abs(Math.log10(v) - Math.round(Math.log10(v))) < 1e-9;

  async function showRuntime() {
    const badge = document.getElementById("model-badge");
    try {
      const response = await fetch("/runtime", { headers: { Accept: "application/json" } });
      const report = await response.json();
      badge.textContent = (MODELS[report.model] || { label: report.model }).label;
      badge.dataset.model = report.model;
      const list = document.getElementById("evidence");
      list.replaceChildren();
      for (const line of report.evidence || []) {
        const item = document.createElement("li");
        item.textContent = line;
        list.append(item);
      }
    } catch (e) {
      badge.textContent = "unknown (the /runtime request failed)";
      badge.dataset.model = "UNKNOWN";
    }
  }

  function workloadFromForm(form) {
    const body = {};
    for (const input of form.querySelectorAll("input, select")) {
      const text = input.value.trim();
      if (text === "") {
        continue; // absent, and the server says whether that is allowed
      }
      // Numbers go as the user typed them, so the server judges exactly what was entered; text
      // that is not a number goes as a string, which the server refuses by name.
      body[input.name] = input.type === "number" && isFinite(Number(text)) ? { raw: text } : text;
    }
    return body;
  }

  // JSON with numbers written as typed (JSON.stringify would turn 0.1 into 0.1 but 1e21 into
  // 1e+21 and round long digit strings).
  function toJson(body) {
    const members = Object.entries(body).map(([name, value]) => {
      const json = value && value.raw !== undefined ? value.raw : JSON.stringify(value);
      return JSON.stringify(name) + ":" + json;
    });
    return "{" + members.join(",") + "}";
  }

  function clearProblems(form) {
    for (const error of form.querySelectorAll(".error")) {
      error.textContent = "";
    }
    for (const input of form.querySelectorAll("input, select")) {
      input.removeAttribute("aria-invalid");
    }
  }

  // A problem detail, shown beside each field it names; what names no field goes above the button.
  function showProblem(form, problem) {
    const errors = problem.errors || [];
    let first = null;
    const general = [];
    for (const error of errors) {
      const input = form.elements.namedItem(error.field);
      const slot = document.getElementById(error.field + "-error");
      if (input && slot) {
        slot.textContent = (slot.textContent ? slot.textContent + "; " : "") + error.detail;
        input.setAttribute("aria-invalid", "true");
        first = first || input;
      } else {
        general.push((error.field ? error.field + " " : "") + error.detail);
      }
    }
    const formError = document.getElementById("form-error");
    formError.textContent = general.length > 0 || errors.length === 0
      ? (problem.title || "Refused") + ": " + (general.length > 0 ? general.join("; ") : problem.detail)
      : "";
    if (first) {
      first.focus();
    }
  }

  async function post(path, json) {
    const response = await fetch(path, {
      method: "POST",
      headers: { "Content-Type": "application/json", Accept: "application/json" },
      body: json,
    });
    return { status: response.status, body: await response.json() };
  }

  function showCosts(estimate) {
    const rows = document.querySelector("#costs tbody");
    rows.replaceChildren();
    for (const option of estimate.options) {
      const row = document.createElement("tr");
      row.dataset.model = option.model;
      if (option.model === estimate.cheapest) {
        row.className = "cheapest";
      }
      const name = document.createElement("th");
      name.scope = "row";
      name.textContent = MODELS[option.model].label + (option.model === estimate.cheapest ? " (cheapest)" : "");
      const cost = document.createElement("td");
      cost.textContent = usd.format(option.monthlyUsd);
      const capacity = document.createElement("td");
      capacity.textContent = option.capacity.description;
      row.append(name, cost, capacity);
      rows.append(row);
    }
    document.getElementById("catalogue").textContent = "prices " + estimate.priceCatalogue;
    document.getElementById("break-even").textContent = estimate.breakEven.explanation;
  }

  function sweepRange(body) {
    const volume = Number(body.requestsPerMonth.raw);
    let from = Math.max(1, Math.floor(volume / SWEEP_SPAN));
    let to = Math.min(MAX_REQUESTS, Math.max(volume * SWEEP_SPAN, from * SWEEP_SPAN));
    if (body.peakRequestsPerSecond) {
      to = Math.min(to, Math.floor(Number(body.peakRequestsPerSecond.raw) * SECONDS_PER_MONTH));
    }
    return { from, to: Math.max(to, from + 1) };
  }

  function drawChart(sweep, estimate) {
    const volumes = sweep.requestsPerMonth;
    const data = [volumes].concat(sweep.series.map((s) => s.monthlyUsd));
    const breakEven = estimate.breakEven.requestsPerMonth;
    const here = {
      x: estimate.workload.requestsPerMonth,
      ys: estimate.options.map((o) => o.monthlyUsd),
    };
    const marks = {
      hooks: {
        draw: [
          (u) => {
            const ctx = u.ctx;
            ctx.save();
            if (breakEven !== undefined && breakEven !== null && breakEven >= volumes[0]
                && breakEven <= volumes[volumes.length - 1]) {
              const x = u.valToPos(breakEven, "x", true);
              ctx.strokeStyle = "#444";
              ctx.setLineDash([6, 6]);
              ctx.lineWidth = 1.5 * devicePixelRatio;
              ctx.beginPath();
              ctx.moveTo(x, u.bbox.top);
              ctx.lineTo(x, u.bbox.top + u.bbox.height);
              ctx.stroke();
              ctx.setLineDash([]);
              ctx.fillStyle = "#444";
              ctx.font = 12 * devicePixelRatio + "px sans-serif";
              ctx.fillText("break-even " + count.format(breakEven), x + 4 * devicePixelRatio,
                u.bbox.top + 14 * devicePixelRatio);
            }
            if (here.x >= volumes[0]) {
              ctx.setLineDash([]);
              const x = u.valToPos(here.x, "x", true);
              sweep.series.forEach((s, i) => {
                const y = u.valToPos(here.ys[i], "y", true);
                ctx.strokeStyle = MODELS[s.model].colour;
                ctx.lineWidth = 3 * devicePixelRatio;
                ctx.beginPath();
                ctx.arc(x, y, 6 * devicePixelRatio, 0, 2 * Math.PI);
                ctx.stroke();
              });
            }
            ctx.restore();
          },
        ],
      },
    };
    const chartBox = document.getElementById("chart");
    const options = {
      width: Math.max(320, Math.min(900, chartBox.clientWidth || 900)),
      height: 380,
      scales: { x: { time: false, distr: 3 }, y: { distr: 3 } },
      // A log axis ticks 1–9 of each decade; only the powers of ten are labelled.
      axes: [
        { label: "requests per month", values: (u, vals) => vals.map((v) => (decade(v) ? compact.format(v) : "")) },
        { label: "USD per month", size: 70, values: (u, vals) => vals.map((v) => (decade(v) ? "$" + compact.format(v) : "")) },
      ],
      legend: { live: false },
      series: [{ label: "requests/month", value: (u, v) => (v == null ? "" : count.format(v)) }].concat(
        sweep.series.map((s) => ({
          label: MODELS[s.model].label,
          stroke: MODELS[s.model].colour,
          dash: MODELS[s.model].dash,
          width: 2,
          value: (u, v) => (v == null ? "" : usd.format(v)),
        })),
      ),
      plugins: [marks],
    };
    if (page.chart) {
      page.chart.destroy();
    }
    chartBox.replaceChildren();
    page.chart = new uPlot(options, data, chartBox);
    chartBox.dataset.series = String(sweep.series.length);
  }

  async function estimate(event) {
    event.preventDefault();
    const form = event.target;
    clearProblems(form);
    const body = workloadFromForm(form);
    const answer = await post("/estimate", toJson(body));
    if (answer.status !== 200) {
      showProblem(form, answer.body);
      return;
    }
    page.estimate = answer.body;
    showCosts(answer.body);
    const { requestsPerMonth, ...rest } = body;
    const range = sweepRange(body);
    const sweepBody = Object.assign({}, rest, {
      fromRequestsPerMonth: { raw: String(range.from) },
      toRequestsPerMonth: { raw: String(range.to) },
      points: { raw: String(SWEEP_POINTS) },
    });
    const sweep = await post("/estimate/sweep", toJson(sweepBody));
    document.getElementById("results").hidden = false;
    if (sweep.status !== 200) {
      showProblem(form, sweep.body);
      return;
    }
    page.sweep = sweep.body;
    drawChart(sweep.body, answer.body);
  }

  const form = document.getElementById("workload");
  form.addEventListener("submit", (event) => {
    estimate(event).catch((e) => {
      document.getElementById("form-error").textContent = "The request failed: " + e.message;
    });
  });
  showRuntime();
  // The form's sample workload, estimated at once: the first look shows the curves.
  form.requestSubmit();
})();
