// Sends the reader of the root page to the best of their browser's languages.
// Without JavaScript the page is a plain list of language links.
(function () {
  var offered = document.documentElement.getAttribute("data-langs").split(" ");
  var wanted = navigator.languages || [navigator.language || ""];
  for (var i = 0; i < wanted.length; i++) {
    var full = String(wanted[i]).toLowerCase();
    var base = full.split("-")[0];
    for (var j = 0; j < offered.length; j++) {
      var o = offered[j].toLowerCase();
      if (o === full || o === base) {
        location.replace(offered[j] + "/index.html");
        return;
      }
    }
  }
})();
