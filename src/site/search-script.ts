// The search script of the site: a few lines, no library, with the index (search.ts) inside it, so
// that searching works from disk without a server and without fetching anything. It finds the
// pages whose title or words hold every word of the query (title matches first), and lists them
// under the search box; on the list of all pages it answers the query in the address (`?q=`),
// which is where the search form goes without script.
import type { SearchEntry } from './model.ts';

const SCRIPT = `(function () {
  var index = __INDEX__;
  var say = __STRINGS__;
  var me = document.currentScript;
  var base = me ? me.src.replace(/assets\\/search\\.js([?#].*)?$/, '') : '';
  var form = document.querySelector('form.search');
  if (!form) return;
  var input = form.querySelector('input');
  var out = document.getElementById('search-results');
  function fold(t) { return t.normalize('NFKD').replace(/[\\u0300-\\u036f]/g, '').toLowerCase(); }
  function show(query) {
    out.textContent = '';
    var words = fold(query).split(/[^a-z0-9]+/).filter(function (w) { return w.length > 1; });
    if (words.length === 0) return;
    var hits = [];
    index.forEach(function (e, i) {
      var title = fold(e.t), score = 0;
      for (var k = 0; k < words.length; k++) {
        if (title.indexOf(words[k]) >= 0) score += 3;
        else if (e.w.indexOf(words[k]) >= 0) score += 1;
        else return;
      }
      hits.push([score, i]);
    });
    hits.sort(function (a, b) { return b[0] - a[0] || a[1] - b[1]; });
    var p = document.createElement('p');
    p.textContent = hits.length === 0 ? say.none : hits.length === 1 ? say.one : say.many.replace('{n}', hits.length);
    out.appendChild(p);
    var ul = document.createElement('ul');
    hits.slice(0, 25).forEach(function (h) {
      var e = index[h[1]], li = document.createElement('li'), a = document.createElement('a'), k = document.createElement('span');
      a.href = base + e.u; a.textContent = e.t; k.className = 'kind'; k.textContent = ' · ' + e.k;
      li.appendChild(a); li.appendChild(k); ul.appendChild(li);
    });
    out.appendChild(ul);
  }
  form.addEventListener('submit', function (ev) { ev.preventDefault(); show(input.value); });
  input.addEventListener('input', function () { show(input.value); });
  var q = /[?&]q=([^&#]*)/.exec(location.search);
  if (q) { input.value = decodeURIComponent(q[1].replace(/\\+/g, ' ')); show(input.value); }
})();
`;

/** JSON safe inside a script: no "</script" or line separators can end it early. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

export function searchScript(
  index: readonly SearchEntry[],
  strings: { readonly none: string; readonly one: string; readonly many: string },
): string {
  return SCRIPT.replace('__INDEX__', () => scriptJson(index)).replace('__STRINGS__', () =>
    scriptJson(strings),
  );
}
