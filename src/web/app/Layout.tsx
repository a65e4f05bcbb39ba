import { AppShell, Burger, Group, NavLink, Stack, Text, Title } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { Link, Outlet, useLocation } from "react-router";
import type { SessionView } from "../../contracts/views";
import { SignOutButton } from "../features/auth/SignOutButton";

interface NavItem {
  to: string;
  label: string;
  adminOnly?: boolean;
}

export const NAV: NavItem[] = [{ to: "/", label: "Home" }];

export function Layout({ session }: { session: SessionView }) {
  const [opened, { toggle, close }] = useDisclosure();
  const location = useLocation();
  const isAdmin = ["owner", "admin", "hr"].includes(session.person.role);
  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 220, breakpoint: "sm", collapsed: { mobile: !opened } }}
      padding="md"
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between">
          <Group>
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label="Open navigation" />
            <Title order={1} size="h3">
              Tandem
            </Title>
            <Text c="dimmed" size="sm" visibleFrom="xs">
              {session.organisation.name}
            </Text>
          </Group>
          <Group gap="xs">
            <Text size="sm" visibleFrom="xs">
              {session.person.name}
            </Text>
            <SignOutButton />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label="Main navigation">
        <Stack gap={2} component="nav">
          {NAV.filter((n) => !n.adminOnly || isAdmin).map((n) => (
            <NavLink
              key={n.to}
              component={Link}
              to={n.to}
              label={n.label}
              onClick={close}
              active={n.to === "/" ? location.pathname === "/" : location.pathname.startsWith(n.to)}
            />
          ))}
        </Stack>
      </AppShell.Navbar>
      <AppShell.Main>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
