// Preloaded into every server of the rooms bench (node --expose-gc --require): SIGUSR2 runs a full GC, so that memory
// is read after one in every server alike, not at whatever point each one's own GC happened to be.
process.on('SIGUSR2', () => globalThis.gc());
