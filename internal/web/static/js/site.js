// Progressive enhancement for the header menu. Everything works without this
// file: submenus open on hover and keyboard focus through CSS, and the phone
// menu is shown in full. With it, the phone menu folds behind a button and
// submenus open and close on tap, click and Escape with aria-expanded kept true.
(function () {
  "use strict";
  // Public forms sit on cached pages, so every reader gets the same
  // single-use token; the first time a reader touches a form, fetch one of
  // their own. Without this script the cached token still works once.
  // Focus on the send button itself does not count: a new token is dated
  // now, so swapping it in between a press and its click would send the
  // form as "too fast" (a prefilled form sent straight away keeps the
  // page's token).
  Array.prototype.forEach.call(document.querySelectorAll("input[name='token'][data-refresh]"), function (input) {
    var form = input.form;
    if (!form) return;
    var fetched = false;
    form.addEventListener("focusin", function (event) {
      var type = event.target && event.target.type;
      if (fetched || type === "submit" || type === "image") return;
      fetched = true;
      fetch(input.getAttribute("data-refresh"), { credentials: "same-origin", cache: "no-store" })
        .then(function (r) { return r.ok ? r.text() : null; })
        .then(function (t) { if (t) input.value = t; })
        .catch(function () {});
    });
  });

  var nav = document.getElementById("site-nav");
  var toggle = document.querySelector(".nav-toggle");
  if (!nav || !toggle) return;

  function setOpen(button, open) {
    button.setAttribute("aria-expanded", open ? "true" : "false");
    var target = document.getElementById(button.getAttribute("aria-controls"));
    if (target) target.classList.toggle("is-open", open);
  }

  toggle.addEventListener("click", function () {
    setOpen(toggle, toggle.getAttribute("aria-expanded") !== "true");
  });

  var subButtons = nav.querySelectorAll(".submenu-toggle, .submenu-label");
  Array.prototype.forEach.call(subButtons, function (button) {
    button.addEventListener("click", function (event) {
      event.stopPropagation();
      var open = button.getAttribute("aria-expanded") !== "true";
      Array.prototype.forEach.call(subButtons, function (other) {
        if (other !== button && !other.parentNode.contains(button)) setOpen(other, false);
      });
      setOpen(button, open);
    });
  });

  function closeAll() {
    Array.prototype.forEach.call(subButtons, function (b) { setOpen(b, false); });
  }
  document.addEventListener("click", function (event) {
    if (!nav.contains(event.target)) closeAll();
  });
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") return;
    var open = nav.querySelector("[aria-expanded='true']");
    closeAll();
    if (open && nav.contains(document.activeElement)) open.focus();
  });
})();
