// Drives the ECB Lens embed on embed-example.html through its postMessage API (see the README).
// `?embed=URL` points the frame at an ECB Lens on another origin.
(function () {
  var frame = document.getElementById('lens');
  var log = document.getElementById('log');
  var override = new URLSearchParams(location.search).get('embed');
  if (override && /^https?:\/\//.test(override)) {
    // A new frame rather than a new src: Chromium may still run a lazy frame's deferred load of the src it
    // was parsed with (this page's own /embed) after, and instead of, a src set here.
    var replacement = frame.cloneNode(false);
    replacement.src = override;
    frame.replaceWith(replacement);
    frame = replacement;
  }
  var origin = new URL(frame.src, location.href).origin;

  function write(line) {
    log.textContent += line + '\n';
    log.scrollTop = log.scrollHeight;
  }

  function send(message) {
    message.type = 'ecb-lens';
    message.v = 1;
    frame.contentWindow.postMessage(message, origin);
    write('→ ' + JSON.stringify(message));
  }

  document.querySelectorAll('button[data-command]').forEach(function (button) {
    button.addEventListener('click', function () {
      var message = { command: button.dataset.command };
      if (button.dataset.seconds) message.seconds = Number(button.dataset.seconds);
      if (button.dataset.frames) message.frames = Number(button.dataset.frames);
      if (button.dataset.options) message.options = JSON.parse(button.dataset.options);
      send(message);
    });
  });

  var frames = 0;
  window.addEventListener('message', function (event) {
    if (event.source !== frame.contentWindow || event.origin !== origin) return;
    var data = event.data;
    if (!data || data.type !== 'ecb-lens' || data.v !== 1) return;
    if (data.event === 'resize') frame.style.height = data.height + 'px';
    if (data.event === 'frame') {
      // Frames arrive with every picture drawn; log one in thirty.
      if (frames++ % 30 !== 0) return;
    }
    write('← ' + JSON.stringify(data));
  });
})();
