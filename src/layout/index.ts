export * from "./sheetSpec";
export * from "./grid";
export * from "./names";
export * from "./parse";
export * from "./template";
export * from "./output";
export * from "./pipeline";
