// Buttons marked data-print print the page (the print stylesheet hides navigation and forms).
document.querySelectorAll('[data-print]').forEach(function (button) {
    button.addEventListener('click', function () { window.print(); });
});
