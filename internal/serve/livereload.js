// Live reload for `gongshi serve` only; build output never contains it.
// The server sends the build state over server-sent events: a new build
// number reloads the page, an error is shown over the last good page.
(function () {
  "use strict";
  var build = null;
  var overlay = null;

  function showError(text) {
    if (!overlay) {
      overlay = document.createElement("div");
      overlay.id = "gongshi-error";
      overlay.setAttribute("role", "alertdialog");
      overlay.setAttribute("aria-modal", "true");
      overlay.setAttribute("aria-labelledby", "gongshi-error-title");
      var s = overlay.style;
      s.position = "fixed";
      s.inset = "0";
      s.zIndex = "2147483647";
      s.overflow = "auto";
      s.background = "rgba(20, 20, 20, 0.94)";
      s.color = "#fff";
      s.padding = "1.5rem";
      s.font = "16px/1.7 monospace";
      var title = document.createElement("h2");
      title.id = "gongshi-error-title";
      title.textContent = "内容有错误，页面显示的是上一次成功生成的网站";
      title.style.color = "#ffb3b3";
      title.style.margin = "0 0 1rem";
      var pre = document.createElement("pre");
      pre.style.whiteSpace = "pre-wrap";
      pre.style.margin = "0";
      var note = document.createElement("p");
      note.textContent = "修改文件并保存后，这里会自动更新。";
      overlay.appendChild(title);
      overlay.appendChild(pre);
      overlay.appendChild(note);
      document.body.appendChild(overlay);
    }
    overlay.querySelector("pre").textContent = text;
  }

  function hideError() {
    if (overlay) {
      overlay.remove();
      overlay = null;
    }
  }

  var events = new EventSource("/__gongshi/events");
  events.addEventListener("state", function (e) {
    var state = JSON.parse(e.data);
    if (build !== null && state.build !== build) {
      location.reload();
      return;
    }
    build = state.build;
    // Marks the page as connected, for people and tests checking it.
    document.documentElement.setAttribute("data-gongshi-build", String(build));
    if (state.error) {
      showError(state.error);
    } else {
      hideError();
    }
  });
})();
