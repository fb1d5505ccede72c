export * from "./capabilities";
export * from "./adapter";
export { planSheet, batchOps, widthPoints, CHART_TYPES } from "./render";
