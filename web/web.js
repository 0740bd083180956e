// Live updates of a switchsim web page (server-sent events). Without
// JavaScript the page is the same, as of when it was loaded.
(function () {
  "use strict";
  var page = document.body.getAttribute("data-page");
  var live = document.getElementById("live");
  if (!page || !live || !window.EventSource || document.body.getAttribute("data-help")) {
    return;
  }
  function say(state) {
    live.setAttribute("data-live", state);
    live.textContent = live.getAttribute("data-" + state) || "";
  }
  function connect() {
    var es = new EventSource("/events?page=" + encodeURIComponent(page));
    es.addEventListener("page", function (e) {
      var u = JSON.parse(e.data);
      document.title = u.title;
      document.getElementById("title").textContent = u.title;
      document.getElementById("nav").innerHTML = u.nav;
      document.getElementById("main").innerHTML = u.main;
      say("on");
    });
    es.onerror = function () {
      // the stream ended: a switchover ends the browser's session, and
      // while no module is active nothing answers; try again
      es.close();
      say("reconnecting");
      setTimeout(connect, 500);
    };
  }
  connect();
})();
