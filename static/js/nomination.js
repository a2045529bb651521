// Offer only the award types that fit the nominee (cá nhân, tập thể, hộ gia đình).
// The server checks it too; this only keeps the list short.
(function () {
  var select = document.getElementById("id_award_type");
  if (!select) return;
  var kinds = { person: "individual", unit: "collective", household: "household" };
  function update() {
    var checked = document.querySelector("input[name=nominee_kind]:checked");
    var wanted = checked ? kinds[checked.value] : null;
    Array.prototype.forEach.call(select.options, function (option) {
      var kind = option.getAttribute("data-kind");
      var hide = Boolean(wanted && kind && kind !== wanted);
      option.hidden = hide;
      option.disabled = hide;
      if (hide && option.selected) select.value = "";
    });
  }
  document.querySelectorAll("input[name=nominee_kind]").forEach(function (radio) {
    radio.addEventListener("change", update);
  });
  update();
})();
