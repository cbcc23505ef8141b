/**
 * An Apple object's status as a Layers status word. `deleted` wins over `status` (a soft-deleted
 * object keeps its last ENABLED/PAUSED); keywords say ACTIVE where campaigns and ad groups say ENABLED.
 */
export function layersStatusOfApple(o: { status: string; deleted?: boolean | undefined }): string {
  if (o.deleted === true) return "deleted";
  if (o.status === "ENABLED" || o.status === "ACTIVE") return "active";
  return o.status.toLowerCase();
}
