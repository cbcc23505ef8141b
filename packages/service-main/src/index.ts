export { runServiceMain, type ServiceConfig, type ServiceHandles, type ServiceSpec } from "./run-service-main.ts";
