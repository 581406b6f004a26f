// Sign-in and what a signed-in user sees besides asking: the account bar, feedback on answers,
// uploads into a collection (editors), the audit log (admins). With sign-in off, a notice says so.

import { ApiError, getJSON, postForm, postJSON, sendJSON, setCsrf } from "./api.js";
import { lang } from "./i18n.js";
import { el } from "./render.js";

const TEXT = {
  zh: {
    "signin.title": "登录", "signin.name": "用户名", "signin.password": "密码", "signin.submit": "登录",
    "signout": "退出", "open": "未启用登录：能访问本页的任何人都可查阅和上传全部文件。",
    "role.admin": "管理员", "role.editor": "编辑", "role.reader": "读者",
    "tab.upload": "上传文件", "tab.audit": "审计日志", "upload.collection": "知识库",
    "upload.files": "文件（txt、md、html、pdf、docx）", "upload.submit": "上传",
    "upload.none": "尚无上传", "upload.delete": "删除（含全部版本）", "feedback.ask": "这个回答有帮助吗？",
    "feedback.up": "✓ 正确", "feedback.down": "✗ 有问题", "feedback.comment": "意见（可选）",
    "feedback.send": "提交", "feedback.thanks": "已记录，谢谢。", "audit.user": "用户",
    "audit.collection": "知识库", "audit.rating": "评价", "audit.any": "全部", "audit.down": "有问题",
    "audit.up": "正确", "audit.q": "包含文字", "audit.filter": "筛选", "audit.csv": "导出 CSV",
    "audit.jsonl": "导出 JSONL", "audit.none": "没有符合条件的记录",
  },
  en: {
    "signin.title": "Sign in", "signin.name": "User name", "signin.password": "Password",
    "signin.submit": "Sign in", "signout": "Sign out",
    "open": "Sign-in is off: anyone who can reach this page can read and upload everything.",
    "role.admin": "admin", "role.editor": "editor", "role.reader": "reader",
    "tab.upload": "Upload", "tab.audit": "Audit log", "upload.collection": "Collection",
    "upload.files": "Files (txt, md, html, pdf, docx)", "upload.submit": "Upload",
    "upload.none": "No uploads yet", "upload.delete": "Delete (all versions)", "feedback.ask": "Was this answer right?",
    "feedback.up": "✓ Right", "feedback.down": "✗ Wrong", "feedback.comment": "Comment (optional)",
    "feedback.send": "Send", "feedback.thanks": "Recorded, thank you.", "audit.user": "User",
    "audit.collection": "Collection", "audit.rating": "Rating", "audit.any": "any",
    "audit.down": "wrong", "audit.up": "right", "audit.q": "Containing", "audit.filter": "Filter",
    "audit.csv": "Export CSV", "audit.jsonl": "Export JSONL", "audit.none": "No entries match",
  },
};
const tr = (key) => TEXT[lang()]?.[key] ?? TEXT.en[key] ?? key;
// A node whose text follows the language toggle.
const lbl = (tag, key, props = {}) => {
  const node = el(tag, { ...props, text: tr(key) });
  node.dataset.acct = key;
  return node;
};
const relabel = () => {
  for (const node of document.querySelectorAll("[data-acct]")) node.textContent = tr(node.dataset.acct);
};

let me = null;

function signInForm() {
  return new Promise((resolve) => {
    const name = el("input", { attrs: { id: "signin-name", autocomplete: "username", required: "" } });
    const password = el("input", { attrs: { id: "signin-password", type: "password",
      autocomplete: "current-password", required: "" } });
    const error = el("p", { cls: "signin-error", attrs: { role: "alert" } });
    const form = el("form", { cls: "panel signin", attrs: { id: "signin-form" } },
      lbl("h2", "signin.title"),
      el("label", {}, lbl("span", "signin.name"), name),
      el("label", {}, lbl("span", "signin.password"), password),
      error, lbl("button", "signin.submit", { cls: "primary", attrs: { type: "submit" } }));
    const overlay = el("div", { cls: "signin-overlay" }, form);
    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      try {
        const found = await postJSON("/api/auth/sign-in", { name: name.value, password: password.value });
        overlay.remove();
        resolve(found);
      } catch (err) {
        error.textContent = err.message || String(err);
      }
    });
    document.body.append(overlay);
    name.focus();
  });
}

function accountBar() {
  const bar = el("div", { cls: "account-bar", attrs: { id: "account-bar" } });
  if (me.auth === "off") {
    bar.append(lbl("span", "open", { cls: "open-mode" }));
  } else {
    bar.append(el("span", { text: `${me.name} · ` }), lbl("span", `role.${me.role}`),
      lbl("button", "signout", { cls: "link", attrs: { type: "button", id: "sign-out" }, on: async () => {
        await postJSON("/api/auth/sign-out", {}).catch(() => {});
        window.location.reload();
      } }));
  }
  document.querySelector(".masthead-inner").append(bar);
}

// Thumbs up or down, with a comment, under an answer that has an audit entry.
export function feedbackBar(answerId) {
  const comment = el("input", { cls: "feedback-comment", attrs: { placeholder: tr("feedback.comment") } });
  const status = el("span", { cls: "feedback-status", attrs: { role: "status" } });
  let rating = null;
  const send = async () => {
    try {
      await postJSON(`/api/answers/${encodeURIComponent(answerId)}/feedback`,
        { rating, comment: comment.value });
      status.textContent = tr("feedback.thanks");
    } catch (err) { status.textContent = err.message; }
  };
  const choose = (value) => () => {
    rating = value;
    box.classList.add("chosen");
    if (value === "up") send();
  };
  const box = el("div", { cls: "feedback", attrs: { "data-answer-id": answerId } },
    lbl("span", "feedback.ask"),
    lbl("button", "feedback.up", { attrs: { type: "button", "data-rating": "up" }, on: choose("up") }),
    lbl("button", "feedback.down", { attrs: { type: "button", "data-rating": "down" }, on: choose("down") }),
    comment, lbl("button", "feedback.send", { cls: "feedback-send", attrs: { type: "button" }, on: send }),
    status);
  return box;
}

function addView(name, labelKey, showView) {
  const tab = lbl("button", labelKey, { attrs: { type: "button", role: "tab", id: `tab-${name}`,
    "data-view": name, "aria-selected": "false", tabindex: "-1" } });
  tab.dataset.view = name;
  tab.addEventListener("click", () => showView(name));
  document.querySelector("[role=tablist]").append(tab);
  const view = el("section", { cls: "view", attrs: { id: `view-${name}`, role: "tabpanel" } });
  view.hidden = true;
  document.querySelector("main").append(view);
  return view;
}

async function uploadView(view) {
  const collections = (await getJSON("/api/collections")).filter((c) => c.write);
  const select = el("select", { attrs: { id: "upload-collection" } },
    ...collections.map((c) => el("option", { text: c.name, attrs: { value: c.name } })));
  const files = el("input", { attrs: { id: "upload-files", type: "file", multiple: "",
    accept: ".txt,.md,.markdown,.html,.htm,.pdf,.docx" } });
  const error = el("p", { cls: "signin-error", attrs: { role: "alert" } });
  const list = el("ul", { cls: "upload-list", attrs: { id: "upload-list" } });
  const refresh = () => showUploads().catch((err) => { error.textContent = err.message; });
  const showUploads = async () => {
    const uploads = await getJSON("/api/uploads");
    list.replaceChildren(...(uploads.length ? uploads.map((u) => el("li", { attrs: { "data-status": u.status } },
      el("strong", { text: u.file_name }), ` → ${u.collection} · `, el("span", { cls: "upload-status", text: u.status }),
      u.message ? el("span", { cls: "meta", text: ` · ${u.message}` }) : null,
      u.status === "done" ? lbl("button", "upload.delete", { cls: "link", attrs: { type: "button" }, on: async () => {
        await sendJSON("DELETE", `/api/documents/${encodeURIComponent(u.doc_id)}`).catch((e) => { error.textContent = e.message; });
        refresh();
      } }) : null)) : [lbl("li", "upload.none")]));
    if (uploads.some((u) => u.status === "queued" || u.status === "ingesting")) setTimeout(refresh, 1000);
  };
  const form = el("form", { cls: "panel", attrs: { id: "upload-form" } },
    el("label", {}, lbl("span", "upload.collection"), select),
    el("label", {}, lbl("span", "upload.files"), files), error,
    lbl("button", "upload.submit", { cls: "primary", attrs: { type: "submit" } }));
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    error.textContent = "";
    const body = new FormData();
    for (const file of files.files) body.append("files", file);
    try {
      await postForm(`/api/collections/${encodeURIComponent(select.value)}/documents`, body);
      files.value = "";
    } catch (err) { error.textContent = err.message; }
    refresh();
  });
  view.append(form, list);
  refresh();
}

function auditView(view) {
  const fields = {
    user: el("input", { attrs: { id: "audit-user" } }),
    collection: el("input", { attrs: { id: "audit-collection" } }),
    rating: el("select", { attrs: { id: "audit-rating" } }, lbl("option", "audit.any", { attrs: { value: "" } }),
      lbl("option", "audit.down", { attrs: { value: "down" } }), lbl("option", "audit.up", { attrs: { value: "up" } })),
    q: el("input", { attrs: { id: "audit-q" } }),
  };
  const csv = lbl("a", "audit.csv", { attrs: { id: "audit-csv", download: "" } });
  const jsonl = lbl("a", "audit.jsonl", { attrs: { id: "audit-jsonl", download: "" } });
  const table = el("table", { cls: "audit-table", attrs: { id: "audit-table" } });
  const params = () => {
    const found = new URLSearchParams();
    for (const [key, input] of Object.entries(fields)) if (input.value) found.set(key, input.value);
    return found;
  };
  const load = () => showEntries().catch((err) => { table.replaceChildren(el("tr", {}, el("td", { text: err.message }))); });
  const showEntries = async () => {
    const query = params();
    csv.href = `/api/audit/export?format=csv&${query}`;
    jsonl.href = `/api/audit/export?format=jsonl&${query}`;
    const { entries } = await getJSON(`/api/audit?${query}`);
    table.replaceChildren(...(entries.length ? entries.map((e) => el("tr", {},
      el("td", { text: e.created_at.replace("T", " ").slice(0, 19) }), el("td", { text: e.user_name }),
      el("td", { text: e.collections.join(", ") }), el("td", { text: e.question }),
      el("td", { text: e.answer }),
      el("td", { text: e.feedback.map((f) => `${tr(`audit.${f.rating}`)}: ${f.comment}`).join("; ") })))
      : [el("tr", {}, lbl("td", "audit.none"))]));
  };
  const form = el("form", { cls: "panel audit-filters", attrs: { id: "audit-form" } },
    el("label", {}, lbl("span", "audit.user"), fields.user),
    el("label", {}, lbl("span", "audit.collection"), fields.collection),
    el("label", {}, lbl("span", "audit.rating"), fields.rating),
    el("label", {}, lbl("span", "audit.q"), fields.q),
    lbl("button", "audit.filter", { cls: "primary", attrs: { type: "submit" } }), csv, jsonl);
  form.addEventListener("submit", (event) => { event.preventDefault(); load(); });
  view.append(form, table);
  load();
}

// Resolves once the caller may use the page: at once with sign-in off or a live session,
// else after the sign-in form succeeds. Adds the views the caller's role may use.
export async function initAccount(showView) {
  try {
    me = await getJSON("/api/auth/me");
  } catch (err) {
    if (!(err instanceof ApiError) || err.status !== 401) throw err;
    me = await signInForm();
  }
  setCsrf(me.csrf_token);
  accountBar();
  if (me.role !== "reader") await uploadView(addView("upload", "tab.upload", showView));
  if (me.role === "admin") auditView(addView("audit", "tab.audit", showView));
  document.getElementById("lang-toggle").addEventListener("click", relabel);
  return me;
}
