/**
 * Lets the event loop run until a signal that has come (Ctrl+C) has been handed to its handlers:
 * Node reads signals in the loop's poll phase, which one turn to the check phase (`setImmediate`)
 * may skip when this turn's poll phase has passed already, so the loop is let through twice.
 */
export async function letSignalsIn(): Promise<void> {
  await new Promise((resolve) => setImmediate(resolve));
  await new Promise((resolve) => setImmediate(resolve));
}
