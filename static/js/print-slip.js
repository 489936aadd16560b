// The counter code slip's Print button.
document.querySelector("[data-print-slip]")?.addEventListener("click", () => window.print());
