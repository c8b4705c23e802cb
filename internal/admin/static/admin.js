// Enhancements for the admin editor. Every action also works without this
// file: the toolbar, live preview, autosave and drag-and-drop uploads are
// conveniences on top of plain forms.
(function () {
  "use strict";
  var form = document.querySelector("form.editor");
  if (!form) return;
  var body = form.querySelector("#body");
  var toolbar = form.querySelector(".toolbar");
  var previewBox = document.querySelector(".live-preview");
  var previewBody = previewBox && previewBox.querySelector(".preview-body");
  var statusLine = form.querySelector(".autosave-status");
  var changed = false;

  function insert(before, after, placeholder) {
    var s = body.selectionStart, e = body.selectionEnd;
    var selected = body.value.slice(s, e) || placeholder || "";
    body.setRangeText(before + selected + after, s, e, "end");
    body.focus();
    body.dispatchEvent(new Event("input"));
  }
  function esc(t) {
    return String(t).replace(/[&<>"]/g, function (c) { return {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;"}[c]; });
  }
  if (toolbar) {
    toolbar.hidden = false;
    toolbar.addEventListener("click", function (ev) {
      var b = ev.target.closest("button");
      if (!b) return;
      if (b.dataset.wrap) insert("<" + b.dataset.wrap + ">", "</" + b.dataset.wrap + ">", "");
      else if (b.dataset.list) insert("<" + b.dataset.list + ">\n<li>", "</li>\n</" + b.dataset.list + ">", "");
      else if (b.hasAttribute("data-link")) {
        var url = window.prompt("URL", "https://");
        if (url) insert('<a href="' + esc(url) + '">', "</a>", url);
      } else if (b.hasAttribute("data-video")) {
        var v = window.prompt("Video URL", "https://");
        if (v) insert('<p><a class="video-link" href="' + esc(v) + '">', "</a></p>", v);
      } else if (b.hasAttribute("data-image")) toolbar.querySelector("[data-image-input]").click();
    });
    toolbar.querySelector("[data-image-input]").addEventListener("change", function (ev) {
      if (ev.target.files[0]) upload(ev.target.files[0]);
      ev.target.value = "";
    });
  }

  function upload(file) {
    var caption = window.prompt(body.dataset.dropHint || "Caption", "") || "";
    var data = new FormData();
    data.append("file", file);
    data.append("alt", caption);
    data.append("caption", caption);
    statusLine.textContent = "…";
    fetch(form.dataset.upload, {method: "POST", body: data, credentials: "same-origin"})
      .then(function (r) { return r.json(); })
      .then(function (m) {
        if (m.error) { statusLine.textContent = m.error; return; }
        statusLine.textContent = "";
        insert('<figure><img src="' + esc(m.url) + '" alt="' + esc(m.alt) + '" width="' + m.width + '" height="' + m.height + '" loading="lazy"><figcaption>' + esc(m.caption) + "</figcaption></figure>\n", "", "");
      })
      .catch(function () { statusLine.textContent = "upload failed"; });
  }
  body.addEventListener("dragover", function (ev) { ev.preventDefault(); body.classList.add("dragover"); });
  body.addEventListener("dragleave", function () { body.classList.remove("dragover"); });
  body.addEventListener("drop", function (ev) {
    body.classList.remove("dragover");
    var f = ev.dataTransfer && ev.dataTransfer.files[0];
    if (f && /^image\//.test(f.type)) { ev.preventDefault(); upload(f); }
  });
  body.addEventListener("paste", function (ev) {
    var items = ev.clipboardData && ev.clipboardData.files;
    if (items && items[0] && /^image\//.test(items[0].type)) { ev.preventDefault(); upload(items[0]); }
  });

  var previewTimer;
  function refreshPreview() {
    if (!previewBody) return;
    var data = new URLSearchParams();
    data.set("body", body.value);
    fetch(form.dataset.preview, {method: "POST", body: data, credentials: "same-origin"})
      .then(function (r) { return r.ok ? r.text() : ""; })
      .then(function (html) { previewBody.innerHTML = html; previewBox.hidden = false; });
  }
  body.addEventListener("input", function () {
    changed = true;
    clearTimeout(previewTimer);
    previewTimer = setTimeout(refreshPreview, 400);
  });
  if (body.value) refreshPreview();
  ["#title", "#excerpt"].forEach(function (sel) {
    var el = form.querySelector(sel);
    if (el) el.addEventListener("input", function () { changed = true; });
  });

  if (form.dataset.autosave) {
    setInterval(function () {
      if (!changed) return;
      changed = false;
      var data = new URLSearchParams();
      data.set("title", form.querySelector("#title").value);
      data.set("excerpt", form.querySelector("#excerpt").value);
      data.set("body", body.value);
      fetch(form.dataset.autosave, {method: "POST", body: data, credentials: "same-origin"})
        .then(function (r) { return r.ok ? r.json() : null; })
        .then(function (j) { if (j) statusLine.textContent = "✓ " + new Date(j.saved).toLocaleTimeString(); });
    }, 15000);
  }
})();

// Delete buttons of the structure screens ask once before they submit
// (without JavaScript they submit at once, as plain forms do).
(function () {
  "use strict";
  document.addEventListener("click", function (ev) {
    var b = ev.target.closest && ev.target.closest("button[data-confirm]");
    if (b && !window.confirm(b.dataset.confirm)) ev.preventDefault();
  });
})();
