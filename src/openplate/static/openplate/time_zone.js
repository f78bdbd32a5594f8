/* The sign-up form's hidden time zone field: the browser's own IANA zone ("Pacific/Auckland"),
   so that the new account's days start at the person's midnight. Without JavaScript the field
   keeps the server's zone, which the settings page changes. */
(function () {
  "use strict";
  var zone;
  try {
    zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  } catch (error) {
    return;
  }
  if (!zone) {
    return;
  }
  document.querySelectorAll("input[data-browser-time-zone]").forEach(function (input) {
    input.value = zone;
  });
})();
