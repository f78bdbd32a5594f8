// A date picked on the diary's calendar opens that day at once; the Go button stays for
// keyboards and for pages without this script.
document.addEventListener("change", (event) => {
  const input = event.target.closest("[data-submit-on-change]");
  if (input && input.form) input.form.requestSubmit();
});
