import { Alert, Button, Group, Text } from "@mantine/core";
import { useState } from "react";
import { FormError } from "../../components/FormError";
import { useAction } from "../../lib/action";
import { api } from "../../lib/api";
import { keys } from "../../lib/resources";
import { useViewer } from "../../lib/session";
import { browserTimeZone } from "../../lib/time";

// Remembered per browser for each pair of zones: the offer is made once, whichever answer is given.
const answeredKey = (personId: string, profile: string, browser: string) =>
  `tandem.zone-offer.${personId}.${profile}.${browser}`;

function answered(key: string): boolean {
  try {
    return localStorage.getItem(key) !== null;
  } catch {
    return false;
  }
}

function remember(key: string): void {
  try {
    localStorage.setItem(key, new Date().toISOString());
  } catch {
    // Storage refused (private mode): the offer may come again, which is harmless.
  }
}

/** When the browser's zone differs from the profile's: offer once to move the profile to it. */
export function ZoneOffer() {
  const { person } = useViewer();
  const browser = browserTimeZone();
  const key = answeredKey(person.id, person.timeZone, browser);
  const [, setKept] = useState<string | null>(null);
  const move = useAction(() => api("PATCH", `/people/${person.id}`, { timeZone: browser }), {
    refresh: [["me"], keys.person(person.id), keys.people],
    done: `Your time zone is now ${browser}`,
    onDone: () => remember(key),
  });
  if (browser === person.timeZone || answered(key)) return null;
  const keep = () => {
    remember(key);
    setKept(key);
  };
  return (
    <Alert role="region" aria-label="Time zone" color="indigo" mb="md" variant="light">
      <Text size="sm">
        This browser is in <strong>{browser}</strong>, but your profile says{" "}
        <strong>{person.timeZone}</strong>. Colleagues see your working hours in your profile's zone.
      </Text>
      <FormError error={move.error} />
      <Group gap="xs" mt="xs">
        <Button size="compact-sm" loading={move.isPending} onClick={() => move.mutate(undefined)}>
          Use {browser}
        </Button>
        <Button size="compact-sm" variant="default" onClick={keep}>
          Keep {person.timeZone}
        </Button>
      </Group>
    </Alert>
  );
}
