import { AppShell, Burger, Group, NavLink, ScrollArea, Stack, Text, useMantineTheme } from "@mantine/core";
import { useDisclosure, useMediaQuery } from "@mantine/hooks";
import { Suspense, useEffect } from "react";
import { Link, Outlet, useLocation } from "react-router";
import type { SessionView } from "../../contracts/auth";
import { SignOutButton } from "../features/auth";
import { NotificationBell } from "../features/notifications";
import { AcknowledgementBanner } from "../features/policies";
import { ZoneOffer } from "../features/settings";
import { forgetRefusalsElsewhere } from "../lib/access";
import { useLiveRefresh } from "./live-refresh";
import { activeNavTo, NAV, useNavFacts } from "./nav";
import { SearchBox } from "./SearchBox";
import "./shell.css";

export function Layout({ session }: { session: SessionView }) {
  const [opened, { toggle, close }] = useDisclosure();
  const location = useLocation();
  const role = session.person.role;
  const facts = useNavFacts(session.person);
  const theme = useMantineTheme();
  // On phones the closed menu slides off screen; inert keeps its links out of the tab order too.
  const phone = useMediaQuery(`(max-width: ${theme.breakpoints.sm})`);
  // A refusal (403) belongs to the page it came from; the next page starts afresh.
  useEffect(() => forgetRefusalsElsewhere(location.pathname), [location.pathname]);
  // Signed in only: the stream closes when this layout goes, i.e. on sign-out.
  useLiveRefresh();
  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 220, breakpoint: "sm", collapsed: { mobile: !opened } }}
      padding="md"
    >
      <a href="#main" className="skip-link">
        Skip to content
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group wrap="nowrap">
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={opened ? "Close navigation" : "Open navigation"}
              aria-expanded={opened}
            />
            {/* The page's own heading is its one h1; the product name is not a heading. */}
            <Text fw={700} size="xl">
              Tandem
            </Text>
            <Text c="dimmed" size="sm" visibleFrom="xs">
              {session.organisation.name}
            </Text>
          </Group>
          {/* One line on a phone too: the search box narrows rather than pushing the rest down. */}
          <Group gap="xs" wrap="nowrap">
            <SearchBox />
            <NotificationBell />
            <Text size="sm" visibleFrom="xs">
              {session.person.name}
            </Text>
            <SignOutButton />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label="Main navigation" inert={phone && !opened}>
        {/* The rail scrolls on its own: on a short window the last links stay reachable. */}
        <AppShell.Section grow component={ScrollArea}>
          <Stack gap="sm">
            {NAV.map((section) => {
              const items = section.items.filter((n) => !n.allow || n.allow(role, facts));
              return (
                <div key={section.label ?? "top"}>
                  {section.label && (
                    <Text size="xs" fw={700} tt="uppercase" c="dimmed" px="sm" pb={2}>
                      {section.label}
                    </Text>
                  )}
                  {items.map((n) => (
                    <NavLink
                      key={n.to}
                      component={Link}
                      to={n.to}
                      label={n.label}
                      onClick={close}
                      active={n.to === activeNavTo(location.pathname)}
                    />
                  ))}
                </div>
              );
            })}
          </Stack>
        </AppShell.Section>
      </AppShell.Navbar>
      <AppShell.Main id="main" tabIndex={-1}>
        {/* The zone offer and the acknowledgement banner load as their own chunks (Home's budget). */}
        <Suspense fallback={null}>
          <ZoneOffer />
          <AcknowledgementBanner />
        </Suspense>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
