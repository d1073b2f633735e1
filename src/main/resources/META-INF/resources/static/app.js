// Copy buttons: <button data-copy="element-id">. Kept in a file because the CSP forbids inline scripts.
document.addEventListener('click', function (event) {
  var button = event.target.closest('[data-copy]');
  if (!button) {
    return;
  }
  var source = document.getElementById(button.getAttribute('data-copy'));
  if (!source || !navigator.clipboard) {
    return;
  }
  navigator.clipboard.writeText(source.textContent.trim()).then(function () {
    var label = button.textContent;
    button.textContent = 'Copied';
    setTimeout(function () { button.textContent = label; }, 1500);
  });
});

// "Select all" in a table of checkboxes: <input type="checkbox" data-select-all="name"> ticks every box of that name in its form.
document.addEventListener('change', function (event) {
  var all = event.target.closest('[data-select-all]');
  if (!all || !all.form) {
    return;
  }
  all.form.querySelectorAll('input[type=checkbox][name="' + all.getAttribute('data-select-all') + '"]').forEach(function (box) {
    box.checked = all.checked;
  });
});
