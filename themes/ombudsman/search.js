// Search on the static site (zoeken/). Loads the index that the build wrote beside the page
// (zoeken/index.json: scrubbed titles, summaries, terms and keywords only) and lists the
// documents in which every word of the query starts a word of the title, the summary, the terms
// or the keywords. Titles weigh most. No inline script: the page's CSP allows only this file.
(function () {
  'use strict';

  var form = document.getElementById('zoeken');
  var input = document.getElementById('zoekterm');
  var status = document.getElementById('zoek-status');
  var results = document.getElementById('zoek-resultaten');
  if (!form || !input || !status || !results) return;

  var kindLabels = {zaakverslag: 'Zaakverslag', rapport: 'Rapport', pagina: 'Pagina'};
  var months = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus',
                'september', 'oktober', 'november', 'december'];
  var maxShown = 50;
  var documents = null;

  // Lower case without diacritics: "Één" and "een" match.
  function fold(text) {
    return String(text).toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  }

  function words(text) {
    return fold(text).split(/[^a-z0-9]+/).filter(function (w) { return w.length > 0; });
  }

  function dateLabel(iso) {
    var m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso || '');
    if (!m) return '';
    return Number(m[3]) + ' ' + months[Number(m[2]) - 1] + ' ' + m[1];
  }

  function prepare(doc) {
    return {
      doc: doc,
      title: words(doc.title),
      terms: words((doc.terms || []).join(' ')),
      summary: words(doc.summary || ''),
      keywords: words((doc.keywords || []).join(' '))
    };
  }

  function hits(list, word) {
    for (var i = 0; i < list.length; i++) if (list[i].indexOf(word) === 0) return true;
    return false;
  }

  // 0 when a query word is found nowhere; otherwise higher for better places.
  function score(entry, query) {
    var total = 0;
    for (var i = 0; i < query.length; i++) {
      var w = query[i];
      var s = (hits(entry.title, w) ? 4 : 0) + (hits(entry.terms, w) ? 3 : 0) +
              (hits(entry.summary, w) ? 2 : 0) + (hits(entry.keywords, w) ? 1 : 0);
      if (s === 0) return 0;
      total += s;
    }
    return total;
  }

  function element(tag, className, text) {
    var el = document.createElement(tag);
    if (className) el.className = className;
    if (text) el.textContent = text;
    return el;
  }

  function render(query) {
    results.textContent = '';
    var q = words(query);
    if (q.length === 0) {
      status.textContent = '';
      return;
    }
    var found = [];
    for (var i = 0; i < documents.length; i++) {
      var s = score(documents[i], q);
      if (s > 0) found.push({entry: documents[i], score: s});
    }
    found.sort(function (a, b) {
      if (a.score !== b.score) return b.score - a.score;
      return a.entry.doc.date < b.entry.doc.date ? 1 : a.entry.doc.date > b.entry.doc.date ? -1 : 0;
    });
    if (found.length === 0) {
      status.textContent = 'Geen resultaten voor \u201c' + query.trim() + '\u201d.';
      return;
    }
    status.textContent = (found.length === 1 ? '1 resultaat' : found.length + ' resultaten') +
                         ' voor \u201c' + query.trim() + '\u201d' +
                         (found.length > maxShown ? '; de eerste ' + maxShown + ' staan hieronder.' : '.');
    var root = form.getAttribute('data-root') || '';
    for (var j = 0; j < found.length && j < maxShown; j++) {
      var doc = found[j].entry.doc;
      var li = element('li', 'ombu-search__result');
      var heading = element('h2', 'ombu-heading-3');
      var link = element('a', 'ombu-link', doc.title);
      link.href = root + doc.url;
      heading.appendChild(link);
      li.appendChild(heading);
      var meta = [kindLabels[doc.kind] || doc.kind, dateLabel(doc.date)];
      if (doc.kind === 'zaakverslag' && doc.terms && doc.terms.length) meta.push(doc.terms[0]);
      li.appendChild(element('p', 'ombu-search__meta', meta.filter(Boolean).join(' \u00b7 ')));
      if (doc.summary) li.appendChild(element('p', '', doc.summary));
      results.appendChild(li);
    }
  }

  function queryFromAddress() {
    var m = /[?&]q=([^&#]*)/.exec(window.location.search);
    return m ? decodeURIComponent(m[1].replace(/\+/g, ' ')) : '';
  }

  form.hidden = false;
  input.value = queryFromAddress();
  status.textContent = 'De zoekindex wordt geladen\u2026';

  fetch(form.getAttribute('data-index'), {credentials: 'same-origin'})
    .then(function (response) {
      if (!response.ok) throw new Error(String(response.status));
      return response.json();
    })
    .then(function (index) {
      documents = (index.documents || []).map(prepare);
      status.textContent = '';
      render(input.value);
    })
    .catch(function () {
      status.textContent = 'Zoeken lukt nu niet. Gebruik de lijsten hieronder.';
    });

  input.addEventListener('input', function () {
    if (documents) render(input.value);
  });
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    if (documents) render(input.value);
    if (window.history && window.history.replaceState) {
      var q = input.value.trim();
      window.history.replaceState(null, '', q ? '?q=' + encodeURIComponent(q) : './');
    }
  });
})();
