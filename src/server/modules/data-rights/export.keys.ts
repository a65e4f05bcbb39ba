/** Where an export's ZIP lives in storage; every key is of our own making. */
export const exportFolder = (organisationId: string, exportId: string) =>
  `exports/${organisationId}/${exportId}/`;
export const exportKey = (organisationId: string, exportId: string) =>
  `${exportFolder(organisationId, exportId)}export.zip`;
