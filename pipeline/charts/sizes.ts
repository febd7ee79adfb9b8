// The sizes charts are drawn at, shared by the drawing and the page's stylesheet (this module loads
// nothing: the page needs its numbers without the drawing's fonts and engines).

/** A phone drawing's width in CSS px: 96 % of it shows in the 288 px column of a 320 px screen. */
export const PHONE_WIDTH = 300;
/** The widest a category label is on a phone, before it goes on a second line. */
export const PHONE_LABEL_ROOM = 120;
/** The smallest text of every drawing, in px at the drawing's own size. */
export const MIN_FONT_SIZE = 12;
/** The widest a column drawing is made when its spec leaves the width to the build. */
export const COLUMN_WIDTH = 640;
