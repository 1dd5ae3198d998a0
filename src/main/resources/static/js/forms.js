// A form sent once stays sent: its submit button is disabled until the next page arrives.
document.addEventListener('submit', function (event) {
  var form = event.target;
  if (form.method && form.method.toLowerCase() === 'post') {
    setTimeout(function () {
      form.querySelectorAll('button[type=submit]').forEach(function (button) { button.disabled = true; });
    }, 0);
  }
});
