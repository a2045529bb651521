// The keyboard and small screens (decision 0035). Progressive: without JavaScript the
// pages work as before.
(function () {
  "use strict";
  // The header's navigation on a phone is one strip that scrolls sideways (site.css): a
  // link Tab reaches half cut at the edge is brought wholly into sight (the browser
  // leaves a half-seen one where it is).
  var nav = document.querySelector(".site-nav");
  if (nav) {
    nav.addEventListener("focusin", function (event) {
      if (nav.scrollWidth > nav.clientWidth + 1) {
        event.target.scrollIntoView({ block: "nearest", inline: "nearest" });
      }
    });
  }

  var main = document.getElementById("main");
  if (!main) return;

  // A refused form (or a refused step, said by an error message after a redirect): the
  // focus goes to what went wrong, the error summary or else the first field in error,
  // so that a keyboard or screen reader user starts there and Tab goes on into the form.
  // Else the result of the step just taken ("Đã ghi phiếu của bạn."): said at once, and
  // the next Tab goes on in the page, not through the header again.
  var target = main.querySelector(".form-errors, .messages .message--error");
  if (!target) target = main.querySelector("form [aria-invalid=true]");
  if (!target) target = main.querySelector(".messages .message");
  // A search answered by a new page (the honour roll): its results' heading, once the
  // visitor has searched or turned a page; a first visit starts at the top as ever.
  if (!target && window.location.search) target = main.querySelector("[data-results]");
  if (target) {
    if (!target.matches("a[href], button, input, select, textarea, summary")) {
      target.setAttribute("tabindex", "-1");
    }
    target.focus();
  }

  // A table wider than a phone scrolls in its own box. Only while there is something to
  // scroll is the box a region named by the table's caption (or its heading), in the tab
  // order (arrow keys scroll it).
  var boxes = [];
  main.querySelectorAll("table").forEach(function (table) {
    if (table.parentElement.classList.contains("table-scroll")) return;
    var box = document.createElement("div");
    box.className = "table-scroll";
    var named = table.getAttribute("aria-labelledby");
    var caption = table.querySelector("caption") || (named && document.getElementById(named));
    box.setAttribute("data-name", caption ? caption.textContent.trim() : "Bảng");
    table.parentNode.insertBefore(box, table);
    box.appendChild(table);
    boxes.push(box);
  });
  function update() {
    boxes.forEach(function (box) {
      if (box.scrollWidth > box.clientWidth + 1) {
        box.setAttribute("tabindex", "0");
        box.setAttribute("role", "region");
        box.setAttribute("aria-label", box.getAttribute("data-name"));
      } else {
        // Nothing to scroll: a plain box, no extra landmark or tab stop.
        box.removeAttribute("tabindex");
        box.removeAttribute("role");
        box.removeAttribute("aria-label");
      }
    });
  }
  update();
  window.addEventListener("resize", update);
})();
