export * from "./types";
export * from "./frameworks";
export * from "./decimal";
export * from "./scoring";
export * from "./analysis";
export * from "./messages";
export * from "./json";
