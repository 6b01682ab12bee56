// Lede page snapshot: walks the live DOM into the flat node arena that the Rust core reads.
//
// These rules mirror `Snapshot::from_html` in src/snapshot.rs node for node (tests/e2e/
// snapshot-parity.test.mjs checks it on real pages); change both together:
// - nodes in pre-order, elements and text nodes only (comments and processing instructions ignored);
//   index 0 is the root element (<html>), every other node names its parent's index;
// - elements: lower-case `tag`; `attrs` keeps only KEPT_ATTRIBUTES, `href` only on <link>;
// - SKIPPED_TAGS leave out the element and its whole subtree, except <script type=application/ld+json>;
// - `visible` is false under a `hidden` attribute or an inline style that `styleHides`; text nodes take
//   their parent's visibility. No computed styles: both builders must agree without a layout engine;
// - the compact form of `Snapshot::from_wire` (parallel arrays, one string; no JSON of node objects to
//   build here or to parse in the wasm), written exactly as `lede --wire` writes it; text verbatim,
//   so UTF-16 offsets into it address the live Text node.
// The browser adds one rule the HTML parser cannot see: an element's **open shadow root** is walked,
// its children first (as children of the host), then the host's light children. Closed shadow roots
// are invisible to us, like to any other page script. The Lede panel host itself is excluded.
//
// Declared with `var` inside an IIFE: the file is injected again on every toolbar click into the same
// isolated world, where a second top-level `const` would throw. A later injection of the same code
// keeps the walker the first one made, so a page's second and later clicks walk with the code the
// engine has already compiled and optimised (the first walk of a page runs mostly in the interpreter:
// 5-10x slower than a warm one, docs/performance.md). The walker is kept only when its source text is
// this file's, so an updated or reloaded extension never runs an older walker.

// eslint-disable-next-line no-unused-vars, no-var
var ledeSnapshot = (() => {
  const kept = globalThis.ledeSnapshot;
  const source = String(make);
  if (typeof kept === 'function' && kept.source === source) return kept;
  const fresh = make();
  fresh.source = source;
  return fresh;

  /** The walker: `ledeSnapshot(exclude)` with `ledeSnapshot.walker`. */
  function make() {
    const KEPT_ATTRIBUTES = new Set([
      'id', 'class', 'itemprop', 'itemtype', 'rel', 'role', 'aria-hidden', 'hidden', 'lang', 'dir',
      'name', 'property', 'content', 'datetime', 'type', 'href',
    ]);
    // `Snapshot::bounded` (src/snapshot.rs): the walk stops after MAX_NODES nodes, and text nodes are
    // cut to MAX_NODE_TEXT UTF-16 units each and MAX_TOTAL_TEXT in all (JSON-LD exempt), keeping their
    // start, so a hostile page (a 5 MB text node, 200 000 elements) is read in bounded time.
    const MAX_NODES = 100_000;
    const MAX_NODE_TEXT = 20_000;
    const MAX_TOTAL_TEXT = 500_000;
    const SKIPPED_TAGS = new Set([
      'script', 'style', 'noscript', 'template', 'svg', 'math', 'iframe', 'canvas', 'object', 'embed',
      'audio', 'video', 'select', 'textarea', 'button',
    ]);

    // Rust's `char::is_whitespace` (Unicode White_Space). JavaScript's `\s` differs: it adds U+FEFF and
    // lacks U+0085, so `String.prototype.trim` is not used for rules shared with Rust.
    const RUST_WHITESPACE =
      /[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/gu;
    const HAS_UPPER = /[A-Z]/;
    const asciiLower = (s) => (HAS_UPPER.test(s) ? s.replace(/[A-Z]+/g, (m) => m.toLowerCase()) : s);
    // The walk meets the same few tag and attribute names thousands of times: each is worked out once,
    // then found in a Map.
    // (the walker outlives the walk: at most MEMO_MAX names are kept, so a page with endless distinct
    // attribute names cannot grow it without bound)
    const MEMO_MAX = 4096;
    const memo = (f) => {
      const known = new Map();
      return (key) => {
        let value = known.get(key);
        if (value === undefined) {
          value = f(key);
          if (known.size < MEMO_MAX) known.set(key, value);
        }
        return value;
      };
    };
    const lowerTag = memo(asciiLower);
    /** Attribute name as written → its lower-case name when kept or `style` (read for visibility), '' when not. */
    const keptName = memo((raw) => {
      const lower = asciiLower(raw);
      return KEPT_ATTRIBUTES.has(lower) || lower === 'style' ? lower : '';
    });
    const rustTrim = (s) =>
      s.replace(new RegExp(`^${RUST_WHITESPACE.source}+|${RUST_WHITESPACE.source}+$`, 'gu'), '');

    /** `snapshot::style_hides`: inline `display:none` / `visibility:hidden` (whitespace ignored). */
    function styleHides(style) {
      const compact = asciiLower(style.replace(RUST_WHITESPACE, ''));
      return compact.split(';').some((decl) => {
        let d = decl;
        while (d.endsWith('!important')) d = d.slice(0, -'!important'.length);
        return d === 'display:none' || d === 'visibility:hidden';
      });
    }

    function isLdJson(el) {
      const type = el.getAttribute('type');
      return type !== null && asciiLower(rustTrim(type)) === 'application/ld+json';
    }

    /** The first `max` UTF-16 units of `text`, without splitting a surrogate pair. */
    function cutText(text, max) {
      if (text.length <= max) return text;
      let end = max;
      const code = (i) => text.charCodeAt(i);
      if (end > 0 && code(end - 1) >= 0xd800 && code(end - 1) < 0xdc00 && code(end) >= 0xdc00 && code(end) < 0xe000) {
        end -= 1;
      }
      return text.slice(0, end);
    }

    /**
     * Snapshot the document, in the compact form `Snapshot::from_wire` reads (src/snapshot.rs):
     * `shape` holds two numbers per node, the distance back to its parent (0 for the root) and its
     * flags (1: text node, 2: hidden, attribute count × 4); `text` holds the node strings in order,
     * each followed by a NUL (an element's tag, then each kept attribute's name and value, names
     * sorted; a text node's text); `lens` holds each string's length in UTF-16 units.
     * @param {Element|null} exclude an element left out with its subtree (the Lede panel host)
     * @param {Document} doc the document to walk: this one, or a same-origin frame's (content.js reads
     *   one when the top document holds no article)
     * @param {string} url the address recorded in the snapshot
     * @returns {{snapshot: {url: string, shape: number[], text: string, lens: number[]},
     *   textNodes: (Text|undefined)[]}} `textNodes[i]` is the live Text node behind snapshot node `i`.
     */
    function walker(exclude, doc = document, url = location.href) {
      const shape = [];
      const pieces = [];
      const lens = [];
      const textNodes = [];
      let count = 0;
      const root = doc.documentElement;
      let textLeft = MAX_TOTAL_TEXT;
      const piece = (s) => {
        pieces.push(s);
        lens.push(s.length);
      };

      // Iterative, so deeply nested pages cannot overflow the JS stack: one frame per open element
      // (parallel arrays indexed by depth, no allocation per node), each frame holding the next child
      // to visit (firstChild / nextSibling: no live NodeList, no array per child). A host's shadow
      // children come first; `light[d]` is the host whose light children follow them.
      /** The kept attributes of the element being entered (reused, no object per element). */
      const keptNames = [];
      const keptValues = [];
      const next = [];
      const ids = [];
      const shown = [];
      const light = [];
      const inScript = [];
      /** Each `<article>` element walked: `{el, start, end}`, its snapshot node range (for content.js's
       * choice of one story on a page of several). `story[d]` is the open frame's, if it is one. */
      const articles = [];
      const story = [];
      let depth = -1;

      /** Add element `el` under node `parent` (-1: the root) and open a frame for its children. */
      function enter(el, parent, parentVisible) {
        if (el === exclude) return;
        const tag = lowerTag(el.localName);
        if (SKIPPED_TAGS.has(tag) && !(tag === 'script' && isLdJson(el))) return;
        let visible = parentVisible;
        let nKept = 0;
        // getAttributeNames, not `el.attributes`: iterating the NamedNodeMap makes an Attr object per
        // attribute, the walk's largest cost (CDP profile on wikipedia-2).
        if (el.hasAttributes()) {
          for (const raw of el.getAttributeNames()) {
            const name = keptName(raw);
            if (name === '') continue;
            if (name === 'style') {
              if (visible && styleHides(el.getAttribute(raw))) visible = false;
              continue;
            }
            if (name === 'hidden') visible = false;
            if (name === 'href' && tag !== 'link') continue;
            // the first of two names that differ only in case wins, like the parser's first attribute
            let dup = false;
            for (let k = 0; k < nKept; k++) dup ||= keptNames[k] === name;
            if (dup) continue;
            // insertion-sorted by name, as the native side keeps them (`snapshot::Attrs`)
            let k = nKept++;
            for (; k > 0 && keptNames[k - 1] > name; k--) {
              keptNames[k] = keptNames[k - 1];
              keptValues[k] = keptValues[k - 1];
            }
            keptNames[k] = name;
            keptValues[k] = el.getAttribute(raw);
          }
        }
        shape.push(parent >= 0 ? count - parent : 0, (visible ? 0 : 2) | (nKept << 2));
        piece(tag);
        for (let k = 0; k < nKept; k++) {
          piece(keptNames[k]);
          piece(keptValues[k]);
        }
        depth++;
        const shadow = el.shadowRoot;
        next[depth] = shadow ? shadow.firstChild : el.firstChild;
        light[depth] = shadow ? el : null;
        ids[depth] = count;
        shown[depth] = visible;
        inScript[depth] = tag === 'script';
        story[depth] = tag === 'article' ? { el, start: count, end: 0 } : null;
        if (story[depth]) articles.push(story[depth]);
        count++;
      }

      if (root) enter(root, -1, true);
      /** Walk on until `deadline` (a performance.now() time); true once the walk is complete. */
      function step(deadline) {
        for (let n = 0; depth >= 0 && count < MAX_NODES; n++) {
          // the clock is read every 256 steps only
          if ((n & 255) === 255 && performance.now() >= deadline) return false;
          visit();
        }
        return true;
      }
      function visit() {
        const c = next[depth];
        if (c === null) {
          if (light[depth]) {
            next[depth] = light[depth].firstChild;
            light[depth] = null;
          } else {
            if (story[depth]) story[depth].end = count;
            depth--;
          }
          return;
        }
        next[depth] = c.nextSibling;
        const type = c.nodeType;
        if (type === 3) {
          // Node.TEXT_NODE
          let text = c.data;
          if (!inScript[depth]) {
            text = cutText(text, Math.min(MAX_NODE_TEXT, textLeft));
            textLeft -= text.length;
          }
          shape.push(count - ids[depth], shown[depth] ? 1 : 3);
          piece(text);
          textNodes[count] = c;
          count++;
        } else if (type === 1) {
          // Node.ELEMENT_NODE
          enter(c, ids[depth], shown[depth]);
        }
      }
      function result() {
        pieces.push('');
        for (const a of articles) if (!a.end) a.end = count; // a walk cut at MAX_NODES
        return { snapshot: { url, shape, text: pieces.join('\0'), lens }, textNodes, articles };
      }
      return { step, result };
    }

    /**
     * Snapshot the document in one go (see `walker` for the form).
     * @param {Element|null} exclude an element left out with its subtree (the Lede panel host)
     */
    function ledeSnapshot(exclude) {
      const w = walker(exclude);
      w.step(Infinity);
      return w.result();
    }

    /**
     * The same snapshot, walked in slices: `step(deadline)` walks until the performance.now() time
     * `deadline` and says whether the walk is complete; then `result()` gives what `ledeSnapshot` gives.
     * Between slices the page may run and change its DOM: a node removed meanwhile ends its level of the
     * walk early, a node added later than the walk has reached is in the snapshot, none is visited twice
     * unless the page moves it ahead of the walk.
     */
    ledeSnapshot.walker = walker;
    return ledeSnapshot;
  }
})();
