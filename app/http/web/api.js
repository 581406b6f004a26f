// Talking to the policykb API: JSON calls, and the answer stream (Server-Sent Events over a
// POST, read with fetch() and a ReadableStream reader, since EventSource cannot POST).

import { lang } from "./i18n.js";

export class ApiError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

// An error body holds its message in both languages: show the page's own.
function messageOf(error) {
  const own = error.messages && error.messages[lang()];
  return typeof own === "string" ? own : error.message || "";
}

async function errorFrom(response) {
  let payload = null;
  try { payload = await response.json(); } catch { /* not JSON */ }
  const error = payload && payload.error;
  if (error && typeof error.message === "string") {
    return new ApiError(response.status, error.code || "error", messageOf(error));
  }
  const detail = payload && typeof payload.detail === "string" ? payload.detail : "";
  return new ApiError(response.status, `http_${response.status}`,
    detail || `${response.status} ${response.statusText}`.trim());
}

// The sign-in's CSRF token: sent with every write the session cookie signs (account.js).
let csrfToken = "";
export function setCsrf(token) { csrfToken = token || ""; }
const csrf = () => (csrfToken ? { "X-CSRF-Token": csrfToken } : {});

async function request(method, path, body, signal) {
  let response;
  try {
    response = await fetch(path, {
      method,
      headers: body === undefined
        ? { Accept: "application/json", "Accept-Language": lang(), ...(method === "GET" ? {} : csrf()) }
        : { "Content-Type": "application/json", Accept: "application/json",
            "Accept-Language": lang(), ...csrf() },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal,
    });
  } catch (err) {
    if (err.name === "AbortError") throw err;
    throw new ApiError(0, "network", "");
  }
  if (!response.ok) throw await errorFrom(response);
  return response.status === 204 ? null : response.json();
}

export const getJSON = (path, signal) => request("GET", path, undefined, signal);
export const postJSON = (path, body, signal) => request("POST", path, body, signal);
export const sendJSON = (method, path, body) => request(method, path, body);

// A multipart upload (files), with the CSRF token; the server's JSON reply.
export async function postForm(path, form) {
  const response = await fetch(path, { method: "POST", headers: { Accept: "application/json", ...csrf() },
    body: form });
  if (!response.ok) throw await errorFrom(response);
  return response.json();
}

// Split an SSE byte stream into events: {event, data}. Lines end in \n, \r\n or \r.
export function sseParser(onEvent) {
  let buffer = "";
  let type = "";
  let data = [];
  const dispatch = () => {
    if (data.length) onEvent({ event: type || "message", data: data.join("\n") });
    type = "";
    data = [];
  };
  const line = (text) => {
    if (text === "") return dispatch();
    if (text.startsWith(":")) return undefined; // a comment / keep-alive
    const colon = text.indexOf(":");
    const field = colon < 0 ? text : text.slice(0, colon);
    let value = colon < 0 ? "" : text.slice(colon + 1);
    if (value.startsWith(" ")) value = value.slice(1);
    if (field === "event") type = value;
    else if (field === "data") data.push(value);
    return undefined;
  };
  return {
    push(chunk, final = false) {
      buffer += chunk;
      for (;;) {
        const match = /\r\n|\r|\n/.exec(buffer);
        if (!match) break;
        // A lone \r at the very end may be the first half of a \r\n split across chunks.
        if (match[0] === "\r" && match.index === buffer.length - 1 && !final) break;
        line(buffer.slice(0, match.index));
        buffer = buffer.slice(match.index + match[0].length);
      }
      if (final) {
        if (buffer) line(buffer);
        buffer = "";
        dispatch();
      }
    },
  };
}

// POST /api/ask/stream. Returns the final Answer, or null when the server has no stream
// endpoint (404/405 without an error body), so that the caller falls back to /api/ask.
export async function askStream(body, { onToken, onReasoning, onQuoted }, signal) {
  let response;
  try {
    response = await fetch("/api/ask/stream", {
      method: "POST",
      headers: { "Content-Type": "application/json", Accept: "text/event-stream",
                 "Accept-Language": lang(), ...csrf() },
      body: JSON.stringify(body),
      signal,
    });
  } catch (err) {
    if (err.name === "AbortError") throw err;
    throw new ApiError(0, "network", "");
  }
  if (response.status === 404 || response.status === 405) {
    const error = await errorFrom(response);
    if (error.code.startsWith("http_")) return null;
    throw error;
  }
  if (!response.ok) throw await errorFrom(response);
  if (!response.body) return null;

  let answer = null;
  let failure = null;
  const parser = sseParser(({ event, data }) => {
    if (answer || failure) return;
    let payload;
    try { payload = JSON.parse(data); } catch { return; }
    if (event === "extractive" && onQuoted) onQuoted(payload);
    else if (event === "token" && typeof payload.text === "string") onToken(payload.text);
    else if (event === "reasoning" && typeof payload.text === "string") onReasoning(payload.text);
    else if (event === "done") answer = payload;
    else if (event === "error") {
      const error = payload.error || {};
      failure = new ApiError(response.status, error.code || "stream_error", messageOf(error));
    }
  });
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  try {
    while (!answer && !failure) {
      const { value, done } = await reader.read();
      if (done) {
        parser.push(decoder.decode(), true);
        break;
      }
      parser.push(decoder.decode(value, { stream: true }));
    }
  } finally {
    if (answer || failure) reader.cancel().catch(() => {});
  }
  if (failure) throw failure;
  if (!answer) throw new ApiError(response.status, "stream_interrupted", "");
  return answer;
}
