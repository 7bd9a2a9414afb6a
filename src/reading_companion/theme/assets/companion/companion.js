// Reading companion: term previews and folding notes on narrow screens.
// The page works without this file; it only adds convenience. Listeners are
// delegated from the document, so Material's instant navigation needs no re-setup.
(function () {
  "use strict";
  const WIDE = window.matchMedia("(min-width: 76.25em)");
  let dismissed = null; // the term whose preview Escape closed, until focus or pointer leaves it

  // Previews nest: a name linked inside a note or a preview opens its own preview beside
  // that one, and the chain stays open while the pointer or focus is inside it. chain[0]
  // belongs to a term of the text (on wide screens it may be the term's note, lit up);
  // chain[i + 1] to a name inside chain[i]. The pointer must rest on a name for a moment
  // before its preview opens, and may leave a preview for a moment before it closes, so
  // that moving across the text does not flash cards. Focus and touch open at once.
  const OPEN_DELAY = 500, CLOSE_DELAY = 300;
  const chain = []; // {box, owner, lit}
  let openTimer = 0, closeTimer = 0, under = null;
  const termOf = (event) => event.target.closest && event.target.closest("a.cmp-term");
  // The deepest preview holding ``node`` (a lit note holds the previews opened from it).
  const levelOf = (node) => chain.findLastIndex((link) => link.box.contains(node));
  // An entry's id from its link: the text's terms say it; names in summaries link its page.
  const entryOf = (term) => term.dataset.entry || decodeURIComponent(new URL(term.href).pathname.split("/").filter(Boolean).pop() || "").replace(/\.html$/, "");

  // Close the previews from chain[level] on.
  function closeFrom(level) {
    clearTimeout(closeTimer);
    while (chain.length > level) {
      const { box, owner, lit } = chain.pop();
      owner.removeAttribute("aria-describedby");
      if (lit) {
        box.classList.remove("cmp-note--active");
        box.querySelectorAll("a.cmp-term").forEach((a) => { a.tabIndex = -1; });
        const short = box.closest(".cmp-short");
        if (short) placeNotes(short);
      } else box.remove();
    }
  }
  const hide = () => closeFrom(0);

  // What a preview shows: the entry's note on this page, or else the head and summary of
  // its own page, fetched from the site once.
  const fetched = new Map();
  function contentOf(term) {
    const note = document.getElementById("note-" + entryOf(term));
    if (note) return Promise.resolve(Array.from(note.children, (child) => child.cloneNode(true)));
    const url = term.href.split("#")[0];
    if (!fetched.has(url)) {
      fetched.set(url, fetch(url).then((response) => response.ok ? response.text() : Promise.reject()).then((html) => {
        const page = new DOMParser().parseFromString(html, "text/html");
        const title = page.querySelector(".cmp-entry-title"), summary = page.querySelector(".cmp-summary");
        if (!title || !summary) return [];
        const head = document.createElement("p");
        head.className = "cmp-note__head";
        head.innerHTML = '<a class="cmp-note__term"></a> <span class="cmp-note__kind"></span>';
        head.firstChild.href = url;
        head.firstChild.textContent = title.textContent;
        head.lastChild.textContent = (page.querySelector(".cmp-crumb .cmp-kind") || {}).textContent || "";
        const text = document.createElement("p");
        text.className = "cmp-note__summary";
        for (const node of summary.childNodes) {
          const copy = document.importNode(node, true);
          if (copy.href !== undefined) copy.href = new URL(node.getAttribute("href"), url).href;
          text.appendChild(copy);
        }
        return [head, text];
      }).catch(() => []));
    }
    return fetched.get(url).then((nodes) => nodes.map((n) => n.cloneNode(true)));
  }

  function open(term) {
    clearTimeout(openTimer);
    const level = levelOf(term) + 1;
    if (chain[level] && chain[level].owner === term) return closeFrom(level + 1);
    closeFrom(level);
    const unit = term.closest(".cmp-unit");
    // Wide screens: a note standing beside this very paragraph is lit up, not repeated.
    const note = document.getElementById("note-" + entryOf(term));
    if (level === 0 && WIDE.matches && unit && note && unit.contains(note) && note.offsetParent && term.closest(".cmp-text")) {
      note.classList.add("cmp-note--active");
      note.querySelectorAll("a.cmp-term").forEach((a) => { a.tabIndex = 0; });
      term.setAttribute("aria-describedby", note.id);
      chain.push({ box: note, owner: term, lit: true });
      if (note.closest(".cmp-short")) placeNotes(note.closest(".cmp-article"));
      return;
    }
    contentOf(term).then((nodes) => {
      if (!nodes.length || chain.length !== level || !term.isConnected) return;
      const box = document.createElement("div");
      box.className = "cmp-preview";
      box.id = level ? "cmp-preview-" + level : "cmp-preview";
      box.setAttribute("role", "group");
      box.setAttribute("aria-label", "Preview: " + term.textContent);
      box.replaceChildren(...nodes);
      box.querySelectorAll("a").forEach((a) => { a.removeAttribute("tabindex"); });
      // Right after what holds the term, so that Tab goes on from the term into it.
      const holder = term.closest(".cmp-preview") || term.closest(".cmp-notes") || term.closest(".cmp-text, p, li") || term;
      holder.after(box);
      term.setAttribute("aria-describedby", box.id);
      chain.push({ box, owner: term, lit: false });
      if (level === 0) place(box, term, unit);
      else placeBeside(box, chain[level - 1].box, term);
    });
  }

  // Where a preview goes, in the window's coordinates: the first place, nearest the term,
  // that covers neither the paragraph being read nor its notes (other paragraphs' notes may
  // be covered: the margin is full of them). On wide screens, in the margin beside the
  // term's line, or higher or lower in it; then under or over the paragraph. Otherwise (and
  // on narrow screens) just below the term's line, or above it, covering only lines after or
  // before it. Always inside the window.
  const GAP = 8;
  function place(box, term, unit) {
    const line = term.getBoundingClientRect();
    const width = box.offsetWidth, height = box.offsetHeight;
    const viewW = document.documentElement.clientWidth, viewH = window.innerHeight;
    const own = (selector) => (unit ? Array.from(unit.querySelectorAll(selector), (e) => e.getBoundingClientRect()) : [])
      .filter((r) => r.height && r.bottom > 0 && r.top < viewH);
    const notes = own(".cmp-note"), text = own(".cmp-text");
    const covers = (obstacles, [left, top]) => obstacles.some((r) => left < r.right && left + width > r.left
      && top < r.bottom + GAP && top + height > r.top - GAP);
    const fits = ([left, top]) => top >= GAP && top + height <= viewH - GAP && left + width <= viewW - GAP;
    const spots = [];
    if (WIDE.matches && text.length) {
      const column = text[0];
      const margin = column.right + 3 * GAP;
      const tops = [line.top, line.bottom - height, GAP, viewH - height - GAP];
      notes.forEach((n) => tops.push(n.bottom + GAP + 1, n.top - GAP - height - 1));
      tops.sort((a, b) => Math.abs(a - line.top) - Math.abs(b - line.top));
      spots.push(...tops.map((top) => [margin, top]));
      spots.push([column.left, column.bottom + GAP], [column.left, column.top - height - GAP]);
    }
    const found = spots.find((spot) => fits(spot) && !covers([...notes, ...text], spot));
    const left = Math.max(GAP, Math.min(line.left, viewW - width - GAP));
    const below = [left, line.bottom + GAP / 2], above = [left, line.top - height - GAP / 2];
    const chosen = found || [below, above].find((spot) => fits(spot) && !covers(notes, spot))
      || [left, Math.max(GAP, Math.min(below[1], viewH - height - GAP))];
    put(box, chosen);
  }

  // Viewport coordinates to the box's own (it sits inside the article, which scrolls).
  function put(box, [left, top]) {
    const origin = box.offsetParent ? box.offsetParent.getBoundingClientRect() : { left: -window.scrollX, top: -window.scrollY };
    box.style.left = left - origin.left + "px";
    box.style.top = top - origin.top + "px";
  }

  // A nested preview: beside its parent, on the side with room, level with the name; on a
  // narrow screen under the name (or over it).
  function placeBeside(box, parent, term) {
    const outer = parent.getBoundingClientRect(), line = term.getBoundingClientRect();
    const width = box.offsetWidth, height = box.offsetHeight;
    const viewW = document.documentElement.clientWidth, viewH = window.innerHeight;
    const top = Math.max(GAP, Math.min(line.top, viewH - height - GAP));
    const left = Math.max(GAP, Math.min(line.left, viewW - width - GAP));
    const spots = [[outer.right + GAP, top], [outer.left - width - GAP, top],
      [left, line.bottom + GAP / 2], [left, line.top - height - GAP / 2]];
    const fits = ([l, t]) => l >= GAP && l + width <= viewW - GAP && t >= GAP && t + height <= viewH - GAP;
    put(box, spots.find(fits) || [left, Math.max(GAP, Math.min(line.bottom + GAP / 2, viewH - height - GAP))]);
  }

  // The deepest preview that holds ``node`` or whose name it is; -1 for none.
  const holds = (node) => node ? chain.findLastIndex((link) => link.box.contains(node) || link.owner.contains(node)) : -1;
  // After the grace period: keep the previews the pointer or the focus is in, close the rest.
  const settle = () => closeFrom(Math.max(holds(under), holds(document.activeElement)) + 1);

  document.addEventListener("mouseover", (event) => {
    under = event.target;
    const t = termOf(event);
    clearTimeout(openTimer);
    if (t && t !== dismissed) openTimer = setTimeout(() => open(t), OPEN_DELAY);
  });
  document.addEventListener("mouseout", (event) => {
    const t = termOf(event);
    if (t) { clearTimeout(openTimer); if (t === dismissed) dismissed = null; }
    if (chain.length && (t || levelOf(event.target) >= 0)) {
      clearTimeout(closeTimer);
      closeTimer = setTimeout(settle, CLOSE_DELAY);
    }
  });
  document.addEventListener("focusin", (event) => {
    const t = termOf(event);
    if (t && t !== dismissed) open(t);
    else if (!t) closeFrom(holds(event.target) + 1);
  });
  document.addEventListener("focusout", (event) => { if (termOf(event) === dismissed) dismissed = null; });
  // Escape closes the innermost preview and puts focus back on its name.
  document.addEventListener("keydown", (event) => {
    if (event.key !== "Escape" || !chain.length) return;
    const { owner } = chain[chain.length - 1];
    closeFrom(chain.length - 1);
    dismissed = owner;
    owner.focus();
  });
  // By keyboard, each paragraph is one stop (its "¶ N" link): the arrow keys move through
  // the terms of the paragraph in focus, each opening its note or preview, and Tab goes on
  // to the next paragraph. Without this script every term is a stop of its own; screen
  // readers reach the terms as links either way.
  function oneStopPerParagraph() {
    // The names in notes are reached through the previews (Tab goes on from a term into
    // its preview) or a lit note, not one by one down the margin.
    document.querySelectorAll(".cmp-unit :is(.cmp-text, .cmp-notes) a:is(.cmp-term, .cmp-note__term)").forEach((t) => { t.tabIndex = -1; });
    document.querySelectorAll(".cmp-unit > .cmp-pnum").forEach((pnum) => {
      if (!pnum.parentElement.querySelector(".cmp-text a.cmp-term")) return;
      pnum.setAttribute("aria-keyshortcuts", "ArrowRight");
      pnum.title = "Link to this paragraph; the arrow keys move through its terms";
    });
  }
  document.addEventListener("keydown", (event) => {
    const step = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 }[event.key];
    const here = document.activeElement;
    const unit = step && here && here.closest && here.closest(".cmp-unit");
    if (!unit || !(here.matches(".cmp-pnum") || here.matches(".cmp-text a.cmp-term"))) return;
    if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    const stops = [unit.querySelector(".cmp-pnum"), ...unit.querySelectorAll(".cmp-text a.cmp-term")];
    const next = stops[stops.indexOf(here) + step];
    if (!next) return;
    event.preventDefault();
    next.focus();
  });

  // On touch, the first tap on a name previews it (the preview links to the entry); a
  // second tap on a name whose preview is open follows the link.
  let tapOpened; // undefined, or (during a tap) the names whose previews were open before it
  document.addEventListener("pointerdown", (event) => {
    tapOpened = event.pointerType === "touch" ? chain.map((link) => link.owner) : undefined;
  });
  // Capture phase: decide before Material's instant navigation (on <body>) follows the link.
  document.addEventListener("click", (event) => {
    const t = termOf(event);
    const openedBefore = tapOpened;
    tapOpened = undefined; // a later click from the keyboard or a mouse is not a tap
    if (t && openedBefore && !openedBefore.includes(t)) {
      event.preventDefault();
      event.stopPropagation();
      open(t);
    } else if (!t && levelOf(event.target) < 0) hide();
  }, true);

  // Notes stand open beside the text on wide screens, folded under it on narrow ones.
  // Printed, every note is open, whatever the paper's width.
  let printing = false;
  function fold() {
    const open = WIDE.matches || printing;
    document.querySelectorAll("details.cmp-fold").forEach((d) => { if (d.open !== open) d.open = open; });
    hide();
    flow();
  }

  // Wide screens: the text runs on without gaps, as in a book with sidenotes. Each
  // paragraph's notes start beside it, or just below the notes before them when those run
  // on past it. Where that would leave notes far from their paragraph, every note is
  // shortened to its term and the first lines of its summary; the note of a term the reader
  // points at or focuses opens in full. Without this script (or in print) each paragraph
  // keeps room for all of its notes.
  const NOTE_GAP = 8;
  function flow() {
    const article = document.querySelector(".cmp-article");
    if (!article) return;
    const on = WIDE.matches && !printing;
    article.classList.toggle("cmp-flowing", on);
    article.classList.remove("cmp-short");
    if (!on) {
      unplaceNotes(article);
    } else if (!placeNotes(article)) {
      article.classList.add("cmp-short");
      placeNotes(article);
    }
  }

  // Every paragraph's notes back where the layout puts them; their asides, in reading order.
  function unplaceNotes(article) {
    const asides = Array.from(article.querySelectorAll(".cmp-unit > .cmp-notes"));
    asides.forEach((aside) => { aside.style.top = ""; });
    article.style.paddingBottom = "";
    return asides;
  }

  // Move each paragraph's notes down as far as the notes before them need; say whether they
  // stay near their paragraph (none more than half a window below it) and end with the text.
  function placeNotes(article) {
    const asides = unplaceNotes(article);
    // Read every position first, then move: one layout, however many paragraphs.
    const spots = asides.map((aside) => ({ aside, top: aside.getBoundingClientRect().top, height: aside.scrollHeight }));
    const end = article.getBoundingClientRect().bottom; // relative offsets move no text
    let reached = -Infinity, furthest = 0;
    spots.forEach((spot) => {
      const top = Math.max(spot.top, reached + NOTE_GAP);
      spot.aside.style.top = top - spot.top + "px";
      furthest = Math.max(furthest, top - spot.top);
      reached = top + spot.height;
    });
    if (reached > end) article.style.paddingBottom = reached - end + "px";
    return furthest <= window.innerHeight / 2 && reached <= end + window.innerHeight / 2;
  }
  let reflow = 0;
  addEventListener("resize", () => { cancelAnimationFrame(reflow); reflow = requestAnimationFrame(flow); });
  // Web fonts that load after the page move its lines. Only a finished load flows again:
  // setUp has already placed the notes once, and a page without web fonts never fires this.
  if (document.fonts) document.fonts.addEventListener("loadingdone", flow);
  addEventListener("beforeprint", () => { printing = true; fold(); });
  addEventListener("afterprint", () => { printing = false; fold(); });

  // On a phone the map is wider than the screen: open it on the region's middle.
  function centreMap() {
    const frame = document.querySelector(".cmp-map__frame");
    if (frame) frame.scrollLeft = (frame.scrollWidth - frame.clientWidth) / 2;
  }

  // Closed drawers hold no tab stops, or focus would vanish off screen: the navigation
  // drawer of narrow screens and the search results stay inert until they are opened.
  function inertWhileClosed() {
    const drawer = document.getElementById("__drawer");
    const search = document.getElementById("__search");
    const nav = document.querySelector(".md-sidebar--primary");
    const results = document.querySelector(".md-search__output");
    if (nav) nav.inert = !WIDE.matches && !(drawer && drawer.checked);
    if (results) results.inert = !(search && search.checked);
  }
  document.addEventListener("change", (event) => {
    if (event.target.matches && event.target.matches(".md-toggle")) inertWhileClosed();
  });

  // "Skip to the article" puts focus on the first paragraph's permalink, so that the next
  // Tab goes on from there. Material's instant navigation never sees this click: it would
  // handle the link as a move within the page and put focus back on the page's start.
  document.addEventListener("click", (event) => {
    const skip = event.target.closest && event.target.closest("a.cmp-skip");
    const first = skip && document.querySelector(".cmp-unit .cmp-pnum");
    if (!first) return;
    event.preventDefault();
    event.stopPropagation();
    first.focus();
  }, true);

  // Reader controls. "Show notes" hides or shows every note, and the choice holds on every
  // page until changed (kept in the browser, never sent anywhere). Keys, unused by
  // Material's own shortcuts: j and k move to the next and previous paragraph, o opens the
  // notes of the paragraph in focus (unfolds them on narrow screens, in full on wide ones).
  const NOTES_SHOWN = "cmp-notes-shown"; // article.html reads it too, before the first paint
  function applyNotesChoice() {
    const shown = localStorage.getItem(NOTES_SHOWN) !== "no";
    document.documentElement.classList.toggle("cmp-notes-off", !shown);
    const controls = document.querySelector(".cmp-controls");
    if (controls) {
      controls.hidden = false;
      controls.querySelector(".cmp-controls__notes").setAttribute("aria-pressed", String(shown));
    }
  }
  document.addEventListener("click", (event) => {
    if (!(event.target.closest && event.target.closest(".cmp-controls__notes"))) return;
    const shown = localStorage.getItem(NOTES_SHOWN) !== "no";
    localStorage.setItem(NOTES_SHOWN, shown ? "no" : "yes");
    applyNotesChoice();
    flow();
  });
  function unitInFocus() {
    const here = document.activeElement && document.activeElement.closest && document.activeElement.closest(".cmp-article .cmp-unit");
    return here || Array.from(document.querySelectorAll(".cmp-article .cmp-unit")).find((u) => u.getBoundingClientRect().bottom > 80);
  }
  document.addEventListener("keydown", (event) => {
    if (event.altKey || event.ctrlKey || event.metaKey || !["j", "k", "o"].includes(event.key)) return;
    const typing = event.target.closest && event.target.closest("input, textarea, select, [contenteditable]");
    const units = Array.from(document.querySelectorAll(".cmp-article .cmp-unit"));
    const unit = !typing && units.length && unitInFocus();
    if (!unit) return;
    event.preventDefault();
    if (event.key === "o") {
      const fold = unit.querySelector("details.cmp-fold");
      if (fold && !WIDE.matches) fold.open = !fold.open;
      else unit.classList.toggle("cmp-unit--open");
      flow();
      return;
    }
    const focused = unit.contains(document.activeElement);
    const index = units.indexOf(unit) + (event.key === "j" ? (focused ? 1 : 0) : -1);
    const next = units[Math.max(0, Math.min(units.length - 1, index))];
    next.querySelector(".cmp-pnum").focus();
  });

  // Sharing a passage. A "¶ N" link, followed, also copies its address; words selected in a
  // paragraph offer a link to exactly them: the paragraph's anchor with a text fragment
  // (#p9:~:text=…), which browsers that know text fragments scroll to and mark, and which
  // this script turns back into the paragraph's anchor where they do not.
  let said = null;
  function say(message) {
    if (!said) {
      said = document.createElement("p");
      said.className = "cmp-said";
      said.setAttribute("role", "status");
      document.body.appendChild(said);
    }
    said.hidden = false;
    // Set a moment after the live region exists, so that screen readers announce it.
    setTimeout(() => { said.textContent = message; }, 50);
    clearTimeout(say.timer);
    say.timer = setTimeout(() => { said.hidden = true; }, 2500);
  }
  function copy(address, message) {
    if (!navigator.clipboard) return;
    navigator.clipboard.writeText(address).then(() => say(message), () => {});
  }
  const pageAddress = () => location.origin + location.pathname;
  document.addEventListener("click", (event) => {
    const pnum = event.target.closest && event.target.closest(".cmp-unit > .cmp-pnum");
    if (pnum) copy(pageAddress() + pnum.getAttribute("href"), "Link to " + pnum.textContent + " copied");
  });
  // Text fragments take their words percent-encoded, "-", "," and "&" included.
  const fragmentText = (words) => encodeURIComponent(words).replace(/[-,&]/g, (c) => "%" + c.charCodeAt(0).toString(16).toUpperCase());
  function passageAddress(selection) {
    const words = selection.toString().replace(/\s+/g, " ").trim();
    const unit = selection.anchorNode && selection.anchorNode.parentElement && selection.anchorNode.parentElement.closest(".cmp-article .cmp-unit");
    if (!words || !unit || !unit.contains(selection.focusNode)) return null;
    const all = words.split(" ");
    const text = all.length <= 8 ? fragmentText(words)
      : fragmentText(all.slice(0, 4).join(" ")) + "," + fragmentText(all.slice(-4).join(" "));
    return pageAddress() + "#" + unit.id + ":~:text=" + text;
  }
  let shareButton = null;
  document.addEventListener("selectionchange", () => {
    const selection = document.getSelection();
    const address = selection && !selection.isCollapsed && passageAddress(selection);
    if (!address) { if (shareButton) shareButton.hidden = true; return; }
    if (!shareButton) {
      shareButton = document.createElement("button");
      shareButton.type = "button";
      shareButton.className = "cmp-share";
      shareButton.textContent = "Copy a link to these words";
      shareButton.addEventListener("mousedown", (event) => event.preventDefault()); // keep the selection
      shareButton.addEventListener("click", () => copy(shareButton.dataset.address, "Link to the passage copied"));
      document.body.appendChild(shareButton);
    }
    const box = selection.getRangeAt(0).getBoundingClientRect();
    shareButton.dataset.address = address;
    shareButton.hidden = false;
    shareButton.style.left = Math.max(8, box.left) + window.scrollX + "px";
    shareButton.style.top = box.bottom + 6 + window.scrollY + "px";
  });
  // Where the browser left a text fragment in the address, the paragraph is the fallback.
  function followPassage() {
    const match = location.hash.match(/^#(p\d+):~:/);
    const unit = match && document.getElementById(match[1]);
    if (unit) unit.scrollIntoView();
  }

  // Going back to an article keeps the reader's place: the notes they had opened are open
  // again, and the paragraph they were reading stands where it stood. Saved per page for
  // the session as the reader leaves it (a followed link, or the page closing); used only
  // when the page is reached by the browser's Back or Forward, whether Material's instant
  // navigation swaps the page in or the browser loads it.
  const PLACE = "cmp-place:";
  function rememberPlace() {
    const units = Array.from(document.querySelectorAll(".cmp-article .cmp-unit"));
    const seen = units.find((u) => u.getBoundingClientRect().bottom > 0);
    if (!seen) return;
    const open = units.filter((u) => { const d = u.querySelector("details.cmp-fold"); return d && d.open; });
    sessionStorage.setItem(PLACE + location.pathname, JSON.stringify({
      unit: seen.id, top: seen.getBoundingClientRect().top, open: open.map((u) => u.id),
    }));
  }
  document.addEventListener("click", (event) => {
    if (event.target.closest && event.target.closest("a[href]")) rememberPlace();
  }, true);
  addEventListener("pagehide", rememberPlace);
  let cameBack = (performance.getEntriesByType("navigation")[0] || {}).type === "back_forward";
  addEventListener("popstate", () => { cameBack = true; });
  function restorePlace() {
    const saved = cameBack && JSON.parse(sessionStorage.getItem(PLACE + location.pathname) || "null");
    cameBack = false;
    if (!saved) return;
    saved.open.forEach((id) => { const d = document.querySelector("#" + id + " details.cmp-fold"); if (d) d.open = true; });
    flow();
    const unit = document.getElementById(saved.unit);
    const put = () => { if (unit) window.scrollTo(0, unit.getBoundingClientRect().top + window.scrollY - saved.top); };
    put();
    requestAnimationFrame(() => requestAnimationFrame(put)); // after the browser's or Material's own restoring
  }

  function setUp() {
    hide(); // what the page before left open went with it
    applyNotesChoice();
    oneStopPerParagraph();
    inertWhileClosed();
    fold();
    restorePlace();
    followPassage();
    centreMap();
    // Material's search dialog has a role but no name; screen readers announce "dialog".
    const search = document.querySelector(".md-search[role=dialog]");
    if (search && !search.hasAttribute("aria-label")) search.setAttribute("aria-label", "Search");
  }
  WIDE.addEventListener("change", () => { fold(); inertWhileClosed(); });
  if (window.document$) window.document$.subscribe(setUp);
  else document.addEventListener("DOMContentLoaded", setUp);
})();
