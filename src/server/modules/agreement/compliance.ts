/** Who acknowledged a version (and when) and who is still pending: the agreement's and each policy's view. */
export function complianceView(version: number, everyone: string[], acknowledged: Map<string, Date>) {
  const current = new Set(everyone);
  return {
    version,
    acknowledged: [...acknowledged]
      .filter(([personId]) => current.has(personId))
      .map(([personId, at]) => ({ personId, at: at.toISOString() })),
    pending: everyone.filter((id) => !acknowledged.has(id)).map((personId) => ({ personId })),
  };
}
