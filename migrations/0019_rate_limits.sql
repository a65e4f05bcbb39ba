-- UNLOGGED: the request rate limit's counters are written on every request; they need no WAL, and a
-- database crash only empties them (each client's minute starts again).
CREATE UNLOGGED TABLE "rate_limits" (
	"key" text PRIMARY KEY NOT NULL,
	"window_start" timestamp with time zone NOT NULL,
	"hits" integer NOT NULL
);
