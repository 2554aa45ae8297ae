// The review page: items of a question bank, keep / drop / edit / undo, filters, previews.
// All text from the bank is put in the page with textContent (never as HTML); the previews
// are whole documents in sandboxed frames. Every change is sent at once; the server saves
// it and answers with the bank's new version, or 409 when the bank changed meanwhile (on
// disk or from another tab), and the page then reloads instead of overwriting.
"use strict";

const S = {
  version: null, labels: null, limits: {}, counts: {}, items: [], total: 0, current: -1,
  undo: [], queue: Promise.resolve(), pending: 0, saves: 0, editing: null, previewTimer: null,
};
const $ = (sel) => document.querySelector(sel);
const L = (key) => (S.labels && S.labels[key]) || key;

async function api(path, options = {}) {
  const response = await fetch(path, { cache: "no-store", ...options });
  let data = {};
  try { data = await response.json(); } catch (e) { data = { error: response.statusText }; }
  return { status: response.status, data };
}

function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (k === "class") node.className = v;
    else if (k === "text") node.textContent = v;
    else if (k.startsWith("data-")) node.setAttribute(k, v);
    else node[k] = v;
  }
  for (const child of children) if (child != null) node.append(child);
  return node;
}

function status(text, error = false) {
  const node = $("#status");
  node.textContent = text;
  node.classList.toggle("error", error);
}

// ---- state, filters, counts ---------------------------------------------------------

function fillSelect(select, choices) {
  const chosen = select.value;
  select.replaceChildren(el("option", { value: "", text: L("all") }));
  for (const [value, text] of choices) select.append(el("option", { value, text }));
  select.value = choices.some(([v]) => v === chosen) ? chosen : "";
}

function showCounts() {
  const box = $("#counts");
  box.replaceChildren();
  for (const [kind, c] of Object.entries(S.counts)) {
    const limit = S.limits[kind];
    const name = (S.labels.kinds && S.labels.kinds[kind]) || kind;
    const text = `${name}: ${c.kept} ${L("kept")} / ${limit != null ? limit : c.items}`;
    box.append(el("span", { class: limit != null && c.kept > limit ? "over" : "", text,
                            "data-kind": kind }));
  }
}

async function loadState() {
  const { status: code, data } = await api("api/state");
  if (code !== 200) { status(data.error || String(code), true); return false; }
  const first = S.labels === null;
  S.labels = data.labels;
  S.limits = data.limits || {};
  S.pollSeconds = data.poll_seconds;
  S.counts = data.counts;
  if (first) {
    document.documentElement.lang = data.lang || "en";
    document.title = `${data.title} · ${L("review")}`;
    $("#title").textContent = data.title;
    for (const node of document.querySelectorAll("[data-label]")) node.textContent = L(node.dataset.label);
    $("#search").placeholder = L("search");
    $("#keys").textContent = L("keys");
    $("#more").textContent = L("more");
    const kinds = Object.keys(data.counts).map((k) => [k, (S.labels.kinds || {})[k] || k]);
    fillSelect($("#filters [name=kind]"), kinds);
  }
  for (const name of ["template", "event", "article"]) {
    fillSelect($(`#filters [name=${name}]`), data.facets[name]);
  }
  const problem = $("#problem");
  problem.hidden = !data.problem;
  problem.textContent = data.problem || "";
  showCounts();
  S.version = data.version;
  return true;
}

function query(offset) {
  const form = new FormData($("#filters"));
  const params = new URLSearchParams();
  for (const [k, v] of form.entries()) if (v !== "") params.set(k, v);
  params.set("offset", String(offset));
  return params.toString();
}

async function loadItems(reset, keepId = null) {
  const offset = reset ? 0 : S.items.length;
  const { status: code, data } = await api(`api/items?${query(offset)}`);
  if (code !== 200) { status(data.error || String(code), true); return; }
  S.version = data.version;
  S.total = data.total;
  S.items = reset ? data.items : S.items.concat(data.items);
  if (reset) {
    const at = keepId ? S.items.findIndex((i) => i.id === keepId) : -1;
    S.current = at >= 0 ? at : (S.items.length ? 0 : -1);
  }
  renderList();
  if (reset) select(S.current, false);
}

// After a conflict, back on the item whose change was refused, so it can be made again.
async function reloadAll(message, at = null) {
  const keepId = at || (S.items[S.current] ? S.items[S.current].id : null);
  S.undo = [];
  S.editing = null;
  if (await loadState()) await loadItems(true, keepId);
  if (message) status(message);
}

// ---- the list -------------------------------------------------------------------------

function itemCard(item, index) {
  const card = el("article", { class: "item", "data-id": item.id, "data-index": String(index) });
  card.classList.toggle("dropped", !item.keep);
  card.classList.toggle("current", index === S.current);
  const meta = el("div", { class: "meta" },
    el("span", { class: "kind", text: (S.labels.kinds || {})[item.kind] || item.kind }),
    item.confidence === null ? null
      : el("span", { class: "confidence", text: `${L("confidence")} ${item.confidence.toFixed(2)}` }),
    el("span", { text: `${L("score")} ${item.score.toFixed(2)}` }),
    el("span", { text: item.template }),
    ...item.tags.map((t) => el("span", { class: "tag", text: `#${t}` })),
    item.keep ? null : el("span", { class: "badge dropped-badge", text: L("dropped") }),
    item.edited ? el("span", { class: "badge edited-badge", text: L("edited") }) : null);
  card.append(meta);
  if (S.editing === item.id) {
    card.append(editForm(item));
  } else {
    card.append(el("div", { class: "question", text: item.question }));
    if (item.options.length) {
      const list = el("ol", { class: "options" });
      item.options.forEach((o, i) => list.append(
        el("li", { class: i === item.correct ? "correct" : "", text: o })));
      card.append(list);
    }
    card.append(el("div", {}, `${L("answer")}: `, el("span", { class: "answer", text: item.answer })));
    if (item.explanation) card.append(el("div", { class: "explanation", text: item.explanation }));
  }
  const [before, marked, after] = item.context;
  if (before || marked || after) {
    card.append(el("blockquote", { class: "context" }, before,
                   marked ? el("mark", { text: marked }) : null, after));
  }
  if (item.sources.length) {
    const list = el("ul", { class: "sources" });
    for (const s of item.sources) list.append(el("li", { text: s }));
    card.append(list);
  }
  const keep = el("button", { type: "button", class: "keep", text: item.keep ? L("drop") : L("keep") });
  keep.addEventListener("click", () => { select(index); setKeep(index, !item.keep); });
  const edit = el("button", { type: "button", class: "edit", text: L("edit") });
  edit.addEventListener("click", () => { select(index); startEdit(); });
  if (S.editing !== item.id) card.append(el("div", { class: "actions" }, keep, edit));
  card.addEventListener("click", (e) => { if (e.target === card) select(index); });
  return card;
}

function renderList() {
  const box = $("#items");
  box.replaceChildren(...S.items.map(itemCard));
  if (!S.items.length) box.append(el("p", { class: "empty", text: L("no_items") }));
  $("#shown").textContent = L("shown").replace("{shown}", S.items.length).replace("{total}", S.total);
  $("#more").hidden = S.items.length >= S.total;
}

function renderItem(index) {
  const old = document.querySelector(`#items [data-index="${index}"]`);
  if (old) old.replaceWith(itemCard(S.items[index], index));
}

function select(index, scroll = true) {
  if (index < 0 || index >= S.items.length) return;
  const previous = S.current;
  S.current = index;
  for (const i of [previous, index]) {
    const node = document.querySelector(`#items [data-index="${i}"]`);
    if (node) node.classList.toggle("current", i === index);
  }
  const node = document.querySelector(`#items [data-index="${index}"]`);
  if (node && scroll) node.scrollIntoView({ block: "nearest" });
  clearTimeout(S.previewTimer);
  S.previewTimer = setTimeout(preview, 120);
}

function move(step) {
  // Kept in S.moving, so a key pressed while the next page loads waits for it and acts on
  // the item it lands on, not the one before.
  S.moving = (async () => {
    let next = S.current + step;
    if (next >= S.items.length && S.items.length < S.total) await loadItems(false);
    next = Math.max(0, Math.min(next, S.items.length - 1));
    select(next);
  })();
  return S.moving;
}

async function preview() {
  const item = S.items[S.current];
  if (!item) return;
  const { status: code, data } = await api(`api/preview?id=${encodeURIComponent(item.id)}`);
  if (code !== 200 || S.items[S.current] !== item) return;
  $("#card-front").srcdoc = data.card.front;
  $("#card-back").srcdoc = data.card.back;
  $("#worksheet").srcdoc = data.worksheet;
}

// ---- changes ------------------------------------------------------------------------

// Send one change after those already sent; resolves to the server's answer.
function send(id, changes) {
  S.pending += 1;
  status(L("saving"));
  const result = S.queue.then(async () => {
    const body = JSON.stringify({ version: S.version, changes });
    const answer = await api(`api/items/${encodeURIComponent(id)}`, {
      method: "POST", headers: { "Content-Type": "application/json" }, body });
    if (answer.status === 200) {
      S.version = answer.data.version;
      S.counts = answer.data.counts;
      S.saves += 1;
    }
    return answer;
  }).finally(() => { S.pending -= 1; });
  S.queue = result.catch(() => null);
  return result;
}

function replaceItem(fresh) {
  const index = S.items.findIndex((i) => i.id === fresh.id);
  if (index >= 0) { S.items[index] = fresh; renderItem(index); }
  showCounts();
  if (index === S.current) preview();
}

// Apply a change, remember how to undo it; false when it was refused.
async function commit(item, changes, undoable = true) {
  const before = {};
  for (const k of Object.keys(changes)) before[k] = item[k];
  const { status: code, data } = await send(item.id, changes);
  if (code === 200) {
    if (undoable) S.undo.push({ id: item.id, before });
    replaceItem(data.item);
    status(L("saved"));
    return true;
  }
  if (code === 409) { await reloadAll(`${data.error}. ${L("reloaded")}`, item.id); return false; }
  status(data.error || String(code), true);
  return data;
}

async function setKeep(index, keep) {
  const item = S.items[index];
  if (!item || item.keep === keep) { move(1); return; }
  item.keep = keep;  // at once on screen; put back if the save fails
  renderItem(index);
  move(1);
  if ((await commit({ ...item, keep: !keep }, { keep })) !== true) {
    const same = S.items.findIndex((i) => i.id === item.id);
    if (same >= 0 && S.items[same] === item) { item.keep = !keep; renderItem(same); }
  }
}

async function undo() {
  const last = S.undo.pop();
  if (!last) { status(L("nothing_to_undo")); return; }
  const item = S.items.find((i) => i.id === last.id) || { id: last.id };
  const index = S.items.indexOf(item);
  if (await commit(item, last.before, false) === true) {
    if (index >= 0) select(index);
    status(L("undone"));
  }
}

function editForm(item) {
  const form = el("form", { class: "edit" });
  const question = el("textarea", { name: "question", rows: 3, value: item.question });
  const answer = el("input", { name: "answer", value: item.answer });
  form.append(el("label", { text: L("question") }), question,
              el("label", { text: L("answer") }), answer);
  let options = null;
  if (item.kind === "mcq") {
    options = el("textarea", { name: "options", rows: Math.max(3, item.options.length),
                               value: item.options.join("\n") });
    form.append(el("label", { text: L("options") }), options);
  }
  const explanation = el("textarea", { name: "explanation", rows: 2, value: item.explanation });
  form.append(el("label", { text: L("explanation") }), explanation);
  const error = el("div", { class: "error", role: "alert" });
  const save = el("button", { type: "submit", text: L("save") });
  const cancel = el("button", { type: "button", text: L("cancel") });
  cancel.addEventListener("click", stopEdit);
  form.append(error, el("div", { class: "actions" }, save, cancel));
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    const changes = {};
    if (question.value !== item.question) changes.question = question.value;
    if (answer.value !== item.answer) changes.answer = answer.value;
    if (explanation.value !== item.explanation) changes.explanation = explanation.value;
    if (options) {
      const list = options.value.split("\n").map((o) => o.trim()).filter((o) => o);
      if (list.join("\n") !== item.options.join("\n")) changes.options = list;
    }
    if (!Object.keys(changes).length) { stopEdit(); return; }
    const result = await commit(item, changes);
    if (result === true) { S.editing = null; const i = S.items.findIndex((x) => x.id === item.id); renderItem(i); focusList(); }
    else if (result) { error.textContent = result.error; const bad = form.elements[result.field]; if (bad) bad.focus(); }
  });
  form.addEventListener("keydown", (e) => {
    if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) { e.preventDefault(); form.requestSubmit(); }
    else if (e.key === "Escape") { e.preventDefault(); stopEdit(); }
  });
  setTimeout(() => question.focus(), 0);
  return form;
}

function startEdit() {
  const item = S.items[S.current];
  if (!item) return;
  S.editing = item.id;
  renderItem(S.current);
}

function stopEdit() {
  if (S.editing === null) return;
  const index = S.items.findIndex((i) => i.id === S.editing);
  S.editing = null;
  if (index >= 0) renderItem(index);
  focusList();
}

function focusList() {
  if (document.activeElement && document.activeElement !== document.body) document.activeElement.blur();
}

// ---- keys, filters, polling -------------------------------------------------------------

document.addEventListener("keydown", (e) => {
  const typing = e.target.closest && e.target.closest("input, textarea, select");
  if (typing) {
    if (e.key === "Escape" && !e.target.closest("form.edit")) { e.preventDefault(); e.target.blur(); }
    return;
  }
  if (e.altKey || e.metaKey) return;
  if (e.ctrlKey) {
    if (e.key === "z") { e.preventDefault(); undo(); }
    return;
  }
  const actions = {
    j: () => move(1), ArrowDown: () => move(1), k: () => move(-1), ArrowUp: () => move(-1),
    y: () => setKeep(S.current, true), n: () => setKeep(S.current, false),
    e: startEdit, u: undo, "/": () => $("#search").focus(),
  };
  const action = actions[e.key];
  if (action) {
    e.preventDefault();
    S.keys = (S.keys || Promise.resolve()).then(() => S.moving).then(() => { action(); })
      .catch(() => null);
  }
});

let filterTimer = null;
function onFilter() {
  clearTimeout(filterTimer);
  filterTimer = setTimeout(() => loadItems(true), 200);
}

// A change made elsewhere (an editor, a rebuild, another tab) shows up within seconds.
async function poll() {
  if (S.pending || S.editing !== null || S.version === null) return;
  const saves = S.saves;
  const { status: code, data } = await api("api/state");
  if (code !== 200 || S.pending || saves !== S.saves) return;
  if (data.version !== S.version) await reloadAll(L("reloaded"));
  const problem = $("#problem");
  problem.hidden = !data.problem;
  problem.textContent = data.problem || "";
}

async function start() {
  $("#filters").addEventListener("input", onFilter);
  $("#filters").addEventListener("submit", (e) => e.preventDefault());
  $("#more").addEventListener("click", () => loadItems(false));
  if (await loadState()) await loadItems(true);
  document.body.dataset.ready = "1";
  setInterval(poll, 1000 * (S.pollSeconds || 2));
}

start();
