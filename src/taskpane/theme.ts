/** Fluent UI themes with a font stack that has Thai faces (Fluent's default has none). */
import { webDarkTheme, webLightTheme, type Theme } from "@fluentui/react-components";
import type { ThemeInfo } from "./host";

export const THAI_FONT_STACK =
  '"Leelawadee UI", "Leelawadee", "Thonburi", "Noto Sans Thai", "Noto Sans Thai UI", "Sarabun", "Tahoma", "Loma", "Garuda", "Segoe UI", sans-serif';

export function appTheme(info: ThemeInfo | "light" | "dark"): Theme {
  const t: ThemeInfo = typeof info === "string" ? { kind: info } : info;
  const base = t.kind === "dark" ? webDarkTheme : webLightTheme;
  const theme: Theme = { ...base, fontFamilyBase: THAI_FONT_STACK };
  // Office's body colours (e.g. the grey Colorful theme) as the page background and text
  if (t.body) {
    theme.colorNeutralBackground2 = t.body.background;
    theme.colorNeutralForeground1 = t.body.foreground;
  }
  return theme;
}
