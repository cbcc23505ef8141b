import type { JetStreamClient } from "@nats-io/jetstream";

/** The gateway's JetStream client with publishes to some subjects failing, as a NATS hiccup looks to it. */
export function failingPublishes(js: JetStreamClient, fails: (subject: string) => boolean): { js: JetStreamClient; failed: string[] } {
  const failed: string[] = [];
  const publish: JetStreamClient["publish"] = async (subject, ...rest) => {
    if (fails(subject)) {
      failed.push(subject);
      throw new Error("simulated NATS hiccup");
    }
    return js.publish(subject, ...rest);
  };
  return { js: new Proxy(js, { get: (target, prop) => (prop === "publish" ? publish : Reflect.get(target, prop, target)) }), failed };
}
