// Stands in for jsPDF's optional helpers (html2canvas, dompurify, canvg), which it imports only
// for doc.html() and addSvgAsImage(), never used here: they would add ~780 kB to the page.
const unavailable = () => {
  throw new Error('not bundled in churnlens');
};
export default unavailable;
