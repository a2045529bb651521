// The nomination form, as the nominee's kind (cá nhân, tập thể, hộ gia đình) is chosen:
// - only that kind's boxes show: the other kinds' groups get `hidden`, so they are
//   neither seen, nor focusable, nor read by a screen reader (decision 0086);
// - only the award types that fit the kind are offered.
// The server checks both too (NominationForm.clean); without JavaScript every box shows.
(function () {
  var radios = document.querySelectorAll("input[name=nominee_kind]");
  if (!radios.length) return;
  var select = document.getElementById("id_award_type");
  var groups = document.querySelectorAll(".nominee-group[data-nominee-kind]");
  var kinds = { person: "individual", unit: "collective", household: "household" };
  function update() {
    var checked = document.querySelector("input[name=nominee_kind]:checked");
    var chosen = checked ? checked.value : null;
    Array.prototype.forEach.call(groups, function (group) {
      group.hidden = Boolean(chosen && group.getAttribute("data-nominee-kind") !== chosen);
    });
    if (!select) return;
    var wanted = chosen ? kinds[chosen] : null;
    Array.prototype.forEach.call(select.options, function (option) {
      var kind = option.getAttribute("data-kind");
      var hide = Boolean(wanted && kind && kind !== wanted);
      option.hidden = hide;
      option.disabled = hide;
      if (hide && option.selected) select.value = "";
    });
  }
  Array.prototype.forEach.call(radios, function (radio) {
    radio.addEventListener("change", update);
  });
  update();
})();
