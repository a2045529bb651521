// "Thêm dòng": add a row to a Django formset without saving first.
// Progressive enhancement: without JavaScript the blank rows and "Lưu" still work.
(function () {
  document.querySelectorAll("[data-formset]").forEach(function (box) {
    var prefix = box.getAttribute("data-formset");
    var template = document.getElementById("empty-" + prefix);
    var total = box.querySelector("#id_" + prefix + "-TOTAL_FORMS");
    var button = box.querySelector("[data-add-row]");
    if (!template || !total || !button) return;
    button.hidden = false;
    button.addEventListener("click", function () {
      var index = parseInt(total.value, 10);
      var html = template.innerHTML.replace(/__prefix__/g, String(index))
        .replace(/__number__/g, String(index + 1));
      button.insertAdjacentHTML("beforebegin", html);
      total.value = String(index + 1);
      var rows = box.querySelectorAll(".formset__row");
      var first = rows[rows.length - 1].querySelector("input:not([type=hidden]), textarea, select");
      if (first) first.focus();
    });
  });
})();
