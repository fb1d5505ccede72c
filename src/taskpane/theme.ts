/** Fluent UI themes with a font stack that has Thai faces (Fluent's default has none). */
import { webDarkTheme, webLightTheme, type Theme } from "@fluentui/react-components";

export const THAI_FONT_STACK =
  '"Leelawadee UI", "Leelawadee", "Thonburi", "Noto Sans Thai", "Noto Sans Thai UI", "Sarabun", "Tahoma", "Loma", "Garuda", "Segoe UI", sans-serif';

export function appTheme(kind: "light" | "dark"): Theme {
  const base = kind === "dark" ? webDarkTheme : webLightTheme;
  return { ...base, fontFamilyBase: THAI_FONT_STACK };
}
