// abri serve: reloads the page after each successful rebuild and shows the
// content's errors over the page while it is broken.
(function () {
  var seen = null;
  var events = new EventSource("/_abri/events");
  events.addEventListener("ok", function (e) {
    if (seen !== null && seen !== e.data) {
      location.reload();
      return;
    }
    seen = e.data;
    var old = document.getElementById("abri-errors");
    if (old) old.parentNode.removeChild(old);
  });
  events.addEventListener("problems", function (e) {
    var box = document.getElementById("abri-errors");
    if (!box) {
      box = document.createElement("div");
      box.id = "abri-errors";
      box.setAttribute("role", "alert");
      box.setAttribute("dir", "ltr");
      var s = box.style;
      s.position = "fixed"; s.inset = "0"; s.zIndex = "99999"; s.overflow = "auto";
      s.background = "rgba(40,0,0,.92)"; s.color = "#fff"; s.padding = "1.5rem";
      s.font = "14px/1.5 ui-monospace, monospace";
      document.body.appendChild(box);
    }
    var lines = JSON.parse(e.data);
    box.textContent = "";
    var h = document.createElement("p");
    h.textContent = "abri: the content has errors; this page shows the last good build.";
    h.style.fontWeight = "bold";
    var pre = document.createElement("pre");
    pre.style.whiteSpace = "pre-wrap";
    pre.textContent = lines.join("\n");
    box.appendChild(h);
    box.appendChild(pre);
  });
})();
