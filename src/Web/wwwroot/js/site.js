// Site-wide behaviour, kept out of the pages so the Content-Security-Policy can forbid inline script.
document.addEventListener("change", function (e) {
  var el = e.target;
  // <select data-autosubmit> submits its form when changed.
  if (el.matches && el.matches("[data-autosubmit]") && el.form) el.form.requestSubmit();
});
document.addEventListener("click", function (e) {
  var el = e.target.closest ? e.target.closest("[data-confirm]") : null;
  if (el && !window.confirm(el.getAttribute("data-confirm"))) e.preventDefault();
});
// Progress bars carry their value in data-percent; widths are set here because inline styles are not allowed.
function bangfuPercentages(root) {
  (root || document).querySelectorAll("[data-percent]").forEach(function (el) {
    el.style.width = el.getAttribute("data-percent") + "%";
  });
}
document.addEventListener("DOMContentLoaded", function () { bangfuPercentages(); });
document.addEventListener("htmx:afterSwap", function (e) { bangfuPercentages(e.target); });
