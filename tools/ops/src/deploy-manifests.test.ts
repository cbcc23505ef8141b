import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { Ajv } from "ajv";
import { parseAllDocuments, parse as parseYaml } from "yaml";
import { describe, expect, it } from "vitest";
import { natsNames, PLATFORMS } from "@layers/contracts";
import { baseConfigSchema } from "@layers/runtime";
import { ConfigMap } from "kubernetes-models/v1/ConfigMap";
import { Service } from "kubernetes-models/v1/Service";
import { Deployment } from "kubernetes-models/apps/v1/Deployment";
import { Job } from "kubernetes-models/batch/v1/Job";
import { PodDisruptionBudget } from "kubernetes-models/policy/v1/PodDisruptionBudget";
import { HorizontalPodAutoscaler } from "kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler";
import { ScaledObject } from "@kubernetes-models/keda/keda.sh/v1alpha1/ScaledObject";

/**
 * deploy/: every Kubernetes object (base and both overlays, rendered by kustomize) validates against
 * the Kubernetes and KEDA schemas, and compose.yaml against the Compose specification; plus the
 * rules the schemas cannot see (probes, PDBs, secrets by reference, compiled entry points, scalers).
 */
const root = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");
const k8s = join(root, "deploy/k8s");

type Obj = { apiVersion: string; kind: string; metadata: { name: string }; [k: string]: any };
const MODELS: Record<string, new (o: any) => { validate(): void }> = {
  "v1/ConfigMap": ConfigMap,
  "v1/Service": Service,
  "apps/v1/Deployment": Deployment,
  "batch/v1/Job": Job,
  "policy/v1/PodDisruptionBudget": PodDisruptionBudget,
  "autoscaling/v2/HorizontalPodAutoscaler": HorizontalPodAutoscaler,
  "keda.sh/v1alpha1/ScaledObject": ScaledObject,
};

function docs(text: string): Obj[] {
  return parseAllDocuments(text)
    .map((d) => d.toJS() as Obj | null)
    .filter((o): o is Obj => o !== null);
}

/** `kubectl kustomize` is kustomize itself (built into kubectl): the overlays are rendered as a cluster would see them. */
function render(dir: string): Obj[] {
  let out: string;
  try {
    out = execFileSync("kubectl", ["kustomize", dir], { encoding: "utf8" });
  } catch (err) {
    throw new Error(`rendering ${dir} needs kubectl (kustomize) on PATH: ${String(err)}`, { cause: err });
  }
  return docs(out);
}

function validate(objs: Obj[]): void {
  for (const o of objs) {
    const Model = MODELS[`${o.apiVersion}/${o.kind}`];
    expect(Model, `${o.apiVersion} ${o.kind} ${o.metadata?.name} has a schema here`).toBeDefined();
    expect(() => new Model!(o).validate(), `${o.kind}/${o.metadata.name}`).not.toThrow();
  }
}

const SERVICES = ["gateway", "gate", "dispatcher-meta", "dispatcher-tiktok", "dispatcher-apple", "webhooks"];
const SECRET_VARS = ["DATABASE_URL", "TOKEN_ENCRYPTION_KEY", "CUSTOMER_JWT_SECRET", "CURSOR_SECRET"];
const find = (objs: Obj[], kind: string, name: string) => objs.find((o) => o.kind === kind && o.metadata.name === name);

/** A compiled entry point `<workspace>/dist/<file>.js` whose source `<workspace>/src/<file>.ts` exists. */
function expectCompiledEntry(cmd: string[], what: string): void {
  const entry = cmd.find((a) => /\.(js|ts)$/.test(a));
  expect(entry, `${what} runs a file`).toBeDefined();
  expect(entry, `${what} runs compiled JS`).toMatch(/^[a-z-]+(\/[a-z-]+)?\/dist\/[a-z-]+\.js$/);
  expect(existsSync(join(root, entry!.replace("/dist/", "/src/").replace(/\.js$/, ".ts"))), `${what}: the source of ${entry} exists`).toBe(true);
}

function checkStack(objs: Obj[], replicas: string): void {
  validate(objs);
  expect(objs.filter((o) => o.kind === "Secret"), "secrets are referenced, never inlined").toEqual([]);
  const config = find(objs, "ConfigMap", "layers-config")!;
  // The shared settings parse with the services' own base schema (and say the replica count).
  expect(() => baseConfigSchema.parse(config.data)).not.toThrow();
  expect(config.data.NATS_STREAM_REPLICAS).toBe(replicas);

  for (const name of SERVICES) {
    const dep = find(objs, "Deployment", name);
    expect(dep, `Deployment ${name}`).toBeDefined();
    const c = dep!.spec.template.spec.containers[0];
    expectCompiledEntry(c.command, name);
    expect(c.livenessProbe.httpGet.path).toBe("/healthz");
    expect(c.readinessProbe.httpGet.path).toBe("/readyz");
    expect(c.resources.requests.cpu && c.resources.requests.memory && c.resources.limits.memory, `${name} resources`).toBeTruthy();
    for (const e of c.env ?? []) {
      if (SECRET_VARS.includes(e.name)) expect(e.valueFrom?.secretKeyRef?.name, `${name} ${e.name} comes from a Secret`).toBe("layers-secrets");
    }
    expect(c.env.some((e: any) => e.name === "DATABASE_URL")).toBe(true);
    const port = c.ports[0].containerPort;
    expect(port).toBe(name === "gateway" ? 8080 : Number(config.data.HEALTH_PORT));
    const pdb = find(objs, "PodDisruptionBudget", name);
    expect(pdb?.spec.selector.matchLabels, `PDB ${name}`).toEqual(dep!.spec.selector.matchLabels);
    expect(find(objs, "Service", name)?.spec.selector).toEqual(dep!.spec.selector.matchLabels);
  }
  const job = find(objs, "Job", "migrate")!;
  expectCompiledEntry(job.spec.template.spec.containers[0].command, "migrate job");
  expect(job.spec.template.spec.containers[0].command).toContain("migrate");

  // KEDA: one ScaledObject per dispatcher and for webhooks, on its own durable's lag, through the
  // headless service so the scaler can reach the consumer's leader.
  const names = natsNames(config.data.NATS_PREFIX);
  const scaled = [...PLATFORMS.map((p) => ({ name: `dispatcher-${p}`, stream: names.streams.dispatch, consumer: names.consumers.dispatcher(p) })), { name: "webhooks", stream: names.streams.events, consumer: names.consumers.webhooks }];
  for (const s of scaled) {
    const so = find(objs, "ScaledObject", s.name);
    expect(so?.spec.scaleTargetRef.name, `ScaledObject ${s.name}`).toBe(s.name);
    const [trigger] = so!.spec.triggers;
    expect(trigger.type).toBe("nats-jetstream");
    expect(trigger.metadata).toMatchObject({ stream: s.stream, consumer: s.consumer, account: "$G" });
    expect(trigger.metadata.natsServerMonitoringEndpoint).toMatch(/^nats-headless\./);
  }
  expect(objs.filter((o) => o.kind === "ScaledObject")).toHaveLength(scaled.length);
  const hpa = find(objs, "HorizontalPodAutoscaler", "gateway")!;
  expect(hpa.spec.scaleTargetRef).toMatchObject({ kind: "Deployment", name: "gateway" });
  expect(hpa.spec.metrics[0].resource.name).toBe("cpu");
}

describe("deploy/k8s", () => {
  it("every base file holds whole objects that validate against the Kubernetes and KEDA schemas", () => {
    const files = readdirSync(join(k8s, "base")).filter((f) => f.endsWith(".yaml") && f !== "kustomization.yaml");
    expect(files.length).toBeGreaterThan(5);
    validate(files.flatMap((f) => docs(readFileSync(join(k8s, "base", f), "utf8"))));
  });

  it("the schemas catch a broken object (so a passing validation means something)", () => {
    const dep = find(docs(readFileSync(join(k8s, "base/gate.yaml"), "utf8")), "Deployment", "gate")!;
    expect(() => new Deployment({ ...dep, spec: { ...dep.spec, replicas: "three" } } as any).validate()).toThrow();
    const so = find(docs(readFileSync(join(k8s, "base/autoscaling.yaml"), "utf8")), "ScaledObject", "webhooks")!;
    expect(() => new ScaledObject({ ...so, spec: { ...so.spec, scaleTargetRef: {} } } as any).validate()).toThrow();
  });

  it("the prod overlay renders a valid R3 stack: probes, resources, PDBs, secrets by reference, KEDA and HPA", () => {
    const objs = render(join(k8s, "overlays/prod"));
    checkStack(objs, "3");
    expect(objs.every((o) => o.kind === "Namespace" || (o.metadata as any).namespace === "layers")).toBe(true);
    expect(find(objs, "Deployment", "gate")!.spec.replicas).toBe(3);
    const image = find(objs, "Deployment", "gateway")!.spec.template.spec.containers[0].image;
    expect(image).not.toMatch(/:latest$|:dev$/);
  });

  it("the dev overlay renders a valid R1 stack with the sandbox standing in for the platforms", () => {
    const objs = render(join(k8s, "overlays/dev"));
    checkStack(objs, "1");
    expectCompiledEntry(find(objs, "Deployment", "sandbox")!.spec.template.spec.containers[0].command, "sandbox");
    expect(find(objs, "ConfigMap", "layers-platforms")!.data["meta-base-url"]).toBe("http://sandbox:4010");
  });

  it("the NATS Helm values run a three-node JetStream cluster with monitoring (for KEDA)", () => {
    const values = parseYaml(readFileSync(join(k8s, "nats/values.yaml"), "utf8"));
    expect(values.config.cluster).toMatchObject({ enabled: true, replicas: 3 });
    expect(values.config.jetstream.enabled).toBe(true);
    expect(values.config.jetstream.fileStore.pvc.enabled).toBe(true);
    expect(values.config.monitor).toMatchObject({ enabled: true, port: 8222 });
  });
});

describe("deploy/compose.yaml", () => {
  const compose = parseYaml(readFileSync(join(root, "deploy/compose.yaml"), "utf8"), { merge: true });

  it("validates against the Compose specification", () => {
    const ajv = new Ajv({ allErrors: true, strict: false });
    const schema = JSON.parse(readFileSync(join(root, "deploy/compose-spec.schema.json"), "utf8"));
    // The spec names its draft-07 meta-schema by an https URL Ajv does not bundle; Ajv speaks draft-07 by default.
    delete schema.$schema;
    const check = ajv.compile(schema);
    const ok = check(compose);
    expect(check.errors ?? [], "schema errors").toEqual([]);
    expect(ok).toBe(true);
    // …and it does refuse what the spec does not allow.
    expect(check({ ...compose, services: { ...compose.services, gate: { ...compose.services.gate, restart_policy: "always" } } })).toBe(false);
  });

  it("runs a three-node NATS cluster, R3 streams, and compiled JS in every container", () => {
    const nats = Object.keys(compose.services).filter((s) => s.startsWith("nats-"));
    expect(nats).toEqual(["nats-1", "nats-2", "nats-3"]);
    for (const n of nats) {
      const cmd: string[] = compose.services[n].command;
      expect(cmd).toContain("-js");
      expect(cmd[cmd.indexOf("--cluster_name") + 1]).toBe("layers");
      const routes = cmd[cmd.indexOf("--routes") + 1]!.split(",");
      expect(routes.sort()).toEqual(nats.filter((o) => o !== n).map((o) => `nats://${o}:6222`));
    }
    for (const [name, svc] of Object.entries<any>(compose.services)) {
      const cmd = svc.command ?? svc.entrypoint;
      if (!svc.build) continue;
      expectCompiledEntry(cmd, `compose ${name}`);
      expect(svc.environment.NATS_STREAM_REPLICAS, name).toBe("3");
      expect(svc.environment.NATS_URL.split(",")).toHaveLength(3);
    }
    for (const name of SERVICES.filter((s) => s !== "gateway")) expect(compose.services[name].environment.HEALTH_PORT).toBe("9464");
  });
});
