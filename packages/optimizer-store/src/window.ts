/** An inclusive range of UTC days (`YYYY-MM-DD`): a run's window, a metrics sync's window. */
export interface DateWindow {
  since: string;
  until: string;
}
