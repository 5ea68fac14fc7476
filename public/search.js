/*
 * The search page's script. Loads Pagefind's index from the site's own `pagefind/` folder (no
 * inline script, no third-party origin) and shows results with headline, date and excerpt, with
 * filters by year, entity type and entity. Until it runs (no JavaScript, an error, or a page opened
 * from file://, where browsers refuse the module import and fetches Pagefind needs) the page shows
 * links to the site's listings instead.
 */
(function () {
  'use strict';
  var PAGE_SIZE = 20;
  var DELAY = 200;
  var mount = document.getElementById('search');
  var fallback = document.getElementById('search-fallback');
  if (!mount) return;

  /** Text to a DOM node, never parsed as markup. */
  function text(value) {
    return document.createTextNode(value == null ? '' : String(value));
  }
  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (key) {
      if (key === 'className') node.className = attrs[key];
      else node.setAttribute(key, attrs[key]);
    });
    (children || []).forEach(function (child) {
      node.appendChild(typeof child === 'string' ? text(child) : child);
    });
    return node;
  }
  function say(message) {
    var note = document.getElementById('search-status');
    if (note) note.textContent = message;
  }

  /** A Pagefind excerpt as DOM: only its text and its <mark> highlights survive. */
  function excerptNode(html) {
    var parsed = new DOMParser().parseFromString('<p>' + html + '</p>', 'text/html');
    var out = el('p', { className: 'search-excerpt' });
    (function copy(from, to) {
      from.childNodes.forEach(function (child) {
        if (child.nodeType === 3) to.appendChild(text(child.nodeValue));
        else if (child.nodeType === 1) {
          var target = child.nodeName === 'MARK' ? to.appendChild(el('mark')) : to;
          copy(child, target);
        }
      });
    })(parsed.body.firstChild || parsed.body, out);
    return out;
  }

  if (location.protocol === 'file:') {
    say('Full-text search needs the site to be served over http(s); browsers block it for files opened from disk. Browse the listings below instead.');
    return;
  }

  var bundle = new URL(mount.getAttribute('data-bundle'), document.baseURI).href;
  // The index sits in <site root>/pagefind/, so the site root is its parent: right at any path.
  var siteRoot = new URL('../', bundle).pathname;

  import(bundle + 'pagefind.js').then(start, function () {
    say('Search could not be loaded. Browse the listings below instead.');
  });

  function start(pagefind) {
    pagefind.options({ baseUrl: siteRoot, excerptLength: 30 });
    pagefind.init();
    var params = new URLSearchParams(location.search);
    var input = el('input', { type: 'search', id: 'search-q', name: 'q', autocomplete: 'off' });
    input.value = params.get('q') || '';
    var filterBox = el('div', { className: 'search-filters' });
    var count = el('p', { className: 'search-count', role: 'status', 'aria-live': 'polite' });
    var list = el('ol', { className: 'search-results' });
    var more = el('button', { type: 'button', className: 'search-more', hidden: '' }, ['More results']);
    var form = el('form', { role: 'search', className: 'search-form' }, [
      el('label', { for: 'search-q' }, ['Search the articles']),
      input,
      filterBox,
    ]);
    mount.appendChild(form);
    mount.appendChild(count);
    mount.appendChild(list);
    mount.appendChild(more);
    if (fallback) fallback.hidden = true;
    var selects = {};
    var results = [];
    var shown = 0;
    var run = 0;
    var timer = null;

    pagefind.filters().then(function (filters) {
      Object.keys(filters).sort().forEach(function (name) {
        var id = 'search-filter-' + name.toLowerCase().replace(/[^a-z0-9]+/g, '-');
        var select = el('select', { id: id }, [el('option', { value: '' }, ['Any'])]);
        var values = Object.keys(filters[name]).sort(function (a, b) {
          return name === 'Year' ? (a < b ? 1 : -1) : a.localeCompare(b, 'en');
        });
        values.forEach(function (value) {
          var option = el('option', { value: value }, [value + ' (' + filters[name][value] + ')']);
          if (params.get(name) === value) option.selected = true;
          select.appendChild(option);
        });
        select.addEventListener('change', search);
        selects[name] = select;
        filterBox.appendChild(el('p', { className: 'search-filter' }, [el('label', { for: id }, [name]), select]));
      });
      search();
    });

    form.addEventListener('submit', function (event) {
      event.preventDefault();
      search();
    });
    input.addEventListener('input', function () {
      clearTimeout(timer);
      timer = setTimeout(search, DELAY);
    });
    more.addEventListener('click', showMore);

    function search() {
      var query = input.value.trim();
      var chosen = {};
      var url = new URL(location.href);
      url.search = '';
      if (query) url.searchParams.set('q', query);
      Object.keys(selects).forEach(function (name) {
        if (selects[name].value) {
          chosen[name] = selects[name].value;
          url.searchParams.set(name, selects[name].value);
        }
      });
      history.replaceState(null, '', url.href);
      var mine = ++run;
      if (!query && Object.keys(chosen).length === 0) {
        results = [];
        list.textContent = '';
        count.textContent = '';
        more.hidden = true;
        return;
      }
      pagefind.search(query || null, { filters: chosen }).then(function (found) {
        if (mine !== run || !found) return;
        results = found.results;
        shown = 0;
        list.textContent = '';
        count.textContent = results.length === 1 ? '1 article' : results.length + ' articles';
        showMore();
      });
    }

    function showMore() {
      var batch = results.slice(shown, shown + PAGE_SIZE);
      shown += batch.length;
      more.hidden = shown >= results.length;
      var mine = run;
      Promise.all(batch.map(function (result) { return result.data(); })).then(function (items) {
        if (mine !== run) return;
        items.forEach(function (item) {
          var meta = item.meta || {};
          list.appendChild(
            el('li', { className: 'search-result' }, [
              el('h2', {}, [el('a', { href: item.url }, [meta.title || item.url])]),
              meta.date ? el('p', { className: 'meta' }, [meta.date]) : text(''),
              excerptNode(item.excerpt || ''),
            ]),
          );
        });
      });
    }
  }
})();
