import { Anchor, Group, Select, Stack, Text, Title } from "@mantine/core";
import { Link, useParams, useSearchParams } from "react-router";
import { Loading } from "../../components/Loading";
import { ApiError } from "../../lib/api";
import { useViewer } from "../../lib/session";
import { useDiff, useDocument, useVersions } from "./api";
import { type DiffLayout, DiffView } from "./diff/DiffView";
import { comparedPair } from "./doc-text";
import { VersionPanel } from "./history/VersionPanel";
import { VersionTable } from "./history/VersionTable";
import { DocumentNotFound } from "./page/NotFound";

/**
 * A document's versions (who saved each, when, what changed) and the word-level differences between
 * any two (previous against latest unless chosen), inline or side by side; any version as it read.
 * The choices live in the address, so a comparison can be shared.
 */
export function DocumentHistoryPage() {
  const { id = "" } = useParams();
  const viewer = useViewer();
  const document = useDocument(id);
  const versions = useVersions(id);
  const [params, setParams] = useSearchParams();
  const pair = versions.data ? comparedPair(params, versions.data) : null;
  const diff = useDiff(id, pair?.from ?? null, pair?.to ?? null);
  const layout: DiffLayout = params.get("layout") === "side" ? "side" : "inline";
  const viewed = Number(params.get("view")) || null;
  const change = (values: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(values)) {
      if (value === null) next.delete(key);
      else next.set(key, value);
    }
    setParams(next, { replace: true });
  };

  const missing = [document.error, versions.error].some((e) => e instanceof ApiError && e.status === 404);
  if (missing) return <DocumentNotFound />;
  if (!document.data || !versions.data || !pair) return <Loading error={document.error ?? versions.error} />;
  const doc = document.data;
  const options = [...versions.data]
    .sort((a, b) => b.version - a.version)
    .map((v) => ({ value: String(v.version), label: `Version ${v.version}` }));

  return (
    <Stack>
      <Anchor component={Link} to={`/docs/${id}`} size="sm">
        ← {doc.title}
      </Anchor>
      <Title order={1} size="h2">
        History of “{doc.title}”
      </Title>
      <Text c="dimmed">Every save is kept as a version. Times are in your zone ({viewer.zone}).</Text>
      <VersionTable
        versions={versions.data}
        zone={viewer.zone}
        pair={pair}
        viewed={viewed}
        onView={(version) => change({ view: String(version) })}
      />
      {viewed !== null && (
        <VersionPanel
          documentId={id}
          version={viewed}
          zone={viewer.zone}
          onClose={() => change({ view: null })}
        />
      )}
      <Stack gap="xs" component="section" aria-labelledby="compare-heading">
        <Title order={2} size="h3" id="compare-heading">
          Compare two versions
        </Title>
        <Group gap="sm" align="flex-end" wrap="wrap">
          <Select
            label="From"
            data={options}
            value={String(pair.from)}
            onChange={(v) => v && change({ from: v })}
            allowDeselect={false}
            w={180}
          />
          <Select
            label="To"
            data={options}
            value={String(pair.to)}
            onChange={(v) => v && change({ to: v })}
            allowDeselect={false}
            w={180}
          />
        </Group>
        {pair.from === pair.to ? (
          <Text size="sm">
            {versions.data.length === 1
              ? "There is one version so far; once someone saves a change, compare it here."
              : "Choose two different versions to see what changed between them."}
          </Text>
        ) : !diff.data ? (
          <Loading error={diff.error} />
        ) : (
          <DiffView
            parts={diff.data.diff}
            layout={layout}
            onLayout={(next) => change({ layout: next === "side" ? "side" : null })}
            beforeLabel={`Version ${diff.data.from}`}
            afterLabel={`Version ${diff.data.to}`}
            label={`Changes from version ${diff.data.from} to version ${diff.data.to}`}
          />
        )}
      </Stack>
    </Stack>
  );
}
