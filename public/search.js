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

  var bundle = new URL(mount.getAttribute('data-bundle'), document.baseURI).href;

  if (location.protocol === 'file:') {
    // Browsers refuse Pagefind's module import and fetches from disk. A portable build ships a
    // small title-and-summary index as a classic script instead (search/portable-index.js).
    if (window.DOSSIER_SEARCH) start(portableBackend(window.DOSSIER_SEARCH));
    else say('Full-text search needs the site to be served over http(s); browsers block it for files opened from disk. Browse the listings below instead.');
    return;
  }

  // The index sits in <site root>/pagefind/, so the site root is its parent: right at any path.
  var siteRoot = new URL('../', bundle).pathname;
  import(bundle + 'pagefind.js').then(function (pagefind) {
    pagefind.options({ baseUrl: siteRoot, excerptLength: 30 });
    pagefind.init();
    start(pagefindBackend(pagefind));
  }, function () {
    say('Search could not be loaded. Browse the listings below instead.');
  });

  /** Search through Pagefind: results load their details lazily, a page at a time. */
  function pagefindBackend(pagefind) {
    return {
      filters: function () { return pagefind.filters(); },
      search: function (query, chosen) {
        return pagefind.search(query || null, { filters: chosen }).then(function (found) {
          return found ? found.results.map(function (result) {
            return function () {
              return result.data().then(function (item) {
                var meta = item.meta || {};
                return { url: item.url, title: meta.title || item.url, date: meta.date, excerpt: excerptNode(item.excerpt || '') };
              });
            };
          }) : [];
        });
      },
    };
  }

  /**
   * Search over the portable index: every word of the query must appear in the title, summary or
   * entity names (case and accents ignored). Links are relative to the site root.
   */
  function portableBackend(records) {
    var root = new URL('../', bundle).href;
    function fold(value) {
      return String(value || '').normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
    }
    var haystacks = records.map(function (r) { return fold([r.title, r.summary].concat(r.entities.map(function (e) { return e.name; })).join(' ')); });
    function filtersOf(r) {
      var out = {};
      if (r.year) out.Year = [r.year];
      r.entities.forEach(function (e) {
        (out['Entity type'] = out['Entity type'] || []).indexOf(e.filter) < 0 && out['Entity type'].push(e.filter);
        (out[e.filter] = out[e.filter] || []).push(e.name);
      });
      return out;
    }
    var recordFilters = records.map(filtersOf);
    return {
      filters: function () {
        var counts = {};
        recordFilters.forEach(function (f) {
          Object.keys(f).forEach(function (name) {
            counts[name] = counts[name] || {};
            f[name].forEach(function (value) { counts[name][value] = (counts[name][value] || 0) + 1; });
          });
        });
        return Promise.resolve(counts);
      },
      search: function (query, chosen) {
        var words = fold(query).split(/\s+/).filter(Boolean);
        var found = [];
        records.forEach(function (r, i) {
          var matches = words.every(function (w) { return haystacks[i].indexOf(w) >= 0; }) &&
            Object.keys(chosen).every(function (name) { return (recordFilters[i][name] || []).indexOf(chosen[name]) >= 0; });
          if (matches) found.push(function () {
            return Promise.resolve({ url: new URL(r.url, root).href, title: r.title, date: r.date, excerpt: el('p', { className: 'search-excerpt' }, [r.summary]) });
          });
        });
        return Promise.resolve(found);
      },
    };
  }

  function start(backend) {
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

    backend.filters().then(function (filters) {
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
      try {
        history.replaceState(null, '', url.href);
      } catch (error) {
        // Some browsers refuse history changes for pages opened from disk; the search still runs.
      }
      var mine = ++run;
      if (!query && Object.keys(chosen).length === 0) {
        results = [];
        list.textContent = '';
        count.textContent = '';
        more.hidden = true;
        return;
      }
      backend.search(query, chosen).then(function (found) {
        if (mine !== run) return;
        results = found;
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
      Promise.all(batch.map(function (load) { return load(); })).then(function (items) {
        if (mine !== run) return;
        items.forEach(function (item) {
          list.appendChild(
            el('li', { className: 'search-result' }, [
              el('h2', {}, [el('a', { href: item.url }, [item.title])]),
              item.date ? el('p', { className: 'meta' }, [item.date]) : text(''),
              item.excerpt,
            ]),
          );
        });
      });
    }
  }
})();
