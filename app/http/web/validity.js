// Whether a document is in force, its versions, and what changed between two of them.
// Text from documents only ever enters the DOM as text (see render.js).

import { getJSON } from "./api.js";
import { el } from "./render.js";

// A status badge: in force / expired / superseded / not yet in force, with the note as its title.
export function statusBadge(status, note = "") {
  const value = status || "in_force";
  const badge = el("span", { cls: `status-badge status-${value}`, i18n: `validity.${value}` });
  badge.dataset.status = value;
  if (note) badge.title = note;
  return badge;
}

// The viewer's validity row: badge, dates as stated, an open condition as written.
export function validityValue(validity) {
  const v = validity || {};
  const parts = [statusBadge(v.status, v.note)];
  if (v.note) parts.push(" ", el("span", { text: v.note }));
  if (v.effective_from) parts.push(" · ", el("span", { i18n: "validity.from", vars: { date: v.effective_from } }));
  else if (v.on_issue) parts.push(" · ", el("span", { i18n: "validity.on_issue" }));
  if (v.effective_until) parts.push(" · ", el("span", { i18n: "validity.until", vars: { date: v.effective_until } }));
  if (v.condition) parts.push(" · ", el("q", { cls: "condition", text: v.condition }));
  return el("span", { cls: "validity" }, ...parts);
}

const path = (docId, rest) => `/api/documents/${encodeURIComponent(docId)}/${rest}`;

export const versionText = (docId, version) => getJSON(path(docId, `versions/${encodeURIComponent(version)}`));

// The list of a document's versions, newest first, each with open and compare buttons.
export async function renderHistory(root, docId, { onOpen, onDiff }) {
  const { versions } = await getJSON(path(docId, "versions"));
  if (versions.length < 2) {
    root.replaceChildren();
    return;
  }
  const items = versions.map((v) => el("li", { cls: "version", attrs: { "data-version": v.version } },
    el("code", { text: v.version }), " ",
    v.current ? el("span", { cls: "kind", i18n: "versions.current" }) : "",
    v.ingested ? el("span", { cls: "meta", i18n: "versions.ingested", vars: { date: v.ingested.slice(0, 10) } }) : "",
    " ", v.validity ? statusBadge(v.validity.status, v.validity.note) : "",
    v.current ? "" : el("button", { cls: "link", i18n: "versions.open", attrs: { type: "button" }, on: () => onOpen(v.version) }),
    v.current ? "" : el("button", { cls: "link diff-button", i18n: "versions.diff", attrs: { type: "button" }, on: () => onDiff(v.version) })));
  root.replaceChildren(el("h3", { i18n: "versions.heading" }), el("ol", { cls: "versions" }, ...items));
}

// A clause with its changed character spans marked.
function marked(text, spans, cls) {
  const node = el("span", {});
  let last = 0;
  for (const [a, b] of spans) {
    node.append(text.slice(last, a), el("mark", { cls, text: text.slice(a, b) }));
    last = b;
  }
  node.append(text.slice(last));
  return node;
}

// The diff of two versions: unchanged clauses plain, removed struck out, added and changed marked.
export async function renderDiff(root, docId, oldVersion) {
  const diff = await getJSON(`${path(docId, "diff")}?old=${encodeURIComponent(oldVersion)}`);
  const rows = diff.lines.map((line) => {
    if (line.kind === "same") return el("p", { cls: "diff-same", text: line.new });
    if (line.kind === "removed") return el("p", { cls: "diff-removed" }, el("del", { text: line.old }));
    if (line.kind === "added") return el("p", { cls: "diff-added" }, el("ins", { text: line.new }));
    return el("div", { cls: "diff-changed" },
      el("p", { cls: "diff-old" }, el("del", {}, marked(line.old, line.old_spans, "diff-out"))),
      el("p", { cls: "diff-new" }, el("ins", {}, marked(line.new, line.new_spans, "diff-in"))));
  });
  root.replaceChildren(
    el("h3", { cls: "diff-heading", i18n: "diff.heading", vars: { old: diff.old, new: diff.new, changed: diff.changed } }),
    ...(diff.changed ? rows : [el("p", { cls: "meta", i18n: "diff.none" })]));
  return root.querySelector(".diff-changed, .diff-added, .diff-removed");
}
