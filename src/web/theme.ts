import type { ThemeConfig } from 'antd';

/** Colours chosen for WCAG AA contrast on white and on the header blue; styles.css repeats them as CSS variables. */
export const brand = {
  primary: '#0b57a4',
  primaryDark: '#083f78',
  accent: '#c8102e',
  surface: '#f4f6f9',
} as const;

export const theme: ThemeConfig = {
  token: {
    colorPrimary: brand.primary,
    colorLink: brand.primary,
    // The default info blue (#1677ff) on its pale background is 3.7:1 ("processing" tags): below AA.
    colorInfo: brand.primary,
    colorError: '#b3261e',
    // Ant Design's default greys for secondary text fall below WCAG AA contrast (4.5:1) on white and on the page grey.
    colorTextSecondary: '#4a5560',
    colorTextTertiary: '#5c6670',
    colorTextDescription: '#5c6670',
    colorTextPlaceholder: '#6b7785',
    borderRadius: 6,
    fontFamily: "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Liberation Sans', 'DejaVu Sans', Arial, sans-serif",
    fontSize: 15,
  },
  components: {
    Layout: { headerBg: '#ffffff', bodyBg: brand.surface, siderBg: '#0f2740', footerBg: '#0f2740' },
  },
};
