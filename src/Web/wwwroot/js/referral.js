// The referral form's vacancy picker (Pages/Employment/Referrals): htmx fills #vacancy-choices from ?handler=Vacancies as the
// officer types; choosing one writes the vacancy's id, title and employer into the form. Typing a job or an employer by hand
// (a job not on the register) drops the chosen vacancy, so the record never names one job and points at another.
(function () {
  function forget(form) {
    var id = form.querySelector("[data-vacancy-id]");
    if (id) id.value = "";
    var chosen = form.querySelector("[data-vacancy-chosen]");
    if (chosen) chosen.classList.add("d-none");
  }

  document.addEventListener("click", function (e) {
    var choice = e.target.closest ? e.target.closest("[data-vacancy-choice]") : null;
    if (choice) {
      var form = choice.closest("form");
      var title = choice.getAttribute("data-title"), employer = choice.getAttribute("data-employer");
      form.querySelector("[data-vacancy-id]").value = choice.getAttribute("data-vacancy-choice");
      form.querySelector("[data-vacancy-title]").value = title;
      form.querySelector("[data-vacancy-employer]").value = employer;
      var chosen = form.querySelector("[data-vacancy-chosen]");
      chosen.querySelector("[data-vacancy-chosen-text]").textContent = title + " · " + employer;
      chosen.classList.remove("d-none");
      choice.parentElement.innerHTML = "";
      form.querySelector("[data-vacancy-search]").value = "";
      return;
    }
    var clear = e.target.closest ? e.target.closest("[data-vacancy-clear]") : null;
    if (clear) {
      e.preventDefault();
      forget(clear.closest("form"));
    }
  });

  document.addEventListener("input", function (e) {
    if (e.target.matches && e.target.matches("[data-vacancy-title], [data-vacancy-employer]")) forget(e.target.form);
  });

  // Enter in the search box searches (htmx's "search" trigger) instead of submitting the referral.
  document.addEventListener("keydown", function (e) {
    if (e.key === "Enter" && e.target.matches && e.target.matches("[data-vacancy-search]")) e.preventDefault();
  });
})();
