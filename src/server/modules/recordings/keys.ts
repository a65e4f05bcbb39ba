/** Where a recording's files live in storage; every key is of our own making. */
export const recordingFolder = (organisationId: string, recordingId: string) =>
  `recordings/${organisationId}/${recordingId}/`;
export const chunkKey = (organisationId: string, recordingId: string, index: number) =>
  `${recordingFolder(organisationId, recordingId)}chunks/${index}`;
export const videoKey = (organisationId: string, recordingId: string) =>
  `${recordingFolder(organisationId, recordingId)}video`;
export const posterKey = (organisationId: string, recordingId: string) =>
  `${recordingFolder(organisationId, recordingId)}poster`;
