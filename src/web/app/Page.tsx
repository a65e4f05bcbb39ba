import { Center, Loader } from "@mantine/core";
import { Suspense } from "react";
import { useLocation, useParams } from "react-router";
import { NoAccess } from "../components/NoAccess";
import { useForbidden } from "../lib/access";
import { useViewer } from "../lib/session";
import { useDocumentTitle } from "../lib/title";
import type { AppRoute } from "./routes";

/** One signed-in page: its tab title, and "no access" instead of a page the person may not use. */
export function Page({ route }: { route: AppRoute }) {
  const viewer = useViewer();
  const params = useParams();
  const { pathname } = useLocation();
  const refused = useForbidden(pathname);
  useDocumentTitle(route.title);
  const allowed = !route.allow || route.allow(viewer.person, params);
  if (!allowed || refused) return <NoAccess />;
  return <Suspense fallback={<PageLoading />}>{route.element}</Suspense>;
}

/** While a page's code arrives: the shell stays, and a screen reader hears that the page is loading. */
function PageLoading() {
  return (
    <Center p="xl" role="status" aria-live="polite">
      <Loader aria-label="Loading the page" />
    </Center>
  );
}
