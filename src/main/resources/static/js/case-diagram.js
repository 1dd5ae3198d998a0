// Shows the case's BPMN model with the steps passed and the steps it waits in. The diagram zooms and pans: with the
// mouse wheel and dragging, with the buttons beside it, and on a phone with one finger (pan) or two (pinch to zoom).
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
        // bpmn-js writes a lineHeight attribute that SVG does not know; the text is laid out already
        container.querySelectorAll('[lineHeight]').forEach(function (text) { text.removeAttribute('lineHeight'); });
        controls(canvas);
        touch(canvas);
        container.setAttribute('data-ready', 'true');
      });
    })
    .catch(function () {
      container.classList.add('diagram-missing');
    });

  function controls(canvas) {
    var bar = document.getElementById('diagram-controls');
    if (!bar) {
      return;
    }
    bar.hidden = false;
    bar.addEventListener('click', function (event) {
      var action = event.target.getAttribute('data-zoom');
      if (action === 'in') { canvas.zoom(canvas.zoom() * 1.25); }
      if (action === 'out') { canvas.zoom(canvas.zoom() / 1.25); }
      if (action === 'fit') { canvas.zoom('fit-viewport'); }
    });
  }

  function touch(canvas) {
    var last = null;
    function points(event) {
      var box = container.getBoundingClientRect();
      return Array.prototype.map.call(event.touches, function (t) {
        return { x: t.clientX - box.left, y: t.clientY - box.top };
      });
    }
    function distance(p) {
      return Math.hypot(p[0].x - p[1].x, p[0].y - p[1].y);
    }
    container.addEventListener('touchstart', function (event) { last = points(event); }, { passive: true });
    container.addEventListener('touchmove', function (event) {
      var now = points(event);
      if (!last || now.length !== last.length) {
        last = now;
        return;
      }
      event.preventDefault();
      if (now.length === 1) {
        canvas.scroll({ dx: now[0].x - last[0].x, dy: now[0].y - last[0].y });
      } else if (now.length === 2 && distance(last) > 0) {
        var centre = { x: (now[0].x + now[1].x) / 2, y: (now[0].y + now[1].y) / 2 };
        canvas.zoom(canvas.zoom() * distance(now) / distance(last), centre);
      }
      last = now;
    }, { passive: false });
    container.addEventListener('touchend', function () { last = null; }, { passive: true });
  }
})();
