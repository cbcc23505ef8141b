/**
 * The order `./dev start` stops its services in: the gateway first (no new work comes in), the
 * sandbox last (workers may still call it while they drain), every other service in between —
 * whatever the service list holds, so a service added to it is never left running.
 */
export function stopOrder(names: readonly string[]): string[] {
  const rest = names.filter((n) => n !== "gateway" && n !== "sandbox");
  return [...(names.includes("gateway") ? ["gateway"] : []), ...rest, ...(names.includes("sandbox") ? ["sandbox"] : [])];
}
