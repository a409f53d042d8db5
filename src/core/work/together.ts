/**
 * Work run side by side (a capture reads its entities concurrently) that fails as one: the first
 * failure stops the others, and the caller hears of it only once every piece has settled. Without
 * the wait, a cancelled capture returned while another entity's page was still being journaled, so a
 * capture resumed at once could have its journal written under it.
 */

/**
 * Runs `work(item, signal)` for every item at once. `signal` is aborted when the caller's `signal`
 * is or when any piece fails; the promise rejects with the first failure, after all have settled.
 */
export async function runTogether<T>(
  items: readonly T[],
  signal: AbortSignal | undefined,
  work: (item: T, signal: AbortSignal) => Promise<void>,
): Promise<void> {
  const stop = new AbortController();
  const shared = signal ? AbortSignal.any([signal, stop.signal]) : stop.signal;
  let failure: { error: unknown } | undefined;
  await Promise.all(
    items.map((item) =>
      work(item, shared).catch((error: unknown) => {
        if (!failure) {
          failure = { error };
          stop.abort(error);
        }
      }),
    ),
  );
  if (failure) throw failure.error;
}
