/** Reply-by reminders and stalled threads (periodic). */
export const updateJobs = [];
