/**
 * Keyboard use of the step table as an ARIA grid with a roving tabindex: the whole table is one Tab
 * stop (the active cell); the arrow keys, Home/End and Page Up/Down move between cells; Enter or F2
 * goes into a cell's controls (Tab then moves among them, Escape comes back out), Space ticks a cell's
 * checkbox. Without it a 250-row page would be ~500 Tab stops between the filter and the end of the page.
 */

const CONTROLS = 'button, input, a[href], vscode-button, vscode-checkbox';
const PAGE_ROWS = 10;

export class GridNav {
  private row = 0;
  private col = 0;
  /** The cell whose controls are reachable with Tab right now (after Enter), if any. */
  private entered?: HTMLTableCellElement;

  constructor(private readonly table: HTMLTableElement) {
    table.setAttribute('role', 'grid');
    table.addEventListener('keydown', (e) => this.onKey(e));
    table.addEventListener('focusin', (e) => this.onFocus(e));
  }

  /** After the rows changed: every cell and control out of the Tab order but the active cell. */
  refresh(): void {
    this.entered = undefined;
    const rows = this.table.rows;
    if (!rows.length) return;
    this.row = Math.min(this.row, rows.length - 1);
    this.col = Math.min(this.col, rows[this.row].cells.length - 1);
    for (const row of Array.from(rows))
      for (const cell of Array.from(row.cells)) {
        cell.tabIndex = -1;
        for (const control of Array.from(cell.querySelectorAll<HTMLElement>(CONTROLS))) control.tabIndex = -1;
      }
    this.activeCell()?.setAttribute('tabindex', '0');
  }

  private activeCell(): HTMLTableCellElement | undefined {
    const row = this.table.rows[this.row];
    return row?.cells[Math.min(this.col, row.cells.length - 1)];
  }

  private moveTo(row: number, col: number): void {
    const rows = this.table.rows;
    if (!rows.length) return;
    this.leave();
    this.activeCell()?.setAttribute('tabindex', '-1');
    this.row = Math.max(0, Math.min(row, rows.length - 1));
    this.col = Math.max(0, Math.min(col, rows[this.row].cells.length - 1));
    const cell = this.activeCell();
    if (!cell) return;
    cell.tabIndex = 0;
    cell.focus();
  }

  /** A click or a programmatic focus inside a cell makes it the active one. */
  private onFocus(e: FocusEvent): void {
    const cell = (e.target as HTMLElement).closest('td, th') as HTMLTableCellElement | null;
    const row = cell?.parentElement as HTMLTableRowElement | null;
    if (!cell || !row || !this.table.contains(row)) return;
    if (row.rowIndex === this.row && cell.cellIndex === this.col) return;
    this.activeCell()?.setAttribute('tabindex', '-1');
    this.row = row.rowIndex;
    this.col = cell.cellIndex;
    cell.tabIndex = 0;
    if (this.entered && this.entered !== cell) this.leave();
  }

  private controls(cell: HTMLTableCellElement): HTMLElement[] {
    return Array.from(cell.querySelectorAll<HTMLElement>(CONTROLS)).filter((c) => !(c as HTMLButtonElement).disabled);
  }

  private enter(cell: HTMLTableCellElement): void {
    const controls = this.controls(cell);
    if (!controls.length) return;
    this.entered = cell;
    for (const c of controls) c.tabIndex = 0;
    controls[0].focus();
  }

  private leave(): void {
    if (!this.entered) return;
    for (const c of this.controls(this.entered)) c.tabIndex = -1;
    this.entered = undefined;
  }

  private onKey(e: KeyboardEvent): void {
    const inside = this.entered && e.target !== this.entered;
    if (inside) {
      if (e.key === 'Escape') {
        e.preventDefault();
        const cell = this.entered!;
        this.leave();
        cell.focus();
      }
      return; // Tab, Enter and Space belong to the control
    }
    const cell = this.activeCell();
    // Enter and Space on a control reached with the mouse are the control's own.
    const onCell = e.target === cell;
    let handled = true;
    switch (e.key) {
      case 'ArrowDown':
        this.moveTo(this.row + 1, this.col);
        break;
      case 'ArrowUp':
        this.moveTo(this.row - 1, this.col);
        break;
      case 'ArrowRight':
        this.moveTo(this.row, this.col + 1);
        break;
      case 'ArrowLeft':
        this.moveTo(this.row, this.col - 1);
        break;
      case 'Home':
        this.moveTo(e.ctrlKey ? 0 : this.row, 0);
        break;
      case 'End':
        this.moveTo(e.ctrlKey ? this.table.rows.length - 1 : this.row, Number.MAX_SAFE_INTEGER);
        break;
      case 'PageDown':
        this.moveTo(this.row + PAGE_ROWS, this.col);
        break;
      case 'PageUp':
        this.moveTo(this.row - PAGE_ROWS, this.col);
        break;
      case 'Enter':
      case 'F2': {
        if (!cell || !onCell) {
          handled = false;
          break;
        }
        const controls = this.controls(cell);
        // One control: Enter is its click (a sort button, an id); several: go in and Tab among them.
        if (controls.length === 1 && e.key === 'Enter') controls[0].click();
        else this.enter(cell);
        break;
      }
      case ' ': {
        const box = onCell ? cell?.querySelector<HTMLInputElement>('input[type=checkbox]') : null;
        if (box && !box.disabled) box.click();
        else handled = false;
        break;
      }
      default:
        handled = false;
    }
    if (handled) e.preventDefault();
  }
}
