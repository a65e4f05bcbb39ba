import { Skeleton } from "@mantine/core";
import { type ComponentProps, lazy, Suspense } from "react";

/** The chart chunk, loaded on the first chart a page draws (Home never does). */
const load = () => import("./index");
const LazyWeekChart = lazy(async () => ({ default: (await load()).WeekChart }));
const LazyGroupBars = lazy(async () => ({ default: (await load()).GroupBars }));

export type { Bar, ChartSeries } from "./index";

/** A weekly chart; a grey placeholder while its code loads (the sentence beside it is already there). */
export function WeekChart(props: ComponentProps<typeof LazyWeekChart>) {
  return (
    <Suspense fallback={<Skeleton height={170} maw={560} />}>
      <LazyWeekChart {...props} />
    </Suspense>
  );
}

export function GroupBars(props: ComponentProps<typeof LazyGroupBars>) {
  return (
    <Suspense fallback={<Skeleton height={props.bars.length * 26 + 8} maw={560} />}>
      <LazyGroupBars {...props} />
    </Suspense>
  );
}
