// The fascia explorer: asks the server's JSON API and draws its answers. Every text
// from the data goes into the page as text (never as markup); the address bar holds
// the query, so answers can be bookmarked and back and forward work.
'use strict';

const $ = (selector) => document.querySelector(selector);

/** An element with attributes and children (strings become text). */
function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key === 'class') node.className = value;
    else node.setAttribute(key, value === true ? '' : String(value));
  }
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

/** A name as a query writes it: quoted, with the quote it does not contain. */
function quote(name) {
  return name.includes('"') ? `'${name}'` : `"${name}"`;
}

const showQuery = (id) => `show ${quote(id)}`;
const href = (query) => `/?q=${encodeURIComponent(query)}`;

/** A link that asks `query` in the page. */
function queryLink(query, ...text) {
  return el('a', { href: href(query), 'data-q': query }, text.length ? text : query);
}

/** A structure `{id, name, kind}` as a link to its card. */
function structureLink(s) {
  return queryLink(showQuery(s.id), s.name);
}

function joined(items, separator) {
  const out = [];
  items.forEach((item, i) => {
    if (i > 0) out.push(separator);
    out.push(item);
  });
  return out;
}

function words(relation) {
  const text = relation.replace(/-/g, ' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Root levels as the texts print them: "C5, C6 (C7)". */
function levels(principal, contributing) {
  let text = (principal || []).join(', ');
  if (contributing && contributing.length) {
    text += `${text ? ' ' : ''}(${contributing.join(', ')})`;
  }
  return text;
}

// ------------------------------------------------------------------ fetching

let asking = 0; // the latest request; older answers arriving late are dropped

async function getJson(url) {
  const response = await fetch(url, { headers: { Accept: 'application/json' } });
  let body = null;
  try {
    body = await response.json();
  } catch (e) {
    body = { error: { message: `the server answered ${response.status} without JSON` } };
  }
  return { ok: response.ok, status: response.status, body };
}

const lists = new Map();

/** The structures a set query lists (cached): for the forms' lists of names. */
async function structures(query) {
  if (!lists.has(query)) {
    lists.set(query, getJson(`/api/query?q=${encodeURIComponent(query)}`)
      .then((r) => (Array.isArray(r.body) ? r.body : [])));
  }
  return lists.get(query);
}

async function fillList(list, queries) {
  const found = (await Promise.all(queries.map(structures))).flat();
  const names = [...new Set(found.map((s) => s.name))].sort((a, b) => a.localeCompare(b));
  list.replaceChildren(...names.map((name) => el('option', { value: name })));
}

// ------------------------------------------------------------------ navigation

/** Asks `query`: the address bar takes it (a new history entry when `push`). */
function go(query, push = true) {
  const q = query.trim();
  $('#q').value = q;
  closeCompletions();
  if (push) history.pushState({ q }, '', q ? href(q) : '/');
  ask(q);
}

window.addEventListener('popstate', () => {
  const q = new URLSearchParams(location.search).get('q') || '';
  $('#q').value = q;
  ask(q);
});

document.addEventListener('click', (event) => {
  const link = event.target.closest('a[data-q]');
  if (!link || event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
  event.preventDefault();
  go(link.dataset.q);
});

document.addEventListener('keydown', (event) => {
  const typing = /^(INPUT|SELECT|TEXTAREA)$/.test(document.activeElement.tagName);
  if (event.key === '/' && !typing) {
    event.preventDefault();
    $('#q').focus();
    $('#q').select();
  }
});

$('#search').addEventListener('submit', (event) => {
  event.preventDefault();
  go($('#q').value);
});

// ------------------------------------------------------------------ answers

async function ask(q) {
  const mine = ++asking;
  const answer = $('#answer');
  if (!q) {
    answer.replaceChildren(el('p', { class: 'intro' },
      'Type a structure\'s name, a query or a question. Every name in an answer is a ',
      'link to its card; the picture beside it is clickable too.'));
    hidePicture();
    document.title = 'fascia';
    return;
  }
  document.title = `${q} · fascia`;
  answer.setAttribute('aria-busy', 'true');
  let result;
  try {
    result = await getJson(`/api/answer?q=${encodeURIComponent(q)}`);
  } catch (e) {
    result = { body: { error: { message: `cannot reach the server: ${e.message}` } } };
  }
  if (mine !== asking) return;
  answer.removeAttribute('aria-busy');
  const body = result.body || {};
  if (body.error) {
    answer.replaceChildren(drawError(q, body.error));
    hidePicture();
    return;
  }
  const parts = [];
  for (const entry of body.answers || []) {
    const section = el('section', { class: 'entry' });
    if (body.asked || body.answers.length > 1) {
      section.append(el('p', { class: 'asked' }, '= ', queryLink(entry.query)));
    }
    section.append(entry.error ? drawError(entry.query, entry.error) : drawAnswer(entry));
    parts.push(section);
  }
  answer.replaceChildren(...parts);
  const pictured = (body.answers || []).find((e) => !e.error && !['count', 'help', 'dot'].includes(e.type));
  if (pictured) picture(pictured.query, mine);
  else hidePicture();
}

/** An error with the query's line and a caret under the column it is about. */
function drawError(query, error) {
  const box = el('div', { class: 'error', role: 'alert' }, el('p', {}, el('strong', {}, 'error: '), error.message));
  if (error.column) {
    const line = query.split('\n')[0];
    const caret = ' '.repeat(error.column - 1) + '^'.repeat(Math.max(1, error.width || 1));
    box.append(el('pre', {}, `${line}\n${caret}`));
  }
  for (const help of error.help || []) box.append(el('p', { class: 'help' }, help));
  return box;
}

const drawers = {
  set: drawSet,
  count: (entry) => el('p', { class: 'count' }, String(entry.answer.count)),
  show: (entry) => drawCard(entry.answer),
  path: drawPath,
  paths: drawPaths,
  why: drawWhy,
  around: drawAround,
  lesion: drawLesion,
  localize: drawLocalize,
  sign: drawSign,
  help: (entry) => el('pre', { class: 'help-text' }, entry.answer),
  dot: (entry) => el('pre', {}, entry.answer),
};

function drawAnswer(entry) {
  const draw = drawers[entry.type];
  return draw ? draw(entry) : el('pre', {}, JSON.stringify(entry.answer, null, 2));
}

/** A table; its `id` column is the first to go on a narrow screen, as on a terminal. */
function table(headers, rows) {
  const cls = (i) => (headers[i] === 'id' ? 'id' : null);
  return el('div', { class: 'table' }, el('table', {},
    el('thead', {}, el('tr', {}, headers.map((h, i) => el('th', { scope: 'col', class: cls(i) }, h)))),
    el('tbody', {}, rows.map((row) => el('tr', {}, row.map((cell, i) => el('td', { class: cls(i) }, cell)))))));
}

function drawSet(entry) {
  const items = entry.answer;
  const note = entry.note || {};
  const through = items.some((s) => s.via || s.minor);
  const rows = items.map((s) => {
    const row = [structureLink(s), s.kind, el('code', {}, s.id)];
    if (through) {
      row.push([joined((s.via || []).map(structureLink), '; '), s.minor ? ' (minor share)' : '']);
    }
    return row;
  });
  const total = note.total ?? items.length;
  const counted = items.length < total
    ? `${items.length} of ${total} structures`
    : `${total} structure${total === 1 ? '' : 's'}`;
  const more = [];
  if (note.starred) more.push([`${note.starred.count} with `, queryLink(note.starred.query)]);
  if (note.more_disputed) more.push(`${note.more_disputed} more including disputed`);
  if (note.more_contributing) more.push(`${note.more_contributing} more including contributing`);
  const footer = el('p', { class: 'note' }, `(${items.length ? counted : 'no structures'}`,
    more.length ? ['; ', joined(more, '; ')] : '', ')');
  if (!items.length) return footer;
  const headers = ['name', 'kind', 'id'];
  if (through) headers.push('through');
  return el('div', {}, table(headers, rows), footer);
}

// ------------------------------------------------------------------ the card

/** A source's number in the card and a link to it. */
function sourceRefs(ids, numbers) {
  const refs = (ids || []).filter((id) => numbers.has(id));
  if (!refs.length) return null;
  return el('span', { class: 'refs' }, ' [', joined(refs.map((id) =>
    el('a', { href: `#src-${numbers.get(id)}`, title: id }, String(numbers.get(id)))), ', '), ']');
}

function safeUrl(url) {
  return /^https?:\/\//i.test(url || '') ? url : null;
}

function drawCard(card) {
  const numbers = new Map(card.sources.map((s, i) => [s.id, i + 1]));
  const out = el('article', { class: 'card' },
    el('h2', {}, card.name),
    el('p', { class: 'meta' }, `${card.kind} · id `, el('code', {}, card.id)));
  if (card.latin) out.append(el('p', {}, el('span', { class: 'label' }, 'Latin: '), el('i', {}, card.latin)));
  if (card.aliases && card.aliases.length) {
    out.append(el('p', {}, el('span', { class: 'label' }, 'Also called: '), card.aliases.join(', ')));
  }
  const ids = Object.entries(card.xref || {}).filter(([k]) => k !== 'source' && k !== 'uberon_source');
  if (ids.length) {
    out.append(el('p', {}, el('span', { class: 'label' }, 'Identifiers: '), joined(ids.map(([scheme, id]) =>
      [`${scheme.toUpperCase()} ${id}`,
        sourceRefs([scheme === 'uberon' ? card.xref.uberon_source || card.xref.source : card.xref.source], numbers)]),
    ' · ')));
  }
  let list = null;
  let heading = null;
  for (const fact of card.facts) {
    if (fact.relation !== heading) {
      heading = fact.relation;
      list = el('ul', { class: 'facts' });
      out.append(el('h3', {}, words(fact.relation)), list);
    }
    list.append(factItem(fact, numbers));
  }
  const lv = card.levels || {};
  if ((lv.principal && lv.principal.length) || (lv.contributing && lv.contributing.length)) {
    out.append(el('h3', {}, 'Root levels'), el('p', {},
      el('strong', {}, (lv.principal || []).join(', ') || '—'), ' principal',
      lv.contributing && lv.contributing.length ? `; ${lv.contributing.join(', ')} contributing` : ''));
  }
  if (card.notes && card.notes.length) {
    out.append(el('h3', {}, 'Notes'), el('ul', {}, card.notes.map((n) => el('li', {}, n))));
  }
  out.append(el('h3', {}, 'Sources'), sourceList(card.sources));
  return out;
}

/** Numbered sources with their links and where each stands. */
function sourceList(sources) {
  return el('ol', { class: 'sources' }, sources.map((s, i) => {
    const url = safeUrl(s.url);
    const title = url ? el('a', { href: url, rel: 'noopener noreferrer', target: '_blank' }, s.title) : s.title;
    const standing = [s.id, s.tier && s.tier !== 'unknown' ? s.tier : null, s.work ? `work ${s.work}` : null]
      .filter(Boolean).join('; ');
    return el('li', { id: `src-${i + 1}` }, title, s.publisher ? `, ${s.publisher}` : '',
      s.read ? ` (read ${s.read})` : '', el('span', { class: 'standing' }, ` ${standing}`));
  }));
}

/** A bedside sign: the findings it stands for, usable in localize. */
function drawSign(entry) {
  const sign = entry.answer;
  const out = el('article', { class: 'card' },
    el('h2', {}, sign.name),
    el('p', { class: 'meta' }, 'bedside sign · id ', el('code', {}, sign.id)));
  if (sign.aliases && sign.aliases.length) {
    out.append(el('p', {}, el('span', { class: 'label' }, 'Also called: '), sign.aliases.join(', ')));
  }
  out.append(el('h3', {}, 'Findings'),
    table(['finding', 'structure'], sign.findings.map((f) => [f.finding, structureLink(f)])));
  if (sign.note) out.append(el('p', { class: 'fact-note' }, sign.note));
  out.append(el('h3', {}, 'Sources'), sourceList(sign.sources));
  return out;
}

function factItem(fact, numbers) {
  const bits = [structureLink(fact.structure)];
  const lv = levels(fact.roots, fact.contributing);
  if (lv) bits.push(` (${lv})`);
  if (fact.role) bits.push(`, ${fact.role}`);
  if (fact.minor) bits.push(', minor share');
  if (fact.part) bits.push(el('span', { class: 'part' }, ' — through ', structureLink(fact.part)));
  if (fact.status && fact.status !== 'standard') bits.push(el('span', { class: 'status' }, ` ${fact.status}`));
  bits.push(sourceRefs(fact.sources, numbers));
  const item = el('li', {}, bits);
  if (fact.note) item.append(el('p', { class: 'fact-note' }, fact.note));
  return item;
}

// ------------------------------------------------------------------ other answers

function chain(path) {
  const out = [structureLink(path.nodes[0])];
  path.edges.forEach((edge, i) => {
    out.push(el('span', { class: 'step' }, ` —${edge.reads}→ `), structureLink(path.nodes[i + 1]));
  });
  return out;
}

function drawPath(entry) {
  const path = entry.answer;
  if (!path) return el('p', { class: 'note' }, '(not connected)');
  return el('p', { class: 'chain' }, chain(path), el('span', { class: 'note' },
    ` (${path.edges.length} step${path.edges.length === 1 ? '' : 's'})`));
}

function drawPaths(entry) {
  if (!entry.answer.length) return el('p', { class: 'note' }, '(not connected)');
  return el('ol', { class: 'chains' }, entry.answer.map((p) => el('li', {}, chain(p))));
}

function factLine(fact) {
  return el('li', {}, structureLink(fact.subject), ` ${fact.relation} `, structureLink(fact.object),
    fact.roots && fact.roots.length ? ` (${levels(fact.roots, fact.contributing)})` : '',
    fact.status !== 'standard' ? ` ${fact.status}` : '',
    el('span', { class: 'standing' }, ` [${fact.sources.join(', ')}] ${fact.location}`));
}

function drawWhy(entry) {
  const w = entry.answer;
  const out = el('div', {}, el('p', {}, structureLink(w.subject), ` ${w.relation} `, structureLink(w.target)));
  if (w.asserted.length) out.append(el('h3', {}, 'Stated'), el('ul', {}, w.asserted.map(factLine)));
  if (w.inferred) out.append(el('h3', {}, `Inferred through ${w.inferred.length} facts`), el('ol', {}, w.inferred.map(factLine)));
  if (!w.asserted.length && !w.inferred) out.append(el('p', { class: 'note' }, '(no such fact)'));
  return out;
}

function drawAround(entry) {
  const g = entry.answer;
  const byId = new Map(g.nodes.map((n) => [n.id, n]));
  const named = (id) => (byId.has(id) ? structureLink(byId.get(id)) : id);
  return el('div', {},
    table(['name', 'kind', 'id'], g.nodes.map((n) => [structureLink(n), n.kind, el('code', {}, n.id)])),
    el('ul', { class: 'facts' }, g.edges.map((e) => el('li', {}, named(e.subject), ` ${e.relation} `, named(e.object)))),
    g.truncated ? el('p', { class: 'note' }, '(more facts than are shown)') : '');
}

function lesionTitle(lesion) {
  if (lesion.kind !== 'lesion-site') return structureLink(lesion);
  return [lesion.name, ' (', structureLink(lesion.nerve), ' at ', structureLink(lesion.at), ')'];
}

function drawLesion(entry) {
  const d = entry.answer;
  const out = el('div', { class: 'lesion' }, el('h2', {}, 'Lesion of ', lesionTitle(d.lesion)));
  if (d.lesion.spares && d.lesion.spares.length) {
    out.append(el('p', {}, 'Spares what leaves above it: ', joined(d.lesion.spares.map(structureLink), ', ')));
  }
  if (d.lesion.note) out.append(el('p', { class: 'fact-note' }, d.lesion.note));
  const section = (title, items, extra) => {
    if (!items.length) return;
    out.append(el('h3', {}, title), table(['', 'effect'].concat(extra ? [extra[0]] : []),
      items.map((m) => [structureLink(m), m.effect].concat(extra ? [extra[1](m)] : []))));
  };
  section('Muscles', d.muscles, ['parts', (m) => joined((m.parts || []).map((p) => [structureLink(p), ` ${p.effect}`]), '; ')]);
  section('Movements', d.movements, ['still performed by', (m) => joined(m['still-performed-by'].map(structureLink), ', ')]);
  section('Skin', d.skin);
  section('Reflexes', d.reflexes);
  section('Glands', d.glands || []);
  section('Senses', d.senses || []);
  out.append(el('p', { class: 'note' }, '(a teaching aid over textbook anatomy, not a diagnostic device)'));
  return out;
}

function drawLocalize(entry) {
  const list = el('ol', { class: 'candidates' }, entry.answer.map((c) => {
    const findings = (label, items) => (items.length
      ? el('p', { class: 'finding' }, `${label}: `, joined(items.map(structureLink), ', ')) : '');
    return el('li', {}, el('span', { class: 'rank' }, `${c.rank}. `), lesionTitle(c),
      el('span', { class: 'score' }, ` score ${c.score.toFixed(2)}`),
      findings('explains', c.explains), findings('misses', c.misses), findings('contradicts', c.contradicts),
      c['tells-apart'] ? el('p', { class: 'finding' }, 'to tell it from the next: test ',
        structureLink(c['tells-apart'].structure),
        ` (${c['tells-apart'].here} here, ${c['tells-apart'].next} in the next)`) : '');
  }));
  return el('div', {}, entry.answer.length ? list : el('p', { class: 'note' }, '(no candidate)'),
    el('p', { class: 'note' }, '(a teaching aid over textbook anatomy, not a diagnostic device)'));
}

// ------------------------------------------------------------------ the picture

let zoom = 1;

function hidePicture() {
  $('#picture').hidden = true;
  $('#drawing').replaceChildren();
}

async function picture(query, mine) {
  let text;
  try {
    const response = await fetch(`/api/svg?q=${encodeURIComponent(query)}`);
    if (!response.ok) throw new Error(String(response.status));
    text = await response.text();
  } catch (e) {
    if (mine === asking) hidePicture();
    return;
  }
  if (mine !== asking) return;
  const parsed = new DOMParser().parseFromString(text, 'image/svg+xml');
  const svg = parsed.documentElement;
  if (svg.nodeName !== 'svg') {
    hidePicture();
    return;
  }
  svg.querySelectorAll('script, foreignObject').forEach((n) => n.remove());
  const drawing = document.importNode(svg, true);
  drawing.dataset.width = drawing.getAttribute('width');
  drawing.dataset.height = drawing.getAttribute('height');
  drawing.setAttribute('role', 'img');
  drawing.setAttribute('aria-label', `Picture of ${query}`);
  for (const node of drawing.querySelectorAll('g.structure[data-id]')) {
    const title = node.querySelector('title');
    node.setAttribute('tabindex', '0');
    node.setAttribute('role', 'link');
    node.setAttribute('aria-label', title ? title.textContent : node.dataset.id);
  }
  $('#drawing').replaceChildren(drawing);
  $('#picture').hidden = false;
  fit();
}

function applyZoom() {
  const svg = $('#drawing svg');
  if (!svg) return;
  svg.setAttribute('width', Math.round(Number(svg.dataset.width) * zoom));
  svg.setAttribute('height', Math.round(Number(svg.dataset.height) * zoom));
}

function fit() {
  const svg = $('#drawing svg');
  if (!svg) return;
  const room = $('#drawing').clientWidth || 600;
  zoom = Math.min(1, room / Number(svg.dataset.width || room));
  applyZoom();
}

$('#picture').addEventListener('click', (event) => {
  const button = event.target.closest('button[data-zoom]');
  if (button) {
    const how = button.dataset.zoom;
    if (how === 'fit') fit();
    else {
      zoom = Math.max(0.1, Math.min(8, zoom * (how === 'in' ? 1.25 : 0.8)));
      applyZoom();
    }
    return;
  }
  const node = event.target.closest('g.structure[data-id]');
  if (node) go(showQuery(node.dataset.id));
});

$('#picture').addEventListener('keydown', (event) => {
  const node = event.target.closest('g.structure[data-id]');
  if (node && (event.key === 'Enter' || event.key === ' ')) {
    event.preventDefault();
    go(showQuery(node.dataset.id));
  }
});

$('#drawing').addEventListener('wheel', (event) => {
  if (!event.ctrlKey) return;
  event.preventDefault();
  zoom = Math.max(0.1, Math.min(8, zoom * (event.deltaY < 0 ? 1.1 : 0.9)));
  applyZoom();
}, { passive: false });

// ------------------------------------------------------------------ completion

let completing = 0;
let active = -1;
let offered = [];

function closeCompletions() {
  const list = $('#completions');
  list.hidden = true;
  list.replaceChildren();
  offered = [];
  active = -1;
  $('#q').setAttribute('aria-expanded', 'false');
  $('#q').removeAttribute('aria-activedescendant');
}

function highlight(index) {
  active = index;
  const items = $('#completions').children;
  for (let i = 0; i < items.length; i++) items[i].setAttribute('aria-selected', String(i === index));
  if (index >= 0 && items[index]) {
    $('#q').setAttribute('aria-activedescendant', items[index].id);
    items[index].scrollIntoView({ block: 'nearest' });
  }
}

function accept(index) {
  const line = offered[index];
  if (line === undefined) return;
  $('#q').value = `${line} `;
  closeCompletions();
  $('#q').focus();
  suggest();
}

async function suggest() {
  const input = $('#q');
  const mine = ++completing;
  if (!input.value.trim() || input.selectionStart !== input.value.length) {
    closeCompletions();
    return;
  }
  let result;
  try {
    result = await getJson(`/api/complete?q=${encodeURIComponent(input.value)}`);
  } catch (e) {
    return;
  }
  if (mine !== completing || !result.ok) return;
  const { candidates = [], lines: full = [] } = result.body;
  if (!candidates.length) {
    closeCompletions();
    return;
  }
  offered = full;
  const list = $('#completions');
  list.replaceChildren(...candidates.map((word, i) => el('li', { id: `completion-${i}`, role: 'option', 'aria-selected': 'false' }, word)));
  list.hidden = false;
  input.setAttribute('aria-expanded', 'true');
  active = -1;
}

let debounce = 0;
$('#q').addEventListener('input', () => {
  clearTimeout(debounce);
  debounce = setTimeout(suggest, 120);
});

$('#q').addEventListener('keydown', (event) => {
  const open = !$('#completions').hidden && offered.length;
  if (event.key === 'ArrowDown' && open) {
    event.preventDefault();
    highlight((active + 1) % offered.length);
  } else if (event.key === 'ArrowUp' && open) {
    event.preventDefault();
    highlight((active - 1 + offered.length) % offered.length);
  } else if (event.key === 'Tab' && open && !event.shiftKey) {
    event.preventDefault();
    accept(active >= 0 ? active : 0);
  } else if (event.key === 'Enter' && open && active >= 0) {
    event.preventDefault();
    accept(active);
  } else if (event.key === 'Escape') {
    closeCompletions();
  }
});

$('#completions').addEventListener('mousedown', (event) => {
  const item = event.target.closest('li[role=option]');
  if (!item) return;
  event.preventDefault();
  accept(Array.prototype.indexOf.call(item.parentNode.children, item));
});

$('#q').addEventListener('blur', () => setTimeout(closeCompletions, 150));

// ------------------------------------------------------------------ the tools

const panelLists = {
  'path-panel': () => fillList($('#all-names'), ['structures']),
  'lesion-panel': () => fillList($('#lesion-names'), ['nerves', 'roots']),
  'localize-panel': () => findingList(),
  'quiz-panel': () => { if (!quizKey) nextQuestion(); },
};

for (const button of document.querySelectorAll('nav button[data-panel]')) {
  button.addEventListener('click', () => {
    const panel = document.getElementById(button.dataset.panel);
    const opening = panel.hidden;
    for (const other of document.querySelectorAll('nav button[data-panel]')) {
      document.getElementById(other.dataset.panel).hidden = true;
      other.setAttribute('aria-expanded', 'false');
    }
    panel.hidden = !opening;
    button.setAttribute('aria-expanded', String(opening));
    if (opening) {
      panelLists[button.dataset.panel]();
      const first = panel.querySelector('input, select');
      if (first) first.focus();
    }
  });
}

$('#path-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const form = event.target;
  const from = quote(form.from.value.trim());
  const to = quote(form.to.value.trim());
  go(form.max.value ? `paths ${from} to ${to} max ${form.max.value}` : `path ${from} to ${to}`);
});

let sitesList = null;
async function sitesOf(nerveName) {
  if (!sitesList) sitesList = getJson('/api/sites').then((r) => (Array.isArray(r.body) ? r.body : []));
  const wanted = nerveName.trim().toLowerCase();
  return (await sitesList).filter((s) => s.nerve.name.toLowerCase() === wanted || s.nerve.id === wanted);
}

$('#lesion-form').nerve.addEventListener('change', async (event) => {
  const select = $('#lesion-form').at;
  const sites = await sitesOf(event.target.value);
  select.replaceChildren(el('option', { value: '' }, 'anywhere along it'),
    ...sites.map((s) => el('option', { value: s.at.name }, s.name)));
});

$('#lesion-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const form = event.target;
  let query = `lesion ${quote(form.nerve.value.trim())}`;
  if (form.at.value) query += ` at ${quote(form.at.value)}`;
  if (form.disputed.checked) query += ' including disputed';
  go(query);
});

const findingKinds = {
  weak: ['muscles', 'groups', 'movements'],
  spared: ['muscles', 'groups', 'movements'],
  numb: ['skin-areas', 'dermatomes'],
  'reflex-lost': ['reflexes'],
  lost: ['glands', 'senses'],
};
const findings = [];

function findingList() {
  return fillList($('#finding-names'), findingKinds[$('#localize-form').sign.value]);
}

$('#localize-form').sign.addEventListener('change', findingList);

function drawFindings() {
  $('#findings').replaceChildren(...findings.map((f, i) => el('li', {}, `${f.sign} ${f.what} `,
    el('button', { type: 'button', 'data-remove': i, 'aria-label': `Remove ${f.sign} ${f.what}` }, '×'))));
}

$('#add-finding').addEventListener('click', () => {
  const form = $('#localize-form');
  const what = form.what.value.trim();
  if (!what) return;
  findings.push({ sign: form.sign.value, what });
  form.what.value = '';
  form.what.focus();
  drawFindings();
});

$('#localize-form').what.addEventListener('keydown', (event) => {
  if (event.key === 'Enter' && event.target.value.trim()) {
    event.preventDefault();
    $('#add-finding').click();
  }
});

$('#findings').addEventListener('click', (event) => {
  const button = event.target.closest('button[data-remove]');
  if (!button) return;
  findings.splice(Number(button.dataset.remove), 1);
  drawFindings();
});

$('#localize-form').addEventListener('submit', (event) => {
  event.preventDefault();
  if (!findings.length) return;
  const bySign = new Map();
  for (const f of findings) bySign.set(f.sign, (bySign.get(f.sign) || []).concat(quote(f.what)));
  go(`localize ${[...bySign].map(([sign, names]) => `${sign} ${names.join(', ')}`).join(' ')}`);
});

// ------------------------------------------------------------------ the quiz

let quizKey = null;

async function nextQuestion() {
  const seed = Math.floor(Math.random() * 1e9);
  const r = await getJson(`/api/quiz?count=1&seed=${seed}`);
  const q = Array.isArray(r.body) ? r.body[0] : null;
  quizKey = q ? q.key : null;
  $('#quiz-question').textContent = q ? q.question : 'No question could be drawn from this data.';
  $('#quiz-result').replaceChildren();
  const input = $('#quiz-form').answer;
  input.value = '';
  input.focus();
}

$('#quiz-next').addEventListener('click', nextQuestion);

$('#quiz-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  if (!quizKey) return;
  const typed = event.target.answer.value;
  const r = await getJson(`/api/grade?key=${encodeURIComponent(quizKey)}&answer=${encodeURIComponent(typed)}`);
  const g = r.body;
  if (!r.ok) {
    $('#quiz-result').replaceChildren(drawError('', g.error || { message: 'cannot grade' }));
    return;
  }
  const names = (list) => joined(list.map(structureLink), ', ');
  $('#quiz-result').replaceChildren(
    el('p', { class: `verdict ${g.verdict.replace(/ /g, '-')}` }, g.verdict),
    el('p', {}, 'Answer: ', names(g.answer)),
    g.missing.length ? el('p', {}, 'Missing: ', names(g.missing)) : '',
    g.extra.length ? el('p', {}, 'Not in the answer: ', names(g.extra)) : '',
    g.unknown.length ? el('p', {}, `Not read as a structure: ${g.unknown.join(', ')}`) : '',
    el('p', {}, 'Query: ', queryLink(g.query)),
    el('p', { class: 'standing' }, 'Sources: ', joined(g.sources.map((s) => {
      const url = safeUrl(s.url);
      return url ? el('a', { href: url, rel: 'noopener noreferrer', target: '_blank' }, s.title) : s.title;
    }), '; ')));
});

// ------------------------------------------------------------------ start

{
  const q = new URLSearchParams(location.search).get('q') || '';
  history.replaceState({ q }, '', q ? href(q) : '/');
  $('#q').value = q;
  if (q) ask(q);
}
