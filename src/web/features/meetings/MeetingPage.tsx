import { Grid, Stack } from "@mantine/core";
import { useState } from "react";
import { useParams } from "react-router";
import { Loading } from "../../components/Loading";
import { ApiError } from "../../lib/api";
import { useNow } from "../../lib/now";
import { usePeople } from "../../lib/resources";
import { useViewer } from "../../lib/session";
import { useMeeting } from "./api";
import { ActionItemsSection } from "./meeting/ActionItemsSection";
import { AgendaSection } from "./meeting/AgendaSection";
import { AttendeesCard } from "./meeting/AttendeesCard";
import { type MeetingContext, namer } from "./meeting/context";
import { DecisionsSection } from "./meeting/DecisionsSection";
import { LiveAgenda } from "./meeting/LiveAgenda";
import { MeetingHeader } from "./meeting/MeetingHeader";
import { MeetingNotFound } from "./meeting/NotFound";
import { OrganiserActions } from "./meeting/OrganiserActions";
import { PrivateNotes } from "./meeting/PrivateNotes";
import { RatingCard } from "./meeting/RatingCard";
import { RecapCard } from "./meeting/RecapCard";
import { SharedNotes } from "./meeting/SharedNotes";

/**
 * One meeting (`/meetings/:id`): agenda, notes, outcomes, RSVP, live mode, completion and rating.
 * Other attendees' changes arrive through the `meeting.changed` live event (app/live-refresh.ts);
 * text being typed is kept through those refetches (meeting/draft.ts).
 */
export function MeetingPage() {
  const { id = "" } = useParams();
  const viewer = useViewer();
  const meeting = useMeeting(id);
  const people = usePeople();
  const now = useNow();
  const [live, setLive] = useState(false);
  if (meeting.error instanceof ApiError && meeting.error.status === 404) return <MeetingNotFound />;
  if (!meeting.data) return <Loading error={meeting.error} />;
  const m = meeting.data;
  const ctx: MeetingContext = {
    meeting: m,
    viewerId: viewer.person.id,
    zone: viewer.zone,
    organiser: m.organiserId === viewer.person.id,
    readOnly: m.status === "cancelled",
    nameOf: namer(m, people.data),
  };
  const invited = m.attendees.some((a) => a.personId === viewer.person.id);
  const ended = now >= Date.parse(m.end);
  return (
    <Stack>
      <MeetingHeader {...ctx} />
      {m.recap && <RecapCard recap={m.recap} ctx={ctx} />}
      <Grid>
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack>
            <LiveAgenda {...ctx} live={live} onLive={setLive} />
            <AgendaSection {...ctx} />
            <SharedNotes {...ctx} />
            <DecisionsSection {...ctx} />
            <ActionItemsSection {...ctx} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack>
            <AttendeesCard {...ctx} />
            <PrivateNotes {...ctx} />
            {invited && ended && m.status !== "cancelled" && <RatingCard {...ctx} />}
            {ctx.organiser && m.status === "scheduled" && <OrganiserActions {...ctx} />}
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
