// Ask before a step that cannot be undone: <form data-confirm="..."> or, for one of a
// form's buttons, <button data-confirm="...">.
document.addEventListener("submit", function (event) {
  var button = event.submitter;
  var source = button && button.hasAttribute("data-confirm") ? button : event.target;
  var message = source.getAttribute && source.getAttribute("data-confirm");
  if (message && !window.confirm(message)) event.preventDefault();
});
