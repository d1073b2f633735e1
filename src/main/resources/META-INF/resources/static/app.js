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
