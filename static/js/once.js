// A create form is saved once (units/once.py): each carries a one-time token. When the
// user comes Back to a form they already sent, the browser may fetch the page again and
// the page then holds a new token; the token they sent is put back, so saving again
// leads to what was saved, not to a second copy. A page opened anew keeps its new token.
(function () {
  var KEY = "thidua-once:";
  function key(form) { return KEY + location.pathname + "#" + Array.prototype.indexOf.call(document.forms, form); }
  document.addEventListener("submit", function (event) {
    var field = event.target.querySelector && event.target.querySelector("input[name=_once]");
    if (!field || event.defaultPrevented) return;
    try { sessionStorage.setItem(key(event.target), field.value); } catch (e) { /* storage off */ }
  });
  function restore() {
    var nav = performance.getEntriesByType && performance.getEntriesByType("navigation")[0];
    if (!nav || nav.type !== "back_forward") return;
    Array.prototype.forEach.call(document.querySelectorAll("input[name=_once]"), function (field) {
      try {
        var sent = sessionStorage.getItem(key(field.form));
        if (sent) field.value = sent;
      } catch (e) { /* storage off */ }
    });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", restore);
  else restore();
})();
