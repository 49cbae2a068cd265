export async function runAnalysisBench(): Promise<void> { console.log("analysis bench: not written yet"); }
