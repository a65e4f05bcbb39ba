import "@mantine/core/styles.css";
import "@mantine/notifications/styles.css";
import { type CSSVariablesResolver, createTheme, MantineProvider, Notification } from "@mantine/core";
import { Notifications } from "@mantine/notifications";
import { QueryCache, QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { BrowserRouter } from "react-router";
import { App } from "./app/App";
import { noteQueryError } from "./lib/access";

const theme = createTheme({
  primaryColor: "indigo",
  primaryShade: { light: 7, dark: 8 },
  fontFamily: "system-ui, sans-serif",
  defaultRadius: "md",
  respectReducedMotion: true,
  components: {
    Notification: Notification.extend({
      defaultProps: { closeButtonProps: { "aria-label": "Dismiss" } },
      // Under a title Mantine greys the message to gray 6 (3.3:1 on white); the theme's dimmed passes AA.
      styles: { description: { color: "var(--mantine-color-dimmed)" } },
    }),
  },
});
// Mantine's default dimmed grey is below WCAG AA contrast on white; one shade darker passes.
// Likewise: the hover tint of light and subtle buttons (one shade lighter); links (darkest indigo,
// so they pass on tinted alerts too); the text of light alerts and badges in green, yellow, orange
// and red (shade 9 darkened to reach 5:1 on their tint).
const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    "--mantine-color-dimmed": "var(--mantine-color-gray-7)",
    "--mantine-color-indigo-light-hover": "var(--mantine-color-indigo-1)",
    "--mantine-color-anchor": "var(--mantine-color-indigo-9)",
    "--mantine-color-green-light-color": "#247334",
    "--mantine-color-yellow-light-color": "#a05300",
    "--mantine-color-orange-light-color": "#b13b0c",
    "--mantine-color-red-light-color": "#bc2727",
    // Field errors: Mantine's red 6 is 3.3:1 on white; red 8 passes AA.
    "--mantine-color-error": "var(--mantine-color-red-8)",
    // Placeholders drawn as text (a file input's "Choose a .csv file"): gray 5 is 2.1:1 on white.
    "--mantine-color-placeholder": "var(--mantine-color-gray-7)",
  },
  // Links: Mantine's indigo 4 is under 3:1 on the dark tint of warning alerts; indigo 2 passes.
  dark: {
    "--mantine-color-dimmed": "var(--mantine-color-dark-1)",
    "--mantine-color-anchor": "var(--mantine-color-indigo-2)",
    "--mantine-color-placeholder": "var(--mantine-color-dark-1)",
  },
});
const queryClient = new QueryClient({
  queryCache: new QueryCache({ onError: noteQueryError }),
  defaultOptions: { queries: { retry: false, staleTime: 10_000 } },
});

const root = document.getElementById("root");
if (root) {
  createRoot(root).render(
    <StrictMode>
      <MantineProvider theme={theme} defaultColorScheme="auto" cssVariablesResolver={cssVariablesResolver}>
        <Notifications />
        <QueryClientProvider client={queryClient}>
          <BrowserRouter>
            <App />
          </BrowserRouter>
        </QueryClientProvider>
      </MantineProvider>
    </StrictMode>,
  );
}
