// Building the page's content. Text from documents and answers only ever enters the DOM as
// text (textContent, text nodes, attributes): never as HTML.

import { t, term } from "./i18n.js";
import { statusBadge, validityValue } from "./validity.js";

// el("p", {cls, text, i18n, vars, term, attrs, on}, ...children); children are nodes or text.
export function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  if (props.cls) node.className = props.cls;
  if (props.i18n) {
    node.dataset.i18n = props.i18n;
    if (props.vars) node.dataset.i18nVars = JSON.stringify(props.vars);
    node.textContent = t(props.i18n, props.vars);
  }
  if (props.aria) {
    node.dataset.i18nAria = props.aria;
    if (props.vars) node.dataset.i18nVars = JSON.stringify(props.vars);
    node.setAttribute("aria-label", t(props.aria, props.vars));
  }
  if (props.term !== undefined) {
    node.dataset.i18nTerm = props.term;
    node.textContent = term(props.term);
  }
  if (props.text !== undefined) node.textContent = String(props.text);
  for (const [name, value] of Object.entries(props.attrs || {})) node.setAttribute(name, value);
  if (props.on) node.addEventListener("click", props.on);
  for (const child of children) if (child !== null && child !== undefined && child !== false) node.append(child);
  return node;
}

const button = (props, ...children) => el("button", { ...props, attrs: { type: "button", ...props.attrs } }, ...children);

// "Zhanjiang · Issuer · Section: … · page 3", each part translatable.
function metaLine(parts) {
  const line = el("p", { cls: "meta" });
  parts.filter(Boolean).forEach((part, i) => {
    if (i) line.append(el("span", { cls: "sep", text: " · ", attrs: { "aria-hidden": "true" } }));
    line.append(part);
  });
  return line;
}

export function place(info) {
  const span = el("span", { cls: "place" }, el("span", { term: info.city || "" }));
  if (info.district) span.append(" · ", el("span", { term: info.district }));
  return info.city || info.district ? span : null;
}

const sectionPart = (section) => (section ? el("span", {}, el("span", { i18n: "meta.section" }), section) : null);
const pagePart = (page) => (page ? el("span", { i18n: "meta.page", vars: { page } }) : null);

export function documentDate(info) {
  return info.published || (info.year ? String(info.year) : "");
}

// The answer text, with each [n] that names a citation turned into a button.
function answerText(text, citations, onCite) {
  const byN = new Map(citations.map((c) => [c.n, c]));
  const paragraph = el("p", { cls: "answer-text" });
  let last = 0;
  for (const match of text.matchAll(/\[(\d+)\]/g)) {
    const citation = byN.get(Number(match[1]));
    if (!citation) continue;
    paragraph.append(text.slice(last, match.index));
    paragraph.append(button({ cls: "cite", text: match[0], aria: "answer.cite.aria", vars: { n: citation.n },
      on: () => onCite(citation) }));
    last = match.index + match[0].length;
  }
  paragraph.append(text.slice(last));
  return paragraph;
}

// A question of several parts: each part as asked, then its answer (or that the documents do not
// say). A question across documents: each place, then its documents' cited clauses. Otherwise
// the answer text.
function answerBody(answer, onCite) {
  const citations = answer.refused ? [] : answer.citations || [];
  if (answer.parts && answer.parts.length > 1) {
    return el("ol", { cls: "answer-parts" }, ...answer.parts.map((part) =>
      el("li", { cls: part.refused ? "part refused" : "part" },
        el("p", { cls: "part-question", text: part.question }),
        answerText(part.answer, citations, onCite))));
  }
  if (answer.groups && answer.groups.length && !answer.refused) {
    const byN = new Map(citations.map((c) => [c.n, c]));
    const said = (group) => group.citations.filter((n) => byN.has(n))
      .map((n) => `${byN.get(n).quote} [${n}]`).join(" ");
    return el("dl", { cls: "answer-groups" }, ...answer.groups.map((group) =>
      el("div", { cls: "group" },
        el("dt", {}, place({ city: group.city, district: group.district }) || group.place),
        el("dd", {}, answerText(said(group), citations, onCite)))));
  }
  return answerText(answer.answer || "", citations, onCite);
}

function badge(answer) {
  if (answer.refused) return el("span", { cls: "badge badge-refused", i18n: "answer.refused" });
  if (answer.mode === "generate" && !answer.fallback) {
    return el("span", { cls: "badge badge-generate", i18n: "answer.generate" });
  }
  return el("span", { cls: "badge badge-extractive", i18n: "answer.extractive" });
}

function reasoningBlock(text) {
  const pre = el("div", { cls: "reasoning-text", text });
  return el("details", { cls: "reasoning" }, el("summary", { i18n: "answer.reasoning" }), pre);
}

export function sourceCard(citation, info, onCite) {
  return el("li", { cls: "card source", attrs: { id: `source-${citation.n}` } },
    button({ cls: "card-title", on: () => onCite(citation) },
      el("span", { cls: "num", text: `[${citation.n}]` }), " ", el("span", { text: citation.title }),
      " ", statusBadge(citation.status, citation.status_note)),
    metaLine([place({ city: citation.city, district: info?.district }), info?.issuer && el("span", { text: info.issuer }),
      sectionPart(citation.section), pagePart(citation.page)]),
    el("blockquote", { cls: "quote", text: citation.quote }),
    button({ cls: "link", i18n: "source.open", on: () => onCite(citation) }));
}

export function passageCard(passage, onOpen) {
  const snippet = passage.text.length > 480 ? `${passage.text.slice(0, 480).trimEnd()}…` : passage.text;
  const card = el("li", { cls: "card passage" },
    button({ cls: "card-title", text: passage.title, on: () => onOpen(passage) }),
    metaLine([place(passage), passage.issuer && el("span", { text: passage.issuer }), sectionPart(passage.section),
      pagePart(passage.page), el("span", { i18n: "meta.score", vars: { score: passage.score.toFixed(2) } })]),
    el("p", { cls: "snippet", text: snippet }));
  card.addEventListener("click", (event) => {
    if (!event.target.closest("button")) onOpen(passage);
  });
  return card;
}

// The whole answer: indicator, notices, text with markers, then sources or related passages.
export function renderAnswer(root, answer, docs, { onCite, onPassage }, heading = "answer.heading") {
  const head = el("header", { cls: "answer-head" },
    el("h2", { i18n: heading }), badge(answer),
    answer.timings_ms && el("span", { cls: "timing", i18n: "answer.timing",
      vars: { seconds: (answer.timings_ms.total / 1000).toFixed(1) } }));
  const card = el("article", { cls: `answer-card${answer.refused ? " refused" : ""}` }, head);
  if (answer.refused) card.append(el("p", { cls: "notice notice-refused", i18n: "answer.refused.note" }));
  if (answer.fallback) {
    card.append(el("p", { cls: "notice notice-warn", attrs: { role: "note" }, i18n: `answer.fallback.${answer.fallback}` }));
  }
  card.append(answerBody(answer, onCite));
  if (answer.unsupported && answer.unsupported.length) {
    card.append(el("div", { cls: "notice notice-warn unsupported" },
      el("p", { i18n: "answer.unsupported" }),
      el("ul", {}, ...answer.unsupported.map((s) => el("li", { text: s })))));
  }
  if (answer.city_inferred) {
    card.append(el("p", { cls: "meta city-inferred" }, el("span", { i18n: "answer.cityInferred" }),
      el("span", { term: answer.city_inferred })));
  }
  if (answer.reasoning) card.append(reasoningBlock(answer.reasoning));

  let list;
  if (answer.refused) {
    const related = answer.related || [];
    list = el("section", { cls: "related", attrs: { "aria-labelledby": "related-heading" } },
      el("h2", { i18n: "answer.related", attrs: { id: "related-heading" } }),
      related.length ? el("ol", { cls: "cards" }, ...related.map((p) => passageCard(p, onPassage)))
        : el("p", { cls: "meta", i18n: "answer.noRelated" }));
  } else {
    const citations = answer.citations || [];
    list = el("section", { cls: "sources", attrs: { "aria-labelledby": `sources-heading${heading === "answer.heading" ? "" : "-model"}` } },
      el("h2", { i18n: "sources.heading", attrs: { id: `sources-heading${heading === "answer.heading" ? "" : "-model"}` } }),
      citations.length ? el("ol", { cls: "cards" }, ...citations.map((c) => sourceCard(c, docs.get(c.doc_id), onCite)))
        : el("p", { cls: "meta", i18n: "sources.none" }));
  }
  root.replaceChildren(card, list);
}

// While the model writes: the verbatim (extractive) answer on top as soon as it arrives, the
// model's text growing token by token beneath it; its thinking stays folded away. When the
// model is done, its checked answer replaces the growing text: kept sentences with their
// sources, or (fallback) why it was not used, and the sentences the check removed, listed.
export function streamingView(root, docs, handlers) {
  const quotedRoot = el("div", { cls: "quoted-answer" });
  const modelRoot = el("section", { cls: "model-answer" });
  const text = el("p", { cls: "answer-text" });
  const thinking = el("div", { cls: "reasoning-text" });
  const details = el("details", { cls: "reasoning", attrs: { hidden: "" } },
    el("summary", { i18n: "answer.reasoning" }), thinking);
  modelRoot.append(el("article", { cls: "answer-card streaming" },
    el("header", { cls: "answer-head" }, el("h2", { i18n: "answer.heading.model" }),
      el("span", { cls: "badge badge-streaming", i18n: "answer.streaming" })), text, details));
  root.replaceChildren(quotedRoot, modelRoot);
  let quoted = false;
  return {
    token: (delta) => text.append(delta),
    reasoning: (delta) => { details.hidden = false; thinking.append(delta); },
    quoted: (answer) => { quoted = true; renderAnswer(quotedRoot, answer, docs, handlers); },
    hasQuoted: () => quoted,
    finish: (answer) => {
      if (answer.mode === "generate" && !answer.fallback) {
        renderAnswer(modelRoot, answer, docs, handlers, "answer.heading.model");
        return;
      }
      // The model's answer was not used: the verbatim answer above stands.
      const card = el("article", { cls: "answer-card model-unused" },
        el("header", { cls: "answer-head" }, el("h2", { i18n: "answer.heading.model" }),
          el("span", { cls: "badge badge-unused", i18n: "answer.modelUnused" })));
      if (answer.fallback) {
        card.append(el("p", { cls: "notice notice-warn", attrs: { role: "note" },
          i18n: `answer.fallback.${answer.fallback}.above` }));
      }
      if (answer.unsupported && answer.unsupported.length) {
        card.append(el("div", { cls: "notice notice-warn unsupported" },
          el("p", { i18n: "answer.unsupported" }),
          el("ul", {}, ...answer.unsupported.map((s) => el("li", { text: s })))));
      }
      if (answer.reasoning) card.append(reasoningBlock(answer.reasoning));
      modelRoot.replaceChildren(card);
    },
  };
}

export function renderError(root, error) {
  const message = error.code === "network" ? null : error.message;
  root.replaceChildren(message
    ? el("p", { cls: "notice notice-error", attrs: { role: "alert" } }, el("span", { i18n: "error.prefix" }), message)
    : el("p", { cls: "notice notice-error", attrs: { role: "alert" },
      i18n: error.code === "stream_interrupted" ? "error.stream" : "error.network" }));
}

const HEADING = /^(?:\d{1,2}[.、]|[一二三四五六七八九十]+、|Part |Chapter |Article )/;

// The stored text, one <p> per line, with [start, end) marked; returns the first <mark>.
export function renderDocumentText(root, text, span) {
  root.replaceChildren();
  let offset = 0;
  let first = null;
  for (const line of text.split("\n")) {
    const start = offset;
    const end = offset + line.length;
    offset = end + 1;
    if (!line.trim()) continue;
    const heading = line.length <= 120 && HEADING.test(line) && !/[.。;；,，]$/.test(line);
    const p = el("p", { cls: heading ? "doc-heading" : "" });
    if (span && span.start < end && span.end > start) {
      const a = Math.max(span.start, start) - start;
      const b = Math.min(span.end, end) - start;
      const mark = el("mark", { text: line.slice(a, b) });
      p.append(line.slice(0, a), mark, line.slice(b));
      if (!first) {
        first = mark;
        mark.id = "highlight";
        mark.tabIndex = -1;
      }
    } else {
      p.textContent = line;
    }
    root.append(p);
  }
  return first;
}

// A document's facts (place, issuer, date, kind, what it covers) as <dt>/<dd> rows.
export function metaRows(doc) {
  const rows = [];
  const row = (key, ...value) => rows.push(el("div", {}, el("dt", { i18n: key }), el("dd", {}, ...value)));
  if (doc.validity) row("viewer.validity", validityValue(doc.validity));
  if (doc.city || doc.district) row("viewer.city", place(doc));
  if (doc.issuer) row("viewer.issuer", doc.issuer);
  if (documentDate(doc)) row("viewer.date", documentDate(doc));
  if (doc.kind) row("viewer.kind", el("span", { term: doc.kind }));
  if (doc.covers && doc.covers.length) {
    row("viewer.covers", el("ul", {}, ...doc.covers.map((c) => el("li", { text: c }))));
  }
  return rows;
}
