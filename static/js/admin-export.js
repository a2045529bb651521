// django-import-export's export page: "select all" ticks or clears every field box.
// Replaces the library's inline onchange attribute, which CSP (script-src 'self') refuses.
document.addEventListener("change", function (event) {
  var toggle = event.target;
  if (!toggle.matches || !toggle.matches("input.select-toggle")) return;
  document
    .querySelectorAll('.selectable-field-export-row input[type="checkbox"]')
    .forEach(function (box) {
      box.checked = toggle.checked;
    });
});
