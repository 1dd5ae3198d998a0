// Shows the case's BPMN model with the steps passed and the steps it waits in.
(function () {
  var container = document.getElementById('diagram');
  if (!container || !window.BpmnJS) {
    return;
  }
  fetch(container.getAttribute('data-src'), { credentials: 'same-origin' })
    .then(function (response) { return response.ok ? response.json() : Promise.reject(response.status); })
    .then(function (diagram) {
      var viewer = new window.BpmnJS({ container: container });
      return viewer.importXML(diagram.xml).then(function () {
        var canvas = viewer.get('canvas');
        var registry = viewer.get('elementRegistry');
        canvas.zoom('fit-viewport');
        diagram.completed.forEach(function (id) {
          if (registry.get(id)) { canvas.addMarker(id, 'step-done'); }
        });
        diagram.active.forEach(function (id) {
          if (registry.get(id)) { canvas.addMarker(id, 'step-current'); }
        });
        container.setAttribute('data-ready', 'true');
      });
    })
    .catch(function () {
      container.classList.add('diagram-missing');
    });
})();
