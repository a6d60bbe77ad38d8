// What pdfkit 0.20 does that @types/pdfkit 0.17 does not declare.
declare namespace PDFKit {
  interface PDFOutlineItemOptions {
    expanded?: boolean;
    /** Distance from the top of the page, in points, the bookmark scrolls to. */
    top?: number;
    /** pdfkit 0.20 writes `page width − left` as the left edge: pass the page width for 0. */
    left?: number;
    /** 0-based page the bookmark points at (default: the current page). */
    pageNumber?: number;
    fit?: boolean;
  }
  interface PDFOutline {
    addItem(title: string, options?: PDFOutlineItemOptions): PDFOutline;
  }
}
