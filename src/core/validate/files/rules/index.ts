import type { FileRule } from '../fileRule';
import { duplicateId } from './duplicateId';
import { existingOrderId } from './existingOrderId';
import { fileSyntax } from './fileSyntax';
import { unknownContact } from './unknownContact';
import { unknownOrder } from './unknownOrder';
import { unknownProduct } from './unknownProduct';
import { unknownTag } from './unknownTag';

/** Every file rule, in the order they run and are listed. */
export const FILE_RULES: readonly FileRule[] = [
  fileSyntax,
  duplicateId,
  unknownContact,
  unknownProduct,
  unknownOrder,
  existingOrderId,
  unknownTag,
];
