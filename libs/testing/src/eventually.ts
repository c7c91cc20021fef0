/**
 * Polls until `probe` stops throwing (an `expect` inside it, say) and returns its value; after the
 * deadline, throws the probe's last error. For asserting what asynchronous work will have done.
 */
export async function eventually<T>(
  probe: () => Promise<T> | T,
  { timeoutMs = 20_000, intervalMs = 50 } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      return await probe();
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      if (lastError instanceof Error) lastError.message = `still failing after ${timeoutMs} ms: ${lastError.message}`;
      throw lastError;
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
