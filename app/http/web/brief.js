// The Briefing view: a cited briefing pack for one document (items by kind, a checked quiz,
// exports) and a topic compared across documents. Every item opens its highlighted clause in
// the document viewer. Text from documents is only ever rendered as text.

import { getJSON } from "./api.js";
import { t } from "./i18n.js";
import { el, metaRows, place, renderError } from "./render.js";

const $ = (id) => document.getElementById(id);
const button = (props, ...children) => el("button", { ...props, attrs: { type: "button", ...props.attrs } }, ...children);
let openDocument = () => {};
let pending = null; // AbortController of the brief or comparison in flight

function field(labelKey, control) {
  return el("label", { cls: "field grow" }, el("span", { cls: "label", i18n: labelKey }), control);
}

function form() {
  const docSelect = el("select", { attrs: { id: "brief-doc" } });
  const topic = el("input", { attrs: { id: "brief-topic", type: "search", value: "" } });
  topic.dataset.i18nPlaceholder = "brief.topic.placeholder";
  topic.placeholder = t("brief.topic.placeholder");
  const briefForm = el("form", { cls: "brief-form", attrs: { id: "brief-form", novalidate: "" } },
    el("div", { cls: "form-row" }, field("brief.doc", docSelect),
      el("button", { cls: "primary", i18n: "brief.build", attrs: { id: "brief-button", type: "submit" } })));
  const topicForm = el("form", { cls: "brief-form", attrs: { id: "compare-form", novalidate: "" } },
    el("div", { cls: "form-row" }, field("brief.topic.label", topic),
      el("label", { cls: "field" }, el("span", { cls: "label", i18n: "brief.compare.expired" }),
        el("input", { attrs: { id: "compare-expired", type: "checkbox" } })),
      el("button", { cls: "primary", i18n: "brief.compare", attrs: { id: "compare-button", type: "submit" } })));
  briefForm.addEventListener("submit", (event) => { event.preventDefault(); loadBrief(docSelect.value); });
  topicForm.addEventListener("submit", (event) => { event.preventDefault(); loadComparison(topic.value, $("compare-expired").checked); });
  return el("div", { cls: "panel brief-controls" }, el("h2", { i18n: "brief.heading" }),
    el("p", { cls: "meta", i18n: "brief.intro" }), briefForm, topicForm);
}

async function fillDocuments() {
  try {
    const { documents } = await getJSON("/api/documents");
    const select = $("brief-doc");
    select.replaceChildren(...documents.map((d) => el("option", { attrs: { value: d.doc_id }, text: d.title || d.doc_id })));
  } catch (err) {
    renderError($("brief-output"), err);
  }
}

// Loading ----------------------------------------------------------------------------------------
async function load(path, render) {
  pending?.abort();
  const controller = new AbortController();
  pending = controller;
  const out = $("brief-output");
  out.setAttribute("aria-busy", "true");
  out.replaceChildren(el("p", { cls: "placeholder", i18n: "brief.busy" }));
  try {
    const body = await getJSON(path, controller.signal);
    if (pending === controller) render(out, body);
  } catch (err) {
    if (err.name !== "AbortError" && pending === controller) renderError(out, err);
  } finally {
    if (pending === controller) out.setAttribute("aria-busy", "false");
  }
}

const loadBrief = (docId) => docId && load(`/api/documents/${encodeURIComponent(docId)}/brief`, renderBrief);
const loadComparison = (topic, expired) => load(
  `/api/brief?topic=${encodeURIComponent(topic)}${expired ? "&expired=true" : ""}`, renderComparison);

// One cited item: its number, the verbatim quote, its section; a click opens the clause.
function item(it) {
  const c = it.citation;
  const open = () => openDocument(c.doc_id, c);
  const node = el("li", { cls: "brief-item", attrs: { "data-n": it.n, "data-start": c.start, "data-end": c.end } },
    button({ cls: "brief-quote", aria: "brief.item.open", vars: { n: it.n }, on: open },
      el("span", { cls: "num", text: `[${it.n}] ` }), el("span", { cls: "quote-text", text: c.quote })),
    c.section ? el("p", { cls: "meta" }, el("span", { i18n: "meta.section" }), c.section) : null);
  return node;
}

function exportLinks(base) {
  const link = (format, key) => el("a", { cls: "secondary", i18n: key,
    attrs: { href: `${base}${base.includes("?") ? "&" : "?"}format=${format}`, download: "" } });
  return el("div", { cls: "brief-actions" }, link("md", "brief.export.md"), link("docx", "brief.export.docx"),
    link("html", "brief.export.html"), button({ cls: "secondary", i18n: "brief.print", on: () => window.print() }));
}

function facts(doc) {
  return el("dl", { cls: "doc-meta" }, ...metaRows({ ...doc, covers: null }));
}

function overview(brief) {
  if (!brief.overview) {
    return el("p", { cls: "notice brief-note", i18n: brief.model ? "brief.overview.dropped" : "brief.extractive" });
  }
  return el("section", { cls: "brief-overview" }, el("h3", { i18n: "brief.overview" }),
    el("p", { text: brief.overview.text }),
    el("ol", { cls: "brief-items" }, ...brief.overview.citations.map((c) => item({ n: c.n, citation: c }))));
}

function quiz(brief) {
  const byN = new Map(brief.sections.flatMap((s) => s.items).map((i) => [i.n, i]));
  const questions = brief.quiz.map((q) => el("li", { cls: "quiz-question" },
    el("p", { cls: "question", text: q.question }), el("p", { cls: "meta hint", text: q.hint }),
    el("p", { cls: "answer" }, el("span", { i18n: "brief.quiz.answer" }), el("strong", { text: q.answer }), " ",
      button({ cls: "cite", text: `[${q.item}]`, aria: "brief.item.open", vars: { n: q.item },
        on: () => openDocument(q.citation.doc_id, byN.get(q.item)?.citation || q.citation) }))));
  return el("section", { cls: "brief-quiz" }, el("h3", { i18n: "brief.quiz" }),
    questions.length ? el("ol", {}, ...questions) : null,
    questions.length < 5 ? el("p", { cls: "meta", i18n: questions.length ? "brief.quiz.few" : "brief.quiz.none",
      vars: { count: questions.length } }) : null);
}

function renderBrief(out, brief) {
  const doc = brief.document;
  const sections = brief.sections.map((s) => el("section", { cls: "brief-section", attrs: { "data-kind": s.kind } },
    el("h3", { i18n: `brief.kind.${s.kind}` }),
    s.items.length ? el("ol", { cls: "brief-items" }, ...s.items.map(item)) : el("p", { cls: "meta empty", i18n: "brief.empty" })));
  out.replaceChildren(el("article", { cls: "panel brief", attrs: { "data-doc-id": doc.doc_id } },
    el("h2", { text: doc.title || doc.doc_id }), facts(doc),
    exportLinks(`/api/documents/${encodeURIComponent(doc.doc_id)}/brief`), overview(brief), ...sections, quiz(brief)));
}

function renderComparison(out, comparison) {
  const rows = comparison.rows.map((row) => el("tr", { attrs: { "data-doc-id": row.doc_id } },
    el("td", { cls: "col-city" }, place(row) || ""), el("td", { cls: "col-title", text: row.title }),
    el("td", {}, el("ol", { cls: "brief-items" }, ...row.items.map(item)))));
  const head = el("tr", {}, ...["city", "doc", "items"].map((c) => el("th", { i18n: `brief.col.${c}`, attrs: { scope: "col" } })));
  out.replaceChildren(el("article", { cls: "panel brief comparison" },
    el("h2", { i18n: "brief.compare.heading", vars: { topic: comparison.topic } }),
    exportLinks(`/api/brief?topic=${encodeURIComponent(comparison.topic)}`),
    rows.length ? el("table", { cls: "doc-table compare-table" }, el("thead", {}, head), el("tbody", {}, ...rows))
      : el("p", { cls: "meta", i18n: "brief.compare.none" }),
    comparison.without.length ? el("p", { cls: "meta" }, el("span", { i18n: "brief.compare.without" }),
      comparison.without.join(", ")) : null,
    comparison.not_in_force?.length ? el("p", { cls: "meta not-in-force" }, el("span", { i18n: "brief.compare.not_in_force" }),
      comparison.not_in_force.join(", ")) : null));
}

// Called once by app.js with the viewer's opener.
export function initBrief({ onOpen }) {
  openDocument = onOpen;
  $("view-brief").replaceChildren(form(), el("div", { cls: "brief-output", attrs: { id: "brief-output", "aria-live": "polite", "aria-busy": "false" } },
    el("p", { cls: "placeholder", i18n: "brief.empty.view" })));
  fillDocuments();
}
