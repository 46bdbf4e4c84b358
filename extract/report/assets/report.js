/* Review page: a paged, searchable, filterable list of studies and one study's evidence.
   Everything runs locally; data/*.js files call window.REPORT.index / window.REPORT.chunk. */
"use strict";
(function () {
  const PAGE = 50;
  const FACETS = [
    ["design", "Design"], ["condition", "Condition"], ["cells", "Cell type"], ["country", "Country"],
    ["reports_bucket", "Reports"], ["has_conflicts", "Conflicts"],
  ];
  const LANG = { zh: "zh-Hans", "zh-Hant": "zh-Hant", en: "en" };
  const FIELD_NAMES = {
    n_total: "Total enrolled", n_arms: "Arm size", n_studies: "Studies included",
    hba1c_before: "HbA1c before", hba1c_after: "HbA1c after", hba1c_change: "HbA1c change",
    dose: "Dose", infusions: "Infusions", interval_days: "Interval (days)", follow_up_days: "Follow-up (days)",
    registry_ids: "Registry id", cell_types: "Cell type", pub_date: "Publication date",
  };
  let rows = [], meta = {}, col = {};
  const chunks = {}, waiting = {};
  const state = { q: "", terms: [], facets: {}, sort: "label:1", page: 0, selected: null };
  const setQuery = (q) => { state.q = q.trim().toLowerCase(); state.terms = state.q.split(/\s+/).filter(Boolean); };
  const $ = (id) => document.getElementById(id);

  function el(tag, attrs, ...kids) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k === "text") e.textContent = v;
      else if (k === "cls") e.className = v;
      else if (k.startsWith("on")) e.addEventListener(k.slice(2), v);
      else e.setAttribute(k, v === true ? "" : v);
    }
    for (const k of kids.flat()) if (k !== null && k !== undefined) e.append(k instanceof Node ? k : String(k));
    return e;
  }
  const get = (r, name) => (name === "has_conflicts" ? [r[col.n_conflicts] > 0 ? "yes" : "no"] : r[col[name]]);
  const asList = (v) => (Array.isArray(v) ? v : [v]);

  window.REPORT = {
    index(data) {
      meta = data.meta; rows = data.rows;
      meta.columns.forEach((c, i) => (col[c] = i));
      const c = meta.counts;
      const m = meta.manifest || {};
      const ran = m.finished || m.finished_at || m.started || "";
      $("summary").textContent = `${c.studies} studies · ${c.records} records · ${c.documents} documents` +
        (c.failed ? ` (${c.failed} failed)` : "") + (meta.threshold != null ? ` · link threshold ${meta.threshold}` : "") +
        ` · ${meta.root}` + (m.version || m.package_version ? ` · extract ${m.version || m.package_version}` : "") +
        (ran ? ` · run ${String(ran).slice(0, 19)}` : "");
      readHash(); buildFacets(); render(); openFromHash();
    },
    chunk(data) {
      chunks[data.n] = new Map(data.studies.map((s) => [s.id, s]));
      (waiting[data.n] || []).forEach((f) => f()); delete waiting[data.n];
    },
  };

  // ------------------------------------------------------------ list
  function matches(r, skip) {
    // every word of the search must occur (in any order)
    if (state.terms.length && !state.terms.every((t) => r[col.search].includes(t))) return false;
    for (const [name, sel] of Object.entries(state.facets)) {
      if (name === skip || !sel.size) continue;
      if (!asList(get(r, name)).some((v) => sel.has(String(v)))) return false;
    }
    return true;
  }
  function filtered() {
    const [key, dir] = state.sort.split(":"); const d = Number(dir), i = col[key];
    const out = rows.filter((r) => matches(r));
    out.sort((a, b) => {
      const x = a[i], y = b[i];
      const c = typeof x === "number" ? x - y : String(x).localeCompare(String(y));
      return c * d || a[col.id].localeCompare(b[col.id]);
    });
    return out;
  }
  function buildFacets() {
    const box = $("facets"); box.textContent = "";
    for (const [name, title] of FACETS) {
      const counts = new Map();
      for (const r of rows) if (matches(r, name)) for (const v of asList(get(r, name))) counts.set(String(v), (counts.get(String(v)) || 0) + 1);
      const sel = state.facets[name] || new Set();
      const opts = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
      for (const v of sel) if (!counts.has(v)) opts.push([v, 0]);
      const d = el("details", { cls: "facet", "data-facet": name, open: sel.size > 0 },
        el("summary", { text: title + (sel.size ? ` (${sel.size})` : "") }),
        el("div", { cls: "opts" }, opts.map(([v, n]) => el("label", {},
          el("input", { type: "checkbox", value: v, checked: sel.has(v), onchange: (ev) => toggle(name, v, ev.target.checked) }),
          ` ${v.replace(/_/g, " ")} `, el("span", { cls: "muted", text: `(${n})` })))));
      box.append(d);
    }
  }
  function toggle(name, v, on) {
    const s = state.facets[name] || (state.facets[name] = new Set());
    on ? s.add(v) : s.delete(v);
    state.page = 0; writeHash(); buildFacets(); render();
  }
  function render() {
    const list = filtered();
    const pages = Math.max(1, Math.ceil(list.length / PAGE));
    state.page = Math.min(state.page, pages - 1);
    const body = $("rows"); body.textContent = "";
    for (const r of list.slice(state.page * PAGE, (state.page + 1) * PAGE)) {
      const id = r[col.id];
      const tr = el("tr", { cls: "study-row" + (id === state.selected ? " selected" : ""), tabindex: "0", "data-id": id,
                            onclick: () => select(id), onkeydown: (e) => { if (e.key === "Enter") select(id); } },
        el("td", {}, el("span", { cls: "label", text: r[col.label] }), el("span", { cls: "sid", text: id })),
        el("td", { text: r[col.design].join(", ").replace(/_/g, " ") }), el("td", { text: r[col.condition].join(", ") }),
        el("td", { text: r[col.cells].join(", ") }), el("td", { text: r[col.n_reports] }),
        el("td", {}, r[col.n_conflicts] ? el("span", { cls: "badge bad", text: r[col.n_conflicts] }) : ""),
        el("td", { text: r[col.pub_date] }));
      body.append(tr);
    }
    $("count").textContent = `${list.length} of ${rows.length} studies`;
    $("page").textContent = `page ${state.page + 1} of ${pages}`;
    $("prev").disabled = state.page === 0; $("next").disabled = state.page >= pages - 1;
  }

  // ------------------------------------------------------------ one study
  function load(n, then) {
    if (chunks[n]) return then();
    (waiting[n] || (waiting[n] = [])).push(then);
    if (waiting[n].length > 1) return;
    const s = document.createElement("script");
    s.src = `data/chunk-${String(n).padStart(4, "0")}.js`;
    s.onerror = () => { $("detail").textContent = `Could not load ${s.src}.`; };
    document.body.append(s);
  }
  function select(id) { state.selected = id; writeHash(); render(); show(id); }
  function show(id) {
    const r = rows.find((x) => x[col.id] === id);
    if (!r) { $("detail").textContent = `No study ${id} in this report.`; return; }
    load(r[col.chunk], () => renderStudy(chunks[r[col.chunk]].get(id)));
  }
  function docName(s, docId) {
    const d = s.documents[docId] || {};
    return d.title ? `${d.title} (${docId})` : docId;
  }
  function context(s, src) {
    const w = src.where;
    if (!w) return el("div", { cls: "ctx" }, el("mark", { cls: "quote", text: src.quote }));
    const p = s.paras[w.p], t = p.text, lang = LANG[(s.documents[p.doc] || {}).lang] || null;
    const [q0, q1] = w.q, [s0, s1] = w.s;
    return el("p", { cls: "ctx", lang },
      p.cut_start ? "…" : "", t.slice(0, s0),
      el("span", { cls: "sent" }, t.slice(s0, q0), el("mark", { cls: "quote", title: src.pattern || "", text: t.slice(q0, q1) }), t.slice(q1, s1)),
      t.slice(s1), p.cut_end ? "…" : "");
  }
  function source(s, src) {
    return el("div", { cls: "source" },
      el("div", { cls: "from" }, docName(s, src.doc), " · record ", el("code", { text: src.rec }),
        ` · chars ${src.start}–${src.end}`),
      context(s, src));
  }
  // ------------------------------------------------------------ curator decisions (extract decide)
  const sh = (x) => (/^[\w.\/:@%+=,-]+$/.test(x) ? x : "'" + String(x).replace(/'/g, "'\\''") + "'");
  function decide(...args) {
    return `extract decide ${sh(meta.root)} ${args.map(sh).join(" ")} --who YOU --why '...'`;
  }
  function commands(title, lines) {
    return el("details", { cls: "decide" }, el("summary", { text: title }),
      el("pre", {}, lines.join("\n")));
  }
  function renderStudy(s) {
    const box = $("detail"); box.textContent = "";
    const warnings = s.records.flatMap((r) => r.warnings.map((w) => [r, w]));
    box.append(
      el("h2", { text: s.label }),
      el("div", { cls: "muted" }, "study ", el("code", { text: s.id }),
        s.previous_ids.length ? ` · previously ${s.previous_ids.join(", ")}` : "",
        ` · ${s.records.length} report(s) in ${Object.keys(s.documents).length} article(s)`),
      el("h3", { text: "Articles and records" }),
      el("table", {}, el("thead", {}, el("tr", {}, el("th", { text: "record" }), el("th", { text: "article" }), el("th", { text: "lang" }), el("th", { text: "warnings" }))),
        el("tbody", {}, s.records.map((r) => el("tr", {}, el("td", {}, el("code", { text: r.id })),
          el("td", { text: docName(s, r.doc) }), el("td", { text: r.lang || "" }),
          el("td", {}, r.warnings.length ? el("span", { cls: "badge warn", text: r.warnings.length }) : ""))))));
    if (s.conflicts.length) {
      box.append(el("h3", { text: `Conflicts (${s.conflicts.length})` }));
      for (const c of s.conflicts) {
        box.append(el("div", { cls: "muted", text: FIELD_NAMES[c.field] || c.field }),
          el("div", { cls: "conflict" }, c.values.map((v) => el("div", { cls: "side" },
            el("div", { cls: "v" }, el("strong", { text: v.value })),
            el("div", { cls: "muted" }, "records ", v.records.join(", ")),
            v.sources.map((src) => source(s, src))))));
      }
    }
    box.append(el("h3", { text: `Values (${s.values.length})` }));
    let last = null;
    for (const v of s.values) {
      if (v.field !== last) { box.append(el("h4", { text: FIELD_NAMES[v.field] || v.field.replace(/_/g, " ") })); last = v.field; }
      const recs = new Set(v.sources.map((x) => x.rec));
      box.append(el("div", { cls: "value", "data-field": v.field },
        el("span", { cls: "v", text: v.value + (v.unit && v.unit !== "participants" ? " " + v.unit : "") }),
        v.label ? el("span", { cls: "muted", text: ` (${v.label})` }) : "",
        " ", el("span", { cls: "badge", text: `${recs.size} record${recs.size > 1 ? "s" : ""}` }),
        v.sources.map((src) => source(s, src)),
        (meta.decide_fields || []).includes(v.field) ? commands("decide about this value",
          [...recs].flatMap((r) => [decide("reject-value", r, "--field", v.field, "--value", v.value),
                                    decide("correct-value", r, "--field", v.field, "--value", v.value, "--new-value", "NEW")])) : ""));
    }
    if (warnings.length) {
      box.append(el("h3", { text: `Warnings (${warnings.length})` }),
        el("ul", { cls: "warnings" }, warnings.map(([r, w]) => el("li", {}, el("code", { text: r.id }), " ", w))));
    }
    if (s.decisions.length) {
      box.append(el("h3", { text: `Curator decisions (${s.decisions.length})` }),
        el("ul", {}, s.decisions.map((d) => el("li", {}, el("strong", { text: d.action }), " ",
          [d.a, d.b, d.record].filter(Boolean).join(" ↔ "), d.field ? ` · ${d.field}: ${d.value}` : "",
          d.new_value != null ? ` → ${d.new_value}` : "",
          el("span", { cls: "muted", text: ` — ${d.who || "?"}${d.when ? ", " + d.when : ""}${d.why ? ": " + d.why : ""}` })))));
    }
    box.append(el("h3", { text: `Links (${s.links.length})` }));
    if (!s.links.length) box.append(el("p", { cls: "muted", text: s.records.length > 1 ? "" : "A single report: nothing to link." }));
    for (const l of s.links) {
      const thr = l.threshold != null ? l.threshold : meta.threshold;
      box.append(el("div", { cls: "source" },
        el("div", {}, el("code", { text: l.a }), " ↔ ", el("code", { text: l.b }),
          ` · score ${l.score} (threshold ${thr}) · level ${l.level}`,
          l.linked === false ? el("span", { cls: "badge bad", text: "not linked" }) : "",
          l.decision ? el("span", { cls: "badge warn", text: l.decision }) : ""),
        el("ul", { cls: "signals" }, (l.signals || []).map((g) => el("li", {},
          `${g.name} ${g.score > 0 ? "+" : ""}${g.score}`, g.detail ? el("span", { cls: "muted", text: ` — ${g.detail}` }) : ""))),
        commands("decide about this pair", [decide("cannot-link", l.a, l.b), decide("must-link", l.a, l.b)])));
    }
    if (s.records.length > 1 && !s.links.length) box.append(commands("decide about these records",
      s.records.slice(1).map((r) => decide("cannot-link", s.records[0].id, r.id))));
    box.scrollTop = 0;
  }

  // ------------------------------------------------------------ state in the URL hash
  function writeHash() {
    const p = new URLSearchParams();
    if (state.q) p.set("q", state.q);
    for (const [k, s] of Object.entries(state.facets)) if (s.size) p.set("f." + k, [...s].join("|"));
    if (state.sort !== "label:1") p.set("sort", state.sort);
    if (state.selected) p.set("study", state.selected);
    history.replaceState(null, "", "#" + p.toString());
  }
  function readHash() {
    const p = new URLSearchParams(location.hash.slice(1));
    setQuery(p.get("q") || ""); $("search").value = p.get("q") || "";
    state.sort = p.get("sort") || "label:1"; $("sort").value = state.sort;
    state.facets = {};
    for (const [k, v] of p) if (k.startsWith("f.")) state.facets[k.slice(2)] = new Set(v.split("|"));
    state.selected = p.get("study");
  }
  function openFromHash() { if (state.selected) show(state.selected); }

  let timer = null;
  document.addEventListener("DOMContentLoaded", () => {
    $("search").addEventListener("input", (e) => {
      clearTimeout(timer);
      timer = setTimeout(() => { setQuery(e.target.value); state.page = 0; writeHash(); buildFacets(); render(); }, 120);
    });
    $("sort").addEventListener("change", (e) => { state.sort = e.target.value; writeHash(); render(); });
    $("clear").addEventListener("click", () => { state.facets = {}; setQuery(""); $("search").value = ""; state.page = 0; writeHash(); buildFacets(); render(); });
    $("prev").addEventListener("click", () => { state.page--; render(); });
    $("next").addEventListener("click", () => { state.page++; render(); });
  });
})();
