// STUB — analysis worker thread.
export {};
