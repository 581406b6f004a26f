// The ask view as a conversation: earlier turns stay above the latest answer (their citations
// still open the clause), "new conversation" starts another, past ones are listed and reopened.
// The server keeps the turns (POST /api/conversations, then conversation_id on each question).

import { getJSON, postJSON, sendJSON } from "./api.js";
import { lang } from "./i18n.js";
import { el, renderAnswer, renderError } from "./render.js";

const $ = (id) => document.getElementById(id);
const conversation = { id: null, docs: null, handlers: null };

// Earlier turns keep their nodes (and click handlers) but not their ids, which the latest
// answer's cards use.
function withoutIds(node) {
  for (const marked of node.querySelectorAll("[id]")) marked.removeAttribute("id");
  return node;
}

function turnItem(question, answerNodes) {
  return withoutIds(el("li", { cls: "turn" }, el("p", { cls: "turn-question", text: question }),
    ...answerNodes));
}

export async function conversationFor(question) {
  if (!question.trim()) return undefined; // the server names the error; no conversation for it
  if (!conversation.id) conversation.id = (await postJSON("/api/conversations", {})).conversation_id;
  return conversation.id;
}

// A new question: the turn shown so far joins the thread, the question heads the next one.
export function beginTurn(question) {
  const current = $("current-question");
  if (!current.hidden && $("answer").querySelector(".answer-card, .notice-error")) {
    $("thread").append(turnItem(current.textContent, [...$("answer").childNodes]));
  }
  current.textContent = question;
  current.hidden = false;
}

// "Answering: …" when the question was taken as a follow-up of the ones before it.
export function showResolved(root, answer) {
  const card = root.querySelector(".answer-card");
  if (!answer.resolved_question || !card) return;
  card.querySelector(".answer-head")?.after(el("p", { cls: "resolved-question",
    i18n: "answer.resolved", vars: { question: answer.resolved_question } }));
}

function showEmpty() {
  $("thread").replaceChildren();
  $("current-question").hidden = true;
  $("answer").replaceChildren(el("p", { cls: "placeholder", i18n: "ask.empty" }));
}

export function newConversation() {
  conversation.id = null;
  showEmpty();
  markCurrent();
  $("question").value = "";
  $("question").focus();
}

function markCurrent() {
  for (const button of document.querySelectorAll("#conversation-list .open-conversation")) {
    button.setAttribute("aria-current", String(button.dataset.id === conversation.id));
  }
}

async function openConversation(id) {
  try {
    const detail = await getJSON(`/api/conversations/${encodeURIComponent(id)}`);
    conversation.id = detail.conversation_id;
    showEmpty();
    const turns = detail.turns;
    for (const turn of turns.slice(0, -1)) {
      const holder = el("div");
      renderAnswer(holder, turn.answer, conversation.docs(), conversation.handlers);
      showResolved(holder, turn.answer);
      $("thread").append(turnItem(turn.question, [...holder.childNodes]));
    }
    const last = turns[turns.length - 1];
    if (last) {
      beginTurn(last.question);
      renderAnswer($("answer"), last.answer, conversation.docs(), conversation.handlers);
      showResolved($("answer"), last.answer);
    }
    markCurrent();
  } catch (err) {
    renderError($("answer"), err);
  }
}

async function remove(id) {
  try {
    await sendJSON("DELETE", `/api/conversations/${encodeURIComponent(id)}`);
  } catch (err) {
    renderError($("answer"), err);
    return;
  }
  if (conversation.id === id) newConversation();
  await listConversations();
}

export async function listConversations() {
  let found;
  try {
    found = (await getJSON("/api/conversations")).conversations.filter((c) => c.turn_count > 0);
  } catch {
    return; // the list is a convenience: the conversation itself goes on
  }
  const when = (iso) => new Date(iso).toLocaleString(lang() === "zh" ? "zh-CN" : "en-GB",
    { dateStyle: "short", timeStyle: "short" });
  $("conversation-list").replaceChildren(...(found.length ? found.map((c) => el("li", {},
    el("button", { cls: "open-conversation", text: c.title, attrs: { type: "button", "data-id": c.conversation_id },
      on: () => openConversation(c.conversation_id) }),
    el("span", { cls: "meta", text: `${when(c.updated_at)} · ` }),
    el("span", { cls: "meta", i18n: "thread.turns", vars: { count: c.turn_count } }),
    el("button", { cls: "link", i18n: "thread.delete", aria: "thread.delete.aria", vars: { title: c.title },
      attrs: { type: "button" }, on: () => remove(c.conversation_id) })))
    : [el("li", { cls: "meta", i18n: "thread.none" })]));
  markCurrent();
}

export function initThread({ docs, handlers }) {
  conversation.docs = docs;
  conversation.handlers = handlers;
  $("new-conversation").addEventListener("click", newConversation);
  return listConversations();
}
