// The online fair: a choice in a picker submits the search at once (the 查找岗位 button does the same without script).
document.querySelectorAll("#fair-search select.auto-submit").forEach(function (select) {
    select.addEventListener("change", function () {
        // A new province empties the city and county chosen under the old one.
        if (select.name === "placeProvince") { var p = document.getElementById("place"); if (p) p.value = ""; }
        if (select.name === "homeProvince") { select.form.elements["homeCity"].value = ""; select.form.elements["home"].value = ""; }
        if (select.name === "homeCity") { select.form.elements["home"].value = ""; }
        select.form.submit();
    });
});
