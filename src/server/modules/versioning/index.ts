/**
 * Versioned documents that people acknowledge (the agreement, policies; documents and check-in
 * questions next): append version n+1 under the race check, acknowledge (one 409 for a stale
 * version), compliance, and where a person stands since their last acknowledgement. It owns no
 * tables and no routes: each document hands over its own tables by their column names, and keeps
 * its own presenting, diffs and live events.
 */
export {
  type AcknowledgedDocument,
  type Acknowledgement,
  type AcknowledgementTable,
  acknowledge,
  acknowledgeAsPublisher,
  acknowledgementState,
  compliance,
  notAcknowledged,
  type Parts,
  type Standing,
  staleVersion,
  standingOf,
} from "./acknowledgements";
export {
  appendVersion,
  type DocumentRef,
  latestOfEach,
  latestVersion,
  listVersions,
  requireLatest,
  type VersionTable,
  versionOf,
} from "./versions";
