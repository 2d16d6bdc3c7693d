// File names inside a deck's folder (build.ts imports them without loading
// the browser side of the export stage).
export const FILE_NAMES = { pdf: 'deck.pdf', handout: 'handout.pdf', pptx: 'deck.pptx', 'pptx-images': 'deck-images.pptx' } as const;
