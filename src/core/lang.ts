/** The languages of every user-facing text: Thai first, English available. */
export type Lang = "th" | "en";
