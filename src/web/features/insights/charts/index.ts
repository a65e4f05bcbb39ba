/** The insights charts: one chunk, imported lazily (./lazy), so no page pays for drawing before it draws. */
export { type Bar, GroupBars } from "./GroupBars";
export { type ChartSeries, WeekChart } from "./WeekChart";
