// Typed search for a choice among thousands (units/formfields.py, SearchSelect):
// the box asks the form's JSON endpoint for the first matches of what is typed and
// offers them as a list; choosing one writes its id into the hidden field (or, for a
// multiple field, adds a chosen row with its own hidden field). The server checks the
// id again on submit. Keyboard: ↓/↑ move in the list, Enter chooses, Esc closes; "Bỏ"
// gives the focus back to the box.
(function () {
  "use strict";

  function setup(box) {
    var input = box.querySelector(".search-select__input");
    var list = box.querySelector(".search-select__options");
    var status = box.querySelector(".search-select__status");
    var multiple = box.hasAttribute("data-multiple");
    var name = box.getAttribute("data-name");
    var hidden = multiple ? null : box.querySelector(".search-select__value");
    var chosenList = multiple ? box.querySelector(".search-select__list-chosen") : null;
    var timer = null;
    var active = -1;
    var asked = 0;
    var options = [];

    function close() {
      list.hidden = true;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      active = -1;
    }

    function highlight(index) {
      var items = list.querySelectorAll(".search-select__option");
      if (!items.length) return;
      active = (index + items.length) % items.length;
      Array.prototype.forEach.call(items, function (item, i) {
        item.setAttribute("aria-selected", i === active ? "true" : "false");
      });
      input.setAttribute("aria-activedescendant", items[active].id);
      items[active].scrollIntoView({ block: "nearest" });
    }

    function addChosen(option) {
      if (chosenList.querySelector('[data-id="' + option.id + '"]')) return;
      var li = document.createElement("li");
      li.className = "search-select__chosen";
      li.setAttribute("data-id", option.id);
      var field = document.createElement("input");
      field.type = "hidden";
      field.name = name;
      field.value = option.id;
      var remove = document.createElement("button");
      remove.type = "button";
      remove.className = "search-select__remove";
      remove.textContent = "Bỏ";
      remove.setAttribute("aria-label", "Bỏ " + option.text);
      li.appendChild(field);
      li.appendChild(document.createTextNode(option.text + " "));
      li.appendChild(remove);
      chosenList.appendChild(li);
    }

    function choose(index) {
      var option = options[index];
      if (!option) return;
      if (multiple) {
        addChosen(option);
        input.value = "";
        status.textContent = "Đã thêm: " + option.text;
      } else {
        hidden.value = option.id;
        input.value = option.text;
        status.textContent = "Đã chọn: " + option.text;
        hidden.dispatchEvent(new Event("change", { bubbles: true }));
      }
      close();
    }

    function show(data) {
      options = data.results;
      list.textContent = "";
      options.forEach(function (option, i) {
        var li = document.createElement("li");
        li.id = input.id + "_opt" + i;
        li.setAttribute("role", "option");
        li.setAttribute("aria-selected", "false");
        li.className = "search-select__option";
        li.textContent = option.text;
        li.addEventListener("mousedown", function (event) {
          event.preventDefault(); // keep the focus in the box
          choose(i);
        });
        list.appendChild(li);
      });
      if (!options.length) {
        var none = document.createElement("li");
        none.className = "search-select__none";
        none.setAttribute("role", "option");
        none.setAttribute("aria-disabled", "true");
        none.textContent = "Không tìm thấy. Thử gõ khác đi.";
        list.appendChild(none);
      } else if (data.more) {
        var more = document.createElement("li");
        more.className = "search-select__none";
        more.setAttribute("role", "option");
        more.setAttribute("aria-disabled", "true");
        more.textContent = "Còn nữa: gõ thêm để thu hẹp.";
        list.appendChild(more);
      }
      list.hidden = false;
      input.setAttribute("aria-expanded", "true");
      status.textContent = options.length
        ? options.length + (data.more ? "+" : "") + " kết quả"
        : "Không tìm thấy";
      active = -1;
    }

    function ask() {
      var query = input.value.trim();
      if (!query) {
        close();
        return;
      }
      var ticket = ++asked;
      var url = box.getAttribute("data-url") + "&q=" + encodeURIComponent(query);
      fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
        .then(function (response) {
          if (!response.ok) throw new Error(response.status);
          return response.json();
        })
        .then(function (data) {
          if (ticket === asked) show(data);
        })
        .catch(function () {
          status.textContent = "Không tìm được lúc này; thử lại sau.";
        });
    }

    input.addEventListener("input", function () {
      if (!multiple) hidden.value = ""; // typed again: nothing is chosen until picked
      clearTimeout(timer);
      timer = setTimeout(ask, 200);
    });
    input.addEventListener("keydown", function (event) {
      if (event.key === "ArrowDown") {
        event.preventDefault();
        if (list.hidden) ask();
        else highlight(active + 1);
      } else if (event.key === "ArrowUp") {
        event.preventDefault();
        highlight(active - 1);
      } else if (event.key === "Enter") {
        if (!list.hidden && active >= 0) {
          event.preventDefault(); // choose, do not submit the form
          choose(active);
        }
      } else if (event.key === "Escape") {
        close();
      }
    });
    input.addEventListener("blur", close);
    if (chosenList) {
      chosenList.addEventListener("click", function (event) {
        var button = event.target.closest(".search-select__remove");
        if (!button) return;
        var row = button.closest("li");
        var text = row.textContent.replace(/\s*Bỏ\s*$/, "").trim();
        row.remove();
        // The button goes with its row: keep the keyboard in the box (decision 0035).
        status.textContent = "Đã bỏ: " + text;
        input.focus();
      });
    }
  }

  document.querySelectorAll(".search-select").forEach(setup);
})();
