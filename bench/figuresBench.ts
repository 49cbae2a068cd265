export async function runFiguresBench(): Promise<void> { console.log("figures bench: not written yet"); }
