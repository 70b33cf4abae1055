// Site-wide behaviour, kept out of the pages so the Content-Security-Policy can forbid inline script.

// htmx settles a swap by copying the old element's class and style attributes onto the new one with the same id;
// the policy forbids style attributes (style-src 'self'), so only class and sizes are settled.
if (window.htmx) htmx.config.attributesToSettle = ["class", "width", "height"];
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

// Region picker (_RegionPicker): choosing a region writes the deepest chosen code into the picker's input and fills
// the next level's <select> with an htmx GET; a level with a single choice (北京市 → 市辖区) is chosen automatically.
function bangfuPickerInput(picker) {
  var id = picker.getAttribute("data-target");
  return id ? document.getElementById(id) : picker.querySelector("input[data-region-value]");
}
document.addEventListener("change", function (e) {
  var select = e.target;
  if (!select.matches || !select.matches("[data-region-picker] select[data-level]")) return;
  var picker = select.closest("[data-region-picker]");
  var selects = Array.prototype.slice.call(picker.querySelectorAll("select[data-level]"));
  var index = selects.indexOf(select);
  selects.slice(index + 1).forEach(function (s) {
    s.length = 1;
    s.options[0].text = "—";
    s.disabled = true;
  });
  var code = select.value || (index > 0 ? selects[index - 1].value : picker.getAttribute("data-base"));
  var input = bangfuPickerInput(picker);
  if (input) input.value = code;
  var next = selects[index + 1];
  if (select.value && next) {
    htmx.ajax("GET", picker.getAttribute("data-children-url") + "&parent=" + encodeURIComponent(select.value),
      { target: next, swap: "innerHTML" }).then(function () {
        next.disabled = next.length <= 1;
        if (next.value) next.dispatchEvent(new Event("change", { bubbles: true }));
        else if (picker.getAttribute("data-submit-on-choice") === "true" && input && input.form && next.disabled) input.form.requestSubmit();
      });
    return;
  }
  if (picker.getAttribute("data-submit-on-choice") === "true" && select.value && input && input.form) input.form.requestSubmit();
});

// <input data-filter="#list">: shows only the items of #list ([data-filter-text]) that contain the typed text.
document.addEventListener("input", function (e) {
  var box = e.target;
  if (!box.matches || !box.matches("input[data-filter]")) return;
  var text = box.value.trim().toLowerCase();
  document.querySelectorAll(box.getAttribute("data-filter") + " [data-filter-text]").forEach(function (item) {
    item.classList.toggle("d-none", text !== "" && item.getAttribute("data-filter-text").toLowerCase().indexOf(text) < 0);
  });
});

// [data-clear="#id"] empties an element (closes an inline form without a request).
document.addEventListener("click", function (e) {
  var el = e.target.closest ? e.target.closest("[data-clear]") : null;
  if (!el) return;
  e.preventDefault();
  var target = document.querySelector(el.getAttribute("data-clear"));
  if (target) target.innerHTML = "";
});

// Status-dependent fields of the round form: [data-shown-for="a b"] shows only while the checked
// input[name=...][data-status-choice] has one of the listed values.
function bangfuStatusFields(root) {
  root = root || document;
  var forms = root.matches && root.matches("form[data-status-form]") ? [root] : root.querySelectorAll("form[data-status-form]");
  Array.prototype.forEach.call(forms, function (form) {
    var checked = form.querySelector("input[data-status-choice]:checked");
    var value = checked ? checked.value : "";
    form.querySelectorAll("[data-shown-for]").forEach(function (el) {
      el.classList.toggle("d-none", value !== "" && el.getAttribute("data-shown-for").split(" ").indexOf(value) < 0);
    });
  });
}
document.addEventListener("change", function (e) {
  if (e.target.matches && e.target.matches("input[data-status-choice]")) bangfuStatusFields(e.target.form);
});
document.addEventListener("DOMContentLoaded", function () { bangfuStatusFields(); });
document.addEventListener("htmx:afterSwap", function (e) { bangfuStatusFields(e.target); });
