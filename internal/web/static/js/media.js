// The Media sections' two enhancements. Both pages work without this file:
// album thumbnails are links to each photo's own page (with previous/next
// links), and a YouTube or Vimeo video is a link to the video on its site.
//
// 1. Album lightbox: a modal dialog (role="dialog", aria-modal) opened from
//    a thumbnail by click, Enter or Space; arrow keys move (mirrored in
//    right-to-left editions, so the key toward the next photo points the
//    way the album reads), Escape closes, a horizontal swipe moves on touch
//    screens; focus stays inside while it is open (the rest of the page is
//    inert) and returns to the thumbnail when it closes.
// 2. Click-to-load embed: the player's iframe is created only when the
//    reader clicks, so no request reaches the video host before that.
(function () {
  "use strict";

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text) e.textContent = text;
    return e;
  }

  // ---- Lightbox ----
  Array.prototype.forEach.call(document.querySelectorAll("[data-lightbox]"), function (grid) {
    var links = Array.prototype.slice.call(grid.querySelectorAll("a[data-full]"));
    if (!links.length) return;
    var rtl = document.documentElement.dir === "rtl";
    var index = 0, opener = null, hidden = [];

    var box = el("div", "lightbox");
    box.hidden = true;
    box.setAttribute("role", "dialog");
    box.setAttribute("aria-modal", "true");
    box.setAttribute("aria-label", grid.getAttribute("data-label-dialog") || "");
    // The dialog itself takes focus when it opens: the Enter that opened it
    // must not also press the close button.
    box.tabIndex = -1;
    var bar = el("div", "lightbox-bar");
    var count = el("p", "lightbox-count");
    count.setAttribute("aria-live", "polite");
    var close = el("button", "lightbox-close", grid.getAttribute("data-label-close"));
    close.type = "button";
    bar.appendChild(count);
    bar.appendChild(close);
    var stage = el("div", "lightbox-stage");
    var img = el("img");
    img.decoding = "async";
    var prev = el("button", "lightbox-prev");
    var next = el("button", "lightbox-next");
    prev.type = next.type = "button";
    prev.setAttribute("aria-label", grid.getAttribute("data-label-prev"));
    next.setAttribute("aria-label", grid.getAttribute("data-label-next"));
    var pa = el("span", "", "←"), na = el("span", "", "→");
    pa.setAttribute("aria-hidden", "true");
    na.setAttribute("aria-hidden", "true");
    prev.appendChild(pa);
    next.appendChild(na);
    stage.appendChild(prev);
    stage.appendChild(img);
    stage.appendChild(next);
    var caption = el("p", "lightbox-caption");
    box.appendChild(bar);
    box.appendChild(stage);
    box.appendChild(caption);
    document.body.appendChild(box);

    function show(i) {
      index = (i + links.length) % links.length;
      var a = links[index];
      img.removeAttribute("srcset");
      var set = a.getAttribute("data-srcset");
      if (set) {
        img.srcset = set;
        img.sizes = "100vw";
      }
      img.src = a.getAttribute("data-full");
      img.width = +a.getAttribute("data-width") || 0;
      img.height = +a.getAttribute("data-height") || 0;
      img.alt = a.getAttribute("data-alt") || "";
      count.textContent = a.getAttribute("data-label") || "";
      caption.textContent = a.getAttribute("data-caption") || "";
      var credit = a.getAttribute("data-credit");
      if (credit) {
        caption.appendChild(document.createTextNode(" "));
        caption.appendChild(el("span", "credit", credit));
      }
      prev.hidden = next.hidden = links.length < 2;
    }

    function open(i, from) {
      opener = from;
      show(i);
      // Everything else becomes inert: focus and screen readers stay here.
      hidden = [];
      Array.prototype.forEach.call(document.body.children, function (c) {
        if (c !== box && !c.inert) {
          c.inert = true;
          hidden.push(c);
        }
      });
      document.documentElement.classList.add("lightbox-open");
      box.hidden = false;
      box.focus();
    }

    function shut() {
      if (box.hidden) return;
      box.hidden = true;
      hidden.forEach(function (c) { c.inert = false; });
      document.documentElement.classList.remove("lightbox-open");
      if (opener) opener.focus();
    }

    links.forEach(function (a, i) {
      a.addEventListener("click", function (ev) {
        if (ev.ctrlKey || ev.metaKey || ev.shiftKey || ev.button > 0) return; // a new tab keeps working
        ev.preventDefault();
        open(i, a);
      });
      a.addEventListener("keydown", function (ev) {
        // Enter activates a link anyway; handling it here opens the dialog
        // the same way whatever the browser does with a synthetic key.
        if (ev.key === " " || ev.key === "Enter") { ev.preventDefault(); open(i, a); }
      });
    });
    close.addEventListener("click", shut);
    prev.addEventListener("click", function () { show(index - 1); });
    next.addEventListener("click", function () { show(index + 1); });
    box.addEventListener("click", function (ev) { if (ev.target === stage) shut(); });

    box.addEventListener("keydown", function (ev) {
      switch (ev.key) {
        case "Escape":
          ev.preventDefault();
          shut();
          return;
        case "ArrowRight":
          ev.preventDefault();
          show(index + (rtl ? -1 : 1));
          return;
        case "ArrowLeft":
          ev.preventDefault();
          show(index + (rtl ? 1 : -1));
          return;
        case "Home":
          ev.preventDefault();
          show(0);
          return;
        case "End":
          ev.preventDefault();
          show(links.length - 1);
          return;
        case "Tab":
          // Keep focus on the dialog's buttons (inert covers the rest; this
          // also wraps around inside the dialog).
          var f = [close, prev, next].filter(function (b) { return !b.hidden; });
          var at = f.indexOf(document.activeElement);
          ev.preventDefault();
          f[(at + (ev.shiftKey ? f.length - 1 : 1)) % f.length].focus();
      }
    });

    // Swipe: a mostly horizontal move of 40 px or more.
    var sx = 0, sy = 0, touching = false;
    stage.addEventListener("touchstart", function (ev) {
      if (ev.touches.length !== 1) return;
      touching = true;
      sx = ev.touches[0].clientX;
      sy = ev.touches[0].clientY;
    }, { passive: true });
    stage.addEventListener("touchend", function (ev) {
      if (!touching) return;
      touching = false;
      var t = ev.changedTouches[0];
      var dx = t.clientX - sx, dy = t.clientY - sy;
      if (Math.abs(dx) < 40 || Math.abs(dx) < Math.abs(dy)) return;
      // Swiping toward the start of the reading direction shows the next photo.
      var forward = rtl ? dx > 0 : dx < 0;
      show(index + (forward ? 1 : -1));
    });
  });

  // ---- Click-to-load embeds ----
  Array.prototype.forEach.call(document.querySelectorAll(".embed[data-embed]"), function (box) {
    var link = box.querySelector(".embed-link");
    if (!link) return;
    link.addEventListener("click", function (ev) {
      if (ev.ctrlKey || ev.metaKey || ev.shiftKey || ev.button > 0) return;
      ev.preventDefault();
      var frame = document.createElement("iframe");
      frame.src = box.getAttribute("data-embed");
      frame.title = box.getAttribute("data-title") || "";
      frame.allow = "autoplay; fullscreen; picture-in-picture; encrypted-media";
      frame.allowFullscreen = true;
      frame.referrerPolicy = "strict-origin-when-cross-origin";
      box.replaceChild(frame, link);
      frame.focus();
    });
  });
})();
