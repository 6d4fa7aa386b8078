export const RunId = { generate: () => ({ friendlyId: "run_1" }) };
