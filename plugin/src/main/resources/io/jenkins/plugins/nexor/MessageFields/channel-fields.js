// Shows only the rows of the chosen channel in the Nexor message form (data-nexor-channels="whatsapp email" …).
(function () {
  function update(form) {
    var select = form.querySelector("select[name='_.channel']");
    var channel = select ? select.value : "";
    form.querySelectorAll("[data-nexor-channels]").forEach(function (row) {
      var channels = row.getAttribute("data-nexor-channels").split(" ");
      row.style.display = !channel || channels.indexOf(channel) >= 0 ? "" : "none";
    });
  }
  Behaviour.specify(".nexor-message-fields", "nexor-channel-fields", 0, function (form) {
    form.addEventListener("change", function (event) {
      if (event.target && event.target.name === "_.channel") {
        update(form);
      }
    });
    // the channel list is filled asynchronously: update once it is there
    var select = form.querySelector("select[name='_.channel']");
    if (select) {
      select.addEventListener("filled", function () { update(form); });
      new MutationObserver(function () { update(form); }).observe(select, { childList: true });
    }
    update(form);
  });
})();
