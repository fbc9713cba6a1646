// Clicking a row of the field diff draws its box on its document and
// scrolls the document into view.
document.addEventListener("DOMContentLoaded", () => {
  const rows = document.querySelectorAll("#diff tr[data-box]");
  const show = (row) => {
    rows.forEach((r) => r.classList.remove("active"));
    row.classList.add("active");
    const fig = document.getElementById("doc-" + row.dataset.doc);
    if (!fig) return;
    const [x, y, w, h] = row.dataset.box.split(" ");
    document.querySelectorAll(".box.focus").forEach((b) => b.setAttribute("width", 0));
    const focus = fig.querySelector(".box.focus");
    focus.setAttribute("x", x); focus.setAttribute("y", y);
    focus.setAttribute("width", w); focus.setAttribute("height", h);
    fig.scrollIntoView({ behavior: "smooth", block: "center" });
  };
  rows.forEach((row) => {
    row.addEventListener("click", () => show(row));
    row.addEventListener("keydown", (e) => { if (e.key === "Enter") show(row); });
  });
});
