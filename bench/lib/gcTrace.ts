// Reading node's --trace-gc --trace-gc-verbose output: what a step holds live after each full collection.

/**
 * The largest live JS heap after a full collection (a Mark-Compact line's "after" size) in a trace, and the largest
 * heap plus the external memory (array buffers) the same isolate reports right after that collection, both in MB;
 * NaN when the trace has no full collection. Isolates (worker threads) are told apart by their "[pid:0xaddress]" tag.
 */
export function liveOfGcTrace(trace: string): { heapMb: number; withBuffersMb: number } {
  let heapMb = NaN;
  let withBuffersMb = NaN;
  const pending = new Map<string, number>();
  for (const line of trace.split('\n')) {
    const tag = /^\[(\d+:0x[0-9a-f]+)\]/.exec(line)?.[1] ?? '';
    const full = /Mark-Compact [\d.]+ \([\d.]+\) -> ([\d.]+) \(/.exec(line);
    if (full) {
      const mb = Number(full[1]);
      heapMb = Number.isNaN(heapMb) ? mb : Math.max(heapMb, mb);
      pending.set(tag, mb);
      continue;
    }
    const external = /External memory reported:\s+(\d+) KB/.exec(line);
    const after = pending.get(tag);
    if (!external || after === undefined) continue;
    pending.delete(tag);
    const mb = after + Number(external[1]) / 1024;
    withBuffersMb = Number.isNaN(withBuffersMb) ? mb : Math.max(withBuffersMb, mb);
  }
  return { heapMb, withBuffersMb };
}
