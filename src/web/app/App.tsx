import { Center, Loader } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { Suspense } from "react";
import { Navigate, Route, Routes } from "react-router";
import { AcceptInvitationPage, LoginPage, SetupPage, setupStatusQuery } from "../features/auth";
import { useSession } from "../lib/session";
import { browserClockFormat, setClockFormat } from "../lib/time";
import { Layout } from "./Layout";
import { Page } from "./Page";
import { appRoutes } from "./routes";

function Waiting() {
  return (
    <Center h="100vh">
      <Loader aria-label="Loading" />
    </Center>
  );
}

/** Signed out: a fresh instance opens on the setup page, any other on sign-in. */
function SignedOutLanding() {
  const status = useQuery(setupStatusQuery);
  if (status.isPending) return <Waiting />;
  return <Navigate to={status.data?.needsSetup ? "/setup" : "/login"} replace />;
}

export function App() {
  const session = useSession();
  if (session.isPending) return <Waiting />;
  if (!session.data) {
    return (
      <Suspense fallback={<Waiting />}>
        <Routes>
          <Route path="/setup" element={<SetupPage />} />
          <Route path="/login" element={<LoginPage />} />
          <Route path="/invitations/:token" element={<AcceptInvitationPage />} />
          <Route path="*" element={<SignedOutLanding />} />
        </Routes>
      </Suspense>
    );
  }
  // Set before the pages render, so every time on them is in the person's clock format.
  setClockFormat(session.data.person.clockFormat ?? browserClockFormat());
  return (
    <Routes>
      <Route
        path="/invitations/:token"
        element={
          <Suspense fallback={<Waiting />}>
            <AcceptInvitationPage />
          </Suspense>
        }
      />
      <Route element={<Layout session={session.data} />}>
        {appRoutes.map((r) => (
          <Route key={r.path} path={r.path} element={<Page route={r} />} />
        ))}
        <Route path="*" element={<Navigate to="/" replace />} />
      </Route>
    </Routes>
  );
}
