// A page that waits for the server (a scan being read, decision 0061) looks again every
// few seconds and puts the new state in place, instead of reloading itself: the
// keyboard focus and a screen reader's place stay where they are. When the page it
// fetches has no waiting part any more (read, or refused), it opens that page; when the
// part is still there but no longer asks to be polled (no data-poll: a file made), the
// final state is put in place and the polling stops (decision 0063).
// Without JavaScript, the page's <noscript> refresh does the same by reloading.
(function () {
  function poll(region) {
    var seconds = parseInt(region.getAttribute("data-poll"), 10) || 2;
    setTimeout(function () {
      fetch(location.href, { credentials: "same-origin", cache: "no-store" })
        .then(function (response) { return response.text().then(function (html) { return [response, html]; }); })
        .then(function (pair) {
          var doc = new DOMParser().parseFromString(pair[1], "text/html");
          var fresh = doc.getElementById(region.id);
          if (!pair[0].ok || pair[0].redirected || !fresh) { location.reload(); return; }
          // each part in place (a live region kept, not replaced, is read out again)
          Array.prototype.forEach.call(region.querySelectorAll("[id]"), function (part) {
            var now = fresh.querySelector("#" + part.id);
            if (!now) return;
            if (part.innerHTML !== now.innerHTML) part.innerHTML = now.innerHTML;
            if (now.hasAttribute("value")) part.setAttribute("value", now.getAttribute("value"));
          });
          if (!fresh.hasAttribute("data-poll")) { region.removeAttribute("data-poll"); return; }
          region.setAttribute("data-poll", fresh.getAttribute("data-poll"));
          poll(region);
        })
        .catch(function () { poll(region); });  // the network blinked: try again
    }, seconds * 1000);
  }
  function start() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-poll][id]"), poll);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
