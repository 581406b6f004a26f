// The page: ask (streamed when a model is configured), read cited clauses, browse and search.

import { feedbackBar, initAccount } from "./account.js";
import { askStream, getJSON, postJSON } from "./api.js";
import { initBrief } from "./brief.js";
import { apply, lang, setLang, t, term } from "./i18n.js";
import {
  documentDate, el, metaRows, passageCard, place, renderAnswer, renderDocumentText, renderError,
  streamingView,
} from "./render.js";
import { beginTurn, conversationFor, initThread, listConversations, showResolved } from "./thread.js";
import { renderDiff, renderHistory, statusBadge, versionText } from "./validity.js";

const $ = (id) => document.getElementById(id);
const state = {
  docs: new Map(), // doc_id -> DocumentInfo
  texts: new Map(), // doc_id -> DocumentDetail (fetched on first open)
  stream: false, // a model is configured and /api/ask/stream exists
  asking: null, // AbortController of the question in flight
  searching: null,
  viewerSeq: 0,
  opener: null, // the element focused before the viewer opened
};

// Header: how many documents, which mode ------------------------------------------------------
async function loadHealth() {
  try {
    const health = await getJSON("/healthz");
    state.stream = health.default_mode === "generate" && Boolean(health.llm);
    const mode = health.default_mode === "generate" ? "status.mode.generate" : "status.mode.extractive";
    $("status").replaceChildren(el("span", { i18n: "status.ready", vars: { documents: health.documents } }),
      el("span", { cls: "sep", text: " · " }), el("span", { i18n: mode }));
  } catch {
    $("status").replaceChildren(el("span", { cls: "offline", i18n: "status.offline" }));
  }
}

// Filters and the documents table --------------------------------------------------------------
function placesOf(docs) {
  const found = new Map(); // value -> [city, district]
  for (const d of docs) {
    if (d.city) found.set(d.city, [d.city, null]);
    if (d.district) found.set(d.district, [d.city, d.district]);
  }
  return [...found.entries()].sort(([, a], [, b]) => `${a[0]}${a[1] || ""}`.localeCompare(`${b[0]}${b[1] || ""}`));
}

function fillSelect(select, options) {
  const keep = select.value;
  select.replaceChildren(select.options[0], ...options);
  select.value = [...select.options].some((o) => o.value === keep) ? keep : "";
}

function fillFilters() {
  const docs = [...state.docs.values()];
  const cityOptions = () => placesOf(docs).map(([value, [city, district]]) => el("option", {
    attrs: { value }, text: district ? `${term(city)} · ${term(district)}` : term(city) }));
  fillSelect($("city-filter"), cityOptions());
  fillSelect($("search-city"), cityOptions());
  const city = $("city-filter").value;
  const matching = docs.filter((d) => !city || d.city === city || d.district === city);
  fillSelect($("doc-filter"), matching.map((d) => el("option", { attrs: { value: d.doc_id }, text: d.title || d.doc_id })));
}

function renderDocumentList() {
  const docs = [...state.docs.values()];
  if (!docs.length) {
    $("doc-list").replaceChildren(el("p", { cls: "meta", i18n: "docs.none" }));
    return;
  }
  const head = el("tr", {}, ...["title", "city", "issuer", "date", "kind"].map(
    (col) => el("th", { i18n: `docs.col.${col}`, attrs: { scope: "col" } })), el("th", {}));
  const rows = docs.map((d) => el("tr", { attrs: { "data-doc-id": d.doc_id } },
    el("td", { cls: "col-title" }, el("button", { cls: "title-link", text: d.title || d.doc_id,
      attrs: { type: "button" }, on: () => openDocument(d.doc_id) }), " ",
      statusBadge(d.validity?.status, d.validity?.note)),
    el("td", { cls: "col-city" }, place(d) || ""),
    el("td", { cls: "col-issuer", text: d.issuer || "" }),
    el("td", { cls: "col-date", text: documentDate(d) }),
    el("td", { cls: "col-kind" }, d.kind ? el("span", { cls: "kind", term: d.kind }) : ""),
    el("td", { cls: "col-read" }, el("button", { cls: "secondary", i18n: "docs.read",
      attrs: { type: "button" }, on: () => openDocument(d.doc_id) }))));
  $("doc-list").replaceChildren(el("table", { cls: "doc-table" }, el("thead", {}, head), el("tbody", {}, ...rows)));
}

async function loadDocuments() {
  try {
    const { documents } = await getJSON("/api/documents");
    documents.sort((a, b) => (a.city || "").localeCompare(b.city || "") || documentDate(b).localeCompare(documentDate(a)));
    state.docs = new Map(documents.map((d) => [d.doc_id, d]));
    fillFilters();
    renderDocumentList();
  } catch (err) {
    renderError($("doc-list"), err);
  }
}

// Asking -----------------------------------------------------------------------------------------
function filtersFrom(citySelect, docSelect) {
  const filters = {};
  if (citySelect.value) filters.city = citySelect.value;
  if (docSelect && docSelect.value) filters.doc_id = docSelect.value;
  return Object.keys(filters).length ? filters : undefined;
}

function setBusy(busy) {
  const button = $("ask-button");
  button.disabled = busy;
  button.dataset.i18n = busy ? "ask.busy" : "ask.submit";
  button.textContent = t(button.dataset.i18n);
  $("answer").setAttribute("aria-busy", String(busy));
}

const answerHandlers = {
  onCite: (citation) => openDocument(citation.doc_id, citation),
  onPassage: (passage) => openDocument(passage.doc_id, passage),
};

async function ask(event) {
  event.preventDefault();
  state.asking?.abort();
  const controller = new AbortController();
  state.asking = controller;
  const body = { question: $("question").value, filters: filtersFrom($("city-filter"), $("doc-filter")),
    as_of: $("as-of").value || undefined };
  const root = $("answer");
  setBusy(true);
  try {
    body.conversation_id = await conversationFor(body.question);
    beginTurn(body.question);
    let answer = null;
    let thinking = "";
    let view = null;
    if (state.stream) {
      view = streamingView(root, state.docs, answerHandlers);
      answer = await askStream(body, {
        onToken: view.token,
        onReasoning: (text) => { thinking += text; view.reasoning(text); },
        onQuoted: view.quoted,
      }, controller.signal);
      if (answer === null) state.stream = false; // no stream endpoint: ask the plain way from now on
    }
    if (!answer) answer = await postJSON("/api/ask", body, controller.signal);
    if (!answer.reasoning && thinking) answer.reasoning = thinking;
    if (state.asking !== controller) return;
    // The verbatim answer was shown at once: the model's checked answer goes beneath it.
    if (view && view.hasQuoted()) view.finish(answer);
    else renderAnswer(root, answer, state.docs, answerHandlers);
    showResolved(root, answer);
    if (answer.answer_id) root.append(feedbackBar(answer.answer_id));
    $("question").value = "";
    listConversations();
  } catch (err) {
    if (err.name !== "AbortError" && state.asking === controller) renderError(root, err);
  } finally {
    if (state.asking === controller) setBusy(false);
  }
}

// Searching the corpus -----------------------------------------------------------------------------
async function search(event) {
  event.preventDefault();
  state.searching?.abort();
  const controller = new AbortController();
  state.searching = controller;
  const root = $("search-results");
  const body = { query: $("search-query").value, top_k: 10, filters: filtersFrom($("search-city")) };
  $("search-button").disabled = true;
  try {
    const result = await postJSON("/api/search", body, controller.signal);
    const passages = result.passages || [];
    root.replaceChildren(passages.length
      ? el("p", { cls: "meta result-count", i18n: "search.count", vars: { count: passages.length } })
      : el("p", { cls: "meta result-count", i18n: "search.none" }),
    el("ol", { cls: "cards" }, ...passages.map((p) => passageCard(p, answerHandlers.onPassage))));
  } catch (err) {
    if (err.name !== "AbortError") renderError(root, err);
  } finally {
    if (state.searching === controller) $("search-button").disabled = false;
  }
}

// The document viewer ------------------------------------------------------------------------------
function scrollToHighlight() {
  const mark = $("highlight");
  if (!mark) return;
  mark.scrollIntoView({ block: "center" });
  mark.focus({ preventScroll: true });
}

async function openDocument(docId, span = null) {
  const seq = ++state.viewerSeq;
  if ($("viewer").hidden) state.opener = document.activeElement;
  $("viewer").hidden = false;
  $("viewer-backdrop").hidden = false;
  document.body.classList.add("viewer-open");
  const info = state.docs.get(docId);
  $("viewer-title").textContent = info?.title || docId;
  $("viewer-meta").replaceChildren();
  $("viewer-note").hidden = true;
  $("viewer-text").replaceChildren(el("p", { cls: "meta", i18n: "viewer.loading" }));
  try {
    let doc = state.texts.get(docId);
    if (!doc) {
      doc = await getJSON(`/api/documents/${encodeURIComponent(docId)}`);
      state.texts.set(docId, doc);
    }
    if (seq !== state.viewerSeq) return;
    $("viewer-title").textContent = doc.title || doc.doc_id;
    $("viewer-meta").replaceChildren(...metaRows(doc));
    showHistory(docId);
    // A citation of an earlier version opens the text it quoted, at its own offsets.
    const old = span?.version && doc.version && span.version !== doc.version
      ? await versionText(docId, span.version) : null;
    if (seq !== state.viewerSeq) return;
    $("viewer-version").hidden = !old;
    if (old) $("viewer-version").replaceChildren(el("span", { i18n: "versions.showing", vars: { version: old.version } }));
    const mark = renderDocumentText($("viewer-text"), old ? old.text : doc.text, span);
    $("viewer-note").hidden = !mark;
    if (mark) {
      requestAnimationFrame(scrollToHighlight);
    } else {
      $("viewer-body").scrollTop = 0;
      $("viewer-close").focus();
    }
  } catch (err) {
    if (seq === state.viewerSeq) renderError($("viewer-text"), err);
  }
}

function showHistory(docId) {
  renderHistory($("viewer-versions"), docId, {
    onOpen: async (version) => {
      const old = await versionText(docId, version);
      $("viewer-version").hidden = false;
      $("viewer-version").replaceChildren(el("span", { i18n: "versions.showing", vars: { version } }));
      renderDocumentText($("viewer-text"), old.text, null);
    },
    onDiff: async (version) => {
      const first = await renderDiff($("viewer-text"), docId, version);
      first?.scrollIntoView({ block: "center" });
    },
  }).catch((err) => renderError($("viewer-versions"), err));
}

function closeViewer() {
  state.viewerSeq += 1;
  $("viewer").hidden = true;
  $("viewer-backdrop").hidden = true;
  document.body.classList.remove("viewer-open");
  if (state.opener && document.contains(state.opener)) state.opener.focus();
}

// Tabs and language ------------------------------------------------------------------------------
function showView(name) {
  for (const tab of document.querySelectorAll("[role=tab]")) {
    const selected = tab.dataset.view === name;
    tab.setAttribute("aria-selected", String(selected));
    tab.tabIndex = selected ? 0 : -1;
    $(`view-${tab.dataset.view}`).hidden = !selected;
  }
}

function wire() {
  $("ask-form").addEventListener("submit", ask);
  $("question").addEventListener("keydown", (event) => {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) $("ask-form").requestSubmit();
  });
  $("city-filter").addEventListener("change", fillFilters);
  $("search-form").addEventListener("submit", search);
  $("viewer-close").addEventListener("click", closeViewer);
  $("viewer-backdrop").addEventListener("click", closeViewer);
  $("viewer-jump").addEventListener("click", scrollToHighlight);
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && !$("viewer").hidden) closeViewer();
  });
  const tabs = [...document.querySelectorAll("[role=tab]")];
  for (const tab of tabs) {
    tab.addEventListener("click", () => showView(tab.dataset.view));
    tab.addEventListener("keydown", (event) => {
      if (event.key !== "ArrowLeft" && event.key !== "ArrowRight") return;
      const next = tabs[(tabs.indexOf(tab) + (event.key === "ArrowRight" ? 1 : tabs.length - 1)) % tabs.length];
      showView(next.dataset.view);
      next.focus();
    });
  }
  $("lang-toggle").addEventListener("click", () => {
    setLang(lang() === "zh" ? "en" : "zh");
    fillFilters(); // option labels are plain text
  });
}

wire();
initBrief({ onOpen: openDocument });
apply();
initAccount(showView).then(() => Promise.all([loadHealth(), loadDocuments(),
  initThread({ docs: () => state.docs, handlers: answerHandlers })])).finally(() => {
  document.body.dataset.ready = "true";
});
