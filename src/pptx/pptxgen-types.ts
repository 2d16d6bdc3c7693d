// pptxgenjs' types, reachable under NodeNext: the package's .d.ts is read as
// CommonJS, so its default export is the module's `default` property.
import type * as Module from 'pptxgenjs';

export type PptxCtor = typeof Module.default.default;
export type Pptx = InstanceType<PptxCtor>;
export type PptxSlide = Module.default.Slide;
export type TextProps = Module.default.TextProps;
export type TableCell = Module.default.TableCell;
export type TableCellProps = Module.default.TableCellProps;
export type SlideMasterProps = Module.default.SlideMasterProps;
