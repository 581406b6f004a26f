// Every string of the interface, in Chinese (the default) and English.
// Elements carry data-i18n="key" (text), data-i18n-placeholder, data-i18n-title,
// data-i18n-aria (aria-label), data-i18n-vars (JSON) and data-i18n-term (a city or kind);
// apply() fills them in, so switching language re-labels whatever is on the page.

const STRINGS = {
  zh: {
    "app.title": "市级人工智能政策知识库",
    "app.subtitle": "面向公务人员与培训人员 · 每条答复均标注原文出处",
    "lang.toggle": "English",
    "lang.toggle.aria": "切换到英文界面",
    "tab.ask": "智能问答",
    "tab.documents": "政策文件",
    "status.loading": "正在连接服务…",
    "status.ready": "已收录 {documents} 份文件",
    "status.mode.extractive": "摘录模式",
    "status.mode.generate": "模型模式",
    "status.offline": "服务暂不可用",
    "ask.label": "您的问题",
    "ask.placeholder": "例如：湛江市政府投资项目中，数智化投入至少应占项目总投资的多少？",
    "ask.city": "城市",
    "ask.city.all": "全部城市",
    "ask.doc": "文件",
    "ask.doc.all": "全部文件",
    "ask.submit": "提问",
    "ask.busy": "正在查找…",
    "ask.hint": "按 Ctrl+Enter 提交。可用中文或英文提问。",
    "ask.empty": "输入问题后，答复及其所依据的政策原文将显示在这里。",
    "answer.heading": "答复",
    "answer.heading.model": "模型撰写的答复",
    "answer.modelUnused": "未采用",
    "answer.fallback.ungrounded.above": "模型撰写的答复未被采用：其内容无法在来源文件中得到印证。请以上方摘自文件原文的答复为准。",
    "answer.fallback.llm_unavailable.above": "模型撰写的答复未被采用：模型当前无法使用。请以上方摘自文件原文的答复为准。",
    "answer.extractive": "摘自文件原文",
    "answer.generate": "由模型撰写，已对照来源核查",
    "answer.streaming": "模型正在撰写，写完后将对照来源核查…",
    "answer.refused": "无法作答",
    "answer.refused.note": "现有文件中没有能够支持答复的段落，因此不作回答。以下是最接近的段落，供参考。",
    "answer.related": "相关段落",
    "answer.noRelated": "没有相关段落。",
    "answer.cityInferred": "根据问题识别的城市：",
    "answer.fallback.ungrounded": "模型撰写的答复未被采用：其内容无法在来源文件中得到印证。以下答复直接摘自文件原文。",
    "answer.fallback.llm_unavailable": "模型撰写的答复未被采用：模型当前无法使用。以下答复直接摘自文件原文。",
    "answer.unsupported": "模型写出的以下句子在来源文件中找不到依据，已从答复中删除：",
    "answer.reasoning": "查看模型的思考过程",
    "answer.timing": "用时 {seconds} 秒",
    "answer.cite.aria": "打开来源 {n}",
    "sources.heading": "来源",
    "sources.none": "没有引用。",
    "source.open": "在原文中查看",
    "meta.section": "章节：",
    "meta.page": "第 {page} 页",
    "meta.score": "相关度 {score}",
    "docs.heading": "政策文件",
    "docs.intro": "知识库收录的全部政策文件。点击标题即可阅读全文。",
    "docs.col.title": "标题",
    "docs.col.city": "城市",
    "docs.col.issuer": "发布机关",
    "docs.col.date": "日期",
    "docs.col.kind": "类型",
    "docs.read": "阅读",
    "docs.none": "知识库中还没有文件。",
    "search.heading": "在文件中搜索",
    "search.label": "检索词",
    "search.placeholder": "例如：算力、数据要素、人才",
    "search.submit": "搜索",
    "search.count": "找到 {count} 个相关段落",
    "search.none": "没有找到相关段落。",
    "viewer.close": "关闭",
    "viewer.loading": "正在载入文件…",
    "viewer.jump": "跳到标注处",
    "viewer.issuer": "发布机关",
    "viewer.date": "日期",
    "viewer.kind": "类型",
    "viewer.city": "城市",
    "viewer.covers": "涉及文件",
    "viewer.highlight": "标黄部分为所引用的原文。",
    "error.prefix": "出错了：",
    "error.network": "无法连接服务器，请检查网络后重试。",
    "error.stream": "答复传输中断，请重试。",
    // Briefing view (brief.js)
    "tab.brief": "培训简报",
    "brief.heading": "培训简报",
    "brief.intro": "选择一份文件：列出其中的要求、数字与目标、时间节点、责任单位和办理程序，每条均为原文并注明出处，另附经知识库核对的测验题。也可以就某一专题对比各地文件。",
    "brief.doc": "文件",
    "brief.build": "生成简报",
    "brief.busy": "正在生成简报并逐题核对测验，可能需要几十秒…",
    "brief.topic.label": "专题对比",
    "brief.topic.placeholder": "例如：computing power（算力）",
    "brief.compare": "对比",
    "brief.empty.view": "选择文件后生成简报；点击任一条目可在原文中查看标注。",
    "brief.kind.requirement": "要求与义务",
    "brief.kind.figure": "数字与目标",
    "brief.kind.date": "时间与期限",
    "brief.kind.responsibility": "责任单位与分工",
    "brief.kind.procedure": "办理程序",
    "brief.empty": "文件中没有此类内容。",
    "brief.overview": "概述（由模型撰写，已对照来源核查）",
    "brief.extractive": "未配置模型：以下内容全部摘自文件原文。",
    "brief.overview.dropped": "模型撰写的概述未能通过来源核查，未予采用；以下内容全部摘自文件原文。",
    "brief.quiz": "测验",
    "brief.quiz.answer": "答案：",
    "brief.quiz.none": "没有能经知识库核对的题目。",
    "brief.quiz.few": "仅有 {count} 道题能经知识库核对。",
    "brief.export.md": "导出 Markdown",
    "brief.export.docx": "导出 Word",
    "brief.export.html": "打印版网页",
    "brief.print": "打印",
    "brief.item.open": "在原文中查看第 {n} 条",
    "brief.compare.heading": "专题对比：{topic}",
    "brief.col.city": "城市",
    "brief.col.doc": "文件",
    "brief.col.items": "原文条目",
    "brief.compare.none": "没有文件涉及此专题。",
    "brief.compare.without": "未涉及此专题的文件：",
  },
  en: {
    "app.title": "Municipal AI Policy Knowledge Base",
    "app.subtitle": "For officials and trainers · every answer cites its source clause",
    "lang.toggle": "中文",
    "lang.toggle.aria": "Switch the interface to Chinese",
    "tab.ask": "Ask",
    "tab.documents": "Documents",
    "status.loading": "Connecting…",
    "status.ready": "{documents} documents",
    "status.mode.extractive": "extractive mode",
    "status.mode.generate": "model mode",
    "status.offline": "Service unavailable",
    "ask.label": "Your question",
    "ask.placeholder": "e.g. What minimum share of total investment must digital-intelligent upgrades take in Zhanjiang's government-invested projects?",
    "ask.city": "City",
    "ask.city.all": "All cities",
    "ask.doc": "Document",
    "ask.doc.all": "All documents",
    "ask.submit": "Ask",
    "ask.busy": "Searching…",
    "ask.hint": "Press Ctrl+Enter to ask. Questions may be in Chinese or English.",
    "ask.empty": "Ask a question: the answer and the policy text it rests on will appear here.",
    "answer.heading": "Answer",
    "answer.heading.model": "The model's answer",
    "answer.modelUnused": "Not used",
    "answer.fallback.ungrounded.above": "The model's answer was not used: the source documents did not support it. The answer quoted from the documents above stands.",
    "answer.fallback.llm_unavailable.above": "The model's answer was not used: the model is unavailable. The answer quoted from the documents above stands.",
    "answer.extractive": "Quoted from the documents",
    "answer.generate": "Written by the model, checked against the sources",
    "answer.streaming": "The model is writing; the answer is checked against the sources when it is done…",
    "answer.refused": "Not answered",
    "answer.refused.note": "No passage in the documents supports an answer, so none is given. The closest passages are listed for reference.",
    "answer.related": "Related passages",
    "answer.noRelated": "No related passages.",
    "answer.cityInferred": "City recognised in the question: ",
    "answer.fallback.ungrounded": "The model's answer was not used: the source documents did not support it. The answer below is quoted from the documents.",
    "answer.fallback.llm_unavailable": "The model's answer was not used: the model is unavailable. The answer below is quoted from the documents.",
    "answer.unsupported": "The model also wrote these sentences, but the sources do not back them, so they were removed from the answer:",
    "answer.reasoning": "Show the model's reasoning",
    "answer.timing": "{seconds} s",
    "answer.cite.aria": "Open source {n}",
    "sources.heading": "Sources",
    "sources.none": "No citations.",
    "source.open": "Show in document",
    "meta.section": "Section: ",
    "meta.page": "page {page}",
    "meta.score": "relevance {score}",
    "docs.heading": "Policy documents",
    "docs.intro": "All policy documents in the knowledge base. Choose a title to read the full text.",
    "docs.col.title": "Title",
    "docs.col.city": "City",
    "docs.col.issuer": "Issuer",
    "docs.col.date": "Date",
    "docs.col.kind": "Kind",
    "docs.read": "Read",
    "docs.none": "The knowledge base holds no documents yet.",
    "search.heading": "Search the documents",
    "search.label": "Search terms",
    "search.placeholder": "e.g. computing power, data elements, talent",
    "search.submit": "Search",
    "search.count": "{count} passages found",
    "search.none": "No passages found.",
    "viewer.close": "Close",
    "viewer.loading": "Loading the document…",
    "viewer.jump": "Go to the highlight",
    "viewer.issuer": "Issuer",
    "viewer.date": "Date",
    "viewer.kind": "Kind",
    "viewer.city": "City",
    "viewer.covers": "Covers",
    "viewer.highlight": "The highlighted text is the cited passage.",
    "error.prefix": "Error: ",
    "error.network": "Could not reach the server. Check the connection and try again.",
    "error.stream": "The answer was interrupted. Please try again.",
    // Briefing view (brief.js)
    "tab.brief": "Briefing",
    "brief.heading": "Briefing pack for trainers",
    "brief.intro": "Choose a document: its requirements, figures and targets, dates and deadlines, responsible units and procedures, each quoted with its source, and a quiz checked against the knowledge base. Or compare one topic across the documents.",
    "brief.doc": "Document",
    "brief.build": "Build brief",
    "brief.busy": "Building the brief and checking each quiz question; this can take a few tens of seconds…",
    "brief.topic.label": "Compare a topic",
    "brief.topic.placeholder": "e.g. computing power",
    "brief.compare": "Compare",
    "brief.empty.view": "Choose a document to build its brief; click any item to see it highlighted in the document.",
    "brief.kind.requirement": "Requirements and obligations",
    "brief.kind.figure": "Figures and targets",
    "brief.kind.date": "Dates and deadlines",
    "brief.kind.responsibility": "Responsible units: who does what",
    "brief.kind.procedure": "Procedures",
    "brief.empty": "The document has no item of this kind.",
    "brief.overview": "Overview (written by the model, checked against the sources)",
    "brief.extractive": "No model is configured: everything below is quoted from the document.",
    "brief.overview.dropped": "The model's overview did not pass the source check and is not shown; everything below is quoted from the document.",
    "brief.quiz": "Quiz",
    "brief.quiz.answer": "Answer: ",
    "brief.quiz.none": "No question could be verified against the knowledge base.",
    "brief.quiz.few": "Only {count} questions could be verified against the knowledge base.",
    "brief.export.md": "Export Markdown",
    "brief.export.docx": "Export Word (DOCX)",
    "brief.export.html": "Printable HTML",
    "brief.print": "Print",
    "brief.item.open": "Show item {n} in the document",
    "brief.compare.heading": "Topic comparison: {topic}",
    "brief.col.city": "City",
    "brief.col.doc": "Document",
    "brief.col.items": "Cited items",
    "brief.compare.none": "No document covers this topic.",
    "brief.compare.without": "Documents with nothing on this topic: ",
  },
};

// Names of places and kinds of document as stored (English), shown in Chinese.
const TERMS_ZH = {
  Guangzhou: "广州", Haizhu: "海珠区", Shenzhen: "深圳", Zhanjiang: "湛江", Zhangzhou: "漳州",
  Hangzhou: "杭州", Guangdong: "广东", Fujian: "福建",
  "news report": "新闻报道", "action plan": "行动方案", "plan summary": "方案摘要",
  "policy interpretation": "政策解读", notice: "通知", regulation: "规章",
};

const STORAGE_KEY = "policykb.lang";
let current = "zh";
try {
  const saved = window.localStorage.getItem(STORAGE_KEY);
  if (saved && saved in STRINGS) current = saved;
} catch { /* storage unavailable: keep the default */ }

export const lang = () => current;

export function t(key, vars = {}) {
  const template = STRINGS[current][key] ?? STRINGS.en[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (_, name) => String(vars[name] ?? ""));
}

export function term(value) {
  return current === "zh" ? TERMS_ZH[value] ?? value : value;
}

export function setLang(next) {
  current = next in STRINGS ? next : "zh";
  try { window.localStorage.setItem(STORAGE_KEY, current); } catch { /* ignore */ }
  apply();
}

// (Re)label everything under root; text goes in through textContent and attributes only.
export function apply(root = document) {
  if (root === document) {
    document.documentElement.lang = current === "zh" ? "zh-CN" : "en";
    document.title = t("app.title");
  }
  const vars = (el) => (el.dataset.i18nVars ? JSON.parse(el.dataset.i18nVars) : {});
  for (const el of root.querySelectorAll("[data-i18n]")) el.textContent = t(el.dataset.i18n, vars(el));
  for (const el of root.querySelectorAll("[data-i18n-term]")) el.textContent = term(el.dataset.i18nTerm);
  for (const el of root.querySelectorAll("[data-i18n-placeholder]")) {
    el.placeholder = t(el.dataset.i18nPlaceholder);
  }
  for (const el of root.querySelectorAll("[data-i18n-title]")) el.title = t(el.dataset.i18nTitle);
  for (const el of root.querySelectorAll("[data-i18n-aria]")) {
    el.setAttribute("aria-label", t(el.dataset.i18nAria, vars(el)));
  }
}
