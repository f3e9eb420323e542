export { layoutDocument } from './paginate';
export { layoutParagraph, paragraphHeight, textWidth, type LineBox } from './paragraph';
export * from './types';
