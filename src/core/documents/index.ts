export {
  DIFF_BOUNDS,
  type DiffBounds,
  documentDiff,
  mergeParts,
  sideOf,
  TITLE_BREAK,
  type Versioned,
  wordDiff,
} from "./word-diff";
