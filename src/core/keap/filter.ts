/**
 * Builds Keap v2 `filter` values: `;`-joined `field<op>value` clauses. Values are checked so a
 * stray `;` cannot smuggle in another clause (Keap silently ignores what it does not know, and a
 * broken filter can turn into a full export).
 */
import { KeapRequestError } from './errors';

export type FilterOperator = '==' | '!=' | '<' | '<=' | '>' | '>=';

export class KeapFilter {
  private readonly clauses: string[] = [];

  static where(field: string, op: FilterOperator, value: string | number | boolean | Array<string | number>): KeapFilter {
    return new KeapFilter().and(field, op, value);
  }

  and(field: string, op: FilterOperator, value: string | number | boolean | Array<string | number>): this {
    if (!/^[A-Za-z0-9_]+$/.test(field)) throw new KeapRequestError('filter-field', `Invalid filter field '${field}'`);
    const text = Array.isArray(value) ? value.join(',') : String(value);
    if (text.includes(';')) throw new KeapRequestError('filter-value', `A filter value cannot contain ';' (${field})`);
    this.clauses.push(`${field}${op}${text}`);
    return this;
  }

  toString(): string {
    return this.clauses.join(';');
  }
}

export function filter(field: string, op: FilterOperator, value: string | number | boolean | Array<string | number>): string {
  return KeapFilter.where(field, op, value).toString();
}
