/*
 * RagApi chat widget. One script tag, no dependencies, nothing loaded from another origin:
 *   <div id="ragapi-widget"></div>
 *   <script src="https://ragapi.example/widget/ragapi-widget.js" data-api-base="https://ragapi.example"
 *           data-api-key="..." data-target="#ragapi-widget"></script>
 * Everything that comes from the server or the user is rendered as text (textContent, createElement), never as HTML.
 * The conversation lives in this tab's sessionStorage only.
 */
(() => {
  'use strict';

  const script = document.currentScript;
  if (!script) return;
  const scriptUrl = new URL(script.src, document.baseURI);
  const config = {
    apiBase: (script.dataset.apiBase || scriptUrl.origin).replace(/\/+$/, ''),
    apiKey: script.dataset.apiKey || '',
    target: script.dataset.target || '#ragapi-widget',
    title: script.dataset.title || 'Clinical answers',
  };
  const MAX_QUESTION = 2000;
  const MAX_HISTORY_TURNS = 20;
  const MAX_TURN_LENGTH = 20000;
  let instance = 0;

  // ---- DOM helpers: text only -------------------------------------------------------------------------------

  function el(tag, props, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(props || {})) {
      if (value === undefined || value === null || value === false) continue;
      if (key === 'class') node.className = value;
      else if (key === 'text') node.textContent = value;
      else if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
      else if (key in node && !key.includes('-')) node[key] = value;
      else node.setAttribute(key, value === true ? '' : String(value));
    }
    for (const child of children.flat()) {
      if (child === null || child === undefined || child === false) continue;
      node.append(typeof child === 'string' ? document.createTextNode(child) : child);
    }
    return node;
  }

  function safeHref(url) {
    try {
      const parsed = new URL(url);
      return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : null;
    } catch {
      return null;
    }
  }

  function ensureStylesheet() {
    const href = new URL('ragapi-widget.css', scriptUrl).href;
    const present = Array.from(document.querySelectorAll('link[rel="stylesheet"]')).some((link) => link.href === href);
    if (!present) document.head.append(el('link', { rel: 'stylesheet', href }));
  }

  // ---- conversation kept in this tab only --------------------------------------------------------------------

  function conversationStore(key) {
    return {
      load() {
        try {
          const saved = JSON.parse(sessionStorage.getItem(key) || '[]');
          return Array.isArray(saved) ? saved.filter((turn) => turn && typeof turn.question === 'string' && turn.answer) : [];
        } catch {
          return [];
        }
      },
      save(turns) {
        try { sessionStorage.setItem(key, JSON.stringify(turns)); } catch { /* storage full or disabled: the page still works */ }
      },
      clear() {
        try { sessionStorage.removeItem(key); } catch { /* nothing stored */ }
      },
    };
  }

  function historyOf(turns) {
    const history = [];
    for (const turn of turns) {
      history.push({ role: 'user', content: turn.question.slice(0, MAX_TURN_LENGTH) });
      history.push({ role: 'assistant', content: String(turn.answer.answer || '').slice(0, MAX_TURN_LENGTH) });
    }
    return history.slice(-MAX_HISTORY_TURNS);
  }

  // ---- talking to the API ------------------------------------------------------------------------------------

  class AskError extends Error {
    constructor(message, retryable) {
      super(message);
      this.retryable = retryable;
    }
  }

  async function describeFailure(response) {
    const seconds = Number.parseInt(response.headers.get('Retry-After') || '', 10);
    const wait = Number.isFinite(seconds) && seconds > 0 ? `in ${seconds} second${seconds === 1 ? '' : 's'}` : 'in a moment';
    switch (response.status) {
      case 429:
        return new AskError(`Too many questions have been asked in a short time. Please try again ${wait}.`, true);
      case 503: {
        let type = '';
        try {
          type = (await response.json()).type || '';
        } catch { /* not problem JSON: the store sentence will do */ }
        return type === 'urn:ragapi:problem:embeddings-unavailable'
          ? new AskError(`The service that matches questions to the evidence is temporarily unavailable. Please try again ${wait}.`, true)
          : new AskError(`The evidence store is temporarily unavailable. Please try again ${wait}.`, true);
      }
      case 401:
      case 403:
        return new AskError('This page is not allowed to ask RagApi questions: its API key was refused. Please tell the site administrator.', false);
      case 400:
      case 413:
      case 422: {
        let reason = '';
        try {
          const problem = await response.json();
          const first = problem && problem.errors ? Object.values(problem.errors).flat()[0] : '';
          reason = typeof first === 'string' ? ` ${first}` : '';
        } catch { /* not problem JSON: the sentence alone will do */ }
        return new AskError(`The question could not be sent as written.${reason}`, false);
      }
      default:
        return new AskError('RagApi could not answer because of a problem on the server. Please try again.', true);
    }
  }

  async function* serverSentEvents(body) {
    const reader = body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buffer += value.replace(/\r\n?/g, '\n');
      let end;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        let event = 'message';
        const data = [];
        for (const line of block.split('\n')) {
          if (line.startsWith('event:')) event = line.slice(6).trim();
          else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
        }
        if (data.length) yield { event, data: JSON.parse(data.join('\n')) };
      }
    }
  }

  async function streamAnswer(question, history, signal, onEvent) {
    const headers = { 'Content-Type': 'application/json', Accept: 'text/event-stream' };
    if (config.apiKey) headers['X-Api-Key'] = config.apiKey;
    let response;
    try {
      response = await fetch(`${config.apiBase}/v1/answers/stream`, {
        method: 'POST', headers, body: JSON.stringify({ question, history }), signal,
      });
    } catch (error) {
      if (signal.aborted) throw error;
      throw new AskError('RagApi could not be reached. Check the network connection and try again.', true);
    }
    if (!response.ok || !response.body) throw await describeFailure(response);
    try {
      for await (const item of serverSentEvents(response.body)) {
        onEvent(item.event, item.data);
        if (item.event === 'done') return item.data;
      }
    } catch (error) {
      if (signal.aborted) throw error;
    }
    throw new AskError('The answer was interrupted before it was complete. Please try again.', true);
  }

  // ---- rendering ---------------------------------------------------------------------------------------------

  const KIND_LABEL = { guideline: 'Guideline', research: 'Research' };

  function citationButton(citation, openCitation) {
    return el('button', {
      type: 'button',
      class: 'ragapi-cite',
      'aria-haspopup': 'dialog',
      'aria-label': `Citation ${citation.number}: ${citation.title}`,
      text: `[${citation.number}]`,
      onclick: (event) => openCitation(citation, event.currentTarget),
    });
  }

  /** Text with its [n] markers made into buttons that open the passage; numbers without a citation stay text. */
  function textWithCitations(text, numbers, citations, openCitation) {
    const parts = [];
    const seen = new Set();
    const pattern = /\[(\d+)\]/g;
    let last = 0;
    let match;
    while ((match = pattern.exec(text)) !== null) {
      const citation = citations[Number(match[1]) - 1];
      if (!citation) continue;
      parts.push(text.slice(last, match.index), citationButton(citation, openCitation));
      seen.add(citation.number);
      last = match.index + match[0].length;
    }
    parts.push(text.slice(last).replace(/\s+$/, ''));
    for (const number of numbers || []) {
      const citation = citations[number - 1];
      if (citation && !seen.has(number)) parts.push(' ', citationButton(citation, openCitation));
    }
    return parts;
  }

  /** While streaming: the answer's markdown lines as they arrive, headings and list items recognised. */
  function draftLine(line, citations, openCitation) {
    const text = line.replace(/\n$/, '');
    if (!text.trim() || text.trim() === '---') return null;
    const heading = /^(#{2,4}) (.*)$/.exec(text);
    if (heading && heading[1] === '####') return el('h4', { class: 'ragapi-subheading', text: heading[2] });
    if (heading) return el('h3', { class: 'ragapi-heading', text: heading[2] });
    if (text.startsWith('**')) return el('p', { class: 'ragapi-disclaimer', text: text.replace(/\*\*/g, '') });
    const item = text.replace(/^(- |\d+\. )/, '');
    return el('p', { class: 'ragapi-draft-line' }, textWithCitations(item, [], citations, openCitation));
  }

  function insufficientMessage(answer) {
    const text = String(answer.answer || '');
    const cut = text.indexOf('\n---');
    return (cut >= 0 ? text.slice(0, cut) : text).trim();
  }

  function referenceItem(citation, openCitation) {
    const href = safeHref(citation.url);
    return el('li', { class: 'ragapi-reference', value: citation.number },
      el('span', { text: citation.citation || citation.title }),
      citation.section ? el('span', { class: 'ragapi-muted', text: ` Section: ${citation.section}.` }) : null,
      Number.isInteger(citation.page) ? el('span', { class: 'ragapi-muted ragapi-page', text: ` p. ${citation.page}.` }) : null,
      el('span', { class: 'ragapi-reference-actions' },
        el('button', { type: 'button', class: 'ragapi-link-button', 'aria-haspopup': 'dialog', text: 'Show passage',
          'aria-label': `Show the passage of reference ${citation.number}`, onclick: (e) => openCitation(citation, e.currentTarget) }),
        href ? el('a', { href, target: '_blank', rel: 'noopener noreferrer', text: 'Open source',
          'aria-label': `Open the source of reference ${citation.number} (new tab)` }) : null));
  }

  /** The one place a statement becomes an element: the final answer and statements arriving one by one both use it. */
  function statementItem(statement, citations, openCitation) {
    return el('li', {}, textWithCitations(String(statement.text || ''), statement.citations, citations, openCitation));
  }

  function leadParagraph(lead, citations, openCitation) {
    return el('p', { class: 'ragapi-lead' }, textWithCitations(String(lead.text || ''), lead.citations, citations, openCitation));
  }

  /** Consecutive statements with the same heading form a group; a null heading is a group without a sub-heading. */
  function groupsOf(statements) {
    const groups = [];
    for (const statement of statements || []) {
      const heading = statement.heading || null;
      const last = groups[groups.length - 1];
      if (last && last.heading === heading) last.statements.push(statement);
      else groups.push({ heading, statements: [statement] });
    }
    return groups;
  }

  function sectionElements(section, citations, openCitation) {
    const elements = [el('h3', { class: 'ragapi-heading', text: section.title })];
    for (const group of groupsOf(section.statements)) {
      if (group.heading) elements.push(el('h4', { class: 'ragapi-subheading', text: group.heading }));
      elements.push(el('ul', { class: 'ragapi-statements' }, group.statements.map((s) => statementItem(s, citations, openCitation))));
    }
    return elements;
  }

  function renderAnswer(answer, handlers) {
    const citations = answer.citations || [];
    const body = [];
    if (answer.insufficientEvidence) {
      body.push(el('div', { class: 'ragapi-no-evidence', role: 'status' },
        el('h3', { class: 'ragapi-heading', text: 'No relevant evidence found' }),
        el('p', { text: insufficientMessage(answer) })));
    } else {
      if (answer.lead) body.push(leadParagraph(answer.lead, citations, handlers.openCitation));
      for (const section of answer.sections || []) body.push(...sectionElements(section, citations, handlers.openCitation));
      if (citations.length) {
        body.push(el('h3', { class: 'ragapi-heading', text: 'References' }),
          el('ol', { class: 'ragapi-references' }, citations.map((c) => referenceItem(c, handlers.openCitation))));
      }
    }
    body.push(el('p', { class: 'ragapi-disclaimer', role: 'note' },
      el('strong', { text: 'Professional medical disclaimer. ' }), answer.disclaimer || ''));

    const copyStatus = el('span', { class: 'ragapi-copy-status', role: 'status' });
    body.push(el('div', { class: 'ragapi-actions' },
      el('button', { type: 'button', class: 'ragapi-secondary', text: 'Copy answer with references',
        onclick: () => handlers.copy(answer, copyStatus) }),
      copyStatus));

    const followUps = answer.followUpQuestions || [];
    if (followUps.length) {
      const headingId = handlers.newId('followups');
      body.push(el('div', { class: 'ragapi-followups' },
        el('h4', { id: headingId, text: 'Suggested follow-up questions' }),
        el('ul', { 'aria-labelledby': headingId }, followUps.map((question) =>
          el('li', {}, el('button', { type: 'button', class: 'ragapi-suggestion', text: question,
            onclick: () => handlers.ask(question) }))))));
    }
    return body;
  }

  function plainText(question, answer) {
    const lines = [`Question: ${question}`, ''];
    if (answer.insufficientEvidence) lines.push(insufficientMessage(answer), '');
    const withMarkers = (statement) =>
      `${statement.text}${(statement.citations || []).filter((n) => !statement.text.includes(`[${n}]`)).map((n) => ` [${n}]`).join('')}`;
    if (answer.lead) lines.push(withMarkers(answer.lead), '');
    for (const section of answer.sections || []) {
      lines.push(section.title);
      for (const group of groupsOf(section.statements)) {
        if (group.heading) lines.push(`${group.heading}:`);
        for (const statement of group.statements) lines.push(`- ${withMarkers(statement)}`);
      }
      lines.push('');
    }
    if ((answer.citations || []).length) {
      lines.push('References');
      for (const c of answer.citations) {
        lines.push(`${c.number}. ${c.citation || c.title}${c.section ? ` Section: ${c.section}.` : ''}${c.url ? ` ${c.url}` : ''}`);
      }
      lines.push('');
    }
    lines.push(`Professional medical disclaimer. ${answer.disclaimer || ''}`);
    return lines.join('\n');
  }

  async function writeClipboard(text) {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(text);
      return;
    }
    // Plain-http intranets have no async clipboard: the older copy command still works there.
    const area = el('textarea', { value: text, readOnly: true, class: 'ragapi-offscreen', 'aria-hidden': 'true' });
    document.body.append(area);
    area.select();
    const copied = document.execCommand('copy');
    area.remove();
    if (!copied) throw new Error('copy refused');
  }

  // ---- the widget --------------------------------------------------------------------------------------------

  function mount(container) {
    const id = `ragapi-${++instance}`;
    let counter = 0;
    const newId = (name) => `${id}-${name}-${++counter}`;
    const store = conversationStore(`ragapi-widget:${config.apiBase || location.origin}:${container.id || id}`);
    let turns = store.load();
    let inFlight = null;

    // Citation panel: a modal dialog with the passage and its quoted sentence highlighted.
    const dialogTitle = el('h2', { id: `${id}-dialog-title`, class: 'ragapi-dialog-title' });
    const dialogBody = el('div', { class: 'ragapi-dialog-body' });
    const dialog = el('dialog', { class: 'ragapi-dialog', 'aria-labelledby': dialogTitle.id },
      el('div', { class: 'ragapi-dialog-header' }, dialogTitle,
        el('button', { type: 'button', class: 'ragapi-close', 'aria-label': 'Close the passage', text: '×', onclick: () => dialog.close() })),
      dialogBody);
    let opener = null;
    dialog.addEventListener('close', () => { if (opener && opener.isConnected) opener.focus(); });
    dialog.addEventListener('click', (event) => { if (event.target === dialog) dialog.close(); });

    function openCitation(citation, from) {
      opener = from;
      dialogTitle.textContent = `[${citation.number}] ${citation.title}`;
      const passage = String(citation.passage || '');
      const quote = String(citation.quote || '');
      const at = quote ? passage.indexOf(quote) : -1;
      const passageNode = el('blockquote', { class: 'ragapi-passage' },
        at >= 0 ? [passage.slice(0, at), el('mark', { text: quote }), passage.slice(at + quote.length)] : passage);
      const meta = [KIND_LABEL[citation.kind] || citation.kind, citation.source, citation.year,
        Number.isInteger(citation.page) ? `p. ${citation.page}` : null].filter(Boolean).join(' · ');
      const href = safeHref(citation.url);
      dialogBody.replaceChildren(...[
        el('p', { class: 'ragapi-muted', text: meta }),
        citation.section ? el('p', { class: 'ragapi-muted', text: `Section: ${citation.section}` }) : null,
        el('h3', { class: 'ragapi-label', text: 'Passage (the cited sentence is highlighted)' }),
        passageNode,
        el('p', { class: 'ragapi-reference-text', text: citation.citation || '' }),
        href ? el('a', { href, target: '_blank', rel: 'noopener noreferrer', text: 'Open the source (new tab)' }) : null,
      ].filter(Boolean));
      if (!dialog.open) dialog.showModal();
    }

    const thread = el('ol', { class: 'ragapi-thread', 'aria-label': 'Conversation' });
    const emptyNote = el('p', { class: 'ragapi-empty', text: 'Ask a clinical question. Each statement of the answer cites the guideline or research passage it comes from; guidelines come first.' });
    const questionBox = el('textarea', { id: `${id}-question`, class: 'ragapi-input', rows: 2, maxLength: MAX_QUESTION,
      required: true, autocomplete: 'off', 'aria-describedby': `${id}-hint` });
    const questionLabel = el('label', { for: questionBox.id, class: 'ragapi-label' });
    const sendButton = el('button', { type: 'submit', class: 'ragapi-primary', text: 'Ask' });
    const form = el('form', { class: 'ragapi-ask', novalidate: true },
      questionLabel, questionBox,
      el('div', { class: 'ragapi-ask-row' },
        el('span', { id: `${id}-hint`, class: 'ragapi-muted', text: 'Enter sends; Shift+Enter starts a new line.' }),
        sendButton));
    const newButton = el('button', { type: 'button', class: 'ragapi-secondary', text: 'New conversation' });
    const root = el('section', { class: 'ragapi', 'aria-labelledby': `${id}-title` },
      el('header', { class: 'ragapi-header' }, el('h2', { id: `${id}-title`, text: config.title }), newButton),
      emptyNote, thread, form, dialog);

    const handlers = {
      openCitation,
      newId,
      ask: (question) => ask(question),
      copy: async (answer, status) => {
        const turn = turns.find((t) => t.answer === answer);
        try {
          await writeClipboard(plainText(turn ? turn.question : answer.question, answer));
          status.textContent = 'Copied the answer and its references.';
        } catch {
          status.textContent = 'Copying was refused by the browser: select the text and copy it by hand.';
        }
      },
    };

    function refreshChrome() {
      questionLabel.textContent = turns.length ? 'Ask a follow-up question' : 'Ask a clinical question';
      newButton.disabled = thread.childElementCount === 0;
      emptyNote.hidden = thread.childElementCount > 0;
      sendButton.disabled = Boolean(inFlight);
    }

    function turnView(question) {
      const answerBox = el('div', { class: 'ragapi-answer', 'aria-live': 'polite' });
      const questionCard = el('div', { class: 'ragapi-question' },
        el('span', { class: 'ragapi-label', text: 'Question' }), el('p', { text: question }));
      const item = el('li', { class: 'ragapi-turn' }, questionCard, answerBox);
      return { item, questionCard, answerBox };
    }

    function showAnswer(view, answer) {
      view.answerBox.setAttribute('aria-busy', 'false');
      const searched = String(answer.standaloneQuestion || '');
      if (searched && searched !== answer.question) {
        view.questionCard.append(el('p', { class: 'ragapi-standalone', text: `Searched as: ${searched}` }));
      }
      view.answerBox.replaceChildren(...renderAnswer(answer, handlers));
    }

    async function ask(rawQuestion) {
      const question = String(rawQuestion || '').trim();
      if (!question || inFlight) return;
      const view = turnView(question);
      thread.append(view.item);
      const controller = new AbortController();
      inFlight = controller;
      refreshChrome();
      view.answerBox.setAttribute('aria-busy', 'true');
      view.answerBox.replaceChildren(el('p', { class: 'ragapi-status', text: 'Searching the guidelines and research…' }));
      let citations = [];
      const draft = el('div', { class: 'ragapi-draft' });
      // Statements of a generated answer arrive one by one, each already verified; the numbers given here are
      // provisional, the done event's answer (which replaces the draft) numbers the citations for good.
      const streamed = { citations: [], statements: 0, replaced: false };
      try {
        const answer = await streamAnswer(question, historyOf(turns), controller.signal, (event, data) => {
          if (event === 'statement') {
            if (!draft.isConnected) view.answerBox.replaceChildren(draft);
            const numbers = (data.citations || []).map((c) => {
              let known = streamed.citations.find((k) => k.chunkId === c.chunkId && k.quote === c.quote);
              if (!known) {
                known = { ...c, number: streamed.citations.length + 1, passage: c.quote };
                streamed.citations.push(known);
              }
              return known.number;
            });
            streamed.statements += 1;
            draft.append(el('p', { class: 'ragapi-draft-line' }, textWithCitations(String(data.text || ''), numbers, streamed.citations, openCitation)));
          }
          if (event === 'citations') citations = data.citations || [];
          if (event === 'statement') {
            if (!draft.isConnected) view.answerBox.replaceChildren(draft);
            draft.append(el('ul', { class: 'ragapi-statements' }, statementItem(data, citations, openCitation)));
          }
          if (event === 'delta') {
            if (streamed.statements && !streamed.replaced) {
              draft.replaceChildren();
              streamed.replaced = true;
            }
            if (!draft.isConnected) view.answerBox.replaceChildren(draft);
            const line = draftLine(String(data.text || ''), citations, openCitation);
            if (line) draft.append(line);
          }
        });
        turns.push({ question, answer });
        store.save(turns);
        showAnswer(view, answer);
      } catch (error) {
        if (controller.signal.aborted) return;
        view.answerBox.setAttribute('aria-busy', 'false');
        const message = error instanceof AskError ? error.message : 'Something went wrong while showing the answer. Please try again.';
        view.answerBox.replaceChildren(el('div', { class: 'ragapi-error', role: 'alert' },
          el('p', { text: message }),
          error.retryable !== false
            ? el('button', { type: 'button', class: 'ragapi-primary', text: 'Try again', onclick: () => {
              view.item.remove();
              questionBox.focus();
              ask(question);
            } })
            : null));
      } finally {
        if (inFlight === controller) inFlight = null;
        refreshChrome();
      }
    }

    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const question = questionBox.value.trim();
      if (!question || inFlight) return;
      questionBox.value = '';
      ask(question);
    });
    questionBox.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
        event.preventDefault();
        form.requestSubmit();
      }
    });
    newButton.addEventListener('click', () => {
      if (inFlight) inFlight.abort();
      inFlight = null;
      turns = [];
      store.clear();
      thread.replaceChildren();
      refreshChrome();
      questionBox.focus();
    });

    for (const turn of turns) {
      const view = turnView(turn.question);
      thread.append(view.item);
      showAnswer(view, turn.answer);
    }
    refreshChrome();
    container.replaceChildren(root);
  }

  function start() {
    ensureStylesheet();
    let container = document.querySelector(config.target);
    if (!container) {
      container = el('div');
      script.after(container);
    }
    mount(container);
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
