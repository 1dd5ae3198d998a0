// A form that asks first (data-confirm) is sent only when the person agrees; a form sent once stays sent: its submit
// button is disabled until the next page arrives.
document.addEventListener('submit', function (event) {
  var form = event.target;
  var question = form.getAttribute('data-confirm');
  if (question && !window.confirm(question)) {
    event.preventDefault();
    return;
  }
  if (form.method && form.method.toLowerCase() === 'post') {
    setTimeout(function () {
      form.querySelectorAll('button[type=submit]').forEach(function (button) { button.disabled = true; });
    }, 0);
  }
});
